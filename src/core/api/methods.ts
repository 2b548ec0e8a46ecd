// The API contract, written once: one entry per method, with a valibot schema per argument and the type of its
// result. Everything else follows from METHODS:
//   - GlossApi (the typed interface the renderer calls and the backend implements; argument types are the schemas'
//     outputs, i.e. the clean copies the backend receives),
//   - validateArgs (validate.ts), which dispatch runs on every call from either transport,
//   - API_METHODS and BACKEND_METHODS (which methods exist and who serves them), used by the preload and dispatch.
// Adding a method: one entry here, plus its implementation in src/main/services/index.ts.
import * as v from 'valibot'
import { formatBytes } from '../import/decode'
import {
  MAX_ANALYST_NAME,
  MAX_ARTICLE_TITLE,
  MAX_AUTHOR_NAME,
  MAX_AUTHORS,
  MAX_COMMENT,
  MAX_DATE_TEXT,
  MAX_EXPORT_BASE64,
  MAX_EXPORT_FILE_NAME,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_NAME,
  MAX_MIME_TYPE,
  MAX_NOTE_TITLE,
  MAX_PASSWORD,
  MAX_PUBLISHER,
  MAX_QUERY,
  MAX_PROJECT_SOURCES,
  MAX_PROJECT_TITLE,
  MAX_QUOTE,
  MAX_TAG_NAME,
  MAX_SEARCH_HITS,
  MAX_TARGETS,
  MAX_URL,
  QUOTE_CONTEXT_CHARS
} from '../limits'
import {
  HIGHLIGHT_COLORS,
  type AnchoredHighlight,
  type Article,
  type ArticleSummary,
  type CitationStyle,
  type BacklinkMap,
  type CheckedRef,
  type ExportFile,
  type ExportFormat,
  type ExportOptions,
  type HighlightSegmentTarget,
  type Note,
  type NoteSummary,
  type PMNode,
  type ProjectSummary,
  type ResolvedSegment,
  type TagGroup,
  type TagSummary,
  SOURCE_FORMATS,
  type SourceFormat
} from '../model'
import type { ImportProgress } from '../import/progress'
import { assertNoteDoc } from '../notes/doc'
import { isGlossError } from '../errors'
import { arg, base64, id, int, isPlainObject, list, obj, oneOf, text, word } from './fields'
import {
  ACH_RATINGS,
  ACH_WEIGHTS,
  MAX_ACH_LABEL,
  MAX_ACH_TITLE,
  MAX_EVIDENCE,
  MAX_HYPOTHESES
} from '../analysis/ach'
import type { Entity, NoteQuoteCheck, QuoteAnalysis } from '../analysis/types'
import type {
  AchMatrixRecord,
  AchMatrixSummary,
  AppInfo,
  CancelImportResult,
  ImportAnnotationsResult,
  ImportResult,
  ReimportResult,
  SaveFileResult,
  SaveNoteResult,
  ParagraphSuggestion,
  SaveAchResult,
  SearchHit,
  SearchKind
} from './results'

// ------------------------------------------------------------------------------------------- method entries

/** A result type carried by a method entry (types only: results are not checked at run time). */
export interface Result<T> {
  readonly __result?: T
}
/** The result type of a method: `result: as<Article>()`. */
export const as = /* @__NO_SIDE_EFFECTS__ */ <T>(): Result<T> => ({})

/** Who answers a method: the backend (through dispatch), or the shell (Electron main, or the browser in web mode). */
export type ServedBy = 'backend' | 'shell'

export interface MethodSpec<A extends readonly v.GenericSchema[], R, S extends ServedBy> {
  /** One schema per argument, in order; each carries its label for messages (see arg()). */
  readonly args: A
  readonly result: Result<R>
  readonly servedBy: S
}

/* @__NO_SIDE_EFFECTS__ */
function method<const A extends readonly v.GenericSchema[] = readonly [], R = void, const S extends ServedBy = 'backend'>(spec: {
  args?: A
  result: Result<R>
  servedBy?: S
}): MethodSpec<A, R, S> {
  return { args: spec.args ?? ([] as unknown as A), result: spec.result, servedBy: spec.servedBy ?? ('backend' as S) }
}

// --------------------------------------------------------------------------------------------------- shapes

