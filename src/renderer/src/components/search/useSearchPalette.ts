// Whether the search palette is open (opened by Ctrl/Cmd+K, the menu's Find command and the top-bar button), and
// the search it runs.
import { reactive } from 'vue'
import type { SearchHit, SearchRequest } from '@core/api'
import { api } from '@renderer/api'
import { layout } from '@renderer/composables/useLayout'

export const searchPalette = reactive({
  open: false,
  /** Bumped when asked to open while already open (the palette then selects its text). */
  focusRequest: 0
})

export function openSearch(): void {
  if (layout.dialog !== null) return // another dialog is in front
  if (searchPalette.open) searchPalette.focusRequest++
  else searchPalette.open = true
}

export function closeSearch(): void {
  searchPalette.open = false
}

/** Searches every article, note and highlight comment (or what `request` narrows it to). */
export function searchLibrary(request: SearchRequest): Promise<SearchHit[]> {
  return api.search(request)
}
