// Project services: one analysis across many sources. A project gathers sources (a source may be in several) and
// has notes of its own; deleting a project (undoable) keeps its sources in the library.
import { GlossError } from '../../core/errors'
import { newId, nowIso } from '../../core/ids'
import type { ProjectSummary } from '../../core/model'
import * as articles from '../db/articles'
import { writeTx } from '../db/database'
import * as repo from '../db/projects'
import type { Ctx } from './context'

const NOT_FOUND = 'This project does not exist (it may have been deleted).'

function cleanProjectTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim()
  if (!title) throw new GlossError('invalid_input', 'A project needs a title.')
  return title
}

export function requireProject(ctx: Ctx, id: string): ProjectSummary {
  const p = repo.getProject(ctx.db, id)
  if (!p) throw new GlossError('not_found', NOT_FOUND)
  return p
}

export function listProjects(ctx: Ctx): ProjectSummary[] {
  return repo.listProjects(ctx.db)
}

export function createProject(ctx: Ctx, req: { title: string }): ProjectSummary {
  const now = nowIso()
  const id = newId()
  writeTx(ctx.db, () => repo.insertProject(ctx.db, { id, title: cleanProjectTitle(req.title), createdAt: now, updatedAt: now }))
  return requireProject(ctx, id)
}

export function renameProject(ctx: Ctx, req: { id: string; title: string }): ProjectSummary {
  if (!writeTx(ctx.db, () => repo.renameProject(ctx.db, req.id, cleanProjectTitle(req.title), nowIso()))) throw new GlossError('not_found', NOT_FOUND)
  return requireProject(ctx, req.id)
}

export function deleteProject(ctx: Ctx, id: string): void {
  if (!writeTx(ctx.db, () => repo.tombstoneProject(ctx.db, id, nowIso()))) throw new GlossError('not_found', NOT_FOUND)
}

export function restoreProject(ctx: Ctx, id: string): ProjectSummary {
  if (!writeTx(ctx.db, () => repo.restoreProject(ctx.db, id, nowIso()))) {
    throw new GlossError('not_found', 'This project cannot be restored: it is there already, or it never was.')
  }
  return requireProject(ctx, id)
}

/** Adds sources to a project; sources already in it are left as they are. */
export function addToProject(ctx: Ctx, req: { projectId: string; articleIds: string[] }): ProjectSummary {
  writeTx(ctx.db, () => {
    if (!repo.projectExists(ctx.db, req.projectId)) throw new GlossError('not_found', NOT_FOUND)
    for (const id of req.articleIds) {
      if (!articles.articleExists(ctx.db, id)) throw new GlossError('not_found', 'A source to add is not in the library (it may have been deleted).')
    }
    repo.addSources(ctx.db, req.projectId, [...new Set(req.articleIds)], nowIso())
  })
  return requireProject(ctx, req.projectId)
}

export function removeFromProject(ctx: Ctx, req: { projectId: string; articleId: string }): ProjectSummary {
  writeTx(ctx.db, () => {
    if (!repo.projectExists(ctx.db, req.projectId)) throw new GlossError('not_found', NOT_FOUND)
    if (!repo.removeSource(ctx.db, req.projectId, req.articleId, nowIso())) throw new GlossError('not_found', 'This source is not in the project.')
  })
  return requireProject(ctx, req.projectId)
}
