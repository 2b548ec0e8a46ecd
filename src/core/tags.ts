// Tags (codes): what a tag name may be, and tagged passages grouped by tag for "Highlights by tag".
import { GlossError } from './errors'
import type { AnchoredHighlight, Paragraph, TagGroup, TaggedPassage } from './model'

export const MAX_TAG_NAME = 60

/** A tag name as stored: whitespace collapsed, trimmed, 1–60 characters. Throws invalid_input otherwise. */
export function cleanTagName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim()
  if (!name) throw new GlossError('invalid_input', 'A tag needs a name.')
  if ([...name].length > MAX_TAG_NAME) throw new GlossError('invalid_input', `A tag name can be at most ${MAX_TAG_NAME} characters long.`)
  return name
}

/** A highlight's text as it reads now (its placed segments joined with " … "), or its stored quotes when unplaced. */
export function highlightPassage(h: AnchoredHighlight, byId: Map<string, Paragraph>): string {
  const parts = h.resolved.length
    ? h.resolved.map((s) => byId.get(s.paragraphId)?.text.slice(s.start, s.end) ?? '')
    : h.targets.map((t) => t.quote.exact)
  return parts.map((t) => t.trim()).filter(Boolean).join(' … ')
}

export interface SourceOfPassages {
  id: string
  title: string
  paragraphs: Paragraph[]
  /** Its highlights, anchored in its current text. */
  highlights: AnchoredHighlight[]
}

/**
 * Tagged passages grouped by tag (tags in the order given, e.g. alphabetical), each group in source order then
 * document order. `tagged` pairs a tag name with a highlight id; highlights not found are skipped.
 */
export function groupPassagesByTag(tagged: { tag: string; highlightId: string }[], sources: SourceOfPassages[]): TagGroup[] {
  const where = new Map<string, { source: SourceOfPassages; h: AnchoredHighlight; order: number; byId: Map<string, Paragraph> }>()
  sources.forEach((source, s) => {
    const byId = new Map(source.paragraphs.map((p) => [p.id, p]))
    source.highlights.forEach((h, i) => where.set(h.id, { source, h, order: s * 1e6 + i, byId }))
  })
  const groups = new Map<string, { order: number; passage: TaggedPassage }[]>()
  for (const { tag, highlightId } of tagged) {
    const w = where.get(highlightId)
    if (!w) continue
    const first = w.h.resolved[0]
    const p = first ? w.byId.get(first.paragraphId) : undefined
    const passage: TaggedPassage = {
      highlightId,
      articleId: w.source.id,
      articleTitle: w.source.title,
      color: w.h.color,
      passage: highlightPassage(w.h, w.byId),
      comment: w.h.comment,
      paragraphId: p?.id ?? null,
      paragraphNumber: p ? p.index + 1 : null,
      page: p?.page ?? null
    }
    groups.set(tag, [...(groups.get(tag) ?? []), { order: w.order, passage }])
  }
  return [...groups].map(([tag, list]) => ({ tag, passages: list.sort((a, b) => a.order - b.order).map((x) => x.passage) }))
}
