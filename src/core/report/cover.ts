// What the report's cover says, for both renderers (each escapes and links in its own syntax).

import { formatDate, formatDateTime, plural } from './format'
import type { ReportModel } from './model'

export interface CoverRow {
  label: string
  value: string
  /** The value is a web address (rendered as a link). */
  link?: boolean
}

/** The cover's rows: an article report's source details, or a project's or note's sources; analyst; export time. */
export function coverRows(model: ReportModel): CoverRow[] {
  const m = model.meta
  const rows: CoverRow[] = []
  const subject = m.kind === 'article' ? model.sources[0] : undefined
  if (subject) {
    if (subject.authors.length) rows.push({ label: subject.authors.length === 1 ? 'Author' : 'Authors', value: subject.authors.join(', ') })
    if (subject.publisher) rows.push({ label: subject.format === 'html' ? 'Site' : 'Publisher', value: subject.publisher })
    if (subject.publishedAt) rows.push({ label: 'Published', value: formatDate(subject.publishedAt) })
    if (subject.url) rows.push({ label: 'Source', value: subject.url, link: true })
    else if (subject.fileName) rows.push({ label: 'Source', value: subject.fileName })
    if (subject.accessedAt) rows.push({ label: 'Accessed', value: formatDate(subject.accessedAt) })
  } else {
    if (m.projectTitle) rows.push({ label: 'Project', value: m.projectTitle })
    rows.push({ label: 'Sources', value: model.sources.length ? model.bibliography.map((s) => s.shortTitle).join('; ') : 'none' })
  }
  if (m.analyst) rows.push({ label: 'Analyst', value: m.analyst })
  rows.push({ label: 'Exported', value: formatDateTime(m.exportedAt) })
  return rows
}

/** "4 sources · 83 paragraphs · 8 highlights · 4 citations · 1 note" (no source count for an article report). */
export function coverSummary(model: ReportModel): string {
  const m = model.meta
  return [
    m.kind === 'article' ? '' : plural(m.sourceCount, 'source'),
    plural(m.paragraphCount, 'paragraph'),
    plural(m.highlightCount, 'highlight'),
    plural(model.citations.length, 'citation'),
    plural(m.noteCount, 'note')
  ]
    .filter(Boolean)
    .join(' · ')
}
