// The notes store: what the rest of the window asks of the notes pane — open a note, cite a passage in the open
// note, select a reference, know that an article's text changed. The pane registers itself when it mounts; a command
// given while it is not there (from the library, say) opens the article it lives beside and runs once the pane is up.
import type { CheckedRef, Note } from '@core/model'
import { api } from '@renderer/api'
import type { CitePayload } from './useWorkspace'
import { workspace } from './useWorkspace'

/** What the mounted notes pane does for the store (NotesPane registers itself). */
export interface NotesPaneHandle {
  open(noteId: string): Promise<unknown> | void
  cite(payload: CitePayload): Promise<unknown> | void
  openRef(noteId: string, ordinal: number): Promise<unknown> | void
  /** An article's text was replaced: chip numbers and reference states may differ. */
  articleChanged(articleId: string): void
}

let pane: NotesPaneHandle | null = null
/** Commands waiting for the pane (it mounts beside an article). */
let waiting: ((p: NotesPaneHandle) => void)[] = []

function withPane(run: (p: NotesPaneHandle) => void): void {
  if (pane) run(pane)
  else waiting.push(run)
}

export const notes = {
  /**
   * Shows a note in the notes pane. The pane lives beside an open article: from the library this opens `articleId`
   * first and the note as the pane mounts. False when there is no article to open it beside.
   */
  open(noteId: string, articleId: string | null = workspace.articleId): boolean {
    if (!pane) {
      if (!articleId) return false
      waiting = [(p) => void p.open(noteId)]
      workspace.articleId = articleId
      return true
    }
    void pane.open(noteId)
    return true
  },

  /** Inserts a cited passage (blockquote + reference chip) into the open note. */
  cite(payload: CitePayload): void {
    withPane((p) => void p.cite(payload))
  },

  /** Opens a note and selects its reference number `ordinal` (0-based). */
  openRef(noteId: string, ordinal: number): void {
    withPane((p) => void p.openRef(noteId, ordinal))
  },

  articleChanged(articleId: string): void {
    pane?.articleChanged(articleId)
  },

  /** The analysis note of an article (made on first use). */
  loadArticleNote(articleId: string): Promise<Note> {
    return api.getArticleNote(articleId)
  },

  loadNote(id: string): Promise<Note> {
    return api.getNote(id)
  },

  /** A new note in a project, else beside an article (or a free note when both are null). */
  create(title: string, articleId: string | null, projectId: string | null = null): Promise<Note> {
    return api.createNote(projectId ? { title, articleId: null, projectId } : { title, articleId })
  },

  /** How each reference of a note stands in the current text (ok, changed, orphan). */
  checkRefs(noteId: string): Promise<CheckedRef[]> {
    return api.checkNoteRefs(noteId)
  },

  /** The notes pane is mounted (returns the function to call when it unmounts). */
  attachPane(handle: NotesPaneHandle): () => void {
    pane = handle
    const queued = waiting
    waiting = []
    // After the pane's own first load has started (its mount opens the article's note).
    queueMicrotask(() => queued.forEach((run) => (pane === handle ? run(handle) : waiting.push(run))))
    return () => {
      if (pane === handle) pane = null
    }
  }
}

export function useNotes(): typeof notes {
  return notes
}
