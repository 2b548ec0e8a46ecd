// A project's notes: listing, creating, renaming, deleting, and opening one in the notes pane beside a source of
// the project. While a project note is shown, reading another source does not replace it (the pane keeps it, and
// comes back to it when the pane opens again within the same project).
import { reactive, watch } from 'vue'
import { MAX_NOTE_TITLE } from '@core/limits'
import type { Note, NoteSummary } from '@core/model'
import { api } from '@renderer/api'
import { library } from './useLibrary'
import { libraryView, openProjectId } from './useLibraryView'
import { projectById, refreshProjects, sourcesOf } from './useProjects'
import { errorMessage, showToast } from './useToasts'
import { showNote, workspace } from './useWorkspace'

export const projectNotes = reactive({
  /** Every note that belongs to a project. */
  list: [] as NoteSummary[],
  loaded: false,
  error: null as string | null
})

/** The project note the notes pane showed last (kept across sources of its project). */
const pin = reactive({ noteId: null as string | null, projectId: null as string | null })

/** The source last read in each project (a project note opens beside it). */
const lastRead: Record<string, string> = {}

watch(
  () => workspace.articleId,
  (id) => {
    const projectId = openProjectId()
    if (id && projectId && library.articles.some((a) => a.id === id && a.projectIds.includes(projectId))) lastRead[projectId] = id
  }
)

export async function refreshProjectNotes(): Promise<void> {
  try {
    projectNotes.list = (await api.listNotes()).filter((n) => n.projectId)
    projectNotes.error = null
  } catch (err) {
    projectNotes.error = errorMessage(err)
  } finally {
    projectNotes.loaded = true
  }
}

/** A project's notes, most recently changed first. */
export function notesOf(projectId: string): NoteSummary[] {
  return projectNotes.list.filter((n) => n.projectId === projectId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

/** The notes pane shows `note`: remember it when it is a project note, forget the pin otherwise. */
export function rememberShownNote(note: Pick<NoteSummary, 'id' | 'projectId'>): void {
  pin.noteId = note.projectId ? note.id : null
  pin.projectId = note.projectId
}

/** The project note to show when the notes pane opens: the one shown last, if its project is still open. */
export function pinnedProjectNote(): string | null {
  return pin.noteId && pin.projectId === openProjectId() ? pin.noteId : null
}

/** The source a project note opens beside: the one last read in the project, else its first source. */
function sourceToOpen(projectId: string): string | null {
  const sources = sourcesOf(projectId)
  const last = lastRead[projectId]
  return (last && sources.some((a) => a.id === last) ? last : sources[0]?.id) ?? null
}

/** Whether a project has a source to write beside (notes are written in the pane next to the reader). */
export function canOpenProjectNotes(projectId: string): boolean {
  return sourceToOpen(projectId) !== null
}

/** Opens a project note in the notes pane, beside a source of its project. False (and says why) when it cannot. */
export function openProjectNote(note: Pick<NoteSummary, 'id' | 'projectId'>): boolean {
  const projectId = note.projectId
  if (!projectId) return false
  const articleId = workspace.articleId ?? sourceToOpen(projectId)
  if (!articleId) {
    showToast('Add a source to this project first: notes are written beside a source in the reader.', { kind: 'info' })
    return false
  }
  if (libraryView.section.kind !== 'project' || libraryView.section.id !== projectId) libraryView.section = { kind: 'project', id: projectId }
  rememberShownNote(note)
  return showNote(note.id, articleId)
}

/** Creates a note in a project. Resolves the note, or what went wrong. */
export async function createProjectNote(projectId: string, title = 'Untitled note'): Promise<Note | string> {
  if (!projectById(projectId)) return 'This project does not exist (any more).'
  try {
    const note = await api.createNote({ title, articleId: null, projectId })
    projectNotes.list = [...projectNotes.list, note]
    void refreshProjects()
    return note
  } catch (err) {
    return errorMessage(err)
  }
}

/** "New note" in a project (button, or Mod+Alt+N in the project view): creates it and opens it beside a source. */
export async function newProjectNote(projectId: string): Promise<void> {
  if (!canOpenProjectNotes(projectId)) {
    showToast('Add a source to this project first: notes are written beside a source in the reader.', { kind: 'info' })
    return
  }
  const note = await createProjectNote(projectId)
  if (typeof note === 'string') showToast(`The note could not be created: ${note}`, { kind: 'error' })
  else openProjectNote(note)
}

export function noteTitleProblem(raw: string): string | null {
  const title = raw.replace(/\s+/g, ' ').trim()
  if (!title) return 'A note needs a title.'
  if (title.length > MAX_NOTE_TITLE) return `Keep the title under ${MAX_NOTE_TITLE} characters.`
  return null
}

export async function renameProjectNote(note: NoteSummary, title: string): Promise<string | null> {
  const problem = noteTitleProblem(title)
  if (problem) return problem
  try {
    const summary = await api.renameNote({ id: note.id, title })
    projectNotes.list = projectNotes.list.map((n) => (n.id === note.id ? { ...n, ...summary } : n))
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

/** Deletes a note; the message that says so can undo it. */
/** Undoes deleteNote. */
async function restoreNote(note: Pick<NoteSummary, 'id' | 'title'>): Promise<void> {
  try {
    await api.restoreNote(note.id)
    await refreshProjectNotes()
    void refreshProjects()
    showToast(`Restored the note “${note.title}”.`, { kind: 'info' })
  } catch (err) {
    showToast(`Could not restore “${note.title}”: ${errorMessage(err)}`, { kind: 'error' })
  }
}

export async function deleteNote(note: Pick<NoteSummary, 'id' | 'title'>): Promise<boolean> {
  try {
    await api.deleteNote(note.id)
    projectNotes.list = projectNotes.list.filter((n) => n.id !== note.id)
    if (pin.noteId === note.id) pin.noteId = null
    showToast(`Deleted the note “${note.title}”.`, { kind: 'info', action: { label: 'Undo', run: () => void restoreNote(note) } })
    void refreshProjects()
    return true
  } catch (err) {
    showToast(`Could not delete “${note.title}”: ${errorMessage(err)}`, { kind: 'error' })
    return false
  }
}