/** Formats pasted text may be read as. */
const TEXT_FORMATS = ['txt', 'md', 'html'] as const satisfies readonly SourceFormat[]
const EXPORT_FORMATS = ['pdf', 'md', 'html', 'json'] as const satisfies readonly ExportFormat[]
const PAGE_SIZES = ['A4', 'Letter'] as const satisfies readonly ExportOptions['pageSize'][]
const SCOPES = ['full', 'annotated'] as const satisfies readonly ExportOptions['scope'][]

const articleId = arg('article id', id())
const noteId = arg('note id', id())
const highlightId = arg('highlight id', id())

const fileTooLarge = (bytes: number): string =>
  `This file is too large to import: it is ${formatBytes(bytes)} and the limit is ${formatBytes(MAX_IMPORT_BYTES)}.`

/**
 * An id the caller picks for a long import, to follow it with importProgress and stop it with cancelImport (the
 * renderer polls while it waits for the import's answer).
 */
const jobId = v.optional(id())

const fileEntries = {
  /** File name as the user sees it (used for the title fallback and the format when not given). */
  name: text({ min: 1, max: MAX_IMPORT_NAME, trim: true }),
  /** Raw bytes of the file, base64-encoded. Decoding and validation happen in the backend. */
  base64: base64({ maxBytes: MAX_IMPORT_BYTES, tooLarge: fileTooLarge }),
  format: v.optional(oneOf(SOURCE_FORMATS)),
  /** For a password-protected PDF (asked for after a 'password_required' answer). */
  password: v.optional(text({ min: 1, max: MAX_PASSWORD }))
}

/** Import into this project as well as the library (imports made while a project is open). */
const projectId = v.optional(id())

export const ImportRequest = obj({ ...fileEntries, jobId, projectId })
export type ImportRequest = v.InferOutput<typeof ImportRequest>

/** A web address (http or https; a bare "example.com/page" is read as https). */
const webAddress = text({ min: 1, max: MAX_URL, trim: true })

export const ImportUrlRequest = obj({ url: webAddress, jobId, projectId })
export type ImportUrlRequest = v.InferOutput<typeof ImportUrlRequest>

/**
 * A newer version of an article: a file (name + base64), or a web address (`url`, or neither to fetch the address
 * the article came from again).
 */
export const ReimportRequest = v.pipe(
  obj({
    /** The library article this is a newer (or corrected) version of. */
    articleId: id(),
    name: v.optional(fileEntries.name),
    base64: v.optional(fileEntries.base64),
    format: fileEntries.format,
    password: fileEntries.password,
    url: v.optional(webAddress),
    jobId
  }),
  v.forward(
    v.check((r) => r.base64 === undefined || r.name !== undefined, 'must be given with the file'),
    ['name']
  ),
  v.forward(
    v.check((r) => r.base64 === undefined || r.url === undefined, 'cannot be given with a file (choose one)'),
    ['url']
  )
)
export type ReimportRequest = v.InferOutput<typeof ReimportRequest>

export const PasteRequest = obj({
  text: text({ max: MAX_IMPORT_BYTES }),
  /** Optional title; otherwise derived from the text. */
  title: v.optional(text({ max: MAX_ARTICLE_TITLE })),
  format: v.optional(oneOf(TEXT_FORMATS)),
  jobId,
  projectId
})
export type PasteRequest = v.InferOutput<typeof PasteRequest>

/** "Edit details…": the corrected bibliographic details (the core checks dates and addresses: import/details.ts). */
export const UpdateDetailsRequest = obj({
  id: id(),
  title: text({ min: 1, max: MAX_ARTICLE_TITLE, trim: true }),
  authors: list(text({ max: MAX_AUTHOR_NAME }), { max: MAX_AUTHORS }),
  publisher: v.nullish(text({ max: MAX_PUBLISHER }), null),
  publishedAt: v.nullish(text({ max: MAX_DATE_TEXT }), null),
  url: v.nullish(text({ max: MAX_URL }), null)
})
export type UpdateDetailsRequest = v.InferOutput<typeof UpdateDetailsRequest>

/** The kinds of search hit, in the order a search lists equally good hits. */
export const SEARCH_KINDS = ['paragraph', 'note', 'highlight'] as const satisfies readonly SearchKind[]

