// The TipTap editor of the notes pane: created for each note shown, with the note's extensions and reference context.
// Keystrokes do the least possible: the edit is handed to the session as an immutable document (serialised only when
// it is saved, off the keystroke path) and the word count is updated when the browser is idle, recounting only the
// blocks that changed (editor/wordCount.ts).
import { nextTick, onBeforeUnmount, ref, shallowRef } from 'vue'
import { Editor } from '@tiptap/vue-3'
import { exitSuggestion } from '@tiptap/suggestion'
import type { Note } from '@core/model'
import { emptyDoc } from '@core/notes/doc'
import type { NoteSession } from '@renderer/composables/useNoteSession'
import { isMod } from '@renderer/composables/useShortcuts'
import { notesExtensions } from '@renderer/editor/extensions'
import { paragraphSuggestionKey } from '@renderer/editor/ParagraphSuggestion'
import type { RefContext } from '@renderer/editor/refContext'
import { docToJSON } from '@renderer/editor/docJson'
import { wordsIn } from '@renderer/editor/wordCount'

type Idle = (cb: () => void, opts?: { timeout: number }) => number
const requestIdle: Idle = typeof requestIdleCallback === 'function' ? requestIdleCallback : (cb) => window.setTimeout(cb, 50)
const cancelIdle = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : (h: number) => window.clearTimeout(h)

export interface NoteEditorOptions {
  ctx: RefContext
  session: NoteSession
  /** Ctrl/Cmd+K in the editor: the link popover. */
  onLinkKey: () => void
  /** A new editor was made (the old one is about to be destroyed). */
  onMounted?: (note: Note) => void
}

export function useNoteEditor(opts: NoteEditorOptions) {
  const editor = shallowRef<Editor | null>(null)
  const editorKey = ref(0)
  const words = ref(0)
  let idle: number | null = null

  function countNow(): void {
    idle = null
    const doc = editor.value?.state.doc
    words.value = doc ? wordsIn(doc) : 0
  }

  function scheduleCount(): void {
    if (idle === null) idle = requestIdle(countNow, { timeout: 400 })
  }

  function mount(n: Note): void {
    const old = editor.value
    const { session } = opts
    const e = new Editor({
      extensions: notesExtensions(opts.ctx),
      content: n.doc ?? emptyDoc(),
      editable: !n.readOnlyReason,
      enableContentCheck: true,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-label': 'Analyst notes',
          'aria-multiline': 'true',
          class: 'notes-prose',
          spellcheck: 'true'
        },
        handleKeyDown: (_view, event) => {
          if (isMod(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') {
            opts.onLinkKey()
            return true
          }
          return false
        }
      },
      onUpdate: ({ editor: ed, transaction }) => {
        if (!transaction.docChanged) return
        const doc = ed.state.doc
        // Serialised when saved, reusing the JSON of every block the edits did not touch.
        session.change({ toJSON: () => docToJSON(doc) })
        scheduleCount()
      },
      onBlur: ({ editor: ed }) => {
        if (!ed.isDestroyed) exitSuggestion(ed.view, paragraphSuggestionKey)
        void session.flush()
      },
      onContentError: () => {
        session.markReadOnly('This note contains content this version of Gloss cannot show. It is shown read-only so nothing is lost.')
      }
    })
    if (session.note.value?.readOnlyReason) e.setEditable(false, false)
    editor.value = e
    editorKey.value++
    countNow()
    opts.onMounted?.(n)
    if (old) void nextTick(() => old.destroy())
  }

  /** Resolves once the editor's DOM is in the page (EditorContent moves it on the next tick). */
  async function ready(): Promise<Editor | null> {
    await nextTick()
    await nextTick()
    await new Promise((r) => requestAnimationFrame(() => r(null)))
    return editor.value && !editor.value.isDestroyed ? editor.value : null
  }

  onBeforeUnmount(() => {
    if (idle !== null) cancelIdle(idle)
    const e = editor.value
    if (e) void opts.session.flush().finally(() => e.destroy())
  })

  return { editor, editorKey, words, mount, ready }
}
