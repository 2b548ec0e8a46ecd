import { describe, expect, it } from 'vitest'
import { countWords } from './words'

describe('countWords', () => {
  it('counts runs of letters and digits', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('  ')).toBe(0)
    expect(countWords('One two, three.')).toBe(3)
    expect(countWords('In 2026 the GDP fell 3.5 %')).toBe(7)
  })

  it('keeps inner apostrophes and hyphens in one word', () => {
    expect(countWords('It’s a well-known fact, isn\'t it?')).toBe(6)
  })

  it('counts words in any script and ignores punctuation and symbols alone', () => {
    expect(countWords('Путин и Си — встреча')).toBe(4)
    expect(countWords('— … ¶ §')).toBe(0)
  })

  it('gives the same count when called again (no regex state carried over)', () => {
    const text = 'alpha beta gamma'
    expect(countWords(text)).toBe(3)
    expect(countWords(text)).toBe(3)
  })
})