/**
 * A search: every word of `query` must match (the last one as a prefix). Filters narrow it: `kinds` (which kinds of
 * hit), `articleId` (one article). A later scope (e.g. `projectId`) is one more optional field beside `articleId`;
 * the filters combine (all must hold).
 */
export const SearchRequest = obj({
  query: text({ min: 1, max: MAX_QUERY, trim: true }),
  /** Maximum hits (default 50). */
  limit: v.optional(int(1, MAX_SEARCH_HITS)),
  /** Only these kinds of hit (default: every kind). */
  kinds: v.optional(list(oneOf(SEARCH_KINDS), { min: 1, max: SEARCH_KINDS.length * 2, empty: 'must name at least one kind of hit' })),
  /** Only this article: its paragraphs, its highlights, and the notes that belong to it or cite it. */
  articleId: v.optional(id())
})
export type SearchRequest = v.InferOutput<typeof SearchRequest>

/**
 * The `[[` suggestion: paragraphs matching `query` (every word, the last as a prefix; "12" or "¶12" is paragraph 12
 * of `articleId`), from `articleId` first, then the sources of `projectId`, then the rest of the library.
 * An empty query lists the first paragraphs of `articleId`.
 */
export const SuggestParagraphsRequest = obj({
  query: text({ max: MAX_QUERY, trim: true }),
  articleId: v.nullish(id(), null),
  projectId: v.nullish(id(), null),
  /** Maximum options (default 20). */
  limit: v.optional(int(1, MAX_SEARCH_HITS))
})
export type SuggestParagraphsRequest = v.InferOutput<typeof SuggestParagraphsRequest>

/**
 * The shape of one paragraph's share of a highlight. Whether it matches the stored text is checked by the highlight
 * service with core/anchoring/targets.ts checkTargets (describeRange builds targets that pass both).
 */
export const SegmentTarget = obj({
  paragraphId: id(),
  quote: obj({
    type: word('TextQuoteSelector'),
    exact: text({ min: 1, max: MAX_QUOTE, trim: true }),
    prefix: v.nullish(text({ max: QUOTE_CONTEXT_CHARS }), ''),
    suffix: v.nullish(text({ max: QUOTE_CONTEXT_CHARS }), '')
  }),
  position: v.pipe(
    obj({ type: word('TextPositionSelector'), start: int(), end: int() }),
    v.forward(
      v.check((p) => p.start <= p.end, 'must not be after its end'),
      ['start']
    )
  )
}) satisfies v.GenericSchema<Record<string, unknown>, HighlightSegmentTarget>

const color = oneOf(HIGHLIGHT_COLORS)
const comment = text({ max: MAX_COMMENT })

export const CreateHighlightRequest = obj({
  articleId: id(),
  color,
  /** Default '' (the service fills it in, so direct callers such as the CLI may leave it out too). */
  comment: v.optional(comment),
  targets: list(SegmentTarget, { min: 1, max: MAX_TARGETS, empty: 'must not be empty (select some text first)' })
})
export type CreateHighlightRequest = v.InferOutput<typeof CreateHighlightRequest>

export const UpdateHighlightRequest = obj({
  id: id(),
  color: v.optional(color),
  comment: v.optional(comment)
})
export type UpdateHighlightRequest = v.InferOutput<typeof UpdateHighlightRequest>

/** One segment of a place in the current text: [start, end) of a paragraph's text (as in AnchoredHighlight). */
const PlacedSegment = obj({
  paragraphId: id(),
  start: int(),
  end: int()
}) satisfies v.GenericSchema<Record<string, unknown>, ResolvedSegment>

export const AcceptSuggestedPlaceRequest = obj({
  id: id(),
  /**
   * The suggestion as the user saw it (AnchoredHighlight.suggestion). It must still be the highlight's suggestion in
   * the current text; if the article changed meanwhile, the call fails with 'conflict' and nothing is stored.
   */
  suggestion: list(PlacedSegment, { min: 1, max: MAX_TARGETS, empty: 'must not be empty' })
})
export type AcceptSuggestedPlaceRequest = v.InferOutput<typeof AcceptSuggestedPlaceRequest>

