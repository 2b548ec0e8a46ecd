// The report model: everything an exporter needs, already numbered, ordered and sanitised.
// Produced by buildReport (build.ts); rendered by html.ts and markdown.ts.

import type { Article, AnchoredHighlight, ExportOptions, HighlightColor, InlineMarkType, Note, ParagraphKind, SourceFormat } from '../model'

export interface ReportInput {
  article: Article
  highlights: AnchoredHighlight[]
  notes: Note[]
  /** Articles referenced by the notes (may include `article`), for the titles of references to other articles. */
  articles: Record<string, Article>
  options: ExportOptions
  exportedAt: string
}

export interface ReportMeta {
  articleId: string
  title: string
  authors: string[]
  /** Site or publisher. */
  publisher: string | null
  publishedAt: string | null
  /** The source's web address (http/https), if it has one. */
  url: string | null
  /** When the web address was read. */
  accessedAt: string | null
  /** The imported file, for sources without an address. */
  fileName: string | null
  format: SourceFormat
  analyst: string
  exportedAt: string
  pageSize: 'A4' | 'Letter'
  scope: 'full' | 'annotated'
  paragraphCount: number
  highlightCount: number
  /** Number of notes in the report. */
  noteCount: number
}

export type InlineMark = 'bold' | 'italic' | 'underline' | 'strike' | 'code'

export type NoteInline =
  | { type: 'text'; text: string; marks: InlineMark[]; /** Only http, https and mailto links survive. */ href: string | null }
  | { type: 'citation'; n: number }
  | { type: 'break' }

export interface NoteListItem {
  /** For task lists: whether the item is ticked; null for other lists. */
  checked: boolean | null
  blocks: NoteBlock[]
}

export type NoteBlock =
  | { type: 'paragraph'; content: NoteInline[] }
  | { type: 'heading'; level: 1 | 2 | 3; content: NoteInline[] }
  | { type: 'list'; style: 'bullet' | 'ordered' | 'task'; start: number; items: NoteListItem[] }
  | { type: 'blockquote'; blocks: NoteBlock[] }
  | { type: 'rule' }
  | { type: 'code'; text: string; language: string | null }

export interface ReportNote {
  id: string
  title: string
  /** True for the article's own analysis note. */
  isAnalysis: boolean
  blocks: NoteBlock[]
  /** True when the note has no visible content. */
  empty: boolean
  /** Set when the note's stored document could not be read. */
  unavailable: string | null
}

/** Where a citation points. */
export type CitationTarget =
  /** A paragraph of this report's article, present in the article section. */
  | 'this-report'
  /** A paragraph of another article (rendered as text, no link). */
  | 'other-article'
  /** The cited paragraph no longer exists (or its article was deleted). */
  | 'missing'

export interface Citation {
  /** 1-based, in order of appearance across the notes of the report. */
  n: number
  /** Anchor id of the citation in the analysis ("cite-<n>"). */
  anchor: string
  noteId: string
  noteTitle: string
  articleId: string
  paragraphId: string
  /** Current 1-based paragraph number, or null when the paragraph is gone. */
  paragraphNumber: number | null
  /** The page the paragraph starts on (paged sources), else null. */
  page: string | null
  /** Label shown for the citation: "¶12" (or "¶12, p. 3"), or "Other title ¶3" for other articles. */
  label: string
  quote: string
  target: CitationTarget
  /** Anchor of the target paragraph when target is 'this-report' ("para-<id>"), else null. */
  targetAnchor: string | null
  /** Title of the cited article ('' if it was deleted). */
  articleTitle: string
  /** Start of the cited paragraph's text (≤ 240 chars), '' when missing. */
  excerpt: string
}

/** The source's own inline formatting on a run of article text. */
export interface SourceStyle {
  /** Emphasis, strong, code, sub/superscript, deletion (links are `href`). */
  styles: Exclude<InlineMarkType, 'link'>[]
  href: string | null
}

export type ArticleRun =
  | ({ type: 'text'; text: string; highlightId: string | null; color: HighlightColor | null } & Partial<SourceStyle>)
  /** Where one table cell ends and the next begins (table rows only). */
  | { type: 'cell' }
  /** A comment footnote marker, placed where the commented highlight ends. */
  | { type: 'footnote'; n: number; highlightId: string }

export interface CommentFootnote {
  n: number
  /** Anchor of the footnote text ("note-<n>"); the marker's anchor is "noteref-<n>". */
  anchor: string
  highlightId: string
  color: HighlightColor
  comment: string
  /** The highlighted text as it reads now. */
  passage: string
}

export interface CitedByGroup {
  noteId: string
  noteTitle: string
  /** Citation numbers of this note pointing at the paragraph, ascending. */
  citations: number[]
}

export interface ReportParagraph {
  type: 'paragraph'
  id: string
  /** "para-<id>", safe for HTML ids. */
  anchor: string
  number: number
  /** The page the paragraph starts on (paged sources), else null. */
  page: string | null
  /** True for the first paragraph of a page (the report marks where each page begins). */
  pageStart: boolean
  kind: ParagraphKind
  list: 'ul' | 'ol' | null
  /** For ordered list items: position within its run of consecutive items (1-based). */
  listNumber: number | null
  /** For table rows: a header row. */
  header: boolean
  runs: ArticleRun[]
  footnotes: CommentFootnote[]
  citedBy: CitedByGroup[]
}

/** Marks paragraphs left out in 'annotated' scope. */
export interface ReportGap {
  type: 'gap'
  omitted: number
}

export interface HighlightRow {
  highlightId: string
  color: HighlightColor
  passage: string
  comment: string
  /** 1-based paragraph numbers the highlight covers now (empty for orphans). */
  paragraphNumbers: number[]
  /** Pages of those paragraphs (paged sources). */
  pages: string[]
  /** Anchor of the first paragraph, when it is in the article section. */
  anchor: string | null
  /** Footnote number of the comment, if it has one in the article section. */
  footnote: number | null
  orphan: boolean
  /**
   * "not found in current text" for orphans, "not found where it was; needs review" for highlights needing review,
   * "partly found in current text" for partial ones, "found in another paragraph" for moved ones, else null.
   */
  statusNote: string | null
}

export interface CitationIndexRow {
  paragraphId: string
  /** null when the cited paragraph no longer exists. */
  paragraphNumber: number | null
  page: string | null
  anchor: string | null
  citedBy: CitedByGroup[]
}

export interface ReportModel {
  meta: ReportMeta
  notes: ReportNote[]
  citations: Citation[]
  article: (ReportParagraph | ReportGap)[]
  footnotes: CommentFootnote[]
  appendix: {
    highlights: HighlightRow[]
    citationIndex: CitationIndexRow[]
  }
}
