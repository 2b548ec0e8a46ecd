// The rules a highlight's stored targets must follow against the article text, in one place. describeRange builds
// targets with targetAt, the annotation import rebuilds them with it, and the highlight service checks every new
// highlight with checkTargets. (The shape of a target — types, lengths, whole numbers — is the API schema's job.)
import { GlossError } from '../errors'
import { QUOTE_CONTEXT_CHARS } from '../limits'
import type { HighlightSegmentTarget, Paragraph } from '../model'

/** The target for [start, end) of one paragraph: quote with up to QUOTE_CONTEXT_CHARS of context, and position. */
export function targetAt(paragraph: Pick<Paragraph, 'id' | 'text'>, start: number, end: number): HighlightSegmentTarget {
  const { id, text } = paragraph
  return {
    paragraphId: id,
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS)
    },
    position: { type: 'TextPositionSelector', start, end }
  }
}

/** Whether a segment of text is worth highlighting (whitespace alone is not). */
export function hasText(exact: string): boolean {
  return exact.trim() !== ''
}

/**
 * Whether a quote's context agrees with the text around [start, end): the prefix is the text just before it and the
 * suffix the text just after (either may be shorter than targetAt's, down to empty, but never different).
 */
export function contextFits(text: string, start: number, end: number, quote: Pick<HighlightSegmentTarget['quote'], 'prefix' | 'suffix'>): boolean {
  return start - quote.prefix.length >= 0 && text.startsWith(quote.prefix, start - quote.prefix.length) && text.startsWith(quote.suffix, end)
}

/**
 * Throws GlossError('invalid_input') unless the targets describe the stored text: at least one target; each names a
 * paragraph of `paragraphs`, at most once; its position lies inside that paragraph's text; its quote is exactly the
 * text at that position, and holds more than whitespace; and its prefix and suffix fit the text around it.
 * describeRange's targets (built by targetAt) always pass.
 */
export function checkTargets(paragraphs: Pick<Paragraph, 'id' | 'index' | 'text'>[], targets: HighlightSegmentTarget[]): void {
  if (targets.length === 0) throw new GlossError('invalid_input', 'A highlight needs some selected text.')
  const byId = new Map(paragraphs.map((p) => [p.id, p]))
  const seen = new Set<string>()
  for (const t of targets) {
    const p = byId.get(t.paragraphId)
    if (!p) {
      throw new GlossError('invalid_input', 'The highlight refers to a paragraph that is not in this article. Reload the article and try again.')
    }
    const n = p.index + 1
    if (seen.has(t.paragraphId)) throw new GlossError('invalid_input', `The highlight covers paragraph ${n} twice.`)
    seen.add(t.paragraphId)
    const { start, end } = t.position
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > p.text.length) {
      throw new GlossError('invalid_input', `The highlight's position in paragraph ${n} is outside its text.`)
    }
    if (p.text.slice(start, end) !== t.quote.exact || !contextFits(p.text, start, end, t.quote)) {
      throw new GlossError(
        'invalid_input',
        `The highlighted text does not match paragraph ${n} as stored. Reload the article and select the passage again.`
      )
    }
    if (!hasText(t.quote.exact)) throw new GlossError('invalid_input', `The highlight in paragraph ${n} holds only spaces; select some text.`)
  }
}
