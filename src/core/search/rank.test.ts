import { describe, expect, it } from 'vitest'
import { relevance, type RankField } from './rank'

const field = (counts: number[], words: number, o: Partial<RankField> = {}): RankField => ({ counts, words, avgWords: 60, weight: 1, ...o })

describe('relevance', () => {
  it('grows with occurrences, with diminishing returns', () => {
    const one = relevance([field([1], 60)], 1)
    const two = relevance([field([2], 60)], 1)
    const ten = relevance([field([10], 60)], 1)
    expect(two).toBeGreaterThan(one)
    expect(ten).toBeGreaterThan(two)
    expect(ten - two).toBeLessThan((two - one) * 8)
    expect(ten).toBeLessThan(2.2) // k1 + 1 caps one term's share
  })

  it('prefers shorter texts for the same occurrences', () => {
    expect(relevance([field([1], 10)], 1)).toBeGreaterThan(relevance([field([1], 300)], 1))
  })

  it('adds up terms, and weighs a title occurrence more', () => {
    expect(relevance([field([1, 1], 60)], 2)).toBeGreaterThan(relevance([field([2, 0], 60)], 2))
    const inTitle = relevance([field([1], 3, { avgWords: 4, weight: 4 }), field([0], 200, { avgWords: 250 })], 1)
    const inText = relevance([field([0], 3, { avgWords: 4, weight: 4 }), field([1], 200, { avgWords: 250 })], 1)
    expect(inTitle).toBeGreaterThan(inText)
    expect(relevance([field([0], 60)], 1)).toBe(0)
  })
})
