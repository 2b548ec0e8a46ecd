// Re-import: a newer (or corrected) version of an article — from a file or from its web address — replaces its text.
// Paragraph ids carry over (assignParagraphIds aligns them), so highlights and note references follow the text;
// paragraphs that are gone are tombstoned, never erased, and what pointed at them shows as orphaned. Details the user
// corrected ("Edit details…") are kept.
import { GlossError, type ReimportRequest, type ReimportResult } from '../../core/api'
import { nowIso } from '../../core/ids'
import type { Paragraph } from '../../core/model'
import { assignParagraphIds } from '../../core/paragraphs'
import * as articles from '../db/articles'
import { CANCELLED } from '../import/runner'
import type { ImportWork } from '../import/worker'
import type { Ctx } from './context'
import { writeTx } from '../db/database'
import { decodeBase64, withImportJob } from './library'
import { fetchWebSource } from './web-source'
import { scheduleAnalysis } from './analysis'

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

function sameParagraphs(a: Paragraph[], b: Paragraph[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i].id && p.text === b[i].text)
}

export async function reimportArticle(ctx: Ctx, req: ReimportRequest): Promise<ReimportResult> {
  // Fail early on an unknown article (before reading anything); checked again inside the transaction.
  const current = articles.getArticleSummary(ctx.db, req.articleId)
  if (!current) throw new GlossError('not_found', NOT_FOUND)
  return withImportJob(ctx, req.jobId, async (job) => {
    let task: ImportWork
    let fetched: { finalUrl: string; fetchedAt: string } | null = null
    if (req.base64 !== undefined) {
      task = {
        kind: 'source',
        source: { name: req.name ?? current.fileName ?? 'file', bytes: decodeBase64(req.base64), format: req.format, password: req.password }
      }
    } else {
      const address = req.url ?? current.url
      if (!address) throw new GlossError('invalid_input', 'This article has no web address to update it from; choose a file instead.')
      const web = await fetchWebSource(ctx, address, job.signal)
      task = { kind: 'source', source: web.source }
      fetched = web
    }
    const previous = articles.getParagraphs(ctx.db, req.articleId)
    const { article, paragraphs: parsed } = await ctx.importer.run(
      { ...task, previous },
      { signal: job.signal, onProgress: (p) => job.report(p.stage, p.done, p.total) }
    )
    if (job.signal.aborted) throw new GlossError('cancelled', CANCELLED)
    job.report('saving')

    // Immediate: two updates of the same article at once are applied one after the other, each on fresh text.
    const counts = writeTx(ctx.db, () => {
      if (!articles.articleExists(ctx.db, req.articleId)) throw new GlossError('not_found', NOT_FOUND)
      const now = articles.getParagraphs(ctx.db, req.articleId)
      // Someone else changed the text while the worker ran: align the new version with what is stored now.
      const paragraphs = sameParagraphs(now, previous) ? parsed : assignParagraphIds(parsed, now)
      const at = nowIso()
      articles.replaceParagraphs(ctx.db, req.articleId, paragraphs, at)
      const kept = articles.detailsEdited(ctx.db, req.articleId) ? current : article
      articles.updateArticleMeta(
        ctx.db,
        req.articleId,
        {
          title: kept.title,
          authors: kept.authors,
          publisher: kept.publisher,
          publishedAt: kept.publishedAt,
          url: (kept === current ? current.url : article.url) ?? fetched?.finalUrl ?? current.url,
          accessedAt: fetched?.fetchedAt ?? current.accessedAt,
          fileName: req.base64 !== undefined ? (req.name ?? current.fileName) : current.fileName,
          lang: article.lang,
          excerpt: article.excerpt,
          format: article.format,
          warnings: article.warnings
        },
        at
      )
      return diffParagraphs(now, paragraphs)
    })
    // Only the paragraphs whose text changed are analysed again (the cache is keyed by paragraph and text hash).
    scheduleAnalysis(ctx, req.articleId)
    return { article: articles.getArticleSummary(ctx.db, req.articleId)!, warnings: article.warnings, ...counts }
  })
}
