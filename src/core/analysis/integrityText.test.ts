import { describe, expect, it } from 'vitest'
import { checkHeadline, checkTooltip, quoteProblems } from './integrityText'

describe('quote integrity in words', () => {
  it('names the status and the paragraph', () => {
    expect(checkHeadline({ status: 'exact', paragraphNumber: 3, foundIn: null })).toBe('Word for word as in ¶3')
    expect(checkHeadline({ status: 'differs', paragraphNumber: 3, foundIn: null })).toBe('Differs from ¶3')
    expect(checkHeadline({ status: 'not_in_source', paragraphNumber: 3, foundIn: { paragraphId: 'x', number: 5 } })).toBe('Not in ¶3 (it is in ¶5)')
    expect(checkHeadline({ status: 'source_missing', paragraphNumber: null, foundIn: null })).toBe('The cited paragraph is no longer in its source')
  })

  it('shows the words that differ in the tooltip', () => {
    const tip = checkTooltip({
      status: 'differs',
      paragraphNumber: 3,
      foundIn: null,
      source: 'This summit promises to be interesting',
      diff: [
        { op: 'same', text: 'This summit promises to be' },
        { op: 'removed', text: 'interesting' },
        { op: 'added', text: 'boring' }
      ]
    })
    expect(tip.split('\n')).toEqual(['Differs from ¶3', 'The source has: “interesting”', 'The note has: “boring”', 'Source: “This summit promises to be interesting”'])
  })

  it('lists all but the exact ones as problems', () => {
    expect(quoteProblems([{ status: 'exact' }, { status: 'differs' }, { status: 'not_in_source' }]).map((c) => c.status)).toEqual(['differs', 'not_in_source'])
  })
})
