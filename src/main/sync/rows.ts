// SQLite rows <-> sync records (core/sync/records.ts), both ways. Reading gives the raw record of a row (checked by
// the caller with the same schemas as a colleague's); writing takes a record that passed them and stores it with
// the library's own statements where they exist (replaceParagraphs keeps removed paragraphs as tombstones).
import type { Paragraph } from '../../core/model'
import { NOTE_DOC_VERSION } from '../../core/model'
import { emptyDoc } from '../../core/notes/doc'
import { docToText, extractRefs } from '../../core/notes/refs'
import { achRecordToRow } from '../../core/sync/ach-record'
import type { AchMatrixRecord, HighlightRecord, NoteMetaRecord, ProjectMetaRecord, SourceRecord, TagLinkRecord, TagRecord } from '../../core/sync/records'
import type { PMNode } from '../../core/model'
import { getParagraphs, insertParagraphs, replaceParagraphs } from '../db/articles'
import type { DB } from '../db/database'

type Row = Record<string, unknown>

const jsonList = (s: unknown): unknown[] => {
  try {
    const v: unknown = JSON.parse(String(s))
    return Array.isArray(v) ? v : []
  } catch {
    return []
  }
}

// ------------------------------------------------------------------------------------------ rows -> records

export function projectMeta(db: DB, projectId: string): Row | null {
  const r = db.prepare('SELECT * FROM projects WHERE id = ?').get(projectId) as Row | undefined
  return r ? { id: r.id, title: r.title, createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at } : null
}

/** A source as it is in one project (its membership row gives addedAt/removedAt). */
export function sourceRow(db: DB, articleId: string, projectId: string): Row | null {
  const a = db.prepare('SELECT * FROM articles WHERE id = ? AND import_job IS NULL').get(articleId) as Row | undefined
  const m = db.prepare('SELECT * FROM project_sources WHERE project_id = ? AND article_id = ?').get(projectId, articleId) as Row | undefined
  if (!a || !m) return null
  const paragraphs = getParagraphs(db, articleId).map(({ index: _index, ...p }) => p)
  return {
    id: a.id, title: a.title, authors: jsonList(a.authors), publisher: a.publisher, publishedAt: a.published_at, url: a.url,
    accessedAt: a.accessed_at, fileName: a.file_name, lang: a.lang, excerpt: a.excerpt, format: a.format, warnings: jsonList(a.warnings),
    paragraphs, createdAt: a.created_at, updatedAt: a.updated_at, deletedAt: a.deleted_at, addedAt: m.created_at, removedAt: m.deleted_at
  }
}

export function highlightRow(db: DB, id: string): Row | null {
  const h = db.prepare('SELECT * FROM highlights WHERE id = ?').get(id) as Row | undefined
  return h
    ? { id: h.id, articleId: h.article_id, color: h.color, comment: h.comment, targets: jsonList(h.targets), createdAt: h.created_at, updatedAt: h.updated_at, deletedAt: h.deleted_at }
    : null
}

export function tagRow(db: DB, id: string): Row | null {
  const t = db.prepare('SELECT * FROM tags WHERE id = ?').get(id) as Row | undefined
  return t ? { id: t.id, name: t.name, createdAt: t.created_at, updatedAt: t.updated_at, deletedAt: t.deleted_at } : null
}

export function tagLinkRow(db: DB, tagId: string, kind: string, targetId: string): Row | null {
  const l = db.prepare('SELECT * FROM tag_links WHERE tag_id = ? AND target_kind = ? AND target_id = ?').get(tagId, kind, targetId) as Row | undefined
  return l ? { tagId: l.tag_id, kind: l.target_kind, targetId: l.target_id, createdAt: l.created_at, updatedAt: l.updated_at, deletedAt: l.deleted_at } : null
}

export function noteMetaRow(db: DB, id: string): (Row & { projectId: string | null }) | null {
  const n = db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as Row | undefined
  return n ? { id: n.id, title: n.title, createdAt: n.created_at, updatedAt: n.updated_at, deletedAt: n.deleted_at, projectId: n.project_id as string | null } : null
}

export function achIdsOfProject(db: DB, projectId: string): string[] {
  return (db.prepare('SELECT id FROM ach_matrices WHERE project_id = ? ORDER BY created_at, id').all(projectId) as { id: string }[]).map((r) => r.id)
}

/** The version of a shared matrix this library's row holds (migration 007). */
export function achVersion(db: DB, id: string): { version: string; editedBy: string } | null {
  const r = db.prepare('SELECT version, edited_by FROM sync_ach_versions WHERE matrix_id = ?').get(id) as { version: string; edited_by: string } | undefined
  return r ? { version: r.version, editedBy: r.edited_by } : null
}

