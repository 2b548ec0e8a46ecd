// Team projects in the app: the sync state of each shared project, who is online in it (and reading which source),
// its members, and the actions (share, join, leave, remove a member, sync now). The only caller of the team methods
// of the API, and of waitForChanges: one long wait at a time while any project is shared, which wakes the app when a
// colleague's change has been written to the local library (the reader then reloads its highlights, the library its
// sources), when presence or carets change, or when the connection does. The backend decides everything; this store
// only keeps what it said and tells the rest of the app.
import { reactive } from 'vue'
import type { InviteRole, MemberRecord } from '@core/sync/records'
import type { PresenceMember, SyncChanges, SyncStatus } from '@core/sync/status'
import type { ProjectSummary } from '@core/model'
import { api } from '@renderer/api'
import { refreshLibrary } from './useLibrary'
import { showSection } from './useLibraryView'
import { refreshProjectNotes } from './useProjectNotes'
import { refreshProjects } from './useProjects'
import { errorMessage, showToast } from './useToasts'
import { reader } from './useReader'
import { achChanged } from './useAch'

export const team = reactive({
  /** Sync state per shared project id (absent: not shared). */
  status: {} as Record<string, SyncStatus>,
  presence: {} as Record<string, PresenceMember[]>,
  members: {} as Record<string, MemberRecord[]>,
  /** Projects with a "Sync now" running. */
  syncing: [] as string[],
  loaded: false
})

export const isShared = (projectId: string | null | undefined): boolean => !!projectId && !!team.status[projectId]
export const statusOf = (projectId: string | null | undefined): SyncStatus | null => (projectId && team.status[projectId]) || null

/** The sync state in plain words (a short label, and a sentence for its tooltip and screen readers). */
export function describeStatus(s: SyncStatus): { tone: 'ok' | 'busy' | 'offline' | 'error'; label: string; detail: string } {
  const pending = s.pendingChanges === 1 ? '1 change' : `${s.pendingChanges.toLocaleString('en-US')} changes`
  switch (s.state) {
    case 'synced':
      return { tone: 'ok', label: 'Connected', detail: `Connected to ${s.server}. Everything is in step with your colleagues.` }
    case 'syncing':
      return { tone: 'busy', label: 'Syncing…', detail: `Connected to ${s.server}; sending and fetching changes${s.pendingChanges ? ` (${pending} to send)` : ''}.` }
    case 'connecting':
    case 'offline':
      return {
        tone: 'offline',
        label: 'Offline',
        detail: `The team server at ${s.server} cannot be reached right now; Gloss keeps trying. Keep working: your edits are kept${s.pendingChanges ? ` (${pending} waiting)` : ''} and merged when it is back.`
      }
    case 'refused':
      return { tone: 'error', label: 'Not syncing', detail: s.error ?? 'The team server refused this project.' }
  }
}

export const ROLE_LABELS: Record<InviteRole, { label: string; detail: string }> = {
  editor: { label: 'Editor', detail: 'can change everything: sources, highlights, tags and notes' },
  commenter: { label: 'Commenter', detail: 'can add highlights and comments, and change their own' },
  reader: { label: 'Reader', detail: 'can read the project but not change it' }
}

export async function refreshStatus(): Promise<void> {
  try {
    const list = await api.syncStatus()
    team.status = Object.fromEntries(list.map((s) => [s.projectId, s]))
  } catch {
    /* the status is a convenience; keep the last one */
  } finally {
    team.loaded = true
  }
  if (Object.keys(team.status).length) startWatching()
}

export async function refreshPresence(projectId: string): Promise<void> {
  if (!isShared(projectId)) return
  try {
    team.presence[projectId] = await api.listPresence(projectId)
  } catch {
    team.presence[projectId] = []
  }
}

