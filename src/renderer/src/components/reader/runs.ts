// Splits a paragraph's text into runs by the highlights placed on it, so the reader can wrap each run in
// nested <mark>s (oldest outside, newest inside = on top). Pure: no DOM, unit-tested in runs.test.ts.
import { splitByCover, type CoverSpan } from '@core/anchoring/runs'
import type { AnchoredHighlight, HighlightColor, Paragraph } from '@core/model'

export interface Layer {
  id: string
  color: HighlightColor
  comment: string
}

export interface Run {
  text: string
  start: number
  end: number
  /** Highlights covering this run, oldest first. */
  layers: Layer[]
}

export function paragraphRuns(text: string, paragraphId: string, highlights: AnchoredHighlight[]): Run[] {
  const spans: (CoverSpan<Layer> & { order: string })[] = []
  for (const h of highlights) {
    for (const seg of h.resolved) {
      if (seg.paragraphId !== paragraphId) continue
      spans.push({ start: seg.start, end: seg.end, value: { id: h.id, color: h.color, comment: h.comment }, order: `${h.createdAt}\u0000${h.id}` })
    }
  }
  spans.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))

  const runs: Run[] = []
  for (const { start, end, cover } of splitByCover(text.length, spans)) {
    const layers = cover.filter((l, i) => cover.findIndex((x) => x.id === l.id) === i)
    const prev = runs[runs.length - 1]
    if (prev && sameLayers(prev.layers, layers)) {
      prev.text += text.slice(start, end)
      prev.end = end
    } else {
      runs.push({ text: text.slice(start, end), start, end, layers })
    }
  }
  return runs
}

function sameLayers(a: Layer[], b: Layer[]): boolean {
  return a.length === b.length && a.every((l, i) => l.id === b[i].id)
}

export type Block =
  | { type: 'single'; paragraph: Paragraph }
  | { type: 'list'; list: 'ul' | 'ol'; items: Paragraph[] }

/** Groups consecutive list items of the same list type so they render inside one <ul>/<ol>. */
export function groupBlocks(paragraphs: Paragraph[]): Block[] {
  const blocks: Block[] = []
  for (const p of paragraphs) {
    if (p.kind === 'li') {
      const list = p.list ?? 'ul'
      const last = blocks[blocks.length - 1]
      if (last?.type === 'list' && last.list === list) last.items.push(p)
      else blocks.push({ type: 'list', list, items: [p] })
    } else {
      blocks.push({ type: 'single', paragraph: p })
    }
  }
  return blocks
}
