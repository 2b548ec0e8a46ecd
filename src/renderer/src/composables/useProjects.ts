// Projects: the list in the library sidebar, and gathering sources into them. The only caller of the project
// methods of the API. A source's projects are in its library summary (projectIds), so the source counts shown
// follow the library as soon as it is refreshed.
import { reactive } from 'vue'
import { MAX_PROJECT_TITLE } from '@core/limits'
import type { ArticleSummary, ProjectSummary } from '@core/model'
import { api } from '@renderer/api'
import { library, refreshLibrary } from './useLibrary'
import { libraryView, showSection } from './useLibraryView'
import { errorMessage, showToast } from './useToasts'

export const projects = reactive({
  list: [] as ProjectSummary[],
  loaded: false,
  error: null as string | null
})

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
const sortByTitle = (list: ProjectSummary[]): ProjectSummary[] => [...list].sort((a, b) => collator.compare(a.title, b.title))

export async function refreshProjects(): Promise<void> {
  try {
    projects.list = sortByTitle(await api.listProjects())
    projects.error = null
    // The open project was deleted elsewhere (another window): back to all sources.
    const s = libraryView.section
    if (s.kind === 'project' && !projects.list.some((p) => p.id === s.id)) showSection({ kind: 'all' })
  } catch (err) {
    projects.error = errorMessage(err)
  } finally {
    projects.loaded = true
  }
}

export function projectById(id: string | null | undefined): ProjectSummary | null {
  return (id && projects.list.find((p) => p.id === id)) || null
}

/** The library's sources that are in a project, in the order they were added to it. */
export function sourcesOf(projectId: string): ArticleSummary[] {
  const order = projectById(projectId)?.articleIds ?? []
  const rank = new Map(order.map((id, i) => [id, i]))
  return library.articles
    .filter((a) => a.projectIds.includes(projectId))
    .sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity))
}

/** How many library sources a project has now. */
export function sourceCount(projectId: string): number {
  return library.articles.reduce((n, a) => n + (a.projectIds.includes(projectId) ? 1 : 0), 0)
}

function put(p: ProjectSummary): void {
  const i = projects.list.findIndex((x) => x.id === p.id)
  const next = [...projects.list]
  if (i >= 0) next[i] = p
  else next.push(p)
  projects.list = sortByTitle(next)
}

/** What is wrong with a project title, or null. */
export function titleProblem(raw: string): string | null {
  const title = raw.replace(/\s+/g, ' ').trim()
  if (!title) return 'A project needs a title.'
  if (title.length > MAX_PROJECT_TITLE) return `A project title can be at most ${MAX_PROJECT_TITLE} characters long.`
  return null
}

/** Creates a project (and opens it, unless asked not to). Resolves the project, or an error message. */
export async function createProject(title: string, options: { open?: boolean } = {}): Promise<ProjectSummary | string> {
  const problem = titleProblem(title)
  if (problem) return problem
  try {
    const p = await api.createProject({ title })
    put(p)
    if (options.open !== false) showSection({ kind: 'project', id: p.id })
    return p
  } catch (err) {
    return errorMessage(err)
  }
}

/** Renames a project. Resolves null, or what went wrong. */
export async function renameProject(p: ProjectSummary, title: string): Promise<string | null> {
  const problem = titleProblem(title)
  if (problem) return problem
  if (title.replace(/\s+/g, ' ').trim() === p.title) return null
  try {
    put(await api.renameProject({ id: p.id, title }))
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

async function restoreProject(p: ProjectSummary): Promise<void> {
  try {
    put(await api.restoreProject(p.id))
    showToast(`Restored the project “${p.title}”.`, { kind: 'success' })
  } catch (err) {
    showToast(`Could not restore “${p.title}”: ${errorMessage(err)}`, { kind: 'error' })
  } finally {
    await Promise.all([refreshProjects(), refreshLibrary()])
  }
}

/** Deletes a project (its notes go with it, its sources stay), with Undo. */
export async function deleteProject(p: ProjectSummary): Promise<boolean> {
  try {
    await api.deleteProject(p.id)
    if (libraryView.section.kind === 'project' && libraryView.section.id === p.id) showSection({ kind: 'all' })
    projects.list = projects.list.filter((x) => x.id !== p.id)
    showToast(`Deleted the project “${p.title}”. Its sources stay in your library.`, {
      action: { label: 'Undo', run: () => void restoreProject(p) },
      timeout: 10000
    })
    await refreshLibrary()
    return true
  } catch (err) {
    showToast(`Could not delete “${p.title}”: ${errorMessage(err)}`, { kind: 'error' })
    return false
  }
}

const sources = (n: number): string => `${n} source${n === 1 ? '' : 's'}`

/** Adds sources to a project (those already in it stay as they are) and says what happened. */
export async function addToProject(projectId: string, articleIds: string[]): Promise<boolean> {
  const project = projectById(projectId)
  if (!project || !articleIds.length) return false
  const fresh = articleIds.filter((id) => !library.articles.find((a) => a.id === id)?.projectIds.includes(projectId))
  if (!fresh.length) {
    showToast(articleIds.length === 1 ? `Already in “${project.title}”.` : `These sources are already in “${project.title}”.`, { kind: 'info' })
    return true
  }
  try {
    put(await api.addToProject({ projectId, articleIds: fresh }))
    const title = fresh.length === 1 ? `“${library.articles.find((a) => a.id === fresh[0])?.title ?? 'The source'}”` : sources(fresh.length)
    showToast(`Added ${title} to “${project.title}”.`, {
      kind: 'success',
      action: { label: 'Undo', run: () => void removeMany(projectId, fresh) }
    })
    return true
  } catch (err) {
    showToast(`Could not add to “${project.title}”: ${errorMessage(err)}`, { kind: 'error' })
    return false
  } finally {
    await refreshLibrary()
  }
}

async function removeMany(projectId: string, articleIds: string[]): Promise<void> {
  try {
    for (const articleId of articleIds) put(await api.removeFromProject({ projectId, articleId }))
  } catch (err) {
    showToast(`Could not undo: ${errorMessage(err)}`, { kind: 'error' })
  } finally {
    await refreshLibrary()
  }
}

/** Takes sources out of a project (they stay in the library), with Undo. */
export async function removeFromProject(projectId: string, articleIds: string[]): Promise<boolean> {
  const project = projectById(projectId)
  if (!project || !articleIds.length) return false
  try {
    for (const articleId of articleIds) put(await api.removeFromProject({ projectId, articleId }))
    const title = articleIds.length === 1 ? `“${library.articles.find((a) => a.id === articleIds[0])?.title ?? 'The source'}”` : sources(articleIds.length)
    showToast(`Removed ${title} from “${project.title}”. ${articleIds.length === 1 ? 'It stays' : 'They stay'} in your library.`, {
      action: { label: 'Undo', run: () => void addBack(projectId, articleIds) },
      timeout: 8000
    })
    return true
  } catch (err) {
    showToast(`Could not remove from “${project.title}”: ${errorMessage(err)}`, { kind: 'error' })
    return false
  } finally {
    libraryView.selected = libraryView.selected.filter((id) => !articleIds.includes(id))
    await refreshLibrary()
  }
}

async function addBack(projectId: string, articleIds: string[]): Promise<void> {
  try {
    put(await api.addToProject({ projectId, articleIds }))
  } catch (err) {
    showToast(`Could not undo: ${errorMessage(err)}`, { kind: 'error' })
  } finally {
    await refreshLibrary()
  }
}
