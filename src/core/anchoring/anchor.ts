// Where stored highlights are in the current text: the strategy (after the Hypothesis client's anchor()), with the
// matching itself in match-quote.ts. Per target, in this order:
//   1. its stored position in its own paragraph, verified by the quote and the text around it;
//   2. the quote in its own paragraph: exact, else approximate (an edited quote stays where it was);
//   3. only when its own paragraph is gone or no longer holds the quote: the quote elsewhere in the article. A place
//      there is taken only when the own paragraph still exists, the match is strong (quote and context) and clearly
//      beats the runner-up — a repeated sentence elsewhere never wins. Otherwise the best clear candidate is only a
//      suggestion, which the user may accept (acceptSuggestedPlace). A target whose paragraph was removed is never
//      placed by itself.
// anchorAll indexes the article once (paragraph ids, and — only when some target needs it — the text and its words),
// so anchoring costs about one look-up per target when the text is unchanged. The statuses are defined in model.ts.
import { QUOTE_CONTEXT_CHARS } from '../limits'
import type { AnchorStatus, AnchoredHighlight, Highlight, HighlightSegmentTarget, Paragraph, ResolvedSegment } from '../model'
import { indexArticle, type ArticleText } from './article-text'
import { matchQuote, type QuoteContext, type QuoteMatch } from './match-quote'

/** In its own paragraph, an approximate match is taken from this score up (its edits are few, or the context confirms it). */
export const OWN_FUZZY_MIN_SCORE = 0.7
/** Outside its own paragraph, a target is placed only from this score up (in practice: the quote and both sides agree)… */
export const PLACE_MIN_SCORE = 0.9
/** …and only when it beats the next best candidate by this much. */
export const PLACE_MARGIN = 0.15
/** A candidate is suggested from this quote agreement up (at most a quarter of the quote edited)… */
export const SUGGEST_MIN_QUOTE = 0.75
/**
 * …when it beats the next best candidate by this much (two equally good places: no suggestion). Text unrelated to a
 * stored context still shares up to about a third of it, so two copies of a sentence in unrelated surroundings can
 * differ by a few hundredths by chance: the margin is well above that.
 */
export const SUGGEST_MARGIN = 0.1
/** Shortest quote searched approximately outside its own paragraph (shorter ones only exactly: edited, they match anywhere). */
export const MIN_FUZZY_QUOTE_ELSEWHERE = 16
/** How many paragraphs sharing the most words with a quote are searched approximately. */
export const FUZZY_CANDIDATE_PARAGRAPHS = 16
/** Most exact occurrences elsewhere that are scored (a very common phrase is ambiguous long before). */
const MAX_EXACT_CANDIDATES = 200

/** What blots out a copy of a quote (a control character: text hardly ever holds one, and then it only costs a match). */
const BLOT = '\u0000'

/** A passage to find: a highlight target, or a note reference's quote (without context or position). */
export interface Sought {
  paragraphId: string
  exact: string
  /** The stored context (targetAt's, at most QUOTE_CONTEXT_CHARS); undefined when unknown (note references). */
  prefix?: string
  suffix?: string
  /** The stored position in its paragraph, when known. */
  start?: number
  end?: number
}

/** A place in the article: a paragraph (by index) and a range of its text. */
export interface Place {
  index: number
  start: number
  end: number
}

/**
 * Where one passage is now. 'exact' / 'fuzzy': in its own paragraph; 'moved': clearly in another paragraph (its own
 * still exists but no longer holds it); 'lost': not placed, its own paragraph still exists; 'gone': not placed, its
 * own paragraph was removed. `suggestion`: for 'lost' and 'gone', the one clear candidate, if any.
 */
export type Located =
  | { kind: 'exact' | 'fuzzy' | 'moved'; place: Place }
  | { kind: 'lost' | 'gone'; suggestion: Place | null }

/** A highlight target as a passage to find. */
export function soughtOf(t: HighlightSegmentTarget): Sought {
  return { paragraphId: t.paragraphId, exact: t.quote.exact, prefix: t.quote.prefix, suffix: t.quote.suffix, start: t.position.start, end: t.position.end }
}

function contextOf(s: Sought): QuoteContext {
  const known = s.prefix !== undefined || s.suffix !== undefined
  return { prefix: s.prefix, suffix: s.suffix, hint: s.start, contextChars: known ? QUOTE_CONTEXT_CHARS : undefined }
}

