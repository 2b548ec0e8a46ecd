import { describe, expect, it } from 'vitest'
import type { AnchoredHighlight } from '../model'
import { indexByParagraph, noHighlights } from './by-paragraph'

function hl(id: string, segs: [string, number, number][]): AnchoredHighlight {
  return {
    id,
    articleId: 'a',
    color: 'yellow',
    comment: '',
    targets: [],
    createdAt: '2026-01-01',
    updatedAt: '2026-01-01',
    status: segs.length ? 'anchored' : 'orphan',
    resolved: segs.map(([paragraphId, start, end]) => ({ paragraphId, start, end }))
  }
}

describe('indexByParagraph', () => {
  it('lists each paragraph’s highlights once, in the order given; unplaced ones nowhere', () => {
    const a = hl('a', [['p1', 0, 4], ['p2', 0, 9]])
    const b = hl('b', [['p2', 2, 3]])
    const c = hl('c', [])
    const index = indexByParagraph([a, b, c])
    expect([...index.keys()]).toEqual(['p1', 'p2'])
    expect(index.get('p1')).toEqual([a])
    expect(index.get('p2')).toEqual([a, b])
    expect(Object.isFrozen(index.get('p2'))).toBe(true)
  })

  it('keeps a highlight with two segments in one paragraph once', () => {
    const a = hl('a', [['p1', 0, 4], ['p1', 6, 9]])
    expect(indexByParagraph([a]).get('p1')).toEqual([a])
  })

  it('reuses the arrays of paragraphs whose highlights did not change', () => {
    const a = hl('a', [['p1', 0, 4]])
    const b = hl('b', [['p2', 0, 4]])
    const first = indexByParagraph([a, b])
    const recoloured = { ...b, color: 'green' as const }
    const second = indexByParagraph([a, recoloured], first)
    expect(second.get('p1')).toBe(first.get('p1'))
    expect(second.get('p2')).not.toBe(first.get('p2'))
    expect(second.get('p2')).toEqual([recoloured])
    const third = indexByParagraph([a], second)
    expect(third.has('p2')).toBe(false)
    expect(third.get('p1')).toBe(first.get('p1'))
  })

  it('indexes 1,000 highlights over 2,000 paragraphs in one pass', () => {
    const list = Array.from({ length: 1000 }, (_, i) => hl(`h${i}`, [[`p${(i * 2) % 2000}`, 0, 5], [`p${(i * 2 + 1) % 2000}`, 0, 5]]))
    const index = indexByParagraph(list)
    expect(index.size).toBe(2000)
    expect(index.get('p10')).toEqual([list[5]])
  })

  it('shares one frozen empty list', () => {
    expect(noHighlights()).toBe(noHighlights())
    expect(Object.isFrozen(noHighlights())).toBe(true)
  })
})
