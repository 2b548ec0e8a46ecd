// Creating, recolouring, commenting, placing and removing highlights, with an undo/redo history.
// Every change goes through here into the reader store, so the reader and the panel stay in step.
import { reactive } from 'vue'
import { GlossError } from '@core/api'
import type { AnchoredHighlight, HighlightColor, HighlightSegmentTarget } from '@core/model'
import { api } from '@renderer/api'
import { reader } from './useReader'
import { errorMessage, showToast } from './useToasts'

type Fields = { color: HighlightColor; comment: string }
type Entry =
  | { kind: 'create'; articleId: string; id: string }
  | { kind: 'remove'; articleId: string; id: string }
  | { kind: 'update'; articleId: string; id: string; before: Fields; after: Fields }

export const history = reactive({ undo: [] as Entry[], redo: [] as Entry[] })
const LIMIT = 100

// Operations run one at a time so undo never races a change still in flight.
let queue: Promise<unknown> = Promise.resolve()
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

const put = (h: AnchoredHighlight): void => reader.putHighlight(h)
const drop = (id: string): void => reader.dropHighlight(id)

function record(entry: Entry): void {
  history.undo.push(entry)
  if (history.undo.length > LIMIT) history.undo.shift()
  history.redo.length = 0
}

function fail(action: string, err: unknown): never {
  showToast(`${action}: ${errorMessage(err)}`, { kind: 'error' })
  throw err
}

export function createHighlight(
  articleId: string,
  color: HighlightColor,
  targets: HighlightSegmentTarget[],
  comment = ''
): Promise<AnchoredHighlight> {
  // Painted at once, where the selection was; replaced by the stored highlight when the backend answers (or taken
  // away, with the error, when it refuses).
  const pending = reader.addPending(articleId, color, targets, comment)
  return serial(async () => {
    try {
      const h = await api.createHighlight({ articleId, color, targets, ...(comment ? { comment } : {}) })
      put(h)
      record({ kind: 'create', articleId, id: h.id })
      return h
    } catch (err) {
      return fail('Could not highlight this passage', err)
    } finally {
      reader.dropPending(pending)
    }
  })
}

export function updateHighlight(h: AnchoredHighlight, patch: Partial<Fields>): Promise<AnchoredHighlight> {
  return serial(async () => {
    const current = reader.highlight(h.id) ?? h
    const before: Fields = { color: current.color, comment: current.comment }
    const after: Fields = { ...before, ...patch }
    if (before.color === after.color && before.comment === after.comment) return current
    try {
      const updated = await api.updateHighlight({ id: h.id, ...patch })
      put(updated)
      record({ kind: 'update', articleId: h.articleId, id: h.id, before, after })
      return updated
    } catch (err) {
      return fail('Could not change the highlight', err)
    }
  })
}

export function removeHighlight(h: AnchoredHighlight): Promise<void> {
  return serial(async () => {
    try {
      await api.deleteHighlight(h.id)
      drop(h.id)
      const entry: Entry = { kind: 'remove', articleId: h.articleId, id: h.id }
      record(entry)
      showToast('Highlight removed', { action: { label: 'Undo', run: () => void undoEntry(entry) } })
    } catch (err) {
      fail('Could not remove the highlight', err)
    }
  })
}

/**
 * Stores a highlight's suggested place as where it is ('review', 'orphan' or 'partial' → placed). When the article
 * changed since the suggestion was made, the backend refuses ('conflict'): the highlights are fetched again and the
 * user is told to look at the new suggestion. Resolves with the placed highlight, or null.
 */
export function acceptSuggestedPlace(h: AnchoredHighlight): Promise<AnchoredHighlight | null> {
  return serial(async () => {
    const suggestion = h.suggestion
    if (!suggestion?.length) return null
    try {
      const placed = await api.acceptSuggestedPlace({ id: h.id, suggestion })
      if (reader.preview?.highlightId === h.id) reader.previewPlace(null)
      put(placed)
      const n = reader.article?.paragraphs.findIndex((p) => p.id === placed.resolved[0]?.paragraphId) ?? -1
      showToast(n >= 0 ? `Highlight placed in ¶${n + 1}.` : 'Highlight placed.', { kind: 'success' })
      return placed
    } catch (err) {
      if (err instanceof GlossError && err.code === 'conflict') {
        showToast('The article changed since this place was suggested, so the highlight was left as it was. The list is up to date now: check the suggestion again.', {
          kind: 'warning',
          timeout: 10000
        })
      } else {
        showToast(`Could not place the highlight: ${errorMessage(err)}`, { kind: 'error' })
      }
      if (reader.preview?.highlightId === h.id) reader.previewPlace(null)
      await reader.refreshHighlights(h.articleId).catch(() => undefined)
      return null
    }
  })
}

async function apply(entry: Entry, direction: 'undo' | 'redo'): Promise<void> {
  const { id } = entry
  if (entry.kind === 'update') {
    const fields = direction === 'undo' ? entry.before : entry.after
    put(await api.updateHighlight({ id, ...fields }))
  } else if ((entry.kind === 'create') === (direction === 'undo')) {
    await api.deleteHighlight(id)
    drop(id)
  } else {
    put(await api.restoreHighlight(id))
  }
}

/** Undoes one specific entry (the "Undo" of a toast), wherever it sits in the history. */
function undoEntry(entry: Entry): Promise<void> {
  return serial(async () => {
    const i = history.undo.indexOf(entry)
    if (i < 0) return
    try {
      await apply(entry, 'undo')
      history.undo.splice(i, 1)
      history.redo.push(entry)
    } catch (err) {
      showToast(`Could not undo: ${errorMessage(err)}`, { kind: 'error' })
    }
  })
}

export function undo(): Promise<boolean> {
  return serial(async () => {
    const entry = history.undo.pop()
    if (!entry) return false
    try {
      await apply(entry, 'undo')
      history.redo.push(entry)
      return true
    } catch (err) {
      showToast(`Could not undo: ${errorMessage(err)}`, { kind: 'error' })
      return false
    }
  })
}

export function redo(): Promise<boolean> {
  return serial(async () => {
    const entry = history.redo.pop()
    if (!entry) return false
    try {
      await apply(entry, 'redo')
      history.undo.push(entry)
      return true
    } catch (err) {
      showToast(`Could not redo: ${errorMessage(err)}`, { kind: 'error' })
      return false
    }
  })
}

/** History belongs to one article: cleared when another opens. */
export function clearHistory(): void {
  history.undo.length = 0
  history.redo.length = 0
}