export function setAchVersion(db: DB, id: string, v: { version: string; editedBy: string }): void {
  db.prepare(
    'INSERT INTO sync_ach_versions (matrix_id, version, edited_by) VALUES (?, ?, ?) ON CONFLICT (matrix_id) DO UPDATE SET version = excluded.version, edited_by = excluded.edited_by'
  ).run(id, v.version, v.editedBy)
}

/**
 * Stores a colleague's matrix. An existing row's revision goes up as with a save, so an editor open on the older
 * revision keeps its next save as a conflicted copy instead of overwriting this one.
 */
export function applyAchMatrix(db: DB, r: AchMatrixRecord): void {
  const row = achRecordToRow(r)
  db.prepare(
    `INSERT INTO ach_matrices (id, project_id, title, doc, doc_version, revision, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, doc = excluded.doc, doc_version = excluded.doc_version, revision = revision + 1,
       updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`
  ).run(row.id, row.project_id, row.title, row.doc, row.doc_version, row.created_at, row.updated_at, row.deleted_at)
}

/** Article ids of a project's sources, removed ones included (their removal must reach the others too). */
export function projectArticleIds(db: DB, projectId: string): string[] {
  return (db.prepare('SELECT article_id FROM project_sources WHERE project_id = ? ORDER BY created_at, article_id').all(projectId) as { article_id: string }[]).map(
    (r) => r.article_id
  )
}

/** Shared projects (not left) whose sources include this article (membership live or not). */
export function sharedProjectsOfArticle(db: DB, articleId: string): string[] {
  return (
    db
      .prepare('SELECT s.project_id FROM project_sources s JOIN sync_projects p ON p.project_id = s.project_id WHERE s.article_id = ? AND p.left_at IS NULL')
      .all(articleId) as { project_id: string }[]
  ).map((r) => r.project_id)
}

export function highlightIdsOfArticles(db: DB, articleIds: string[]): string[] {
  return (db.prepare('SELECT id FROM highlights WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id').all(JSON.stringify(articleIds)) as { id: string }[]).map(
    (r) => r.id
  )
}

/** Tag links whose target is one of these highlights or articles. */
export function tagLinksOf(db: DB, highlightIds: string[], articleIds: string[]): { tag_id: string; target_kind: string; target_id: string }[] {
  return db
    .prepare(
      `SELECT tag_id, target_kind, target_id FROM tag_links
       WHERE (target_kind = 'highlight' AND target_id IN (SELECT value FROM json_each(?))) OR (target_kind = 'article' AND target_id IN (SELECT value FROM json_each(?)))`
    )
    .all(JSON.stringify(highlightIds), JSON.stringify(articleIds)) as { tag_id: string; target_kind: string; target_id: string }[]
}

export function noteIdsOfProject(db: DB, projectId: string): string[] {
  return (db.prepare('SELECT id FROM notes WHERE project_id = ? ORDER BY created_at, id').all(projectId) as { id: string }[]).map((r) => r.id)
}

// ------------------------------------------------------------------------------------------ records -> rows

export function applyProjectMeta(db: DB, m: ProjectMetaRecord): void {
  db.prepare(
    `INSERT INTO projects (id, title, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`
  ).run(m.id, m.title, m.createdAt, m.updatedAt, m.deletedAt)
}

const sameParagraphs = (a: Paragraph[], b: Paragraph[]): boolean => JSON.stringify(a) === JSON.stringify(b)

