// Import entry points for the backend: bytes or pasted text -> ParsedArticle.
import type { PasteRequest } from '../../core/api'
import { GlossError } from '../../core/api'
import type { SourceFormat } from '../../core/model'
import type { ParsedArticle } from '../../core/import/types'
import { MAX_IMPORT_BYTES, decodeText, formatBytes, normalizeNewlines } from '../../core/import/decode'
import { detectFormat } from '../../core/import/format'
import { parsePlainText } from '../../core/import/text'
import { parseMarkdown } from '../../core/import/markdown'
import { parseHtml } from './html'

export { sanitizeHtml } from './sanitize'

const PASTE_NAME = 'Pasted text'

function parseAs(format: SourceFormat, text: string, name: string): ParsedArticle {
  if (format === 'html') return parseHtml(text, name)
  if (format === 'md') return parseMarkdown(text, name)
  return parsePlainText(text, name)
}

function ensureReadable(article: ParsedArticle): ParsedArticle {
  if (article.blocks.length === 0) throw new GlossError('import_rejected', 'The file has no readable text.')
  return article
}

/** Decodes and parses an imported file (format from `req.format`, else from the name/content). */
export function parseImport(req: { name: string; bytes: Uint8Array; format?: SourceFormat }): ParsedArticle {
  const { text, warnings } = decodeText(req.bytes)
  const format = req.format ?? detectFormat(req.name, text)
  const article = ensureReadable(parseAs(format, text, req.name))
  return { ...article, warnings: [...warnings, ...article.warnings] }
}

/** Parses pasted text. Title: req.title, else the first short line followed by a blank line, else "Pasted text". */
export function parsePaste(req: PasteRequest): ParsedArticle {
  if (typeof req.text !== 'string' || req.text.trim() === '') {
    throw new GlossError('import_rejected', 'The pasted text is empty: there is nothing to import.')
  }
  const size = new TextEncoder().encode(req.text).length
  if (size > MAX_IMPORT_BYTES) {
    throw new GlossError(
      'import_rejected',
      `The pasted text is too large to import: it is ${formatBytes(size)} and the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`
    )
  }
  const text = normalizeNewlines(req.text.replace(/^\uFEFF/, '').replace(/\u0000/g, ''))
  const format = req.format ?? detectFormat('', text)
  const parsed = parseAs(format, text, PASTE_NAME)
  if (parsed.blocks.length === 0) throw new GlossError('import_rejected', 'The pasted text has no readable text.')
  const title = req.title?.trim() ? req.title.trim().replace(/\s+/g, ' ') : parsed.title
  return { ...parsed, title, source: parsed.source === PASTE_NAME ? null : parsed.source }
}