/** The stored position holds the quote, with its stored context around it. */
function positionHolds(text: string, s: Sought): boolean {
  const { start, end, prefix = '', suffix = '' } = s
  if (start === undefined || end === undefined || start < prefix.length) return false
  return text.slice(start, end) === s.exact && text.slice(start - prefix.length, start) === prefix && text.slice(end, end + suffix.length) === suffix
}

/** The text with every exact copy of `quote` blotted out (same length, so offsets hold). */
function withoutCopies(text: string, quote: string): string {
  return text.split(quote).join(BLOT.repeat(quote.length))
}

interface Candidate {
  index: number
  match: QuoteMatch
}

/**
 * Candidates outside paragraph `own`: exact occurrences; and, unless one of them is strong enough to be placed,
 * approximate ones in the paragraphs most likely to hold the quote (an edited copy with the right context can beat
 * exact copies in the wrong surroundings — or at least make them ambiguous).
 */
function candidatesElsewhere(article: ArticleText, s: Sought, own: number): Candidate[] {
  const ctx = contextOf(s)
  const out: Candidate[] = []
  const exact = new Set(article.holding(s.exact, MAX_EXACT_CANDIDATES + 1))
  for (const i of exact) {
    if (i === own) continue
    for (const match of matchQuote(article.paragraphs[i].text, s.exact, ctx, { maxErrors: 0 })) out.push({ index: i, match })
  }
  if (s.exact.length < MIN_FUZZY_QUOTE_ELSEWHERE || out.some((c) => c.match.score >= PLACE_MIN_SCORE)) return out
  for (const i of article.sharingWords(s.exact, FUZZY_CANDIDATE_PARAGRAPHS + 1)) {
    if (i === own || exact.has(i)) continue
    for (const match of matchQuote(article.paragraphs[i].text, s.exact, ctx)) out.push({ index: i, match })
  }
  return out
}

const placeOf = (index: number, m: { start: number; end: number }): Place => ({ index, start: m.start, end: m.end })

/**
 * Where one passage is now (see the steps at the top of this file). `near`: the paragraph index where it is expected,
 * when its own paragraph is gone (e.g. just after the previous target of the same highlight): breaks ties only.
 */
export function locate(article: ArticleText, s: Sought, near: number | null = null): Located {
  const own = article.indexOf(s.paragraphId)
  if (!s.exact) return own >= 0 ? { kind: 'lost', suggestion: null } : { kind: 'gone', suggestion: null }
  if (own >= 0) {
    const text = article.paragraphs[own].text
    if (positionHolds(text, s)) return { kind: 'exact', place: { index: own, start: s.start!, end: s.end! } }
    const ctx = contextOf(s)
    let best: QuoteMatch | undefined = matchQuote(text, s.exact, ctx)[0]
    if (best && best.errors === 0 && best.score < PLACE_MIN_SCORE) {
      // The only exact copy left may be another one, in other surroundings, while the highlighted one was edited:
      // an edited copy in the right surroundings wins over it.
      const edited = matchQuote(withoutCopies(text, s.exact), s.exact, ctx)[0]
      if (edited && edited.score > best.score && edited.score >= OWN_FUZZY_MIN_SCORE) best = edited
    }
    if (best && best.errors === 0) return { kind: 'exact', place: placeOf(own, best) }
    if (best && best.score >= OWN_FUZZY_MIN_SCORE) return { kind: 'fuzzy', place: placeOf(own, best) }
  }

  const from = own >= 0 ? own : near
  const candidates = candidatesElsewhere(article, s, own)
  candidates.sort(
    (a, b) => b.match.score - a.match.score || (from === null ? 0 : Math.abs(a.index - from) - Math.abs(b.index - from)) || a.index - b.index
  )
  const [best, second] = candidates
  const margin = best ? best.match.score - (second?.match.score ?? 0) : 0
  if (own >= 0 && best && best.match.score >= PLACE_MIN_SCORE && margin >= PLACE_MARGIN) {
    return { kind: 'moved', place: placeOf(best.index, best.match) }
  }
  const suggestion = best && best.match.quote >= SUGGEST_MIN_QUOTE && margin >= SUGGEST_MARGIN ? placeOf(best.index, best.match) : null
  return own >= 0 ? { kind: 'lost', suggestion } : { kind: 'gone', suggestion }
}

