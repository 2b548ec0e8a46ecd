import { describe, expect, it } from 'vitest'
import type { AnchoredHighlight, HighlightColor, Paragraph } from '@core/model'
import { groupBlocks, paragraphRuns } from './runs'

function hl(id: string, createdAt: string, color: HighlightColor, segs: [string, number, number][]): AnchoredHighlight {
  return {
    id,
    articleId: 'a',
    color,
    comment: '',
    targets: [],
    createdAt,
    updatedAt: createdAt,
    status: 'anchored',
    resolved: segs.map(([paragraphId, start, end]) => ({ paragraphId, start, end }))
  }
}

const text = 'The quick brown fox jumps over the lazy dog.'

describe('paragraphRuns', () => {
  it('returns the whole text as one plain run without highlights', () => {
    expect(paragraphRuns(text, 'p1', [])).toEqual([{ text, start: 0, end: text.length, layers: [] }])
  })

  it('splits around one highlight and ignores other paragraphs', () => {
    const runs = paragraphRuns(text, 'p1', [hl('h1', '2026-01-01', 'yellow', [['p1', 4, 9], ['p2', 0, 3]])])
    expect(runs.map((r) => [r.text, r.layers.map((l) => l.id)])).toEqual([
      ['The ', []],
      ['quick', ['h1']],
      [' brown fox jumps over the lazy dog.', []]
    ])
  })

  it('nests overlapping highlights, oldest outside, whatever the input order', () => {
    const newer = hl('h2', '2026-01-02', 'blue', [['p1', 10, 19]])
    const older = hl('h1', '2026-01-01', 'yellow', [['p1', 4, 15]])
    const runs = paragraphRuns(text, 'p1', [newer, older])
    expect(runs.map((r) => [r.text, r.layers.map((l) => l.id)])).toEqual([
      ['The ', []],
      ['quick ', ['h1']],
      ['brown', ['h1', 'h2']],
      [' fox', ['h2']],
      [' jumps over the lazy dog.', []]
    ])
    expect(runs.map((r) => r.text).join('')).toBe(text)
  })

  it('clamps segments that run past the text and skips empty ones', () => {
    const runs = paragraphRuns('short', 'p1', [hl('h1', '1', 'red', [['p1', 2, 99], ['p1', 3, 3]])])
    expect(runs.map((r) => [r.text, r.start, r.end, r.layers.length])).toEqual([
      ['sh', 0, 2, 0],
      ['ort', 2, 5, 1]
    ])
  })
})

describe('groupBlocks', () => {
  const p = (index: number, kind: Paragraph['kind'], list?: 'ul' | 'ol'): Paragraph => ({ id: `p${index}`, index, kind, text: 'x', list })
  it('groups consecutive list items of the same list type', () => {
    const blocks = groupBlocks([p(0, 'h1'), p(1, 'li', 'ul'), p(2, 'li', 'ul'), p(3, 'li', 'ol'), p(4, 'p')])
    expect(blocks.map((b) => (b.type === 'list' ? `${b.list}:${b.items.length}` : b.paragraph.kind))).toEqual(['h1', 'ul:2', 'ol:1', 'p'])
  })
})
