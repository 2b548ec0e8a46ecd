import { describe, expect, it } from 'vitest'
import { buildSearchQuery, fold, MAX_TERMS } from './query'

describe('buildSearchQuery', () => {
  it('quotes every term and prefix-matches the last one', () => {
    expect(buildSearchQuery('Putin Xi')).toEqual({
      match: '"Putin" "Xi"*',
      phrases: ['"Putin"', '"Xi"*'],
      terms: [
        { words: ['putin'], prefix: false },
        { words: ['xi'], prefix: true }
      ]
    })
  })

  it('folds case and diacritics in the terms it marks; the MATCH keeps the words for the tokenizer to fold', () => {
    const q = buildSearchQuery('Zelenskyy Éire ÅNGSTRÖM')!
    expect(q.match).toBe('"Zelenskyy" "Éire" "ÅNGSTRÖM"*')
    expect(q.terms.map((t) => t.words)).toEqual([['zelenskyy'], ['eire'], ['angstrom']])
    // Decomposed input (e + combining acute) folds the same as precomposed.
    expect(buildSearchQuery('Caf\u0065\u0301')!.terms[0].words).toEqual(['cafe'])
    expect(fold('Kraków')).toBe('krakow')
  })

  it('prefix-matches the last word from two letters on (one letter is matched as a word)', () => {
    expect(buildSearchQuery('Putin X')).toMatchObject({ match: '"Putin" "X"', terms: [{ prefix: false }, { prefix: false }] })
    expect(buildSearchQuery('U.S')!.match).toBe('"U S"')
    expect(buildSearchQuery('U.Sa')!.match).toBe('"U Sa"*')
    expect(buildSearchQuery('上')!.terms[0].prefix).toBe(false)
    expect(buildSearchQuery('上海')!.terms[0].prefix).toBe(true)
  })

  it('treats the same word typed differently as one term', () => {
    expect(buildSearchQuery('war WAR Wár war')!.match).toBe('"war"*')
  })

  it('turns words joined by punctuation into a phrase', () => {
    expect(buildSearchQuery('U.S.-China relationship')!.match).toBe('"U S China" "relationship"*')
    // The last word is one letter: the phrase is matched as typed ("Putin’s", not "Putin said").
    expect(buildSearchQuery('Putin’s')!.terms).toEqual([{ words: ['putin', 's'], prefix: false }])
  })

  it('drops FTS syntax: operators, quotes, stars, parentheses, column filters, carets', () => {
    expect(buildSearchQuery('Putin AND Xi OR NOT NEAR')!.match).toBe('"Putin" "Xi"*')
    expect(buildSearchQuery('"Xi Jinping"* (text: ^gas) -war + {a bc}')!.match).toBe('"Xi" "Jinping" "text" "gas" "war" "a" "bc"*')
    // Lower-case "and"/"or" are ordinary words.
    expect(buildSearchQuery('rolling and faltering')!.match).toBe('"rolling" "and" "faltering"*')
  })

  it('returns null when nothing searchable is left', () => {
    for (const input of ['', '   ', '"', '***', '( ) : ^ - +', 'AND OR', '—…“”', 'NOT']) {
      expect(buildSearchQuery(input), input).toBeNull()
    }
  })

  it('keeps at most 12 distinct terms', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`)
    const q = buildSearchQuery(['w0', ...words].join(' '))!
    expect(q.terms).toHaveLength(MAX_TERMS)
    expect(q.terms.map((t) => t.words[0])).toEqual(words.slice(0, MAX_TERMS))
    expect(q.terms.at(-1)!.prefix).toBe(true)
  })

  it('keeps letters and digits of any script', () => {
    expect(buildSearchQuery('Шанхай 2022 上海')!.match).toBe('"Шанхай" "2022" "上海"*')
  })
})
