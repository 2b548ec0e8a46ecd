// Note services: the per-article analysis note, free notes, saving with optimistic concurrency and
// reference extraction, reference checking and backlinks.
import { GlossError, type SaveNoteRequest, type SaveNoteResult } from '../../core/api'
import { newId, nowIso } from '../../core/ids'
import { MAX_NOTE_TITLE } from '../../core/limits'
import { NOTE_DOC_VERSION, type BacklinkMap, type CheckedRef, type Note, type NoteSummary, type Paragraph } from '../../core/model'
import { assertNoteDoc, emptyDoc, parseStoredDoc } from '../../core/notes/doc'
import { checkRefs, docToText, extractRefs, groupBacklinks } from '../../core/notes/refs'
import * as articles from '../db/articles'
import { projectExists } from '../db/projects'
import { writeTx } from '../db/database'
import * as repo from '../db/notes'
import type { Ctx } from './context'

const NOT_FOUND = 'This note no longer exists (it may have been deleted).'

function cleanTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim()
  if (!t) throw new GlossError('invalid_input', 'A note needs a title.')
  if (t.length > MAX_NOTE_TITLE) throw new GlossError('invalid_input', `A note title can be at most ${MAX_NOTE_TITLE} characters long.`)
  return t
}

export function analysisTitle(articleTitle: string): string {
  const t = `Analysis — ${articleTitle}`
  return t.length > MAX_NOTE_TITLE ? `${t.slice(0, MAX_NOTE_TITLE - 1)}…` : t
}

function insertEmpty(ctx: Ctx, title: string, articleId: string | null, isAnalysis: boolean, projectId: string | null = null): Note {
  const id = newId()
  const doc = emptyDoc()
  repo.insertNote(ctx.db, { id, articleId, projectId, isAnalysis, title, doc: JSON.stringify(doc), docVersion: NOTE_DOC_VERSION, text: docToText(doc) }, nowIso())
  return repo.getNote(ctx.db, id)!
}

export function getArticleNote(ctx: Ctx, articleId: string): Note {
  return ctx.db
    .transaction(() => {
      const existing = repo.getAnalysisNote(ctx.db, articleId)
      if (existing) return existing
      const article = articles.getArticle(ctx.db, articleId)
      if (!article) throw new GlossError('not_found', 'This article is not in the library (it may have been deleted).')
      return insertEmpty(ctx, analysisTitle(article.title), articleId, true)
    })
    .immediate()
}

export function getNote(ctx: Ctx, id: string): Note {
  const note = repo.getNote(ctx.db, id)
  if (!note) throw new GlossError('not_found', NOT_FOUND)
  return note
}

export function listNotes(ctx: Ctx): NoteSummary[] {
  return repo.listNotes(ctx.db)
}

export function createNote(ctx: Ctx, req: { title: string; articleId: string | null; projectId?: string | null }): Note {
  const title = cleanTitle(req.title)
  if (req.articleId !== null && !articles.articleExists(ctx.db, req.articleId)) {
    throw new GlossError('not_found', 'The note cannot be attached to this article: it is not in the library.')
  }
  if (req.projectId && !projectExists(ctx.db, req.projectId)) {
    throw new GlossError('not_found', 'The note cannot be added to this project: it does not exist (any more).')
  }
  return insertEmpty(ctx, title, req.articleId, false, req.projectId ?? null)
}

export function renameNote(ctx: Ctx, req: { id: string; title: string }): NoteSummary {
  const renamed = repo.renameNote(ctx.db, req.id, cleanTitle(req.title), nowIso())
  if (!renamed) throw new GlossError('not_found', NOT_FOUND)
  return renamed
}

export function saveNote(ctx: Ctx, req: SaveNoteRequest): SaveNoteResult {
  const doc = assertNoteDoc(req.doc)
  const stored = repo.getStoredDoc(ctx.db, req.id)
  if (!stored) throw new GlossError('not_found', NOT_FOUND)
  const { readOnlyReason } = parseStoredDoc(stored.doc, stored.docVersion)
  if (readOnlyReason) {
    throw new GlossError('conflict', `This note is read-only and was not saved. ${readOnlyReason}`)
  }
  const saved = repo.saveNoteDoc(
    ctx.db,
    {
      id: req.id,
      baseRevision: req.baseRevision,
      doc: JSON.stringify(doc),
      docVersion: NOTE_DOC_VERSION,
      text: docToText(doc),
      refs: extractRefs(req.id, doc)
    },
    nowIso()
  )
  if (saved) return { ok: true, note: saved }
  const current = repo.getNote(ctx.db, req.id)
  if (!current) throw new GlossError('not_found', NOT_FOUND)
  return { ok: false, conflict: true, current }
}

export function deleteNote(ctx: Ctx, id: string): void {
  if (!repo.tombstoneNote(ctx.db, id, nowIso())) throw new GlossError('not_found', NOT_FOUND)
}

/** Undoes deleteNote: the note comes back as it was (its references and backlinks with it). */
export function restoreNote(ctx: Ctx, id: string): NoteSummary {
  const restored = writeTx(ctx.db, () => repo.restoreNote(ctx.db, id, nowIso()))
  if (restored === 'owner-gone')
    throw new GlossError('not_found', 'This note cannot be restored on its own: the article or project it belongs to was deleted. Restore that, and its notes come back with it.')
  if (!restored) throw new GlossError('not_found', 'This note cannot be restored: it is there already, or it never was.')
  return restored
}

/** Paragraph loader for checkRefs: live paragraphs of a live article, null when the article is gone. Cached per call. */
export function paragraphLoader(ctx: Ctx): (articleId: string) => Paragraph[] | null {
  const cache = new Map<string, Paragraph[] | null>()
  return (articleId) => {
    if (!cache.has(articleId)) {
      cache.set(articleId, articles.articleExists(ctx.db, articleId) ? articles.getParagraphs(ctx.db, articleId) : null)
    }
    return cache.get(articleId)!
  }
}

export function checkNoteRefs(ctx: Ctx, noteId: string): CheckedRef[] {
  if (!repo.getStoredDoc(ctx.db, noteId)) throw new GlossError('not_found', NOT_FOUND)
  return checkRefs(repo.refsOfNote(ctx.db, noteId), paragraphLoader(ctx))
}

export function getBacklinks(ctx: Ctx, articleId: string): BacklinkMap {
  return groupBacklinks(repo.backlinkRows(ctx.db, articleId))
}
