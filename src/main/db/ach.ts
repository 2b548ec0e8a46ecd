// ACH matrices of projects. Saved like notes: a revision number for optimistic concurrency, tombstones for deletes.
import type { AchRowShape } from '../../core/sync/ach-record'
import type { DB } from './database'

/** A row of `ach_matrices` (its shape is the core's, which maps it to and from a shared matrix's record). */
export type AchRow = AchRowShape

export interface NewAchMatrix {
  id: string
  projectId: string
  title: string
  doc: string
  docVersion: number
}

export function insertMatrix(db: DB, m: NewAchMatrix, now: string): void {
  db.prepare(
    `INSERT INTO ach_matrices (id, project_id, title, doc, doc_version, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)`
  ).run(m.id, m.projectId, m.title, m.doc, m.docVersion, now, now)
}

export function getMatrix(db: DB, id: string): AchRow | null {
  return (db.prepare('SELECT * FROM ach_matrices WHERE id = ? AND deleted_at IS NULL').get(id) as AchRow | undefined) ?? null
}

/** Any row, deleted or not (for restoring). */
export function getMatrixRow(db: DB, id: string): AchRow | null {
  return (db.prepare('SELECT * FROM ach_matrices WHERE id = ?').get(id) as AchRow | undefined) ?? null
}

/** A project's live matrices, oldest first. */
export function matricesOfProject(db: DB, projectId: string): AchRow[] {
  return db.prepare('SELECT * FROM ach_matrices WHERE project_id = ? AND deleted_at IS NULL ORDER BY created_at, id').all(projectId) as AchRow[]
}

/** Writes a new document if the stored revision is still `baseRevision`; false when it moved on (nothing written). */
export function saveMatrix(db: DB, w: { id: string; baseRevision: number; title: string; doc: string; docVersion: number }, now: string): boolean {
  return (
    db
      .prepare(
        `UPDATE ach_matrices SET title = ?, doc = ?, doc_version = ?, revision = revision + 1, updated_at = ?
         WHERE id = ? AND revision = ? AND deleted_at IS NULL`
      )
      .run(w.title, w.doc, w.docVersion, now, w.id, w.baseRevision).changes === 1
  )
}

export function tombstoneMatrix(db: DB, id: string, now: string): boolean {
  return db.prepare('UPDATE ach_matrices SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id).changes === 1
}

export function restoreMatrix(db: DB, id: string, now: string): boolean {
  return db.prepare('UPDATE ach_matrices SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL').run(now, id).changes === 1
}