export const CreateNoteRequest = v.pipe(
  obj({
    title: text({ max: MAX_NOTE_TITLE }),
    /** The article this note is written beside, or null for a free note. */
    articleId: v.nullish(id(), null),
    /** The project this note belongs to (absent or null: none). */
    projectId: v.optional(v.nullable(id()))
  }),
  v.forward(
    v.check((r) => !(r.articleId && r.projectId), 'cannot be given with articleId (a note belongs to an article or to a project)'),
    ['projectId']
  )
)
export type CreateNoteRequest = v.InferOutput<typeof CreateNoteRequest>

export const RenameNoteRequest = obj({
  id: id(),
  title: text({ min: 1, max: MAX_NOTE_TITLE, trim: true })
})
export type RenameNoteRequest = v.InferOutput<typeof RenameNoteRequest>

/** A note document: an object, then the deep ProseMirror shape check of core/notes/doc.ts (its own messages). */
const NoteDoc = v.pipe(
  v.custom<PMNode>(isPlainObject, 'must be an object'),
  v.rawCheck(({ dataset, addIssue }) => {
    try {
      assertNoteDoc(dataset.value)
    } catch (error) {
      if (!isGlossError(error)) throw error
      addIssue({ message: error.message })
    }
  })
)

export const SaveNoteRequest = obj({
  id: id(),
  /** The revision the editor started from. A mismatch means someone else saved in between. */
  baseRevision: int(),
  doc: NoteDoc
})
export type SaveNoteRequest = v.InferOutput<typeof SaveNoteRequest>

export const ImportAnnotationsRequest = obj({
  articleId: id(),
  json: text({ min: 1, max: MAX_IMPORT_BYTES, trim: true })
})
export type ImportAnnotationsRequest = v.InferOutput<typeof ImportAnnotationsRequest>

export const CITATION_STYLES = ['apa', 'chicago-author-date', 'harvard'] as const satisfies readonly CitationStyle[]

/** What a report covers: one article (with the notes about it), one note, or a whole project. Exactly one is given. */
export const ExportRequest = v.pipe(
  obj({
    articleId: v.optional(v.nullable(id())),
    noteId: v.optional(v.nullable(id())),
    projectId: v.optional(v.nullable(id())),
    format: oneOf(EXPORT_FORMATS),
    pageSize: oneOf(PAGE_SIZES),
    scope: oneOf(SCOPES),
    analyst: v.nullish(text({ max: MAX_ANALYST_NAME }), ''),
    /** The bibliography's style (default APA). */
    style: v.nullish(oneOf(CITATION_STYLES), 'apa')
  }),
  v.check(
    (r) => [r.articleId, r.noteId, r.projectId].filter(Boolean).length === 1,
    'needs exactly one of articleId, noteId or projectId (what the report covers)'
  )
) satisfies v.GenericSchema<Record<string, unknown>, ExportOptions & { articleId?: string | null }>
export type ExportRequest = v.InferOutput<typeof ExportRequest>

const PLAIN_FILE_NAME = (name: string): boolean => !/[\\/\u0000]/.test(name) && name.trim() !== '.' && name.trim() !== '..'

export const SaveFileRequest = obj({
  filename: v.pipe(
    text({ min: 1, max: MAX_EXPORT_FILE_NAME, trim: true }),
    v.check(PLAIN_FILE_NAME, 'must be a plain file name, without folders')
  ),
  mimeType: v.pipe(text({ min: 1, max: MAX_MIME_TYPE, trim: true }), v.regex(/^[\w.+-]+\/[\w.+-]+(?:\s*;.*)?$/, 'must look like "type/subtype"')),
  base64: base64({ maxChars: MAX_EXPORT_BASE64 }),
  byteLength: int()
}) satisfies v.GenericSchema<Record<string, unknown>, ExportFile>
export type SaveFileRequest = v.InferOutput<typeof SaveFileRequest>

export const ProjectTitleRequest = obj({ title: text({ min: 1, max: MAX_PROJECT_TITLE, trim: true }) })
export const RenameProjectRequest = obj({ id: id(), title: text({ min: 1, max: MAX_PROJECT_TITLE, trim: true }) })
export const ProjectSourcesRequest = obj({ projectId: id(), articleIds: list(id(), { min: 1, max: MAX_PROJECT_SOURCES }) })
export const ProjectSourceRequest = obj({ projectId: id(), articleId: id() })

