// Report step "excerpts": one source's section — its paragraphs (all of them, or the highlighted and cited ones
// with a paragraph of context either side), highlight runs over the source's own formatting, comment footnotes
// and "cited in" back-references.

import { sortInDocumentOrder } from '../anchoring/order'
import { splitByCover } from '../anchoring/runs'
import type { AnchoredHighlight, Article, InlineMark as SourceMark, Paragraph } from '../model'
import { CELL_SEPARATOR } from '../model'
import { highlightPassage } from '../tags'
import type { ArticleRun, CitedByGroup, CommentFootnote, ReportGap, ReportParagraph, SourceStyle } from './model'
import { safeHref } from './notes'
import { paragraphAnchor } from './text'

/** Paragraphs shown either side of an annotated one in excerpts. */
export const CONTEXT_PARAGRAPHS = 1

interface Span {
  start: number
  end: number
  order: number
  h: AnchoredHighlight
}

function styleAt(marks: SourceMark[], start: number, end: number): SourceStyle {
  const on = marks.filter((m) => m.start <= start && m.end >= end)
  const styles = [...new Set(on.filter((m) => m.type !== 'link').map((m) => m.type))] as SourceStyle['styles']
  return { styles, href: safeHref(on.find((m) => m.type === 'link')?.href) }
}

const sameStyle = (a: Partial<SourceStyle>, b: SourceStyle): boolean =>
  (a.href ?? null) === b.href && (a.styles ?? []).length === b.styles.length && b.styles.every((s) => a.styles?.includes(s))

function runsFor(p: Paragraph, spans: Span[], markerAt: Map<string, { n: number; pos: number }>): ArticleRun[] {
  const len = p.text.length
  const markers = [...markerAt.entries()]
    .map(([highlightId, m]) => ({ highlightId, ...m, pos: Math.max(0, Math.min(len, m.pos)) }))
    .sort((a, b) => a.pos - b.pos || a.n - b.n)
  const marks = p.marks ?? []
  // Table rows: every cell separator is cut out on its own and becomes a 'cell' run.
  const cells: number[] = []
  if (p.kind === 'tr') for (let i = p.text.indexOf(CELL_SEPARATOR); i >= 0; i = p.text.indexOf(CELL_SEPARATOR, i + 1)) cells.push(i, i + 1)
  const runs: ArticleRun[] = []
  const emitMarkers = (pos: number): void => {
    for (const m of markers) if (m.pos === pos) runs.push({ type: 'footnote', n: m.n, highlightId: m.highlightId })
  }
  emitMarkers(0)
  const pieces = splitByCover(
    len,
    spans.map((s) => ({ start: s.start, end: s.end, value: s })),
    [...markers.map((m) => m.pos), ...marks.flatMap((m) => [m.start, m.end]), ...cells]
  )
  for (const { start, end, cover } of pieces) {
    const text = p.text.slice(start, end)
    if (p.kind === 'tr' && text === CELL_SEPARATOR) {
      runs.push({ type: 'cell' })
      emitMarkers(end)
      continue
    }
    // Overlaps: the newest highlight is on top.
    const top = cover.reduce<Span | null>((best, s) => (!best || s.order > best.order ? s : best), null)
    const style = styleAt(marks, start, end)
    const prev = runs[runs.length - 1]
    if (prev && prev.type === 'text' && prev.highlightId === (top?.h.id ?? null) && sameStyle(prev, style)) prev.text += text
    else {
      const run: ArticleRun = { type: 'text', text, highlightId: top?.h.id ?? null, color: top?.h.color ?? null }
      if (style.styles.length) run.styles = style.styles
      if (style.href) run.href = style.href
      runs.push(run)
    }
    emitMarkers(end)
  }
  return runs
}

function listNumbers(paragraphs: Paragraph[]): (number | null)[] {
  let count = 0
  return paragraphs.map((p, i) => {
    const prev = paragraphs[i - 1]
    if (p.kind !== 'li' || p.list !== 'ol') {
      count = 0
      return null
    }
    count = prev && prev.kind === 'li' && prev.list === 'ol' ? count + 1 : 1
    return count
  })
}

