// Tag services: tags (codes) on highlights and sources, the tag manager (rename, merge, delete with undo), and
// "Highlights by tag" over a project's sources (or the whole library).
import { GlossError } from '../../core/errors'
import { newId, nowIso } from '../../core/ids'
import type { TagGroup, TagSummary } from '../../core/model'
import { cleanTagName, groupPassagesByTag } from '../../core/tags'
import * as articles from '../db/articles'
import { writeTx } from '../db/database'
import * as highlights from '../db/highlights'
import * as projects from '../db/projects'
import * as repo from '../db/tags'
import type { Ctx } from './context'
import { anchorInOrder } from './highlights'

const TAG_NOT_FOUND = 'This tag does not exist (it may have been deleted or merged).'

/** The live tag with this name (any case), created when there is none. Call inside a write transaction. */
function ensureTag(ctx: Ctx, name: string): { id: string; name: string } {
  const existing = repo.findTag(ctx.db, name)
  if (existing) return existing
  const id = newId()
  repo.insertTag(ctx.db, id, name, nowIso())
  return { id, name }
}

function targetExists(ctx: Ctx, kind: repo.TagTarget, id: string): boolean {
  return kind === 'highlight' ? highlights.getHighlight(ctx.db, id) !== null : articles.articleExists(ctx.db, id)
}

/** Adds or removes a tag on a highlight or a source; answers the target's tags afterwards. */
export function setTag(ctx: Ctx, req: { kind: repo.TagTarget; targetId: string; tag: string; on: boolean }): { tags: string[] } {
  const name = cleanTagName(req.tag)
  writeTx(ctx.db, () => {
    if (!targetExists(ctx, req.kind, req.targetId)) {
      throw new GlossError('not_found', req.kind === 'highlight' ? 'This highlight no longer exists.' : 'This source is not in the library.')
    }
    if (req.on) repo.link(ctx.db, ensureTag(ctx, name).id, req.kind, req.targetId, nowIso())
    else {
      const tag = repo.findTag(ctx.db, name)
      if (tag) repo.unlink(ctx.db, tag.id, req.kind, req.targetId, nowIso())
    }
  })
  return { tags: repo.tagsOf(ctx.db, req.kind, [req.targetId]).get(req.targetId) ?? [] }
}

export function listTags(ctx: Ctx, req: { projectId?: string }): TagSummary[] {
  if (req.projectId && !projects.projectExists(ctx.db, req.projectId)) throw new GlossError('not_found', 'This project does not exist.')
  return repo.listTags(ctx.db, req.projectId ?? null)
}

function summaryOf(ctx: Ctx, id: string): TagSummary {
  const t = repo.listTags(ctx.db, null).find((x) => x.id === id)
  if (!t) throw new GlossError('not_found', TAG_NOT_FOUND)
  return t
}

/** Renames a tag. A name another tag already has is refused: merging is the way to join two tags. */
export function renameTag(ctx: Ctx, req: { id: string; name: string }): TagSummary {
  const name = cleanTagName(req.name)
  writeTx(ctx.db, () => {
    const other = repo.findTag(ctx.db, name)
    if (other && other.id !== req.id) {
      throw new GlossError('conflict', `There is already a tag called “${other.name}”. Merge the two tags instead.`)
    }
    if (!repo.renameTag(ctx.db, req.id, name, nowIso())) throw new GlossError('not_found', TAG_NOT_FOUND)
  })
  return summaryOf(ctx, req.id)
}

/** Merges `fromId` into `intoId`: everything tagged with the first carries the second; the first is gone. */
export function mergeTags(ctx: Ctx, req: { fromId: string; intoId: string }): TagSummary {
  if (req.fromId === req.intoId) throw new GlossError('invalid_input', 'A tag cannot be merged into itself.')
  writeTx(ctx.db, () => {
    if (!repo.tagById(ctx.db, req.fromId) || !repo.tagById(ctx.db, req.intoId)) throw new GlossError('not_found', TAG_NOT_FOUND)
    repo.mergeTags(ctx.db, req.fromId, req.intoId, nowIso())
  })
  return summaryOf(ctx, req.intoId)
}

export function deleteTag(ctx: Ctx, id: string): void {
  if (!writeTx(ctx.db, () => repo.tombstoneTag(ctx.db, id, nowIso()))) throw new GlossError('not_found', TAG_NOT_FOUND)
}

export function restoreTag(ctx: Ctx, id: string): TagSummary {
  if (!writeTx(ctx.db, () => repo.restoreTag(ctx.db, id, nowIso()))) {
    throw new GlossError('not_found', 'This tag cannot be restored: it exists already, or another tag now has its name.')
  }
  return summaryOf(ctx, id)
}

/** Every tagged passage of a project's sources (or the whole library), grouped by tag, each with where it is. */
export function highlightsByTag(ctx: Ctx, req: { projectId?: string }): TagGroup[] {
  let ids: string[] | null = null
  if (req.projectId) {
    const project = projects.getProject(ctx.db, req.projectId)
    if (!project) throw new GlossError('not_found', 'This project does not exist.')
    ids = project.articleIds
  }
  const tagged = repo.taggedHighlights(ctx.db, ids)
  const wanted = [...new Set(tagged.map((t) => highlights.getHighlight(ctx.db, t.highlightId)?.articleId).filter((x): x is string => !!x))]
  const order = ids ?? wanted
  const sources = order
    .filter((id) => wanted.includes(id))
    .map((id) => {
      const a = articles.getArticle(ctx.db, id)!
      return { id, title: a.title, paragraphs: a.paragraphs, highlights: anchorInOrder(a.paragraphs, highlights.listHighlights(ctx.db, id)) }
    })
  return groupPassagesByTag(tagged, sources)
}
