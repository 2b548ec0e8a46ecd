import { describe, expect, it } from 'vitest'
import type { AnchoredHighlight, HighlightColor, Paragraph } from '@core/model'
import { blockKey, groupBlocks, paragraphRuns, rowCells, runsFor, selectedText } from './runs'

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
const para = (t: string, extra: Partial<Paragraph> = {}): Paragraph => ({ id: 'p1', index: 0, kind: 'p', text: t, ...extra })

describe('paragraphRuns', () => {
  it('returns the whole text as one plain run without highlights', () => {
    expect(paragraphRuns(para(text), [])).toEqual([{ text, start: 0, end: text.length, layers: [], styles: [], href: null }])
  })

  it('splits around one highlight and ignores other paragraphs', () => {
    const runs = paragraphRuns(para(text), [hl('h1', '2026-01-01', 'yellow', [['p1', 4, 9], ['p2', 0, 3]])])
    expect(runs.map((r) => [r.text, r.layers.map((l) => l.id)])).toEqual([
      ['The ', []],
      ['quick', ['h1']],
      [' brown fox jumps over the lazy dog.', []]
    ])
  })

  it('nests overlapping highlights, oldest outside, whatever the input order', () => {
    const newer = hl('h2', '2026-01-02', 'blue', [['p1', 10, 19]])
    const older = hl('h1', '2026-01-01', 'yellow', [['p1', 4, 15]])
    const runs = paragraphRuns(para(text), [newer, older])
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
    const runs = paragraphRuns(para('short'), [hl('h1', '1', 'red', [['p1', 2, 99], ['p1', 3, 3]])])
    expect(runs.map((r) => [r.text, r.start, r.end, r.layers.length])).toEqual([
      ['sh', 0, 2, 0],
      ['ort', 2, 5, 1]
    ])
  })
})

describe('paragraphRuns with source formatting', () => {
  const shape = (runs: ReturnType<typeof paragraphRuns>) => runs.map((r) => [r.text, r.styles.join('+'), r.href ?? '', r.layers.map((l) => l.id).join(',')])

  it('splits at formatting boundaries and at highlight boundaries, and joins back to the text', () => {
    // "The quick brown fox": em on "quick brown", a link on "brown fox", a highlight on "ick bro".
    const p = para('The quick brown fox', {
      marks: [
        { type: 'em', start: 4, end: 15 },
        { type: 'link', start: 10, end: 19, href: 'https://example.com/fox' }
      ]
    })
    const runs = paragraphRuns(p, [hl('h1', '1', 'yellow', [['p1', 6, 13]])])
    expect(shape(runs)).toEqual([
      ['The ', '', '', ''],
      ['qu', 'em', '', ''],
      ['ick ', 'em', '', 'h1'],
      ['bro', 'em', 'https://example.com/fox', 'h1'],
      ['wn', 'em', 'https://example.com/fox', ''],
      [' fox', '', 'https://example.com/fox', '']
    ])
    expect(runs.map((r) => r.text).join('')).toBe(p.text)
    expect(runs.map((r) => [r.start, r.end])).toEqual([[0, 4], [4, 6], [6, 10], [10, 13], [13, 15], [15, 19]])
  })

  it('orders nested styles the same way whatever the mark order, and keeps only safe links', () => {
    const p = para('E = mc2 here', {
      marks: [
        { type: 'sup', start: 6, end: 7 },
        { type: 'strong', start: 0, end: 7 },
        { type: 'code', start: 0, end: 7 },
        { type: 'link', start: 8, end: 12, href: 'javascript:alert(1)' }
      ]
    })
    expect(shape(paragraphRuns(p, []))).toEqual([
      ['E = mc', 'strong+code', '', ''],
      ['2', 'strong+code+sup', '', ''],
      [' here', '', '', '']
    ])
  })

  it('cuts table rows at every cell separator, empty cells included', () => {
    const row = para('Barley\t1,105\t\tn/a', { kind: 'tr', group: 1 })
    const runs = paragraphRuns(row, [hl('h1', '1', 'blue', [['p1', 2, 10]])])
    expect(runs.map((r) => (r.separator ? 'TAB' : r.text))).toEqual(['Ba', 'rley', 'TAB', '1,1', '05', 'TAB', 'TAB', 'n/a'])
    expect(runs.filter((r) => r.separator).every((r) => r.layers.length === 0)).toBe(true)
    expect(runs.map((r) => r.text).join('')).toBe(row.text)
    const cells = rowCells(runs)
    expect(cells.map((c) => c.map((r) => r.text).join(''))).toEqual(['Barley', '1,105', '', 'n/a'])
    expect(cells[1].map((r) => r.layers.length)).toEqual([1, 0])
  })

  it('leaves TABs alone outside table rows (code keeps its spacing)', () => {
    const code = para('if x:\n\treturn 1', { kind: 'pre' })
    expect(paragraphRuns(code, []).map((r) => r.text)).toEqual(['if x:\n\treturn 1'])
  })
})

