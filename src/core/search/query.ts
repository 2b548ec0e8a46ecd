// Turns what a person types into a safe FTS5 MATCH expression, and the terms the UI marks in results.
// Every term is quoted (no FTS syntax can leak through), punctuation and FTS operators are dropped, the last
// term is prefix-matched (search as you type) once its last word has two letters, at most MAX_TERMS terms are kept.

export const MAX_TERMS = 12

/** One search term: a word, or a phrase when the user joined words with punctuation ("U.S.-China"). */
export interface SearchTerm {
  /** Folded (lower-case, no diacritics) words, in order. */
  words: string[]
  /** Matches any word starting with the last word (the term being typed). */
  prefix: boolean
}

export interface SearchQuery {
  /** The FTS5 MATCH expression, e.g. `"Russia" "U S China" "Khar"*`: every term (all must match). */
  match: string
  /** Each term's own MATCH phrase (same order as `terms`): `match` is these joined by spaces. */
  phrases: string[]
  terms: SearchTerm[]
}

/**
 * A one-letter word typed last is matched as a word, not a prefix: nearly every text has a word starting with any
 * common letter, so such a prefix finds everything and costs the most (no prefix index keeps one-letter prefixes).
 */
export const MIN_PREFIX = 2

/** FTS5 operators typed as words: dropped (the search is always "all of these words"). */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR'])

/** Word pieces: letters and digits (with their combining marks), the characters the unicode61 tokenizer keeps. */
const PIECE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu

/**
 * Case- and diacritic-insensitive form of a word, for marking matches. (The MATCH expression keeps the words as
 * typed: the FTS tokenizer folds them itself, exactly as it folded the indexed text.)
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** The query for `input`, or null when nothing searchable is left (then do not query at all). */
export function buildSearchQuery(input: string): SearchQuery | null {
  const terms: SearchTerm[] = []
  const phrases: string[] = []
  const seen = new Set<string>()
  for (const chunk of input.split(/\s+/u)) {
    const raw = chunk.match(PIECE) ?? []
    if (raw.length === 1 && OPERATORS.has(raw[0])) continue
    const kept = raw.filter((w) => fold(w).length > 0)
    if (kept.length === 0) continue
    const words = kept.map(fold)
    const key = words.join(' ')
    if (seen.has(key)) continue
    seen.add(key)
    terms.push({ words, prefix: false })
    phrases.push(kept.join(' '))
    if (terms.length === MAX_TERMS) break
  }
  if (terms.length === 0) return null
  const last = terms[terms.length - 1]
  last.prefix = [...last.words[last.words.length - 1]].length >= MIN_PREFIX
  // Phrases hold only letters, digits and marks, so wrapping them in double quotes is always a valid FTS5 string.
  const quoted = phrases.map((p, i) => `"${p}"${terms[i].prefix ? '*' : ''}`)
  return { match: quoted.join(' '), phrases: quoted, terms }
}
