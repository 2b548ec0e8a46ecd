// What the API methods answer. Results are not checked at run time (the backend produces them); they are plain
// TypeScript types, attached to each method in methods.ts with as<T>().
import type { AchMatrix, AchScores } from '../analysis/ach'
import type { ArticleSummary, HighlightColor, Note, NoteSummary } from '../model'

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

/** What a search hit is: a paragraph of an article, a note, or a highlight's comment. */
export type SearchKind = 'paragraph' | 'note' | 'highlight'

export interface SearchHit {
  kind: SearchKind
  /** The article the hit belongs to (a note's article, or null for a note without one). */
  articleId: string | null
  articleTitle: string | null
  /** For paragraph hits, and for highlight hits: the paragraph the highlight starts in. */
  paragraphId: string | null
  /** Its 1-based number; null when that paragraph is no longer in the article (a highlight left by a re-import). */
  paragraphNumber: number | null
  /** In paged sources (PDF): the page that paragraph starts on. */
  page: string | null
  /** For note hits. */
  noteId: string | null
  noteTitle: string | null
  /** For note hits: the project the note belongs to, if any. */
  projectId: string | null
  /** For highlight hits. */
  highlightId: string | null
  highlightColor: HighlightColor | null
  /** For highlight hits: the highlighted passage (shortened to about a snippet's length). */
  quote: string | null
  /** Plain-text excerpt around the match (never HTML): of the paragraph, the note's text or the highlight's comment. */
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
  | { ok: true; note: NoteSummary }
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

/** An ACH matrix as listed (a project's matrices). */
export interface AchMatrixSummary {
  id: string
  projectId: string
  title: string
  revision: number
  hypothesisCount: number
  evidenceCount: number
  createdAt: string
  updatedAt: string
}

/** Where a piece of evidence stands in the current text of its source. */
export interface AchEvidenceSource {
  articleId: string
  /** null when the source was deleted. */
  articleTitle: string | null
  paragraphId: string | null
  /** The paragraph's current 1-based number; null when it (or its source) is gone. */
  paragraphNumber: number | null
  page: string | null
}

export interface AchMatrixRecord extends AchMatrixSummary {
  /** null when the stored matrix cannot be read (then readOnlyReason says why). */
  matrix: AchMatrix | null
  /** Set when the matrix must open read-only (written by a newer Gloss, or damaged). */
  readOnlyReason: string | null
  /** The ranking and diagnosticity (null with the matrix). */
  scores: AchScores | null
  /** Per evidence id (evidence with a source only). */
  sources: Record<string, AchEvidenceSource>
}

export type SaveAchResult =
  | { ok: true; matrix: AchMatrixRecord }
  /**
   * Someone else saved first. Nothing was overwritten: `current` is what is stored now, and the edit that could not be
   * saved was kept as a new matrix, `copy` ("… (conflicted copy …)"), for the user to compare and merge.
   */
  | { ok: false; conflict: true; current: AchMatrixRecord; copy: AchMatrixRecord }