const tagName = text({ min: 1, max: MAX_TAG_NAME, trim: true })
/** Tags a highlight or a source (on: true) or takes the tag off (on: false). */
export const SetTagRequest = obj({ kind: oneOf(['highlight', 'article'] as const), targetId: id(), tag: tagName, on: v.boolean('must be true or false') })
export const ProjectScopeRequest = obj({ projectId: v.optional(id()) })
export const RenameTagRequest = obj({ id: id(), name: tagName })
export const MergeTagsRequest = obj({ fromId: id(), intoId: id() })

/** An id the matrix editor gives a hypothesis or a piece of evidence (unique within the matrix). */
const achItemId = text({ min: 1, max: 64, trim: true })

/** Where a piece of evidence comes from: a paragraph (cited) or a highlight, in one of the project's sources. */
const AchSourceSchema = v.pipe(
  obj({
    kind: oneOf(['paragraph', 'highlight'] as const),
    articleId: id(),
    paragraphId: v.nullish(id(), null),
    highlightId: v.optional(v.nullable(id())),
    /** The passage as the user picked it (shown in the matrix and the report). */
    quote: v.optional(text({ max: MAX_ACH_LABEL }))
  }),
  v.forward(
    v.check((s) => s.kind !== 'paragraph' || s.paragraphId !== null, 'must be given for a paragraph'),
    ['paragraphId']
  ),
  v.forward(
    v.check((s) => s.kind !== 'highlight' || !!s.highlightId, 'must be given for a highlight'),
    ['highlightId']
  )
)

export const AchMatrixSchema = obj({
  title: text({ min: 1, max: MAX_ACH_TITLE, trim: true }),
  hypotheses: list(obj({ id: achItemId, label: text({ max: MAX_ACH_LABEL }) }), { max: MAX_HYPOTHESES }),
  evidence: list(
    obj({
      id: achItemId,
      label: text({ max: MAX_ACH_LABEL }),
      source: v.nullish(AchSourceSchema, null),
      credibility: oneOf(ACH_WEIGHTS),
      relevance: oneOf(ACH_WEIGHTS),
      /** Hypothesis id → rating (a hypothesis left out is not rated). */
      ratings: v.pipe(v.custom<Record<string, unknown>>(isPlainObject, 'must be an object'), v.record(achItemId, oneOf(ACH_RATINGS)))
    }),
    { max: MAX_EVIDENCE }
  )
})
export type AchMatrixInput = v.InferOutput<typeof AchMatrixSchema>

export const CreateAchRequest = obj({
  projectId: id(),
  title: text({ min: 1, max: MAX_ACH_TITLE, trim: true }),
  /** A matrix to start from (e.g. a copy); absent: an empty one. */
  matrix: v.optional(AchMatrixSchema)
})
export type CreateAchRequest = v.InferOutput<typeof CreateAchRequest>

export const SaveAchRequest = obj({
  id: id(),
  /** The revision the editor started from. A mismatch means someone else saved in between. */
  baseRevision: int(),
  matrix: AchMatrixSchema
})
export type SaveAchRequest = v.InferOutput<typeof SaveAchRequest>

// -------------------------------------------------------------------------------------------------- methods

