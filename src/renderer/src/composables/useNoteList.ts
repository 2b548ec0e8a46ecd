// The list behind the notes switcher: every note, the open article's analysis note(s) first, then most recent.
import { computed, reactive, ref } from 'vue'
import type { NoteSummary } from '@core/model'
import { api } from '@renderer/api'
import { workspace } from './useWorkspace'

export function useNoteList() {
  const notes = ref<NoteSummary[]>([])
  const error = ref<string | null>(null)
  /** Analysis note ids as returned by api.getArticleNote, per article id. */
  const analysisNotes = reactive<Record<string, string>>({})
  let seq = 0

  async function refresh(): Promise<NoteSummary[]> {
    const mine = ++seq
    try {
      const list = await api.listNotes()
      if (mine === seq) {
        notes.value = list
        error.value = null
      }
      return list
    } catch (err) {
      if (mine === seq) error.value = err instanceof Error ? err.message : String(err)
      return notes.value
    }
  }

  /** The open article's analysis note (as the backend named it, else the oldest note written beside it). */
  const articleNoteId = computed(() => {
    const id = workspace.articleId
    if (!id) return null
    if (analysisNotes[id]) return analysisNotes[id]
    const mine = notes.value.filter((n) => n.articleId === id)
    mine.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    return mine[0]?.id ?? null
  })

  const ordered = computed(() => {
    const first = articleNoteId.value
    const articleId = workspace.articleId
    const rank = (n: NoteSummary): number => (n.id === first ? 0 : articleId && n.articleId === articleId ? 1 : 2)
    return [...notes.value].sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt))
  })

  /** Keeps a summary up to date locally (after a save or rename) without asking the backend. */
  function upsert(summary: NoteSummary): void {
    const i = notes.value.findIndex((n) => n.id === summary.id)
    const slim: NoteSummary = {
      id: summary.id,
      articleId: summary.articleId,
      projectId: summary.projectId,
      title: summary.title,
      revision: summary.revision,
      createdAt: summary.createdAt,
      updatedAt: summary.updatedAt
    }
    if (i < 0) notes.value = [...notes.value, slim]
    else {
      const copy = [...notes.value]
      copy[i] = slim
      notes.value = copy
    }
  }

  function rememberAnalysisNote(articleId: string, noteId: string): void {
    analysisNotes[articleId] = noteId
  }

  return { notes, ordered, articleNoteId, error, refresh, upsert, rememberAnalysisNote }
}
