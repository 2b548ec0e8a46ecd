// Builds the report model from an article, its highlights and the notes about it.

import type { AnchoredHighlight, Article, InlineMark as SourceMark, Note, PMNode, Paragraph, ParagraphRefAttrs } from '../model'
import { CELL_SEPARATOR, PARAGRAPH_REF_NODE } from '../model'
import { checkRefs, isTextblock, refAttrs } from '../notes/refs'
import { splitByCover } from '../anchoring/runs'
import { pageSuffix } from './format'
import { highlightPassage } from '../tags'
import type {
  ArticleRun,
  Citation,
  CitationIndexRow,
  CitedByGroup,
  CommentFootnote,
  HighlightRow,
  InlineMark,
  NoteBlock,
  NoteInline,
  ReportGap,
  ReportInput,
  ReportModel,
  ReportNote,
  ReportParagraph,
  SourceStyle
} from './model'

export type * from './model'

/** HTML-safe anchor for a paragraph id: "para-" + id with unusual characters encoded. */
export function paragraphAnchor(paragraphId: string): string {
  return 'para-' + paragraphId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)
}

const EXCERPT_CHARS = 240

function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?]+$/, '') + '…'
}

/** Keeps only http, https and mailto links (no javascript:, data:, file: …). */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const href = raw.trim()
  if (/[\u0000-\u001F\u007F\s]/.test(href)) return null
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null
}

const MARKS: Record<string, InlineMark> = {
  bold: 'bold',
  strong: 'bold',
  italic: 'italic',
  em: 'italic',
  underline: 'underline',
  strike: 'strike',
  code: 'code'
}

// ---------------------------------------------------------------------------------------------- notes

interface NoteBuildCtx {
  /** Registers a paragraphRef met in traversal order; returns its citation number. */
  nextCitation: (attrs: ParagraphRefAttrs) => number
}

function inlines(node: PMNode, ctx: NoteBuildCtx): NoteInline[] {
  const out: NoteInline[] = []
  const walk = (n: PMNode): void => {
    if (n.type === 'text') {
      if (!n.text) return
      const marks: InlineMark[] = []
      let href: string | null = null
      for (const m of n.marks ?? []) {
        const k = MARKS[m.type]
        if (k && !marks.includes(k)) marks.push(k)
        if (m.type === 'link') href = safeHref(m.attrs?.href)
      }
      out.push({ type: 'text', text: n.text, marks, href })
    } else if (n.type === PARAGRAPH_REF_NODE) out.push({ type: 'citation', n: ctx.nextCitation(refAttrs(n)) })
    else if (n.type === 'hardBreak') out.push({ type: 'break' })
    else n.content?.forEach(walk)
  }
  node.content?.forEach(walk)
  return out
}

function blocks(nodes: PMNode[] | undefined, ctx: NoteBuildCtx): NoteBlock[] {
  const out: NoteBlock[] = []
  for (const n of nodes ?? []) {
    switch (n.type) {
      case 'heading': {
        const raw = Number(n.attrs?.level)
        const level = (raw >= 1 && raw <= 3 ? Math.floor(raw) : 3) as 1 | 2 | 3
        out.push({ type: 'heading', level, content: inlines(n, ctx) })
        break
      }
      case 'codeBlock': {
        const lang = n.attrs?.language
        const text = (n.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? '\n' : '')).join('')
        out.push({ type: 'code', text, language: typeof lang === 'string' && lang ? lang : null })
        // paragraphRefs cannot live in code blocks; nothing to number.
        break
      }
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        const style = n.type === 'bulletList' ? 'bullet' : n.type === 'orderedList' ? 'ordered' : 'task'
        const start = Number(n.attrs?.start)
        out.push({
          type: 'list',
          style,
          start: Number.isInteger(start) && start >= 0 ? start : 1,
          items: (n.content ?? []).map((item) => ({
            checked: style === 'task' ? item.attrs?.checked === true : null,
            blocks: isTextblock(item) ? [{ type: 'paragraph', content: inlines(item, ctx) }] : blocks(item.content, ctx)
          }))
        })
        break
      }
      case 'blockquote':
        out.push({ type: 'blockquote', blocks: blocks(n.content, ctx) })
        break
      case 'horizontalRule':
        out.push({ type: 'rule' })
        break
      default:
        if (n.type === 'paragraph' || isTextblock(n)) out.push({ type: 'paragraph', content: inlines(n, ctx) })
        else out.push(...blocks(n.content, ctx))
    }
  }
  return out
}

function blocksEmpty(bs: NoteBlock[]): boolean {
  return bs.every((b) => {
    if (b.type === 'paragraph' || b.type === 'heading')
      return b.content.every((i) => i.type === 'break' || (i.type === 'text' && !i.text.trim()))
    if (b.type === 'blockquote') return blocksEmpty(b.blocks)
    if (b.type === 'list') return b.items.every((it) => blocksEmpty(it.blocks))
    if (b.type === 'code') return !b.text.trim()
    return false
  })
}

