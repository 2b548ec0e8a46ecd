// Shared workspace state and the events that connect the reader and the notes pane.
// Reader and notes never import each other: they meet here.
import { reactive } from 'vue'

export interface CitePayload {
  articleId: string
  /** One entry per paragraph the selection touched, in document order. */
  passages: { paragraphId: string; quote: string; label: string }[]
}

type Events = {
  /** Scroll the reader to a paragraph and flash it (after switching article if needed). */
  reveal: { articleId: string; paragraphId: string }
  /** Insert a cited passage (blockquote + reference chip) into the current note. */
  cite: CitePayload
  /** Open a note and select its reference number `ordinal`. */
  openRef: { noteId: string; ordinal: number }
  /** Notes were saved: backlink counts may have changed. */
  notesSaved: { noteId: string }
  /** Highlights changed (created, recoloured, removed). */
  highlightsChanged: { articleId: string }
}

type Listener<K extends keyof Events> = (payload: Events[K]) => void
const listeners: { [K in keyof Events]?: Set<Listener<K>> } = {}

export function emit<K extends keyof Events>(event: K, payload: Events[K]): void {
  const set = listeners[event] as Set<Listener<K>> | undefined
  set?.forEach((fn) => fn(payload))
}

/** Subscribes; returns the unsubscribe function (call it in onBeforeUnmount). */
export function on<K extends keyof Events>(event: K, fn: Listener<K>): () => void {
  const set = (listeners[event] ??= new Set() as never) as Set<Listener<K>>
  set.add(fn)
  return () => set.delete(fn)
}

export const workspace = reactive({
  /** The article open in the reader, null in the library view. */
  articleId: null as string | null,
  /** The note open in the notes pane. */
  noteId: null as string | null,
  theme: 'light' as 'light' | 'dark'
})

export function goToParagraph(articleId: string, paragraphId: string): void {
  workspace.articleId = articleId
  emit('reveal', { articleId, paragraphId })
}
