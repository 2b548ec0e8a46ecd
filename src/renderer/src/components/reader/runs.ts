// Splits a paragraph's text into runs at every highlight boundary and every source-formatting boundary (emphasis,
// links, code…), and table rows at their cell separators, so the reader can render each run as formatting inside
// nested <mark>s (oldest highlight outside, newest inside = on top), with find-in-article matches and a suggested
// place being previewed cut in too. The runs' texts, joined, are exactly the paragraph text. Pure: no DOM,
// unit-tested in runs.test.ts.
import { splitByCover, type CoverSpan } from '@core/anchoring/runs'
import { linkHref } from '@core/details/display'
import { CELL_SEPARATOR, type AnchoredHighlight, type HighlightColor, type InlineMarkType, type Paragraph } from '@core/model'
import type { FindSpan } from '@core/search/find'

export interface Layer {
  id: string
  color: HighlightColor
  comment: string
}

/** Formatting other than links, in the order the elements nest (outermost first). */
export type TextStyle = Exclude<InlineMarkType, 'link'>
export const STYLE_ORDER: readonly TextStyle[] = ['strong', 'em', 'del', 'code', 'sub', 'sup']

export interface Run {
  text: string
  start: number
  end: number
  /** Highlights covering this run, oldest first. */
  layers: Layer[]
  /** Source formatting of the run, in STYLE_ORDER. */
  styles: TextStyle[]
  /** The link the run is part of (http, https or mailto only), else null. */
  href: string | null
  /** A table row's cell separator (the TAB between two cells). */
  separator?: true
  /** A find-in-article match covers the run ('current': the one the find bar is on). */
  find?: 'hit' | 'current'
  /** A highlight's suggested place, being previewed, covers the run. */
  preview?: true
}

/** What else is painted in a paragraph besides its highlights. */
export interface RunExtras {
  /** Find-in-article matches in this paragraph. */
  finds?: readonly FindSpan[]
  /** A suggested place being previewed (its segments in this paragraph). */
  preview?: readonly { start: number; end: number }[]
}

type RunParagraph = Pick<Paragraph, 'id' | 'text' | 'kind' | 'marks'>
type Cover = { kind: 'layer'; layer: Layer } | { kind: 'find'; current: boolean } | { kind: 'preview' }

/**
 * The runs of a paragraph. `highlights` may be every highlight of the article or (faster) only this paragraph's:
 * segments in other paragraphs are ignored.
 */
export function paragraphRuns(paragraph: RunParagraph, highlights: readonly AnchoredHighlight[], extras: RunExtras = {}): Run[] {
  const { id, text } = paragraph
  const layerSpans: (CoverSpan<Cover> & { order: string })[] = []
  for (const h of highlights) {
    for (const seg of h.resolved) {
      if (seg.paragraphId !== id) continue
      layerSpans.push({ start: seg.start, end: seg.end, value: { kind: 'layer', layer: { id: h.id, color: h.color, comment: h.comment } }, order: `${h.createdAt}\u0000${h.id}` })
    }
  }
  layerSpans.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
  const spans: CoverSpan<Cover>[] = layerSpans
  for (const f of extras.finds ?? []) spans.push({ start: f.start, end: f.end, value: { kind: 'find', current: f.current } })
  for (const p of extras.preview ?? []) spans.push({ start: p.start, end: p.end, value: { kind: 'preview' } })

  const marks = paragraph.marks ?? []
  const cuts = marks.flatMap((m) => [m.start, m.end])
  const isRow = paragraph.kind === 'tr'
  if (isRow) for (let i = text.indexOf(CELL_SEPARATOR); i >= 0; i = text.indexOf(CELL_SEPARATOR, i + 1)) cuts.push(i, i + 1)

  const runs: Run[] = []
  for (const { start, end, cover } of splitByCover(text.length, spans, cuts)) {
    const piece = text.slice(start, end)
    if (isRow && piece === CELL_SEPARATOR) {
      runs.push({ text: piece, start, end, layers: [], styles: [], href: null, separator: true })
      continue
    }
    const layers: Layer[] = []
    let find: Run['find']
    let preview = false
    for (const c of cover) {
      if (c.kind === 'layer') {
        if (!layers.some((l) => l.id === c.layer.id)) layers.push(c.layer)
      } else if (c.kind === 'find') find = c.current || find === 'current' ? 'current' : 'hit'
      else preview = true
    }
    const on = marks.filter((m) => m.start <= start && m.end >= end)
    const styles = STYLE_ORDER.filter((s) => on.some((m) => m.type === s))
    const href = linkHref(on.find((m) => m.type === 'link')?.href)
    const prev = runs[runs.length - 1]
    if (
      prev &&
      !prev.separator &&
      sameLayers(prev.layers, layers) &&
      prev.href === href &&
      sameStyles(prev.styles, styles) &&
      prev.find === find &&
      !!prev.preview === preview
    ) {
      prev.text += piece
      prev.end = end
    } else {
      const run: Run = { text: piece, start, end, layers, styles, href }
      if (find) run.find = find
      if (preview) run.preview = true
      runs.push(run)
    }
  }
  return runs
}

