// Domain model shared by every layer. Plain data only: no electron, vue or DOM here.

/** ISO-8601 timestamp string (UTC), e.g. "2026-11-28T23:40:00.000Z". */
export type Timestamp = string

/**
 * Kinds of block a paragraph can be. Headings, list items and quotes keep their role in the reader and report;
 * 'pre' is a code block (its text keeps its line breaks and spacing); 'tr' is one row of a table (cells separated by
 * TAB characters in the text); 'figure' is an image shown by its alt text (images are never downloaded);
 * 'figcaption' is a figure's or table's caption.
 */
export type ParagraphKind =
  | 'p'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'li'
  | 'blockquote'
  | 'pre'
  | 'tr'
  | 'figure'
  | 'figcaption'
  | 'footnote'

export const PARAGRAPH_KINDS: readonly ParagraphKind[] = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'tr', 'figure', 'figcaption', 'footnote'
]

/** The separator between the cells of a table row ('tr') in its text. */
export const CELL_SEPARATOR = '\t'

export const INLINE_MARK_TYPES = ['em', 'strong', 'code', 'link', 'sub', 'sup', 'del'] as const
export type InlineMarkType = (typeof INLINE_MARK_TYPES)[number]

/** Inline formatting kept from the source: a range [start, end) of the paragraph text (UTF-16 offsets). */
export interface InlineMark {
  type: InlineMarkType
  start: number
  end: number
  /** For links: the http(s) or mailto address. */
  href?: string
}

export interface Paragraph {
  /** Stable id, unique within its article ("p-" + content hash, disambiguated for repeated text). */
  id: string
  /** 0-based position in the article. Display number is index + 1. */
  index: number
  kind: ParagraphKind
  /** Plain text of the paragraph (NFC, no trailing/leading whitespace, internal newlines collapsed). */
  text: string
  /** For list items: 'ul' or 'ol' (to regroup consecutive items). */
  list?: 'ul' | 'ol'
  /** Inline formatting (emphasis, links, code…), in text order. Absent when the paragraph has none. */
  marks?: InlineMark[]
  /** For table rows: true for a header row. */
  header?: boolean
  /** For table rows: which table of the article the row belongs to (consecutive rows of one table share it). */
  group?: number
  /** Paged sources (PDF): the page the paragraph starts on, by its printed label ("12", "iv"). */
  page?: string
}