export const METHODS = {
  appInfo: method({ result: as<AppInfo>() }),

  // Library
  listArticles: method({ result: as<ArticleSummary[]>() }),
  getArticle: method({ args: [articleId], result: as<Article>() }),
  importFile: method({ args: [arg('the import request', ImportRequest)], result: as<ImportResult>() }),
  importText: method({ args: [arg('the paste request', PasteRequest)], result: as<ImportResult>() }),
  /** Fetches a web page (only when the user asks) and imports it; nothing is written when the fetch fails. */
  importUrl: method({ args: [arg('the web address import', ImportUrlRequest)], result: as<ImportResult>() }),
  /** Where an import started with a jobId stands (null when there is no such import). */
  importProgress: method({ args: [arg('import job id', id())], result: as<ImportProgress | null>() }),
  /** Asks a running import to stop; it then fails with 'cancelled' and writes nothing. */
  cancelImport: method({ args: [arg('import job id', id())], result: as<CancelImportResult>() }),
  /** "Edit details…": corrects title, authors, publisher, date and address (kept by later re-imports). */
  updateArticleDetails: method({ args: [arg('the details', UpdateDetailsRequest)], result: as<ArticleSummary>() }),
  deleteArticle: method({ args: [articleId], result: as<void>() }),
  /** Undoes a delete: the article comes back with the highlights and analysis note that were deleted with it. */
  restoreArticle: method({ args: [articleId], result: as<ArticleSummary>() }),
  /**
   * Replaces an article's text with a newer version of the file. Paragraph ids carry over where the text is the same
   * or lightly edited; highlights and references re-anchor (or show as changed/orphaned) — nothing is dropped.
   */
  reimportArticle: method({ args: [arg('the re-import request', ReimportRequest)], result: as<ReimportResult>() }),
  /** Full-text search (FTS5) over every article's paragraphs, every note and every highlight's comment. */
  search: method({ args: [arg('the search request', SearchRequest)], result: as<SearchHit[]>() }),
  /** Options for the `[[` citation suggestion in a note (see SuggestParagraphsRequest). */
  suggestParagraphs: method({ args: [arg('the suggestion request', SuggestParagraphsRequest)], result: as<ParagraphSuggestion[]>() }),

  // Projects
  listProjects: method({ result: as<ProjectSummary[]>() }),
  createProject: method({ args: [arg('the new project', ProjectTitleRequest)], result: as<ProjectSummary>() }),
  renameProject: method({ args: [arg('the rename request', RenameProjectRequest)], result: as<ProjectSummary>() }),
  /** Deletes (tombstones) a project and its notes; its sources stay in the library. */
  deleteProject: method({ args: [arg('project id', id())], result: as<void>() }),
  /** Undoes a delete: the project comes back with the notes deleted with it. */
  restoreProject: method({ args: [arg('project id', id())], result: as<ProjectSummary>() }),
  addToProject: method({ args: [arg('the sources to add', ProjectSourcesRequest)], result: as<ProjectSummary>() }),
  removeFromProject: method({ args: [arg('the source to remove', ProjectSourceRequest)], result: as<ProjectSummary>() }),

  // Tags
  /** Tags with their counts: all of the library's, or those used in a project (counted there). */
  listTags: method({ args: [arg('the tag scope', ProjectScopeRequest)], result: as<TagSummary[]>() }),
  /** Puts a tag on a highlight or a source, or takes it off; answers the target's tags. */
  setTag: method({ args: [arg('the tag change', SetTagRequest)], result: as<{ tags: string[] }>() }),
  renameTag: method({ args: [arg('the rename request', RenameTagRequest)], result: as<TagSummary>() }),
  mergeTags: method({ args: [arg('the merge request', MergeTagsRequest)], result: as<TagSummary>() }),
  deleteTag: method({ args: [arg('tag id', id())], result: as<void>() }),
  restoreTag: method({ args: [arg('tag id', id())], result: as<TagSummary>() }),
  /** Every tagged passage of a project's sources (or the library), grouped by tag. */
  highlightsByTag: method({ args: [arg('the tag scope', ProjectScopeRequest)], result: as<TagGroup[]>() }),

  // Highlights
  listHighlights: method({ args: [articleId], result: as<AnchoredHighlight[]>() }),
  createHighlight: method({ args: [arg('the highlight', CreateHighlightRequest)], result: as<AnchoredHighlight>() }),
  updateHighlight: method({ args: [arg('the update', UpdateHighlightRequest)], result: as<AnchoredHighlight>() }),
  /** Deletes (tombstones) a highlight. */
  deleteHighlight: method({ args: [highlightId], result: as<void>() }),
  /** Undoes a delete: clears the tombstone. */
  restoreHighlight: method({ args: [highlightId], result: as<AnchoredHighlight>() }),
  /**
   * Moves a 'partial', 'review' or 'orphan' highlight to its suggested place: its stored targets are rewritten to
   * the suggestion (quote, context and position from the current text), so it is 'anchored' there from now on.
   */
  acceptSuggestedPlace: method({ args: [arg('the suggested place', AcceptSuggestedPlaceRequest)], result: as<AnchoredHighlight>() }),

  // Notes
  listNotes: method({ result: as<NoteSummary[]>() }),
  /** The analysis note of an article; created (empty) on first request. */
  getArticleNote: method({ args: [articleId], result: as<Note>() }),
  getNote: method({ args: [noteId], result: as<Note>() }),
  createNote: method({ args: [arg('the new note', CreateNoteRequest)], result: as<Note>() }),
  renameNote: method({ args: [arg('the rename request', RenameNoteRequest)], result: as<NoteSummary>() }),
  saveNote: method({ args: [arg('the save request', SaveNoteRequest)], result: as<SaveNoteResult>() }),
  deleteNote: method({ args: [noteId], result: as<void>() }),
  /** Undoes deleteNote (a note deleted with its article or project comes back with it instead). */
  restoreNote: method({ args: [noteId], result: as<NoteSummary>() }),
  /** References of a note, checked against current article text (ok / changed / orphan). */
  checkNoteRefs: method({ args: [noteId], result: as<CheckedRef[]>() }),
  /** For every paragraph of the article that is cited: the citing references. */
  getBacklinks: method({ args: [articleId], result: as<BacklinkMap>() }),

  // Analysis
  /** Who said what in an article: its quotations with their speakers, reported speech, scare quotes, counts per speaker. */
  listQuotes: method({ args: [articleId], result: as<QuoteAnalysis>() }),
  /** People, organisations and places an article mentions, with their mentions. */
  listEntities: method({ args: [articleId], result: as<Entity[]>() }),
  /** Every quotation of a note that stands beside a chip, checked against the cited paragraph's current text. */
  checkNoteQuotes: method({ args: [noteId], result: as<NoteQuoteCheck[]>() }),

  // Competing hypotheses (ACH)
  listAchMatrices: method({ args: [arg('project id', id())], result: as<AchMatrixSummary[]>() }),
  getAchMatrix: method({ args: [arg('matrix id', id())], result: as<AchMatrixRecord>() }),
  createAchMatrix: method({ args: [arg('the new matrix', CreateAchRequest)], result: as<AchMatrixRecord>() }),
  /** Saves a matrix if nobody saved since baseRevision; otherwise keeps the edit as a conflicted copy. */
  saveAchMatrix: method({ args: [arg('the save request', SaveAchRequest)], result: as<SaveAchResult>() }),
  deleteAchMatrix: method({ args: [arg('matrix id', id())], result: as<void>() }),
  restoreAchMatrix: method({ args: [arg('matrix id', id())], result: as<AchMatrixSummary>() }),

  /** Restores highlights from a W3C Web Annotation JSON export made for the same article. */
  importAnnotations: method({ args: [arg('the annotations import', ImportAnnotationsRequest)], result: as<ImportAnnotationsResult>() }),

  // Export
  exportReport: method({ args: [arg('the export request', ExportRequest)], result: as<ExportFile>() }),
  /**
   * Hands a produced file to the user: a native save dialog in Electron, a download in web mode.
   * Resolves { saved: false } when the user cancels.
   */
  saveFile: method({ args: [arg('the file', SaveFileRequest)], result: as<SaveFileResult>(), servedBy: 'shell' })
}

