// From a DOM selection in the reader to TextPoints (paragraph id + UTF-16 offset into the paragraph text).
// The text of a paragraph is exactly the text inside its `.para-text` element: margin numbers and badges
// sit outside it (and carry data-noncontent), so they never count.
import type { TextPoint } from '@core/anchoring/describe'

const TEXT = '.para-text'

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement
}

function paragraphIdOf(textEl: Element): string | null {
  return textEl.closest('[data-paragraph-id]')?.getAttribute('data-paragraph-id') ?? null
}

function offsetWithin(textEl: Element, node: Node, offset: number): number {
  const range = document.createRange()
  range.setStart(textEl, 0)
  range.setEnd(node, offset)
  return range.toString().length
}

/**
 * The TextPoint of a DOM boundary point. A point outside every paragraph text (a margin, the gap between
 * paragraphs) snaps forward to the next paragraph's start (edge 'start') or back to the previous one's end
 * (edge 'end'). Null when there is no paragraph on that side.
 */
export function textPointOf(article: Element, node: Node, offset: number, edge: 'start' | 'end'): TextPoint | null {
  const inside = elementOf(node)?.closest(TEXT)
  if (inside && article.contains(inside)) {
    const paragraphId = paragraphIdOf(inside)
    if (paragraphId) return { paragraphId, offset: offsetWithin(inside, node, offset) }
  }
  const probe = document.createRange()
  probe.setStart(node, offset)
  const texts = [...article.querySelectorAll(TEXT)]
  if (edge === 'start') {
    // First paragraph text that starts after the point.
    const next = texts.find((el) => probe.comparePoint(el, 0) > 0)
    const paragraphId = next && paragraphIdOf(next)
    return paragraphId ? { paragraphId, offset: 0 } : null
  }
  // Last paragraph text that ends before the point.
  const prev = [...texts].reverse().find((el) => probe.comparePoint(el, el.childNodes.length) < 0)
  const paragraphId = prev && paragraphIdOf(prev)
  return paragraphId ? { paragraphId, offset: (prev.textContent ?? '').length } : null
}

/** Start and end TextPoints of a range inside the article, or null when it holds no paragraph text. */
export function rangeToPoints(article: Element, range: Range): { start: TextPoint; end: TextPoint } | null {
  if (!article.contains(range.commonAncestorContainer) && !range.intersectsNode(article)) return null
  const start = textPointOf(article, range.startContainer, range.startOffset, 'start')
  const end = textPointOf(article, range.endContainer, range.endOffset, 'end')
  if (!start || !end) return null
  return { start, end }
}
