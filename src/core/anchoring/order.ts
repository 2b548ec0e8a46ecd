import type { AnchoredHighlight, Paragraph } from '../model'

/**
 * Highlights in document order: by the paragraph and offset where their first placed segment starts; those with
 * nothing placed ('review', 'orphan') last; ties by creation time, then id. Used by the backend's listing and the highlights panel.
 */
export function sortInDocumentOrder<H extends AnchoredHighlight>(highlights: H[], paragraphs: Pick<Paragraph, 'id' | 'index'>[]): H[] {
  const position = new Map(paragraphs.map((p) => [p.id, p.index]))
  const key = (h: H): [number, number] => {
    const first = h.resolved[0]
    if (!first) return [Number.MAX_SAFE_INTEGER, 0]
    return [position.get(first.paragraphId) ?? Number.MAX_SAFE_INTEGER, first.start]
  }
  const keyed = highlights.map((h) => ({ h, k: key(h) }))
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.h.createdAt.localeCompare(b.h.createdAt) || a.h.id.localeCompare(b.h.id))
  return keyed.map((x) => x.h)
}
