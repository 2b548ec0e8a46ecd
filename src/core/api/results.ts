// What the API methods answer. Results are not checked at run time (the backend produces them); they are plain
// TypeScript types, attached to each method in methods.ts with as<T>().
import type { ArticleSummary, Note, NoteSummary } from '../model'

export interface AppInfo {
  mode: 'electron' | 'web'
  version: string
  dataDir: string
}

export interface ImportResult {
  article: ArticleSummary
  /** Non-fatal problems a user should be told about (e.g. invalid UTF-8 replaced with U+FFFD). */
  warnings: string[]
}

export interface ReimportResult {
  article: ArticleSummary
  warnings: string[]
  /** How the paragraphs moved: same text, edited in place (id kept), new, and gone (kept as tombstones). */
  kept: number
  edited: number
  added: number
  removed: number
}

export interface SearchHit {
  kind: 'paragraph' | 'note'
  articleId: string | null
  articleTitle: string | null
  /** For paragraph hits. */
  paragraphId: string | null
  paragraphNumber: number | null
  /** For paragraph hits in paged sources (PDF): the page the paragraph starts on. */
  page: string | null
  /** For note hits. */
  noteId: string | null
  noteTitle: string | null
  /** Plain-text excerpt around the match (never HTML). */
  snippet: string
  /** [start, end) UTF-16 ranges of the matched terms inside `snippet`, for the UI to mark. */
  matches: [number, number][]
}

/** One option of the `[[` citation suggestion: a paragraph and the matched words in context. */
export interface ParagraphSuggestion {
  articleId: string
  articleTitle: string
  /** The title shortened for chips and lists ("Ministers agree on grain corridor"). */
  shortTitle: string
  paragraphId: string
  /** 1-based display number. */
  number: number
  /** The page the paragraph starts on (paged sources), else null. */
  page: string | null
  /** Plain-text excerpt around the first match (the paragraph's first words when the query is a number or empty). */
  snippet: string
  /** [start, end) ranges of the matched words inside `snippet`. */
  matches: [number, number][]
  /** Where it comes from: the note's own article, a source of its project, or elsewhere in the library. */
  scope: 'article' | 'project' | 'library'
}

export type SaveNoteResult =
  /**
   * Saved. For a shared note saved from an older revision, `merged` is the note as it is now (the save merged with
   * colleagues' text that arrived meanwhile); `note.revision` is then the editor's own, to save from next.
   */
  | { ok: true; note: NoteSummary; merged?: Note }
  /** Someone else saved first. Nothing was overwritten; `current` is what is stored now. */
  | { ok: false; conflict: true; current: Note }

export interface ImportAnnotationsResult {
  created: number
  skipped: number
  warnings: string[]
}

export interface SaveFileResult {
  saved: boolean
  path?: string
}

export interface CancelImportResult {
  /** False when no import with that id was running (it had finished, or never started). */
  cancelled: boolean
}
