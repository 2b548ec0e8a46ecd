import type { InlineMark, ParagraphKind, SourceFormat } from '../model'

/** One block of an imported document, before paragraph ids are assigned. */
export interface Block {
  kind: ParagraphKind
  /** The block's text, already normalised (see normalizeBlockText); `marks` index into it. */
  text: string
  list?: 'ul' | 'ol'
  marks?: InlineMark[]
  /** Table rows: a header row. */
  header?: boolean
  /** Table rows: the table they belong to. */
  group?: number
  /** Paged sources: the label of the page the block starts on. */
  page?: string
}

/** What an importer found out about the document (the user can correct it later with "Edit details…"). */
export interface FoundDetails {
  title: string
  authors: string[]
  publisher: string | null
  publishedAt: string | null
  /** Canonical web address from the document itself (http/https only). */
  url: string | null
  lang: string | null
  excerpt: string | null
}

/** The result of parsing an imported document. */
export interface ParsedArticle extends FoundDetails {
  format: SourceFormat
  blocks: Block[]
  /** Non-fatal problems a user should be told about. */
  warnings: string[]
}

/** Details nobody found yet (each parser fills in what its format carries). */
export function emptyDetails(title: string): FoundDetails {
  return { title, authors: [], publisher: null, publishedAt: null, url: null, lang: null, excerpt: null }
}
