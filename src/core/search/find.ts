// Find in article: every place a typed phrase occurs in the article's paragraph texts, as paragraph id + UTF-16
// offsets (so the reader can mark matches in the paragraphs it has drawn and scroll to those it has not). Matching
// ignores case and diacritics ("cafe" finds "Café"), treats typographic quotes and dashes as their plain forms and any
// whitespace as a space — the way a browser's own find behaves. Pure: no DOM.
import type { Paragraph } from '../model'

export interface FindMatch {
  /** Position of the paragraph in the list searched (its index in the article). */
  paragraphIndex: number
  paragraphId: string
  /** UTF-16 offsets into the paragraph text, [start, end). */
  start: number
  end: number
}

export interface FindResult {
  matches: FindMatch[]
  /** True when the search stopped at `limit` matches (there are more). */
  truncated: boolean
}

/** How many matches are kept at most (the count then reads "10,000+"). */
export const FIND_LIMIT = 10_000

/** Characters folded to a plain form beyond case and diacritics. */
const PLAIN: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\t': ' ', '\n': ' ', '\r': ' ',
  '\u00df': 'ss', '\u00e6': 'ae', '\u0153': 'oe', '\u00f8': 'o', '\u0142': 'l', '\u0131': 'i'
}

/** A text in folded form, with where each folded character came from (null: same offsets as the text). */
export interface FoldedText {
  text: string
  /** For folded character k: the offset where its source character starts, and where it ends. */
  from: Int32Array | null
  to: Int32Array | null
}

const ASCII = /^[\x20-\x7e]*$/

function foldChar(ch: string): string {
  const plain = PLAIN[ch]
  if (plain !== undefined) return plain
  return ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** The folded form of a text (lower case, no diacritics, plain quotes, dashes and spaces) and its offset map. */
export function foldForFind(text: string): FoldedText {
  if (ASCII.test(text)) return { text: text.toLowerCase(), from: null, to: null }
  let out = ''
  const from: number[] = []
  const to: number[] = []
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    const folded = foldChar(ch)
    for (let k = 0; k < folded.length; k++) {
      from.push(i)
      to.push(i + ch.length)
    }
    out += folded
    i += ch.length
  }
  return { text: out, from: Int32Array.from(from), to: Int32Array.from(to) }
}

/** The folded query, with runs of whitespace as one space; '' when nothing is left to look for. */
export function foldQuery(query: string): string {
  return foldForFind(query.replace(/\s+/gu, ' ').trim()).text
}

// Folded paragraph texts, kept per paragraph object (paragraphs are immutable in the renderer).
const cache = new WeakMap<object, FoldedText>()

function folded(p: Pick<Paragraph, 'text'>): FoldedText {
  let f = cache.get(p)
  if (!f) {
    f = foldForFind(p.text)
    cache.set(p, f)
  }
  return f
}

/**
 * Every occurrence of `query` in the paragraphs, in document order, not overlapping. An empty query (or one of
 * spaces only) finds nothing. Stops after `limit` matches.
 */
export function findInParagraphs(paragraphs: readonly Pick<Paragraph, 'id' | 'text'>[], query: string, limit = FIND_LIMIT): FindResult {
  const needle = foldQuery(query)
  const matches: FindMatch[] = []
  if (!needle) return { matches, truncated: false }
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]
    const f = folded(p)
    for (let at = f.text.indexOf(needle); at >= 0; at = f.text.indexOf(needle, at + needle.length)) {
      if (matches.length === limit) return { matches, truncated: true }
      const last = at + needle.length - 1
      const start = f.from ? f.from[at] : at
      const end = f.to ? f.to[last] : last + 1
      matches.push({ paragraphIndex: pi, paragraphId: p.id, start, end })
    }
  }
  return { matches, truncated: false }
}

/** The first match at or after paragraph `paragraphIndex` (wrapping to the first match), or -1 when there is none. */
export function firstMatchFrom(matches: readonly FindMatch[], paragraphIndex: number): number {
  if (!matches.length) return -1
  let lo = 0
  let hi = matches.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (matches[mid].paragraphIndex < paragraphIndex) lo = mid + 1
    else hi = mid
  }
  return lo < matches.length ? lo : 0
}

/** The match after (step 1) or before (step -1) `current`, wrapping around. */
export function stepMatch(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1
  if (current < 0) return step === 1 ? 0 : count - 1
  return (current + step + count) % count
}

/** A paragraph's share of the matches, for painting: [start, end) and whether it is the current one. */
export interface FindSpan {
  start: number
  end: number
  current: boolean
}

/**
 * The matches grouped by paragraph id, the current one flagged. Arrays of paragraphs whose spans did not change
 * since `previous` are reused (same identity), so a reader can skip repainting them.
 */
export function findSpansByParagraph(
  matches: readonly FindMatch[],
  current: number,
  previous?: ReadonlyMap<string, readonly FindSpan[]>
): Map<string, readonly FindSpan[]> {
  const out = new Map<string, FindSpan[]>()
  matches.forEach((m, i) => {
    let list = out.get(m.paragraphId)
    if (!list) out.set(m.paragraphId, (list = []))
    list.push({ start: m.start, end: m.end, current: i === current })
  })
  const result = new Map<string, readonly FindSpan[]>()
  for (const [id, list] of out) {
    const old = previous?.get(id)
    const same = old && old.length === list.length && old.every((s, i) => s.start === list[i].start && s.end === list[i].end && s.current === list[i].current)
    result.set(id, same ? old : Object.freeze(list))
  }
  return result
}
