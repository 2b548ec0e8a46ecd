// The quote matcher, after the Hypothesis client's match-quote.ts: finds a quote in one text — exactly when it can,
// else within an error budget — and scores every match on the quote, the text just before and after it, and how
// close it starts to where it was expected. Pure and small; its only import is approx-string-match. Which texts to
// search, in what order, and what a score is good enough for, is the strategy's business (anchor.ts).
import search from 'approx-string-match'

/** How much each agreement counts in a match's score (Hypothesis's weights). */
export const QUOTE_WEIGHT = 50
export const PREFIX_WEIGHT = 20
export const SUFFIX_WEIGHT = 20
/** Closeness to the expected start: only a tie-breaker. */
export const POSITION_WEIGHT = 2
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/** At most this many errors are ever allowed (the search costs O(errors / 32 × text length)). */
export const MAX_ERRORS_CAP = 256
/** Context compared beyond this many characters does not change a decision; longer context is cut. */
const MAX_CONTEXT_COMPARED = 64

/** What is known about where the quote sat. Every field is optional: what is not given does not count. */
export interface QuoteContext {
  /** The text just before the quote ('' : nothing, the quote began the text — see contextChars). */
  prefix?: string
  /** The text just after the quote. */
  suffix?: string
  /** Where the quote was expected to start (an offset into the text). */
  hint?: number
  /**
   * How long the stored prefix and suffix were cut (targetAt keeps QUOTE_CONTEXT_CHARS). A shorter one means the
   * quote sat that close to an edge of its text, so a match must too: the text beside a match is then compared over
   * contextChars characters, and anything more than the stored context counts as a difference. Without it, context
   * is compared only as far as it goes (Hypothesis's rule).
   */
  contextChars?: number
}

export interface MatchOptions {
  /** Most errors (edits) allowed in an approximate match; default maxQuoteErrors(quote). 0: exact matches only. */
  maxErrors?: number
}

/** One place the quote was found, with how well each part agrees (each in [0, 1]). */
export interface QuoteMatch {
  start: number
  end: number
  /** Edits between the quote and the matched text (0: exact). */
  errors: number
  /** 1 − errors / quote length. */
  quote: number
  /** Agreement of the text before the match with the expected prefix (1 when no prefix was given). */
  prefix: number
  /** Agreement of the text after the match with the expected suffix (1 when no suffix was given). */
  suffix: number
  /** Closeness to the hint (1 when no hint was given). */
  position: number
  /** The weighted score in [0, 1]: QUOTE_WEIGHT·quote + PREFIX_WEIGHT·prefix + SUFFIX_WEIGHT·suffix + POSITION_WEIGHT·position, normalised. */
  score: number
}

/** The default error budget: a quarter of the quote, at most MAX_ERRORS_CAP. */
export function maxQuoteErrors(quote: string): number {
  return Math.min(MAX_ERRORS_CAP, Math.floor(quote.length / 4))
}

/** Levenshtein distance of two short strings (both at most MAX_CONTEXT_COMPARED long). */
function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let prev = new Array<number>(b.length + 1)
  let cur = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1)
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1)
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]
}

/** 1 − edit distance / the longer length: 1 for equal strings (two empty ones too), 0 for nothing in common. */
function similarity(expected: string, actual: string): number {
  const longer = Math.max(expected.length, actual.length)
  return longer === 0 ? 1 : 1 - editDistance(expected, actual) / longer
}

/** How far beside a match the text is compared with an expected context of this length. */
function window(expected: string, contextChars: number | undefined): number {
  const wanted = contextChars !== undefined && expected.length < contextChars ? contextChars : expected.length
  return Math.min(wanted, MAX_CONTEXT_COMPARED)
}

function prefixScore(text: string, start: number, expected: string | undefined, contextChars: number | undefined): number {
  if (expected === undefined) return 1
  const n = window(expected, contextChars)
  return similarity(expected.slice(Math.max(0, expected.length - n)), text.slice(Math.max(0, start - n), start))
}

