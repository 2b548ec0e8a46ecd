// This library's side of sync: the shared projects (sync_projects), the log of Yjs updates (sync_updates), the outbox
// the triggers fill, the applying flag, and the states of shared notes by revision (migration 006).
import { nowIso } from '../../core/ids'
import type { Role } from '../../core/sync/records'
import type { DB } from '../db/database'

export interface ProjectLink {
  projectId: string
  server: string
  token: string
  mode: 'create' | 'member'
  memberId: string | null
  memberName: string
  role: Role
  lastError: string | null
  lastSyncedAt: string | null
}

interface LinkRow {
  project_id: string
  server_url: string
  token: string
  mode: 'create' | 'member'
  member_id: string | null
  member_name: string
  role: Role
  last_error: string | null
  last_synced_at: string | null
}

const toLink = (r: LinkRow): ProjectLink => ({
  projectId: r.project_id,
  server: r.server_url,
  token: r.token,
  mode: r.mode,
  memberId: r.member_id,
  memberName: r.member_name,
  role: r.role,
  lastError: r.last_error,
  lastSyncedAt: r.last_synced_at
})

export function links(db: DB): ProjectLink[] {
  return (db.prepare('SELECT * FROM sync_projects WHERE left_at IS NULL ORDER BY created_at').all() as LinkRow[]).map(toLink)
}

export function link(db: DB, projectId: string): ProjectLink | null {
  const r = db.prepare('SELECT * FROM sync_projects WHERE project_id = ? AND left_at IS NULL').get(projectId) as LinkRow | undefined
  return r ? toLink(r) : null
}

export function insertLink(db: DB, l: Omit<ProjectLink, 'lastError' | 'lastSyncedAt'>): void {
  const now = nowIso()
  db.prepare(
    `INSERT INTO sync_projects (project_id, server_url, token, mode, member_id, member_name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (project_id) DO UPDATE SET server_url = excluded.server_url, token = excluded.token, mode = excluded.mode, member_id = excluded.member_id,
       member_name = excluded.member_name, role = excluded.role, updated_at = excluded.updated_at, left_at = NULL, last_error = NULL`
  ).run(l.projectId, l.server, l.token, l.mode, l.memberId, l.memberName, l.role, now, now)
}

export function updateLink(db: DB, projectId: string, patch: Partial<Pick<ProjectLink, 'mode' | 'memberId' | 'role' | 'lastError' | 'lastSyncedAt'>>): void {
  const cols: Record<string, string> = { mode: 'mode', memberId: 'member_id', role: 'role', lastError: 'last_error', lastSyncedAt: 'last_synced_at' }
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined)
  if (!entries.length) return
  db.prepare(`UPDATE sync_projects SET ${entries.map(([k]) => `${cols[k]} = ?`).join(', ')}, updated_at = ? WHERE project_id = ?`).run(
    ...entries.map(([, v]) => v as string | null),
    nowIso(),
    projectId
  )
}

export function leave(db: DB, projectId: string): boolean {
  return db.prepare('UPDATE sync_projects SET left_at = ?, updated_at = ? WHERE project_id = ? AND left_at IS NULL').run(nowIso(), nowIso(), projectId).changes === 1
}

export function appendUpdate(db: DB, docName: string, data: Uint8Array, origin: 'local' | 'remote' | 'snapshot'): number {
  const now = nowIso()
  return Number(
    db
      .prepare('INSERT INTO sync_updates (doc_name, data, origin, created_at, acked_at) VALUES (?, ?, ?, ?, ?)')
      .run(docName, Buffer.from(data), origin, now, origin === 'local' ? null : now).lastInsertRowid
  )
}

export function loadUpdates(db: DB, docName: string): { id: number; data: Uint8Array }[] {
  return (db.prepare('SELECT id, data FROM sync_updates WHERE doc_name = ? ORDER BY id').all(docName) as { id: number; data: Buffer }[]).map((r) => ({
    id: r.id,
    data: new Uint8Array(r.data)
  }))
}

/** Names of the documents stored for a project (its own and its notes'). */
export function docNamesOf(db: DB, projectPrefix: string): string[] {
  return (db.prepare("SELECT DISTINCT doc_name FROM sync_updates WHERE doc_name = ? OR doc_name LIKE ? || '/%'").all(projectPrefix, projectPrefix) as { doc_name: string }[]).map(
    (r) => r.doc_name
  )
}

/** Marks a document's local updates up to `maxId` as acknowledged by the server. */
export function ack(db: DB, docName: string, maxId: number): void {
  db.prepare("UPDATE sync_updates SET acked_at = ? WHERE doc_name = ? AND origin = 'local' AND acked_at IS NULL AND id <= ?").run(nowIso(), docName, maxId)
}

export function pendingCount(db: DB, docNames: string[]): number {
  return (
    db.prepare("SELECT count(*) AS n FROM sync_updates WHERE origin = 'local' AND acked_at IS NULL AND doc_name IN (SELECT value FROM json_each(?))").get(JSON.stringify(docNames)) as {
      n: number
    }
  ).n
}

/** Folds a document's acknowledged updates into one snapshot (call in a write transaction; `state` is the merge). */
export function compact(db: DB, docName: string, state: Uint8Array, upToId: number): void {
  const pending = db.prepare("SELECT 1 FROM sync_updates WHERE doc_name = ? AND origin = 'local' AND acked_at IS NULL AND id <= ? LIMIT 1").get(docName, upToId)
  if (pending) return
  db.prepare('DELETE FROM sync_updates WHERE doc_name = ? AND id <= ?').run(docName, upToId)
  appendUpdate(db, docName, state, 'snapshot')
}

export function outbox(db: DB): { kind: string; key: string }[] {
  return db.prepare('SELECT kind, key FROM sync_outbox ORDER BY at').all() as { kind: string; key: string }[]
}

export function hasOutbox(db: DB): boolean {
  return !!db.prepare('SELECT 1 FROM sync_outbox LIMIT 1').get()
}

export function clearOutbox(db: DB, kind: string, key: string): void {
  db.prepare('DELETE FROM sync_outbox WHERE kind = ? AND key = ?').run(kind, key)
}

export function setApplying(db: DB, on: boolean): void {
  db.prepare('UPDATE sync_state SET applying = ? WHERE id = 1').run(on ? 1 : 0)
}

const KEEP_REVISIONS = 50

export function saveRevisionState(db: DB, noteId: string, revision: number, state: Uint8Array): void {
  db.prepare('INSERT OR REPLACE INTO sync_note_revisions (note_id, revision, state) VALUES (?, ?, ?)').run(noteId, revision, Buffer.from(state))
  db.prepare('DELETE FROM sync_note_revisions WHERE note_id = ? AND revision <= ?').run(noteId, revision - KEEP_REVISIONS)
}

export function revisionState(db: DB, noteId: string, revision: number): Uint8Array | null {
  const r = db.prepare('SELECT state FROM sync_note_revisions WHERE note_id = ? AND revision = ?').get(noteId, revision) as { state: Buffer } | undefined
  return r ? new Uint8Array(r.state) : null
}
