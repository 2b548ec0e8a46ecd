// The note's word count, kept up to date without reading the whole document on every change: ProseMirror documents
// are persistent (an edit makes new nodes only along the path to the change, every other node is shared with the
// document before), so counts are remembered per node and a keystroke recounts one text block plus its ancestors'
// sums. Words never run across blocks (blocks are separated by a space, as are inline nodes such as chips).
import type { Node as PMNode } from '@tiptap/pm/model'
import { countWords } from '@core/notes/words'

const counts = new WeakMap<PMNode, number>()

export function wordsIn(node: PMNode): number {
  const known = counts.get(node)
  if (known !== undefined) return known
  let n = 0
  if (node.isTextblock) n = countWords(node.textBetween(0, node.content.size, ' ', ' '))
  else if (node.isText) n = countWords(node.text ?? '')
  else node.forEach((child) => (n += wordsIn(child)))
  counts.set(node, n)
  return n
}
