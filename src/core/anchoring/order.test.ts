import { describe, expect, it } from 'vitest'
import type { AnchoredHighlight } from '../model'
import { sortInDocumentOrder } from './order'

const paragraphs = [
  { id: 'a', index: 0 },
  { id: 'b', index: 1 }
]
function hl(id: string, resolved: AnchoredHighlight['resolved'], createdAt = '2026-01-01T00:00:00.000Z'): AnchoredHighlight {
  return { id, articleId: 'x', color: 'yellow', comment: '', targets: [], createdAt, updatedAt: createdAt, status: resolved.length ? 'anchored' : 'orphan', resolved }
}

describe('sortInDocumentOrder', () => {
  it('orders by paragraph, then offset, with orphans last and creation time as the tie-break', () => {
    const list = [
      hl('orphan', []),
      hl('b-10', [{ paragraphId: 'b', start: 10, end: 12 }]),
      hl('a-5-late', [{ paragraphId: 'a', start: 5, end: 9 }], '2026-01-02T00:00:00.000Z'),
      hl('a-5-early', [{ paragraphId: 'a', start: 5, end: 7 }]),
      hl('b-2', [{ paragraphId: 'b', start: 2, end: 4 }])
    ]
    expect(sortInDocumentOrder(list, paragraphs).map((h) => h.id)).toEqual(['a-5-early', 'a-5-late', 'b-2', 'b-10', 'orphan'])
  })

  it('puts a highlight whose paragraph is unknown with the orphans and leaves the input untouched', () => {
    const list = [hl('gone', [{ paragraphId: 'zzz', start: 0, end: 1 }]), hl('a', [{ paragraphId: 'a', start: 0, end: 1 }])]
    expect(sortInDocumentOrder(list, paragraphs).map((h) => h.id)).toEqual(['a', 'gone'])
    expect(list.map((h) => h.id)).toEqual(['gone', 'a'])
  })
})
