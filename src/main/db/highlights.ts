// Highlights: stored selectors (JSON), colour and comment. Delete = tombstone; restore clears it.
import type { Highlight, HighlightColor, HighlightSegmentTarget } from '../../core/model'
import type { DB } from './database'
import { tagsOf } from './tags'

interface HighlightRow {
  id: string
  article_id: string
  color: HighlightColor
  comment: string
  targets: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

function toHighlight(r: HighlightRow): Highlight {
  let targets: HighlightSegmentTarget[] = []
  try {
    const parsed: unknown = JSON.parse(r.targets)
    if (Array.isArray(parsed)) targets = parsed as HighlightSegmentTarget[]
  } catch {
    targets = []
  }
  return { id: r.id, articleId: r.article_id, color: r.color, comment: r.comment, targets, createdAt: r.created_at, updatedAt: r.updated_at }
}

export function insertHighlight(db: DB, h: Highlight): void {
  db.prepare(
    'INSERT INTO highlights (id, article_id, color, comment, targets, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
  ).run(h.id, h.articleId, h.color, h.comment, JSON.stringify(h.targets), h.createdAt, h.updatedAt)
}

/** A highlight by id; tombstoned ones only when asked (restore). */
export function getHighlight(db: DB, id: string, opts: { includeDeleted?: boolean } = {}): (Highlight & { deletedAt: string | null }) | null {
  const row = db
    .prepare(`SELECT * FROM highlights WHERE id = ?${opts.includeDeleted ? '' : ' AND deleted_at IS NULL'}`)
    .get(id) as HighlightRow | undefined
  if (!row) return null
  const tags = tagsOf(db, 'highlight', [row.id]).get(row.id)
  return { ...toHighlight(row), ...(tags ? { tags } : {}), deletedAt: row.deleted_at }
}

/** Live highlights of an article, oldest first. */
export function listHighlights(db: DB, articleId: string): Highlight[] {
  const rows = db
    .prepare('SELECT * FROM highlights WHERE article_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
    .all(articleId) as HighlightRow[]
  const tags = tagsOf(db, 'highlight', rows.map((r) => r.id))
  return rows.map((r) => {
    const h = toHighlight(r)
    const t = tags.get(r.id)
    return t ? { ...h, tags: t } : h
  })
}

export function updateHighlight(db: DB, id: string, patch: { color?: HighlightColor; comment?: string }, now: string): boolean {
  return (
    db
      .prepare(
        'UPDATE highlights SET color = coalesce(?, color), comment = coalesce(?, comment), updated_at = ? WHERE id = ? AND deleted_at IS NULL'
      )
      .run(patch.color ?? null, patch.comment ?? null, now, id).changes > 0
  )
}

/** Replaces a live highlight's stored targets. Returns whether a row changed. */
export function updateHighlightTargets(db: DB, id: string, targets: HighlightSegmentTarget[], now: string): boolean {
  return (
    db.prepare('UPDATE highlights SET targets = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(JSON.stringify(targets), now, id).changes > 0
  )
}

/** Tombstones (deletedAt set) or restores (deletedAt null) a highlight. Returns whether a row changed. */
export function setHighlightDeleted(db: DB, id: string, deletedAt: string | null, now: string): boolean {
  const sql =
    deletedAt === null
      ? 'UPDATE highlights SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL'
      : 'UPDATE highlights SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'
  const stmt = db.prepare(sql)
  return (deletedAt === null ? stmt.run(now, id) : stmt.run(deletedAt, now, id)).changes > 0
}
