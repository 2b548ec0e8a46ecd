import { GlossError } from '../errors'
import { MAX_TARGETS } from '../limits'
import type { HighlightSegmentTarget, Paragraph } from '../model'
import { hasText, targetAt } from './targets'

/** A point in the article: a paragraph and a UTF-16 offset into its text. */
export interface TextPoint {
  paragraphId: string
  offset: number
}

/**
 * Builds the stored selectors for a selection running from `start` to `end` (in document order or not),
 * one target per paragraph touched, each built by targetAt (TextQuote with context, TextPosition relative to
 * that paragraph), so the result always passes checkTargets. Whitespace-only segments are skipped; the result is
 * empty when the selection holds no text. A selection over more than MAX_TARGETS paragraphs is refused.
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
  if (b.i - a.i + 1 > MAX_TARGETS) {
    throw new GlossError('invalid_input', `A highlight can cover at most ${MAX_TARGETS.toLocaleString('en-US')} paragraphs. Select a shorter passage.`)
  }

  const targets: HighlightSegmentTarget[] = []
  for (let i = a.i; i <= b.i; i++) {
    const p = paragraphs[i]
    const from = i === a.i ? a.offset : 0
    const to = i === b.i ? b.offset : p.text.length
    if (hasText(p.text.slice(from, to))) targets.push(targetAt(p, from, to))
  }
  return targets
}
