import { describe, expect, it } from 'vitest'
import { splitByCover } from './runs'

describe('splitByCover', () => {
  it('cuts at every boundary and lists the covering spans in the given order', () => {
    const pieces = splitByCover(10, [
      { start: 2, end: 6, value: 'a' },
      { start: 4, end: 8, value: 'b' }
    ])
    expect(pieces).toEqual([
      { start: 0, end: 2, cover: [] },
      { start: 2, end: 4, cover: ['a'] },
      { start: 4, end: 6, cover: ['a', 'b'] },
      { start: 6, end: 8, cover: ['b'] },
      { start: 8, end: 10, cover: [] }
    ])
  })

  it('clamps spans to the text, ignores empty ones and adds extra cuts', () => {
    const pieces = splitByCover(5, [{ start: -3, end: 99, value: 'x' }, { start: 3, end: 3, value: 'empty' }], [1, 7])
    expect(pieces).toEqual([
      { start: 0, end: 1, cover: ['x'] },
      { start: 1, end: 5, cover: ['x'] }
    ])
  })

  it('gives no pieces for an empty text', () => {
    expect(splitByCover(0, [{ start: 0, end: 2, value: 'x' }], [0])).toEqual([])
  })
})
