import type { AnchoredHighlight, Highlight, Paragraph } from '../model'

/**
 * Places a stored highlight in the current article text (Hypothesis-style): for each target, the
 * TextPosition in its paragraph is tried first and checked against the quote; then the quote is
 * searched in that paragraph (exact, then fuzzy, prefix/suffix and position as tie-breakers); then
 * across the whole article. Targets that cannot be placed are reported, never dropped:
 * status is 'anchored' (all exact), 'fuzzy' (all placed, some approximately), 'partial' (some placed),
 * or 'orphan' (none placed).
 */
export function anchorHighlight(paragraphs: Paragraph[], highlight: Highlight): AnchoredHighlight {
  void paragraphs
  void highlight
  throw new Error('anchorHighlight: not implemented yet')
}
