// Articles and their paragraphs. Deletes are tombstones; re-import tombstones paragraphs that disappeared.
// A large import is written in several transactions while the article row is still hidden (deleted_at set and
// import_job naming the import); publishArticle makes it visible in one step, dropImport removes what was written.
import type { Article, ArticleMeta, ArticleSummary, InlineMark, Paragraph, ParagraphKind, SourceDetails, SourceFormat } from '../../core/model'
import type { DB } from './database'
import { projectsOfArticles } from './projects'
import { tagsOf } from './tags'

interface ArticleRow {
  id: string
  title: string
  authors: string
  publisher: string | null
  published_at: string | null
  url: string | null
  accessed_at: string | null
  file_name: string | null
  lang: string | null
  excerpt: string | null
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
  marks: string | null
  row_header: number
  table_group: number | null
  page: string | null
}

/** Everything stored about a new article (its paragraphs already have their ids). */
export interface NewArticle extends Omit<ArticleMeta, 'createdAt' | 'updatedAt'> {
  warnings: string[]
  paragraphs: Paragraph[]
}

function jsonList(json: string | null): string[] {
  if (!json) return []
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string') : []
  } catch {
    return []
  }
}

function toMeta(r: ArticleRow): ArticleMeta {
  return {
    id: r.id,
    title: r.title,
    authors: jsonList(r.authors),
    publisher: r.publisher,
    publishedAt: r.published_at,
    url: r.url,
    accessedAt: r.accessed_at,
    fileName: r.file_name,
    lang: r.lang,
    excerpt: r.excerpt,
    format: r.format,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

function parseMarks(json: string | null): InlineMark[] | undefined {
  if (!json) return undefined
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) && v.length ? (v as InlineMark[]) : undefined
  } catch {
    return undefined
  }
}

function toParagraph(r: ParagraphRow): Paragraph {
  const p: Paragraph = { id: r.id, index: r.position, kind: r.kind, text: r.text }
  if (r.list) p.list = r.list
  const marks = parseMarks(r.marks)
  if (marks) p.marks = marks
  if (r.row_header) p.header = true
  if (r.table_group !== null) p.group = r.table_group
  if (r.page !== null) p.page = r.page
  return p
}

const PARAGRAPH_COLUMNS = 'id, position, kind, list, text, marks, row_header, table_group, page'

const insertParagraphSql = `INSERT INTO paragraphs (article_id, id, position, kind, list, text, marks, row_header, table_group, page, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

function paragraphValues(p: Paragraph): [string, number, string, string | null, string, string | null, number, number | null, string | null] {
  return [p.id, p.index, p.kind, p.list ?? null, p.text, p.marks?.length ? JSON.stringify(p.marks) : null, p.header ? 1 : 0, p.group ?? null, p.page ?? null]
}

function insertRow(db: DB, a: NewArticle, now: string, importJob: string | null): void {
  db.prepare(
    `INSERT INTO articles (id, title, authors, publisher, published_at, url, accessed_at, file_name, lang, excerpt, format, warnings,
       import_job, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    a.id, a.title, JSON.stringify(a.authors), a.publisher, a.publishedAt, a.url, a.accessedAt, a.fileName, a.lang, a.excerpt, a.format,
    JSON.stringify(a.warnings), importJob, now, now, importJob ? now : null
  )
}

/** Inserts some of an article's paragraphs (call inside a write transaction). */
export function insertParagraphs(db: DB, articleId: string, paragraphs: Paragraph[], now: string): void {
  const insertP = db.prepare(insertParagraphSql)
  for (const p of paragraphs) insertP.run(articleId, ...paragraphValues(p), now, now)
}

/** Inserts a live article and all its paragraphs (call inside a write transaction). */
export function insertArticle(db: DB, a: NewArticle, now: string): void {
  insertRow(db, a, now, null)
  insertParagraphs(db, a.id, a.paragraphs, now)
}

/** Inserts a hidden article row for an import written in several steps; publishArticle shows it. */
export function insertPendingArticle(db: DB, a: NewArticle, now: string, importJob: string): void {
  insertRow(db, a, now, importJob)
}

/** Makes a pending import visible. Returns false when it is gone (dropped meanwhile). */
export function publishArticle(db: DB, id: string, importJob: string, now: string): boolean {
  return (
    db.prepare('UPDATE articles SET deleted_at = NULL, import_job = NULL, created_at = ?, updated_at = ? WHERE id = ? AND import_job = ?').run(now, now, id, importJob)
      .changes === 1
  )
}

