// Keeping the caret in view as the person types: the notes editor scrolls its own scroller, and nothing else.
//
// ProseMirror's default walks from the caret up to the document, measuring and scrolling every ancestor whose box
// does not contain the caret — overflow: hidden columns included, which moves the pane's title and toolbar out of
// sight — and measures a dozen boxes on each keystroke in a layout as deep as Gloss's. Here the editor's scroller is
// found once and the caret compared with its box alone; a little room is kept below the caret's line.
import { NodeSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/** Room kept between the caret's line and the scroller's top or bottom edge, px. */
export const CARET_MARGIN = 24

const scrollers = new WeakMap<HTMLElement, HTMLElement>()

/** The nearest ancestor of the editor that scrolls vertically, or null (the editor is not in the page yet). */
export function scrollerOf(dom: HTMLElement): HTMLElement | null {
  const known = scrollers.get(dom)
  if (known?.contains(dom)) return known
  for (let el = dom.parentElement; el && el !== dom.ownerDocument.body; el = el.parentElement) {
    const y = getComputedStyle(el).overflowY
    if (y === 'auto' || y === 'scroll') {
      scrollers.set(dom, el)
      return el
    }
  }
  return null
}

/** How far to scroll (px, + down) to bring `rect` inside `box` with `margin` around it; 0 when it already is. */
export function scrollDelta(rect: { top: number; bottom: number }, box: { top: number; bottom: number }, margin = CARET_MARGIN): number {
  // A box too small for the margins keeps none.
  const m = Math.max(0, Math.min(margin, (box.bottom - box.top - (rect.bottom - rect.top)) / 2))
  const top = box.top + m
  const bottom = box.bottom - m
  if (rect.top < top) return rect.top - top
  // Something taller than the box (a big node selected) shows its top.
  if (rect.bottom > bottom) return Math.min(rect.bottom - bottom, rect.top - top)
  return 0
}

/** ProseMirror's `handleScrollToSelection`: true when it scrolled (or did not need to); false leaves it to the default. */
export function scrollSelectionIntoScroller(view: EditorView): boolean {
  const scroller = scrollerOf(view.dom)
  if (!scroller) return false
  const sel = view.state.selection
  let rect: { top: number; bottom: number } | null = null
  if (sel instanceof NodeSelection) {
    const node = view.nodeDOM(sel.from)
    if (node instanceof HTMLElement) rect = node.getBoundingClientRect()
  }
  rect ??= view.coordsAtPos(sel.head, 1)
  const delta = scrollDelta(rect, scroller.getBoundingClientRect())
  if (delta) scroller.scrollTop += delta
  return true
}
