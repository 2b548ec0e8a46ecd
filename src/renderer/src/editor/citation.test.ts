import { describe, expect, it } from 'vitest'
import { citationContent, parseParagraphDrag, refNode } from './citation'

describe('citationContent', () => {
  it('quotes each passage in one blockquote and follows it with one chip per paragraph', () => {
    const content = citationContent({
      articleId: 'a1',
      passages: [
        { paragraphId: 'p-3', quote: 'end of three', label: '3' },
        { paragraphId: 'p-4', quote: 'start of four', label: '4' }
      ]
    })
    expect(content).toEqual([
      {
        type: 'blockquote',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'end of three' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'start of four' }] }
        ]
      },
      {
        type: 'paragraph',
        content: [
          refNode({ articleId: 'a1', paragraphId: 'p-3', quote: 'end of three', label: '3' }),
          { type: 'text', text: ' ' },
          refNode({ articleId: 'a1', paragraphId: 'p-4', quote: 'start of four', label: '4' }),
          { type: 'text', text: ' ' }
        ]
      }
    ])
  })

  it('turns line breaks into hard breaks and never emits empty text nodes', () => {
    const [quote] = citationContent({ articleId: 'a', passages: [{ paragraphId: 'p', quote: 'one\n\ntwo', label: '1' }] })
    expect(quote.content![0].content).toEqual([
      { type: 'text', text: 'one' },
      { type: 'hardBreak' },
      { type: 'hardBreak' },
      { type: 'text', text: 'two' }
    ])
  })

  it('cites without a blockquote when there is no quoted text, and does nothing without passages', () => {
    const content = citationContent({ articleId: 'a', passages: [{ paragraphId: 'p', quote: '  ', label: '2' }] })
    expect(content.map((n) => n.type)).toEqual(['paragraph'])
    expect(citationContent({ articleId: 'a', passages: [] })).toEqual([])
  })
})

describe('parseParagraphDrag', () => {
  it('reads the reader drag payload', () => {
    expect(parseParagraphDrag(JSON.stringify({ articleId: 'a', paragraphId: 'p-1', label: '12' }))).toEqual({
      articleId: 'a',
      paragraphId: 'p-1',
      quote: '',
      label: '12'
    })
    expect(parseParagraphDrag(JSON.stringify({ articleId: 'a', paragraphId: 'p-1', label: '¶7' }))?.label).toBe('7')
  })
  it('rejects anything else', () => {
    expect(parseParagraphDrag('not json')).toBeNull()
    expect(parseParagraphDrag('null')).toBeNull()
    expect(parseParagraphDrag(JSON.stringify({ articleId: 'a' }))).toBeNull()
    expect(parseParagraphDrag(JSON.stringify({ articleId: 1, paragraphId: 'p' }))).toBeNull()
    expect(parseParagraphDrag(JSON.stringify({ articleId: 'a', paragraphId: '' }))).toBeNull()
  })
})
