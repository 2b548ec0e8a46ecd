import { describe, expect, it } from 'vitest'
import type { Paragraph } from '../model'
import { indexArticle } from './article-text'

const para = (id: string, index: number, text: string): Paragraph => ({ id, index, kind: 'p', text })

const PARAGRAPHS = [
  para('a', 0, 'İstanbul hosted the summit. Delegations arrived on Monday'),
  para('b', 1, 'Monday talks were short. The delegations arrived late and left early.'),
  para('c', 2, 'Nothing of note; the ministers arrived, spoke briefly and left.'),
  para('d', 3, 'Delegations arrived on Monday evening, and the talks began at once.')
]

describe('ArticleText', () => {
  it('looks paragraphs up by id (the first of a repeated id), -1 when absent', () => {
    const a = indexArticle([...PARAGRAPHS, para('a', 4, 'A second paragraph with a repeated id')])
    expect([a.indexOf('a'), a.indexOf('d'), a.indexOf('zz')]).toEqual([0, 3, -1])
  })

  it('finds the paragraphs holding a quote, never across a paragraph break, up to a limit', () => {
    const a = indexArticle(PARAGRAPHS)
    expect(a.holding('arrived', 10)).toEqual([0, 1, 2, 3])
    expect(a.holding('arrived', 2)).toEqual([0, 1])
    expect(a.holding('Delegations arrived on Monday', 10)).toEqual([0, 3])
    expect(a.holding('on Monday\u0000Monday talks', 10)).toEqual([]) // would run from ¶1 into ¶2
    expect(a.holding('Monday Monday', 10)).toEqual([])
  })

  it('ranks paragraphs by the quote’s words of four letters or more they hold, at least half of them', () => {
    const a = indexArticle(PARAGRAPHS)
    // delegations, arrived, monday, evening: ¶4 has all four, ¶1 three, ¶2 three ("Monday" at the start counts).
    expect(a.sharingWords('Delegations arrived on Monday evening', 10)).toEqual([3, 0, 1])
    expect(a.sharingWords('Delegations arrived on Monday evening', 1)).toEqual([3])
    // Whole words only: "talk" is not "talks".
    expect(a.sharingWords('talk began', 10)).toEqual([3])
    // Lower case that changes a text's length (İ) does not shift later paragraphs.
    expect(a.sharingWords('ministers spoke', 10)).toEqual([2])
    // Fewer than two telling words: nothing (such a quote is only looked for exactly).
    expect(a.sharingWords('on the summit', 10)).toEqual([])
  })

  it('gives the same answers once it has indexed every word (after a few scans)', () => {
    const quotes = ['Delegations arrived on Monday evening', 'talk began', 'ministers spoke', 'short talks left early']
    const scanning = quotes.map((q) => indexArticle(PARAGRAPHS).sharingWords(q, 10))
    const a = indexArticle(PARAGRAPHS)
    for (let i = 0; i < 10; i++) a.sharingWords('warming up the index', 10)
    expect(quotes.map((q) => a.sharingWords(q, 10))).toEqual(scanning)
  })
})
