// The report model: everything an exporter needs, already numbered, ordered and sanitised.
// Produced by buildReport (build.ts, from the steps in notes.ts, sources.ts, citations.ts, excerpts.ts and
// appendix.ts); rendered by html.ts and markdown.ts. A report covers one article (with the notes about it), one
// note, or a whole project; all three have the same shape: notes, citations, sources, excerpts, appendix.

import type { AchRating, AchWeight } from '../analysis/ach'
import type { IntegrityStatus } from '../analysis/types'
import type { Article, AnchoredHighlight, ExportOptions, HighlightColor, InlineMarkType, Note, ParagraphKind, SourceFormat } from '../model'
import type { AchInput } from './ach'
import type { CslItem } from './csl'

/** What a report covers. */
export type ReportSubject =
  | { kind: 'article'; articleId: string }
  | { kind: 'note'; noteId: string }
  | { kind: 'project'; projectId: string; title: string; /** The project's sources, in the order they were added. */ articleIds: string[] }

/** One formatted bibliography entry (made by citation-js in the shell, from the source's CSL item). */
export interface BibliographyEntry {
  /** The CSL item's id: the article id. */
  id: string
  /** Plain text (Markdown, JSON). */
  text: string
  /** The style's HTML (italic titles), from citeproc: safe markup of escaped text. */
  html: string
}

export interface ReportInput {
  subject: ReportSubject
  /** Every article the report may draw on (its sources and the articles its notes cite), by id; deleted ones absent. */
  articles: Record<string, Article>
  /** The highlights of those articles, anchored in their current text, with their tags. */
  highlights: AnchoredHighlight[]
  /** The notes to choose from: the builder selects the report's notes once (selectNotes). */
  notes: Note[]
  options: ExportOptions
  exportedAt: string
  /** Formats CSL items in options.style, in the style's order (citation-js in the shell; pure in tests). */
  formatBibliography: (items: CslItem[]) => BibliographyEntry[]
  /** A project's competing-hypotheses matrices (project reports). */
  ach?: AchInput[]
}

export interface ReportMeta {
  kind: ReportSubject['kind']
  /** The report's title: the article's, the note's or the project's. */
  title: string
  /** For project reports: the project's title. */
  projectTitle: string | null
  /** For article reports: the article (its details are on the cover). */
  articleId: string | null
  analyst: string
  exportedAt: string
  pageSize: 'A4' | 'Letter'
  scope: 'full' | 'annotated'
  /** The bibliography's style, as a reader names it ("APA (7th edition)"). */
  styleLabel: string
  sourceCount: number
  paragraphCount: number
  highlightCount: number
  /** Number of notes in the report. */
  noteCount: number
}

export type InlineMark = 'bold' | 'italic' | 'underline' | 'strike' | 'code'

export type NoteInline =
  | { type: 'text'; text: string; marks: InlineMark[]; /** Only http, https and mailto links survive. */ href: string | null }
  | { type: 'citation'; n: number }
  /** After a chip whose quotation is not verified: the number of its entry in ReportModel.quoteFlags. */
  | { type: 'quoteFlag'; n: number }
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
  /**
   * Why the note is in the report: the article's own analysis, a note that cites the article, the note exported,
   * or a note of the project.
   */
  role: 'analysis' | 'citing' | 'exported' | 'project'
  blocks: NoteBlock[]
  /** True when the note has no visible content. */
  empty: boolean
  /** Set when the note's stored document could not be read. */
  unavailable: string | null
}

/** Where a citation points. */
export type CitationTarget =
  /** A paragraph shown in its source's section of this report. */
  | 'in-report'
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
  /** "¶12" (or "¶12, p. 3"); with the source's short title first when the report has several sources. */
  label: string
  /** Where in the source, without its title: "¶12, p. 3". */
  where: string
  quote: string
  target: CitationTarget
  /** Anchor of the target paragraph when in the report, else null. */
  targetAnchor: string | null
  /** Anchor of the source's bibliography entry, when the source is in the report. */
  sourceAnchor: string | null
  /** Title of the cited article ('' if it was deleted). */
  articleTitle: string
  shortTitle: string
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
  /** Unique in the report and safe for HTML ids ("s2-para-<id>"). */
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
  /** Shown only as context around an annotated paragraph (excerpts). */
  context: boolean
  runs: ArticleRun[]
  footnotes: CommentFootnote[]
  citedBy: CitedByGroup[]
}

/** Marks paragraphs left out of excerpts. */
export interface ReportGap {
  type: 'gap'
  omitted: number
}

