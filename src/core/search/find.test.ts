import { describe, expect, it } from 'vitest'
import { FIND_LIMIT, findInParagraphs, findSpansByParagraph, firstMatchFrom, foldForFind, foldQuery, stepMatch } from './find'

const paras = (...texts: string[]) => texts.map((text, i) => ({ id: `p${i}`, text }))
const found = (texts: string[], query: string) =>
  findInParagraphs(paras(...texts), query).matches.map((m) => [m.paragraphId, texts[m.paragraphIndex].slice(m.start, m.end)])

describe('findInParagraphs', () => {
  it('finds every occurrence in document order, ignoring case', () => {
    expect(found(['The summit opened.', 'No match here.', 'A SUMMIT, then another summit.'], 'summit')).toEqual([
      ['p0', 'summit'],
      ['p2', 'SUMMIT'],
      ['p2', 'summit']
    ])
  })

  it('gives offsets into the paragraph text', () => {
    const { matches } = findInParagraphs(paras('abc Putin def', 'Putin'), 'putin')
    expect(matches).toEqual([
      { paragraphIndex: 0, paragraphId: 'p0', start: 4, end: 9 },
      { paragraphIndex: 1, paragraphId: 'p1', start: 0, end: 5 }
    ])
  })

  it('does not overlap matches', () => {
    expect(found(['aaaa'], 'aa')).toEqual([
      ['p0', 'aa'],
      ['p0', 'aa']
    ])
  })

  it('ignores diacritics both ways and maps offsets back to the original text', () => {
    expect(found(['Un café à Zürich, puis un cafe.'], 'cafe')).toEqual([
      ['p0', 'café'],
      ['p0', 'cafe']
    ])
    expect(found(['Zurich and Zürich'], 'zürich')).toEqual([
      ['p0', 'Zurich'],
      ['p0', 'Zürich']
    ])
    // A decomposed é (e + combining acute) is one letter too.
    expect(found(['cafe\u0301 noir'], 'café noir')).toEqual([['p0', 'cafe\u0301 noir']])
  })

  it('treats typographic quotes and dashes as plain ones, and any whitespace as a space', () => {
    expect(found(['He said “no” — it’s over.'], '"no" - it\'s')).toEqual([['p0', '“no” — it’s']])
    expect(found(['Wheat\t4,210'], 'wheat 4,210')).toEqual([['p0', 'Wheat\t4,210']])
    expect(found(['one two'], '  one   two ')).toEqual([['p0', 'one two']])
  })

  it('keeps offsets right around characters outside the BMP and letters that fold to two', () => {
    const text = '😀 Straße and strasse 😀 end'
    expect(found([text], 'strasse')).toEqual([
      ['p0', 'Straße'],
      ['p0', 'strasse']
    ])
    expect(found([text], 'end')).toEqual([['p0', 'end']])
    // Half of a folded ß never makes a match end inside the letter.
    expect(found(['Maße'], 'mas')).toEqual([['p0', 'Maß']])
  })

  it('finds nothing for an empty or blank query, or an absent word', () => {
    expect(findInParagraphs(paras('text'), '').matches).toEqual([])
    expect(findInParagraphs(paras('text'), '   ').matches).toEqual([])
    expect(findInParagraphs(paras('text'), 'xyz')).toEqual({ matches: [], truncated: false })
  })

  it('stops at the limit and says so', () => {
    const many = paras(...Array.from({ length: 30 }, () => 'ab ab ab ab'))
    const r = findInParagraphs(many, 'ab', 50)
    expect(r.matches).toHaveLength(50)
    expect(r.truncated).toBe(true)
    expect(findInParagraphs(many, 'ab').truncated).toBe(false)
    expect(FIND_LIMIT).toBeGreaterThan(1000)
  })

  it('reads a 50,000-paragraph article', () => {
    const big = paras(...Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 7 ? `Paragraph ${i} mentions Kherson.` : `Paragraph ${i} about wheat.`)))
    const r = findInParagraphs(big, 'kherson')
    expect(r.matches.map((m) => m.paragraphIndex)).toEqual(Array.from({ length: 50 }, (_, k) => k * 1000 + 7))
  })
})

describe('fold helpers', () => {
  it('folds ASCII without an offset map and other text with one', () => {
    expect(foldForFind('Hello World')).toEqual({ text: 'hello world', from: null, to: null })
    const f = foldForFind('É x')
    expect(f.text).toBe('e x')
    expect([...f.from!]).toEqual([0, 1, 2])
    expect(foldQuery('  Ça  Va ')).toBe('ca va')
  })
})

describe('moving through matches', () => {
  const m = (paragraphIndex: number) => ({ paragraphIndex, paragraphId: `p${paragraphIndex}`, start: 0, end: 1 })
  const list = [m(2), m(2), m(5), m(9)]

  it('starts at the first match at or after a paragraph, wrapping to the first', () => {
    expect(firstMatchFrom(list, 0)).toBe(0)
    expect(firstMatchFrom(list, 3)).toBe(2)
    expect(firstMatchFrom(list, 9)).toBe(3)
    expect(firstMatchFrom(list, 10)).toBe(0)
    expect(firstMatchFrom([], 0)).toBe(-1)
  })

  it('steps forward and back with wrap-around', () => {
    expect(stepMatch(4, 3, 1)).toBe(0)
    expect(stepMatch(4, 0, -1)).toBe(3)
    expect(stepMatch(4, -1, 1)).toBe(0)
    expect(stepMatch(4, -1, -1)).toBe(3)
    expect(stepMatch(0, 0, 1)).toBe(-1)
  })

  it('groups spans by paragraph, flags the current one and reuses unchanged groups', () => {
    const first = findSpansByParagraph(list, 0)
    expect(first.get('p2')).toEqual([
      { start: 0, end: 1, current: true },
      { start: 0, end: 1, current: false }
    ])
    const next = findSpansByParagraph(list, 2, first)
    expect(next.get('p2')).not.toBe(first.get('p2'))
    expect(next.get('p5')![0].current).toBe(true)
    expect(next.get('p9')).toBe(first.get('p9'))
    expect(Object.isFrozen(next.get('p5'))).toBe(true)
  })
})