export function applySource(db: DB, projectId: string, s: SourceRecord, now: string): void {
  const exists = db.prepare('SELECT 1 FROM articles WHERE id = ?').get(s.id)
  const values = [s.title, JSON.stringify(s.authors), s.publisher, s.publishedAt, s.url, s.accessedAt, s.fileName, s.lang, s.excerpt, s.format, JSON.stringify(s.warnings)]
  if (!exists) {
    db.prepare(
      `INSERT INTO articles (title, authors, publisher, published_at, url, accessed_at, file_name, lang, excerpt, format, warnings, id, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(...values, s.id, s.createdAt, s.updatedAt, s.deletedAt)
    insertParagraphs(db, s.id, s.paragraphs, now)
  } else {
    db.prepare(
      `UPDATE articles SET title = ?, authors = ?, publisher = ?, published_at = ?, url = ?, accessed_at = ?, file_name = ?, lang = ?, excerpt = ?,
         format = ?, warnings = ?, updated_at = ?, deleted_at = ? WHERE id = ?`
    ).run(...values, s.updatedAt, s.deletedAt, s.id)
    if (!sameParagraphs(getParagraphs(db, s.id), s.paragraphs)) replaceParagraphs(db, s.id, s.paragraphs, now)
  }
  db.prepare(
    `INSERT INTO project_sources (project_id, article_id, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (project_id, article_id) DO UPDATE SET deleted_at = excluded.deleted_at, updated_at = excluded.updated_at`
  ).run(projectId, s.id, s.addedAt, now, s.removedAt)
}

/** Stores a highlight; false when its source is not in the library (yet): it is applied again with the source. */
export function applyHighlight(db: DB, h: HighlightRecord): boolean {
  if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(h.articleId)) return false
  db.prepare(
    `INSERT INTO highlights (id, article_id, color, comment, targets, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET color = excluded.color, comment = excluded.comment, targets = excluded.targets,
       updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`
  ).run(h.id, h.articleId, h.color, h.comment, JSON.stringify(h.targets), h.createdAt, h.updatedAt, h.deletedAt)
  return true
}

/**
 * Stores a tag. A colleague's tag named like one of this library's other live tags (tags are unique by name here)
 * is kept under its id but tombstoned: its links are stored on the local tag of that name (localTagFor).
 */
export function applyTag(db: DB, t: TagRecord): void {
  const clash = db.prepare('SELECT id FROM tags WHERE lower(name) = lower(?) AND deleted_at IS NULL AND id <> ?').get(t.name, t.id) as { id: string } | undefined
  const deletedAt = t.deletedAt ?? (clash ? t.updatedAt : null)
  db.prepare(
    `INSERT INTO tags (id, name, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`
  ).run(t.id, t.name, t.createdAt, t.updatedAt, deletedAt)
}

/** The live local tag that stands for a colleague's tag: itself, or the local tag with its name. */
export function localTagFor(db: DB, tagId: string): string | null {
  const t = db.prepare('SELECT name, deleted_at FROM tags WHERE id = ?').get(tagId) as { name: string; deleted_at: string | null } | undefined
  if (!t) return null
  if (!t.deleted_at) return tagId
  const live = db.prepare('SELECT id FROM tags WHERE lower(name) = lower(?) AND deleted_at IS NULL').get(t.name) as { id: string } | undefined
  return live?.id ?? tagId
}

export function applyTagLink(db: DB, l: TagLinkRecord): boolean {
  const tagId = localTagFor(db, l.tagId)
  const target = l.kind === 'highlight' ? db.prepare('SELECT 1 FROM highlights WHERE id = ?').get(l.targetId) : db.prepare('SELECT 1 FROM articles WHERE id = ?').get(l.targetId)
  if (!tagId || !target) return false
  db.prepare(
    `INSERT INTO tag_links (tag_id, target_kind, target_id, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (tag_id, target_kind, target_id) DO UPDATE SET updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`
  ).run(tagId, l.kind, l.targetId, l.createdAt, l.updatedAt, l.deletedAt)
  return true
}

export function applyNoteMeta(db: DB, projectId: string, n: NoteMetaRecord): void {
  const doc = emptyDoc()
  db.prepare(
    `INSERT INTO notes (id, article_id, project_id, is_analysis, title, doc, doc_version, text, revision, created_at, updated_at, deleted_at, shared)
     VALUES (?, NULL, ?, 0, ?, ?, ?, '', 0, ?, ?, ?, 1)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at, shared = 1`
  ).run(n.id, projectId, n.title, JSON.stringify(doc), NOTE_DOC_VERSION, n.createdAt, n.updatedAt, n.deletedAt)
}

/** A shared note's text from its document: the JSON copy, its text and references, revision + 1. Returns the revision. */
export function applyNoteDoc(db: DB, noteId: string, doc: PMNode, now: string): number | null {
  const row = db.prepare('SELECT doc, revision FROM notes WHERE id = ?').get(noteId) as { doc: string; revision: number } | undefined
  if (!row) return null
  const json = JSON.stringify(doc)
  if (row.doc === json) return row.revision
  db.prepare('UPDATE notes SET doc = ?, doc_version = ?, text = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(json, NOTE_DOC_VERSION, docToText(doc), now, noteId)
  db.prepare('DELETE FROM note_refs WHERE note_id = ?').run(noteId)
  const insert = db.prepare('INSERT INTO note_refs (note_id, ordinal, article_id, paragraph_id, quote, context) VALUES (?, ?, ?, ?, ?, ?)')
  extractRefs(noteId, doc).forEach((r, i) => insert.run(noteId, i, r.articleId, r.paragraphId, r.quote, r.context))
  return row.revision + 1
}
