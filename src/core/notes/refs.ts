// Paragraph references inside notes: extraction, plain text, checking against the current article, backlinks.

import search from 'approx-string-match'
import {
  PARAGRAPH_REF_NODE,
  type BacklinkMap,
  type CheckedRef,
  type NoteRef,
  type PMNode,
  type Paragraph,
  type ParagraphRefAttrs
} from '../model'

/** Longest context kept for a reference (characters). */
export const MAX_CONTEXT = 200

const TEXTBLOCK_TYPES = new Set(['paragraph', 'heading', 'codeBlock'])
const INLINE_TYPES = new Set(['text', PARAGRAPH_REF_NODE, 'hardBreak'])

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)
}

/** Reads a paragraphRef node's attributes, tolerating missing ones. */
export function refAttrs(node: PMNode): ParagraphRefAttrs {
  const a = node.attrs ?? {}
  return { articleId: str(a.articleId), paragraphId: str(a.paragraphId), quote: str(a.quote), label: str(a.label) }
}

/** How a reference chip reads in plain text: "¶12". */
export function refChipText(attrs: Pick<ParagraphRefAttrs, 'label'>): string {
  return `¶${attrs.label || '?'}`
}

/** True for nodes whose children are inline content (text, chips, line breaks). */
export function isTextblock(node: PMNode): boolean {
  if (TEXTBLOCK_TYPES.has(node.type)) return true
  return !!node.content?.some((c) => INLINE_TYPES.has(c.type))
}

interface InlinePiece {
  text: string
  ref?: ParagraphRefAttrs
}

function inlinePieces(block: PMNode): InlinePiece[] {
  const out: InlinePiece[] = []
  const walk = (n: PMNode): void => {
    if (n.type === 'text') out.push({ text: n.text ?? '' })
    else if (n.type === PARAGRAPH_REF_NODE) {
      const ref = refAttrs(n)
      out.push({ text: refChipText(ref), ref })
    } else if (n.type === 'hardBreak') out.push({ text: '\n' })
    else n.content?.forEach(walk)
  }
  block.content?.forEach(walk)
  return out
}

/** Visits every text block of the document in order. */
function eachTextblock(doc: PMNode, visit: (block: PMNode) => void): void {
  const walk = (n: PMNode): void => {
    if (isTextblock(n)) visit(n)
    else n.content?.forEach(walk)
  }
  walk(doc)
}

const SENTENCE_END = /[.!?…]["'”’)\]]*\s/g

/** The sentence of `text` around [from, to), trimmed to about MAX_CONTEXT characters around the span. */
export function sentenceAround(text: string, from: number, to: number, max = MAX_CONTEXT): string {
  let start = 0
  let end = text.length
  SENTENCE_END.lastIndex = 0
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const after = m.index + m[0].length
    if (after <= from) start = after
    else if (m.index >= to) {
      end = m.index + m[0].trimEnd().length
      break
    }
  }
  const lineStart = text.lastIndexOf('\n', from - 1) + 1
  const lineEnd = text.indexOf('\n', to)
  start = Math.max(start, lineStart)
  if (lineEnd >= 0) end = Math.min(end, lineEnd)
  let s = start
  let e = end
  if (e - s > max) {
    const span = to - from
    const room = Math.max(0, max - span)
    s = Math.max(start, from - Math.floor(room / 2))
    e = Math.min(end, s + Math.max(max, span))
    s = Math.max(start, Math.min(s, e - max))
  }
  let out = text.slice(s, e).replace(/\s+/g, ' ').trim()
  if (s > start) out = '…' + out
  if (e < end) out = out + '…'
  return out
}

/** Every paragraph reference of the note, in document order, with its ordinal and surrounding sentence. */
export function extractRefs(noteId: string, doc: PMNode): NoteRef[] {
  const refs: NoteRef[] = []
  eachTextblock(doc, (block) => {
    const pieces = inlinePieces(block)
    const text = pieces.map((p) => p.text).join('')
    let pos = 0
    for (const p of pieces) {
      if (p.ref) {
        refs.push({
          noteId,
          ordinal: refs.length,
          articleId: p.ref.articleId,
          paragraphId: p.ref.paragraphId,
          quote: p.ref.quote,
          context: sentenceAround(text, pos, pos + p.text.length)
        })
      }
      pos += p.text.length
    }
  })
  return refs
}

/** Plain text of a note (one line per text block, chips as "¶12"), for search and previews. */
export function docToText(doc: PMNode): string {
  const lines: string[] = []
  eachTextblock(doc, (block) => {
    lines.push(inlinePieces(block).map((p) => p.text).join(''))
  })
  return lines.join('\n')
}

