// Which part of the library is shown (all sources, one project, the tag manager), the project's tab, and how the
// source list is filtered and sorted. A project "open" here stays open while its sources are read: imports made
// meanwhile join it, and its notes stay in the notes pane. Kept for the session (a reload comes back to it).
import { reactive, watch } from 'vue'
import { NO_FILTER, SOURCE_SORTS, type SourceFilter, type SourceSort } from '@core/library/sources'

export type LibrarySection = { kind: 'all' } | { kind: 'project'; id: string } | { kind: 'tags' }
export type ProjectTab = 'sources' | 'notes' | 'tags' | 'ach'

const SECTION_KEY = 'gloss.librarySection'
const SORT_KEY = 'gloss.librarySort'

function readSection(): LibrarySection {
  try {
    const raw = JSON.parse(sessionStorage.getItem(SECTION_KEY) ?? 'null') as LibrarySection | null
    if (raw?.kind === 'project' && typeof raw.id === 'string' && raw.id) return { kind: 'project', id: raw.id }
    if (raw?.kind === 'tags') return { kind: 'tags' }
  } catch {
    /* storage unavailable or unreadable */
  }
  return { kind: 'all' }
}

function readSort(): SourceSort {
  try {
    const raw = localStorage.getItem(SORT_KEY)
    return (SOURCE_SORTS as readonly string[]).includes(raw ?? '') ? (raw as SourceSort) : 'added'
  } catch {
    return 'added'
  }
}

export const libraryView = reactive({
  section: readSection(),
  projectTab: 'sources' as ProjectTab,
  filter: { ...NO_FILTER } as SourceFilter,
  sort: readSort(),
  /** Sources ticked for "Add to project…" / "Remove from project". */
  selected: [] as string[]
})

watch(
  () => libraryView.section,
  (section) => {
    try {
      sessionStorage.setItem(SECTION_KEY, JSON.stringify(section))
    } catch {
      /* storage unavailable */
    }
  },
  { deep: true }
)
watch(
  () => libraryView.sort,
  (sort) => {
    try {
      localStorage.setItem(SORT_KEY, sort)
    } catch {
      /* storage unavailable */
    }
  }
)

/** The project open in the library (also while one of its sources is read), or null. */
export function openProjectId(): string | null {
  const s = libraryView.section
  return s.kind === 'project' ? s.id : null
}

/** Shows a part of the library; the filter and the selection belong to the part they were made in. */
export function showSection(section: LibrarySection, tab: ProjectTab = 'sources'): void {
  const same = JSON.stringify(section) === JSON.stringify(libraryView.section)
  if (!same) {
    libraryView.filter = { ...NO_FILTER }
    libraryView.selected = []
  }
  libraryView.section = section
  if (section.kind === 'project' && (!same || tab !== 'sources')) libraryView.projectTab = tab
}