interface Memo {
  highlights: readonly AnchoredHighlight[]
  finds: readonly FindSpan[] | undefined
  preview: readonly { start: number; end: number }[] | undefined
  runs: Run[]
}
const memo = new WeakMap<object, Memo>()

/**
 * paragraphRuns, remembered per paragraph object: computed again only when the paragraph's highlight list, find
 * spans or preview is another array than last time (the reader keeps unchanged ones by identity). A paragraph
 * scrolled out of a virtual list and back in is not split again.
 */
export function runsFor(paragraph: Paragraph, highlights: readonly AnchoredHighlight[], extras: RunExtras = {}): Run[] {
  const m = memo.get(paragraph)
  if (m && m.highlights === highlights && m.finds === extras.finds && m.preview === extras.preview) return m.runs
  const runs = paragraphRuns(paragraph, highlights, extras)
  memo.set(paragraph, { highlights, finds: extras.finds, preview: extras.preview, runs })
  return runs
}

function sameLayers(a: Layer[], b: Layer[]): boolean {
  return a.length === b.length && a.every((l, i) => l.id === b[i].id)
}

function sameStyles(a: TextStyle[], b: TextStyle[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i])
}

/** A table row's runs, cell by cell: n separators make n + 1 cells (an empty cell has no runs). */
export function rowCells(runs: Run[]): Run[][] {
  const cells: Run[][] = [[]]
  for (const run of runs) {
    if (run.separator) cells.push([])
    else cells[cells.length - 1].push(run)
  }
  return cells
}

/** How many cells a table row has (its separators + 1). */
export function cellCount(text: string): number {
  return text.split(CELL_SEPARATOR).length
}

export type Block =
  | { type: 'single'; paragraph: Paragraph }
  | { type: 'list'; list: 'ul' | 'ol'; items: Paragraph[] }
  /** Consecutive rows of one table (same `group`), with the widest row's cell count. */
  | { type: 'table'; rows: Paragraph[]; columns: number }

/** Groups consecutive list items of one list type into a list, and consecutive rows of one table into a table. */
export function groupBlocks(paragraphs: Paragraph[]): Block[] {
  const blocks: Block[] = []
  for (const p of paragraphs) {
    const last = blocks[blocks.length - 1]
    if (p.kind === 'li') {
      const list = p.list ?? 'ul'
      if (last?.type === 'list' && last.list === list) last.items.push(p)
      else blocks.push({ type: 'list', list, items: [p] })
    } else if (p.kind === 'tr') {
      const columns = cellCount(p.text)
      if (last?.type === 'table' && last.rows[last.rows.length - 1].group === p.group) {
        last.rows.push(p)
        last.columns = Math.max(last.columns, columns)
      } else blocks.push({ type: 'table', rows: [p], columns })
    } else {
      blocks.push({ type: 'single', paragraph: p })
    }
  }
  return blocks
}

/** The key a block renders under (stable while its first paragraph stays). */
export function blockKey(block: Block): string {
  if (block.type === 'single') return block.paragraph.id
  return `${block.type}-${(block.type === 'list' ? block.items : block.rows)[0].id}`
}

/**
 * The text of a selection from (paragraph a, offset) to (paragraph b, offset), as copy should give it: each
 * paragraph's share of its own text (cells stay TAB-separated, code keeps its spacing); rows of one table and items
 * of one list end with one line break, other paragraphs with a blank line.
 */
export function selectedText(
  paragraphs: Pick<Paragraph, 'id' | 'text' | 'kind' | 'group' | 'list'>[],
  start: { paragraphId: string; offset: number },
  end: { paragraphId: string; offset: number }
): string {
  let si = paragraphs.findIndex((p) => p.id === start.paragraphId)
  let ei = paragraphs.findIndex((p) => p.id === end.paragraphId)
  if (si < 0 || ei < 0) return ''
  let so = start.offset
  let eo = end.offset
  if (ei < si || (ei === si && eo < so)) [si, ei, so, eo] = [ei, si, eo, so]
  let out = ''
  for (let i = si; i <= ei; i++) {
    const p = paragraphs[i]
    out += p.text.slice(i === si ? so : 0, i === ei ? eo : p.text.length)
    if (i === ei) break
    const next = paragraphs[i + 1]
    const tight = (p.kind === 'tr' && next.kind === 'tr' && p.group === next.group) || (p.kind === 'li' && next.kind === 'li')
    out += tight ? '\n' : '\n\n'
  }
  return out
}
