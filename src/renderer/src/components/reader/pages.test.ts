import { describe, expect, it } from 'vitest'
import type { Paragraph, ParagraphKind } from '@core/model'
import { footnoteRunStarts, pageLabel, pageStarts, paragraphLabel } from './pages'

const p = (id: string, page?: string, kind: ParagraphKind = 'p'): Pick<Paragraph, 'id' | 'page' | 'kind'> => ({ id, page, kind })

describe('pageLabel and paragraphLabel', () => {
  it('names a page as a citation does', () => {
    expect(pageLabel('3')).toBe('p. 3')
    expect(pageLabel('iv')).toBe('p. iv')
  })

  it('puts the page beside the paragraph number, only when there is one', () => {
    expect(paragraphLabel(12, '3')).toBe('¶12 · p. 3')
    expect(paragraphLabel('12', 'iv', ', ')).toBe('¶12, p. iv')
    expect(paragraphLabel(12, null)).toBe('¶12')
    expect(paragraphLabel(12, undefined)).toBe('¶12')
    expect(paragraphLabel(12, '')).toBe('¶12')
  })
})

describe('pageStarts', () => {
  it('marks the first paragraph of each page with its label', () => {
    const marks = pageStarts([p('a', 'i'), p('b', 'i'), p('c', '1'), p('d', '1'), p('e', '2')])
    expect([...marks]).toEqual([
      ['a', 'i'],
      ['c', '1'],
      ['e', '2']
    ])
  })

  it("keeps a page's footnotes on that page, and the next page starts after them", () => {
    const marks = pageStarts([p('a', '1'), p('n1', '1', 'footnote'), p('b', '2'), p('n2', '2', 'footnote'), p('c', '3')])
    expect([...marks.keys()]).toEqual(['a', 'b', 'c'])
  })

  it('skips a page no paragraph starts on (a paragraph runs over it)', () => {
    expect([...pageStarts([p('a', '1'), p('b', '3')]).values()]).toEqual(['1', '3'])
  })

  it('marks nothing in sources without pages, and ignores paragraphs without one in between', () => {
    expect(pageStarts([p('a'), p('b')]).size).toBe(0)
    expect([...pageStarts([p('a', '1'), p('x'), p('b', '1'), p('c', '2')]).keys()]).toEqual(['a', 'c'])
  })
})

describe('footnoteRunStarts', () => {
  it('finds the first footnote of each run', () => {
    const starts = footnoteRunStarts([p('a'), p('n1', '1', 'footnote'), p('n2', '1', 'footnote'), p('b'), p('n3', '2', 'footnote')])
    expect([...starts]).toEqual(['n1', 'n3'])
  })

  it('counts a footnote that opens the text as a run start', () => {
    expect([...footnoteRunStarts([p('n1', '1', 'footnote'), p('a')])]).toEqual(['n1'])
  })
})
