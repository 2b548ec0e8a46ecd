import { describe, expect, it } from 'vitest'
import { PARAGRAPH_DRAG_TYPE } from '@renderer/editor/ParagraphDrop'
import { HIGHLIGHT_DRAG_TYPE, readEvidenceDrag } from './evidenceDrag'

const from = (type: string, value: unknown) => ({ get: (t: string) => (t === type ? (typeof value === 'string' ? value : JSON.stringify(value)) : ''), types: [type] })

describe('readEvidenceDrag', () => {
  it('reads a tagged highlight', () => {
    const d = from(HIGHLIGHT_DRAG_TYPE, { highlightId: 'h1', articleId: 'a1', paragraphId: 'p3', passage: 'Insurers remain cautious' })
    expect(readEvidenceDrag(d.get, d.types)).toEqual({
      source: { kind: 'highlight', highlightId: 'h1', articleId: 'a1', paragraphId: 'p3', quote: 'Insurers remain cautious' },
      text: 'Insurers remain cautious'
    })
  })

  it('reads a paragraph number dragged from the reader', () => {
    const d = from(PARAGRAPH_DRAG_TYPE, { articleId: 'a1', paragraphId: 'p9', label: '9' })
    expect(readEvidenceDrag(d.get, d.types)).toEqual({ source: { kind: 'paragraph', articleId: 'a1', paragraphId: 'p9', quote: '' }, text: '' })
  })

  it('refuses anything else', () => {
    expect(readEvidenceDrag(from(HIGHLIGHT_DRAG_TYPE, 'not json').get, [HIGHLIGHT_DRAG_TYPE])).toBeNull()
    expect(readEvidenceDrag(from(HIGHLIGHT_DRAG_TYPE, { highlightId: 5 }).get, [HIGHLIGHT_DRAG_TYPE])).toBeNull()
    expect(readEvidenceDrag(from(PARAGRAPH_DRAG_TYPE, ['a']).get, [PARAGRAPH_DRAG_TYPE])).toBeNull()
    expect(readEvidenceDrag(() => 'x', ['text/plain'])).toBeNull()
  })
})