describe('selectedText', () => {
  const ps: Paragraph[] = [
    { id: 'a', index: 0, kind: 'p', text: 'Intro paragraph.' },
    { id: 'r1', index: 1, kind: 'tr', text: 'Crop\t2023', header: true, group: 1 },
    { id: 'r2', index: 2, kind: 'tr', text: 'Wheat\t4,210', group: 1 },
    { id: 'c', index: 3, kind: 'pre', text: 'a  b\n  c' }
  ]
  it('gives cells TAB-separated, rows one per line, paragraphs apart', () => {
    expect(selectedText(ps, { paragraphId: 'r1', offset: 0 }, { paragraphId: 'r2', offset: 11 })).toBe('Crop\t2023\nWheat\t4,210')
    expect(selectedText(ps, { paragraphId: 'a', offset: 6 }, { paragraphId: 'r1', offset: 4 })).toBe('paragraph.\n\nCrop')
    expect(selectedText(ps, { paragraphId: 'c', offset: 8 }, { paragraphId: 'c', offset: 0 })).toBe('a  b\n  c')
    expect(selectedText(ps, { paragraphId: 'x', offset: 0 }, { paragraphId: 'c', offset: 1 })).toBe('')
  })
})

describe('groupBlocks', () => {
  const p = (index: number, kind: Paragraph['kind'], list?: 'ul' | 'ol'): Paragraph => ({ id: `p${index}`, index, kind, text: 'x', list })
  it('groups consecutive list items of the same list type', () => {
    const blocks = groupBlocks([p(0, 'h1'), p(1, 'li', 'ul'), p(2, 'li', 'ul'), p(3, 'li', 'ol'), p(4, 'p')])
    expect(blocks.map((b) => (b.type === 'list' ? `${b.list}:${b.items.length}` : b.type === 'single' ? b.paragraph.kind : 'table'))).toEqual(['h1', 'ul:2', 'ol:1', 'p'])
  })

  it('groups consecutive rows of one table, and counts the widest row', () => {
    const row = (index: number, group: number, cells: number): Paragraph => ({ id: `r${index}`, index, kind: 'tr', text: Array(cells).fill('x').join('\t'), group })
    const blocks = groupBlocks([p(0, 'p'), row(1, 1, 3), row(2, 1, 4), row(3, 2, 2), p(4, 'p'), row(5, 2, 1)])
    expect(blocks.map((b) => (b.type === 'table' ? `table:${b.rows.map((r) => r.id).join(',')}:${b.columns}` : b.type))).toEqual([
      'single',
      'table:r1,r2:4',
      'table:r3:2',
      'single',
      'table:r5:1'
    ])
    expect(blocks.map(blockKey)).toEqual(['p0', 'table-r1', 'table-r3', 'p4', 'table-r5'])
  })
})

describe('paragraphRuns with find matches and a preview', () => {
  const p = para('Putin met Xi in Beijing and Xi met Putin.')
  it('cuts find matches in, flags the current one, and keeps highlights around them', () => {
    const runs = paragraphRuns(p, [hl('h1', '1', 'yellow', [['p1', 0, 12]])], {
      finds: [
        { start: 10, end: 12, current: false },
        { start: 28, end: 30, current: true }
      ]
    })
    expect(runs.map((r) => [r.text, r.layers.map((l) => l.id), r.find ?? null])).toEqual([
      ['Putin met ', ['h1'], null],
      ['Xi', ['h1'], 'hit'],
      [' in Beijing and ', [], null],
      ['Xi', [], 'current'],
      [' met Putin.', [], null]
    ])
    expect(runs.map((r) => r.text).join('')).toBe(p.text)
  })

  it('marks a previewed suggested place', () => {
    const runs = paragraphRuns(p, [], { preview: [{ start: 16, end: 23 }] })
    expect(runs.map((r) => [r.text, !!r.preview])).toEqual([
      ['Putin met Xi in ', false],
      ['Beijing', true],
      [' and Xi met Putin.', false]
    ])
  })
})

describe('runsFor', () => {
  it('remembers the runs while the inputs are the same arrays, and recomputes when one changes', () => {
    const p = para(text)
    const list = [hl('h1', '1', 'yellow', [['p1', 4, 9]])]
    const a = runsFor(p, list)
    expect(runsFor(p, list)).toBe(a)
    const finds = [{ start: 0, end: 3, current: false }]
    const b = runsFor(p, list, { finds })
    expect(b).not.toBe(a)
    expect(runsFor(p, list, { finds })).toBe(b)
    expect(runsFor(p, [...list])).not.toBe(b)
  })
})
