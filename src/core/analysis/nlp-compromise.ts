// The NLP engine on compromise (pure JavaScript, offline, in Node and the browser): its tagger gives each word a
// part of speech and name tags, and its people(), organizations() and places() give the names it recognises. They
// are noisy ("President" alone, "Putin’s", "State Tony"): entities.ts cleans them.
//
// The library is handed in (it takes about a second to load): the backend loads it in its worker only when an
// analysis runs; tests and the browser pass their own import.
import type nlpLib from 'compromise'
import type { NameTag, NlpEngine, NlpResult, NlpSpan, NlpTerm, Pos } from './nlp'
import type { EntityType } from './types'

/** Bump when the adapter's output changes: cached results of the previous version are recomputed. */
const ADAPTER_VERSION = 1

interface CTerm {
  text: string
  tags: string[]
  offset: { start: number; length: number }
}
interface CMatch {
  offset: { start: number; length: number }
}
interface CSentence {
  terms: CTerm[]
}

const POS_ORDER: [string, Pos][] = [
  ['Pronoun', 'pronoun'],
  ['Determiner', 'determiner'],
  ['Preposition', 'preposition'],
  ['Conjunction', 'conjunction'],
  ['Value', 'value'],
  ['Verb', 'verb'],
  ['Adverb', 'adverb'],
  ['Adjective', 'adjective'],
  ['Noun', 'noun']
]

const NAME_TAGS: [string, NameTag][] = [
  ['Person', 'person'],
  ['FirstName', 'firstName'],
  ['LastName', 'lastName'],
  ['Honorific', 'honorific'],
  ['Place', 'place'],
  ['Organization', 'organization'],
  ['Acronym', 'acronym'],
  ['Demonym', 'demonym']
]

function toTerm(t: CTerm): NlpTerm {
  const tags = new Set(t.tags)
  const pos = POS_ORDER.find(([tag]) => tags.has(tag))?.[1] ?? 'other'
  const names = NAME_TAGS.filter(([tag]) => tags.has(tag)).map(([, n]) => n)
  const term: NlpTerm = { start: t.offset.start, end: t.offset.start + t.offset.length, pos, proper: tags.has('ProperNoun') }
  if (names.length) term.tags = names
  return term
}

function spansOf(matches: CMatch[], kind: EntityType): NlpSpan[] {
  return matches.map((m) => ({ kind, start: m.offset.start, end: m.offset.start + m.offset.length }))
}

/** compromise's default export (the `nlp` function). */
export type Compromise = typeof nlpLib

export function compromiseEngine(nlp: Compromise): NlpEngine {
  return {
    id: `compromise@${(nlp as unknown as { version: string }).version}/${ADAPTER_VERSION}`,
    analyse(text: string): NlpResult {
      if (!text.trim()) return { terms: [], spans: [] }
      const doc = nlp(text)
      const sentences = doc.json({ offset: true }) as CSentence[]
      const terms = sentences.flatMap((s) => s.terms.map(toTerm))
      const spans = [
        ...spansOf(doc.people().json({ offset: true }) as CMatch[], 'person'),
        ...spansOf(doc.organizations().json({ offset: true }) as CMatch[], 'organization'),
        ...spansOf(doc.places().json({ offset: true }) as CMatch[], 'place')
      ].sort((a, b) => a.start - b.start || a.end - b.end)
      return { terms, spans }
    },
    tokenize(text: string): number {
      return (nlp.tokenize(text).json({ offset: true }) as CSentence[]).reduce((n, s) => n + s.terms.length, 0)
    }
  }
}
