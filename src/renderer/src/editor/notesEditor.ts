// The notes editor: TipTap's core Editor, mounted by @tiptap/vue-3's EditorContent (which gives Vue node views their
// app context through `contentComponent` and `appContext`).
//
// Not @tiptap/vue-3's own Editor: that one keeps the editor's state and storage in two Vue refs whose every write
// schedules a double requestAnimationFrame to trigger them, four callbacks and one or two extra frames per keystroke,
// for a reactivity nothing in Gloss reads (the toolbar, word count and citations listen to the editor's events).
// `state` here is the view's state, as current as the Vue editor's.
import { Editor, type EditorOptions } from '@tiptap/core'
import type { Editor as VueEditor } from '@tiptap/vue-3'
import { markRaw } from 'vue'

export class NotesEditor extends Editor {
  /** Set by EditorContent while the editor is mounted. */
  contentComponent: VueEditor['contentComponent'] = null
  appContext: VueEditor['appContext'] = null

  constructor(options: Partial<EditorOptions>) {
    super(options)
    // Never made reactive: Vue would wrap the ProseMirror view and its whole document in proxies.
    return markRaw(this)
  }
}

/** For Vue APIs typed with @tiptap/vue-3's Editor (EditorContent, VueRenderer): the members they use are here. */
export const asVueEditor = (e: Editor): VueEditor => e as unknown as VueEditor
