// How a search picks its candidates in one full-text table with work bounded by a constant, not by how many texts
// match. SQLite's bm25() weighs each term by how rare it is, and to know that it visits every text containing the term
// (~0.07 µs each); it then scores every text matching the whole query (~0.5 µs each) before ORDER BY … LIMIT keeps
// the best. A word found in 200,000 paragraphs costs ~15 ms before the first result, ~100 ms to rank.
//
// So each term is first asked whether it matches more than COMMON_MATCHES texts (a LIMIT 1 OFFSET probe: it stops
// there). Then:
//   - no common term: bm25 over the whole query, LIMIT inside the FTS query (exact, and cheap: every term is rare);
//   - some common terms: bm25 over the rare terms only, the whole query as a filter (all words must still match). A
//     common term weighs little in bm25 anyway (its rarity weight is near zero), so the order barely changes;
//   - every term common: no bm25 at all; the most recently added RECENT_CANDIDATES matches are the candidates (the
//     search then ranks them by term frequency and length, like every candidate: rank.ts).

/** A term matching more texts than this is common: it filters, it does not rank (see above). */
export const COMMON_MATCHES = 2000

/** Candidates taken when every term is common: the newest matches, ranked afterwards. */
export const RECENT_CANDIDATES = 100

export type CandidatePlan =
  /** bm25 over `rank` (FTS MATCH phrases); `filter`, when set, is the whole query every candidate must also match. */
  | { order: 'bm25'; rank: string; filter: string | null }
  /** The newest texts matching `filter`. */
  | { order: 'recent'; filter: string }

/** The plan for a query's MATCH phrases, given which of them are common in the table searched. */
export function planCandidates(phrases: readonly string[], common: readonly boolean[]): CandidatePlan {
  const all = phrases.join(' ')
  const rare = phrases.filter((_, i) => !common[i])
  if (rare.length === 0) return { order: 'recent', filter: all }
  if (rare.length === phrases.length) return { order: 'bm25', rank: all, filter: null }
  return { order: 'bm25', rank: rare.join(' '), filter: all }
}
