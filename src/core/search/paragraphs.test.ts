import { describe, expect, it } from 'vitest'
import type { Paragraph } from '../model'
import { firstWords, foldText, matchParagraphs } from './paragraphs'

// Excerpts of resources/putin-xi-sco-summit.txt (paragraph texts shortened, numbering kept).
const texts: Record<number, string> = {
  1: 'Russian President Vladimir Putin and Chinese President Xi Jinping are gearing as much as meet one another in Uzbekistan in what can be their first face-to-face assembly since Putin invaded Ukraine.',
  9: 'Meanwhile in Ukraine, the Russian military has been faltering. Ukrainian forces have been rolling out a counteroffensive in the south of Ukraine in an try to seize again Kherson.',
  10: 'Putin’s forces aren’t doing nicely, even in line with prime Russian brass.',
  12: 'And the Ukrainians aren’t keen to again down on protection but.',
  13: '“The U.S.-China relationship is becoming more fraught seemingly by the week.”',
  16: '“The U.S.-China relationship is becoming more fraught seemingly by the week,” Shullman mentioned. Taiwan.',
  17: 'Tensions between the United States and China have ratcheted up in current weeks after House Speaker Nancy Pelosi visited Taiwan.',
  18: '“There is a sense now in China… in the event of a Taiwan contingency.”'
}
const sample: Paragraph[] = Array.from({ length: 18 }, (_, index) => ({
  id: `p-${index}`,
  index,
  kind: 'p',
  text: texts[index + 1] ?? `Filler paragraph number ${index + 1}.`
}))

describe('matchParagraphs', () => {
  it('lists every paragraph for an empty query, in article order, with numbers and first words', () => {
    const all = matchParagraphs(sample, '')
    expect(all).toHaveLength(18)
    expect(all[0].number).toBe(1)
    expect(all[0].snippet.startsWith('Russian President Vladimir Putin')).toBe(true)
    expect(all[0].snippet.endsWith('…')).toBe(true)
    expect(all[0].snippet.length).toBeLessThanOrEqual(71)
  })
  it('finds the one paragraph naming Kherson', () => {
    const hits = matchParagraphs(sample, 'Kherson')
    expect(hits.map((h) => h.number)).toEqual([9])
  })
  it('needs every word, ignoring case and diacritics', () => {
    expect(matchParagraphs(sample, 'taiwan').map((h) => h.number)).toEqual([16, 17, 18])
    expect(matchParagraphs(sample, 'TAÏWAN pelosi').map((h) => h.number)).toEqual([17])
    expect(matchParagraphs(sample, 'Taiwan zzzz')).toEqual([])
  })
  it('matches typographic apostrophes typed as straight ones', () => {
    expect(matchParagraphs(sample, "Putin's forces").map((h) => h.number)).toEqual([10])
  })
  it('matches a paragraph number', () => {
    expect(matchParagraphs(sample, '¶12').map((h) => h.number)).toContain(12)
    expect(matchParagraphs(sample, '12')[0].number).toBe(12)
    expect(matchParagraphs(sample, '¶12 keen').map((h) => h.number)).toEqual([12])
  })
  it('finds both copies of a repeated sentence', () => {
    expect(matchParagraphs(sample, 'fraught seemingly').map((h) => h.number)).toEqual([13, 16])
  })
  it('respects the limit', () => {
    expect(matchParagraphs(sample, '', 5)).toHaveLength(5)
  })
})

describe('foldText / firstWords', () => {
  it('folds accents and case', () => {
    expect(foldText('Élysée “Quote”')).toBe('elysee "quote"')
  })
  it('cuts at a word boundary', () => {
    expect(firstWords('one two three four', 9)).toBe('one two…')
    expect(firstWords('short')).toBe('short')
  })
})
