// Keyboard for an ARIA tablist: ←/→ move to the previous/next tab (wrapping), Home/End to the first/last, and the
// selected tab takes the focus. `tablist` is the list element's ref; bind `onTabKey` to its keydown.
import { nextTick, type Ref } from 'vue'

export function useTablist<T>(tablist: Ref<HTMLElement | null>, tabs: readonly { id: T }[], current: () => T, select: (id: T) => void) {
  function onTabKey(e: KeyboardEvent): void {
    const i = tabs.findIndex((t) => t.id === current())
    const n = tabs.length
    const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1
    if (next < 0) return
    e.preventDefault()
    select(tabs[next].id)
    void nextTick(() => tablist.value?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus())
  }
  return { onTabKey }
}