export interface ReportSource {
  articleId: string
  /** Anchor of its bibliography entry ("src-<k>") and of its section ("source-<k>"). */
  anchor: string
  sectionAnchor: string
  title: string
  shortTitle: string
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
  /** Its bibliography entry in the report's style. */
  bibliography: { text: string; html: string }
  csl: CslItem
  paragraphCount: number
  highlightCount: number
  citationCount: number
  /** The whole text is shown; otherwise annotated paragraphs with context and gaps. */
  full: boolean
  items: (ReportParagraph | ReportGap)[]
}

export interface HighlightRow {
  highlightId: string
  articleId: string
  /** Short title of its source, for reports with several sources. */
  source: string
  color: HighlightColor
  passage: string
  comment: string
  tags: string[]
  /** 1-based paragraph numbers the highlight covers now (empty for orphans). */
  paragraphNumbers: number[]
  /** Pages of those paragraphs (paged sources). */
  pages: string[]
  /** Anchor of the first paragraph in its source's section. */
  anchor: string | null
  /** Footnote number of the comment, if it has one in the source's section. */
  footnote: number | null
  orphan: boolean
  /**
   * "not found in current text" for orphans, "not found where it was; needs review" for highlights needing review,
   * "partly found in current text" for partial ones, "found in another paragraph" for moved ones, else null.
   */
  statusNote: string | null
}

/** The appendix's highlights, grouped by tag (a passage with two tags is in both groups); `tag` null: untagged. */
export interface HighlightGroup {
  tag: string | null
  rows: HighlightRow[]
}

export interface CitationIndexRow {
  paragraphId: string
  /** null when the cited paragraph no longer exists. */
  paragraphNumber: number | null
  page: string | null
  anchor: string | null
  citedBy: CitedByGroup[]
}

export interface CitationIndexSource {
  articleId: string
  /** The source's short title ('' for a deleted article). */
  source: string
  rows: CitationIndexRow[]
}

/** A quotation in a note that does not match the paragraph its chip cites. */
export interface ReportQuoteFlag {
  n: number
  /** Anchor of its entry ("quote-<n>"); the flag's own anchor is "quoteref-<n>". */
  anchor: string
  noteId: string
  noteTitle: string
  quote: string
  status: Exclude<IntegrityStatus, 'exact'>
  /** "differs from the source", "not found in the cited paragraph", "the cited paragraph is gone". */
  text: string
  paragraphNumber: number | null
  /** For 'differs': the source's words. */
  source: string | null
  diff: { op: 'same' | 'added' | 'removed'; text: string }[] | null
  /** The paragraph that holds the quotation word for word, when it is another one. */
  foundIn: number | null
}

export interface ReportAchRow {
  label: string
  /** The passage picked as evidence ('' when none). */
  quote: string
  /** Where it comes from ("¶12", or "Short title, ¶12" with several sources); null for evidence without a source. */
  source: string | null
  /** Anchor of its paragraph in the report, when shown. */
  anchor: string | null
  /** The source or its paragraph is gone. */
  missing: boolean
  credibility: AchWeight
  relevance: AchWeight
  /** In the order of ReportAchMatrix.hypotheses; null: not rated. */
  ratings: (AchRating | null)[]
  diagnosticity: number | null
  nonDiagnostic: boolean
}

export interface ReportAchMatrix {
  id: string
  title: string
  anchor: string
  /** In the matrix's order, with their scores. */
  hypotheses: { id: string; label: string; rank: number; inconsistency: number; weighted: number }[]
  /** Hypothesis ids, least inconsistent first. */
  ranking: string[]
  rows: ReportAchRow[]
}

export interface ReportModel {
  meta: ReportMeta
  notes: ReportNote[]
  citations: Citation[]
  /** The report's sources: cover subject first for article reports, then in bibliography order. */
  sources: ReportSource[]
  /** The bibliography: the sources in the style's order. */
  bibliography: ReportSource[]
  footnotes: CommentFootnote[]
  appendix: {
    /** Highlights grouped by tag, tags alphabetical, untagged last; one untagged group when nothing is tagged. */
    highlights: HighlightGroup[]
    highlightCount: number
    citationIndex: CitationIndexSource[]
  }
  /** Quotations in the notes that could not be verified against their sources (verified ones are not listed). */
  quoteFlags: ReportQuoteFlag[]
  /** Competing-hypotheses matrices (project reports; empty otherwise). */
  ach: ReportAchMatrix[]
}