export const SOURCE_FORMATS = ['txt', 'md', 'html', 'pdf', 'epub', 'docx'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

/** How the library names each format. */
export const FORMAT_LABELS: Record<SourceFormat, string> = {
  txt: 'Text',
  md: 'Markdown',
  html: 'Web page',
  pdf: 'PDF',
  epub: 'EPUB',
  docx: 'Word'
}

/**
 * The bibliographic details of a source, as found on import and corrected by the user ("Edit details…"):
 * what the library, the reader header, every report and the bibliography show.
 */
export interface SourceDetails {
  title: string
  /** Authors in byline order, each as written ("Jane Doe"). */
  authors: string[]
  /** The site or publisher ("Reuters", "The Atlantic"). */
  publisher: string | null
  /** Publication date: ISO (YYYY-MM-DD or a full timestamp) when it could be read, else as found. */
  publishedAt: string | null
  /** The source's web address (canonical, else the address it was fetched from): http or https only. */
  url: string | null
}

export interface ArticleMeta extends SourceDetails {
  id: string
  /** When the web address was fetched ("accessed" in citations); null for files. */
  accessedAt: Timestamp | null
  /** The imported file's name, or null (paste, web address). */
  fileName: string | null
  /** Language of the text (BCP 47, e.g. "en" or "en-US"), when the source says. */
  lang: string | null
  /** A short summary from the source (its description), when it has one. */
  excerpt: string | null
  format: SourceFormat
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface ArticleSummary extends ArticleMeta {
  paragraphCount: number
  highlightCount: number
  noteCount: number
  /** Tags on the source itself (names, in alphabetical order). */
  tags: string[]
  /** Projects the source is in. */
  projectIds: string[]
}

export interface Article extends ArticleMeta {
  paragraphs: Paragraph[]
  /** Import warnings that a user should see (e.g. invalid UTF-8 replaced). */
  warnings: string[]
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'red'] as const
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

/** W3C Web Annotation TextPositionSelector (offsets in UTF-16 code units into the paragraph text). */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

/** One paragraph's share of a highlight: selectors relative to that paragraph's text. */
export interface HighlightSegmentTarget {
  paragraphId: string
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/** Where a segment was found in the current article text. */
export interface ResolvedSegment {
  paragraphId: string
  start: number
  end: number
}

/**
 * Where a highlight stands in the current text (decided by core/anchoring/anchor.ts). A highlight is painted when it
 * has `resolved` segments: always for the first four statuses, never for the last two.
 * - 'anchored': every part found, unchanged, in the paragraph it was made in.
 * - 'fuzzy': every part found in the paragraph it was made in; some of the text there changed slightly (a typo
 *   fixed, a word replaced, punctuation) and the highlight now covers the edited text.
 * - 'moved': every part found, some in another paragraph than it was made in: that paragraph still exists but no
 *   longer holds the passage (split, or the sentence moved), and the passage, with the text on both sides of it,
 *   is found in exactly one other place.
 * - 'partial': some parts found as above, the others not (their text is gone, or not found with confidence).
 * - 'review': nothing placed, and the paragraph it was made in still exists but no longer holds the passage (it was
 *   rewritten, or moved somewhere Gloss cannot be sure of). Never placed by guesswork: `suggestion` may say where it
 *   most likely is now.
 * - 'orphan': nothing placed, because the paragraph it was made in was removed from the article (or the highlight
 *   has no targets). A removed paragraph's highlights are never moved by themselves: `suggestion` may say where the
 *   text survives.
 */
export type AnchorStatus = 'anchored' | 'fuzzy' | 'moved' | 'partial' | 'review' | 'orphan'

export interface Highlight {
  id: string
  articleId: string
  color: HighlightColor
  comment: string
  /** Stored selectors, one per paragraph touched, in document order. */
  targets: HighlightSegmentTarget[]
  /** Tags (codes) on the highlight: names, in alphabetical order (absent: none). */
  tags?: string[]
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** A highlight as served to the UI: its stored selectors plus where they anchor now. */
export interface AnchoredHighlight extends Highlight {
  status: AnchorStatus
  /** Segments placed in the current text, in document order (empty for 'review' and 'orphan'). */
  resolved: ResolvedSegment[]
  /**
   * For 'partial', 'review' and 'orphan': where the whole highlight most likely is now — the parts placed plus, for
   * each missing part, the one clear candidate (quote at least 75 % the same, clearly better than any other place) —
   * as one segment per paragraph in document order; acceptSuggestedPlace stores it as the highlight's new targets.
   * null when no missing part has a clear candidate, and always for 'anchored', 'fuzzy' and 'moved'. The backend
   * always sets it; optional in the type only so that hand-built values (renderer tests) still type-check.
   */
  suggestion?: ResolvedSegment[] | null
}

/** A ProseMirror/TipTap JSON node (the note document format). */
export interface PMNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PMNode[]
  marks?: { type: string; attrs?: Record<string, unknown> }[]
  text?: string
}

/** Current schema version of note documents. A document with another version opens read-only. */
export const NOTE_DOC_VERSION = 1

/** Name of the TipTap node for a paragraph reference (backlink chip). */
export const PARAGRAPH_REF_NODE = 'paragraphRef'

/** Attributes of a paragraph reference node. */
export interface ParagraphRefAttrs {
  articleId: string
  paragraphId: string
  /** The passage cited, if the reference was made from a selection ("Cite in note"); '' otherwise. */
  quote: string
  /** Paragraph number (1-based) at the time of insertion, used as a fallback label. */
  label: string
}

export interface NoteSummary {
  id: string
  /** The article this note was written beside (its "analysis" note), or null for a free note. */
  articleId: string | null
  /** The project this note belongs to, or null. */
  projectId: string | null
  title: string
  revision: number
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface Note extends NoteSummary {
  docVersion: number
  /** Parsed document, or null when the stored JSON is corrupt (then readOnlyReason is set). */
  doc: PMNode | null
  text: string
  /** Set when the note must open read-only (unknown schema version, corrupt JSON). */
  readOnlyReason: string | null
}

/** A reference from a note to a paragraph, as extracted from the note JSON. */
export interface NoteRef {
  noteId: string
  /** 0-based order of the reference within the note. */
  ordinal: number
  articleId: string
  paragraphId: string
  quote: string
  /** The sentence (or text) around the reference in the note, for backlink lists. */
  context: string
}

export type RefStatus = 'ok' | 'changed' | 'orphan'

/** A reference checked against the current article text. */
export interface CheckedRef extends NoteRef {
  status: RefStatus
  /** Current 1-based paragraph number, null for orphans. */
  paragraphNumber: number | null
  /** For 'changed' refs: a paragraph id where the quote is found now, if any (re-anchor target). */
  suggestedParagraphId: string | null
}

export interface BacklinkEntry {
  noteId: string
  noteTitle: string
  ordinal: number
  context: string
  quote: string
}

/** Backlinks of one article: paragraph id -> citing references. */
export type BacklinkMap = Record<string, BacklinkEntry[]>

export type ExportFormat = 'pdf' | 'md' | 'html' | 'json'

export interface ExportOptions {
  format: ExportFormat
  pageSize: 'A4' | 'Letter'
  /** 'full': every paragraph; 'annotated': only highlighted or cited paragraphs. */
  scope: 'full' | 'annotated'
  analyst: string
  /** The bibliography's CSL style. */
  style: CitationStyle
}

/** Bibliography styles a report can use (CSL styles, formatted with citation-js). */
export type CitationStyle = 'apa' | 'chicago-author-date' | 'harvard'
export const CITATION_STYLE_LABELS: Record<CitationStyle, string> = {
  apa: 'APA (7th edition)',
  'chicago-author-date': 'Chicago (author-date)',
  harvard: 'Harvard'
}

export interface ExportFile {
  filename: string
  mimeType: string
  /** File content, base64-encoded (binary-safe over IPC and HTTP). */
  base64: string
  byteLength: number
}

/** A project: one analysis across many sources. */
export interface Project {
  id: string
  title: string
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface ProjectSummary extends Project {
  sourceCount: number
  noteCount: number
  highlightCount: number
  /** The project's sources, in the order they were added. */
  articleIds: string[]
}

/** A tag (a code, in qualitative analysis): labels highlights and sources across the library. */
export interface TagSummary {
  id: string
  name: string
  highlightCount: number
  sourceCount: number
}

/** One tagged passage, for "Highlights by tag". */
export interface TaggedPassage {
  highlightId: string
  articleId: string
  articleTitle: string
  color: HighlightColor
  /** The highlighted text as it reads now (or the stored quote when it cannot be placed). */
  passage: string
  comment: string
  /** Where it starts: paragraph id, 1-based number and page (paged sources), null when it cannot be placed. */
  paragraphId: string | null
  paragraphNumber: number | null
  page: string | null
}

export interface TagGroup {
  tag: string
  passages: TaggedPassage[]
}
