// Dropping a paragraph number dragged from the reader's margin inserts a reference chip where it lands.
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { PARAGRAPH_REF_NODE } from '@core/model'
import { parseParagraphDrag } from './citation'

export const PARAGRAPH_DRAG_TYPE = 'application/x-gloss-paragraph'

export const ParagraphDrop = Extension.create({
  name: 'paragraphDrop',

  addProseMirrorPlugins() {
    const editor = this.editor
    return [
      new Plugin({
        key: new PluginKey('paragraphDrop'),
        props: {
          handleDrop(view, event) {
            const data = event.dataTransfer
            if (!data || !Array.from(data.types).includes(PARAGRAPH_DRAG_TYPE)) return false
            event.preventDefault()
            const attrs = parseParagraphDrag(data.getData(PARAGRAPH_DRAG_TYPE))
            if (!attrs || !editor.isEditable) return true
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
            const pos = at ? at.pos : view.state.doc.content.size
            editor
              .chain()
              .focus()
              .insertContentAt(pos, [
                { type: PARAGRAPH_REF_NODE, attrs },
                { type: 'text', text: ' ' }
              ])
              .run()
            return true
          }
        }
      })
    ]
  }
})
