// Plain-text search excerpts: where the terms occur in a text (case- and diacritic-insensitive, whole words,
// prefix for the term being typed) and a short excerpt around the first occurrence, cut at word boundaries.
import { fold, type SearchTerm } from './query'

export type Range = [number, number]

export const SNIPPET_LENGTH = 160

/** Folded text: lower-case, no diacritics; `from`/`to` give each folded UTF-16 unit's original [start, end). */
interface Folded {
  text: string
  /** null: the text is ASCII, folding only lower-cased it, and every index maps to itself. */
  from: Int32Array | null
  to: Int32Array | null
}

const ASCII = /^[\0-\x7f]*$/
const NON_ASCII = /[^\0-\x7f]+/g

/** fold() of single characters, remembered (texts repeat the same few: quotes, dashes, accented letters). */
const foldedChars = new Map<string, string>()

function foldChar(ch: string): string {
  let f = foldedChars.get(ch)
  if (f === undefined) {
    f = fold(ch)
    if (foldedChars.size < 4096) foldedChars.set(ch, f)
  }
  return f
}

function folded(text: string): Folded {
  if (ASCII.test(text)) return { text: text.toLowerCase(), from: null, to: null }
  // ASCII stretches are lower-cased whole; only the runs of other characters are folded one by one.
  const n = text.length
  let from = new Int32Array(n + 16)
  let to = new Int32Array(n + 16)
  const parts: string[] = []
  let j = 0
  let last = 0
  NON_ASCII.lastIndex = 0
  for (;;) {
    const m = NON_ASCII.exec(text)
    const runStart = m ? m.index : n
    if (runStart > last) {
      parts.push(text.slice(last, runStart).toLowerCase())
      if (j + runStart - last > from.length) [from, to] = grown(from, to, j + runStart - last)
      for (let i = last; i < runStart; i++, j++) {
        from[j] = i
        to[j] = i + 1
      }
    }
    if (!m) break
    last = runStart + m[0].length
    for (let i = runStart; i < last; ) {
      const len = text.codePointAt(i)! > 0xffff ? 2 : 1
      const f = foldChar(text.slice(i, i + len))
      // A lone combining mark: it belongs to the previous character.
      if (f.length === 0 && j > 0 && to[j - 1] === i) to[j - 1] = i + len
      if (j + f.length > from.length) [from, to] = grown(from, to, j + f.length)
      for (let k = 0; k < f.length; k++, j++) {
        from[j] = i
        to[j] = i + len
      }
      parts.push(f)
      i += len
    }
  }
  return { text: parts.join(''), from, to }
}

