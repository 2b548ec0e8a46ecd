import { describe, expect, it } from 'vitest'
import { planCandidates } from './plan'

describe('planCandidates', () => {
  const phrases = ['"Putin"', '"the"', '"Xi"*']

  it('ranks by bm25 over the whole query when no term is common', () => {
    expect(planCandidates(phrases, [false, false, false])).toEqual({ order: 'bm25', rank: '"Putin" "the" "Xi"*', filter: null })
  })

  it('ranks by the rare terms and filters by all of them when some are common', () => {
    expect(planCandidates(phrases, [false, true, false])).toEqual({ order: 'bm25', rank: '"Putin" "Xi"*', filter: '"Putin" "the" "Xi"*' })
    expect(planCandidates(phrases, [true, true, false])).toEqual({ order: 'bm25', rank: '"Xi"*', filter: '"Putin" "the" "Xi"*' })
  })

  it('takes the newest matches when every term is common', () => {
    expect(planCandidates(phrases, [true, true, true])).toEqual({ order: 'recent', filter: '"Putin" "the" "Xi"*' })
    expect(planCandidates(['"the"'], [true])).toEqual({ order: 'recent', filter: '"the"' })
  })
})