/** Places in document order as segments; overlapping ones merge, and with `onePerParagraph` a paragraph's places are covered by one. */
function segmentsOf(article: ArticleText, places: Place[], onePerParagraph: boolean): ResolvedSegment[] {
  const sorted = [...places].sort((a, b) => a.index - b.index || a.start - b.start)
  const out: (ResolvedSegment & { index: number })[] = []
  for (const p of sorted) {
    const prev = out[out.length - 1]
    if (prev && prev.index === p.index && (onePerParagraph || p.start < prev.end)) {
      prev.end = Math.max(prev.end, p.end)
      continue
    }
    out.push({ paragraphId: article.paragraphs[p.index].id, start: p.start, end: p.end, index: p.index })
  }
  return out.map(({ paragraphId, start, end }) => ({ paragraphId, start, end }))
}

function statusOf(found: Located[]): AnchorStatus {
  if (!found.length) return 'orphan'
  const placed = found.filter((f) => f.kind === 'exact' || f.kind === 'fuzzy' || f.kind === 'moved')
  if (placed.length === found.length) {
    if (placed.some((f) => f.kind === 'moved')) return 'moved'
    return placed.some((f) => f.kind === 'fuzzy') ? 'fuzzy' : 'anchored'
  }
  if (placed.length) return 'partial'
  return found.some((f) => f.kind === 'lost') ? 'review' : 'orphan'
}

/** Every target at its stored position in its own paragraph, in document order: the common case, checked first. */
function unchanged(article: ArticleText, highlight: Highlight): ResolvedSegment[] | null {
  const resolved: ResolvedSegment[] = []
  let last = -1
  for (const t of highlight.targets) {
    const i = article.indexOf(t.paragraphId)
    if (i <= last) return null
    const text = article.paragraphs[i].text
    const { start, end } = t.position
    const { exact, prefix, suffix } = t.quote
    // (Slices compared, not startsWith: several times faster in V8 here.)
    if (
      start < prefix.length ||
      text.slice(start, end) !== exact ||
      text.slice(start - prefix.length, start) !== prefix ||
      text.slice(end, end + suffix.length) !== suffix
    ) {
      return null
    }
    resolved.push({ paragraphId: t.paragraphId, start, end })
    last = i
  }
  return resolved.length ? resolved : null
}

/** The highlight's own fields with where it is now (written out: a spread costs more than the rest of the fast path). */
function withPlace(h: Highlight, status: AnchorStatus, resolved: ResolvedSegment[], suggestion: ResolvedSegment[] | null): AnchoredHighlight {
  const { id, articleId, color, comment, targets, createdAt, updatedAt, tags } = h
  const placed: AnchoredHighlight = { id, articleId, color, comment, targets, createdAt, updatedAt, status, resolved, suggestion }
  if (tags) placed.tags = tags
  return placed
}

/** One highlight in an indexed article. */
export function anchorIn(article: ArticleText, highlight: Highlight): AnchoredHighlight {
  const same = unchanged(article, highlight)
  if (same) return withPlace(highlight, 'anchored', same, null)
  const found: Located[] = []
  let near: number | null = null
  for (const target of highlight.targets) {
    const f = locate(article, soughtOf(target), near)
    found.push(f)
    const own = article.indexOf(target.paragraphId)
    if ('place' in f) near = f.place.index + 1
    else if (own >= 0) near = own + 1
    else if (f.suggestion) near = f.suggestion.index + 1
    else if (near !== null) near++
  }
  const status = statusOf(found)
  const placed = found.flatMap((f) => ('place' in f ? [f.place] : []))
  const suggested = found.flatMap((f) => ('suggestion' in f && f.suggestion ? [f.suggestion] : []))
  return withPlace(highlight, status, segmentsOf(article, placed, false), suggested.length ? segmentsOf(article, [...placed, ...suggested], true) : null)
}

/**
 * Anchors every highlight of one article in its current paragraphs (one index for all of them), in the order given.
 * Targets that cannot be placed are reported, never dropped; see AnchorStatus for what each status means.
 */
export function anchorAll(paragraphs: readonly Paragraph[], highlights: readonly Highlight[]): AnchoredHighlight[] {
  const article = indexArticle(paragraphs)
  return highlights.map((h) => anchorIn(article, h))
}

/** One highlight (anchorAll of one). */
export function anchorHighlight(paragraphs: readonly Paragraph[], highlight: Highlight): AnchoredHighlight {
  return anchorIn(indexArticle(paragraphs), highlight)
}
