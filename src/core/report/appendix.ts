// Report step "appendix": every highlight of the report's sources grouped by tag (with where it is and its comment),
// and the citation index (per source, each cited paragraph and the notes citing it).

import type { AnchoredHighlight, Article, Paragraph } from '../model'
import { highlightPassage } from '../tags'
import { placedSegments } from './excerpts'
import type { Citation, CitationIndexSource, CitedByGroup, CommentFootnote, HighlightGroup, HighlightRow } from './model'
import type { PlannedSource } from './sources'
import { paragraphAnchor } from './text'

/** What the appendix says beside a highlight that is not simply where it was made. */
export function statusNoteOf(status: AnchoredHighlight['status'], unplaced: boolean): string | null {
  if (unplaced) return status === 'review' ? 'not found where it was; needs review' : 'not found in current text'
  if (status === 'partial') return 'partly found in current text'
  if (status === 'moved') return 'found in another paragraph'
  return null
}

export function highlightRows(source: PlannedSource, inOrder: AnchoredHighlight[], footnotes: CommentFootnote[]): HighlightRow[] {
  const byId = new Map<string, Paragraph>(source.article.paragraphs.map((p) => [p.id, p]))
  const footnoteOf = new Map(footnotes.map((f) => [f.highlightId, f.n]))
  return inOrder.map((h) => {
    const segs = placedSegments(h, byId)
    const orphan = segs.length === 0
    return {
      highlightId: h.id,
      articleId: source.article.id,
      source: source.shortTitle,
      color: h.color,
      passage: highlightPassage(h, byId),
      comment: h.comment.trim(),
      tags: [...(h.tags ?? [])].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
      paragraphNumbers: [...new Set(segs.map((s) => byId.get(s.paragraphId)!.index + 1))],
      pages: segs.map((s) => byId.get(s.paragraphId)!.page).filter((x): x is string => !!x),
      anchor: orphan ? null : paragraphAnchor(segs[0].paragraphId, source.k),
      footnote: footnoteOf.get(h.id) ?? null,
      orphan,
      statusNote: statusNoteOf(h.status, orphan)
    }
  })
}

/** Rows grouped by tag: tags alphabetical (a row with two tags is in both), untagged last. */
export function groupByTag(rows: HighlightRow[]): HighlightGroup[] {
  const tags = [...new Set(rows.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
  const groups: HighlightGroup[] = tags.map((tag) => ({ tag, rows: rows.filter((r) => r.tags.includes(tag)) }))
  const untagged = rows.filter((r) => !r.tags.length)
  if (untagged.length) groups.push({ tag: null, rows: untagged })
  return groups
}

/** Per source (section order), its cited paragraphs in text order, then citations of paragraphs that are gone. */
export function citationIndex(
  sections: PlannedSource[],
  citations: Citation[],
  citedBy: Map<string, Map<string, CitedByGroup[]>>,
  missing: Map<string, Map<string, CitedByGroup[]>>
): CitationIndexSource[] {
  const out: CitationIndexSource[] = []
  const rowsOf = (article: Article | null, k: number, articleId: string): CitationIndexSource['rows'] => {
    const cited = citedBy.get(articleId) ?? new Map<string, CitedByGroup[]>()
    const rows: CitationIndexSource['rows'] = (article?.paragraphs ?? [])
      .filter((p) => cited.has(p.id))
      .map((p) => ({ paragraphId: p.id, paragraphNumber: p.index + 1, page: p.page ?? null, anchor: paragraphAnchor(p.id, k), citedBy: cited.get(p.id)! }))
    for (const [paragraphId, groups] of missing.get(articleId) ?? [])
      rows.push({ paragraphId, paragraphNumber: null, page: null, anchor: null, citedBy: groups })
    return rows
  }
  for (const s of sections) {
    const rows = rowsOf(s.article, s.k, s.article.id)
    if (rows.length) out.push({ articleId: s.article.id, source: s.shortTitle, rows })
  }
  // Citations of deleted articles.
  const known = new Set(sections.map((s) => s.article.id))
  for (const articleId of new Set(citations.filter((c) => !known.has(c.articleId)).map((c) => c.articleId))) {
    const rows = rowsOf(null, 0, articleId)
    if (rows.length) out.push({ articleId, source: '', rows })
  }
  return out
}
