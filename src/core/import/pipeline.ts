// The one import pipeline every format enters: sniff the format, decode, extract, sanitise, segment. (Paragraph ids
// are assigned after it, by assignParagraphIds.) The shell supplies the HTML parser and sanitiser; the pipeline runs
// off the backend's event loop, in an import worker (src/main/import/worker.ts).
import { GlossError } from '../errors'
import type { SourceFormat } from '../model'
import { decodeText, formatBytes, MAX_IMPORT_BYTES, normalizeNewlines } from './decode'
import { detectFormat } from './format'
import type { HtmlEnv } from './html/dom'
import { extractHtml } from './html/extract'
import { parseMarkdown } from './markdown'
import { parsePdfDocument, type Lexicon, type PdfDocument } from './pdf'
import { parseEpub } from './epub'
import { docxProperties, parseDocx } from './docx'
import { parsePlainText } from './text'
import type { ParsedArticle } from './types'

export interface ImportSource {
  /** File name as the user sees it, or a name derived from the web address. */
  name: string
  bytes: Uint8Array
  /** Format chosen by the user; otherwise sniffed. */
  format?: SourceFormat
  /** For web imports: the server's MIME type and charset. */
  contentType?: string | null
  charset?: string | null
  /** For web imports: the address the bytes came from (final, after redirects). */
  url?: string | null
  /** For a password-protected PDF. */
  password?: string
}

export type ImportStage = 'reading' | 'extracting' | 'saving'

/** Readers of binary formats, supplied by the shell (libraries made for each: pdf.js, mammoth…). */
export interface BinaryReaders {
  pdf(bytes: Uint8Array, opts: { password?: string; progress?: (done: number, total: number) => void }): Promise<PdfDocument>
  /** A Word document as HTML (mammoth). */
  docx(bytes: Uint8Array): Promise<string>
}

export interface PipelineEnv {
  html: HtmlEnv
  readers?: BinaryReaders
  /** Word frequencies of the document's language, for undoing line-end hyphens in PDFs. */
  lexicon?: Lexicon
  progress?: (stage: ImportStage, done?: number, total?: number) => void
}

const MIME_FORMATS: Record<string, SourceFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'application/pdf': 'pdf',
  'application/epub+zip': 'epub',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx'
}

/** Formats recognised by their first bytes, whatever the file is called. */
function sniffBinary(bytes: Uint8Array, name: string): SourceFormat | null {
  const latin1 = new TextDecoder('latin1')
  const ascii = (from: number, to: number): string => latin1.decode(bytes.subarray(from, Math.min(bytes.length, to)))
  const head = ascii(0, 1024)
  // PDF readers accept up to 1 KB of junk before the header; a text file that merely mentions %PDF- is text.
  if (/^[\s\u0000]*%PDF-/.test(head) || (/\.pdf$/i.test(name) && head.includes('%PDF-'))) return 'pdf'
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // A zip: an EPUB names its type in the first entry; a Word file holds word/document.xml.
    if (ascii(30, 58) === 'mimetypeapplication/epub+zip') return 'epub'
    const sample = ascii(0, 64 * 1024)
    if (sample.includes('word/')) return 'docx'
    if (sample.includes('META-INF/container.xml') || sample.includes('.opf')) return 'epub'
    // A zip that says nothing about itself: trust its name (a damaged book then says it is damaged).
    const ext = /\.(epub|docx)$/i.exec(name)?.[1].toLowerCase()
    return ext === 'epub' || ext === 'docx' ? ext : null
  }
  return null
}

/** The format of a source: the user's choice, else its first bytes, else the server's MIME type, else name/content. */
export function sourceFormat(src: ImportSource, text?: string): SourceFormat | null {
  if (src.format) return src.format
  const binary = sniffBinary(src.bytes, src.name)
  if (binary) return binary
  const mime = src.contentType?.split(';')[0].trim().toLowerCase()
  if (mime && MIME_FORMATS[mime]) return MIME_FORMATS[mime]
  return text === undefined ? null : detectFormat(src.name, text)
}

