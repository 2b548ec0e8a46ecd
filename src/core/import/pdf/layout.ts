// Page layout: which lines are running headers, footers and page numbers (dropped), and in which order a person
// reads the rest — full-width lines (titles, abstracts, wide figures) where they stand, and between them the left
// column top to bottom, then the right column.
import type { PdfLine } from './lines'
import type { PdfPage } from './types'

/** A line placed in reading order. */
export interface PlacedLine extends PdfLine {
  page: number
  /** 0: full width (or a one-column page); 1: left column; 2: right column. */
  column: 0 | 1 | 2
  /** Left and right edges of the column (or text block) the line sits in. */
  left: number
  right: number
}

/** Share of the page height at the top and the bottom where running heads, feet and page numbers live. */
const MARGIN_BAND = 0.1

const PAGE_NUMBER = /^(?:(?:page|p\.|seite|pág\.?|стр\.?)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/|de|von|из)\s*\d{1,4})?$/i

/** A line's text with its numbers blanked, to recognise "Page 3" and "Page 4" as the same running line. */
const shape = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()

function inMargin(line: PdfLine, page: PdfPage): 'top' | 'bottom' | null {
  if (line.y > page.height * (1 - MARGIN_BAND)) return 'top'
  if (line.y < page.height * MARGIN_BAND) return 'bottom'
  return null
}

/**
 * Running heads and feet: lines in the top or bottom band whose shape repeats at about the same height on several
 * pages (3, or 2 in a short document: a chapter's running head repeats only over its own pages), plus bare page
 * numbers in those bands.
 */
export function findRunningLines(pages: { page: PdfPage; lines: PdfLine[] }[]): Set<PdfLine> {
  const drop = new Set<PdfLine>()
  const seen = new Map<string, { pages: Set<number>; lines: PdfLine[] }>()
  for (const { page, lines } of pages) {
    // Only the outermost line at the top and the bottom can be a running line, or the next one in when it is set
    // smaller than the text (a two-line foot); a body line near the top is not, however it repeats.
    const byHeight = [...lines].sort((a, b) => b.y - a.y)
    const sizes = lines.map((l) => l.size).sort((a, b) => a - b)
    const typical = sizes[Math.floor(sizes.length / 2)] ?? 0
    const outer = new Set([byHeight[0], byHeight[byHeight.length - 1]])
    for (const l of [byHeight[1], byHeight[byHeight.length - 2]]) if (l && l.size < typical * 0.95) outer.add(l)
    for (const line of lines) {
      const band = inMargin(line, page)
      if (!band || !outer.has(line)) continue
      if (PAGE_NUMBER.test(line.text.trim()) || line.text.trim() === page.label) {
        drop.add(line)
        continue
      }
      const key = `${band}|${Math.round(line.y / 6)}|${shape(line.text)}`
      const entry = seen.get(key) ?? { pages: new Set(), lines: [] }
      entry.pages.add(page.index)
      entry.lines.push(line)
      seen.set(key, entry)
    }
  }
  // A short line at the very edge repeating on two pages is a running head; further in, it takes three.
  for (const { pages: on, lines } of seen.values()) {
    const edge = lines.every((l) => l.text.length <= 90)
    if (on.size >= (edge ? 2 : 3)) for (const l of lines) drop.add(l)
  }
  return drop
}

/** Orders a page's lines for reading: bands of full-width lines and two columns. */
export function readingOrder(page: PdfPage, lines: PdfLine[]): PlacedLine[] {
  if (lines.length === 0) return []
  const minX = Math.min(...lines.map((l) => l.x0))
  const maxX = Math.max(...lines.map((l) => l.x1))
  const width = maxX - minX
  const mid = minX + width / 2
  const slack = width * 0.03
  const isLeft = (l: PdfLine): boolean => l.x1 <= mid + slack && l.x1 - l.x0 < width * 0.55
  const isRight = (l: PdfLine): boolean => l.x0 >= mid - slack && l.x1 - l.x0 < width * 0.55
  const left = lines.filter(isLeft)
  const right = lines.filter(isRight)
  // Two columns when both sides hold a real share of the text (not a stray caption or a signature line).
  const twoColumns = left.length >= 3 && right.length >= 3 && right.length >= lines.length * 0.1 && left.length >= lines.length * 0.1
  const byTop = (a: PdfLine, b: PdfLine): number => b.y - a.y || a.x0 - b.x0
  if (!twoColumns) {
    return [...lines].sort(byTop).map((l) => ({ ...l, page: page.index, column: 0, left: minX, right: maxX }))
  }
  const leftEdge = { left: Math.min(...left.map((l) => l.x0)), right: Math.max(...left.map((l) => l.x1)) }
  const rightEdge = { left: Math.min(...right.map((l) => l.x0)), right: Math.max(...right.map((l) => l.x1)) }
  const out: PlacedLine[] = []
  let band: { l: PdfLine[]; r: PdfLine[] } = { l: [], r: [] }
  const flush = (): void => {
    for (const l of band.l.sort(byTop)) out.push({ ...l, page: page.index, column: 1, ...leftEdge })
    for (const l of band.r.sort(byTop)) out.push({ ...l, page: page.index, column: 2, ...rightEdge })
    band = { l: [], r: [] }
  }
  let lastWide: PdfLine | null = null
  for (const l of [...lines].sort(byTop)) {
    // The short last line of a full-width paragraph (an abstract) sits where a column line would: it belongs above.
    const endsWide =
      lastWide !== null && band.l.length === 0 && band.r.length === 0 && Math.abs(l.x0 - lastWide.x0) < 2 && lastWide.y - l.y < 1.8 * l.size
    if (!endsWide && isLeft(l)) band.l.push(l)
    else if (!endsWide && isRight(l)) band.r.push(l)
    else {
      // A full-width line ends the columns above it.
      flush()
      out.push({ ...l, page: page.index, column: 0, left: minX, right: maxX })
      lastWide = l
      continue
    }
    lastWide = null
  }
  flush()
  return out
}
