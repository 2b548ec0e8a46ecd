// Highlight services: create (selectors checked against the stored text by core/anchoring/targets.ts), update,
// tombstone/restore, listing anchored in the current text in document order (core/anchoring/anchor.ts, one index
// per article), and accepting a suggested place.
import { GlossError, type AcceptSuggestedPlaceRequest, type UpdateHighlightRequest } from '../../core/api'
import { anchorAll, anchorHighlight } from '../../core/anchoring/anchor'
import { sortInDocumentOrder } from '../../core/anchoring/order'
import { checkTargets, targetAt } from '../../core/anchoring/targets'
import { newId, nowIso } from '../../core/ids'
import type { AnchoredHighlight, Highlight, Paragraph, ResolvedSegment } from '../../core/model'
import * as articles from '../db/articles'
import { writeTx } from '../db/database'
import * as repo from '../db/highlights'
import type { Ctx } from './context'

const NOT_FOUND = 'This highlight no longer exists (it may have been deleted).'

/** Anchors an article's highlights in its paragraphs (all at once) and sorts them by where they start; unplaced ones last. */
export function anchorInOrder(paragraphs: Paragraph[], highlights: Highlight[]): AnchoredHighlight[] {
  return sortInDocumentOrder(anchorAll(paragraphs, highlights), paragraphs)
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

const sameSegments = (a: ResolvedSegment[], b: ResolvedSegment[]): boolean =>
  a.length === b.length && a.every((s, i) => s.paragraphId === b[i].paragraphId && s.start === b[i].start && s.end === b[i].end)

/**
 * Stores a highlight's suggested place as its targets (rebuilt from the current text by targetAt, so they pass
 * checkTargets), after checking — in the same write transaction — that `suggestion` is still what anchoring
 * suggests now: if the article changed since the user saw it, GlossError('conflict') and nothing is written.
 */
export function acceptSuggestedPlace(ctx: Ctx, req: AcceptSuggestedPlaceRequest): AnchoredHighlight {
  return writeTx(ctx.db, () => {
    const h = repo.getHighlight(ctx.db, req.id)
    if (!h) throw new GlossError('not_found', NOT_FOUND)
    const paragraphs = articles.getParagraphs(ctx.db, h.articleId)
    const now = anchorHighlight(paragraphs, h)
    if (!now.suggestion) {
      throw new GlossError('conflict', 'This highlight has no suggested place any more (the article text may have changed). Reload the article.')
    }
    if (!sameSegments(now.suggestion, req.suggestion)) {
      throw new GlossError('conflict', 'The suggested place for this highlight changed (the article text was updated meanwhile). Look at the new suggestion and try again.')
    }
    const byId = new Map(paragraphs.map((p) => [p.id, p]))
    const targets = now.suggestion.map((s) => targetAt(byId.get(s.paragraphId)!, s.start, s.end))
    checkTargets(paragraphs, targets)
    repo.updateHighlightTargets(ctx.db, h.id, targets, nowIso())
    return anchorHighlight(paragraphs, repo.getHighlight(ctx.db, h.id)!)
  })
}
