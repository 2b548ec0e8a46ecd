// One relevance score for paragraphs and notes alike. SQLite's bm25() picks and orders the candidates inside
// each FTS table, but its values are not comparable across the two tables: each uses its own document counts,
// and a word found in most notes gets an IDF near zero there (notes would then always sink below paragraphs,
// or drop out of the limit). The candidates all contain every term, so this BM25 keeps the term-frequency and
// length parts, scored the same way for both kinds.

const K1 = 1.2
const B = 0.75

export interface RankField {
  /** Occurrences of each term in the field. */
  counts: number[]
  /** Field length in words. */
  words: number
  /** Typical length of this field in words. */
  avgWords: number
  /** How much an occurrence here counts (a note title weighs more than its text). */
  weight: number
}

/** BM25F-style score (higher is better) of one document made of `fields`, for `terms` terms. */
export function relevance(fields: readonly RankField[], terms: number): number {
  let score = 0
  for (let t = 0; t < terms; t++) {
    let tf = 0
    for (const f of fields) {
      const n = f.counts[t] ?? 0
      if (n > 0) tf += (f.weight * n) / (1 - B + (B * f.words) / Math.max(1, f.avgWords))
    }
    score += (tf * (K1 + 1)) / (tf + K1)
  }
  return score
}
