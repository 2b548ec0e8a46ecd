// Tags (codes) on highlights and sources, and the tag manager: the only caller of the tag methods of the API.
// Tags are free-form; names match ignoring case (the backend keeps the first spelling). Colours are not tags.
import { reactive } from 'vue'
import type { AnchoredHighlight, ArticleSummary, TagGroup, TagSummary } from '@core/model'
import type { KnownTag } from '@core/search/tags'
import { cleanTagName } from '@core/tags'
import { api } from '@renderer/api'
import { refreshLibrary, replaceInLibrary } from './useLibrary'
import { reader } from './useReader'
import { errorMessage, showToast } from './useToasts'

export const tagStore = reactive({
  /** Every tag of the library with its counts. */
  all: [] as TagSummary[],
  /** Tags used in a project (counted there), per project id. */
  byProject: {} as Record<string, TagSummary[]>,
  loaded: false,
  error: null as string | null
})

export async function refreshTags(projectId?: string | null): Promise<void> {
  try {
    const [all, scoped] = await Promise.all([api.listTags({}), projectId ? api.listTags({ projectId }) : Promise.resolve(null)])
    tagStore.all = all
    if (projectId && scoped) tagStore.byProject[projectId] = scoped
    tagStore.error = null
  } catch (err) {
    tagStore.error = errorMessage(err)
  } finally {
    tagStore.loaded = true
  }
}

/** Tags to offer while typing: the project's first (when a project is open), then the rest of the library's. */
export function knownTags(projectId: string | null): KnownTag[] {
  const scoped = projectId ? (tagStore.byProject[projectId] ?? []) : []
  const inProject = new Set(scoped.map((t) => t.id))
  const weight = (t: TagSummary): number => t.highlightCount + t.sourceCount
  return [
    ...scoped.map((t) => ({ name: t.name, count: 1_000_000 + weight(t) })),
    ...tagStore.all.filter((t) => !inProject.has(t.id)).map((t) => ({ name: t.name, count: weight(t) }))
  ]
}

/** What is wrong with a typed tag name, or null (the core's own rule and message). */
export function tagNameProblem(raw: string): string | null {
  try {
    cleanTagName(raw)
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

function putHighlightTags(highlightId: string, tags: string[]): void {
  reader.patchHighlight(highlightId, { tags: tags.length ? tags : undefined })
}

/** Tags a highlight (on) or takes the tag off. Resolves null, or what went wrong (the input shows it). */
export async function setHighlightTag(h: AnchoredHighlight, tag: string, on: boolean, projectId: string | null): Promise<string | null> {
  const problem = tagNameProblem(tag)
  if (problem) return problem
  try {
    const { tags } = await api.setTag({ kind: 'highlight', targetId: h.id, tag, on })
    putHighlightTags(h.id, tags)
    void refreshTags(projectId)
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

/** Tags a source (on) or takes the tag off. Resolves null, or what went wrong. */
export async function setSourceTag(article: ArticleSummary, tag: string, on: boolean, projectId: string | null): Promise<string | null> {
  const problem = tagNameProblem(tag)
  if (problem) return problem
  try {
    const { tags } = await api.setTag({ kind: 'article', targetId: article.id, tag, on })
    replaceInLibrary({ ...article, tags })
    void refreshTags(projectId)
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

/** After a rename, merge or delete: every list that shows tag names. */
async function afterChange(): Promise<void> {
  await Promise.all([refreshTags(), refreshLibrary()])
  tagStore.byProject = {}
}

export async function renameTag(tag: TagSummary, name: string): Promise<string | null> {
  const problem = tagNameProblem(name)
  if (problem) return problem
  if (name.replace(/\s+/g, ' ').trim() === tag.name) return null
  try {
    await api.renameTag({ id: tag.id, name })
    await afterChange()
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

/** Merges `from` into `into`: everything tagged with the first carries the second. Resolves null or an error. */
export async function mergeTags(from: TagSummary, into: TagSummary): Promise<string | null> {
  if (from.id === into.id) return 'Pick another tag to merge into.'
  try {
    const merged = await api.mergeTags({ fromId: from.id, intoId: into.id })
    await afterChange()
    showToast(`Merged “${from.name}” into “${merged.name}”.`, { kind: 'success' })
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

async function restoreTag(tag: TagSummary): Promise<void> {
  try {
    await api.restoreTag(tag.id)
    showToast(`Restored the tag “${tag.name}”.`, { kind: 'success' })
  } catch (err) {
    showToast(`Could not restore “${tag.name}”: ${errorMessage(err)}`, { kind: 'error' })
  } finally {
    await afterChange()
  }
}

/** Deletes a tag (it comes off every highlight and source), with Undo. */
export async function deleteTag(tag: TagSummary): Promise<void> {
  try {
    await api.deleteTag(tag.id)
    tagStore.all = tagStore.all.filter((t) => t.id !== tag.id)
    const uses = tag.highlightCount + tag.sourceCount
    showToast(`Deleted the tag “${tag.name}”${uses ? ` from ${uses} ${uses === 1 ? 'place' : 'places'}` : ''}.`, {
      action: { label: 'Undo', run: () => void restoreTag(tag) },
      timeout: 10000
    })
  } catch (err) {
    showToast(`Could not delete “${tag.name}”: ${errorMessage(err)}`, { kind: 'error' })
  } finally {
    await afterChange()
  }
}

/** Every tagged passage of a project's sources (or of the library), grouped by tag. */
export function highlightsByTag(projectId: string | null): Promise<TagGroup[]> {
  return api.highlightsByTag(projectId ? { projectId } : {})
}
