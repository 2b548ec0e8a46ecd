// Text split into plain and marked pieces from [start, end) ranges, for showing matched words with <mark> without
// ever building HTML from text. Pure.

export interface TextPart {
  text: string
  mark: boolean
}

/**
 * `text` as pieces, the ranges marked. Ranges may come in any order, overlap or reach past the text: they are
 * clamped, sorted and merged; empty ones are ignored.
 */
export function markedParts(text: string, ranges: readonly (readonly [number, number])[]): TextPart[] {
  const clean = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const r of clean) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([...r])
  }
  const out: TextPart[] = []
  let at = 0
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: text.slice(at, s), mark: false })
    out.push({ text: text.slice(s, e), mark: true })
    at = e
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false })
  return out
}
