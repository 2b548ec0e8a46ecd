// The reader's floating UI: the selection toolbar, a highlight's toolbar, the comment editor and the backlink list.
// Positions are relative to .reader-inner, so they scroll with the text. One open at a time.
import { computed, shallowRef, type Ref } from 'vue'
import type { AnchoredHighlight, HighlightSegmentTarget } from '@core/model'
import { reader } from '@renderer/composables/useReader'
import type { Typed } from '@renderer/composables/useTypeahead'
import { readerFlags } from './flags'

export type Anchor = { x: number; y: number; placement: 'above' | 'below' }
export type SelectionTool = Anchor & { targets: HighlightSegmentTarget[]; articleId: string }
/** focusTags: open with the tag field focused (with what was typed before it appeared). */
export type HighlightTool = Anchor & { highlightId: string; focusTags?: Typed | null }
export type CommentEditor = { x: number; y: number; highlightId: string }
export type BacklinkPopover = { x: number; y: number; paragraphId: string }

export function useReaderPopovers(els: { inner: Ref<HTMLElement | null>; scroller: Ref<HTMLElement | null>; article: () => HTMLElement | null }) {
  const selectionTool = shallowRef<SelectionTool | null>(null)
  const highlightTool = shallowRef<HighlightTool | null>(null)
  const commentEditor = shallowRef<CommentEditor | null>(null)
  const backlinkPop = shallowRef<BacklinkPopover | null>(null)

  /** The highlight whose toolbar or comment editor is open. */
  const activeId = computed(() => highlightTool.value?.highlightId ?? commentEditor.value?.highlightId ?? null)
  const activeHighlight = computed<AnchoredHighlight | null>(() => (activeId.value && reader.highlight(activeId.value)) || null)
  const commentTarget = computed(() => (commentEditor.value && reader.highlight(commentEditor.value.highlightId)) || null)

  function syncActive(): void {
    readerFlags.activeHighlight.set(activeId.value)
  }

  function closeAll(): void {
    selectionTool.value = null
    highlightTool.value = null
    commentEditor.value = null
    backlinkPop.value = null
    syncActive()
  }

  const anyOpen = (): boolean => !!(selectionTool.value || highlightTool.value || commentEditor.value || backlinkPop.value)

  function anchorFor(rect: DOMRect): Anchor {
    const box = els.inner.value!.getBoundingClientRect()
    const view = els.scroller.value!.getBoundingClientRect()
    const placement = rect.top - view.top < 64 ? 'below' : 'above'
    const x = Math.min(Math.max(rect.left + rect.width / 2 - box.left, 170), box.width - 170)
    return { x, y: (placement === 'above' ? rect.top : rect.bottom) - box.top, placement }
  }

  function markRect(id: string): DOMRect | null {
    const mark = els.article()?.querySelector<HTMLElement>(`mark[data-highlight-id="${CSS.escape(id)}"]`)
    if (!mark) return null
    return mark.getClientRects()[0] ?? mark.getBoundingClientRect()
  }

  function openSelectionTool(rect: DOMRect, targets: HighlightSegmentTarget[], articleId: string): void {
    closeAll()
    selectionTool.value = { ...anchorFor(rect), targets, articleId }
  }

  function openHighlightTool(id: string, focusTags: Typed | null = null): void {
    const rect = markRect(id)
    if (!rect) return
    closeAll()
    highlightTool.value = { ...anchorFor(rect), highlightId: id, focusTags }
    syncActive()
  }

  function openCommentEditor(id: string): void {
    const rect = markRect(id)
    if (!rect) return
    const box = els.inner.value!.getBoundingClientRect()
    closeAll()
    const x = Math.min(Math.max(rect.left + rect.width / 2 - box.left, 180), box.width - 180)
    commentEditor.value = { x, y: rect.bottom - box.top + 10, highlightId: id }
    syncActive()
  }

  function openBacklinks(paragraphId: string, badge: HTMLElement): void {
    const box = els.inner.value!.getBoundingClientRect()
    const rect = badge.getBoundingClientRect()
    closeAll()
    backlinkPop.value = { x: rect.right - box.left, y: rect.bottom - box.top + 6, paragraphId }
  }

  function closeSelectionTool(): void {
    selectionTool.value = null
  }
  function closeCommentEditor(): void {
    commentEditor.value = null
    syncActive()
  }
  function closeBacklinks(): void {
    backlinkPop.value = null
  }

  return {
    selectionTool,
    highlightTool,
    commentEditor,
    backlinkPop,
    activeHighlight,
    commentTarget,
    anyOpen,
    closeAll,
    openSelectionTool,
    openHighlightTool,
    openCommentEditor,
    openBacklinks,
    closeSelectionTool,
    closeCommentEditor,
    closeBacklinks
  }
}

export type ReaderPopovers = ReturnType<typeof useReaderPopovers>