/** Removes everything a pending import wrote (it was never visible, so nothing is tombstoned). */
export function dropPendingImport(db: DB, id: string, importJob: string): void {
  const row = db.prepare('SELECT 1 FROM articles WHERE id = ? AND import_job = ?').get(id, importJob)
  if (!row) return
  db.prepare('DELETE FROM paragraphs WHERE article_id = ?').run(id)
  db.prepare('DELETE FROM articles WHERE id = ?').run(id)
}

/** Removes imports left half-written by a process that stopped (older than `before`). Returns how many. */
export function dropStaleImports(db: DB, before: string): number {
  const stale = db.prepare('SELECT id, import_job FROM articles WHERE import_job IS NOT NULL AND created_at < ?').all(before) as {
    id: string
    import_job: string
  }[]
  for (const s of stale) dropPendingImport(db, s.id, s.import_job)
  return stale.length
}

const summarySql = `SELECT a.*,
  (SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id AND p.deleted_at IS NULL) AS paragraph_count,
  (SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlight_count,
  (SELECT count(*) FROM notes n WHERE n.deleted_at IS NULL AND n.text <> ''
     AND (n.article_id = a.id OR n.id IN (SELECT r.note_id FROM note_refs r WHERE r.article_id = a.id))) AS note_count
  FROM articles a WHERE a.deleted_at IS NULL`

type SummaryRow = ArticleRow & { paragraph_count: number; highlight_count: number; note_count: number }

/** Summaries with their counts (from SQL), their tags and the projects they are in. */
function toSummaries(db: DB, rows: SummaryRow[]): ArticleSummary[] {
  const tags = tagsOf(db, 'article', rows.length === 1 ? [rows[0].id] : null)
  const projects = projectsOfArticles(db)
  return rows.map((r) => ({
    ...toMeta(r),
    paragraphCount: r.paragraph_count,
    highlightCount: r.highlight_count,
    noteCount: r.note_count,
    tags: tags.get(r.id) ?? [],
    projectIds: projects.get(r.id) ?? []
  }))
}

/** Live articles, newest first, with counts computed in SQL. */
export function listArticles(db: DB): ArticleSummary[] {
  return toSummaries(db, db.prepare(`${summarySql} ORDER BY a.created_at DESC, a.id DESC`).all() as SummaryRow[])
}

export function getArticleSummary(db: DB, id: string): ArticleSummary | null {
  const row = db.prepare(`${summarySql} AND a.id = ?`).get(id) as SummaryRow | undefined
  return row ? toSummaries(db, [row])[0] : null
}

/** Live paragraphs of an article in document order. */
export function getParagraphs(db: DB, articleId: string): Paragraph[] {
  const rows = db
    .prepare(`SELECT ${PARAGRAPH_COLUMNS} FROM paragraphs WHERE article_id = ? AND deleted_at IS NULL ORDER BY position`)
    .all(articleId) as ParagraphRow[]
  return rows.map(toParagraph)
}

