// The TipTap editor of the notes pane: created for each note shown, with the note's extensions and reference context.
// Keystrokes do the least possible: the edit is handed to the session as an immutable document (serialised only when
// it is saved, off the keystroke path) and the word count is updated when typing pauses and the browser is idle,
// recounting only the blocks that changed (editor/wordCount.ts). The editor is TipTap's core one (editor/notesEditor.ts), with no
// reactive state to trigger, and so no extra frames, on each keystroke.
import { nextTick, onBeforeUnmount, ref, shallowRef, watch, type WatchStopHandle } from 'vue'
import type { Editor } from '@tiptap/core'
import { exitSuggestion } from '@tiptap/suggestion'
import type { Note } from '@core/model'
import { emptyDoc } from '@core/notes/doc'
import type { NoteSession } from '@renderer/composables/useNoteSession'
import { AfterPause } from '@renderer/composables/idle'
import { isMod } from '@renderer/composables/useShortcuts'
import { openCollabNote, type CollabNote } from '@renderer/composables/useCollabNote'
import { isShared, team } from '@renderer/composables/useTeam'
import { notesExtensions } from '@renderer/editor/extensions'
import { paragraphSuggestionKey } from '@renderer/editor/ParagraphSuggestion'
import type { RefContext } from '@renderer/editor/refContext'
import { docToJSON } from '@renderer/editor/docJson'
import { NotesEditor } from '@renderer/editor/notesEditor'
import { scrollSelectionIntoScroller } from '@renderer/editor/scrollToSelection'
import { wordsIn } from '@renderer/editor/wordCount'

/** How long typing must pause before the word count is brought up to date. */
const COUNT_AFTER_MS = 400

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
  /** The shown note's live document when it is a shared note (edited with colleagues), else null. */
  const collab = shallowRef<CollabNote | null>(null)
  let mountSeq = 0
  let stopCollabState: WatchStopHandle | null = null

  function countNow(): void {
    recount.cancel()
    const doc = editor.value?.state.doc
    words.value = doc ? wordsIn(doc) : 0
  }

  /** Recounted when typing pauses, while the browser is idle: the count (and the header showing it) sits still mid-word. */
  const recount = new AfterPause(countNow, COUNT_AFTER_MS, 400)
  const scheduleCount = (): void => recount.poke()

  /**
   * Shows a note. A note of a shared project is opened live first (its Yjs document from the backend); any other note,
   * or one the backend does not share live, is edited as before (JSON saves through the session).
   */
  function mount(n: Note): void {
    const seq = ++mountSeq
    // Nothing typed into the editor being replaced may land in the note that replaces it.
    if (editor.value && !editor.value.isDestroyed) editor.value.setEditable(false, false)
    // (Asked of the backend even before the app knows the project is shared — at start-up, say: it decides.)
    if (!n.projectId || (team.loaded && !isShared(n.projectId))) return create(n, null)
    openCollabNote(n.id).then(
      (c) => {
        if (seq !== mountSeq) return c?.destroy()
        create(n, c)
      },
      (err: unknown) => {
        if (seq !== mountSeq) return
        create(n, null)
        opts.session.banner.value = { kind: 'error', text: `This shared note is not live right now (${err instanceof Error ? err.message : String(err)}); your edits are saved and merged as usual.` }
      }
    )
  }

  function create(n: Note, live: CollabNote | null): void {
    const old = editor.value
    const oldCollab = collab.value
    const { session } = opts
    stopCollabState?.()
    stopCollabState = null
    const e = new NotesEditor({
      extensions: notesExtensions(opts.ctx, live ? { doc: live.doc, awareness: live.awareness, user: live.user } : undefined),
      // A shared note's content is its Yjs document (the Collaboration extension renders it).
      ...(live ? {} : { content: n.doc ?? emptyDoc() }),
      editable: !n.readOnlyReason && !live?.readOnlyReason,
      enableContentCheck: true,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-label': 'Analyst notes',
          'aria-multiline': 'true',
          class: 'notes-prose',
          spellcheck: 'true'
        },
        handleScrollToSelection: scrollSelectionIntoScroller,
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
        scheduleCount()
        // A shared note's edits reach the backend through its Yjs document (useCollabNote), colleagues' too.
        if (live) return
        const doc = ed.state.doc
        // Serialised when saved, reusing the JSON of every block the edits did not touch.
        session.change({ toJSON: () => docToJSON(doc) })
      },
      onBlur: ({ editor: ed }) => {
        if (!ed.isDestroyed) exitSuggestion(ed.view, paragraphSuggestionKey)
        void (live ? live.flush() : session.flush())
      },
      onContentError: () => {
        session.markReadOnly('This note contains content this version of Gloss cannot show. It is shown read-only so nothing is lost.')
      }
    })
    if (session.note.value?.readOnlyReason) e.setEditable(false, false)
    editor.value = e
    collab.value = live
    editorKey.value++
    countNow()
    opts.onMounted?.(n)
    if (live) {
      if (live.readOnlyReason) session.markReadOnly(live.readOnlyReason)
      else
        stopCollabState = watch(
          () => [live.state.value, live.error.value] as const,
          ([state, error]) => {
            session.saveState.value = state === 'saved' ? 'saved' : state === 'saving' ? 'saving' : 'error'
            if (state === 'error' && error) session.banner.value = { kind: 'error', text: error }
          },
          { immediate: true }
        )
    }
    if (old || oldCollab)
      void nextTick(() => {
        old?.destroy()
        oldCollab?.destroy()
      })
  }

  /** Resolves once the editor's DOM is in the page (EditorContent moves it on the next tick). */
  async function ready(): Promise<Editor | null> {
    await nextTick()
    await nextTick()
    await new Promise((r) => requestAnimationFrame(() => r(null)))
    return editor.value && !editor.value.isDestroyed ? editor.value : null
  }

  onBeforeUnmount(() => {
    recount.cancel()
    mountSeq++
    stopCollabState?.()
    const e = editor.value
    const live = collab.value
    if (e) void (live ? live.flush() : opts.session.flush()).finally(() => (e.destroy(), live?.destroy()))
  })

  return { editor, editorKey, words, collab, mount, ready }
}
