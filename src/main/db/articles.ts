// Articles and their paragraphs. Deletes are tombstones; re-import tombstones paragraphs that disappeared.
import type { Article, ArticleMeta, ArticleSummary, Paragraph, ParagraphKind, SourceFormat } from '../../core/model'
import type { DB } from './database'

interface ArticleRow {
  id: string
  title: string
  source: string | null
  author: string | null
  published_at: string | null
  format: SourceFormat
  warnings: string
  created_at: string
  updated_at: string
}

interface ParagraphRow {
  id: string
  position: number
  kind: ParagraphKind
  list: 'ul' | 'ol' | null
  text: string
}

export interface NewArticle {
  id: string
  title: string
  source: string | null
  author: string | null
  publishedAt: string | null
  format: SourceFormat
  warnings: string[]
  paragraphs: Paragraph[]
}

function toMeta(r: ArticleRow): ArticleMeta {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    author: r.author,
    publishedAt: r.published_at,
    format: r.format,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

function parseWarnings(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string') : []
  } catch {
    return []
  }
}

function toParagraph(r: ParagraphRow): Paragraph {
  const p: Paragraph = { id: r.id, index: r.position, kind: r.kind, text: r.text }
  if (r.list) p.list = r.list
  return p
}

const insertParagraphSql = `INSERT INTO paragraphs (article_id, id, position, kind, list, text, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

/** Inserts an article and its paragraphs in one transaction. */
export function insertArticle(db: DB, a: NewArticle, now: string): void {
  const insertA = db.prepare(`INSERT INTO articles (id, title, source, author, published_at, format, warnings, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertP = db.prepare(insertParagraphSql)
  db.transaction(() => {
    insertA.run(a.id, a.title, a.source, a.author, a.publishedAt, a.format, JSON.stringify(a.warnings), now, now)
    for (const p of a.paragraphs) insertP.run(a.id, p.id, p.index, p.kind, p.list ?? null, p.text, now, now)
  }).immediate()
}

const summarySql = `SELECT a.*,
  (SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id AND p.deleted_at IS NULL) AS paragraph_count,
  (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlight_count,
  (SELECT count(*) FROM notes n WHERE n.deleted_at IS NULL AND n.text <> ''
     AND (n.article_id = a.id OR n.id IN (SELECT r.note_id FROM note_refs r WHERE r.article_id = a.id))) AS note_count
  FROM articles a WHERE a.deleted_at IS NULL`

type SummaryRow = ArticleRow & { paragraph_count: number; highlight_count: number; note_count: number }

function toSummary(r: SummaryRow): ArticleSummary {
  return { ...toMeta(r), paragraphCount: r.paragraph_count, highlightCount: r.highlight_count, noteCount: r.note_count }
}

/** Live articles, newest first, with counts computed in SQL. */
export function listArticles(db: DB): ArticleSummary[] {
  return (db.prepare(`${summarySql} ORDER BY a.created_at DESC, a.id DESC`).all() as SummaryRow[]).map(toSummary)
}

export function getArticleSummary(db: DB, id: string): ArticleSummary | null {
  const row = db.prepare(`${summarySql} AND a.id = ?`).get(id) as SummaryRow | undefined
  return row ? toSummary(row) : null
}

/** Live paragraphs of an article in document order. */
export function getParagraphs(db: DB, articleId: string): Paragraph[] {
  const rows = db
    .prepare('SELECT id, position, kind, list, text FROM paragraphs WHERE article_id = ? AND deleted_at IS NULL ORDER BY position')
    .all(articleId) as ParagraphRow[]
  return rows.map(toParagraph)
}

/** Only the named live paragraphs of an article, in document order (cheap on long articles). */
export function getParagraphsByIds(db: DB, articleId: string, ids: string[]): Paragraph[] {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const rows = db
    .prepare(
      `SELECT id, position, kind, list, text FROM paragraphs WHERE article_id = ? AND deleted_at IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY position`
    )
    .all(articleId, JSON.stringify(unique)) as ParagraphRow[]
  return rows.map(toParagraph)
}

export function articleExists(db: DB, id: string): boolean {
  return !!db.prepare('SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL').get(id)
}

