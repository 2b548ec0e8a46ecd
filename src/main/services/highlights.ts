// Highlight services: create (selectors checked against the stored text by core/anchoring/targets.ts), update,
// tombstone/restore, and listing anchored in the current text in document order.
import { GlossError, type UpdateHighlightRequest } from '../../core/api'
import { anchorHighlight } from '../../core/anchoring/anchor'
import { sortInDocumentOrder } from '../../core/anchoring/order'
import { checkTargets } from '../../core/anchoring/targets'
import { newId, nowIso } from '../../core/ids'
import type { AnchoredHighlight, Highlight, Paragraph } from '../../core/model'
import * as articles from '../db/articles'
import * as repo from '../db/highlights'
import type { Ctx } from './context'

const NOT_FOUND = 'This highlight no longer exists (it may have been deleted).'

/** Anchors highlights in the paragraphs and sorts them by where they start; orphans come last. */
export function anchorInOrder(paragraphs: Paragraph[], highlights: Highlight[]): AnchoredHighlight[] {
  return sortInDocumentOrder(
    highlights.map((h) => anchorHighlight(paragraphs, h)),
    paragraphs
  )
}

function anchoredOne(ctx: Ctx, h: Highlight): AnchoredHighlight {
  return anchorHighlight(articles.getParagraphs(ctx.db, h.articleId), h)
}

export function listHighlights(ctx: Ctx, articleId: string): AnchoredHighlight[] {
  if (!articles.articleExists(ctx.db, articleId)) {
    throw new GlossError('not_found', 'This article is not in the library (it may have been deleted).')
  }
  return anchorInOrder(articles.getParagraphs(ctx.db, articleId), repo.listHighlights(ctx.db, articleId))
}

/** A highlight to store: what createHighlight receives, or one read back from an annotation export. */
export type NewHighlight = Pick<Highlight, 'articleId' | 'color' | 'targets'> & { comment?: string }

/** Inserts a checked highlight (no transaction of its own: callers may batch). */
export function insertChecked(ctx: Ctx, paragraphs: Paragraph[], req: NewHighlight): Highlight {
  checkTargets(paragraphs, req.targets)
  const order = new Map(paragraphs.map((p) => [p.id, p.index]))
  const targets = [...req.targets].sort((a, b) => order.get(a.paragraphId)! - order.get(b.paragraphId)!)
  const now = nowIso()
  const h: Highlight = { id: newId(), articleId: req.articleId, color: req.color, comment: req.comment ?? '', targets, createdAt: now, updatedAt: now }
  repo.insertHighlight(ctx.db, h)
  return h
}

export function createHighlight(ctx: Ctx, req: NewHighlight): AnchoredHighlight {
  if (!articles.articleExists(ctx.db, req.articleId)) {
    throw new GlossError('not_found', 'This article is not in the library (it may have been deleted).')
  }
  // Only the paragraphs the selection touches: a new highlight is checked and anchored against them alone.
  const paragraphs = articles.getParagraphsByIds(ctx.db, req.articleId, req.targets.map((t) => t.paragraphId))
  const h = insertChecked(ctx, paragraphs, req)
  return anchorHighlight(paragraphs, h)
}

export function updateHighlight(ctx: Ctx, req: UpdateHighlightRequest): AnchoredHighlight {
  if (req.color === undefined && req.comment === undefined) {
    throw new GlossError('invalid_input', 'Nothing to change: give a new colour or comment.')
  }
  if (!repo.updateHighlight(ctx.db, req.id, { color: req.color, comment: req.comment }, nowIso())) {
    throw new GlossError('not_found', NOT_FOUND)
  }
  return anchoredOne(ctx, repo.getHighlight(ctx.db, req.id)!)
}

export function deleteHighlight(ctx: Ctx, id: string): void {
  if (!repo.setHighlightDeleted(ctx.db, id, nowIso(), nowIso())) throw new GlossError('not_found', NOT_FOUND)
}

export function restoreHighlight(ctx: Ctx, id: string): AnchoredHighlight {
  const h = repo.getHighlight(ctx.db, id, { includeDeleted: true })
  if (!h) throw new GlossError('not_found', 'This highlight cannot be restored: it does not exist.')
  if (!articles.articleExists(ctx.db, h.articleId)) {
    throw new GlossError('not_found', 'This highlight cannot be restored: its article has been deleted.')
  }
  if (h.deletedAt !== null) repo.setHighlightDeleted(ctx.db, id, null, nowIso())
  return anchoredOne(ctx, repo.getHighlight(ctx.db, id)!)
}