/** A highlight's segments that are placed in the current text (and not empty). */
export function placedSegments(h: AnchoredHighlight, byId: Map<string, Paragraph>): AnchoredHighlight['resolved'] {
  return h.resolved.filter((s) => byId.has(s.paragraphId) && s.end > s.start)
}

export interface SourceSection {
  items: (ReportParagraph | ReportGap)[]
  /** This source's comment footnotes, numbered on from `firstFootnote`. */
  footnotes: CommentFootnote[]
  /** The source's highlights in document order (unplaced last). */
  inOrder: AnchoredHighlight[]
}

export function buildSourceSection(args: {
  article: Article
  /** Its position among the report's sources (for unique anchors). */
  k: number
  highlights: AnchoredHighlight[]
  citedBy: Map<string, CitedByGroup[]>
  full: boolean
  firstFootnote: number
  /** Paragraphs shown in excerpts besides the annotated ones (the evidence of ACH matrices). */
  alsoShown?: Set<string>
}): SourceSection {
  const { article, k, citedBy } = args
  const paragraphs = article.paragraphs
  const byId = new Map(paragraphs.map((p) => [p.id, p]))
  // Overlaps: later (newer) highlights win the colour.
  const byAge = args.highlights
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.createdAt.localeCompare(b.h.createdAt) || a.i - b.i)
    .map((x) => x.h)
  const inOrder = sortInDocumentOrder(args.highlights, paragraphs)

  // Comment footnotes, numbered in document order; the marker sits where the highlight ends.
  const footnotes: CommentFootnote[] = []
  const markers = new Map<string, Map<string, { n: number; pos: number }>>()
  for (const h of inOrder) {
    const segs = placedSegments(h, byId)
    if (!h.comment.trim() || !segs.length) continue
    const n = args.firstFootnote + footnotes.length
    footnotes.push({ n, anchor: `note-${n}`, highlightId: h.id, color: h.color, comment: h.comment.trim(), passage: highlightPassage(h, byId) })
    const last = segs[segs.length - 1]
    const m = markers.get(last.paragraphId) ?? new Map()
    m.set(h.id, { n, pos: last.end })
    markers.set(last.paragraphId, m)
  }
  const footnoteOf = new Map(footnotes.map((f) => [f.highlightId, f]))

  const spans = new Map<string, Span[]>()
  byAge.forEach((h, order) => {
    for (const s of placedSegments(h, byId)) {
      const list = spans.get(s.paragraphId) ?? []
      list.push({ start: s.start, end: s.end, order, h })
      spans.set(s.paragraphId, list)
    }
  })

  // Which paragraphs are shown: all, or the annotated ones with context.
  const annotated = paragraphs.map((p) => spans.has(p.id) || citedBy.has(p.id) || !!args.alsoShown?.has(p.id))
  const shown = paragraphs.map((_, i) => {
    if (args.full || annotated[i]) return true
    for (let d = 1; d <= CONTEXT_PARAGRAPHS; d++) if (annotated[i - d] || annotated[i + d]) return true
    return false
  })

  const numbers = listNumbers(paragraphs)
  const items: (ReportParagraph | ReportGap)[] = []
  let skipped = 0
  paragraphs.forEach((p, i) => {
    if (!shown[i]) {
      skipped++
      return
    }
    if (skipped) items.push({ type: 'gap', omitted: skipped })
    skipped = 0
    const m = markers.get(p.id) ?? new Map()
    items.push({
      type: 'paragraph',
      id: p.id,
      anchor: paragraphAnchor(p.id, k),
      number: p.index + 1,
      page: p.page ?? null,
      pageStart: !!p.page && (i === 0 || paragraphs[i - 1].page !== p.page),
      kind: p.kind,
      list: p.list ?? null,
      listNumber: numbers[i],
      header: !!p.header,
      context: !args.full && !annotated[i],
      runs: runsFor(p, spans.get(p.id) ?? [], m),
      footnotes: [...m.keys()].map((id) => footnoteOf.get(id)!).sort((a, b) => a.n - b.n),
      citedBy: citedBy.get(p.id) ?? []
    })
  })
  if (skipped && items.length) items.push({ type: 'gap', omitted: skipped })
  return { items, footnotes, inOrder }
}
