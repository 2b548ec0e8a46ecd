import { describe, expect, it } from 'vitest'
import { withoutTitleBlock } from './clean'
import type { Block } from './types'

const b = (kind: Block['kind'], text: string): Block => ({ kind, text })

describe('withoutTitleBlock', () => {
  it('drops a leading heading that only repeats the title (case, spacing and punctuation aside)', () => {
    const blocks = [b('h1', 'Briefing memo:  Grain exports'), b('p', 'Body.')]
    expect(withoutTitleBlock(blocks, 'Briefing Memo — Grain Exports')).toEqual([b('p', 'Body.')])
  })

  it('keeps everything else: a different heading, a paragraph, a title heading further in', () => {
    const other = [b('h1', 'Summary'), b('p', 'Body.')]
    expect(withoutTitleBlock(other, 'Briefing memo')).toBe(other)
    const para = [b('p', 'Briefing memo'), b('p', 'Body.')]
    expect(withoutTitleBlock(para, 'Briefing memo')).toBe(para)
    const later = [b('p', 'Intro.'), b('h1', 'Briefing memo')]
    expect(withoutTitleBlock(later, 'Briefing memo')).toBe(later)
    expect(withoutTitleBlock([], 'x')).toEqual([])
  })
})
