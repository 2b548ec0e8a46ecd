// Splits a paragraph's text into runs by the highlights placed on it, so the reader can wrap each run in
// nested <mark>s (oldest outside, newest inside = on top). Pure: no DOM, unit-tested in runs.test.ts.
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
  const spans: { start: number; end: number; layer: Layer; order: string }[] = []
  for (const h of highlights) {
    for (const seg of h.resolved) {
      if (seg.paragraphId !== paragraphId) continue
      const start = Math.max(0, Math.min(text.length, seg.start))
      const end = Math.max(0, Math.min(text.length, seg.end))
      if (end <= start) continue
      spans.push({ start, end, layer: { id: h.id, color: h.color, comment: h.comment }, order: `${h.createdAt}\u0000${h.id}` })
    }
  }
  if (!spans.length) return text ? [{ text, start: 0, end: text.length, layers: [] }] : []
  spans.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))

  const cuts = new Set<number>([0, text.length])
  for (const s of spans) {
    cuts.add(s.start)
    cuts.add(s.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const runs: Run[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]
    const end = points[i + 1]
    if (end <= start) continue
    const layers: Layer[] = []
    for (const s of spans) {
      if (s.start <= start && s.end >= end && !layers.some((l) => l.id === s.layer.id)) layers.push(s.layer)
    }
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
