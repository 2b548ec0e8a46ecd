import { describe, expect, it } from 'vitest'
import type { Paragraph } from '@core/model'
import { buildRows, estimateRowHeight, LIST_CHUNK, TABLE_CHUNK } from './rows'

let n = 0
const p = (kind: Paragraph['kind'], extra: Partial<Paragraph> = {}): Paragraph => {
  const i = n++
  return { id: `p${i}`, index: i, kind, text: extra.text ?? `Paragraph ${i}`, ...extra }
}
const article = (...ps: Paragraph[]): Paragraph[] => ps.map((x, i) => ({ ...x, index: i }))

describe('buildRows', () => {
  it('makes one row per paragraph, one per list and one per table, and maps paragraphs to rows', () => {
    const ps = article(p('h2'), p('p'), p('li', { list: 'ol' }), p('li', { list: 'ol' }), p('li', { list: 'ul' }), p('tr', { group: 1, text: 'a\tb' }), p('tr', { group: 1, text: 'a\tb\tc' }), p('tr', { group: 2 }), p('p'))
    const { rows, rowOf } = buildRows(ps)
    expect(rows.map((r) => [r.type, r.first, r.last])).toEqual([
      ['single', 0, 0],
      ['single', 1, 1],
      ['list', 2, 3],
      ['list', 4, 4],
      ['table', 5, 6],
      ['table', 7, 7],
      ['single', 8, 8]
    ])
    expect([...rowOf]).toEqual([0, 1, 2, 2, 3, 4, 4, 5, 6])
    const table = rows[4]
    expect(table.type === 'table' && table.columns).toBe(3)
    expect(rows[0].lead).toBe('h2')
    expect(rows[0].key).toBe(ps[0].id)
  })

  it('cuts long lists into chunks that keep counting', () => {
    const ps = article(...Array.from({ length: LIST_CHUNK * 2 + 5 }, () => p('li', { list: 'ol' })))
    const { rows } = buildRows(ps)
    expect(rows.map((r) => (r.type === 'list' ? [r.start, r.paragraphs.length, r.continued, r.continues] : null))).toEqual([
      [1, LIST_CHUNK, false, true],
      [LIST_CHUNK + 1, LIST_CHUNK, true, true],
      [LIST_CHUNK * 2 + 1, 5, true, false]
    ])
  })

  it('cuts long tables into chunks', () => {
    const ps = article(...Array.from({ length: TABLE_CHUNK + 1 }, () => p('tr', { group: 0 })))
    const { rows } = buildRows(ps)
    expect(rows.map((r) => (r.type === 'table' ? [r.paragraphs.length, r.continued, r.continues] : null))).toEqual([
      [TABLE_CHUNK, false, true],
      [1, true, false]
    ])
  })

  it('marks the row after a run of footnotes', () => {
    const { rows } = buildRows(article(p('p'), p('footnote'), p('footnote'), p('p'), p('p')))
    expect(rows.map((r) => r.afterFootnotes)).toEqual([false, false, false, true, false])
  })

  it('groups 50,000 paragraphs quickly and freezes its rows', () => {
    const ps = article(...Array.from({ length: 50_000 }, () => p('p')))
    const t = performance.now()
    const { rows } = buildRows(ps)
    expect(performance.now() - t).toBeLessThan(500)
    expect(rows).toHaveLength(50_000)
    expect(Object.isFrozen(rows[0])).toBe(true)
  })
})

describe('estimateRowHeight', () => {
  it('grows with the text and gives headings, code and lists their own measure', () => {
    const short = estimateRowHeight(buildRows(article(p('p', { text: 'x'.repeat(50) }))).rows[0])
    const long = estimateRowHeight(buildRows(article(p('p', { text: 'x'.repeat(500) }))).rows[0])
    expect(long).toBeGreaterThan(short * 4)
    const code = estimateRowHeight(buildRows(article(p('pre', { text: 'a\nb\nc\nd' }))).rows[0])
    expect(code).toBeGreaterThan(short)
    const list = estimateRowHeight(buildRows(article(p('li'), p('li'), p('li'))).rows[0])
    expect(list).toBeGreaterThan(short * 2)
  })
})
