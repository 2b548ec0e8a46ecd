// Ctrl+Home / Ctrl+End (⌘↑ / ⌘↓ on a Mac), with Shift to select: to the start or the end of the note, done by the
// editor rather than the browser. Blocks out of sight are not rendered (editor.css: content-visibility), and the
// browser's own jump across them can land the caret inside a block it has not laid out, where the next keystroke
// is read back wrong; the editor's selection is exact whatever is drawn.
import { Extension, type Editor } from '@tiptap/core'
import { Selection, TextSelection } from '@tiptap/pm/state'

function toEdge(editor: Editor, end: boolean, extend: boolean): boolean {
  const { state, view } = editor
  const edge = end ? Selection.atEnd(state.doc) : Selection.atStart(state.doc)
  const sel = extend ? TextSelection.between(state.selection.$anchor, edge.$head) : edge
  view.dispatch(state.tr.setSelection(sel).scrollIntoView())
  return true
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export const DocumentEnds = Extension.create({
  name: 'documentEnds',

  addKeyboardShortcuts() {
    const keys: Record<string, () => boolean> = {
      'Mod-Home': () => toEdge(this.editor, false, false),
      'Mod-End': () => toEdge(this.editor, true, false),
      'Shift-Mod-Home': () => toEdge(this.editor, false, true),
      'Shift-Mod-End': () => toEdge(this.editor, true, true)
    }
    if (isMac) {
      keys['Mod-ArrowUp'] = keys['Mod-Home']
      keys['Mod-ArrowDown'] = keys['Mod-End']
      keys['Shift-Mod-ArrowUp'] = keys['Shift-Mod-Home']
      keys['Shift-Mod-ArrowDown'] = keys['Shift-Mod-End']
    }
    return keys
  }
})
