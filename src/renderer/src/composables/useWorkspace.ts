// Shared workspace state: which article and note are open, and the theme. The reader and the notes pane talk through
// their stores' commands (useReader's `reader`, useNotes' `notes`), not through events.
import { reactive } from 'vue'
import type { PMNode } from '@core/model'
import { notes } from './useNotes'
import { reader } from './useReader'

export interface CitePayload {
  articleId: string
  /** One entry per paragraph the selection touched, in document order. */
  passages: { paragraphId: string; quote: string; label: string }[]
  /** The note content to insert instead of the blockquote and chips (a quotation cited from "Who said what"). */
  content?: PMNode[]
}

export const workspace = reactive({
  /** The article open in the reader, null in the library view. */
  articleId: null as string | null,
  /** The note open in the notes pane. */
  noteId: null as string | null,
  theme: 'light' as 'light' | 'dark'
})

// ---- compatible entry points (older callers): the stores' commands ----------------------------------------------

/** `notes.open`: shows a note, opening `articleId` first from the library. False when there is no article for it. */
export function showNote(noteId: string, articleId: string | null): boolean {
  return notes.open(noteId, articleId)
}

/** `reader.reveal` for a paragraph. */
export function goToParagraph(articleId: string, paragraphId: string): void {
  reader.reveal({ articleId, paragraphId })
}
