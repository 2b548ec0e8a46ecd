// What the analysis finds in the open source — who said what (quotations, reported speech, counts per speaker) and who
// is mentioned (entities) — fetched when a panel asks for it and kept per article until its text changes. The only
// caller of listQuotes and listEntities. Extraction itself runs in the backend, off the UI thread.
import { shallowReactive } from 'vue'
import { quotationCitation } from '@core/analysis/cite'
import type { Entity, QuoteAnalysis, Quotation } from '@core/analysis/types'
import { api } from '@renderer/api'
import { errorMessage } from './useToasts'
import { notes } from './useNotes'

interface Slot<T> {
  articleId: string | null
  value: T | null
  loading: boolean
  error: string | null
  seq: number
}

const slot = <T>(): Slot<T> => shallowReactive({ articleId: null, value: null, loading: false, error: null, seq: 0 })

export const quotesState = slot<QuoteAnalysis>()
export const entitiesState = slot<Entity[]>()

let seq = 0
async function fill<T>(s: Slot<T>, articleId: string, fetch: (id: string) => Promise<T>, force: boolean): Promise<void> {
  if (!force && s.articleId === articleId && (s.value || s.loading)) return
  const mine = ++seq
  s.seq = mine
  if (s.articleId !== articleId) s.value = null
  s.articleId = articleId
  s.loading = true
  s.error = null
  try {
    const value = await fetch(articleId)
    if (s.articleId !== articleId || mine !== s.seq) return
    s.value = Object.freeze(value) as T
  } catch (err) {
    if (s.articleId === articleId && mine === s.seq) s.error = errorMessage(err)
  } finally {
    if (s.articleId === articleId && mine === s.seq) s.loading = false
  }
}

/** Who said what in an article (fetched once per article unless `force`). */
export function loadQuotes(articleId: string, force = false): Promise<void> {
  return fill(quotesState, articleId, (id) => api.listQuotes(id), force)
}

/** People, organisations and places an article mentions. */
export function loadEntities(articleId: string, force = false): Promise<void> {
  return fill(entitiesState, articleId, (id) => api.listEntities(id), force)
}

/** An article's text changed (updated from a newer version): what was found in it is found again. */
export function refreshAnalysis(articleId: string): void {
  if (quotesState.articleId === articleId) void loadQuotes(articleId, true)
  if (entitiesState.articleId === articleId) void loadEntities(articleId, true)
  // Offsets of the old text mean nothing in the new one.
  if (mentionMarks.articleId === articleId) clearMentions()
}

/** "Cite" in the Quotes panel: the speaker, the quotation in quotation marks and its chip, into the open note. */
export function citeQuotation(articleId: string, q: Quotation): void {
  const content = quotationCitation(q, articleId)
  if (!content.length) return
  notes.cite({ articleId, passages: q.pieces.map((p) => ({ paragraphId: p.paragraphId, quote: p.text, label: String(p.number) })), content })
}

// ---- an entity's mentions marked in the reader --------------------------------------------------------------------

export interface MentionMatch {
  paragraphId: string
  start: number
  end: number
}

/** The mentions the reader marks (one entity's, in document order) and the one stepped to. */
export const mentionMarks = shallowReactive({
  articleId: null as string | null,
  entityId: null as string | null,
  name: '',
  matches: Object.freeze([]) as readonly MentionMatch[],
  current: -1,
  /** Bumped on every step, so the reader scrolls even when the same mention is asked for again. */
  seq: 0
})

/** Marks a quotation's words in the reader (each paragraph's share) and goes to them. */
export function markQuotation(articleId: string, q: Quotation): void {
  mentionMarks.articleId = articleId
  mentionMarks.entityId = null
  mentionMarks.name = ''
  mentionMarks.matches = Object.freeze(q.pieces.map((p) => ({ paragraphId: p.paragraphId, start: p.start, end: p.end })))
  mentionMarks.current = q.pieces.length ? 0 : -1
  mentionMarks.seq++
}

/** Marks every mention of an entity in the reader and goes to the first. */
export function markMentions(articleId: string, e: Entity): void {
  mentionMarks.articleId = articleId
  mentionMarks.entityId = e.id
  mentionMarks.name = e.name
  mentionMarks.matches = Object.freeze(e.mentions.map((m) => ({ paragraphId: m.paragraphId, start: m.start, end: m.end })))
  mentionMarks.current = e.mentions.length ? 0 : -1
  mentionMarks.seq++
}

/** The next (1) or previous (-1) mention, wrapping around. */
export function stepMention(by: 1 | -1): void {
  const n = mentionMarks.matches.length
  if (!n) return
  mentionMarks.current = (mentionMarks.current + by + n) % n
  mentionMarks.seq++
}

export function clearMentions(): void {
  mentionMarks.articleId = null
  mentionMarks.entityId = null
  mentionMarks.name = ''
  mentionMarks.matches = Object.freeze([])
  mentionMarks.current = -1
  mentionMarks.seq++
}