function refsArticle(doc: PMNode | null, articleId: string): boolean {
  if (!doc) return false
  const stack = [doc]
  while (stack.length) {
    const n = stack.pop()!
    if (n.type === PARAGRAPH_REF_NODE && refAttrs(n).articleId === articleId) return true
    if (n.content) stack.push(...n.content)
  }
  return false
}

/** The analysis note(s) of the article first, then other notes that cite it, each group oldest first. */
function selectNotes(notes: Note[], articleId: string): Note[] {
  const byAge = (a: Note, b: Note): number => a.createdAt.localeCompare(b.createdAt)
  const own = notes.filter((n) => n.articleId === articleId).sort(byAge)
  const others = notes.filter((n) => n.articleId !== articleId && refsArticle(n.doc, articleId)).sort(byAge)
  return [...own, ...others]
}

// ---------------------------------------------------------------------------------------------- article

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

/** What the appendix says beside a highlight that is not simply where it was made (see AnchorStatus). */
function statusNoteOf(status: AnchoredHighlight['status'], unplaced: boolean): string | null {
  if (unplaced) return status === 'review' ? 'not found where it was; needs review' : 'not found in current text'
  if (status === 'partial') return 'partly found in current text'
  if (status === 'moved') return 'found in another paragraph'
  return null
}

// ---------------------------------------------------------------------------------------------- main

