import { describe, expect, it } from 'vitest'
import { buildSearchQuery } from './query'
import { findMatches, makeSnippet, scanForSnippet, snippetOf, SNIPPET_LENGTH, wordCount } from './snippet'

const terms = (q: string) => buildSearchQuery(q)!.terms
const marked = (s: { snippet: string; matches: [number, number][] }) => s.matches.map(([a, b]) => s.snippet.slice(a, b))

describe('findMatches', () => {
  it('finds whole words, case-insensitively, and every occurrence', () => {
    const text = 'War and the warfare: a WAR over toward war.'
    expect(findMatches(text, terms('war ')).map(([a, b]) => text.slice(a, b))).toEqual(['War', 'war', 'WAR', 'war'])
    // Without the prefix (not the last term) only whole words match.
    const exact = [{ words: ['war'], prefix: false }]
    expect(findMatches(text, exact).map(([a, b]) => text.slice(a, b))).toEqual(['War', 'WAR', 'war'])
  })

  it('ignores diacritics on either side and maps back to the original characters', () => {
    const text = 'President Zelenskýy met Volodymyr in Kraków; café and cafe\u0301.'
    const ranges = findMatches(text, terms('zelenskyy krakow cafe'))
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['Zelenskýy', 'Kraków', 'café', 'cafe\u0301'])
  })

  it('matches phrases across punctuation and merges overlaps', () => {
    const text = 'The U.S.-China relationship; China again.'
    expect(findMatches(text, terms('u.s.-china china')).map(([a, b]) => text.slice(a, b))).toEqual(['U.S.-China', 'China'])
  })

  it('finds the same in plain ASCII text and in text with other characters', () => {
    const ascii = 'The pipeline deal: PIPELINES, pipe-line and pipelines2 (pipeline).'
    const curly = `“${ascii.slice(0, -1)}” — done.`
    const t = terms('pipeline pipe')
    const at = (text: string) => findMatches(text, t).map(([a, b]) => text.slice(a, b))
    // "pipeline" is a whole word (not the last term); "pipe" is typed last, so a prefix.
    expect(at(ascii)).toEqual(['pipeline', 'PIPE', 'pipe', 'pipe', 'pipeline'])
    expect(at(curly)).toEqual(at(ascii))
    // Not the last term, so whole words only: in both kinds of text.
    const exact = [{ words: ['pipeline'], prefix: false }, { words: ['deal'], prefix: true }]
    expect(findMatches(ascii, exact).map(([a, b]) => ascii.slice(a, b))).toEqual(['pipeline', 'deal', 'pipeline'])
    expect(findMatches(curly, exact).map(([a, b]) => curly.slice(a, b))).toEqual(['pipeline', 'deal', 'pipeline'])
  })

  it('handles characters outside the BMP', () => {
    const text = '𝒳 marks 𝒳 Xi'
    expect(findMatches(text, terms('xi')).map(([a, b]) => text.slice(a, b))).toEqual(['Xi'])
  })
})

