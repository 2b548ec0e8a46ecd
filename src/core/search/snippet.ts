// Plain-text search excerpts: where the terms occur in a text (case- and diacritic-insensitive, whole words,
// prefix for the term being typed) and a short excerpt around the first occurrence, cut at word boundaries.
import { fold, type SearchTerm } from './query'

export type Range = [number, number]

export const SNIPPET_LENGTH = 160

/** The folded text, and for every folded UTF-16 unit the [start, end) of the original characters it came from. */
function folded(text: string): { text: string; from: Int32Array; to: Int32Array } {
  const parts: string[] = []
  const from: number[] = []
  const to: number[] = []
  let i = 0
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    const f = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : fold(ch)
    if (f.length === 0 && to.length > 0 && to[to.length - 1] === i) {
      // A lone combining mark: it belongs to the previous character.
      to[to.length - 1] = i + ch.length
    }
    for (let k = 0; k < f.length; k++) {
      from.push(i)
      to.push(i + ch.length)
    }
    parts.push(f)
    i += ch.length
  }
  return { text: parts.join(''), from: Int32Array.from(from), to: Int32Array.from(to) }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function termPattern(t: SearchTerm): RegExp {
  const body = t.words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${t.prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu')
}

export interface TextMatches {
  /** Sorted, non-overlapping [start, end) UTF-16 ranges of every occurrence of every term. */
  ranges: Range[]
  /** Occurrences of each term (same order as the terms). */
  counts: number[]
}

/** Where the terms occur in `text`. */
export function scanText(text: string, terms: readonly SearchTerm[]): TextMatches {
  if (!text || terms.length === 0) return { ranges: [], counts: terms.map(() => 0) }
  const f = folded(text)
  const found: Range[] = []
  const counts = terms.map((t) => {
    let n = 0
    for (const m of f.text.matchAll(termPattern(t))) {
      const s = m.index
      const e = s + m[0].length
      if (e <= s) continue
      found.push([f.from[s], f.to[e - 1]])
      n++
    }
    return n
  })
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const ranges: Range[] = []
  for (const r of found) {
    const last = ranges[ranges.length - 1]
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1])
    else ranges.push([r[0], r[1]])
  }
  return { ranges, counts }
}

/** Every occurrence of every term in `text`, as sorted, non-overlapping [start, end) UTF-16 ranges of `text`. */
export function findMatches(text: string, terms: readonly SearchTerm[]): Range[] {
  return scanText(text, terms).ranges
}

/** Number of words (letter/digit runs) in a text. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
}

export interface Snippet {
  snippet: string
  matches: Range[]
  /** Occurrences of each term in the whole text, and its length in words (for ranking). */
  counts: number[]
  words: number
}

/**
 * About `length` characters of `text` (whitespace collapsed) around the first match, cut at word boundaries,
 * with "…" where text was cut, and the match ranges inside the excerpt. No match: the start of the text.
 */
export function makeSnippet(text: string, terms: readonly SearchTerm[], length = SNIPPET_LENGTH): Snippet {
  const flat = text.replace(/\s+/gu, ' ').trim()
  const { ranges: all, counts } = scanText(flat, terms)
  const words = wordCount(flat)
  if (flat.length <= length) return { snippet: flat, matches: all, counts, words }

  const [ms, me] = all[0] ?? [0, 0]
  // Some context before the match (about a third of the excerpt), the rest after it.
  let start = Math.max(0, Math.min(ms - Math.floor(length / 3), flat.length - length))
  let end = Math.min(flat.length, Math.max(start + length, me))
  if (start > 0) {
    // Start on a word: after the first space past the cut (never past the match).
    const space = flat.indexOf(' ', start - 1)
    if (space >= 0 && space + 1 <= ms) start = space + 1
  }
  if (end < flat.length) {
    // End on a word: at the last space before the cut (never before the match ends).
    const space = flat.lastIndexOf(' ', end)
    if (space >= me && space > start) end = space
  }
  const lead = start > 0 ? '…' : ''
  const tail = end < flat.length ? '…' : ''
  let body = flat.slice(start, end).trim()
  // "word.…" reads as a typo: drop trailing punctuation before the ellipsis.
  if (tail) body = body.replace(/[\s.,;:!?]+$/u, '')
  const from = flat.indexOf(body, start)
  const shift = lead.length - from
  const matches = all.filter(([s, e]) => s >= from && e <= from + body.length).map(([s, e]): Range => [s + shift, e + shift])
  return { snippet: lead + body + tail, matches, counts, words }
}
