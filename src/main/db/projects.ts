// Projects and their sources. Deletes are tombstones (undo clears them); a source leaves a project by a tombstone on
// the membership row, and comes back by clearing it.
import type { Project, ProjectSummary } from '../../core/model'
import type { DB } from './database'

interface ProjectRow {
  id: string
  title: string
  created_at: string
  updated_at: string
}

const summarySql = `SELECT p.*,
  (SELECT count(*) FROM project_sources s JOIN articles a ON a.id = s.article_id
     WHERE s.project_id = p.id AND s.deleted_at IS NULL AND a.deleted_at IS NULL) AS source_count,
  (SELECT count(*) FROM notes n WHERE n.project_id = p.id AND n.deleted_at IS NULL) AS note_count,
  (SELECT count(*) FROM highlights h JOIN project_sources s ON s.article_id = h.article_id AND s.project_id = p.id AND s.deleted_at IS NULL
     WHERE h.deleted_at IS NULL) AS highlight_count,
  (SELECT json_group_array(article_id) FROM (SELECT s.article_id FROM project_sources s JOIN articles a ON a.id = s.article_id
     WHERE s.project_id = p.id AND s.deleted_at IS NULL AND a.deleted_at IS NULL ORDER BY s.created_at, s.article_id)) AS article_ids
  FROM projects p WHERE p.deleted_at IS NULL`

type SummaryRow = ProjectRow & { source_count: number; note_count: number; highlight_count: number; article_ids: string }

const toProject = (r: ProjectRow): Project => ({ id: r.id, title: r.title, createdAt: r.created_at, updatedAt: r.updated_at })

function toSummary(r: SummaryRow): ProjectSummary {
  return {
    ...toProject(r),
    sourceCount: r.source_count,
    noteCount: r.note_count,
    highlightCount: r.highlight_count,
    articleIds: JSON.parse(r.article_ids) as string[]
  }
}

export function insertProject(db: DB, p: Project): void {
  db.prepare('INSERT INTO projects (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(p.id, p.title, p.createdAt, p.updatedAt)
}

export function listProjects(db: DB): ProjectSummary[] {
  return (db.prepare(`${summarySql} ORDER BY lower(p.title), p.id`).all() as SummaryRow[]).map(toSummary)
}

export function getProject(db: DB, id: string): ProjectSummary | null {
  const row = db.prepare(`${summarySql} AND p.id = ?`).get(id) as SummaryRow | undefined
  return row ? toSummary(row) : null
}

export function renameProject(db: DB, id: string, title: string, now: string): boolean {
  return db.prepare('UPDATE projects SET title = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(title, now, id).changes === 1
}

/** Tombstones a project and its notes (sources stay in the library). Returns false if it was not live. */
export function tombstoneProject(db: DB, id: string, now: string): boolean {
  if (db.prepare('UPDATE projects SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id).changes !== 1) return false
  db.prepare('UPDATE notes SET deleted_at = ?, updated_at = ? WHERE project_id = ? AND deleted_at IS NULL').run(now, now, id)
  return true
}

/** Undoes tombstoneProject: the project and the notes deleted with it (same time) come back. */
export function restoreProject(db: DB, id: string, now: string): boolean {
  const row = db.prepare('SELECT deleted_at FROM projects WHERE id = ?').get(id) as { deleted_at: string | null } | undefined
  if (!row?.deleted_at) return false
  db.prepare('UPDATE projects SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, id)
  db.prepare('UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE project_id = ? AND deleted_at = ?').run(now, id, row.deleted_at)
  return true
}

/** Adds sources to a project (again, if they had been removed). Returns how many were not in it before. */
export function addSources(db: DB, projectId: string, articleIds: string[], now: string): number {
  let added = 0
  const revive = db.prepare('UPDATE project_sources SET deleted_at = NULL, updated_at = ? WHERE project_id = ? AND article_id = ? AND deleted_at IS NOT NULL')
  const insert = db.prepare(
    'INSERT INTO project_sources (project_id, article_id, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (project_id, article_id) DO NOTHING'
  )
  for (const articleId of articleIds) {
    added += revive.run(now, projectId, articleId).changes
    added += insert.run(projectId, articleId, now, now).changes
  }
  return added
}

export function removeSource(db: DB, projectId: string, articleId: string, now: string): boolean {
  return (
    db.prepare('UPDATE project_sources SET deleted_at = ?, updated_at = ? WHERE project_id = ? AND article_id = ? AND deleted_at IS NULL').run(now, now, projectId, articleId)
      .changes === 1
  )
}

export function projectExists(db: DB, id: string): boolean {
  return !!db.prepare('SELECT 1 FROM projects WHERE id = ? AND deleted_at IS NULL').get(id)
}

/** Live projects each article is in, by article id. */
export function projectsOfArticles(db: DB): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT s.article_id, s.project_id FROM project_sources s JOIN projects p ON p.id = s.project_id
       WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY s.created_at`
    )
    .all() as { article_id: string; project_id: string }[]
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.project_id])
  return out
}
