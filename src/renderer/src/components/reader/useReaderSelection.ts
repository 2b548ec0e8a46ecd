// Selecting text in the reader: the selection toolbar for a selection (mouse or Shift+keys), a click on a highlight
// opening its toolbar, copy giving the paragraphs' own text, and the rows a selection or a drag starts in kept drawn
// (`pinned`) so a virtual list scrolling under the mouse never takes the selection's anchor away. A selection is
// turned into highlight targets from its two ends (paragraph id + offset), so paragraphs between them that are not
// drawn any more are covered too.
import { onBeforeUnmount, onMounted, shallowRef } from 'vue'
import { describeRange } from '@core/anchoring/describe'
import type { Article } from '@core/model'
import { errorMessage, showToast } from '@renderer/composables/useToasts'
import { selectedText } from './runs'
import { rangeToPoints } from './textPoints'
import type { ReaderPopovers } from './useReaderPopovers'

export interface SelectionDeps {
  article: () => Article | null
  articleEl: () => HTMLElement | null
  /** Row index of a DOM node in the virtual list (-1 outside it). */
  rowOfNode: (node: Node | null) => number
  popovers: ReaderPopovers
}

export function useReaderSelection(deps: SelectionDeps) {
  const { popovers } = deps
  /** Rows kept drawn: the ends of the selection, the row a paragraph number is dragged from. */
  const pinned = shallowRef<readonly number[]>([])
  let selectionRows: number[] = []
  let dragRow = -1

  function updatePinned(): void {
    const next = [...new Set([...selectionRows, dragRow].filter((i) => i >= 0))].sort((a, b) => a - b)
    const cur = pinned.value
    if (next.length !== cur.length || next.some((v, i) => v !== cur[i])) pinned.value = Object.freeze(next)
  }

  function onSelectionChange(): void {
    const el = deps.articleEl()
    // Typing in the notes editor moves the document's selection on every keystroke: nothing to pin then.
    const active = document.activeElement
    if (!selectionRows.length && active?.getAttribute('contenteditable') === 'true' && !el?.contains(active)) return
    const sel = window.getSelection()
    let rows: number[] = []
    // A caret counts too: Shift+click (or Shift+arrows) after scrolling extends the selection from it.
    if (el && sel && sel.rangeCount && sel.anchorNode && el.contains(sel.anchorNode)) {
      rows = [deps.rowOfNode(sel.anchorNode), deps.rowOfNode(sel.focusNode)]
    }
    // Keep the anchor's row while the focus is outside the list (dragging over the header, the margin).
    if (rows.length && rows[0] < 0) rows = selectionRows
    selectionRows = rows
    updatePinned()
  }

  function readSelection(target: EventTarget | null): void {
    const el = deps.articleEl()
    const a = deps.article()
    if (!el || !a) return
    const sel = window.getSelection()
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
      popovers.closeSelectionTool()
      // A click on a highlight opens its toolbar; a click on a source link only follows the link.
      const onLink = target instanceof Element && !!target.closest('a[href]')
      const mark = target instanceof Element && !onLink ? target.closest<HTMLElement>('mark[data-highlight-id]') : null
      if (mark && el.contains(mark)) popovers.openHighlightTool(mark.dataset.highlightId!)
      return
    }
    const range = sel.getRangeAt(0)
    if (!range.intersectsNode(el)) return
    const points = rangeToPoints(el, range)
    let targets: ReturnType<typeof describeRange> = []
    try {
      targets = points ? describeRange(a.paragraphs, points.start, points.end) : []
    } catch (err) {
      showToast(`This selection cannot be highlighted: ${errorMessage(err)}`, { kind: 'error' })
    }
    if (!targets.length) {
      popovers.closeSelectionTool()
      return
    }
    // The toolbar goes above the selection's first line, or where the mouse let go when that line is off screen
    // (a selection longer than the screen).
    const rects = range.getClientRects()
    let rect = rects.length ? rects[0] : range.getBoundingClientRect()
    const view = (el.closest('.reader-scroll') ?? el).getBoundingClientRect()
    if ((rect.bottom < view.top || rect.top > view.bottom) && sel.focusNode) {
      const at = document.createRange()
      at.setStart(sel.focusNode, sel.focusOffset)
      at.collapse(true)
      rect = at.getClientRects()[0] ?? at.getBoundingClientRect()
    }
    popovers.openSelectionTool(rect, targets, a.id)
  }

  function onMouseUp(e: MouseEvent): void {
    if (e.button !== 0) return
    if (e.target instanceof Element && e.target.closest('.popover')) return
    const target = e.target
    setTimeout(() => readSelection(target), 0)
  }

  function onKeyUp(e: KeyboardEvent): void {
    if (!(e.shiftKey || e.key === 'Shift')) return
    const el = deps.articleEl()
    const sel = window.getSelection()
    if (sel && !sel.isCollapsed && el && sel.rangeCount && sel.getRangeAt(0).intersectsNode(el)) readSelection(null)
  }

  function onMouseDown(e: MouseEvent): void {
    if (e.target instanceof Element && e.target.closest('.popover')) return
    popovers.closeAll()
  }

  /**
   * Copy gives the paragraphs' own text: table cells TAB-separated and rows one per line, code with its spacing (the
   * browser's own copy would follow the layout instead), all of every paragraph between the ends even where the list
   * has not drawn them. The HTML flavour stays as the browser makes it.
   */
  function onCopy(e: ClipboardEvent): void {
    const el = deps.articleEl()
    const a = deps.article()
    const sel = window.getSelection()
    if (!el || !a || !e.clipboardData || !sel || sel.rangeCount === 0 || sel.isCollapsed) return
    const range = sel.getRangeAt(0)
    if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return
    const points = rangeToPoints(el, range)
    if (!points) return
    const text = selectedText(a.paragraphs, points.start, points.end)
    if (!text) return
    const holder = document.createElement('div')
    holder.appendChild(range.cloneContents())
    holder.querySelectorAll('[data-noncontent]').forEach((n) => n.remove())
    e.clipboardData.setData('text/plain', text)
    e.clipboardData.setData('text/html', holder.innerHTML)
    e.preventDefault()
  }

  function onDragStart(e: DragEvent): void {
    const el = deps.articleEl()
    if (!el || !(e.target instanceof Element) || !el.contains(e.target)) return
    dragRow = deps.rowOfNode(e.target)
    updatePinned()
  }
  function onDragEnd(): void {
    if (dragRow < 0) return
    dragRow = -1
    updatePinned()
  }

  /** The selected text when the selection lies inside one paragraph of the article (to fill the find bar). */
  function selectedPhrase(): string {
    const el = deps.articleEl()
    const sel = window.getSelection()
    if (!el || !sel || sel.isCollapsed || !sel.rangeCount || !el.contains(sel.getRangeAt(0).commonAncestorContainer)) return ''
    const text = sel.toString().trim()
    return text.length <= 200 && !text.includes('\n') ? text : ''
  }

  onMounted(() => {
    document.addEventListener('mouseup', onMouseUp)
    document.addEventListener('mousedown', onMouseDown)
    document.addEventListener('keyup', onKeyUp)
    document.addEventListener('copy', onCopy)
    document.addEventListener('selectionchange', onSelectionChange)
    document.addEventListener('dragstart', onDragStart)
    document.addEventListener('dragend', onDragEnd)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('mouseup', onMouseUp)
    document.removeEventListener('mousedown', onMouseDown)
    document.removeEventListener('keyup', onKeyUp)
    document.removeEventListener('copy', onCopy)
    document.removeEventListener('selectionchange', onSelectionChange)
    document.removeEventListener('dragstart', onDragStart)
    document.removeEventListener('dragend', onDragEnd)
  })

  return { pinned, selectedPhrase }
}
