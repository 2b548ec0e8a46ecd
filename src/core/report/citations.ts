// Report step "citations": every paragraph reference of the report's notes, numbered in order of appearance and
// checked against the current text at once; and, per cited paragraph, which notes cite it.

import type { Article } from '../model'
import { checkRefs } from '../notes/refs'
import { pageSuffix } from './format'
import type { Citation, CitedByGroup } from './model'
import type { PendingCitation } from './notes'
import type { PlannedSource } from './sources'
import { excerpt, paragraphAnchor } from './text'

export function buildCitations(
  pending: PendingCitation[],
  articles: Record<string, Article>,
  sources: Map<string, PlannedSource>,
  /** An article report's article: its citations read "¶12" even when other sources are cited too. */
  primary: string | null
): Citation[] {
  const several = sources.size > 1
  const checked = checkRefs(
    pending.map(({ note, attrs }, ordinal) => ({ noteId: note.id, ordinal, ...attrs, context: '' })),
    (id) => articles[id]?.paragraphs ?? null
  )
  return checked.map((r, i): Citation => {
    const n = i + 1
    const { note, attrs } = pending[i]
    const source = sources.get(r.articleId)
    const article = source?.article
    const pid = r.status === 'orphan' ? r.suggestedParagraphId : r.paragraphId
    const p = pid ? article?.paragraphs.find((q) => q.id === pid) : undefined
    const number = p ? p.index + 1 : null
    const where = `¶${number ?? (attrs.label || '?')}${pageSuffix([p?.page])}`
    const short = source?.shortTitle ?? ''
    return {
      n,
      anchor: `cite-${n}`,
      noteId: note.id,
      noteTitle: note.title,
      articleId: r.articleId,
      paragraphId: p?.id ?? r.paragraphId,
      paragraphNumber: number,
      page: p?.page ?? null,
      label: !source ? `Deleted source ${where}` : several && r.articleId !== primary ? `${short} ${where}` : where,
      where,
      quote: r.quote,
      target: p && source ? 'in-report' : 'missing',
      targetAnchor: p && source ? paragraphAnchor(p.id, source.k) : null,
      sourceAnchor: source ? `src-${source.k}` : null,
      articleTitle: article?.title ?? '',
      shortTitle: short,
      excerpt: p ? excerpt(p.text) : ''
    }
  })
}

/** For each source, for each cited paragraph: the citing notes and their citation numbers (in report order). */
export function citedByParagraph(citations: Citation[], filter: (c: Citation) => boolean): Map<string, Map<string, CitedByGroup[]>> {
  const out = new Map<string, Map<string, CitedByGroup[]>>()
  for (const c of citations) {
    if (!filter(c)) continue
    const bySource = out.get(c.articleId) ?? new Map<string, CitedByGroup[]>()
    const groups = bySource.get(c.paragraphId) ?? []
    let g = groups.find((x) => x.noteId === c.noteId)
    if (!g) groups.push((g = { noteId: c.noteId, noteTitle: c.noteTitle, citations: [] }))
    g.citations.push(c.n)
    bySource.set(c.paragraphId, groups)
    out.set(c.articleId, bySource)
  }
  return out
}
