// The top-level blocks holding the selection's two ends carry the class `caret-block`, which keeps them rendered.
//
// The notes editor lets the browser skip blocks out of sight (editor.css: content-visibility: auto); a block becomes
// "relevant" (drawn) only at the next frame after the caret reaches it, and a keystroke typed into a block the
// browser is still skipping — the new paragraph of an Enter, typed at once — is inserted where the editor does not
// read it back. The block being typed in is never skipped: its class is set in the same transaction that moves the
// caret there.
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

export const CARET_BLOCK_CLASS = 'caret-block'

const key = new PluginKey<DecorationSet>('caretBlock')

/** The [from, to) ranges of the top-level blocks holding the selection's two ends (one when they share it). */
export function caretBlocks(state: EditorState): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  const doc: PMNode = state.doc
  const { $from, $to } = state.selection
  const add = (from: number): void => {
    const node = doc.nodeAt(from)
    if (node && !out.some((r) => r.from === from)) out.push({ from, to: from + node.nodeSize })
  }
  // Between blocks (a selected block, the gap cursor), the start is the block after, the end the block before.
  add($from.depth > 0 ? $from.before(1) : $from.pos)
  if ($to.depth > 0) add($to.before(1))
  else if ($to.nodeBefore) add($to.pos - $to.nodeBefore.nodeSize)
  return out
}

function decorate(state: EditorState): DecorationSet {
  return DecorationSet.create(
    state.doc,
    caretBlocks(state).map((r) => Decoration.node(r.from, r.to, { class: CARET_BLOCK_CLASS }))
  )
}

export const CaretBlock = Extension.create({
  name: 'caretBlock',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state),
          apply(tr, set, _old, state) {
            if (!tr.docChanged && !tr.selectionSet) return set
            // Typing stays in its block: the mapped set still marks the right ones, nothing to rebuild or redraw.
            const mapped = tr.docChanged ? set.map(tr.mapping, tr.doc) : set
            const want = caretBlocks(state)
            const have = mapped.find()
            if (have.length === want.length && have.every((d, i) => d.from === want[i].from && d.to === want[i].to)) return mapped
            return decorate(state)
          }
        },
        props: {
          decorations: (state) => key.getState(state)
        }
      })
    ]
  }
})
