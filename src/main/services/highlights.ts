// Highlight services: create (selectors checked against the stored text), update, tombstone/restore,
// and listing anchored in the current text in document order.
import { GlossError, type CreateHighlightRequest, type UpdateHighlightRequest } from '../../core/api'
import { anchorHighlight } from '../../core/anchoring/anchor'
import { sortInDocumentOrder } from '../../core/anchoring/order'
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

/** Throws invalid_input unless every target names a live paragraph and its quote matches the text at its position. */
export function checkTargets(paragraphs: Paragraph[], targets: CreateHighlightRequest['targets']): void {
  if (targets.length === 0) throw new GlossError('invalid_input', 'A highlight needs some selected text.')
  const byId = new Map(paragraphs.map((p) => [p.id, p]))
  const seen = new Set<string>()
  for (const t of targets) {
    const p = byId.get(t.paragraphId)
    if (!p) {
      throw new GlossError('invalid_input', 'The highlight refers to a paragraph that is not in this article. Reload the article and try again.')
    }
    if (seen.has(t.paragraphId)) throw new GlossError('invalid_input', `The highlight covers paragraph ${p.index + 1} twice.`)
    seen.add(t.paragraphId)
    const { start, end } = t.position
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > p.text.length) {
      throw new GlossError('invalid_input', `The highlight's position in paragraph ${p.index + 1} is outside its text.`)
    }
    if (p.text.slice(start, end) !== t.quote.exact) {
      throw new GlossError(
        'invalid_input',
        `The highlighted text does not match paragraph ${p.index + 1} as stored. Reload the article and select the passage again.`
      )
    }
  }
}

/** Inserts a checked highlight (no transaction of its own: callers may batch). */
export function insertChecked(ctx: Ctx, paragraphs: Paragraph[], req: CreateHighlightRequest): Highlight {
  checkTargets(paragraphs, req.targets)
  const order = new Map(paragraphs.map((p) => [p.id, p.index]))
  const targets = [...req.targets].sort((a, b) => order.get(a.paragraphId)! - order.get(b.paragraphId)!)
  const now = nowIso()
  const h: Highlight = { id: newId(), articleId: req.articleId, color: req.color, comment: req.comment ?? '', targets, createdAt: now, updatedAt: now }
  repo.insertHighlight(ctx.db, h)
  return h
}

export function createHighlight(ctx: Ctx, req: CreateHighlightRequest): AnchoredHighlight {
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
