// The one typed contract between the UI and the backend.
// Electron serves it over IPC (preload + contextBridge); web mode serves it over a loopback HTTP bridge.
// The renderer uses it through src/renderer/src/api.ts and never knows which transport is underneath.

import type {
  AnchoredHighlight,
  Article,
  ArticleSummary,
  BacklinkMap,
  CheckedRef,
  ExportFile,
  ExportOptions,
  HighlightColor,
  HighlightSegmentTarget,
  Note,
  NoteSummary,
  PMNode
} from './model'

export interface ImportRequest {
  /** File name as the user sees it (used for the title fallback and the format when not given). */
  name: string
  /** Raw bytes of the file, base64-encoded. Decoding and validation happen in the backend. */
  base64: string
  format?: 'txt' | 'md' | 'html'
}

export interface ReimportRequest extends ImportRequest {
  /** The library article this file is a newer (or corrected) version of. */
  articleId: string
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

export interface SearchRequest {
  query: string
  /** Maximum hits (default 50). */
  limit?: number
}

export interface SearchHit {
  kind: 'paragraph' | 'note'
  articleId: string | null
  articleTitle: string | null
  /** For paragraph hits. */
  paragraphId: string | null
  paragraphNumber: number | null
  /** For note hits. */
  noteId: string | null
  noteTitle: string | null
  /** Plain-text excerpt around the match (never HTML). */
  snippet: string
  /** [start, end) UTF-16 ranges of the matched terms inside `snippet`, for the UI to mark. */
  matches: [number, number][]
}

export interface PasteRequest {
  text: string
  /** Optional title; otherwise derived from the text. */
  title?: string
  format?: 'txt' | 'md' | 'html'
}

export interface ImportResult {
  article: ArticleSummary
  /** Non-fatal problems a user should be told about (e.g. invalid UTF-8 replaced with U+FFFD). */
  warnings: string[]
}

export interface CreateHighlightRequest {
  articleId: string
  color: HighlightColor
  comment?: string
  targets: HighlightSegmentTarget[]
}

export interface UpdateHighlightRequest {
  id: string
  color?: HighlightColor
  comment?: string
}

export interface SaveNoteRequest {
  id: string
  doc: PMNode
  /** The revision the editor started from. A mismatch means someone else saved in between. */
  baseRevision: number
}

export type SaveNoteResult =
  | { ok: true; note: NoteSummary }
  /** Someone else saved first. Nothing was overwritten; `current` is what is stored now. */
  | { ok: false; conflict: true; current: Note }

export interface AppInfo {
  mode: 'electron' | 'web'
  version: string
  dataDir: string
}

export interface ExportRequest extends ExportOptions {
  articleId: string
}

export interface GlossApi {
  appInfo(): Promise<AppInfo>

  // Library
  listArticles(): Promise<ArticleSummary[]>
  getArticle(id: string): Promise<Article>
  importFile(req: ImportRequest): Promise<ImportResult>
  importText(req: PasteRequest): Promise<ImportResult>
  deleteArticle(id: string): Promise<void>
  /** Undoes a delete: the article comes back with the highlights and analysis note that were deleted with it. */
  restoreArticle(id: string): Promise<ArticleSummary>
  /**
   * Replaces an article's text with a newer version of the file. Paragraph ids carry over where the text is the same
   * or lightly edited; highlights and references re-anchor (or show as changed/orphaned) — nothing is dropped.
   */
  reimportArticle(req: ReimportRequest): Promise<ReimportResult>
  /** Full-text search (FTS5) over every article's paragraphs and every note. */
  search(req: SearchRequest): Promise<SearchHit[]>

  // Highlights
  listHighlights(articleId: string): Promise<AnchoredHighlight[]>
  createHighlight(req: CreateHighlightRequest): Promise<AnchoredHighlight>
  updateHighlight(req: UpdateHighlightRequest): Promise<AnchoredHighlight>
  /** Deletes (tombstones) a highlight. */
  deleteHighlight(id: string): Promise<void>
  /** Undoes a delete: clears the tombstone. */
  restoreHighlight(id: string): Promise<AnchoredHighlight>

  // Notes
  listNotes(): Promise<NoteSummary[]>
  /** The analysis note of an article; created (empty) on first request. */
  getArticleNote(articleId: string): Promise<Note>
  getNote(id: string): Promise<Note>
  createNote(req: { title: string; articleId: string | null }): Promise<Note>
  renameNote(req: { id: string; title: string }): Promise<NoteSummary>
  saveNote(req: SaveNoteRequest): Promise<SaveNoteResult>
  deleteNote(id: string): Promise<void>
  /** References of a note, checked against current article text (ok / changed / orphan). */
  checkNoteRefs(noteId: string): Promise<CheckedRef[]>
  /** For every paragraph of the article that is cited: the citing references. */
  getBacklinks(articleId: string): Promise<BacklinkMap>

  /** Restores highlights from a W3C Web Annotation JSON export made for the same article. */
  importAnnotations(req: { articleId: string; json: string }): Promise<{ created: number; skipped: number; warnings: string[] }>

  // Export
  exportReport(req: ExportRequest): Promise<ExportFile>
  /**
   * Hands a produced file to the user: a native save dialog in Electron, a download in web mode.
   * Resolves { saved: false } when the user cancels.
   */
  saveFile(file: ExportFile): Promise<{ saved: boolean; path?: string }>
}

export type ApiMethod = keyof GlossApi

/** Every method the backend serves (saveFile is served by the shell: Electron main or the browser transport). */
export const API_METHODS = [
  'appInfo',
  'listArticles',
  'getArticle',
  'importFile',
  'importText',
  'deleteArticle',
  'restoreArticle',
  'reimportArticle',
  'search',
  'listHighlights',
  'createHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'listNotes',
  'getArticleNote',
  'getNote',
  'createNote',
  'renameNote',
  'saveNote',
  'deleteNote',
  'checkNoteRefs',
  'getBacklinks',
  'importAnnotations',
  'exportReport',
  'saveFile'
] as const satisfies readonly ApiMethod[]

// The error type and its codes belong to the core (core/errors.ts); callers of the contract may import them from here.
export { GlossError } from './errors'
export type { ErrorCode as ApiErrorCode } from './errors'
import type { ErrorCode as ApiErrorCode } from './errors'

/** Serialised form of an error on the wire (IPC and HTTP). */
export interface WireError {
  code: ApiErrorCode
  message: string
}