/** Normalisation used to compare quotes with paragraph text: NFKC, typographic quotes/dashes, case, spacing. */
export function normalizeForMatch(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Total article size up to which the fuzzy fallback is attempted (it is O(n·k/32)). */
const FUZZY_MAX_CHARS = 400_000
const FUZZY_MIN_QUOTE = 8
const FUZZY_MAX_QUOTE = 2000

interface Located {
  paragraphs: Paragraph[]
  norm: string[]
}

function nearest(candidates: number[], origin: number | null): number {
  if (origin === null) return candidates[0]
  return candidates.reduce((best, i) => (Math.abs(i - origin) < Math.abs(best - origin) ? i : best), candidates[0])
}

/**
 * Finds the paragraph that holds `quote` now: exact (normalised) first, nearest to `origin`; otherwise the best
 * approximate match (at most 20 % errors). Returns the index, or null.
 */
function findQuote(loc: Located, quote: string, origin: number | null): number | null {
  const q = normalizeForMatch(quote)
  if (!q) return null
  const exact = loc.norm.flatMap((t, i) => (t.includes(q) ? [i] : []))
  if (exact.length) return nearest(exact, origin)
  const total = loc.norm.reduce((n, t) => n + t.length, 0)
  if (q.length < FUZZY_MIN_QUOTE || q.length > FUZZY_MAX_QUOTE || total > FUZZY_MAX_CHARS) return null
  const maxErrors = Math.floor(q.length * 0.2)
  let bestErrors = Infinity
  let best: number[] = []
  loc.norm.forEach((t, i) => {
    if (t.length < q.length - maxErrors) return
    const matches = search(t, q, maxErrors)
    if (!matches.length) return
    const errors = Math.min(...matches.map((m) => m.errors))
    if (errors < bestErrors) {
      bestErrors = errors
      best = [i]
    } else if (errors === bestErrors) best.push(i)
  })
  return best.length ? nearest(best, origin) : null
}

/**
 * Checks references against the current text of their articles. 'ok': paragraph present and (no quote or it still
 * contains the quote); 'changed': paragraph present but the quote is gone (suggestedParagraphId: where it is now);
 * 'orphan': paragraph (or article) gone (suggestedParagraphId: a paragraph holding the quote, if any).
 */
export function checkRefs(refs: NoteRef[], paragraphsOf: (articleId: string) => Paragraph[] | null): CheckedRef[] {
  const cache = new Map<string, Located | null>()
  const locate = (articleId: string): Located | null => {
    if (!cache.has(articleId)) {
      const paragraphs = paragraphsOf(articleId)
      cache.set(articleId, paragraphs ? { paragraphs, norm: paragraphs.map((p) => normalizeForMatch(p.text)) } : null)
    }
    return cache.get(articleId)!
  }
  return refs.map((ref): CheckedRef => {
    const loc = locate(ref.articleId)
    if (!loc) return { ...ref, status: 'orphan', paragraphNumber: null, suggestedParagraphId: null }
    const i = loc.paragraphs.findIndex((p) => p.id === ref.paragraphId)
    if (i < 0) {
      const found = findQuote(loc, ref.quote, null)
      return { ...ref, status: 'orphan', paragraphNumber: null, suggestedParagraphId: found === null ? null : loc.paragraphs[found].id }
    }
    const paragraphNumber = loc.paragraphs[i].index + 1
    const q = normalizeForMatch(ref.quote)
    if (!q || loc.norm[i].includes(q)) return { ...ref, status: 'ok', paragraphNumber, suggestedParagraphId: null }
    const found = findQuote(loc, ref.quote, i)
    const suggestedParagraphId = found === null || found === i ? null : loc.paragraphs[found].id
    return { ...ref, status: 'changed', paragraphNumber, suggestedParagraphId }
  })
}

/**
 * Groups citing references by paragraph id. Within a paragraph, entries keep the order in which notes first
 * appear in `rows`, then the reference order within each note.
 */
export function groupBacklinks(rows: (NoteRef & { noteTitle: string })[]): BacklinkMap {
  const noteOrder = new Map<string, number>()
  for (const r of rows) if (!noteOrder.has(r.noteId)) noteOrder.set(r.noteId, noteOrder.size)
  const sorted = [...rows].sort((a, b) => noteOrder.get(a.noteId)! - noteOrder.get(b.noteId)! || a.ordinal - b.ordinal)
  const map: BacklinkMap = {}
  for (const r of sorted) {
    ;(map[r.paragraphId] ??= []).push({
      noteId: r.noteId,
      noteTitle: r.noteTitle,
      ordinal: r.ordinal,
      context: r.context,
      quote: r.quote
    })
  }
  return map
}
