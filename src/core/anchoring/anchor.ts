import search from 'approx-string-match'
import type { AnchorStatus, AnchoredHighlight, Highlight, HighlightSegmentTarget, Paragraph, ResolvedSegment } from '../model'

interface Found {
  paragraphIndex: number
  start: number
  end: number
  exact: boolean
}

interface Candidate {
  start: number
  end: number
  errors: number
}

/** Most errors allowed when matching a quote approximately. */
export function maxQuoteErrors(quote: string): number {
  return Math.min(32, Math.floor(quote.length / 4))
}

function exactOccurrences(text: string, quote: string): Candidate[] {
  const out: Candidate[] = []
  if (!quote) return out
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    out.push({ start: at, end: at + quote.length, errors: 0 })
  }
  return out
}

/** Similarity in [0, 1] of `expected` to `actual` (edit distance based, via approx-string-match). */
function contextScore(expected: string, actual: string): number {
  if (!expected) return 1
  if (!actual) return 0
  if (expected === actual) return 1
  const best = search(actual, expected, expected.length)
  const errors = best.length ? Math.min(...best.map((m) => m.errors)) : expected.length
  return Math.max(0, 1 - errors / expected.length)
}

/**
 * Hypothesis-style score of a candidate match: quote quality dominates, then prefix and suffix agreement,
 * then closeness to the expected position.
 */
function score(text: string, c: Candidate, target: HighlightSegmentTarget, positionHint: number | null): number {
  const { exact, prefix, suffix } = target.quote
  const quoteScore = 1 - c.errors / Math.max(1, exact.length)
  const actualPrefix = text.slice(Math.max(0, c.start - prefix.length), c.start)
  const actualSuffix = text.slice(c.end, c.end + suffix.length)
  // Compare the context ends that touch the quote: the prefix is right-aligned, the suffix left-aligned.
  const prefixScore = contextScore(prefix, actualPrefix)
  const suffixScore = contextScore(suffix, actualSuffix)
  const posScore = positionHint === null ? 1 : 1 - Math.min(1, Math.abs(c.start - positionHint) / Math.max(1, text.length))
  return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92
}

function best(
  text: string,
  candidates: Candidate[],
  target: HighlightSegmentTarget,
  positionHint: number | null
): { c: Candidate; score: number } | null {
  let top: { c: Candidate; score: number } | null = null
  for (const c of candidates) {
    const s = score(text, c, target, positionHint)
    if (!top || s > top.score) top = { c, score: s }
  }
  return top
}

const Q = 3
const gramCache = new WeakMap<object, { text: string; grams: Set<string> }>()

function gramsOf(owner: object | null, text: string): Set<string> {
  const cached = owner ? gramCache.get(owner) : undefined
  if (cached && cached.text === text) return cached.grams
  const grams = new Set<string>()
  for (let i = 0; i + Q <= text.length; i++) grams.add(text.slice(i, i + Q))
  if (owner) gramCache.set(owner, { text, grams })
  return grams
}

/**
 * q-gram filter (exact, never drops a real match): a window within k edits of a quote of length m shares at
 * least m - Q + 1 - k*Q of the quote's q-grams, so a paragraph holding fewer of them cannot match.
 */
function mayMatch(owner: object | null, text: string, quote: string, maxErrors: number): boolean {
  const needed = quote.length - Q + 1 - maxErrors * Q
  if (needed <= 0) return true
  const grams = gramsOf(owner, text)
  let found = 0
  let missing = 0
  const budget = quote.length - Q + 1 - needed
  for (let i = 0; i + Q <= quote.length; i++) {
    if (grams.has(quote.slice(i, i + Q))) {
      if (++found >= needed) return true
    } else if (++missing > budget) return false
  }
  return found >= needed
}

/** Pigeonhole filter (exact): a match within k edits contains one of k+1 pieces of the quote unchanged. */
function hasPiece(text: string, quote: string, maxErrors: number): boolean {
  const size = Math.floor(quote.length / (maxErrors + 1))
  if (size < 4) return true
  for (let i = 0; i <= maxErrors; i++) if (text.includes(quote.slice(i * size, (i + 1) * size))) return true
  return false
}

function fuzzyCandidates(text: string, quote: string, owner: object | null = null, limit = maxQuoteErrors(quote)): Candidate[] {
  const maxErrors = Math.min(limit, maxQuoteErrors(quote))
  if (maxErrors === 0 || !text) return []
  if (!hasPiece(text, quote, maxErrors) || !mayMatch(owner, text, quote, maxErrors)) return []
  return search(text, quote, maxErrors)
}

