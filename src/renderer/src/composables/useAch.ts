// Competing hypotheses (ACH): a project's matrices and the one open in the matrix editor. The only caller of the ACH
// methods of the API. The open matrix saves like a note: every edit is kept at once in the store (scores follow
// instantly, computed by the core) and written a moment later with the revision it started from; when someone else
// saved in between, the backend keeps this edit as a conflicted copy, which is then opened and announced.
import { reactive, shallowRef } from 'vue'
import { MAX_ACH_TITLE, scoreMatrix, type AchMatrix, type AchScores } from '@core/analysis/ach'
import type { AchMatrixRecord, AchMatrixSummary } from '@core/api'
import { evidenceLabel } from '@core/analysis/achEdit'
import { AutosaveController, type AutosaveState } from '@core/notes/autosave'
import { api, onBeforeClose } from '@renderer/api'
import { articles } from './useArticles'
import { errorMessage, showToast } from './useToasts'

export const achList = reactive({
  projectId: null as string | null,
  list: [] as AchMatrixSummary[],
  loading: false,
  error: null as string | null
})

const byUpdated = (list: AchMatrixSummary[]): AchMatrixSummary[] => [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))

let listSeq = 0
export async function refreshMatrices(projectId: string): Promise<void> {
  const mine = ++listSeq
  if (achList.projectId !== projectId) {
    achList.projectId = projectId
    achList.list = []
  }
  achList.loading = true
  try {
    const list = await api.listAchMatrices(projectId)
    if (mine !== listSeq) return
    achList.list = byUpdated(list)
    achList.error = null
  } catch (err) {
    if (mine === listSeq) achList.error = errorMessage(err)
  } finally {
    if (mine === listSeq) achList.loading = false
  }
}

function putSummary(s: AchMatrixSummary): void {
  if (achList.projectId !== s.projectId) return
  achList.list = byUpdated([...achList.list.filter((x) => x.id !== s.id), s])
}

/** What is wrong with a matrix title, or null. */
export function matrixTitleProblem(raw: string): string | null {
  const title = raw.replace(/\s+/g, ' ').trim()
  if (!title) return 'A matrix needs a title.'
  if (title.length > MAX_ACH_TITLE) return `A matrix title can be at most ${MAX_ACH_TITLE} characters long.`
  return null
}

/** Creates an empty matrix in a project; resolves it, or an error message. */
export async function createMatrix(projectId: string, title: string): Promise<AchMatrixRecord | string> {
  const problem = matrixTitleProblem(title)
  if (problem) return problem
  try {
    const record = await api.createAchMatrix({ projectId, title })
    putSummary(record)
    return record
  } catch (err) {
    return errorMessage(err)
  }
}