function grown(from: Int32Array<ArrayBuffer>, to: Int32Array<ArrayBuffer>, need: number): [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  const size = Math.max(from.length * 2, need)
  const f = new Int32Array(size)
  const t = new Int32Array(size)
  f.set(from)
  t.set(to)
  return [f, t]
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A term's pattern over folded text: whole words (the last one a prefix when the term is), punctuation between. */
function termPattern(t: SearchTerm): RegExp {
  const body = t.words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${t.prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu')
}

/** The same over ASCII text, where letters and digits are [a-z0-9]; null when the term cannot occur in ASCII text. */
function asciiPattern(t: SearchTerm): RegExp | null {
  if (!t.words.every((w) => ASCII.test(w))) return null
  const body = t.words.map(escapeRegExp).join('[^a-z0-9]+')
  return new RegExp(`(?<![a-z0-9])${body}${t.prefix ? '' : '(?![a-z0-9])'}`, 'g')
}

interface Patterns {
  unicode: RegExp[]
  ascii: (RegExp | null)[]
}

/** Patterns are built once per terms list (a search scans many texts with the same terms). */
const compiled = new WeakMap<readonly SearchTerm[], Patterns>()

function patterns(terms: readonly SearchTerm[]): Patterns {
  let p = compiled.get(terms)
  if (!p) {
    p = { unicode: terms.map(termPattern), ascii: terms.map(asciiPattern) }
    compiled.set(terms, p)
  }
  return p
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
  const { unicode, ascii } = patterns(terms)
  const found: Range[] = []
  const counts = terms.map((_, i) => {
    const re = f.from ? unicode[i] : ascii[i]
    if (!re) return 0
    let n = 0
    re.lastIndex = 0
    for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
      const s = m.index
      const e = s + m[0].length
      found.push(f.from && f.to ? [f.from[s], f.to[e - 1]] : [s, e])
      n++
    }
    return n
  })
  if (found.length > 1) found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
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

const isAsciiWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const WORD_CHAR = /^[\p{L}\p{N}]$/u

/** Number of words (letter/digit runs) in a text. */
export function wordCount(text: string): number {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let w: boolean
    if (c < 0x80) w = isAsciiWordCode(c)
    else {
      const code = text.codePointAt(i)!
      w = WORD_CHAR.test(String.fromCodePoint(code))
      if (code > 0xffff) i++
    }
    if (w && !inWord) n++
    inWord = w
  }
  return n
}

export interface Snippet {
  snippet: string
  matches: Range[]
  /** Occurrences of each term in the whole text, and its length in words (for ranking). */
  counts: number[]
  words: number
}

/** A text read for one search: whitespace collapsed, every match found, words counted (enough to rank it). */
export interface ScannedText extends TextMatches {
  /** The text read (whitespace collapsed): all of it, or its start when it was longer than the search reads. */
  flat: string
  /** The text goes on after `flat`. */
  more: boolean
  words: number
}

/**
 * Reads `text` for `terms` once: what ranking needs, and what snippetOf cuts an excerpt from. A text longer than
 * `maxChars` is read up to there (at a space), so a long note costs no more than a page: its counts and length are
 * those of its start, which tells how dense the terms are as well as the whole would. When the start holds no match,
 * the whole text is read after all (the excerpt must show one).
 */
export function scanForSnippet(text: string, terms: readonly SearchTerm[], maxChars = Infinity): ScannedText {
  if (text.length > maxChars) {
    const space = text.lastIndexOf(' ', maxChars)
    const part = scanForSnippet(text.slice(0, space > maxChars / 2 ? space : maxChars), terms)
    if (part.ranges.length > 0) return { ...part, more: true }
  }
  // Most stored texts are single-spaced already: collapse only when there is something to collapse.
  const flat = /\s\s|[^\S ]/u.test(text) ? text.replace(/\s+/gu, ' ').trim() : text.trim()
  return { flat, more: false, ...scanText(flat, terms), words: wordCount(flat) }
}

/**
 * About `length` characters of `text` (whitespace collapsed) around the first match, cut at word boundaries,
 * with "…" where text was cut, and the match ranges inside the excerpt. No match: the start of the text.
 */
export function makeSnippet(text: string, terms: readonly SearchTerm[], length = SNIPPET_LENGTH): Snippet {
  return snippetOf(scanForSnippet(text, terms), length)
}

/** makeSnippet for a text already scanned (only the hits a search returns need an excerpt). */
export function snippetOf(scanned: ScannedText, length = SNIPPET_LENGTH): Snippet {
  const { flat, ranges: all, counts, words, more } = scanned
  if (flat.length <= length && !more) return { snippet: flat, matches: all, counts, words }

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
  const tail = end < flat.length || more ? '…' : ''
  let body = flat.slice(start, end).trim()
  // "word.…" reads as a typo: drop trailing punctuation before the ellipsis.
  if (tail) body = body.replace(/[\s.,;:!?]+$/u, '')
  const from = flat.indexOf(body, start)
  const shift = lead.length - from
  const matches = all.filter(([s, e]) => s >= from && e <= from + body.length).map(([s, e]): Range => [s + shift, e + shift])
  return { snippet: lead + body + tail, matches, counts, words }
}
