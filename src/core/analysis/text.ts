// Character-level reading of a paragraph: quotation marks (curly, straight, guillemets, German low marks) and
// sentence ends (not after "U.S.", "Mr." or an initial). No NLP library here: offsets are exact.

/** A span between quotation marks. `close` is -1 when the paragraph ends before the closing mark. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number
  /** [start, end) of the quoted words. */
  start: number
  end: number
  /** Index of the closing mark, or -1. */
  close: number
}

const OPENERS: Record<string, string> = { '\u201C': '\u201D', '\u00AB': '\u00BB', '\u201E': '\u201C\u201D', '\u201F': '\u201D' }
const STRAIGHT = '"'

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c)
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/:;,]/

/**
 * Every double-quoted span of a paragraph, in order. Single quotation marks inside a double-quoted span are nested
 * quotes (part of it); other marks inside a span of another kind are nested too. A span still open at the end of
 * the paragraph has close = -1 (a quotation that continues in the next paragraph, or a missing mark).
 */
export function scanQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  let open = -1
  let closers = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (open < 0) {
      if (OPENERS[c] !== undefined) {
        open = i
        closers = OPENERS[c]
      } else if (c === STRAIGHT && (i === 0 || OPEN_BEFORE.test(text[i - 1])) && !isSpace(text[i + 1])) {
        open = i
        closers = STRAIGHT
      }
      continue
    }
    if (closers.includes(c)) {
      spans.push({ open, start: open + 1, end: i, close: i })
      open = -1
    } else if (OPENERS[c] !== undefined && closers !== STRAIGHT && c !== '\u201C') {
      // A new opening mark of another kind while one is open: the first one was never closed.
      spans.push({ open, start: open + 1, end: trimEnd(text, i), close: -1 })
      open = i
      closers = OPENERS[c]
    } else if (c === '\u201C' && closers === '\u201D') {
      // “… “… — a second opening curly mark: the first span is missing its closing mark.
      spans.push({ open, start: open + 1, end: trimEnd(text, i), close: -1 })
      open = i
    }
  }
  if (open >= 0) spans.push({ open, start: open + 1, end: trimEnd(text, text.length), close: -1 })
  return spans.filter((s) => s.end > s.start)
}

function trimEnd(text: string, end: number): number {
  let e = end
  while (e > 0 && /\s/.test(text[e - 1])) e--
  return e
}

/** Abbreviations after which a full stop does not end a sentence (lower case, without their dots). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'prof', 'inc', 'ltd',
  'co', 'corp', 'vs', 'etc', 'eg', 'ie', 'us', 'uk', 'un', 'eu', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'no', 'nos', 'fig', 'approx', 'dept', 'est', 'mt', 'ft', 'rev', 'hon', 'sq', 'usa', 'ussr', 'dc'
])

/** Words that start a new sentence even after an abbreviation ("… in the U.S. The …"). */
const STARTERS = new Set(['The', 'But', 'And', 'In', 'It', 'He', 'She', 'They', 'We', 'This', 'That', 'A', 'An', 'On', 'At', 'As', 'For', 'If', 'When', 'While', 'Meanwhile', 'However', 'Still', 'Yet', 'There', 'His', 'Her', 'Their'])

const CLOSERS = /["'\u201D\u2019\u00BB)\]]/

/** [start, end) of each sentence of a paragraph (whitespace between sentences belongs to none). */
export function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = []
  let start = skipSpace(text, 0)
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (c !== '.' && c !== '!' && c !== '?' && c !== '\u2026') continue
    let j = i + 1
    while (j < text.length && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++
    while (j < text.length && CLOSERS.test(text[j])) j++
    if (j < text.length && !/\s/.test(text[j])) continue
    const next = skipSpace(text, j)
    if (next >= text.length) break
    const after = text[next]
    if (!/[\p{Lu}\p{N}"\u201C\u2018'(\u00AB\u201E]/u.test(after)) continue
    if (c === '.' && j === i + 1 && isAbbreviation(text, i, next)) continue
    out.push([start, j])
    start = next
    i = next - 1
  }
  const end = trimEnd(text, text.length)
  if (end > start) out.push([start, end])
  return out
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++
  return i
}

/** Whether the full stop at `dot` ends an abbreviation or an initial (and the next word does not start a sentence). */
function isAbbreviation(text: string, dot: number, next: number): boolean {
  let s = dot
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1])) s--
  const word = text.slice(s, dot)
  const bare = word.replace(/\./g, '').toLowerCase()
  const initial = /^\p{Lu}$/u.test(word)
  if (!initial && !ABBREVIATIONS.has(bare) && !/\p{L}\.\p{L}/u.test(word)) return false
  const nextWord = /^[\p{L}]+/u.exec(text.slice(next))?.[0] ?? ''
  return !STARTERS.has(nextWord)
}

/** The sentence holding offset `at` (or the nearest one before it). */
export function sentenceAt(sentences: [number, number][], at: number): number {
  let found = 0
  for (let i = 0; i < sentences.length; i++) {
    if (sentences[i][0] <= at) found = i
    else break
  }
  return found
}

/** Words of a span of text ("U.S.-China" is one word; so are "it’s" and "commander-in-chief"). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'.\-]+[\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** Text compared loosely: typographic quotes and dashes folded, case and spacing ignored, edge punctuation dropped. */
export function looseText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"',.;:!?\-]+|[\s"',.;:!?\-]+$/g, '')
}