/** Only the named live paragraphs of an article, in document order (cheap on long articles). */
export function getParagraphsByIds(db: DB, articleId: string, ids: string[]): Paragraph[] {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const rows = db
    .prepare(
      `SELECT ${PARAGRAPH_COLUMNS} FROM paragraphs WHERE article_id = ? AND deleted_at IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY position`
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
  return { ...toMeta(row), paragraphs: getParagraphs(db, id), warnings: jsonList(row.warnings) }
}

/** Tombstones an article together with its highlights and its analysis note. Returns false if it was not live. */
export function tombstoneArticle(db: DB, id: string, now: string): boolean {
  const changed = db.prepare('UPDATE articles SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id).changes
  if (!changed) return false
  db.prepare('UPDATE highlights SET deleted_at = ?, updated_at = ? WHERE article_id = ? AND deleted_at IS NULL').run(now, now, id)
  db.prepare('UPDATE notes SET deleted_at = ?, updated_at = ? WHERE article_id = ? AND is_analysis = 1 AND deleted_at IS NULL').run(now, now, id)
  return true
}

/**
 * Undoes tombstoneArticle: clears the article's tombstone and those its highlights and analysis note received in the
 * same deletion (same timestamp); things deleted earlier stay deleted. Returns false if the article was not deleted
 * (or is an import still being written). The analysis note is left deleted if another one was created in the
 * meantime (at most one live per article).
 */
export function restoreArticle(db: DB, id: string, now: string): boolean {
  const row = db.prepare('SELECT deleted_at, import_job FROM articles WHERE id = ?').get(id) as
    | { deleted_at: string | null; import_job: string | null }
    | undefined
  if (!row?.deleted_at || row.import_job) return false
  const at = row.deleted_at
  db.prepare('UPDATE articles SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, id)
  db.prepare('UPDATE highlights SET deleted_at = NULL, updated_at = ? WHERE article_id = ? AND deleted_at = ?').run(now, id, at)
  const live = db.prepare('SELECT 1 FROM notes WHERE article_id = ? AND is_analysis = 1 AND deleted_at IS NULL').get(id)
  if (!live) {
    db.prepare('UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE article_id = ? AND is_analysis = 1 AND deleted_at = ?').run(now, id, at)
  }
  return true
}

/**
 * Re-import: the article's paragraphs become `paragraphs` (ids from assignParagraphIds with the previous
 * paragraphs). Paragraphs whose id disappeared are tombstoned (kept for orphan display); returning ids are revived.
 * Call inside a write transaction.
 */
export function replaceParagraphs(db: DB, articleId: string, paragraphs: Paragraph[], now: string): void {
  const all = db.prepare('SELECT id, deleted_at FROM paragraphs WHERE article_id = ?').all(articleId) as { id: string; deleted_at: string | null }[]
  const existing = new Map(all.map((r) => [r.id, r.deleted_at]))
  const keep = new Set(paragraphs.map((p) => p.id))
  const insertP = db.prepare(insertParagraphSql)
  const updateP = db.prepare(
    `UPDATE paragraphs SET position = ?, kind = ?, list = ?, text = ?, marks = ?, row_header = ?, table_group = ?, page = ?, updated_at = ?,
       deleted_at = NULL
     WHERE article_id = ? AND id = ?`
  )
  const tombstone = db.prepare('UPDATE paragraphs SET deleted_at = ?, updated_at = ? WHERE article_id = ? AND id = ? AND deleted_at IS NULL')
  for (const [id] of existing) if (!keep.has(id)) tombstone.run(now, now, articleId, id)
  for (const p of paragraphs) {
    const [id, ...rest] = paragraphValues(p)
    if (existing.has(p.id)) updateP.run(...rest, now, articleId, id)
    else insertP.run(articleId, id, ...rest, now, now)
  }
  db.prepare('UPDATE articles SET updated_at = ? WHERE id = ?').run(now, articleId)
}

/** What a re-import replaces besides the text: what the new version says about itself. */
export type ArticleMetaUpdate = Omit<NewArticle, 'id' | 'paragraphs'>

/** Re-import: the article's details, format and warnings become those of the new version. */
export function updateArticleMeta(db: DB, articleId: string, meta: ArticleMetaUpdate, now: string): void {
  db.prepare(
    `UPDATE articles SET title = ?, authors = ?, publisher = ?, published_at = ?, url = ?, accessed_at = ?, file_name = ?, lang = ?,
       excerpt = ?, format = ?, warnings = ?, updated_at = ?
     WHERE id = ? AND deleted_at IS NULL`
  ).run(
    meta.title, JSON.stringify(meta.authors), meta.publisher, meta.publishedAt, meta.url, meta.accessedAt, meta.fileName, meta.lang,
    meta.excerpt, meta.format, JSON.stringify(meta.warnings), now, articleId
  )
}

/** "Edit details…": the user's corrections of title, authors, publisher, date and address (kept by re-imports). */
export function updateArticleDetails(db: DB, articleId: string, d: SourceDetails, now: string): boolean {
  return (
    db
      .prepare(
        `UPDATE articles SET title = ?, authors = ?, publisher = ?, published_at = ?, url = ?, details_edited_at = ?, updated_at = ?
         WHERE id = ? AND deleted_at IS NULL`
      )
      .run(d.title, JSON.stringify(d.authors), d.publisher, d.publishedAt, d.url, now, now, articleId).changes === 1
  )
}

/** True when the user has corrected the article's details. */
export function detailsEdited(db: DB, articleId: string): boolean {
  const row = db.prepare('SELECT details_edited_at FROM articles WHERE id = ?').get(articleId) as { details_edited_at: string | null } | undefined
  return !!row?.details_edited_at
}
