// Window-level UI state: open dialogs, the highlights panel, the notes pane width (persisted).
import { reactive, watch } from 'vue'

const PANEL_KEY = 'gloss.highlightsPanel'
const WIDTH_KEY = 'gloss.notesWidth'
const SIDE_KEY = 'gloss.sidePanel'

/** What the reader's side panel shows. */
export type SidePanel = 'highlights' | 'quotes' | 'entities'
const SIDE_PANELS: readonly SidePanel[] = ['highlights', 'quotes', 'entities']
export const NOTES_MIN = 280
export const NOTES_DEFAULT = 420

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    /* storage unavailable */
  }
}

export function notesMax(): number {
  return Math.max(NOTES_MIN, Math.round(window.innerWidth * 0.6))
}

export function clampNotesWidth(width: number): number {
  return Math.round(Math.min(notesMax(), Math.max(NOTES_MIN, width)))
}

const storedWidth = Number(read(WIDTH_KEY))

export const layout = reactive({
  /** The dialog in front ('password': a PDF's password is asked for, see usePasswordPrompt). */
  dialog: null as null | 'paste' | 'export' | 'shortcuts' | 'import-url' | 'details' | 'password',
  /** For the 'import-url' dialog: an address to fill in (pasted or dropped), and whether to start at once. */
  webImport: { url: '', start: false },
  highlightsPanel: read(PANEL_KEY) !== 'hidden',
  /** The side panel's tab (shown while highlightsPanel is true). */
  sidePanel: (SIDE_PANELS.find((p) => p === read(SIDE_KEY)) ?? 'highlights') as SidePanel,
  notesWidth: Number.isFinite(storedWidth) && storedWidth > 0 ? storedWidth : NOTES_DEFAULT
})

watch(
  () => layout.highlightsPanel,
  (open) => write(PANEL_KEY, open ? 'shown' : 'hidden')
)
watch(
  () => layout.sidePanel,
  (tab) => write(SIDE_KEY, tab)
)
watch(
  () => layout.notesWidth,
  (w) => write(WIDTH_KEY, String(w))
)

export function toggleHighlightsPanel(): void {
  layout.highlightsPanel = !layout.highlightsPanel
}

/** Shows a tab of the side panel; the shortcut of the tab already shown hides the panel. */
export function toggleSidePanel(tab: SidePanel): void {
  if (layout.highlightsPanel && layout.sidePanel === tab) layout.highlightsPanel = false
  else {
    layout.sidePanel = tab
    layout.highlightsPanel = true
  }
}

/** Opens "Import from web address…", empty or with an address (pasted or dropped: then it starts at once). */
export function openWebImport(url = '', start = false): void {
  layout.webImport = { url, start: start && !!url }
  layout.dialog = 'import-url'
}
