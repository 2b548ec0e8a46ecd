/** A range of a text with something attached (a highlight, a layer…). */
export interface CoverSpan<T> {
  start: number
  end: number
  value: T
}

/** A stretch of text with the same covering spans all along it. */
export interface CoveredPiece<T> {
  start: number
  end: number
  /** Values of the spans covering the whole piece, in the order the spans were given. */
  cover: T[]
}

/**
 * Cuts [0, length) at every span boundary (and at `extraCuts`, e.g. footnote markers) into pieces, each with the
 * spans covering it. Spans are clamped to the text; empty ones are ignored. Painting highlights in the reader and
 * laying out the report's paragraphs both build on this.
 */
export function splitByCover<T>(length: number, spans: CoverSpan<T>[], extraCuts: number[] = []): CoveredPiece<T>[] {
  const clamp = (n: number): number => Math.max(0, Math.min(length, n))
  const live = spans.map((s) => ({ ...s, start: clamp(s.start), end: clamp(s.end) })).filter((s) => s.end > s.start)
  const cuts = new Set<number>([0, length])
  for (const s of live) cuts.add(s.start).add(s.end)
  for (const c of extraCuts) cuts.add(clamp(c))
  const points = [...cuts].sort((a, b) => a - b)
  const pieces: CoveredPiece<T>[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]
    const end = points[i + 1]
    pieces.push({ start, end, cover: live.filter((s) => s.start <= start && s.end >= end).map((s) => s.value) })
  }
  return pieces
}
