import { describe, expect, it } from 'vitest'
import { matchQuote, maxQuoteErrors, POSITION_WEIGHT, PREFIX_WEIGHT, QUOTE_WEIGHT, SUFFIX_WEIGHT } from './match-quote'

const TEXT = 'In Moscow the talks stalled. Later, in Beijing the talks stalled again, officials said.'

describe('matchQuote', () => {
  it('finds every exact occurrence, the one whose context agrees first', () => {
    const [best, other, ...rest] = matchQuote(TEXT, 'the talks stalled', { prefix: 'in Beijing ', suffix: ' again' })
    expect(rest).toEqual([])
    expect(TEXT.slice(best.start, best.end)).toBe('the talks stalled')
    expect(best.start).toBe(TEXT.indexOf('the talks stalled', 30))
    expect(best).toMatchObject({ errors: 0, quote: 1, prefix: 1, suffix: 1 })
    expect(other.start).toBe(TEXT.indexOf('the talks stalled'))
    expect(other.score).toBeLessThan(best.score)
  })

  it('scores with the named weights, context counting only when given', () => {
    const [m] = matchQuote(TEXT, 'officials said')
    expect(m.score).toBe(1)
    const [p] = matchQuote(TEXT, 'officials said', { prefix: 'zzzzzzzz' }) // nothing in common with the text before
    const total = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
    expect(p.prefix).toBe(0)
    expect(p.score).toBeCloseTo((QUOTE_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT) / total, 10)
  })

  it('breaks ties by the position hint', () => {
    const text = 'abc xyz abc xyz abc'
    expect(matchQuote(text, 'abc', { hint: 8 })[0].start).toBe(8)
    expect(matchQuote(text, 'abc', { hint: 17 })[0].start).toBe(16)
    expect(matchQuote(text, 'abc')[0].start).toBe(0) // no hint: earliest first
  })

  it('falls back to approximate matches within the error budget (a quarter of the quote by default)', () => {
    const text = 'Russia has a key associate for electricity exports to Asia.'
    const [m] = matchQuote(text, 'Russia has a key associate for vitality exports')
    expect(text.slice(m.start, m.end)).toBe('Russia has a key associate for electricity exports')
    expect(m.errors).toBeGreaterThan(0)
    expect(m.errors).toBeLessThanOrEqual(maxQuoteErrors('Russia has a key associate for vitality exports'))
    expect(m.quote).toBeCloseTo(1 - m.errors / 47, 10)
    expect(matchQuote(text, 'Russia has a key associate for vitality exports', {}, { maxErrors: 0 })).toEqual([])
    expect(matchQuote(text, 'Moscow relies on Beijing buying its oil and gas now')).toEqual([])
  })

  it('prefers exact occurrences to approximate ones, as Hypothesis does', () => {
    const text = 'the talks stalld early; the talks stalled late'
    const all = matchQuote(text, 'the talks stalled', { prefix: '' })
    expect(all.map((m) => m.errors)).toEqual([0])
  })

  it('of several equally good alignments of one place, keeps the one whose edges agree with the quote', () => {
    // "in the airline " was cut: "year. Shares rose" and "Shares rose" cost as many edits; the quote starts "Shares".
    const text = 'It lost money for the first half of the year. Shares rose by six per cent after the announcement.'
    const found = matchQuote(text, 'Shares in the airline rose by six per cent after the announcement')
    expect(found).toHaveLength(1)
    expect(text.slice(found[0].start, found[0].end)).toBe('Shares rose by six per cent after the announcement')
  })

  it('moves an approximate match’s edge to meet the stored context when that costs no more than the budget', () => {
    // The quote ended its paragraph ("… and U.S."); the last word changed. The fewest edits drop it, but the stored
    // (empty, edge) suffix says the quote runs to the end: the match covers the new word.
    const text = 'Payment moves to rubles and yuan rather than dollars, to cut reliance on western and allied currencies.'
    const quote = 'to cut reliance on western and U.S. currencies.'
    const [m] = matchQuote(text, quote, { prefix: 'rubles and yuan rather than dollars, '.slice(-32), suffix: '', contextChars: 32 })
    expect(text.slice(m.start, m.end)).toBe('to cut reliance on western and allied currencies.')
    expect(m.suffix).toBe(1)
  })

  it('with contextChars, a short stored context means the quote sat at the edge of its text', () => {
    const text = 'Officials said the talks stalled. The talks stalled, officials said.'
    // Stored at the very start of its paragraph: prefix '' — the copy at offset 0 agrees, the one inside does not.
    const atStart = matchQuote(text.toLowerCase(), 'officials said', { prefix: '', contextChars: 32 })
    expect(atStart[0]).toMatchObject({ start: 0, prefix: 1 })
    expect(atStart[1].prefix).toBe(0)
    // Without contextChars an empty prefix says nothing (Hypothesis): both agree.
    const plain = matchQuote(text.toLowerCase(), 'officials said', { prefix: '' })
    expect(plain.map((m) => m.prefix)).toEqual([1, 1])
  })

  it('finds nothing for an empty quote or text', () => {
    expect(matchQuote('', 'x')).toEqual([])
    expect(matchQuote('x', '')).toEqual([])
  })
})
