// Notes (ProseMirror JSON documents) and their extracted paragraph references (note_refs).
import { parseStoredDoc } from '../../core/notes/doc'
import type { Note, NoteRef, NoteSummary } from '../../core/model'
import { writeTx, type DB } from './database'

interface NoteRow {
  id: string
  article_id: string | null
  project_id: string | null
  is_analysis: number
  title: string
  doc: string
  doc_version: number
  text: string
  revision: number
  created_at: string
  updated_at: string
}

interface RefRow {
  note_id: string
  ordinal: number
  article_id: string
  paragraph_id: string
  quote: string
  context: string
}

export interface NewNote {
  id: string
  articleId: string | null
  projectId?: string | null
  isAnalysis: boolean
  title: string
  doc: string
  docVersion: number
  text: string
}

function toSummary(r: NoteRow): NoteSummary {
  return { id: r.id, articleId: r.article_id, projectId: r.project_id, title: r.title, revision: r.revision, createdAt: r.created_at, updatedAt: r.updated_at }
}

function toNote(r: NoteRow): Note {
  const { doc, readOnlyReason } = parseStoredDoc(r.doc, r.doc_version)
  return { ...toSummary(r), docVersion: r.doc_version, doc, text: r.text, readOnlyReason }
}

function toRef(r: RefRow): NoteRef {
  return { noteId: r.note_id, ordinal: r.ordinal, articleId: r.article_id, paragraphId: r.paragraph_id, quote: r.quote, context: r.context }
}

export function insertNote(db: DB, n: NewNote, now: string): void {
  db.prepare(
    `INSERT INTO notes (id, article_id, project_id, is_analysis, title, doc, doc_version, text, revision, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`
  ).run(n.id, n.articleId, n.projectId ?? null, n.isAnalysis ? 1 : 0, n.title, n.doc, n.docVersion, n.text, now, now)
}

export function getNote(db: DB, id: string): Note | null {
  const row = db.prepare('SELECT * FROM notes WHERE id = ? AND deleted_at IS NULL').get(id) as NoteRow | undefined
  return row ? toNote(row) : null
}

/** The raw stored row (doc JSON and version) of a live note, for checks before writing. */
export function getStoredDoc(db: DB, id: string): { doc: string; docVersion: number; revision: number } | null {
  const row = db.prepare('SELECT doc, doc_version, revision FROM notes WHERE id = ? AND deleted_at IS NULL').get(id) as
    | Pick<NoteRow, 'doc' | 'doc_version' | 'revision'>
    | undefined
  return row ? { doc: row.doc, docVersion: row.doc_version, revision: row.revision } : null
}

export function getAnalysisNote(db: DB, articleId: string): Note | null {
  const row = db.prepare('SELECT * FROM notes WHERE article_id = ? AND is_analysis = 1 AND deleted_at IS NULL').get(articleId) as
    | NoteRow
    | undefined
  return row ? toNote(row) : null
}

/** Live notes, most recently changed first. */
export function listNotes(db: DB): NoteSummary[] {
  return (db.prepare('SELECT * FROM notes WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC').all() as NoteRow[]).map(toSummary)
}

export function renameNote(db: DB, id: string, title: string, now: string): NoteSummary | null {
  const changed = db.prepare('UPDATE notes SET title = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(title, now, id).changes
  if (!changed) return null
  return toSummary(db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow)
}

/**
 * Brings back a deleted note whose article or project is still there; null when there is no such deleted note,
 * 'owner-gone' when what it belongs to is deleted (restoring that brings the note back with it).
 */
export function restoreNote(db: DB, id: string, now: string): NoteSummary | null | 'owner-gone' {
  const row = db.prepare('SELECT * FROM notes WHERE id = ? AND deleted_at IS NOT NULL').get(id) as NoteRow | undefined
  if (!row) return null
  const ownerGone =
    (row.article_id && !db.prepare('SELECT 1 FROM articles WHERE id = ? AND deleted_at IS NULL').get(row.article_id)) ||
    (row.project_id && !db.prepare('SELECT 1 FROM projects WHERE id = ? AND deleted_at IS NULL').get(row.project_id))
  if (ownerGone) return 'owner-gone'
  db.prepare('UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, id)
  return toSummary(db.prepare('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow)
}

export function tombstoneNote(db: DB, id: string, now: string): boolean {
  return db.prepare('UPDATE notes SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, now, id).changes > 0
}

/**
 * Writes a new document if the stored revision is still `baseRevision` (optimistic concurrency), bumps the
 * revision and replaces the note's references, all in one transaction. Returns the new summary, or null when
 * the revision moved on (nothing written).
 */
export function saveNoteDoc(
  db: DB,
  w: { id: string; baseRevision: number; doc: string; docVersion: number; text: string; refs: NoteRef[] },
  now: string
): NoteSummary | null {
  return writeTx(db, () => {
    const changed = db
      .prepare(
        `UPDATE notes SET doc = ?, doc_version = ?, text = ?, revision = revision + 1, updated_at = ?
         WHERE id = ? AND revision = ? AND deleted_at IS NULL`
      )
      .run(w.doc, w.docVersion, w.text, now, w.id, w.baseRevision).changes
    if (!changed) return null
    db.prepare('DELETE FROM note_refs WHERE note_id = ?').run(w.id)
    const insert = db.prepare(
      'INSERT INTO note_refs (note_id, ordinal, article_id, paragraph_id, quote, context) VALUES (?, ?, ?, ?, ?, ?)'
    )
    w.refs.forEach((r, i) => insert.run(w.id, i, r.articleId, r.paragraphId, r.quote, r.context))
    return toSummary(db.prepare('SELECT * FROM notes WHERE id = ?').get(w.id) as NoteRow)
  })
}

export function refsOfNote(db: DB, noteId: string): NoteRef[] {
  return (db.prepare('SELECT * FROM note_refs WHERE note_id = ? ORDER BY ordinal').all(noteId) as RefRow[]).map(toRef)
}

/** Every reference to the article from a live note, with the note's title (one query). */
export function backlinkRows(db: DB, articleId: string): (NoteRef & { noteTitle: string })[] {
  const rows = db
    .prepare(
      `SELECT r.*, n.title AS note_title FROM note_refs r JOIN notes n ON n.id = r.note_id
       WHERE r.article_id = ? AND n.deleted_at IS NULL ORDER BY n.updated_at DESC, n.id, r.ordinal`
    )
    .all(articleId) as (RefRow & { note_title: string })[]
  return rows.map((r) => ({ ...toRef(r), noteTitle: r.note_title }))
}

/** Live notes that cite the article, plus its analysis note; analysis note first. */
export function notesAboutArticle(db: DB, articleId: string): Note[] {
  const rows = db
    .prepare(
      `SELECT * FROM notes n WHERE n.deleted_at IS NULL
         AND ((n.article_id = ? AND n.is_analysis = 1) OR n.id IN (SELECT note_id FROM note_refs WHERE article_id = ?))
       ORDER BY (n.article_id = ? AND n.is_analysis = 1) DESC, n.created_at, n.id`
    )
    .all(articleId, articleId, articleId) as NoteRow[]
  return rows.map(toNote)
}

/** A project's live notes, oldest first. */
export function notesOfProject(db: DB, projectId: string): Note[] {
  const rows = db
    .prepare('SELECT * FROM notes WHERE project_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
    .all(projectId) as NoteRow[]
  return rows.map(toNote)
}