/** A live article with its live paragraphs, or null. */
export function getArticle(db: DB, id: string): Article | null {
  const row = db.prepare('SELECT * FROM articles WHERE id = ? AND deleted_at IS NULL').get(id) as ArticleRow | undefined
  if (!row) return null
  return { ...toMeta(row), paragraphs: getParagraphs(db, id), warnings: parseWarnings(row.warnings) }
}

/** Tombstones an article together with its highlights and its analysis note. Returns false if it was not live. */
export function tombstoneArticle(db: DB, id: string, now: string): boolean {
  return db.transaction(() => {
    const changed = db.prepare('UPDATE articles SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id).changes
    if (!changed) return false
    db.prepare('UPDATE highlights SET deleted_at = ?, updated_at = ? WHERE article_id = ? AND deleted_at IS NULL').run(now, now, id)
    db.prepare('UPDATE notes SET deleted_at = ?, updated_at = ? WHERE article_id = ? AND is_analysis = 1 AND deleted_at IS NULL').run(now, now, id)
    return true
  }).immediate()
}

/**
 * Undoes tombstoneArticle: clears the article's tombstone and those its highlights and analysis note received in the
 * same deletion (same timestamp); things deleted earlier stay deleted. Returns false if the article was not deleted.
 * The analysis note is left deleted if another one was created in the meantime (at most one live per article).
 */
export function restoreArticle(db: DB, id: string, now: string): boolean {
  return db.transaction(() => {
    const row = db.prepare('SELECT deleted_at FROM articles WHERE id = ?').get(id) as { deleted_at: string | null } | undefined
    if (!row?.deleted_at) return false
    const at = row.deleted_at
    db.prepare('UPDATE articles SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, id)
    db.prepare('UPDATE highlights SET deleted_at = NULL, updated_at = ? WHERE article_id = ? AND deleted_at = ?').run(now, id, at)
    const live = db.prepare('SELECT 1 FROM notes WHERE article_id = ? AND is_analysis = 1 AND deleted_at IS NULL').get(id)
    if (!live) {
      db.prepare('UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE article_id = ? AND is_analysis = 1 AND deleted_at = ?').run(now, id, at)
    }
    return true
  }).immediate()
}

/**
 * Re-import: the article's paragraphs become `paragraphs` (ids from assignParagraphIds with the previous
 * paragraphs). Paragraphs whose id disappeared are tombstoned (kept for orphan display); returning ids are revived.
 */
export function replaceParagraphs(db: DB, articleId: string, paragraphs: Paragraph[], now: string): void {
  const all = db.prepare('SELECT id, deleted_at FROM paragraphs WHERE article_id = ?').all(articleId) as { id: string; deleted_at: string | null }[]
  const existing = new Map(all.map((r) => [r.id, r.deleted_at]))
  const keep = new Set(paragraphs.map((p) => p.id))
  const insertP = db.prepare(insertParagraphSql)
  const updateP = db.prepare(
    'UPDATE paragraphs SET position = ?, kind = ?, list = ?, text = ?, updated_at = ?, deleted_at = NULL WHERE article_id = ? AND id = ?'
  )
  const tombstone = db.prepare('UPDATE paragraphs SET deleted_at = ?, updated_at = ? WHERE article_id = ? AND id = ? AND deleted_at IS NULL')
  db.transaction(() => {
    for (const [id] of existing) if (!keep.has(id)) tombstone.run(now, now, articleId, id)
    for (const p of paragraphs) {
      if (existing.has(p.id)) updateP.run(p.index, p.kind, p.list ?? null, p.text, now, articleId, p.id)
      else insertP.run(articleId, p.id, p.index, p.kind, p.list ?? null, p.text, now, now)
    }
    db.prepare('UPDATE articles SET updated_at = ? WHERE id = ?').run(now, articleId)
  }).immediate()
}

export type ArticleMetaUpdate = Pick<NewArticle, 'title' | 'source' | 'author' | 'publishedAt' | 'format' | 'warnings'>

/** Re-import: the article's title, source, author, date, format and warnings become those of the new file. */
export function updateArticleMeta(db: DB, articleId: string, meta: ArticleMetaUpdate, now: string): void {
  db.prepare(
    `UPDATE articles SET title = ?, source = ?, author = ?, published_at = ?, format = ?, warnings = ?, updated_at = ?
     WHERE id = ? AND deleted_at IS NULL`
  ).run(meta.title, meta.source, meta.author, meta.publishedAt, meta.format, JSON.stringify(meta.warnings), now, articleId)
}
