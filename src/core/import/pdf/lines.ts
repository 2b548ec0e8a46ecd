// Text runs -> lines. Runs on one baseline are joined left to right (with a space where the gap is a word space);
// a gap much wider than a word space (the gutter between two columns, a table's cells) ends a line there.
import type { PdfTextRun } from './types'

export interface PdfLine {
  text: string
  x0: number
  x1: number
  /** Baseline. */
  y: number
  /** Dominant font size (by characters). */
  size: number
  bold: boolean
  italic: boolean
}

/** Ligatures and presentation forms that PDFs often carry as single glyphs: read as the letters they stand for. */
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st',
  '\u0132': 'IJ', '\u0133': 'ij', '\u01C4': 'DŽ', '\u01C5': 'Dž', '\u01C6': 'dž', '\u01C7': 'LJ', '\u01C8': 'Lj',
  '\u01C9': 'lj', '\u01CA': 'NJ', '\u01CB': 'Nj', '\u01CC': 'nj'
}
const LIGATURE_RE = /[\uFB00-\uFB06\u0132\u0133\u01C4-\u01CC]/g

/** Text as a reader sees it: ligatures spelled out, odd spaces made plain, invisible characters dropped, NFC. */
export function normalizePdfText(s: string): string {
  return s
    // A soft hyphen where the line broke is often followed by the hyphen glyph drawn for it: keep only the soft one.
    .replace(/\u00AD[-\u2010]/g, '\u00AD')
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .normalize('NFC')
}

/** Gap (in font sizes) above which two runs on one baseline belong to different cells even off a column gutter. */
export const CELL_GAP = 3.5
/** Gap (in font sizes) above which two runs are separate words. */
const WORD_GAP = 0.16

function dominant<T>(runs: PdfTextRun[], pick: (r: PdfTextRun) => T): T {
  const weight = new Map<T, number>()
  for (const r of runs) weight.set(pick(r), (weight.get(pick(r)) ?? 0) + Math.max(1, r.text.trim().length))
  let best = pick(runs[0])
  let max = -1
  for (const [k, w] of weight) if (w > max) [best, max] = [k, w]
  return best
}

function lineOf(runs: PdfTextRun[]): PdfLine | null {
  let text = ''
  let prevEnd = -Infinity
  for (const r of runs) {
    const t = normalizePdfText(r.text)
    if (!t) continue
    const gap = r.x - prevEnd
    if (text && gap > WORD_GAP * r.size && !/\s$/.test(text) && !/^\s/.test(t)) text += ' '
    text += t
    prevEnd = Math.max(prevEnd, r.x + r.width)
  }
  // Soft hyphens are invisible inside a line; one at its end marks where a word was broken (dehyphen.ts).
  text = text.replace(/\s+/g, ' ').trim().replace(/\u00AD(?!$)/g, '')
  if (!text) return null
  const visible = runs.filter((r) => r.text.trim())
  const x0 = Math.min(...visible.map((r) => r.x))
  const x1 = Math.max(...visible.map((r) => r.x + r.width))
  return {
    text,
    x0,
    x1,
    y: dominant(visible, (r) => Math.round(r.y * 10) / 10),
    size: dominant(visible, (r) => Math.round(r.size * 10) / 10),
    bold: dominant(visible, (r) => r.bold),
    italic: dominant(visible, (r) => r.italic)
  }
}

/**
 * The gutter between two columns: an x range in the middle half of the text that (almost) no row's text crosses.
 * Null for one-column pages. Justified lines can have word gaps wider than a gutter, so rows are split only there.
 */
export function findGutter(rows: PdfTextRun[][]): { from: number; to: number } | null {
  const inked = rows.map((row) => row.filter((r) => r.text.trim() && r.width > 0).map((r) => [r.x, r.x + r.width] as const))
  const all = inked.flat()
  if (rows.length < 8 || all.length === 0) return null
  const minX = Math.min(...all.map((s) => s[0]))
  const maxX = Math.max(...all.map((s) => s[1]))
  const width = maxX - minX
  const step = Math.max(0.5, width / 400)
  const crossings: { x: number; n: number }[] = []
  for (let x = minX + width * 0.25; x <= minX + width * 0.75; x += step) {
    let n = 0
    for (const spans of inked) if (spans.some(([a, b]) => a <= x && x <= b)) n++
    crossings.push({ x, n })
  }
  const least = Math.min(...crossings.map((c) => c.n))
  // Full-width lines (a title, an abstract, a wide figure caption) may cross it; most rows may not.
  if (least > rows.length * 0.3) return null
  // The widest run of x positions that few rows cross, around the emptiest one.
  let best: { from: number; to: number } | null = null
  let start: number | null = null
  const quiet = (n: number): boolean => n <= least + Math.max(1, rows.length * 0.02)
  crossings.forEach((c, i) => {
    if (quiet(c.n) && start === null) start = c.x
    const end = !quiet(c.n) || i === crossings.length - 1
    if (end && start !== null) {
      const to = quiet(c.n) ? c.x : crossings[i - 1].x
      if (!best || to - start > best.to - best.from) best = { from: start, to }
      start = null
    }
  })
  const sizes = rows.flat().map((r) => r.size)
  const typical = sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 10
  const found = best as { from: number; to: number } | null
  if (!found || found.to - found.from < typical * 0.6) return null
  // Both sides must carry text on many rows: otherwise it is a one-column page with a ragged or indented block.
  const leftRows = inked.filter((spans) => spans.some(([a]) => a < found.from)).length
  const rightRows = inked.filter((spans) => spans.some(([, b]) => b > found.to)).length
  const enough = (n: number): boolean => n >= 3 && n >= rows.length * 0.1
  return enough(leftRows) && enough(rightRows) ? found : null
}

/** The lines of one page, top to bottom, each line's pieces left to right. */
export function pageLines(runs: PdfTextRun[]): PdfLine[] {
  const live = runs.filter((r) => r.text.length > 0 && r.size > 0 && Number.isFinite(r.x) && Number.isFinite(r.y))
  // Rows: runs whose baselines are within 45% of the larger font size (raised footnote markers stay in their line).
  const sorted = [...live].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: PdfTextRun[][] = []
  for (const r of sorted) {
    const row = rows[rows.length - 1]
    const ref = row?.[0]
    if (ref && Math.abs(ref.y - r.y) <= 0.45 * Math.max(ref.size, r.size, 1)) row.push(r)
    else rows.push([r])
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x)
  const gutter = findGutter(rows)
  const middle = gutter ? (gutter.from + gutter.to) / 2 : null
  // A gap across the gutter that is narrower than this is a word space in a full-width line.
  const minGap = gutter ? (gutter.to - gutter.from) * 0.5 : Infinity
  const lines: PdfLine[] = []
  for (const row of rows) {
    let piece: PdfTextRun[] = []
    let end = -Infinity
    for (const r of row) {
      const size = Math.max(r.size, piece[piece.length - 1]?.size ?? 0)
      const acrossGutter = middle !== null && end <= middle && r.x >= middle && r.x - end >= Math.min(minGap, size * 1.2)
      if (piece.length && r.text.trim() && (acrossGutter || r.x - end > CELL_GAP * size)) {
        const line = lineOf(piece)
        if (line) lines.push(line)
        piece = []
        end = -Infinity
      }
      piece.push(r)
      if (r.text.trim()) end = Math.max(end, r.x + r.width)
    }
    const line = lineOf(piece)
    if (line) lines.push(line)
  }
  return lines
}
