// The note open in the notes pane: loading, debounced autosave (core AutosaveController), retries,
// conflicts (keep both versions), read-only notes and renaming. Editor-agnostic: the pane hands in
// document snapshots and gets told when the shown note must be replaced.
import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { GlossError } from '@core/api'
import type { Note, PMNode } from '@core/model'
import { AutosaveController, type AutosaveState } from '@core/notes/autosave'
import { minuteStamp } from '@core/ids'
import { api, onBeforeClose } from '@renderer/api'
import { requestIdle } from './idle'
import { reader } from './useReader'
import { workspace } from './useWorkspace'

/** An immutable document snapshot (a ProseMirror node) serialised only when it is saved. */
export interface DocSnapshot {
  toJSON(): unknown
}

interface Session {
  note: Note
  baseRevision: number
  /** Set when the shown content was replaced (after a conflict): queued saves of the old content are dropped. */
  dropped: boolean
}

interface Pending {
  session: Session
  doc: DocSnapshot
}

export type NoteSaveState = AutosaveState | 'readonly' | 'none'

export interface NoteBanner {
  kind: 'conflict' | 'error' | 'info'
  text: string
}

export interface NoteSessionHooks {
  /** A note must be shown (opened, or replaced by the stored version after a conflict). */
  show(note: Note): void
  /** The document currently in the editor (for the conflicted copy). */
  latestDoc(): PMNode | null
  /** A save succeeded (refresh reference statuses, note list…). */
  saved(note: Note): void
  /** A note was created behind the scenes (a conflicted copy): the note list is out of date. */
  created(note: Note): void
}

const RETRY_DELAYS = [1000, 2000, 5000, 10000, 30000]

/**
 * Resolves when the browser is idle (at most `timeout` ms later): a debounced save serialises the document then,
 * never in the middle of typing.
 */