// ------------------------------------------------------------------------------------------ derived types

type Methods = typeof METHODS
export type ApiMethod = keyof Methods

type OutputsOf<A extends readonly v.GenericSchema[]> = { -readonly [I in keyof A]: v.InferOutput<A[I]> }
type ResultOf<S> = S extends MethodSpec<readonly v.GenericSchema[], infer R, ServedBy> ? R : never

/** The clean arguments of a method, as validateArgs returns them and the backend receives them. */
export type ApiArgs<M extends ApiMethod> = OutputsOf<Methods[M]['args']>
export type ApiResult<M extends ApiMethod> = ResultOf<Methods[M]>

/** The one typed contract between the UI and the backend (every method answers a promise). */
export type GlossApi = { [M in keyof Methods]: (...args: ApiArgs<M>) => Promise<ApiResult<M>> }

/** Methods the shell serves itself (not dispatch): saveFile. */
export type ShellMethod = { [M in ApiMethod]: Methods[M]['servedBy'] extends 'shell' ? M : never }[ApiMethod]
export type BackendMethod = Exclude<ApiMethod, ShellMethod>

/** Every method of the contract. */
export const API_METHODS: readonly ApiMethod[] = /* @__PURE__ */ Object.keys(METHODS) as ApiMethod[]
/** Methods the backend serves through dispatch (both transports). */
export const BACKEND_METHODS = /* @__PURE__ */ API_METHODS.filter((m): m is BackendMethod => METHODS[m].servedBy === 'backend')

/** Whether `name` is a method of the contract (own names only: never "constructor", "__proto__", …). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHODS, name)
}
