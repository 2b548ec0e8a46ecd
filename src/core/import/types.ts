import type { ParagraphKind, SourceFormat } from '../model'

/** One block of an imported document, before paragraph ids are assigned. */
export interface Block {
  kind: ParagraphKind
  text: string
  list?: 'ul' | 'ol'
}

/** The result of parsing an imported document. */
export interface ParsedArticle {
  title: string
  source: string | null
  author: string | null
  publishedAt: string | null
  format: SourceFormat
  blocks: Block[]
  /** Non-fatal problems a user should be told about. */
  warnings: string[]
}
