import { describe, expect, it } from 'vitest'
import { InlineText } from './inline'

describe('InlineText', () => {
  it('collapses whitespace like a browser and keeps marks on the visible text', () => {
    const b = new InlineText()
    b.add('  The   deal, ')
    const em = b.openMark('em')
    b.add(' reached\n after ')
    b.close(em)
    b.add('talks, ')
    const link = b.openMark('link', 'https://example.com/')
    b.add('was signed')
    b.close(link)
    b.add('.  ')
    const { text, marks } = b.take()
    expect(text).toBe('The deal, reached after talks, was signed.')
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['reached after', 'was signed'])
    expect(marks[1].href).toBe('https://example.com/')
  })
  it('drops soft hyphens and zero-width spaces, normalises to NFC, and ignores empty marks', () => {
    const b = new InlineText()
    b.add('inter\u00ADnational\u200B Cafe\u0301')
    const empty = b.openMark('strong')
    b.add('   ')
    b.close(empty)
    const { text, marks } = b.take()
    expect(text).toBe('international Café')
    expect(marks).toEqual([])
  })
})
