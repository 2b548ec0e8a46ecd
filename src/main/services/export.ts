// Export services: the annotated report (HTML, Markdown, PDF, W3C Web Annotation JSON) and re-importing
// annotations from such a JSON file.
import { GlossError, type ExportRequest } from '../../core/api'
import { nowIso } from '../../core/ids'
import type { Article, ExportFile, ExportFormat } from '../../core/model'
import { fromWebAnnotations, toWebAnnotations } from '../../core/report/annotations'
import { buildReport, type ReportInput } from '../../core/report/build'
import { renderReportHtml } from '../../core/report/html'
import { renderReportMarkdown } from '../../core/report/markdown'
import * as articles from '../db/articles'
import { writeTx } from '../db/database'
import * as highlightsRepo from '../db/highlights'
import * as notesRepo from '../db/notes'
import type { Ctx } from './context'
import { anchorInOrder, insertChecked } from './highlights'
import { requireArticle } from './library'

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/ld+json; charset=utf-8'
}

/** "Putin & Xi: the SCO summit" -> "putin-xi-the-sco-summit" (ASCII, at most 60 characters). */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
  return slug || 'article'
}

function reportInput(ctx: Ctx, req: ExportRequest): ReportInput {
  if (!req.articleId) throw new GlossError('invalid_input', 'Reports of notes and projects are not available yet.')
  const article = requireArticle(ctx, req.articleId)
  const highlights = anchorInOrder(article.paragraphs, highlightsRepo.listHighlights(ctx.db, article.id))
  const notes = notesRepo.notesAboutArticle(ctx.db, article.id)
  const referenced: Record<string, Article> = { [article.id]: article }
  for (const note of notes) {
    for (const ref of notesRepo.refsOfNote(ctx.db, note.id)) {
      if (ref.articleId in referenced) continue
      const other = articles.getArticle(ctx.db, ref.articleId)
      if (other) referenced[ref.articleId] = other
    }
  }
  return {
    article,
    highlights,
    notes,
    articles: referenced,
    options: { format: req.format, pageSize: req.pageSize, scope: req.scope, analyst: req.analyst, style: req.style },
    exportedAt: nowIso()
  }
}

async function render(ctx: Ctx, input: ReportInput): Promise<Uint8Array> {
  const { format } = input.options
  if (format === 'json') return new TextEncoder().encode(JSON.stringify(toWebAnnotations(input), null, 2))
  const model = buildReport(input)
  if (format === 'md') return new TextEncoder().encode(renderReportMarkdown(model))
  const html = renderReportHtml(model)
  if (format === 'html') return new TextEncoder().encode(html)
  return ctx.opts.pdf(html, { pageSize: input.options.pageSize, title: input.article.title })
}

export async function exportReport(ctx: Ctx, req: ExportRequest): Promise<ExportFile> {
  const input = reportInput(ctx, req)
  let bytes: Uint8Array
  try {
    bytes = await render(ctx, input)
  } catch (error) {
    if (error instanceof GlossError) throw error
    process.stderr.write(`Gloss: export failed: ${(error as Error).stack ?? String(error)}\n`)
    throw new GlossError('export_failed', `The ${req.format.toUpperCase()} report could not be produced: ${(error as Error).message}`)
  }
  return {
    filename: `${slugify(input.article.title)}-report.${req.format}`,
    mimeType: MIME[req.format],
    base64: Buffer.from(bytes).toString('base64'),
    byteLength: bytes.byteLength
  }
}

/** Creates highlights from a Web Annotation JSON export; all or nothing (one transaction). */
export function importAnnotations(ctx: Ctx, req: { articleId: string; json: string }): { created: number; skipped: number; warnings: string[] } {
  const article = requireArticle(ctx, req.articleId)
  let json: unknown
  try {
    json = JSON.parse(req.json)
  } catch {
    throw new GlossError('invalid_input', 'The annotation file is not valid JSON.')
  }
  const { highlights, skipped, warnings } = fromWebAnnotations(json, article)
  let created = 0
  let rejected = 0
  const notes = [...warnings]
  writeTx(ctx.db, () => {
    for (const req of highlights) {
      try {
        insertChecked(ctx, article.paragraphs, { ...req, articleId: article.id })
        created++
      } catch (error) {
        if (!(error instanceof GlossError)) throw error
        rejected++
        notes.push(`An annotation was skipped: ${error.message}`)
      }
    }
  })
  return { created, skipped: skipped + rejected, warnings: notes }
}
