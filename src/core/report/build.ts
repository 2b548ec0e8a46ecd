// Builds the report model, in steps: notes (selected once, references numbered), sources (chosen, bibliography
// formatted), citations (checked and labelled), one section per source (excerpts or full text, comment footnotes),
// then the appendix (highlights by tag, citation index). Each step is a small pure function of its own file.

import { CITATION_STYLE_LABELS } from '../model'
import { buildAchTables, evidenceParagraphs } from './ach'
import { groupByTag, citationIndex, highlightRows } from './appendix'
import { buildCitations, citedByParagraph } from './citations'
import { buildSourceSection } from './excerpts'
import type { CommentFootnote, HighlightRow, ReportInput, ReportModel, ReportSource } from './model'
import { buildNotes, selectNotes } from './notes'
import { quoteFlags } from './integrity'
import { chooseSources, planSources, type PlannedSource } from './sources'

export type * from './model'
export { safeHref } from './notes'
export { paragraphAnchor } from './text'

function reportTitle(input: ReportInput, noteTitle: string | null): string {
  const s = input.subject
  if (s.kind === 'article') return input.articles[s.articleId]?.title ?? ''
  if (s.kind === 'project') return s.title
  return noteTitle ?? ''
}

export function buildReport(input: ReportInput): ReportModel {
  const { subject, articles, options } = input

  // Notes: selected once; every reference numbered in order of appearance.
  const selected = selectNotes(subject, input.notes)
  // Quotations beside chips, checked against the cited paragraphs: the unverified ones are flagged.
  const integrity = quoteFlags(selected, articles)
  const { notes, pending } = buildNotes(selected, integrity.at)
  const exported = subject.kind === 'note' ? (selected[0]?.note ?? null) : null

  // Sources and their bibliography.
  const ids = chooseSources(subject, exported?.articleId ?? null, pending, articles)
  const primary = subject.kind === 'article' ? subject.articleId : null
  const { sections, bibliography } = planSources(ids, articles, input.formatBibliography, primary)
  const planned = new Map<string, PlannedSource>(sections.map((s) => [s.article.id, s]))

  // Citations, and which paragraphs they cite.
  const citations = buildCitations(pending, articles, planned, primary)
  const citedBy = citedByParagraph(citations, (c) => c.target === 'in-report')
  const missing = citedByParagraph(citations, (c) => c.target === 'missing')

  // One section per source; comment footnotes are numbered through the whole report.
  const footnotes: CommentFootnote[] = []
  const rows: HighlightRow[] = []
  const ach = subject.kind === 'project' ? (input.ach ?? []) : []
  const evidence = evidenceParagraphs(ach)
  const sources: ReportSource[] = sections.map((s) => {
    const a = s.article
    const highlights = input.highlights.filter((h) => h.articleId === a.id)
    const full = options.scope === 'full' && (subject.kind !== 'article' || a.id === primary)
    const section = buildSourceSection({
      article: a,
      k: s.k,
      highlights,
      citedBy: citedBy.get(a.id) ?? new Map(),
      full,
      firstFootnote: footnotes.length + 1,
      alsoShown: evidence.get(a.id)
    })
    footnotes.push(...section.footnotes)
    rows.push(...highlightRows(s, section.inOrder, section.footnotes))
    return {
      articleId: a.id,
      anchor: `src-${s.k}`,
      sectionAnchor: `source-${s.k}`,
      title: a.title,
      shortTitle: s.shortTitle,
      authors: a.authors,
      publisher: a.publisher,
      publishedAt: a.publishedAt,
      url: a.url,
      accessedAt: a.accessedAt,
      fileName: a.fileName,
      format: a.format,
      bibliography: s.bibliography,
      csl: s.csl,
      paragraphCount: a.paragraphs.length,
      highlightCount: highlights.length,
      citationCount: citations.filter((c) => c.articleId === a.id).length,
      full,
      items: section.items
    }
  })
  const bySection = new Map(sources.map((s) => [s.articleId, s]))

  return {
    meta: {
      kind: subject.kind,
      title: reportTitle(input, exported?.title ?? null),
      projectTitle: subject.kind === 'project' ? subject.title : null,
      articleId: primary,
      analyst: options.analyst.trim(),
      exportedAt: input.exportedAt,
      pageSize: options.pageSize,
      scope: options.scope,
      styleLabel: CITATION_STYLE_LABELS[options.style],
      sourceCount: sources.length,
      paragraphCount: sources.reduce((n, s) => n + s.paragraphCount, 0),
      highlightCount: rows.length,
      noteCount: notes.length
    },
    notes,
    citations,
    sources,
    bibliography: bibliography.map((b) => bySection.get(b.article.id)!),
    footnotes,
    appendix: { highlights: groupByTag(rows), highlightCount: rows.length, citationIndex: citationIndex(sections, citations, citedBy, missing) },
    quoteFlags: integrity.flags,
    ach: buildAchTables(ach, articles, planned, sources.length > 1)
  }
}