export function buildReport(input: ReportInput): ReportModel {
  const { article, options } = input
  const paragraphs = article.paragraphs
  const byId = new Map(paragraphs.map((p) => [p.id, p]))
  const posOf = new Map(paragraphs.map((p, i) => [p.id, i]))

  // Highlights: later (newer) ones win the colour where they overlap.
  const highlights = input.highlights
    .filter((h) => h.articleId === article.id)
    .map((h, i) => ({ h, i }))
    .sort((a, b) => a.h.createdAt.localeCompare(b.h.createdAt) || a.i - b.i)
    .map((x) => x.h)
  const liveSegments = (h: AnchoredHighlight) => h.resolved.filter((s) => byId.has(s.paragraphId) && s.end > s.start)
  const firstPos = (h: AnchoredHighlight): [number, number] => {
    const s = liveSegments(h)[0]
    return s ? [posOf.get(s.paragraphId)!, s.start] : [Infinity, 0]
  }
  const docOrder = [...highlights].sort((a, b) => {
    const [pa, sa] = firstPos(a)
    const [pb, sb] = firstPos(b)
    return pa - pb || sa - sb || highlights.indexOf(a) - highlights.indexOf(b)
  })

  // Notes and citations: number every reference in order of appearance, then check them all at once.
  const notes = selectNotes(input.notes, article.id)
  const pending: { note: Note; attrs: ParagraphRefAttrs }[] = []
  const reportNotes: ReportNote[] = notes.map((note) => {
    const isAnalysis = note.articleId === article.id
    if (!note.doc) {
      const unavailable = note.readOnlyReason ?? 'This note could not be read.'
      return { id: note.id, title: note.title, isAnalysis, blocks: [], empty: true, unavailable }
    }
    const ctx: NoteBuildCtx = { nextCitation: (attrs) => pending.push({ note, attrs }) }
    const bs = blocks(note.doc.content, ctx)
    return { id: note.id, title: note.title, isAnalysis, blocks: bs, empty: blocksEmpty(bs), unavailable: null }
  })
  const articleOf = (id: string): Article | undefined => (id === article.id ? article : input.articles[id])
  const checked = checkRefs(
    pending.map(({ note, attrs }, ordinal) => ({ noteId: note.id, ordinal, ...attrs, context: '' })),
    (id) => articleOf(id)?.paragraphs ?? null
  )
  const citations: Citation[] = checked.map((r, i): Citation => {
    const n = i + 1
    const { note, attrs } = pending[i]
    const other = r.articleId !== article.id
    const target = articleOf(r.articleId)
    const pid = r.status === 'orphan' ? r.suggestedParagraphId : r.paragraphId
    const p = pid ? target?.paragraphs.find((q) => q.id === pid) : undefined
    const number = p ? p.index + 1 : null
    const articleTitle = target?.title ?? ''
    const shown = `¶${number ?? (attrs.label || '?')}${pageSuffix([p?.page])}`
    return {
      n,
      anchor: `cite-${n}`,
      noteId: note.id,
      noteTitle: note.title,
      articleId: r.articleId,
      paragraphId: p?.id ?? r.paragraphId,
      paragraphNumber: number,
      page: p?.page ?? null,
      label: other ? `${articleTitle || 'Deleted article'} ${shown}` : shown,
      quote: r.quote,
      target: !p ? 'missing' : other ? 'other-article' : 'this-report',
      targetAnchor: p && !other ? paragraphAnchor(p.id) : null,
      articleTitle,
      excerpt: p ? excerpt(p.text) : ''
    }
  })

  const citedBy = new Map<string, CitedByGroup[]>()
  for (const c of citations) {
    if (c.target !== 'this-report') continue
    const groups = citedBy.get(c.paragraphId) ?? []
    let g = groups.find((x) => x.noteId === c.noteId)
    if (!g) groups.push((g = { noteId: c.noteId, noteTitle: c.noteTitle, citations: [] }))
    g.citations.push(c.n)
    citedBy.set(c.paragraphId, groups)
  }

  // Comment footnotes, numbered in document order; the marker sits where the highlight ends.
  const footnotes: CommentFootnote[] = []
  const footnoteOf = new Map<string, CommentFootnote>()
  const markersByParagraph = new Map<string, Map<string, { n: number; pos: number }>>()
  for (const h of docOrder) {
    const segs = liveSegments(h)
    if (!h.comment.trim() || !segs.length) continue
    const f: CommentFootnote = {
      n: footnotes.length + 1,
      anchor: `note-${footnotes.length + 1}`,
      highlightId: h.id,
      color: h.color,
      comment: h.comment.trim(),
      passage: highlightPassage(h, byId)
    }
    footnotes.push(f)
    footnoteOf.set(h.id, f)
    const last = segs[segs.length - 1]
    const m = markersByParagraph.get(last.paragraphId) ?? new Map()
    m.set(h.id, { n: f.n, pos: last.end })
    markersByParagraph.set(last.paragraphId, m)
  }

  const spansByParagraph = new Map<string, Span[]>()
  highlights.forEach((h, order) => {
    for (const s of liveSegments(h)) {
      const list = spansByParagraph.get(s.paragraphId) ?? []
      list.push({ start: s.start, end: s.end, order, h })
      spansByParagraph.set(s.paragraphId, list)
    }
  })

  const numbers = listNumbers(paragraphs)
  const items: (ReportParagraph | ReportGap)[] = []
  let skipped = 0
  paragraphs.forEach((p, i) => {
    const annotated = spansByParagraph.has(p.id) || citedBy.has(p.id)
    if (options.scope === 'annotated' && !annotated) {
      skipped++
      return
    }
    if (skipped) items.push({ type: 'gap', omitted: skipped })
    skipped = 0
    const markers = markersByParagraph.get(p.id) ?? new Map()
    items.push({
      type: 'paragraph',
      id: p.id,
      anchor: paragraphAnchor(p.id),
      number: p.index + 1,
      page: p.page ?? null,
      pageStart: !!p.page && (i === 0 || paragraphs[i - 1].page !== p.page),
      kind: p.kind,
      list: p.list ?? null,
      listNumber: numbers[i],
      header: !!p.header,
      runs: runsFor(p, spansByParagraph.get(p.id) ?? [], markers),
      footnotes: [...markers.keys()].map((id) => footnoteOf.get(id)!).sort((a, b) => a.n - b.n),
      citedBy: citedBy.get(p.id) ?? []
    })
  })
  if (skipped && items.length) items.push({ type: 'gap', omitted: skipped })

  const highlightRows: HighlightRow[] = docOrder.map((h) => {
    const segs = liveSegments(h)
    const nums = [...new Set(segs.map((s) => byId.get(s.paragraphId)!.index + 1))]
    const orphan = segs.length === 0
    return {
      highlightId: h.id,
      color: h.color,
      passage: highlightPassage(h, byId),
      comment: h.comment.trim(),
      paragraphNumbers: nums,
      pages: segs.map((s) => byId.get(s.paragraphId)!.page).filter((x): x is string => !!x),
      anchor: orphan ? null : paragraphAnchor(segs[0].paragraphId),
      footnote: footnoteOf.get(h.id)?.n ?? null,
      orphan,
      statusNote: statusNoteOf(h.status, orphan)
    }
  })

  const citationIndex: CitationIndexRow[] = paragraphs
    .filter((p) => citedBy.has(p.id))
    .map((p) => ({ paragraphId: p.id, paragraphNumber: p.index + 1, page: p.page ?? null, anchor: paragraphAnchor(p.id), citedBy: citedBy.get(p.id)! }))
  const missing = new Map<string, CitedByGroup[]>()
  for (const c of citations) {
    if (c.target !== 'missing' || c.articleId !== article.id) continue
    const groups = missing.get(c.paragraphId) ?? []
    let g = groups.find((x) => x.noteId === c.noteId)
    if (!g) groups.push((g = { noteId: c.noteId, noteTitle: c.noteTitle, citations: [] }))
    g.citations.push(c.n)
    missing.set(c.paragraphId, groups)
  }
  for (const [paragraphId, groups] of missing) citationIndex.push({ paragraphId, paragraphNumber: null, page: null, anchor: null, citedBy: groups })

  return {
    meta: {
      articleId: article.id,
      title: article.title,
      authors: article.authors,
      publisher: article.publisher,
      publishedAt: article.publishedAt,
      url: article.url,
      accessedAt: article.accessedAt,
      fileName: article.fileName,
      format: article.format,
      analyst: options.analyst.trim(),
      exportedAt: input.exportedAt,
      pageSize: options.pageSize,
      scope: options.scope,
      paragraphCount: paragraphs.length,
      highlightCount: highlights.length,
      noteCount: reportNotes.length
    },
    notes: reportNotes,
    citations,
    article: items,
    footnotes,
    appendix: { highlights: highlightRows, citationIndex }
  }
}
