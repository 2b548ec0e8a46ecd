import { describe, expect, it } from 'vitest'
import { markedParts } from './marks'

describe('markedParts', () => {
  it('splits text into plain and marked pieces', () => {
    expect(markedParts('Exports of wheat rose', [[11, 16]])).toEqual([
      { text: 'Exports of ', mark: false },
      { text: 'wheat', mark: true },
      { text: ' rose', mark: false }
    ])
    expect(markedParts('wheat', [[0, 5]])).toEqual([{ text: 'wheat', mark: true }])
    expect(markedParts('no match', [])).toEqual([{ text: 'no match', mark: false }])
    expect(markedParts('', [[0, 3]])).toEqual([])
  })
  it('sorts, merges and clamps ranges, and ignores empty ones', () => {
    expect(markedParts('abcdefgh', [[5, 7], [1, 3], [2, 4], [6, 99], [3, 3], [-4, 0]])).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'e', mark: false },
      { text: 'fgh', mark: true }
    ])
  })
})
