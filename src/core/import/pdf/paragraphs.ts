// Lines in reading order -> the paragraphs a person sees: a new paragraph at extra spacing, a first-line indent, a
// change of type size or weight, or after a short last line; headings from size and weight; footnotes (small type
// at the foot of a page) kept as their own paragraphs after the page's text. Paragraphs run on across columns and
// pages. Every paragraph remembers the page it starts on.
import type { ParagraphKind } from '../../model'
import type { Block } from '../types'
import { joinLines, WordStats } from './dehyphen'
import type { PlacedLine } from './layout'
import type { Lexicon } from './types'

interface Para {
  lines: PlacedLine[]
  kind: ParagraphKind
  page: number
}

const SENTENCE_END = /[.!?:;"”’)\]]$/
/** A bulleted list item's mark at the start of a line. */
const BULLET = /^[•◦▪▫‣⁃∙●○■□➢►✓✔]\s+/
/** A list item's mark: a bullet, or a number or letter in a list ("1.", "(a)", "iv)"). */
const ITEM = /^(?:[•◦▪▫‣⁃∙●○■□➢►✓✔–]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])\s+/

function median(values: number[]): number {
  if (!values.length) return 0
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** The size most of the text is set in (by characters). */
export function bodySize(lines: PlacedLine[]): number {
  const weight = new Map<number, number>()
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length)
  let best = 0
  let max = -1
  for (const [size, w] of weight) if (w > max) [best, max] = [size, w]
  return best
}

const near = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) <= tolerance

/** Footnotes: small type below the body text at the foot of a page, starting with a number or a mark. */
function footnoteLines(page: PlacedLine[], body: number): Set<PlacedLine> {
  const out = new Set<PlacedLine>()
  if (!page.length) return out
  const bottom = Math.min(...page.map((l) => l.y))
  const top = Math.max(...page.map((l) => l.y))
  const small = (l: PlacedLine): boolean => l.size <= body * 0.88
  // Walk up from the lowest line of the page (whatever its column) while the type is small.
  const byHeight = [...page].sort((a, b) => a.y - b.y || a.x0 - b.x0)
  const tail: PlacedLine[] = []
  for (const l of byHeight) {
    if (!small(l)) break
    tail.push(l)
  }
  if (!tail.length) return out
  // The block must sit in the lower part of the page and open (its highest line) with a footnote mark.
  const opening = tail[tail.length - 1]
  if (opening.y > bottom + (top - bottom) * 0.45) return out
  if (!startsFootnote(opening)) return out
  for (const l of tail) out.add(l)
  return out
}

function startsFootnote(l: PlacedLine): boolean {
  return /^(?:\d{1,3}|[*†‡§¶]|\[\d{1,3}\])(?:\s|\.|\)|\p{L})/u.test(l.text)
}

/**
 * Splits lines (in reading order, across all pages) into paragraphs and names their kinds. `labels` maps a page
 * index to its label.
 */
