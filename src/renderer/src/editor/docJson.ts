// A note's document as JSON for saving, without serialising it whole each time: ProseMirror keeps every block that an
// edit did not touch (same node object), so each top-level block's JSON is remembered per node and only the blocks
// that changed are serialised again. The result equals doc.toJSON().
import { Fragment, type Node as PMNode } from '@tiptap/pm/model'

const cache = new WeakMap<PMNode, unknown>()

export function docToJSON(doc: PMNode): Record<string, unknown> {
  const out = doc.copy(Fragment.empty).toJSON() as Record<string, unknown>
  if (doc.childCount === 0) return out
  const content: unknown[] = []
  doc.forEach((child) => {
    let json = cache.get(child)
    if (json === undefined) {
      json = child.toJSON()
      cache.set(child, json)
    }
    content.push(json)
  })
  out.content = content
  return out
}
