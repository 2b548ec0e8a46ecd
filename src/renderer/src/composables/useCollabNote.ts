// A shared note edited live: the editor works on its own Yjs document (TipTap's Collaboration extension binds to it),
// and this keeps it in step with the local backend — the only API caller for it. The backend holds the note's
// document, writes every change to the local library (the store the app reads) and passes it to the team server;
// colleagues' edits and carets come back the same way. So the app never talks to the team server itself, works the
// same in Electron (IPC) and web mode (loopback HTTP with its token), and keeps working offline.
//
//   own edit / caret move -> (coalesced, ~50 ms) collabSync(update, caret) -> what the editor lacks + colleagues' carets
//   colleague's change    -> the backend wakes the team store (waitForChanges) -> collabSync() pulls it
import { fromBase64, toBase64 } from 'lib0/buffer'
import { shallowRef } from 'vue'
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { GlossError } from '@core/api'
import { api, onBeforeClose } from '@renderer/api'
import { onNoteChanged } from './useTeam'
import { errorMessage } from './useToasts'

/** What came from the backend (not sent back to it). */
const BACKEND = Symbol('gloss-backend')
const COALESCE_MS = 50
/** A pull now and then even without a change event (a missed wake-up costs at most this). */
const POLL_MS = 3000

export type CollabState = 'saved' | 'saving' | 'offline' | 'error'

export interface CollabNote {
  readonly noteId: string
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly user: { name: string; color: string }
  readonly readOnlyReason: string | null
  /** 'saved': the backend has every edit; 'saving': edits on their way; 'error': refused (see `error`). */
  readonly state: { value: CollabState }
  readonly error: { value: string | null }
  /** Colleagues with this note open now (their carets are in the editor). */
  readonly colleagues: { value: readonly { name: string; color: string }[] }
  /** Sends what is pending now. */
  flush(): Promise<void>
  destroy(): void
}

/** Opens a shared note for live editing; null when the note is not shared live (then it is edited as before). */
export async function openCollabNote(noteId: string): Promise<CollabNote | null> {
  let opened
  try {
    opened = await api.collabOpen(noteId)
  } catch (err) {
    if (err instanceof GlossError && err.code === 'invalid_input') return null
    throw err
  }
  const doc = new Y.Doc()
  Y.applyUpdate(doc, fromBase64(opened.state), BACKEND)
  const awareness = new Awareness(doc)
  const state = shallowRef<CollabState>('saved')
  const error = shallowRef<string | null>(null)
  const colleagues = shallowRef<readonly { name: string; color: string }[]>([])
  const onChange = (): void => {
    const seen = new Map<string, { name: string; color: string }>()
    for (const [id, s] of awareness.getStates()) {
      const user = (s as { user?: { name?: unknown; color?: unknown } }).user
      if (id === doc.clientID || !user || typeof user.name !== 'string') continue
      seen.set(user.name, { name: user.name, color: typeof user.color === 'string' ? user.color : '' })
    }
    colleagues.value = [...seen.values()]
  }
  awareness.on('change', onChange)
  let pending: Uint8Array[] = []
  let caretDirty = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null
  let again = false
  let destroyed = false

  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === BACKEND || destroyed) return
    pending.push(update)
    state.value = 'saving'
    schedule()
  }
  doc.on('update', onUpdate)
  const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === BACKEND || destroyed) return
    if ([...added, ...updated, ...removed].includes(doc.clientID)) {
      caretDirty = true
      schedule()
    }
  }
  awareness.on('update', onAwareness)

  function schedule(delay = COALESCE_MS): void {
    if (timer || destroyed) return
    timer = setTimeout(() => {
      timer = null
      void exchange()
    }, delay)
  }

  function exchange(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await once()
      } while (again && !destroyed)
    })().finally(() => {
      running = null
    })
    return running
  }

  async function once(): Promise<void> {
    const sent = pending
    pending = []
    const update = sent.length ? toBase64(Y.mergeUpdates(sent)) : undefined
    const caret = caretDirty ? { clock: awareness.meta.get(doc.clientID)?.clock ?? 0, state: awareness.getLocalState() } : undefined
    caretDirty = false
    try {
      const r = await api.collabSync({ noteId, clientId: doc.clientID, stateVector: toBase64(Y.encodeStateVector(doc)), ...(update ? { update } : {}), ...(caret ? { caret } : {}) })
      if (destroyed) return
      if (r.update) Y.applyUpdate(doc, fromBase64(r.update), BACKEND)
      applyAwarenessUpdate(awareness, fromBase64(r.carets), BACKEND)
      const gone = [...awareness.getStates().keys()].filter((id) => id !== doc.clientID && !r.clients.includes(id))
      if (gone.length) removeAwarenessStates(awareness, gone, BACKEND)
      error.value = null
      state.value = pending.length ? 'saving' : 'saved'
    } catch (err) {
      if (destroyed) return
      if (err instanceof GlossError && err.code === 'invalid_input') {
        // Refused (a role that may not edit, a note that would be invalid): said once, not retried.
        error.value = errorMessage(err)
        state.value = 'error'
        return
      }
      // The backend could not be reached: keep the edits and try again.
      pending = [...sent, ...pending]
      if (caret) caretDirty = true
      error.value = errorMessage(err)
      state.value = 'offline'
      setTimeout(() => schedule(0), 1000)
    }
  }

  const offChanged = onNoteChanged((id) => {
    if (id === noteId) schedule(0)
  })
  const poll = setInterval(() => schedule(0), POLL_MS)
  const offClose = onBeforeClose(() => exchange())

  return {
    noteId,
    doc,
    awareness,
    user: opened.user,
    readOnlyReason: opened.readOnlyReason,
    state,
    error,
    colleagues,
    async flush() {
      if (timer) {
        clearTimeout(timer)
        timer = null
      }
      if (pending.length || caretDirty || running) await exchange()
    },
    destroy() {
      if (destroyed) return
      if (timer) clearTimeout(timer)
      clearInterval(poll)
      offChanged()
      offClose()
      // Last edits, and the caret taken away for colleagues.
      const last = pending.length ? toBase64(Y.mergeUpdates(pending)) : undefined
      const clock = (awareness.meta.get(doc.clientID)?.clock ?? 0) + 1
      destroyed = true
      void (running ?? Promise.resolve())
        .then(() => api.collabSync({ noteId, clientId: doc.clientID, stateVector: toBase64(Y.encodeStateVector(doc)), ...(last ? { update: last } : {}), caret: { clock, state: null } }))
        .catch(() => {})
        .finally(() => {
          doc.off('update', onUpdate)
          awareness.off('update', onAwareness)
          awareness.off('change', onChange)
          awareness.destroy()
          doc.destroy()
        })
    }
  }
}