export function segmentPdfLines(lines: PlacedLine[], labels: string[], lexicon?: Lexicon): Block[] {
  if (!lines.length) return []
  const body = bodySize(lines)
  // Typical line spacing of body text within a column.
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]
    const b = lines[i]
    if (a.page === b.page && a.column === b.column && near(a.size, body, 0.5) && near(b.size, body, 0.5) && a.y > b.y) gaps.push(a.y - b.y)
  }
  const leading = median(gaps.filter((g) => g < body * 3)) || body * 1.2

  // Heading sizes: distinct sizes clearly above the body size, largest first -> h1, h2, h3…
  // Headings: type clearly larger than the body, or bold lines at least body size that do not read as a sentence.
  // Levels follow size: the largest heading type is h1, the next h2…
  const HEADING_RATIO = 1.15
  const isHeadingLine = (l: PlacedLine): boolean =>
    l.size >= body * HEADING_RATIO || (l.bold && l.size >= body - 0.3 && l.text.length <= 120 && !/[.,;:]$/.test(l.text))
  const headingSizes = [...new Set(lines.filter(isHeadingLine).map((l) => Math.round(l.size * 2) / 2))].sort((a, b) => b - a)
  const headingKind = (l: PlacedLine): ParagraphKind | null =>
    isHeadingLine(l) ? (`h${Math.min(4, headingSizes.indexOf(Math.round(l.size * 2) / 2) + 1)}` as ParagraphKind) : null

  // Paragraph style: first-line indents (then only an indent starts a paragraph after a column or page break) or
  // space between paragraphs (then a finished sentence followed by a capital does).
  const bodyLines = lines.filter((l) => near(l.size, body, 0.5))
  const indented = bodyLines.filter((l) => l.x0 - l.left > body * 0.8).length
  const indentStyle = indented >= Math.max(2, bodyLines.length * 0.03)

  // Footnote blocks, page by page.
  const byPage = new Map<number, PlacedLine[]>()
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l])
  const notes = new Set<PlacedLine>()
  for (const pageLines of byPage.values()) for (const l of footnoteLines(pageLines, body)) notes.add(l)

  const stats = new WordStats()
  for (const l of lines) stats.add(l.text.replace(/[-\u2010\u00AD]$/, ''))

  const paras: Para[] = []
  const footnotes = new Map<number, Para[]>()
  let current: Para | null = null
  let prev: PlacedLine | null = null
  for (const l of lines) {
    if (notes.has(l)) {
      const list = footnotes.get(l.page) ?? []
      const last = list[list.length - 1]
      if (last && !startsFootnote(l)) last.lines.push(l)
      else list.push({ lines: [l], kind: 'footnote', page: l.page })
      footnotes.set(l.page, list)
      continue
    }
    const heading = headingKind(l)
    let fresh = current === null || prev === null
    if (!fresh && prev && current) {
      const sameBlock = prev.page === l.page && prev.column === l.column
      const wasHeading = current.kind !== 'p'
      const gap = prev.y - l.y
      const indent = l.x0 - l.left
      const prevIndent = prev.x0 - prev.left
      const shortPrev = prev.x1 < prev.right - Math.max(body * 2.5, (prev.right - prev.left) * 0.12)
      if (heading !== null || wasHeading) {
        // A heading is its own paragraph; consecutive lines of one heading (same size) stay together.
        fresh = !(heading !== null && wasHeading && current.kind === heading && near(l.size, prev.size, 0.3) && sameBlock && gap < l.size * 1.8)
      } else if (!near(l.size, prev.size, Math.max(0.6, body * 0.08)) || l.bold !== prev.bold && l.text.length < 80) {
        fresh = true
      } else if (sameBlock && ITEM.test(l.text) && near(l.size, body, 0.6)) {
        // A list item starts with its mark.
        fresh = true
      } else if (sameBlock && ITEM.test(current.lines[0].text) && l.x0 > current.lines[0].x0 + body * 0.3 && gap <= leading * 1.25) {
        // The wrapped lines of a list item hang under its text.
        fresh = false
      } else if (sameBlock) {
        fresh =
          gap > leading * 1.25 ||
          gap < 0 ||
          (indent > body * 0.8 && prevIndent < body * 0.5) ||
          (shortPrev && SENTENCE_END.test(prev.text))
      } else if (indentStyle) {
        // A new column or page: in an indented text only an indent (or a short finished last line) starts a paragraph.
        fresh = indent > body * 0.8 || (shortPrev && SENTENCE_END.test(prev.text))
      } else {
        // In a spaced text a finished sentence followed by a capital does.
        fresh = (SENTENCE_END.test(prev.text) && /^[\p{Lu}\p{N}"“‘(]/u.test(l.text)) || indent > body * 0.8
      }
    }
    if (fresh) {
      if (current) paras.push(current)
      current = { lines: [l], kind: heading ?? 'p', page: l.page }
    } else current!.lines.push(l)
    prev = l
    // Footnotes of a page follow its text: flush them when the next page starts.
  }
  if (current) paras.push(current)

  // Interleave: each page's footnotes after the last paragraph that starts on that page (or before the next page's).
  const blocks: Block[] = []
  const emitNotes = (page: number): void => {
    for (const n of footnotes.get(page) ?? []) blocks.push(toBlock(n, stats, labels, lexicon))
    footnotes.delete(page)
  }
  let lastPage = paras[0]?.page ?? 0
  for (const p of paras) {
    if (p.page !== lastPage) for (let pg = lastPage; pg < p.page; pg++) emitNotes(pg)
    blocks.push(toBlock(p, stats, labels, lexicon))
    lastPage = p.page
  }
  for (const page of [...footnotes.keys()].sort((a, b) => a - b)) emitNotes(page)
  return blocks.filter((b) => b.text)
}

function toBlock(p: Para, stats: WordStats, labels: string[], lexicon?: Lexicon): Block {
  let text = ''
  for (const l of p.lines) text = text ? joinLines(text, l.text, stats, lexicon) : l.text
  text = text.replace(/\s+/g, ' ').trim()
  // A figure or table caption reads as a caption; a "heading" as long as a paragraph is a paragraph in larger type.
  let kind: ParagraphKind = p.kind === 'p' && /^(?:fig(?:ure)?|table|chart|map|exhibit)\.?\s+\d+[.:]/i.test(text) && text.length < 400 ? 'figcaption' : p.kind
  if (/^h\d$/.test(kind) && text.length > 250) kind = 'p'
  const page = labels[p.page] ?? String(p.page + 1)
  // Bulleted items become list items (the reader draws the bullet); numbered ones keep their number as written.
  if (kind === 'p' && BULLET.test(text)) return { kind: 'li', list: 'ul', text: text.replace(BULLET, ''), page }
  return { kind, text, page }
}