function suffixScore(text: string, end: number, expected: string | undefined, contextChars: number | undefined): number {
  if (expected === undefined) return 1
  const n = window(expected, contextChars)
  return similarity(expected.slice(0, n), text.slice(end, end + n))
}

interface Found {
  start: number
  end: number
  errors: number
}

function exactMatches(text: string, quote: string): Found[] {
  const out: Found[] = []
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) out.push({ start: at, end: at + quote.length, errors: 0 })
  return out
}

const reverse = (s: string): string => [...s].reverse().join('')

/**
 * Approximate matches with the fewest errors. approx-string-match reports every end but, for each, only the
 * longest match; the other starts with as few errors are found here too (by matching the reversed quote backwards
 * from each end), so that the best-placed one can be chosen.
 */
function approximateMatches(text: string, quote: string, maxErrors: number): Found[] {
  const out: Found[] = []
  const quoteBack = reverse(quote)
  for (const m of search(text, quote, maxErrors)) {
    const from = Math.max(0, m.end - quote.length - m.errors)
    for (const back of search(reverse(text.slice(from, m.end)), quoteBack, m.errors)) {
      if (back.errors === m.errors) out.push({ start: m.end - back.end, end: m.end, errors: m.errors })
    }
  }
  return out
}

/** Levenshtein distance of `a` and `b`, or Infinity when it is more than `max` (a band of 2·max + 1 diagonals). */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity
  const BIG = max + 1
  let prev = new Array<number>(b.length + 1)
  let cur = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : BIG
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max)
    const to = Math.min(b.length, i + max)
    cur.fill(BIG)
    cur[0] = i <= max ? i : BIG
    let low = cur[0]
    const ca = a.charCodeAt(i - 1)
    for (let j = from; j <= to; j++) {
      const v = Math.min(prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j] + 1, cur[j - 1] + 1, BIG)
      cur[j] = v
      if (v < low) low = v
    }
    if (low > max) return Infinity
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity
}

/** How many characters of a context are looked for to find where it begins or ends. */
const CONTEXT_KEY = 8

/**
 * Alignments of an approximate match moved, within the error budget, so that an edge meets the stored context: the
 * fewest edits may drop a changed word at the quote's edge, when the text around says the quote runs up to it.
 */
function snapToContext(text: string, quote: string, m: Found, context: QuoteContext, maxErrors: number): Found[] {
  const { prefix, suffix, contextChars } = context
  const atEdge = (c: string | undefined): boolean => c !== undefined && contextChars !== undefined && c.length < contextChars
  const starts = new Set<number>()
  const ends = new Set<number>()
  if (prefix !== undefined) {
    if (prefix === '' && atEdge(prefix)) starts.add(0)
    const key = prefix.slice(-CONTEXT_KEY)
    if (key) {
      for (let at = text.indexOf(key, Math.max(0, m.start - maxErrors - key.length)); at !== -1 && at + key.length <= m.start + maxErrors; at = text.indexOf(key, at + 1)) {
        starts.add(at + key.length)
      }
    }
  }
  if (suffix !== undefined) {
    if (suffix === '' && atEdge(suffix)) ends.add(text.length)
    const key = suffix.slice(0, CONTEXT_KEY)
    if (key) {
      for (let at = text.indexOf(key, Math.max(0, m.end - maxErrors)); at !== -1 && at <= m.end + maxErrors; at = text.indexOf(key, at + 1)) ends.add(at)
    }
  }
  starts.delete(m.start)
  ends.delete(m.end)
  const out: Found[] = []
  for (const start of [m.start, ...starts]) {
    for (const end of [m.end, ...ends]) {
      if ((start === m.start && end === m.end) || Math.abs(start - m.start) > maxErrors || Math.abs(end - m.end) > maxErrors || end <= start) continue
      const errors = boundedDistance(quote, text.slice(start, end), maxErrors)
      if (errors <= maxErrors) out.push({ start, end, errors })
    }
  }
  return out
}