const NOT_YET: Partial<Record<SourceFormat, string>> = {}

function ensureText(parsed: ParsedArticle): ParsedArticle {
  if (parsed.blocks.length === 0) throw new GlossError('import_rejected', 'The file has no readable text.')
  return parsed
}

/** Runs the pipeline on one source. Throws GlossError('import_rejected') with a message for a person. */
export async function parseSource(src: ImportSource, env: PipelineEnv): Promise<ParsedArticle> {
  env.progress?.('reading')
  const early = sourceFormat(src)
  if (early && NOT_YET[early]) throw new GlossError('import_rejected', NOT_YET[early]!)
  if (early === 'pdf') {
    if (!env.readers) throw new GlossError('internal', 'PDF files can only be read by the import worker.')
    const doc = await env.readers.pdf(src.bytes, { password: src.password, progress: (done, total) => env.progress?.('reading', done, total) })
    env.progress?.('extracting')
    return ensureText(parsePdfDocument(doc, src.name, env.lexicon))
  }
  if (early === 'epub') {
    return ensureText(parseEpub(src.bytes, src.name, env.html, (done, total) => env.progress?.('extracting', done, total)))
  }
  if (early === 'docx') {
    if (!env.readers) throw new GlossError('internal', 'Word files can only be read by the import worker.')
    const core = docxProperties(src.bytes)
    const html = await env.readers.docx(src.bytes)
    env.progress?.('extracting')
    return ensureText(parseDocx(html, core, src.name, env.html))
  }
  return parseTextSource(src, env)
}

/** The text formats (synchronous: no worker needed, e.g. for the bundled sample). */
export function parseTextSource(src: ImportSource, env: PipelineEnv): ParsedArticle {
  const early = sourceFormat(src)
  const { text, warnings } = decodeText(src.bytes, { charset: src.charset ?? null, html: early === 'html' || early === null })
  const format = early ?? sourceFormat(src, text) ?? 'txt'
  env.progress?.('extracting')
  const parsed = ensureText(parseText(format, text, src.name, env.html, src.url ?? null))
  return { ...parsed, warnings: [...warnings, ...parsed.warnings] }
}

/** Text already decoded (a file's content, or pasted text) in a text format. */
export function parseText(format: SourceFormat, text: string, name: string, html: HtmlEnv, url: string | null = null): ParsedArticle {
  if (format === 'html') return extractHtml({ html: text, name, baseUrl: url }, html)
  if (format === 'md') return parseMarkdown(text, name, html)
  if (format === 'txt') return parsePlainText(text, name)
  throw new GlossError('import_rejected', `This ${format.toUpperCase()} file cannot be read as text.`)
}

export interface PastedText {
  text: string
  title?: string
  format?: SourceFormat
}

export const PASTE_NAME = 'Pasted text'

/** Pasted text. Title: the one given, else the format's own rule (a short first line…), else "Pasted text". */
export function parsePaste(req: PastedText, env: PipelineEnv): ParsedArticle {
  if (req.text.trim() === '') throw new GlossError('import_rejected', 'The pasted text is empty: there is nothing to import.')
  const size = new TextEncoder().encode(req.text).length
  if (size > MAX_IMPORT_BYTES) {
    throw new GlossError(
      'import_rejected',
      `The pasted text is too large to import: it is ${formatBytes(size)} and the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`
    )
  }
  env.progress?.('extracting')
  // Control characters (NUL included) never reach the library.
  const text = normalizeNewlines(req.text.replace(/^\uFEFF/, '').replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, ''))
  const format = req.format ?? detectFormat('', text)
  const parsed = parseText(format, text, PASTE_NAME, env.html)
  if (parsed.blocks.length === 0) throw new GlossError('import_rejected', 'The pasted text has no readable text.')
  const title = req.title?.trim() ? req.title.trim().replace(/\s+/g, ' ') : parsed.title
  return { ...parsed, title }
}
