// Creating, recolouring, commenting and removing highlights, with an undo/redo history.
// Every change goes through here so the reader, the panel and the notes pane stay in step.
import { reactive } from 'vue'
import type { AnchoredHighlight, HighlightColor, HighlightSegmentTarget } from '@core/model'
import { api } from '@renderer/api'
import { markLocalChange, reader } from './useReader'
import { errorMessage, showToast } from './useToasts'
import { emit } from './useWorkspace'

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

function put(h: AnchoredHighlight): void {
  if (reader.article?.id !== h.articleId) return
  const i = reader.highlights.findIndex((x) => x.id === h.id)
  if (i >= 0) reader.highlights.splice(i, 1, h)
  else reader.highlights.push(h)
}

function drop(id: string): void {
  const i = reader.highlights.findIndex((x) => x.id === id)
  if (i >= 0) reader.highlights.splice(i, 1)
}

function changed(articleId: string): void {
  markLocalChange(() => emit('highlightsChanged', { articleId }))
}

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
  return serial(async () => {
    try {
      const h = await api.createHighlight({ articleId, color, targets, ...(comment ? { comment } : {}) })
      put(h)
      record({ kind: 'create', articleId, id: h.id })
      changed(articleId)
      return h
    } catch (err) {
      return fail('Could not highlight this passage', err)
    }
  })
}

export function updateHighlight(h: AnchoredHighlight, patch: Partial<Fields>): Promise<AnchoredHighlight> {
  return serial(async () => {
    const current = reader.highlights.find((x) => x.id === h.id) ?? h
    const before: Fields = { color: current.color, comment: current.comment }
    const after: Fields = { ...before, ...patch }
    if (before.color === after.color && before.comment === after.comment) return current
    try {
      const updated = await api.updateHighlight({ id: h.id, ...patch })
      put(updated)
      record({ kind: 'update', articleId: h.articleId, id: h.id, before, after })
      changed(h.articleId)
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
      changed(h.articleId)
      showToast('Highlight removed', { action: { label: 'Undo', run: () => void undoEntry(entry) } })
    } catch (err) {
      fail('Could not remove the highlight', err)
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
  changed(entry.articleId)
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
