// Export services: the annotated report (HTML, Markdown, PDF, W3C Web Annotation JSON) and re-importing
// annotations from such a JSON file.
import { GlossError, type ExportRequest } from '../../core/api'
import { nowIso } from '../../core/ids'
import type { AnchoredHighlight, Article, ExportFile, ExportFormat, Note } from '../../core/model'
import { fromWebAnnotations, toWebAnnotations } from '../../core/report/annotations'
import { buildReport, type ReportInput, type ReportSubject } from '../../core/report/build'
import { REPORT_KINDS, renderReportHtml } from '../../core/report/html'
import { renderReportMarkdown } from '../../core/report/markdown'
import * as articlesRepo from '../db/articles'
import * as projectsRepo from '../db/projects'
import { formatBibliography } from '../export/bibliography'
import { writeTx } from '../db/database'
import * as highlightsRepo from '../db/highlights'
import * as notesRepo from '../db/notes'
import type { Ctx } from './context'
import { matricesForReport } from './ach'
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

/** The report's subject and the notes to choose from (the core selects the report's notes). */
function subjectOf(ctx: Ctx, req: ExportRequest): { subject: ReportSubject; notes: Note[]; name: string } {
  if (req.projectId) {
    const project = projectsRepo.getProject(ctx.db, req.projectId)
    if (!project) throw new GlossError('not_found', 'That project no longer exists. It may have been deleted.')
    const subject: ReportSubject = { kind: 'project', projectId: project.id, title: project.title, articleIds: project.articleIds }
    return { subject, notes: notesRepo.notesOfProject(ctx.db, project.id), name: project.title }
  }
  if (req.noteId) {
    const note = notesRepo.getNote(ctx.db, req.noteId)
    if (!note) throw new GlossError('not_found', 'That note no longer exists. It may have been deleted.')
    return { subject: { kind: 'note', noteId: note.id }, notes: [note], name: note.title }
  }
  const article = requireArticle(ctx, req.articleId!)
  return { subject: { kind: 'article', articleId: article.id }, notes: notesRepo.notesAboutArticle(ctx.db, article.id), name: article.title }
}

/** Everything the report builder needs, read in one pass: the subject's notes, every article they draw on, highlights. */
function reportInput(ctx: Ctx, req: ExportRequest): { input: ReportInput; name: string } {
  const { subject, notes, name } = subjectOf(ctx, req)
  const ids = new Set<string>(subject.kind === 'article' ? [subject.articleId] : subject.kind === 'project' ? subject.articleIds : [])
  for (const note of notes) {
    if (note.articleId) ids.add(note.articleId)
    for (const ref of notesRepo.refsOfNote(ctx.db, note.id)) ids.add(ref.articleId)
  }
  const articles: Record<string, Article> = {}
  const highlights: AnchoredHighlight[] = []
  for (const id of ids) {
    const article = articlesRepo.getArticle(ctx.db, id)
    if (!article) continue
    articles[id] = article
    highlights.push(...anchorInOrder(article.paragraphs, highlightsRepo.listHighlights(ctx.db, id)))
  }
  const options = { format: req.format, pageSize: req.pageSize, scope: req.scope, analyst: req.analyst, style: req.style }
  return {
    name,
    input: {
      subject,
      articles,
      highlights,
      notes,
      options,
      exportedAt: nowIso(),
      formatBibliography: (items) => formatBibliography(items, req.style, ctx.opts.resourcesDir),
      ach:
        subject.kind === 'project'
          ? matricesForReport(ctx, subject.projectId).flatMap((m) => (m.matrix ? [{ id: m.id, title: m.title, matrix: m.matrix }] : []))
          : []
    }
  }
}

async function render(ctx: Ctx, input: ReportInput): Promise<Uint8Array> {
  const { format } = input.options
  const model = buildReport(input)
  if (format === 'json') return new TextEncoder().encode(JSON.stringify(toWebAnnotations(input, model), null, 2))
  if (format === 'md') return new TextEncoder().encode(renderReportMarkdown(model))
  const html = renderReportHtml(model)
  if (format === 'html') return new TextEncoder().encode(html)
  return ctx.opts.pdf(html, { pageSize: input.options.pageSize, title: model.meta.title, kind: REPORT_KINDS[model.meta.kind] })
}

export async function exportReport(ctx: Ctx, req: ExportRequest): Promise<ExportFile> {
  const { input, name } = reportInput(ctx, req)
  let bytes: Uint8Array
  try {
    bytes = await render(ctx, input)
  } catch (error) {
    if (error instanceof GlossError) throw error
    process.stderr.write(`Gloss: export failed: ${(error as Error).stack ?? String(error)}\n`)
    throw new GlossError('export_failed', `The ${req.format.toUpperCase()} report could not be produced: ${(error as Error).message}`)
  }
  return {
    filename: `${slugify(name)}-${req.projectId ? 'project-' : req.noteId ? 'note-' : ''}report.${req.format}`,
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
