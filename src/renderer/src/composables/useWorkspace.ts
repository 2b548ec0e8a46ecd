// Shared workspace state and the events that connect the reader and the notes pane.
// Reader and notes never import each other: they meet here.
import { reactive } from 'vue'
import type { PMNode } from '@core/model'

export interface CitePayload {
  articleId: string
  /** One entry per paragraph the selection touched, in document order. */
  passages: { paragraphId: string; quote: string; label: string }[]
  /** The note content to insert instead of the blockquote and chips (a quotation cited from "Who said what"). */
  content?: PMNode[]
}

type Events = {
  /** Scroll the reader to a paragraph and flash it (after switching article if needed). */
  reveal: { articleId: string; paragraphId: string }
  /** Insert a cited passage (blockquote + reference chip) into the current note. */
  cite: CitePayload
  /** Open a note and select its reference number `ordinal`. */
  openRef: { noteId: string; ordinal: number }
  /** Open a note in the notes pane (use showNote: it also works while the pane is not mounted). */
  openNote: { noteId: string }
  /** Notes were saved: backlink counts may have changed. */
  notesSaved: { noteId: string }
  /** Highlights changed (created, recoloured, removed). */
  highlightsChanged: { articleId: string }
  /** An article's text was replaced (update from a newer file): paragraphs, numbers and reference states may differ. */
  articleChanged: { articleId: string }
}

type Listener<K extends keyof Events> = (payload: Events[K]) => void
const listeners: { [K in keyof Events]?: Set<Listener<K>> } = {}

export function emit<K extends keyof Events>(event: K, payload: Events[K]): void {
  const set = listeners[event] as Set<Listener<K>> | undefined
  set?.forEach((fn) => fn(payload))
}

/** A note showNote asked for before the notes pane was there to open it. */
let pendingNote: Events['openNote'] | null = null

/** Subscribes; returns the unsubscribe function (call it in onBeforeUnmount). */
export function on<K extends keyof Events>(event: K, fn: Listener<K>): () => void {
  const set = (listeners[event] ??= new Set() as never) as Set<Listener<K>>
  set.add(fn)
  if (event === 'openNote' && pendingNote) {
    const payload = pendingNote as Events[K]
    pendingNote = null
    queueMicrotask(() => {
      if (set.has(fn)) fn(payload)
    })
  }
  return () => set.delete(fn)
}

export const workspace = reactive({
  /** The article open in the reader, null in the library view. */
  articleId: null as string | null,
  /** The note open in the notes pane. */
  noteId: null as string | null,
  theme: 'light' as 'light' | 'dark'
})

/**
 * Shows a note in the notes pane. The pane lives beside an open article: from the library this opens
 * `articleId` first and the pane opens the note as it mounts. False when there is no article to open.
 */
export function showNote(noteId: string, articleId: string | null): boolean {
  if (listeners.openNote?.size) {
    emit('openNote', { noteId })
    return true
  }
  if (!articleId) return false
  pendingNote = { noteId }
  workspace.articleId = articleId
  return true
}

export function goToParagraph(articleId: string, paragraphId: string): void {
  workspace.articleId = articleId
  emit('reveal', { articleId, paragraphId })
}
