// Library services: importing (file, paste, the bundled sample), listing, reading and deleting articles.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { GlossError, type ImportRequest, type ImportResult, type PasteRequest } from '../../core/api'
import { newId, nowIso } from '../../core/ids'
import type { ParsedArticle } from '../../core/import/types'
import type { Article, ArticleSummary } from '../../core/model'
import { assignParagraphIds } from '../../core/paragraphs'
import * as articles from '../db/articles'
import { getSetting, setSetting } from '../db/settings'
import { parseImport, parsePaste } from '../import'
import type { Ctx } from './context'

export const SAMPLE_FILE = 'putin-xi-sco-summit.txt'
export const SAMPLE_FLAG = 'sample_imported'

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Strict base64 decoding: Node's decoder silently skips garbage, which would import something else than sent. */
export function decodeBase64(b64: string): Uint8Array {
  const clean = b64.replace(/\s+/g, '')
  if (!BASE64.test(clean) || clean.length % 4 === 1) {
    throw new GlossError('invalid_input', 'The file could not be read: its content was not sent as valid base64.')
  }
  return new Uint8Array(Buffer.from(clean, 'base64'))
}

/** Stores a parsed document as a new article (one transaction). `extra` runs inside the same transaction. */
function store(ctx: Ctx, parsed: ParsedArticle, extra?: () => void): ImportResult {
  const paragraphs = assignParagraphIds(parsed.blocks)
  if (paragraphs.length === 0) {
    throw new GlossError('import_rejected', 'Nothing to import: the document contains no readable text.')
  }
  const id = newId()
  const now = nowIso()
  ctx.db.transaction(() => {
    articles.insertArticle(
      ctx.db,
      {
        id,
        title: parsed.title,
        source: parsed.source,
        author: parsed.author,
        publishedAt: parsed.publishedAt,
        format: parsed.format,
        warnings: parsed.warnings,
        paragraphs
      },
      now
    )
    extra?.()
  }).immediate()
  return { article: articles.getArticleSummary(ctx.db, id)!, warnings: parsed.warnings }
}

function rethrowImport(error: unknown): never {
  if (error instanceof GlossError) throw error
  throw new GlossError('import_rejected', `The document could not be imported: ${(error as Error).message}`)
}

export function importFile(ctx: Ctx, req: ImportRequest): ImportResult {
  const bytes = decodeBase64(req.base64)
  let parsed: ParsedArticle
  try {
    parsed = parseImport({ name: req.name, bytes, format: req.format })
  } catch (error) {
    rethrowImport(error)
  }
  return store(ctx, parsed)
}

export function importText(ctx: Ctx, req: PasteRequest): ImportResult {
  let parsed: ParsedArticle
  try {
    parsed = parsePaste(req)
  } catch (error) {
    rethrowImport(error)
  }
  return store(ctx, parsed)
}

/**
 * First run: imports the bundled sample through the same importer as a user's file, then sets a flag so that
 * deleting the sample does not bring it back. A missing sample file is reported on stderr and retried next start.
 */
export function importSampleOnFirstRun(ctx: Ctx): void {
  if (getSetting(ctx.db, SAMPLE_FLAG)) return
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(join(ctx.opts.resourcesDir, SAMPLE_FILE)))
  } catch (error) {
    process.stderr.write(`Gloss: the sample article could not be read (${(error as Error).message}); skipping it.\n`)
    return
  }
  const parsed = parseImport({ name: SAMPLE_FILE, bytes })
  const paragraphsOk = parsed.blocks.length > 0
  if (!paragraphsOk) return
  // Check the flag again inside an immediate transaction: two processes starting at once import it once.
  ctx.db
    .transaction(() => {
      if (getSetting(ctx.db, SAMPLE_FLAG)) return
      store(ctx, parsed, () => setSetting(ctx.db, SAMPLE_FLAG, nowIso()))
    })
    .immediate()
}

export function listArticles(ctx: Ctx): ArticleSummary[] {
  return articles.listArticles(ctx.db)
}

export function requireArticle(ctx: Ctx, id: string): Article {
  const article = articles.getArticle(ctx.db, id)
  if (!article) throw new GlossError('not_found', 'This article is not in the library (it may have been deleted).')
  return article
}

export function restoreArticle(ctx: Ctx, id: string): ArticleSummary {
  if (!articles.restoreArticle(ctx.db, id, nowIso())) {
    throw new GlossError('not_found', 'This article cannot be restored: it is in the library already, or it was never there.')
  }
  const summary = listArticles(ctx).find((a) => a.id === id)
  if (!summary) throw new GlossError('internal', 'The article was restored but could not be read back.')
  return summary
}

export function deleteArticle(ctx: Ctx, id: string): void {
  if (!articles.tombstoneArticle(ctx.db, id, nowIso())) {
    throw new GlossError('not_found', 'This article is not in the library (it may have been deleted already).')
  }
}
