import type { HighlightSegmentTarget, Paragraph } from '../model'

/** A point in the article: a paragraph and a UTF-16 offset into its text. */
export interface TextPoint {
  paragraphId: string
  offset: number
}

/**
 * Builds the stored selectors for a selection running from `start` to `end` (in document order or not),
 * one target per paragraph touched, each with TextQuote (exact + up to 32 chars of prefix/suffix) and
 * TextPosition relative to that paragraph. Whitespace-only segments are skipped; the result is empty when
 * the selection holds no text.
 */
export function describeRange(paragraphs: Pick<Paragraph, 'id' | 'text'>[], start: TextPoint, end: TextPoint): HighlightSegmentTarget[] {
  void paragraphs
  void start
  void end
  throw new Error('describeRange: not implemented yet')
}
