// Citing into the open note and going to a reference in it: "Cite in note" from the reader (a blockquote and a chip
// at the cursor, saved at once) and a backlink's "open this reference" (the note opened, the chip selected).
import { nextTick, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { Editor } from '@tiptap/core'
import { PARAGRAPH_REF_NODE, type Note } from '@core/model'
import type { NoteSession } from '@renderer/composables/useNoteSession'
import { showToast } from '@renderer/composables/useToasts'
import { workspace, type CitePayload } from '@renderer/composables/useWorkspace'

export interface CitationDeps {
  editor: ShallowRef<Editor | null>
  note: Ref<Note | null>
  readOnly: ComputedRef<boolean>
  session: NoteSession
  ready: () => Promise<Editor | null>
  openArticleNote: (articleId: string) => Promise<void>
  openNote: (id: string) => Promise<boolean>
}

export function useNoteCitations(deps: CitationDeps) {
  function scrollSelectionIntoView(e: Editor): void {
    void nextTick(() => {
      const { node } = e.view.domAtPos(e.state.selection.from)
      const el = node instanceof Element ? node : node.parentElement
      el?.scrollIntoView({ block: 'nearest' })
    })
  }

  async function cite(payload: CitePayload): Promise<void> {
    if (!deps.note.value) {
      if (!workspace.articleId) return
      await deps.openArticleNote(workspace.articleId)
    }
    const e = deps.editor.value
    if (!e || !deps.note.value) return
    if (deps.readOnly.value) {
      showToast('This note is read-only, so the passage was not cited in it.', { kind: 'warning' })
      return
    }
    if (e.commands.insertCitation(payload)) {
      await deps.session.flush()
      scrollSelectionIntoView(e)
    }
  }

  async function openRef(noteId: string, ordinal: number): Promise<void> {
    if (deps.note.value?.id !== noteId && !(await deps.openNote(noteId))) return
    const e = await deps.ready()
    if (!e) return
    let found = -1
    let i = 0
    e.state.doc.descendants((node, pos) => {
      if (found >= 0) return false
      if (node.type.name === PARAGRAPH_REF_NODE) {
        if (i === ordinal) found = pos
        i++
      }
      return true
    })
    if (found < 0) {
      showToast('That reference is no longer in the note.', { kind: 'warning' })
      return
    }
    e.chain().focus().setNodeSelection(found).scrollIntoView().run()
    const dom = e.view.nodeDOM(found)
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' })
  }

  return { cite, openRef }
}