/** Errors allowed in the first, fast whole-article pass (small edits such as a fixed typo). */
function firstPassErrors(quote: string): number {
  return Math.min(maxQuoteErrors(quote), Math.max(1, Math.floor(quote.length / 10)))
}

/** Places one target in the paragraphs, or returns null. */
export function anchorTarget(paragraphs: Paragraph[], target: HighlightSegmentTarget, hintIndex: number | null): Found | null {
  const quote = target.quote.exact
  if (!quote) return null
  const home = paragraphs.findIndex((p) => p.id === target.paragraphId)

  if (home >= 0) {
    const text = paragraphs[home].text
    const { start, end } = target.position
    // 1. Position, verified by the quote.
    if (text.slice(start, end) === quote) return { paragraphIndex: home, start, end, exact: true }
    // 2. Exact quote in the same paragraph, best context wins.
    const found = best(text, exactOccurrences(text, quote), target, start)
    if (found) return { paragraphIndex: home, start: found.c.start, end: found.c.end, exact: true }
  }

  // 3. Exact quote anywhere in the article (the paragraph may have been re-identified or moved).
  const near = home >= 0 ? home : hintIndex
  const article = bestAcross(paragraphs, target, near, exactOccurrences)
  if (article) return { ...article, exact: true }

  // 4. Approximate quote: the home paragraph first, then the whole article.
  if (home >= 0) {
    const text = paragraphs[home].text
    const found = best(text, fuzzyCandidates(text, quote), target, target.position.start)
    if (found) return { paragraphIndex: home, start: found.c.start, end: found.c.end, exact: false }
  }
  // Whole article: a fast pass for small edits, then the full error budget.
  const firstPass = firstPassErrors(quote)
  let fuzzy = bestAcross(paragraphs, target, near, (text, q, owner) => fuzzyCandidates(text, q, owner, firstPass))
  if (!fuzzy && firstPass < maxQuoteErrors(quote)) fuzzy = bestAcross(paragraphs, target, near, fuzzyCandidates)
  return fuzzy ? { ...fuzzy, exact: false } : null
}

function bestAcross(
  paragraphs: Paragraph[],
  target: HighlightSegmentTarget,
  near: number | null,
  find: (text: string, quote: string, owner: object) => Candidate[]
): Omit<Found, 'exact'> | null {
  let top: { paragraphIndex: number; c: Candidate; score: number } | null = null
  for (let i = 0; i < paragraphs.length; i++) {
    const text = paragraphs[i].text
    if (text.length < target.quote.exact.length - maxQuoteErrors(target.quote.exact)) continue
    const found = best(text, find(text, target.quote.exact, paragraphs[i]), target, target.position.start)
    if (!found) continue
    // Small preference for paragraphs near where the highlight used to be.
    const s = found.score - (near === null ? 0 : Math.min(1, Math.abs(i - near) / Math.max(1, paragraphs.length)) * 0.01)
    if (!top || s > top.score) top = { paragraphIndex: i, c: found.c, score: s }
  }
  return top ? { paragraphIndex: top.paragraphIndex, start: top.c.start, end: top.c.end } : null
}

/**
 * Places a stored highlight in the current article text (Hypothesis-style): for each target, the
 * TextPosition in its paragraph is tried first and checked against the quote; then the quote is
 * searched in that paragraph (exact, then fuzzy, prefix/suffix and position as tie-breakers); then
 * across the whole article. Targets that cannot be placed are reported, never dropped:
 * status is 'anchored' (all exact), 'fuzzy' (all placed, some approximately), 'partial' (some placed),
 * or 'orphan' (none placed).
 */
export function anchorHighlight(paragraphs: Paragraph[], highlight: Highlight): AnchoredHighlight {
  const found: Found[] = []
  let allExact = true
  let lastIndex: number | null = null
  for (const target of highlight.targets) {
    const f = anchorTarget(paragraphs, target, lastIndex === null ? null : lastIndex + 1)
    if (f) {
      found.push(f)
      lastIndex = f.paragraphIndex
      if (!f.exact) allExact = false
    }
  }
  let status: AnchorStatus
  if (found.length === 0) status = 'orphan'
  else if (found.length < highlight.targets.length) status = 'partial'
  else status = allExact ? 'anchored' : 'fuzzy'

  found.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.start - b.start)
  const resolved: ResolvedSegment[] = []
  for (const f of found) {
    const prev = resolved[resolved.length - 1]
    const paragraphId = paragraphs[f.paragraphIndex].id
    if (prev && prev.paragraphId === paragraphId && f.start < prev.end) {
      prev.end = Math.max(prev.end, f.end) // overlapping segments merge
      continue
    }
    resolved.push({ paragraphId, start: f.start, end: f.end })
  }
  return { ...highlight, status, resolved }
}