function whenIdle(timeout: number): Promise<void> {
  return new Promise((done) => {
    requestIdle(() => done(), timeout)
  })
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

export function useNoteSession(hooks: NoteSessionHooks) {
  const note = shallowRef<Note | null>(null)
  const saveState = ref<NoteSaveState>('none')
  const banner = ref<NoteBanner | null>(null)
  const lastError = ref<string | null>(null)
  let session: Session | null = null
  let openSeq = 0
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let retries = 0
  /** A flush (blur, note switch, window closing) saves at once, without waiting for the browser to be idle. */
  let urgent = false

  const controller = new AutosaveController<Pending>({ save, delayMs: 600 })

  controller.onState((s) => {
    if (session?.note.readOnlyReason) return
    saveState.value = s
    if (s === 'error') scheduleRetry()
    if (s === 'saved') {
      retries = 0
      lastError.value = null
    }
  })

  function scheduleRetry(): void {
    if (retryTimer) clearTimeout(retryTimer)
    const err = controller.error
    // A refused document will be refused again: wait for the next edit instead of hammering the backend.
    if (err instanceof GlossError && err.code === 'invalid_input') return
    const delay = RETRY_DELAYS[Math.min(retries, RETRY_DELAYS.length - 1)]
    retries++
    retryTimer = setTimeout(() => {
      retryTimer = null
      void controller.flush().catch(() => undefined)
    }, delay)
  }

  async function save(p: Pending): Promise<void> {
    const s = p.session
    if (s.dropped || s.note.readOnlyReason) return
    if (!urgent) await whenIdle(1000)
    if (s.dropped) return
    const doc = p.doc.toJSON() as PMNode
    let result
    try {
      result = await api.saveNote({ id: s.note.id, doc, baseRevision: s.baseRevision })
    } catch (err) {
      if (err instanceof GlossError && err.code === 'not_found') return keepAsCopy(s, doc, 'deleted')
      lastError.value = messageOf(err)
      throw err
    }
    if (result.ok) {
      s.baseRevision = result.note.revision
      s.note = { ...s.note, ...result.note }
      if (s === session) note.value = s.note
      void reader.refreshBacklinks()
      hooks.saved(s.note)
      return
    }
    await keepAsCopy(s, doc, 'conflict')
  }

  /**
   * Someone else saved this note first (or deleted it): keep both. The local text goes into a new note
   * "<title> (conflicted copy …)" and the editor carries on in that copy, untouched — so text typed while this
   * runs is neither lost nor split between the two versions. The other version stays under the original note.
   */
  async function keepAsCopy(s: Session, failedDoc: PMNode, why: 'conflict' | 'deleted'): Promise<void> {
    const title = `${s.note.title} (${why === 'conflict' ? 'conflicted copy' : 'recovered'} ${minuteStamp()})`
    // The copy belongs where the note did: beside its article, or in its project.
    const copy = await api.createNote({ title, articleId: s.note.articleId, ...(s.note.projectId && !s.note.articleId ? { projectId: s.note.projectId } : {}) })
    const local = (s === session ? hooks.latestDoc() : null) ?? failedDoc
    const saved = await api.saveNote({ id: copy.id, doc: local, baseRevision: copy.revision })
    // From here on the local text is safe in the copy: drop queued saves of it, they would conflict again.
    s.dropped = true
    const isShown = s === session
    const copyNote: Note = saved.ok ? { ...copy, ...saved.note, doc: local } : copy
    void reader.refreshBacklinks()
    hooks.created(copyNote)
    if (why === 'conflict') {
      banner.value = {
        kind: 'conflict',
        text: `This note was changed in another window. Your version continues here as “${title}”; the other version stays under “${s.note.title}”.`
      }
    } else {
      banner.value = { kind: 'conflict', text: `This note was deleted in another window. Your text continues here as “${title}”.` }
    }
    if (!isShown) return
    session = { note: copyNote, baseRevision: copyNote.revision, dropped: false }
    note.value = copyNote
    workspace.noteId = copyNote.id
    hooks.saved(copyNote)
    // Whatever was typed while the copy was being made is in the editor: save it into the copy.
    const latest = hooks.latestDoc()
    if (latest) controller.change({ session, doc: { toJSON: () => latest } })
  }

  /** Records an edit of the shown note (saved ~600 ms after the last one). */
  function change(doc: DocSnapshot): void {
    if (!session || session.note.readOnlyReason) return
    controller.change({ session, doc })
  }

  /** Saves what is pending now. Resolves false (and keeps the error state) when the save failed. */
  async function flush(): Promise<boolean> {
    urgent = true
    try {
      await controller.flush()
      return true
    } catch {
      return false
    } finally {
      urgent = false
    }
  }

  /**
   * Opens a note: saves the current one first (and stays on it if that fails, so nothing is lost),
   * then loads and shows the new one. Resolves false when the note was not opened.
   */
  async function open(load: () => Promise<Note>): Promise<boolean> {
    const seq = ++openSeq
    if (!(await flush())) {
      banner.value = {
        kind: 'error',
        text: `Your latest changes to “${session?.note.title ?? 'this note'}” are not saved yet (${lastError.value ?? 'the save failed'}), so this note stays open. Gloss keeps retrying.`
      }
      return false
    }
    let next: Note
    try {
      next = await load()
    } catch (err) {
      if (seq === openSeq) banner.value = { kind: 'error', text: `The note could not be opened: ${messageOf(err)}` }
      return false
    }
    if (seq !== openSeq) return false
    if (session?.note.id === next.id && !session.dropped && next.revision === session.baseRevision) {
      return true // already showing exactly this version
    }
    session = { note: next, baseRevision: next.revision, dropped: false }
    note.value = next
    workspace.noteId = next.id
    banner.value = null
    saveState.value = next.readOnlyReason ? 'readonly' : 'saved'
    hooks.show(next)
    return true
  }

  /** Shows nothing (no note exists yet). */
  function clear(): void {
    session = null
    note.value = null
    saveState.value = 'none'
  }

  /** The editor found content it cannot show: keep the note read-only so nothing is lost. */
  function markReadOnly(reason: string): void {
    if (!session) return
    session.note = { ...session.note, readOnlyReason: reason }
    note.value = session.note
    saveState.value = 'readonly'
  }

  async function rename(title: string): Promise<string | null> {
    const clean = title.replace(/\s+/g, ' ').trim()
    if (!session) return 'No note is open.'
    if (!clean) return 'A note needs a title.'
    if (clean.length > 200) return 'Keep the title under 200 characters.'
    if (clean === session.note.title) return null
    try {
      const summary = await api.renameNote({ id: session.note.id, title: clean })
      session.note = { ...session.note, title: summary.title, updatedAt: summary.updatedAt }
      note.value = session.note
      return null
    } catch (err) {
      return messageOf(err)
    }
  }

  const stopSavingOnClose = onBeforeClose(async () => void (await flush()))

  onBeforeUnmount(() => {
    stopSavingOnClose()
    void flush().finally(() => controller.dispose())
    if (retryTimer) clearTimeout(retryTimer)
  })

  return { note, saveState, banner, lastError, open, change, flush, clear, rename, markReadOnly }
}

export type NoteSession = ReturnType<typeof useNoteSession>