export async function refreshMembers(projectId: string): Promise<string | null> {
  try {
    team.members[projectId] = await api.listMembers(projectId)
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

/** Shares a project (the first time) and makes an invite. Resolves the invite, or what went wrong. */
export async function shareProject(req: { projectId: string; server: string; role: InviteRole; name: string }): Promise<{ invite: string } | { error: string }> {
  try {
    const { invite } = await api.shareProject({ projectId: req.projectId, server: req.server, role: req.role, ...(req.name.trim() ? { name: req.name } : {}) })
    await Promise.all([refreshStatus(), refreshMembers(req.projectId)])
    return { invite }
  } catch (err) {
    return { error: errorMessage(err) }
  }
}

/** Joins a project from an invite and opens it. Resolves the project, or what went wrong. */
export async function joinProject(invite: string, name: string): Promise<ProjectSummary | string> {
  if (!invite.trim()) return 'Paste the invite a colleague gave you (it starts with “gloss-invite:”).'
  try {
    const project = await api.joinProject({ invite, ...(name.trim() ? { name } : {}) })
    await Promise.all([refreshProjects(), refreshLibrary(), refreshStatus()])
    showSection({ kind: 'project', id: project.id })
    showToast(`Joined “${project.title}” (${project.sourceCount} source${project.sourceCount === 1 ? '' : 's'}, ${project.noteCount} note${project.noteCount === 1 ? '' : 's'}).`, { kind: 'success' })
    return project
  } catch (err) {
    return errorMessage(err)
  }
}

export async function leaveProject(p: ProjectSummary): Promise<boolean> {
  try {
    await api.leaveProject(p.id)
    delete team.status[p.id]
    delete team.presence[p.id]
    delete team.members[p.id]
    showToast(`Left the shared project “${p.title}”. It stays in your library as a project of your own; changes are no longer synced.`, { kind: 'success', timeout: 8000 })
    await refreshStatus()
    return true
  } catch (err) {
    showToast(`Could not leave “${p.title}”: ${errorMessage(err)}`, { kind: 'error' })
    return false
  }
}

export async function removeMember(projectId: string, m: MemberRecord): Promise<string | null> {
  try {
    await api.removeMember({ projectId, memberId: m.id })
    await refreshMembers(projectId)
    showToast(`Removed ${m.name || 'the member'} from the project. Their invite no longer works.`, { kind: 'success' })
    return null
  } catch (err) {
    return errorMessage(err)
  }
}

export async function syncNow(projectId: string): Promise<void> {
  if (team.syncing.includes(projectId)) return
  team.syncing.push(projectId)
  try {
    const list = await api.syncNow()
    team.status = Object.fromEntries(list.map((s) => [s.projectId, s]))
    showToast('In step with the team server.', { kind: 'success' })
  } catch (err) {
    showToast(errorMessage(err), { kind: 'warning' })
    await refreshStatus()
  } finally {
    team.syncing = team.syncing.filter((id) => id !== projectId)
  }
}

/** Tells colleagues which source is open here (in the shared projects it belongs to). */
export function announceReading(articleId: string | null): void {
  api.setReading({ articleId }).catch(() => {})
}

// ---------------------------------------------------------------------------------------- change events

type NoteListener = (noteId: string) => void
const noteListeners = new Set<NoteListener>()
/** Calls `fn` when a note's text or its colleagues' carets changed elsewhere (a colleague, another window). */
export function onNoteChanged(fn: NoteListener): () => void {
  noteListeners.add(fn)
  startWatching()
  return () => noteListeners.delete(fn)
}

let watching = false
let since = 0

function startWatching(): void {
  if (watching) return
  watching = true
  void loop()
}

async function loop(): Promise<void> {
  let failures = 0
  while (watching) {
    let changes: SyncChanges
    try {
      changes = await api.waitForChanges({ since, timeoutMs: 20_000 })
      failures = 0
    } catch {
      // The backend restarting or gone: try again, more slowly.
      failures++
      await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * failures)))
      continue
    }
    const first = since === 0
    since = changes.seq
    if (!first) apply(changes)
    if (!Object.keys(team.status).length && !noteListeners.size) watching = false
  }
}

let statusTimer: ReturnType<typeof setTimeout> | null = null
function apply(c: SyncChanges): void {
  if (c.reset) {
    void Promise.all([refreshProjects(), refreshLibrary(), refreshStatus()])
    for (const id of Object.keys(team.status)) void refreshPresence(id)
  }
  // The open source's highlights (a colleague's new one shows within a second) and, after note changes, backlinks.
  const open = reader.article?.id
  if (open && c.articles.includes(open)) void reader.refreshHighlights(open)
  if (c.projects.length || c.articles.length) {
    void refreshProjects()
    void refreshLibrary()
    void refreshProjectNotes()
  }
  for (const noteId of new Set([...c.notes, ...c.carets])) {
    for (const fn of noteListeners) fn(noteId)
  }
  if (c.notes.length) void reader.refreshBacklinks()
  if (c.ach.length || c.projects.length) void achChanged(c.ach, c.projects)
  for (const projectId of c.presence) void refreshPresence(projectId)
  if (c.status.length || c.projects.length) {
    // Connection events come in bursts (connect, authenticate, sync): one status read for the burst.
    if (statusTimer) clearTimeout(statusTimer)
    statusTimer = setTimeout(() => {
      statusTimer = null
      void refreshStatus()
    }, 150)
  }
}
