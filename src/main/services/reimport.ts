// Re-import: a newer (or corrected) version of an article's file replaces its text. Paragraph ids carry over
// (assignParagraphIds aligns them), so highlights and note references follow the text; paragraphs that are gone
// are tombstoned, never erased, and what pointed at them shows as orphaned.
import { GlossError, type ReimportRequest, type ReimportResult } from '../../core/api'
import { nowIso } from '../../core/ids'
import type { ParsedArticle } from '../../core/import/types'
import type { Paragraph } from '../../core/model'
import { assignParagraphIds } from '../../core/paragraphs'
import * as articles from '../db/articles'
import { parseImport } from '../import'
import type { Ctx } from './context'
import { decodeBase64 } from './library'

const NOT_FOUND = 'This article is not in the library (it may have been deleted), so it cannot be updated.'

/** How the new paragraphs relate to the previous live ones. */
export function diffParagraphs(previous: Paragraph[], next: Paragraph[]): Pick<ReimportResult, 'kept' | 'edited' | 'added' | 'removed'> {
  const before = new Map(previous.map((p) => [p.id, p.text]))
  let kept = 0
  let edited = 0
  let added = 0
  for (const p of next) {
    const old = before.get(p.id)
    if (old === undefined) added++
    else if (old === p.text) kept++
    else edited++
  }
  const nextIds = new Set(next.map((p) => p.id))
  const removed = previous.filter((p) => !nextIds.has(p.id)).length
  return { kept, edited, added, removed }
}

function parse(req: ReimportRequest): ParsedArticle {
  const bytes = decodeBase64(req.base64)
  try {
    return parseImport({ name: req.name, bytes, format: req.format })
  } catch (error) {
    if (error instanceof GlossError) throw error
    throw new GlossError('import_rejected', `The new version could not be read: ${(error as Error).message}`)
  }
}

export function reimportArticle(ctx: Ctx, req: ReimportRequest): ReimportResult {
  // Fail early on an unknown article (before reading the file); checked again inside the transaction.
  if (!articles.articleExists(ctx.db, req.articleId)) throw new GlossError('not_found', NOT_FOUND)
  const parsed = parse(req)
  if (parsed.blocks.length === 0) throw new GlossError('import_rejected', 'The file has no readable text.')

  const counts = ctx.db
    .transaction(() => {
      if (!articles.articleExists(ctx.db, req.articleId)) throw new GlossError('not_found', NOT_FOUND)
      const previous = articles.getParagraphs(ctx.db, req.articleId)
      const paragraphs = assignParagraphIds(parsed.blocks, previous)
      const now = nowIso()
      articles.replaceParagraphs(ctx.db, req.articleId, paragraphs, now)
      articles.updateArticleMeta(
        ctx.db,
        req.articleId,
        {
          title: parsed.title,
          source: parsed.source,
          author: parsed.author,
          publishedAt: parsed.publishedAt,
          format: parsed.format,
          warnings: parsed.warnings
        },
        now
      )
      return diffParagraphs(previous, paragraphs)
    })
    // Immediate: two updates of the same article at once are applied one after the other, each on fresh text.
    .immediate()

  return { article: articles.getArticleSummary(ctx.db, req.articleId)!, warnings: parsed.warnings, ...counts }
}
