// The one door to an NLP library: what the analysis needs from it, per paragraph — its words with a part of speech
// and name tags, and the names the library recognises. Everything built on top (cleaning names, merging variants,
// finding speakers) is ours, in entities.ts and quotes.ts, so the library can be swapped by writing another engine.
//
// A result is plain JSON and depends only on the paragraph's text and the engine: the backend caches it per
// paragraph (keyed by paragraph id and text hash, see NlpEngine.id) and recomputes only changed paragraphs.
import type { EntityType } from './types'

export type Pos = 'noun' | 'verb' | 'adjective' | 'adverb' | 'determiner' | 'preposition' | 'pronoun' | 'conjunction' | 'value' | 'other'

/** What the library says about a word beyond its part of speech. */
export type NameTag = 'person' | 'firstName' | 'lastName' | 'honorific' | 'place' | 'organization' | 'acronym' | 'demonym'

export interface NlpTerm {
  /** [start, end) of the word in the paragraph text (UTF-16 offsets), without the punctuation around it. */
  start: number
  end: number
  pos: Pos
  /** A proper noun (a name or part of one). */
  proper: boolean
  /** Absent when the word has none. */
  tags?: NameTag[]
}

/** A name the library recognised, as it recognised it (often with titles, possessives or punctuation attached). */
export interface NlpSpan {
  kind: EntityType
  start: number
  end: number
}

export interface NlpResult {
  terms: NlpTerm[]
  spans: NlpSpan[]
}

export interface NlpEngine {
  /**
   * Names the library, its version and the adapter's own version ("compromise@14.17.0/1"). A cached result made by
   * another engine id is recomputed.
   */
  readonly id: string
  analyse(text: string): NlpResult
  /** The library's plain tokenisation of the text (no tagging): the floor the analysis bench measures against. */
  tokenize(text: string): number
}

/** Checks that a cached value has the shape of an NlpResult (a damaged cache row is recomputed, not trusted). */
export function isNlpResult(value: unknown): value is NlpResult {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  if (!Array.isArray(v.terms) || !Array.isArray(v.spans)) return false
  const span = (s: unknown): boolean => {
    const o = s as Record<string, unknown> | null
    return !!o && Number.isInteger(o.start) && Number.isInteger(o.end) && (o.start as number) <= (o.end as number)
  }
  return v.terms.every(span) && v.spans.every(span)
}