describe('makeSnippet', () => {
  const long =
    'Alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo ' +
    'sierra tango uniform victor whiskey xray yankee zulu. Kharkiv counteroffensive pushed through Russian lines, ' +
    'taking back more territory in days than Russia had taken in months. Later text goes on and on and on about ' +
    'many other things that are not relevant here at all, and it keeps going for a good while longer still.'

  it('returns short texts whole, with every match', () => {
    const s = makeSnippet('Xi met Putin.\n\nXi  left.', terms('xi'))
    expect(s.snippet).toBe('Xi met Putin. Xi left.')
    expect(s.matches).toEqual([
      [0, 2],
      [14, 16]
    ])
  })

  it('cuts around the first match at word boundaries with ellipses', () => {
    const s = makeSnippet(long, terms('kharkiv russia'))
    expect(s.snippet.startsWith('…')).toBe(true)
    expect(s.snippet.endsWith('…')).toBe(true)
    expect(s.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2)
    expect(s.snippet.length).toBeGreaterThan(SNIPPET_LENGTH - 20)
    const body = s.snippet.slice(1, -1)
    // Whole words at both ends.
    expect(long).toContain(body)
    const at = long.indexOf(body)
    expect(long[at - 1]).toBe(' ')
    expect(long[at + body.length]).toBe(' ')
    // "russia" is the last term, so it is a prefix: the typed part of "Russian" is marked too.
    expect(marked(s)).toEqual(['Kharkiv', 'Russia', 'Russia'])
    expect(s.snippet.slice(s.matches[1][0], s.matches[1][1] + 1)).toBe('Russian')
  })

  it('does not leave punctuation before the closing ellipsis', () => {
    const text = `${'word '.repeat(25)}target, ${'more words here. '.repeat(12)}`
    for (let n = 140; n < 200; n += 7) {
      const s = makeSnippet(text, terms('target'), n)
      expect(s.snippet).toMatch(/[^\s.,;:!?]…$/)
      expect(marked(s)).toEqual(['target'])
    }
  })

  it('starts at the beginning when the match is early, and ends at the end when it is late', () => {
    const early = makeSnippet(long, terms('bravo'))
    expect(early.snippet.startsWith('Alpha bravo')).toBe(true)
    expect(early.snippet.endsWith('…')).toBe(true)
    expect(marked(early)).toEqual(['bravo'])

    const late = makeSnippet(long, terms('longer'))
    expect(late.snippet.startsWith('…')).toBe(true)
    expect(late.snippet.endsWith('longer still.')).toBe(true)
    expect(marked(late)).toEqual(['longer'])
  })

  it('shows the start of the text when nothing matches (e.g. a note found by its title)', () => {
    const s = makeSnippet(long, terms('nothing-here'))
    expect(s.snippet.startsWith('Alpha bravo')).toBe(true)
    expect(s.snippet.endsWith('…')).toBe(true)
    expect(s.matches).toEqual([])
    expect(makeSnippet('', terms('x'))).toEqual({ snippet: '', matches: [], counts: [0], words: 0 })
  })
})

describe('wordCount', () => {
  it('counts letter and digit runs in any script', () => {
    expect(wordCount('')).toBe(0)
    expect(wordCount('One, two;three  4')).toBe(4)
    expect(wordCount('“Kraków” — Шанхай 2022 上海 𝒳')).toBe(5)
    expect(wordCount('cafe\u0301 au lait')).toBe(3)
    expect(wordCount('cafe\u0301s')).toBe(2) // a combining mark ends a run, as the word pattern always did
  })
})

describe('scanForSnippet / snippetOf', () => {
  it('gives what makeSnippet gives, from one reading of the text', () => {
    const text = `${'word '.repeat(40)}target here ${'more '.repeat(40)}`
    const t = terms('target')
    expect(snippetOf(scanForSnippet(text, t))).toEqual(makeSnippet(text, t))
  })

  it('reads a long text up to a limit, unless its start holds no match', () => {
    const t = terms('kharkiv')
    const long = `Kharkiv first. ${'filler words go on. '.repeat(2000)}Kharkiv last.`
    const part = scanForSnippet(long, t, 1000)
    expect(part.flat.length).toBeLessThanOrEqual(1000)
    expect(part.more).toBe(true)
    expect(part.counts).toEqual([1])
    expect(part.words).toBe(wordCount(part.flat))
    const s = snippetOf(part)
    expect(s.snippet.startsWith('Kharkiv first.')).toBe(true)
    expect(s.snippet.endsWith('…')).toBe(true)
    // Only at the end: the whole text is read, and the excerpt shows it.
    const late = scanForSnippet(`${'filler words go on. '.repeat(2000)}Kharkiv last.`, t, 1000)
    expect([late.more, late.counts]).toEqual([false, [1]])
    expect(snippetOf(late).snippet.endsWith('Kharkiv last.')).toBe(true)
    // A short start that is all of its excerpt still says the text goes on.
    const short = scanForSnippet(`Kharkiv. ${'word '.repeat(1000)}`, t, 100)
    expect(short.flat.length).toBeLessThanOrEqual(100)
    expect(snippetOf(short).snippet).toBe(`${short.flat}…`)
  })
})
