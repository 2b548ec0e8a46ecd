import type { HighlightSegmentTarget, Paragraph } from '../model'
import { GlossError } from '../errors'

/** A point in the article: a paragraph and a UTF-16 offset into its text. */
export interface TextPoint {
  paragraphId: string
  offset: number
}

/** Characters of context kept before and after a quote. */
export const CONTEXT_CHARS = 32

/**
 * Builds the stored selectors for a selection running from `start` to `end` (in document order or not),
 * one target per paragraph touched, each with TextQuote (exact + up to 32 chars of prefix/suffix) and
 * TextPosition relative to that paragraph. Whitespace-only segments are skipped; the result is empty when
 * the selection holds no text.
 */
export function describeRange(paragraphs: Pick<Paragraph, 'id' | 'text'>[], start: TextPoint, end: TextPoint): HighlightSegmentTarget[] {
  const si = paragraphs.findIndex((p) => p.id === start.paragraphId)
  const ei = paragraphs.findIndex((p) => p.id === end.paragraphId)
  if (si < 0 || ei < 0) {
    throw new GlossError('invalid_input', 'The selection is not inside this article’s paragraphs.')
  }
  const clamp = (i: number, offset: number): number => Math.max(0, Math.min(paragraphs[i].text.length, Math.floor(offset) || 0))
  let a = { i: si, offset: clamp(si, start.offset) }
  let b = { i: ei, offset: clamp(ei, end.offset) }
  if (b.i < a.i || (b.i === a.i && b.offset < a.offset)) [a, b] = [b, a]

  const targets: HighlightSegmentTarget[] = []
  for (let i = a.i; i <= b.i; i++) {
    const { id, text } = paragraphs[i]
    const from = i === a.i ? a.offset : 0
    const to = i === b.i ? b.offset : text.length
    const exact = text.slice(from, to)
    if (exact.trim() === '') continue
    targets.push({
      paragraphId: id,
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: text.slice(Math.max(0, from - CONTEXT_CHARS), from),
        suffix: text.slice(to, to + CONTEXT_CHARS)
      },
      position: { type: 'TextPositionSelector', start: from, end: to }
    })
  }
  return targets
}
