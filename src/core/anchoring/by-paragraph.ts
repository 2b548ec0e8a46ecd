// Highlights indexed by the paragraphs they are painted in, so a reader looks up one paragraph's highlights instead
// of scanning them all, and repaints only the paragraphs whose highlights changed. Pure.
import type { AnchoredHighlight } from '../model'

export type HighlightIndex = ReadonlyMap<string, readonly AnchoredHighlight[]>

const EMPTY: readonly AnchoredHighlight[] = Object.freeze([])

/** The (frozen, shared) empty list a paragraph without highlights gets. */
export function noHighlights(): readonly AnchoredHighlight[] {
  return EMPTY
}

/**
 * For each paragraph with a placed segment, the highlights painted in it (in the order given, each once). A
 * paragraph whose list holds the same highlight objects as in `previous` keeps the previous (frozen) array, so an
 * unchanged paragraph can be recognised by identity.
 */
export function indexByParagraph(highlights: readonly AnchoredHighlight[], previous?: HighlightIndex): Map<string, readonly AnchoredHighlight[]> {
  const groups = new Map<string, AnchoredHighlight[]>()
  for (const h of highlights) {
    let last: string | null = null
    for (const seg of h.resolved) {
      if (seg.paragraphId === last) continue
      last = seg.paragraphId
      let list = groups.get(seg.paragraphId)
      if (!list) groups.set(seg.paragraphId, (list = []))
      if (list[list.length - 1] !== h) list.push(h)
    }
  }
  const out = new Map<string, readonly AnchoredHighlight[]>()
  for (const [id, list] of groups) {
    const old = previous?.get(id)
    out.set(id, old && old.length === list.length && old.every((h, i) => h === list[i]) ? old : Object.freeze(list))
  }
  return out
}
