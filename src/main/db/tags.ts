// Tags and what they label (highlights, sources). Names are unique among live tags, ignoring case; deleting a tag
// tombstones it with its links (undo restores both); merging moves one tag's links onto another.
import type { TagSummary } from '../../core/model'
import type { DB } from './database'

export type TagTarget = 'highlight' | 'article'

export function findTag(db: DB, name: string): { id: string; name: string } | null {
  return (db.prepare('SELECT id, name FROM tags WHERE lower(name) = lower(?) AND deleted_at IS NULL').get(name) as { id: string; name: string } | undefined) ?? null
}

export function insertTag(db: DB, id: string, name: string, now: string): void {
  db.prepare('INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, name, now, now)
}

export function tagById(db: DB, id: string): { id: string; name: string } | null {
  return (db.prepare('SELECT id, name FROM tags WHERE id = ? AND deleted_at IS NULL').get(id) as { id: string; name: string } | undefined) ?? null
}

/** Links a tag to a target (again, if the link had been removed). Returns true when it was not linked before. */
export function link(db: DB, tagId: string, kind: TagTarget, targetId: string, now: string): boolean {
  const revived = db
    .prepare('UPDATE tag_links SET deleted_at = NULL, updated_at = ? WHERE tag_id = ? AND target_kind = ? AND target_id = ? AND deleted_at IS NOT NULL')
    .run(now, tagId, kind, targetId).changes
  const inserted = db
    .prepare('INSERT INTO tag_links (tag_id, target_kind, target_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
    .run(tagId, kind, targetId, now, now).changes
  return revived + inserted > 0
}

export function unlink(db: DB, tagId: string, kind: TagTarget, targetId: string, now: string): boolean {
  return (
    db
      .prepare('UPDATE tag_links SET deleted_at = ?, updated_at = ? WHERE tag_id = ? AND target_kind = ? AND target_id = ? AND deleted_at IS NULL')
      .run(now, now, tagId, kind, targetId).changes === 1
  )
}

/** Tag names of the given targets, in alphabetical order (targets without tags are absent). */
export function tagsOf(db: DB, kind: TagTarget, ids: string[] | null): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT l.target_id, t.name FROM tag_links l JOIN tags t ON t.id = l.tag_id
       WHERE l.target_kind = ? AND l.deleted_at IS NULL AND t.deleted_at IS NULL
       ${ids ? 'AND l.target_id IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY lower(t.name)`
    )
    .all(...(ids ? [kind, JSON.stringify(ids)] : [kind])) as { target_id: string; name: string }[]
  const out = new Map<string, string[]>()
  for (const r of rows) out.set(r.target_id, [...(out.get(r.target_id) ?? []), r.name])
  return out
}

/**
 * Live tags with how many live highlights and sources carry them; within a project, counted over its sources only
 * (and only tags used there, unless `all`).
 */
export function listTags(db: DB, projectId: string | null): TagSummary[] {
  const inProject = projectId
    ? `AND a.id IN (SELECT article_id FROM project_sources WHERE project_id = @project AND deleted_at IS NULL)`
    : ''
  const rows = db
    .prepare(
      `SELECT t.id, t.name,
         (SELECT count(*) FROM tag_links l JOIN highlights h ON h.id = l.target_id JOIN articles a ON a.id = h.article_id
            WHERE l.tag_id = t.id AND l.target_kind = 'highlight' AND l.deleted_at IS NULL AND h.deleted_at IS NULL AND a.deleted_at IS NULL ${inProject}) AS highlight_count,
         (SELECT count(*) FROM tag_links l JOIN articles a ON a.id = l.target_id
            WHERE l.tag_id = t.id AND l.target_kind = 'article' AND l.deleted_at IS NULL AND a.deleted_at IS NULL ${inProject}) AS source_count
       FROM tags t WHERE t.deleted_at IS NULL ORDER BY lower(t.name)`
    )
    .all(...(projectId ? [{ project: projectId }] : [])) as { id: string; name: string; highlight_count: number; source_count: number }[]
  return rows
    .map((r) => ({ id: r.id, name: r.name, highlightCount: r.highlight_count, sourceCount: r.source_count }))
    .filter((t) => !projectId || t.highlightCount + t.sourceCount > 0)
}

export function renameTag(db: DB, id: string, name: string, now: string): boolean {
  return db.prepare('UPDATE tags SET name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(name, now, id).changes === 1
}

/** Moves every live link of `fromId` to `intoId` (skipping what `intoId` already labels), then tombstones `fromId`. */
export function mergeTags(db: DB, fromId: string, intoId: string, now: string): void {
  const links = db.prepare('SELECT target_kind, target_id FROM tag_links WHERE tag_id = ? AND deleted_at IS NULL').all(fromId) as {
    target_kind: TagTarget
    target_id: string
  }[]
  for (const l of links) link(db, intoId, l.target_kind, l.target_id, now)
  db.prepare('UPDATE tag_links SET deleted_at = ?, updated_at = ? WHERE tag_id = ? AND deleted_at IS NULL').run(now, now, fromId)
  db.prepare('UPDATE tags SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, fromId)
}

/** Tombstones a tag and its links (same time, so that restoreTag brings exactly those back). */
export function tombstoneTag(db: DB, id: string, now: string): boolean {
  if (db.prepare('UPDATE tags SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id).changes !== 1) return false
  db.prepare('UPDATE tag_links SET deleted_at = ?, updated_at = ? WHERE tag_id = ? AND deleted_at IS NULL').run(now, now, id)
  return true
}

export function restoreTag(db: DB, id: string, now: string): boolean {
  const row = db.prepare('SELECT name, deleted_at FROM tags WHERE id = ?').get(id) as { name: string; deleted_at: string | null } | undefined
  if (!row?.deleted_at || findTag(db, row.name)) return false
  db.prepare('UPDATE tags SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, id)
  db.prepare('UPDATE tag_links SET deleted_at = NULL, updated_at = ? WHERE tag_id = ? AND deleted_at = ?').run(now, id, row.deleted_at)
  return true
}

/** Live highlight ids carrying a tag, within the given articles (or all). */
export function taggedHighlights(db: DB, articleIds: string[] | null): { tag: string; highlightId: string }[] {
  return db
    .prepare(
      `SELECT t.name AS tag, h.id AS highlightId FROM tag_links l
       JOIN tags t ON t.id = l.tag_id JOIN highlights h ON h.id = l.target_id JOIN articles a ON a.id = h.article_id
       WHERE l.target_kind = 'highlight' AND l.deleted_at IS NULL AND t.deleted_at IS NULL AND h.deleted_at IS NULL AND a.deleted_at IS NULL
       ${articleIds ? 'AND h.article_id IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY lower(t.name), h.created_at`
    )
    .all(...(articleIds ? [JSON.stringify(articleIds)] : [])) as { tag: string; highlightId: string }[]
}
