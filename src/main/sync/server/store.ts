// The team server's own SQLite file (team.db in its data folder): which projects it holds, their members with their
// roles and the SHA-256 hashes of their tokens (never a token itself), and every document's Yjs updates. Each
// update a member sends is appended before the server acknowledges it, so a crash never loses what a member was told
// is saved; compact() folds a document's log into one update from time to time.
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { newId, nowIso } from '../../../core/ids'
import type { Role } from '../../../core/sync/records'

const SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS projects (
  id         TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS members (
  id         TEXT PRIMARY KEY NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects(id),
  name       TEXT NOT NULL DEFAULT '',
  role       TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'reader')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  removed_at TEXT
);
CREATE INDEX IF NOT EXISTS members_by_project ON members(project_id);
CREATE TABLE IF NOT EXISTS updates (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_name TEXT NOT NULL,
  data     BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_doc ON updates(doc_name, id);
`

export interface MemberRow {
  id: string
  projectId: string
  name: string
  role: Role
  createdAt: string
  removedAt: string | null
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

export class TeamStore {
  readonly db: Database.Database

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.db = new Database(join(dataDir, 'team.db'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma('foreign_keys = ON')
    this.db.exec(SCHEMA)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  hasProject(id: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(id)
  }

  /** Registers a project with its owner (the member sharing it). Returns the owner, or null if it exists already. */
  createProject(projectId: string, ownerToken: string, name: string): MemberRow | null {
    return this.db
      .transaction(() => {
        if (this.hasProject(projectId)) return null
        const now = nowIso()
        this.db.prepare('INSERT INTO projects (id, created_at) VALUES (?, ?)').run(projectId, now)
        return this.addMember(projectId, 'owner', ownerToken, name)
      })
      .immediate()
  }

  addMember(projectId: string, role: Role, token: string, name: string): MemberRow {
    const row: MemberRow = { id: newId(), projectId, name, role, createdAt: nowIso(), removedAt: null }
    this.db
      .prepare('INSERT INTO members (id, project_id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, projectId, name, role, hashToken(token), row.createdAt)
    return row
  }

  /** The member a token belongs to in a project (removed ones too: the caller says why it is refused). */
  memberByToken(projectId: string, token: string): MemberRow | null {
    const r = this.db
      .prepare('SELECT id, project_id, name, role, created_at, removed_at FROM members WHERE token_hash = ? AND project_id = ?')
      .get(hashToken(token), projectId) as
      | { id: string; project_id: string; name: string; role: Role; created_at: string; removed_at: string | null }
      | undefined
    return r ? { id: r.id, projectId: r.project_id, name: r.name, role: r.role, createdAt: r.created_at, removedAt: r.removed_at } : null
  }

  /** Removes a member (their token stops working). Returns the removal time, or null when there was no such live member. */
  removeMember(projectId: string, memberId: string): string | null {
    const now = nowIso()
    const changed = this.db
      .prepare("UPDATE members SET removed_at = ? WHERE id = ? AND project_id = ? AND removed_at IS NULL AND role <> 'owner'")
      .run(now, memberId, projectId).changes
    return changed ? now : null
  }

  /** A member's name, given by their Gloss when they first connect (an invite is made before anyone knows it). */
  nameMember(memberId: string, name: string): boolean {
    return this.db.prepare("UPDATE members SET name = ? WHERE id = ? AND name = ''").run(name, memberId).changes === 1
  }

  isLiveMember(memberId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM members WHERE id = ? AND removed_at IS NULL').get(memberId)
  }

  appendUpdate(docName: string, update: Uint8Array): void {
    this.db.prepare('INSERT INTO updates (doc_name, data) VALUES (?, ?)').run(docName, Buffer.from(update))
  }

  /** Everything stored for a document, as one update (null when nothing is). */
  loadDoc(docName: string): Uint8Array | null {
    const rows = this.db.prepare('SELECT data FROM updates WHERE doc_name = ? ORDER BY id').all(docName) as { data: Buffer }[]
    if (!rows.length) return null
    return Y.mergeUpdates(rows.map((r) => new Uint8Array(r.data)))
  }

  /** Folds a document's log into one update (with `state`, what the server holds in memory). */
  compact(docName: string, state: Uint8Array): void {
    this.db
      .transaction(() => {
        const rows = this.db.prepare('SELECT id, data FROM updates WHERE doc_name = ? ORDER BY id').all(docName) as { id: number; data: Buffer }[]
        if (rows.length <= 1) return
        const merged = Y.mergeUpdates([state, ...rows.map((r) => new Uint8Array(r.data))])
        this.db.prepare('DELETE FROM updates WHERE doc_name = ? AND id <= ?').run(docName, rows[rows.length - 1].id)
        this.appendUpdate(docName, merged)
      })
      .immediate()
  }
}
