// Quote integrity: every quotation an analyst writes in a note beside a paragraph chip (“…” ¶12, or ¶12: “…”, or
// made by "Cite") is checked against the paragraph the chip cites — exact, differs (with the words that differ), or
// not in the source. Checked against the current text, so an updated source is checked again on the next call.
// Quoting conventions are respected: an ellipsis marks words left out, square brackets words put in.
import type { PMNode, Paragraph } from '../model'
import { isTextblock, refAttrs, refChipText } from '../notes/refs'
import { PARAGRAPH_REF_NODE } from '../model'
import { align, diffParts, findRun, words, type Word } from './diff'
import { scanQuotes, sentenceAt, sentenceSpans } from './text'
import type { NoteQuoteCheck } from './types'

/** A quotation at least this much like the paragraph's words (1 − word edit distance ÷ words) "differs"; less is "not in source". */
export const DIFFERS_SIMILARITY = 0.5

interface Chip {
  at: number
  ordinal: number
  articleId: string
  paragraphId: string
}

interface Block {
  text: string
  chips: Chip[]
}

/** Each text block of the note as plain text (chips as "¶12", line breaks as "\n") with its chips. */
function blocksOf(doc: PMNode): Block[] {
  const out: Block[] = []
  let ordinal = 0
  const walk = (n: PMNode): void => {
    if (isTextblock(n)) {
      const block: Block = { text: '', chips: [] }
      const inline = (c: PMNode): void => {
        if (c.type === 'text') block.text += c.text ?? ''
        else if (c.type === PARAGRAPH_REF_NODE) {
          const a = refAttrs(c)
          block.chips.push({ at: block.text.length, ordinal: ordinal++, articleId: a.articleId, paragraphId: a.paragraphId })
          block.text += refChipText(a)
        } else if (c.type === 'hardBreak') block.text += '\n'
        else c.content?.forEach(inline)
      }
      n.content?.forEach(inline)
      out.push(block)
    } else n.content?.forEach(walk)
  }
  walk(doc)
  return out
}

/**
 * The chip a quotation belongs to: in the same sentence, the nearest chip after it, else the nearest before it; a chip
 * with another quotation closer to it on that side is not taken.
 */
function chipFor(block: Block, sentences: [number, number][], span: { open: number; close: number }, spans: { open: number; close: number }[]): Chip | null {
  const end = span.close >= 0 ? span.close + 1 : block.text.length
  const s = sentences[sentenceAt(sentences, span.open)] ?? [0, block.text.length]
  const inSentence = block.chips.filter((c) => c.at >= s[0] && c.at < Math.max(s[1], end + 1))
  const after = inSentence.filter((c) => c.at >= end).sort((a, b) => a.at - b.at)[0]
  if (after && !spans.some((o) => o.open > span.open && o.open < after.at)) return after
  const before = inSentence.filter((c) => c.at < span.open).sort((a, b) => b.at - a.at)[0]
  if (before && !spans.some((o) => o.open < span.open && o.open > before.at)) return before
  return null
}

/** The quotation's words in segments: split at ellipses (words left out) and, with `brackets`, at [insertions]. */
function segments(quote: string, brackets: boolean): { text: string; words: Word[] }[] {
  const cut = brackets ? /\s*(?:\.\.\.|…|\[[^\]]*\])\s*/g : /\s*(?:\.\.\.|…)\s*/g
  const out: { text: string; words: Word[] }[] = []
  let last = 0
  const push = (from: number, to: number): void => {
    const text = quote.slice(from, to)
    const w = words(text)
    if (w.length) out.push({ text, words: w })
  }
  for (const m of quote.matchAll(cut)) {
    push(last, m.index)
    last = m.index + m[0].length
  }
  push(last, quote.length)
  return out
}

/** Whether every segment occurs in the source, in order. */
function exactIn(source: Word[], segs: { words: Word[] }[]): boolean {
  let from = 0
  for (const seg of segs) {
    const at = findRun(source, seg.words, from)
    if (at < 0) return false
    from = at + seg.words.length
  }
  return segs.length > 0
}

type Verdict = Pick<NoteQuoteCheck, 'status' | 'diff' | 'source'>

function compare(quote: string, paragraph: string): Verdict {
  const source = words(paragraph)
  const literal = segments(quote, false)
  if (exactIn(source, literal) || exactIn(source, segments(quote, true))) return { status: 'exact', diff: null, source: null }
  const quoteWords = literal.flatMap((s) => s.words)
  if (quoteWords.length === 0) return { status: 'exact', diff: null, source: null }
  // One alignment per segment (an omission marked with “…” is not a difference), in order.
  const diff: NonNullable<NoteQuoteCheck['diff']> = []
  let distance = 0
  let first = -1
  let last = -1
  let from = 0
  for (const [i, seg] of literal.entries()) {
    const a = align(seg.words, source.slice(from))
    if (!a) return { status: 'not_in_source', diff: null, source: null }
    const shifted = { ...a, from: a.from + from, to: a.to + from, steps: a.steps.map((st) => (st.s === undefined ? st : { ...st, s: st.s + from })) }
    distance += a.distance
    if (first < 0) first = shifted.from
    last = shifted.to
    if (i > 0) diff.push({ op: 'same', text: '…' })
    diff.push(...diffParts(shifted, seg.text, seg.words, paragraph, source))
    from = shifted.to
  }
  const similarity = 1 - distance / quoteWords.length
  if (similarity < DIFFERS_SIMILARITY || quoteWords.length < 2) return { status: 'not_in_source', diff: null, source: null }
  const sourceText = first < last ? paragraph.slice(source[first].start, source[last - 1].end) : ''
  return { status: 'differs', diff, source: sourceText }
}

/**
 * Every quotation of the note that stands beside a chip, checked against the cited paragraph. `paragraphsOf` gives an
 * article's current paragraphs (null when the article is gone).
 */
export function checkNoteQuotes(doc: PMNode, paragraphsOf: (articleId: string) => Paragraph[] | null): NoteQuoteCheck[] {
  const out: NoteQuoteCheck[] = []
  const cache = new Map<string, Paragraph[] | null>()
  const load = (articleId: string): Paragraph[] | null => {
    if (!cache.has(articleId)) cache.set(articleId, paragraphsOf(articleId))
    return cache.get(articleId)!
  }
  blocksOf(doc).forEach((block, b) => {
    if (block.chips.length === 0) return
    const spans = scanQuotes(block.text)
    const sentences = sentenceSpans(block.text)
    for (const span of spans) {
      const chip = chipFor(block, sentences, span, spans)
      if (!chip) continue
      const quote = block.text.slice(span.start, span.end)
      if (words(quote).length === 0) continue
      const base = { block: b, start: span.start, end: span.end, quote, ordinal: chip.ordinal, articleId: chip.articleId, paragraphId: chip.paragraphId }
      const paragraphs = load(chip.articleId)
      const cited = paragraphs?.find((p) => p.id === chip.paragraphId)
      const elsewhere = (): NoteQuoteCheck['foundIn'] => {
        const hit = paragraphs?.find((p) => p.id !== chip.paragraphId && compare(quote, p.text).status === 'exact')
        return hit ? { paragraphId: hit.id, number: hit.index + 1 } : null
      }
      if (!cited) {
        out.push({ ...base, paragraphNumber: null, status: 'source_missing', diff: null, source: null, foundIn: elsewhere() })
        continue
      }
      const verdict = compare(quote, cited.text)
      out.push({ ...base, paragraphNumber: cited.index + 1, ...verdict, foundIn: verdict.status === 'not_in_source' ? elsewhere() : null })
    }
  })
  return out
}