/** How many characters the match's two edges share with the quote's (a tie-breaker between equally good alignments). */
function edgeAgreement(text: string, m: Found, quote: string): number {
  let n = 0
  while (n < quote.length && m.start + n < m.end && text.charCodeAt(m.start + n) === quote.charCodeAt(n)) n++
  let k = 0
  while (k < quote.length && m.end - 1 - k >= m.start && text.charCodeAt(m.end - 1 - k) === quote.charCodeAt(quote.length - 1 - k)) k++
  return n + k
}

/**
 * Every match of `quote` in `text`, best score first (ties: earlier first): the exact occurrences when there are
 * any, otherwise the approximate matches with the fewest errors, up to `maxErrors`, and the same matches moved
 * (within the budget) to meet the stored context. Overlapping approximate matches are one place found several
 * ways: only the alignment that agrees best with the quote and its context is kept (then the one whose edges agree
 * with the quote's, then the nearest to the hint).
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, options: MatchOptions = {}): QuoteMatch[] {
  if (!quote || !text) return []
  let found = exactMatches(text, quote)
  const maxErrors = Math.min(options.maxErrors ?? maxQuoteErrors(quote), MAX_ERRORS_CAP, quote.length)
  const approximate = !found.length && maxErrors > 0 && text.length >= quote.length - maxErrors
  if (approximate) {
    found = approximateMatches(text, quote, maxErrors)
    found = [...found, ...found.flatMap((m) => snapToContext(text, quote, m, context, maxErrors))]
  }
  const { prefix, suffix, hint, contextChars } = context
  const scored = found.map((m): QuoteMatch => {
    const q = 1 - m.errors / quote.length
    const p = prefixScore(text, m.start, prefix, contextChars)
    const s = suffixScore(text, m.end, suffix, contextChars)
    const pos = hint === undefined ? 1 : Math.max(0, 1 - Math.abs(m.start - hint) / text.length)
    const score = (QUOTE_WEIGHT * q + PREFIX_WEIGHT * p + SUFFIX_WEIGHT * s + POSITION_WEIGHT * pos) / TOTAL_WEIGHT
    return { start: m.start, end: m.end, errors: m.errors, quote: q, prefix: p, suffix: s, position: pos, score }
  })
  const byScore = (a: QuoteMatch, b: QuoteMatch): number => b.score - a.score || a.start - b.start
  if (!approximate) return scored.sort(byScore)
  // Overlapping alignments, grouped in text order. Each group is one place; it is given by the alignment that best
  // agrees with the quote and its context, then whose edges agree best with the quote's, then nearest the hint.
  scored.sort((a, b) => a.start - b.start || a.end - b.end)
  const places: QuoteMatch[] = []
  let group: QuoteMatch[] = []
  let groupEnd = -1
  const agreement = (m: QuoteMatch): number => QUOTE_WEIGHT * m.quote + PREFIX_WEIGHT * m.prefix + SUFFIX_WEIGHT * m.suffix
  const close = (): void => {
    if (!group.length) return
    const key = new Map(group.map((m) => [m, [agreement(m), edgeAgreement(text, m, quote), m.position]]))
    const better = (a: QuoteMatch, b: QuoteMatch): boolean => {
      const [x, y] = [key.get(a)!, key.get(b)!]
      for (let k = 0; k < x.length; k++) if (Math.abs(x[k] - y[k]) > 1e-9) return x[k] > y[k]
      return false
    }
    places.push(group.reduce((best, m) => (better(m, best) ? m : best)))
  }
  for (const m of scored) {
    if (m.start >= groupEnd) {
      close()
      group = []
    }
    group.push(m)
    groupEnd = Math.max(groupEnd, m.end)
  }
  close()
  return places.sort(byScore)
}
