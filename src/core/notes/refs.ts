// Paragraph references inside notes: extraction, plain text, checking against the current article, backlinks.

import { locate } from '../anchoring/anchor'
import { indexArticle, type ArticleText } from '../anchoring/article-text'
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

/**
 * Checks references against the current text of their articles, with the highlights' matcher and strategy
 * (core/anchoring/anchor.ts locate; a reference has a quote but no context or position). 'ok': the paragraph is
 * there and holds the quote (typography, case and spacing ignored), or the reference has no quote; 'changed': the
 * paragraph is there but its quote changed or left it — suggestedParagraphId is where it is now when that is clear
 * (a highlight of the same passage would be 'moved' there, or be suggested there), else null; 'orphan': the paragraph
 * (or the article) is gone — suggestedParagraphId is the one paragraph that clearly holds the quote, if any.
 */
export function checkRefs(refs: NoteRef[], paragraphsOf: (articleId: string) => Paragraph[] | null): CheckedRef[] {
  const cache = new Map<string, Located | null>()
  const located = (articleId: string): Located | null => {
    if (!cache.has(articleId)) {
      const paragraphs = paragraphsOf(articleId)
      cache.set(articleId, paragraphs ? { article: indexArticle(paragraphs), norm: new Map() } : null)
    }
    return cache.get(articleId)!
  }
  return refs.map((ref): CheckedRef => {
    const loc = located(ref.articleId)
    if (!loc) return { ...ref, status: 'orphan', paragraphNumber: null, suggestedParagraphId: null }
    const { article } = loc
    const i = article.indexOf(ref.paragraphId)
    const idAt = (index: number | undefined): string | null => (index === undefined ? null : article.paragraphs[index].id)
    if (i < 0) {
      const found = ref.quote ? locate(article, { paragraphId: ref.paragraphId, exact: ref.quote }) : null
      const suggestedParagraphId = found && 'suggestion' in found ? idAt(found.suggestion?.index) : null
      return { ...ref, status: 'orphan', paragraphNumber: null, suggestedParagraphId }
    }
    const paragraphNumber = article.paragraphs[i].index + 1
    const q = normalizeForMatch(ref.quote)
    if (!q || normalizedText(loc, i).includes(q)) return { ...ref, status: 'ok', paragraphNumber, suggestedParagraphId: null }
    const found = locate(article, { paragraphId: ref.paragraphId, exact: ref.quote })
    const suggestedParagraphId = found.kind === 'moved' ? idAt(found.place.index) : 'suggestion' in found ? idAt(found.suggestion?.index) : null
    return { ...ref, status: 'changed', paragraphNumber, suggestedParagraphId }
  })
}

interface Located {
  article: ArticleText
  /** normalizeForMatch of the paragraphs looked at so far. */
  norm: Map<number, string>
}

function normalizedText(loc: Located, i: number): string {
  let t = loc.norm.get(i)
  if (t === undefined) loc.norm.set(i, (t = normalizeForMatch(loc.article.paragraphs[i].text)))
  return t
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