/** Renames a matrix (through the open editor when it is the open one); resolves an error message or null. */
export async function renameMatrix(s: AchMatrixSummary, title: string): Promise<string | null> {
  const problem = matrixTitleProblem(title)
  if (problem) return problem
  const clean = title.replace(/\s+/g, ' ').trim()
  if (achEditor.record.value?.id === s.id) {
    achEditor.edit((m) => ({ ...m, title: clean }))
    await achEditor.flush().catch(() => undefined)
    return null
  }
  try {
    const record = await api.getAchMatrix(s.id)
    if (!record.matrix || record.readOnlyReason) return record.readOnlyReason ?? 'This matrix cannot be changed.'
    const result = await api.saveAchMatrix({ id: s.id, baseRevision: record.revision, matrix: { ...record.matrix, title: clean } })
    if (!result.ok) {
      putSummary(result.copy)
      return 'Someone else changed this matrix meanwhile; your title was kept in a conflicted copy.'
    }
    putSummary(result.matrix)
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

/** Deletes a matrix, with Undo. */
export async function deleteMatrix(s: AchMatrixSummary): Promise<boolean> {
  try {
    if (achEditor.record.value?.id === s.id) await achEditor.close()
    await api.deleteAchMatrix(s.id)
    achList.list = achList.list.filter((x) => x.id !== s.id)
    showToast(`Deleted the matrix “${s.title}”.`, { action: { label: 'Undo', run: () => void restoreMatrix(s) }, timeout: 10000 })
    return true
  } catch (err) {
    showToast(`Could not delete “${s.title}”: ${errorMessage(err)}`, { kind: 'error' })
    return false
  }
}

async function restoreMatrix(s: AchMatrixSummary): Promise<void> {
  try {
    putSummary(await api.restoreAchMatrix(s.id))
    showToast(`Restored “${s.title}”.`, { kind: 'success' })
  } catch (err) {
    showToast(`Could not restore “${s.title}”: ${errorMessage(err)}`, { kind: 'error' })
  }
}

// ---- the open matrix ----------------------------------------------------------------------------------------------

const record = shallowRef<AchMatrixRecord | null>(null)
const matrix = shallowRef<AchMatrix | null>(null)
const scores = shallowRef<AchScores | null>(null)
const saveState = shallowRef<AutosaveState>('saved')
const saveError = shallowRef<string | null>(null)
const loadError = shallowRef<string | null>(null)
/** The conflicted copy made by the last save, if any (the editor shows it). */
const conflictCopy = shallowRef<AchMatrixSummary | null>(null)
/** The version saved elsewhere that the copy was made beside. */
const conflictOriginal = shallowRef<AchMatrixSummary | null>(null)

let autosave: AutosaveController<AchMatrix> | null = null
let offState: () => void = () => {}

function makeAutosave(): AutosaveController<AchMatrix> {
  const c = new AutosaveController<AchMatrix>({ save: (m) => save(m), delayMs: 500, maxWaitMs: 2000 })
  offState = c.onState((s) => {
    saveState.value = s
    saveError.value = s === 'error' ? errorMessage(c.error) : null
  })
  return c
}

/** Puts a matrix as the backend gave it (its scores with it) in the editor. */
function show(r: AchMatrixRecord): void {
  record.value = r
  matrix.value = r.matrix
  scores.value = r.scores
}

async function save(m: AchMatrix): Promise<void> {
  const r = record.value
  if (!r) return
  const result = await api.saveAchMatrix({ id: r.id, baseRevision: r.revision, matrix: m })
  if (record.value?.id !== r.id) return
  if (result.ok) {
    record.value = result.matrix
    putSummary(result.matrix)
    return
  }
  // Someone else saved first: theirs stays, ours is the copy — open the copy, so the edit goes on where the user is.
  putSummary(result.current)
  putSummary(result.copy)
  conflictCopy.value = result.copy
  conflictOriginal.value = result.current
  show(result.copy)
}

let openSeq = 0
onBeforeClose(() => achEditor.flush().catch(() => undefined))

export const achEditor = {
  record,
  matrix,
  scores,
  saveState,
  saveError,
  loadError,
  conflictCopy,
  conflictOriginal,

  /** Opens a matrix (saving the one open before). */
  async open(id: string): Promise<boolean> {
    const mine = ++openSeq
    await achEditor.close()
    loadError.value = null
    try {
      const r = await api.getAchMatrix(id)
      if (mine !== openSeq) return false
      show(r)
      autosave = makeAutosave()
      return true
    } catch (err) {
      if (mine === openSeq) loadError.value = errorMessage(err)
      return false
    }
  },

  /** Saves what is pending and closes the editor. */
  async close(): Promise<void> {
    const c = autosave
    if (c) {
      await c.flush().catch((err: unknown) => showToast(`The matrix could not be saved: ${errorMessage(err)}`, { kind: 'error' }))
      c.dispose()
      offState()
    }
    autosave = null
    record.value = null
    matrix.value = null
    scores.value = null
    conflictCopy.value = null
    conflictOriginal.value = null
    saveState.value = 'saved'
    saveError.value = null
  },

  get readOnly(): string | null {
    const r = record.value
    if (!r) return null
    return r.readOnlyReason ?? (r.matrix ? null : 'This matrix cannot be opened.')
  },

  /**
   * Changes the open matrix: the edit is shown at once and saved shortly. An edit the core refuses (a limit reached)
   * is not made, and says why.
   */
  edit(change: (m: AchMatrix) => AchMatrix): boolean {
    const m = matrix.value
    if (!m || !autosave || achEditor.readOnly) return false
    let next: AchMatrix
    try {
      next = change(m)
    } catch (err) {
      showToast(errorMessage(err), { kind: 'warning' })
      return false
    }
    if (next === m) return true
    matrix.value = next
    scores.value = scoreMatrix(next)
    autosave.change(next)
    return true
  },

  /** Writes what is pending now. */
  flush(): Promise<void> {
    return autosave ? autosave.flush() : Promise.resolve()
  },

  dismissConflict(): void {
    conflictCopy.value = null
    conflictOriginal.value = null
  }
}

/**
 * A colleague's changes to a shared project arrived (waitForChanges): the list of the project shown follows, and the
 * open matrix shows their version when it has no edit of its own waiting — an edit being saved instead becomes a
 * conflicted copy (the backend's rule), so neither is lost.
 */
export async function achChanged(matrixIds: readonly string[], projectIds: readonly string[]): Promise<void> {
  const shown = achList.projectId
  if (shown && (projectIds.includes(shown) || matrixIds.length)) void refreshMatrices(shown)
  const r = record.value
  if (!r || !matrixIds.includes(r.id) || saveState.value !== 'saved') return
  try {
    const fresh = await api.getAchMatrix(r.id)
    if (record.value !== r || saveState.value !== 'saved') return
    show(fresh)
  } catch {
    // Deleted by the colleague: the list no longer has it; the editor closes.
    if (record.value === r) await achEditor.close()
  }
}

export function useAchEditor(): typeof achEditor {
  return achEditor
}

// ---- evidence to pick ---------------------------------------------------------------------------------------------

export interface EvidenceCandidate {
  key: string
  kind: 'paragraph' | 'highlight'
  articleId: string
  articleTitle: string
  paragraphId: string | null
  highlightId: string | null
  /** The passage (a highlight's text, a paragraph's excerpt). */
  text: string
  /** [start, end) of the matched words in `text` (paragraph search). */
  matches: [number, number][]
  /** "¶12" or "¶12 · p. 3" when known. */
  place: string | null
  color: string | null
}

/** The highlights of a project's sources, newest first (the picker filters them as the user types). */
export async function projectHighlights(articleIds: readonly string[], titleOf: (id: string) => string): Promise<EvidenceCandidate[]> {
  const lists = await Promise.all(articleIds.map((id) => api.listHighlights(id).catch(() => [])))
  return lists
    .flat()
    .filter((h) => h.resolved.length > 0)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((h) => ({
      key: `h:${h.id}`,
      kind: 'highlight' as const,
      articleId: h.articleId,
      articleTitle: titleOf(h.articleId),
      paragraphId: h.resolved[0]?.paragraphId ?? null,
      highlightId: h.id,
      text: h.targets.map((t) => t.quote.exact.trim()).join(' … '),
      matches: [],
      place: null,
      color: h.color
    }))
}

/** The paragraphs of a project's sources that notes cite, in source and paragraph order. */
export async function citedParagraphs(articleIds: readonly string[], titleOf: (id: string) => string): Promise<EvidenceCandidate[]> {
  const perSource = await Promise.all(
    articleIds.map(async (articleId, order) => {
      const links = await api.getBacklinks(articleId).catch(() => ({}) as Record<string, { quote: string }[]>)
      const ids = Object.keys(links).filter((id) => links[id]?.length)
      if (!ids.length) return []
      const a = await articles.load(articleId).catch(() => null)
      if (!a) return []
      return ids.flatMap((paragraphId) => {
        const p = articles.paragraph(a.paragraphs, paragraphId)
        if (!p) return []
        const quote = links[paragraphId].map((e) => e.quote.trim()).find((q) => q && p.text.includes(q))
        const text = quote ?? (p.text.length > 240 ? `${p.text.slice(0, 239).trimEnd()}…` : p.text)
        const n = links[paragraphId].length
        return [
          {
            order,
            index: p.index,
            c: {
              key: `c:${articleId}:${paragraphId}`,
              kind: 'paragraph' as const,
              articleId,
              articleTitle: titleOf(articleId),
              paragraphId,
              highlightId: null,
              text,
              matches: [],
              place: `${p.page ? `¶${p.index + 1} · p. ${p.page}` : `¶${p.index + 1}`} · cited ${n === 1 ? 'once' : `${n} times`}`,
              color: null
            }
          }
        ]
      })
    })
  )
  return perSource
    .flat()
    .sort((x, y) => x.order - y.order || x.index - y.index)
    .map((x) => x.c)
}

/** Paragraphs of the project's sources holding the words typed (the `[[` search, limited to the project). */
export async function searchProjectParagraphs(projectId: string, query: string): Promise<EvidenceCandidate[]> {
  if (!query.trim()) return []
  const hits = await api.suggestParagraphs({ query, projectId, articleId: null, limit: 40 })
  return hits
    .filter((s) => s.scope !== 'library')
    .map((s) => ({
      key: `p:${s.articleId}:${s.paragraphId}`,
      kind: 'paragraph' as const,
      articleId: s.articleId,
      articleTitle: s.articleTitle,
      paragraphId: s.paragraphId,
      highlightId: null,
      text: s.snippet,
      matches: s.matches,
      place: s.page ? `¶${s.number} · p. ${s.page}` : `¶${s.number}`,
      color: null
    }))
}

/** The label a picked passage starts with: a highlight's text; for a paragraph, the sentences the match is in. */
export async function labelForCandidate(c: EvidenceCandidate): Promise<string> {
  if (c.kind !== 'paragraph' || !c.paragraphId) return evidenceLabel(c.text, c.text)
  try {
    const a = await articles.load(c.articleId)
    const p = articles.paragraph(a.paragraphs, c.paragraphId)
    return evidenceLabel(p?.text ?? c.text, c.text)
  } catch {
    return evidenceLabel(c.text, c.text)
  }
}

/** The label a paragraph dropped on a matrix starts with: its text (clipped). */
export async function labelForParagraph(articleId: string, paragraphId: string): Promise<string> {
  try {
    const a = await articles.load(articleId)
    const text = articles.paragraph(a.paragraphs, paragraphId)?.text ?? ''
    return evidenceLabel(text, text)
  } catch {
    return ''
  }
}
