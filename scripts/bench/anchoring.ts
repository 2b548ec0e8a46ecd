// Anchoring benchmark: 1,000 highlights on a 100,000-word article (about 2,100 paragraphs), re-anchored by Gloss
// (core/anchoring/anchor.ts anchorAll) and, in the same run, by a port of the Hypothesis client's approach written
// here (document-level TextQuote/TextPosition selectors; position verified by the quote, else matchQuote over the
// whole text). Three cases: the text unchanged (time); 2 % of paragraphs edited near quotes (placements against
// where the edits put each passage); paragraphs removed (are their highlights moved, and do they get a suggestion).
// The article is generated from the sample's words with a fixed seed, with real sentences from the sample repeated
// in many paragraphs (the case where a repeated sentence elsewhere must not win). Prints figures; asserts nothing.
import search from 'approx-string-match'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { anchorAll } from '../../src/core/anchoring/anchor'
import { describeRange } from '../../src/core/anchoring/describe'
import type { AnchoredHighlight, Highlight, Paragraph, ResolvedSegment } from '../../src/core/model'
import { assignParagraphIds } from '../../src/core/paragraphs'
import { rng } from './rng'

const ROOT = join(__dirname, '..', '..')
const SAMPLE = readFileSync(join(ROOT, 'resources/putin-xi-sco-summit.txt'), 'utf8')

const PARAGRAPHS = 2100
const WORDS = 100_000
const HIGHLIGHTS = 1000
const EDITED = 0.02
const SEEDS = [1, 2, 3]
const REPEATS = 25

// ------------------------------------------------------------------------------------------- the article


const VOCABULARY = SAMPLE.toLowerCase().match(/[\p{L}]+(?:['’][\p{L}]+)?/gu) ?? []
/** Real sentences of the sample (8–30 words), repeated across the article. */
const STOCK = SAMPLE.split(/(?<=[.!?])\s+/)
  .map((s) => s.trim())
  .filter((s) => {
    const n = s.split(/\s+/).length
    return n >= 8 && n <= 30 && !s.includes('\n')
  })
  .slice(0, 30)

interface World {
  random: () => number
  pick: <T>(xs: readonly T[]) => T
  int: (lo: number, hi: number) => number
}

function world(seed: number): World {
  const random = rng(seed)
  return { random, pick: (xs) => xs[Math.floor(random() * xs.length)], int: (lo, hi) => lo + Math.floor(random() * (hi - lo + 1)) }
}

function sentence(w: World, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(w.pick(VOCABULARY))
  if (words > 10 && w.random() < 0.5) out[w.int(3, words - 4)] += ','
  out[0] = out[0][0].toUpperCase() + out[0].slice(1)
  return out.join(' ') + '.'
}

/** About WORDS words in PARAGRAPHS paragraphs; one paragraph in sixteen also holds a stock sentence. */
function article(w: World): string[] {
  const perParagraph = WORDS / PARAGRAPHS
  const paragraphs: string[] = []
  for (let i = 0; i < PARAGRAPHS; i++) {
    const sentences: string[] = []
    let words = 0
    const target = Math.round(perParagraph * (0.5 + w.random()))
    while (words < target) {
      const n = Math.min(target - words, w.int(8, 24))
      sentences.push(sentence(w, Math.max(4, n)))
      words += Math.max(4, n)
    }
    if (w.random() < 1 / 16) sentences.splice(w.int(0, sentences.length), 0, w.pick(STOCK))
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs
}

const blocks = (texts: string[]) => texts.map((text) => ({ kind: 'p' as const, text }))
const countWords = (ps: Paragraph[]): number => ps.reduce((n, p) => n + p.text.split(' ').length, 0)

/** Word starts and ends of a text, for selections that start and end on words (as readers select). */
function wordSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].replace(/[,.]$/, '').length }))
}

/** 1,000 highlights: most a run of 4–18 words, one in ten a whole stock sentence, one in twenty over two paragraphs. */
function highlightsOn(w: World, ps: Paragraph[]): Highlight[] {
  const withStock = ps.filter((p) => STOCK.some((s) => p.text.includes(s)))
  const out: Highlight[] = []
  const make = (targets: Highlight['targets']): void => {
    if (targets.length) out.push({ id: `h${out.length}`, articleId: 'a', color: 'yellow', comment: '', targets, createdAt: '', updatedAt: '' })
  }
  while (out.length < HIGHLIGHTS) {
    const r = w.random()
    if (r < 0.1 && withStock.length) {
      const p = w.pick(withStock)
      const s = STOCK.find((x) => p.text.includes(x))!
      const at = p.text.indexOf(s)
      make(describeRange(ps, { paragraphId: p.id, offset: at }, { paragraphId: p.id, offset: at + s.length }))
    } else if (r < 0.15) {
      const i = w.int(0, ps.length - 2)
      const a = wordSpans(ps[i].text)
      const b = wordSpans(ps[i + 1].text)
      const from = a[Math.max(0, a.length - w.int(2, 8))]
      const to = b[Math.min(b.length - 1, w.int(1, 8))]
      make(describeRange(ps, { paragraphId: ps[i].id, offset: from.start }, { paragraphId: ps[i + 1].id, offset: to.end }))
    } else {
      const p = w.pick(ps)
      const spans = wordSpans(p.text)
      const n = Math.min(spans.length, w.int(4, 18))
      const first = w.int(0, spans.length - n)
      make(describeRange(ps, { paragraphId: p.id, offset: spans[first].start }, { paragraphId: p.id, offset: spans[first + n - 1].end }))
    }
  }
  return out
}

// -------------------------------------------------------------------------- the Hypothesis-style port

/** Hypothesis's matchQuote (src/annotator/anchoring/match-quote.ts), ported as it is. */
function portSearch(text: string, str: string, maxErrors: number): { start: number; end: number; errors: number }[] {
  const exact: { start: number; end: number; errors: number }[] = []
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 })
  return exact.length ? exact : search(text, str, maxErrors)
}

function portTextMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0
  const matches = portSearch(text, str, str.length)
  return 1 - matches[0].errors / str.length
}

function portMatchQuote(text: string, quote: string, context: { prefix?: string; suffix?: string; hint?: number }): { start: number; end: number } | null {
  if (quote.length === 0) return null
  const maxErrors = Math.min(256, quote.length / 2)
  const matches = portSearch(text, quote, maxErrors)
  if (matches.length === 0) return null
  const scoreMatch = (m: { start: number; end: number; errors: number }): number => {
    const quoteWeight = 50
    const prefixWeight = 20
    const suffixWeight = 20
    const posWeight = 2
    const quoteScore = 1 - m.errors / quote.length
    const prefixScore = context.prefix ? portTextMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1
    const suffixScore = context.suffix ? portTextMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1
    const posScore = typeof context.hint === 'number' ? 1 - Math.abs(m.start - context.hint) / text.length : 1
    return (quoteWeight * quoteScore + prefixWeight * prefixScore + suffixWeight * suffixScore + posWeight * posScore) / 92
  }
  let best = matches[0]
  let bestScore = -Infinity
  for (const m of matches) {
    const s = scoreMatch(m)
    if (s > bestScore) [best, bestScore] = [m, s]
  }
  return best
}

/** A highlight as Hypothesis stores it: per part, a quote with context and a position, both in the document's text. */
interface PortSelector {
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
}

const SEPARATOR = '\n'

function documentText(ps: Paragraph[]): { text: string; starts: number[] } {
  const starts: number[] = []
  let at = 0
  for (const p of ps) {
    starts.push(at)
    at += p.text.length + SEPARATOR.length
  }
  return { text: ps.map((p) => p.text).join(SEPARATOR), starts }
}

function portDescribe(ps: Paragraph[], highlights: Highlight[]): PortSelector[][] {
  const { text, starts } = documentText(ps)
  const at = new Map(ps.map((p, i) => [p.id, starts[i]]))
  return highlights.map((h) =>
    h.targets.map((t) => {
      const start = at.get(t.paragraphId)! + t.position.start
      const end = start + t.quote.exact.length
      return { exact: t.quote.exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end }
    })
  )
}

/** Hypothesis's anchor(): the position when its text is the quote, else matchQuote with the position as hint. */
function portAnchorAll(ps: Paragraph[], selectors: PortSelector[][]): ResolvedSegment[][] {
  const { text, starts } = documentText(ps)
  const paragraphAt = (offset: number): number => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  return selectors.map((parts) =>
    parts.flatMap((s) => {
      const found = text.slice(s.start, s.end) === s.exact ? { start: s.start, end: s.end } : portMatchQuote(text, s.exact, { prefix: s.prefix, suffix: s.suffix, hint: s.start })
      if (!found) return []
      const i = paragraphAt(found.start)
      const start = found.start - starts[i]
      return [{ paragraphId: ps[i].id, start, end: Math.min(ps[i].text.length, found.end - starts[i]) }]
    })
  )
}

// ---------------------------------------------------------------------------------------- judging

/** Where each part of a highlight should be in the new text (null: its text is gone). */
type Expected = (ResolvedSegment | null)[]

const overlapShare = (a: ResolvedSegment, b: ResolvedSegment): number => {
  if (a.paragraphId !== b.paragraphId) return 0
  const common = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start)
  return common > 0 ? common / union : 0
}
/** A placement is right when it covers the expected text in the expected paragraph (give or take the edges). */
const sameSpot = (a: ResolvedSegment, b: ResolvedSegment): boolean => overlapShare(a, b) >= 0.5
const exactSpot = (a: ResolvedSegment, b: ResolvedSegment): boolean => a.paragraphId === b.paragraphId && a.start === b.start && a.end === b.end

interface Tally {
  exact: number
  edges: number
  wrong: number
  unplaced: number
}

/** Per highlight: wrong if any placed segment is nowhere it should be; else exact, right but edges off, or not (fully) placed. */
function judge(placed: ResolvedSegment[][], expected: Expected[], only?: Set<number>): Tally {
  const t: Tally = { exact: 0, edges: 0, wrong: 0, unplaced: 0 }
  placed.forEach((segs, i) => {
    if (only && !only.has(i)) return
    const want = expected[i].filter((e): e is ResolvedSegment => e !== null)
    if (segs.some((s) => !want.some((e) => sameSpot(s, e)))) t.wrong++
    else if (!want.length || want.some((e) => !segs.some((s) => sameSpot(s, e)))) t.unplaced++
    else if (want.every((e) => segs.some((s) => exactSpot(s, e)))) t.exact++
    else t.edges++
  })
  return t
}

// ------------------------------------------------------------------------------------------ edits

interface Splice {
  at: number
  remove: number
  insert: string
}

/** Where [start, end) of a paragraph is after a splice; null when the splice cuts across one of its edges. */
function through(range: { start: number; end: number }, s: Splice): { start: number; end: number } | null {
  const delta = s.insert.length - s.remove
  if (s.at + s.remove <= range.start) return { start: range.start + delta, end: range.end + delta }
  if (s.at >= range.end) return range
  if (s.at >= range.start && s.at + s.remove <= range.end) return { start: range.start, end: range.end + delta }
  return null
}

const EDIT_KINDS = ['typo', 'word', 'insert', 'delete', 'punctuation', 'prefix', 'suffix', 'shift'] as const

/** An edit near (or inside) [start, end) of `text`, of the given kind; null when it does not apply here. */
function editNear(w: World, text: string, start: number, end: number, kind: (typeof EDIT_KINDS)[number]): Splice | null {
  const inside = wordSpans(text).filter((s) => s.start > start && s.end < end)
  const word = (): string => w.pick(VOCABULARY.filter((x) => x.length >= 4))
  switch (kind) {
    case 'typo': {
      const s = inside.find((x) => x.end - x.start >= 5)
      if (!s) return null
      const at = s.start + 2
      const c = text[at] === 'e' ? 'a' : 'e'
      return { at, remove: 1, insert: c }
    }
    case 'word': {
      const s = inside.length ? w.pick(inside) : null
      return s ? { at: s.start, remove: s.end - s.start, insert: word() } : null
    }
    case 'insert': {
      const s = inside.length ? w.pick(inside) : null
      return s ? { at: s.start, remove: 0, insert: word() + ' ' } : null
    }
    case 'delete': {
      const s = inside.length > 2 ? w.pick(inside) : null
      return s && text[s.end] === ' ' ? { at: s.start, remove: s.end - s.start + 1, insert: '' } : null
    }
    case 'punctuation': {
      const s = inside.find((x) => /\p{L}/u.test(text[x.end - 1]) && text[x.end] === ' ')
      return s ? { at: s.end, remove: 0, insert: ',' } : null
    }
    case 'prefix': {
      const before = wordSpans(text).filter((s) => s.end < start - 1)
      const s = before[before.length - 1]
      return s ? { at: s.start, remove: s.end - s.start, insert: word() } : null
    }
    case 'suffix': {
      const s = wordSpans(text).find((x) => x.start > end + 1)
      return s ? { at: s.start, remove: s.end - s.start, insert: word() } : null
    }
    case 'shift':
      return { at: 0, remove: 0, insert: sentence(w, w.int(6, 14)) + ' ' }
  }
}

interface Case {
  old: Paragraph[]
  next: Paragraph[]
  highlights: Highlight[]
  port: PortSelector[][]
  expected: Expected[]
}

function baseCase(seed: number): { w: World; old: Paragraph[]; highlights: Highlight[]; port: PortSelector[][] } {
  const w = world(seed)
  const old = assignParagraphIds(blocks(article(w)))
  const highlights = highlightsOn(w, old)
  return { w, old, highlights, port: portDescribe(old, highlights) }
}

/** 2 % of the paragraphs that hold a highlight get one edit near one of its quotes; one edit in four is on a stock sentence. */
function editedCase(seed: number): Case & { edits: number; uncertain: Set<number> } {
  const { w, old, highlights, port } = baseCase(seed)
  const texts = old.map((p) => p.text)
  const byParagraph = new Map<number, { h: number; t: number }[]>()
  const index = new Map(old.map((p, i) => [p.id, i]))
  highlights.forEach((h, hi) => h.targets.forEach((t, ti) => {
    const i = index.get(t.paragraphId)!
    byParagraph.set(i, [...(byParagraph.get(i) ?? []), { h: hi, t: ti }])
  }))
  const expected: (ResolvedSegment | null)[][] = highlights.map((h) => h.targets.map((t) => ({ paragraphId: t.paragraphId, start: t.position.start, end: t.position.end })))
  const stockTargets = [...byParagraph.entries()].filter(([, ts]) => ts.some(({ h, t }) => STOCK.includes(highlights[h].targets[t].quote.exact)))
  const all = [...byParagraph.entries()]
  const want = Math.round(EDITED * old.length)
  const chosen = new Set<number>()
  const uncertain = new Set<number>()
  let edits = 0
  for (let tries = 0; edits < want && tries < 50 * want; tries++) {
    const [i, ts] = edits % 4 === 0 && stockTargets.length ? w.pick(stockTargets) : w.pick(all)
    if (chosen.has(i)) continue
    const { h, t } = w.pick(ts)
    const target = highlights[h].targets[t]
    const kind = EDIT_KINDS[edits % EDIT_KINDS.length]
    const splice = editNear(w, texts[i], target.position.start, target.position.end, kind)
    if (!splice) continue
    chosen.add(i)
    edits++
    texts[i] = texts[i].slice(0, splice.at) + splice.insert + texts[i].slice(splice.at + splice.remove)
    for (const x of ts) {
      const seg = expected[x.h][x.t]!
      const moved = through(seg, splice)
      if (moved) expected[x.h][x.t] = { ...seg, ...moved }
      else uncertain.add(x.h) // another highlight the edit cuts across: left out of the count
    }
  }
  const next = assignParagraphIds(blocks(texts), old)
  // Expected places are by paragraph position (nothing was inserted or removed): name them by the new ids.
  for (const e of expected) e.forEach((s, k) => s && (e[k] = { ...s, paragraphId: next[index.get(s.paragraphId)!].id }))
  return { old, next, highlights, port, expected, edits, uncertain }
}

/** 2 % of the paragraphs that hold a highlight removed: a third deleted, a third merged into the one before, a third moved far off with a small edit. */
function removedCase(seed: number): Case & { kinds: Record<string, number>; lost: Set<number>; survives: Set<number> } {
  const { w, old, highlights, port } = baseCase(seed)
  const holding = [...new Set(highlights.flatMap((h) => h.targets.map((t) => old.findIndex((p) => p.id === t.paragraphId))))].filter((i) => i > 0 && i < old.length - 1)
  const want = Math.round(EDITED * old.length)
  const chosen = new Set<number>()
  while (chosen.size < want) {
    const i = w.pick(holding)
    if (!chosen.has(i) && !chosen.has(i - 1) && !chosen.has(i + 1)) chosen.add(i)
  }
  const kindOf = new Map([...chosen].map((i, k) => [i, (['deleted', 'merged', 'moved'] as const)[k % 3]]))
  // Build the new version, remembering where each old paragraph's text went: [new position, offset shift, edit].
  type Home = { at: number; shift: number; splice?: Splice } | null
  const homes: Home[] = old.map(() => null)
  const texts: string[] = []
  const later: { i: number; text: string; splice: Splice }[] = []
  old.forEach((p, i) => {
    const kind = kindOf.get(i)
    if (kind === 'deleted') return
    if (kind === 'merged') {
      homes[i] = { at: texts.length - 1, shift: texts[texts.length - 1].length + 1 }
      texts[texts.length - 1] += ' ' + p.text
      return
    }
    if (kind === 'moved') {
      const spans = wordSpans(p.text)
      const s = spans[spans.length - 1]
      const splice = { at: s.start, remove: s.end - s.start, insert: 'meanwhile' } // the last word changed
      later.push({ i, text: p.text.slice(0, splice.at) + splice.insert + p.text.slice(splice.at + splice.remove), splice })
      return
    }
    homes[i] = { at: texts.length, shift: 0 }
    texts.push(p.text)
  })
  // Moved paragraphs go about a third of the article further on (well beyond re-import's nearby window).
  for (const m of later) {
    const from = homes[m.i - 1]?.at ?? 0
    const at = Math.min(texts.length, from + Math.floor(texts.length / 3))
    texts.splice(at, 0, m.text)
    for (const h of homes) if (h && h.at >= at) h.at++
    homes[m.i] = { at, shift: 0, splice: m.splice }
  }
  const next = assignParagraphIds(blocks(texts), old)
  const live = new Set(next.map((p) => p.id))
  const index = new Map(old.map((p, i) => [p.id, i]))
  const lost = new Set<number>()
  const survives = new Set<number>()
  const expected = highlights.map((h, hi) =>
    h.targets.map((t) => {
      const home = homes[index.get(t.paragraphId)!]
      if (!live.has(t.paragraphId)) {
        lost.add(hi)
        if (home) survives.add(hi)
      }
      if (!home) return null
      let range: { start: number; end: number } | null = { start: t.position.start, end: t.position.end }
      if (home.splice) range = through(range, home.splice)
      return range && { paragraphId: next[home.at].id, start: range.start + home.shift, end: range.end + home.shift }
    })
  )
  const kinds = { deleted: 0, merged: 0, moved: 0 }
  for (const k of kindOf.values()) kinds[k]++
  return { old, next, highlights, port, expected, kinds, lost, survives }
}

// ------------------------------------------------------------------------------------------ printing

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`
const ratio = (a: number, b: number): string => (b === 0 ? (a === 0 ? '—' : '∞') : `${(a / b).toFixed(2)}x`)
const row = (label: string, gloss: string, port: string, note = ''): void =>
  console.log(`  ${label.padEnd(50)} ${('Gloss ' + gloss).padStart(20)} ${('port ' + port).padStart(20)}  ${note}`)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Median time of `fn` over REPEATS runs (after one warm-up), the two contenders alternating. */
function timePair(a: () => unknown, b: () => unknown): [number, number] {
  a()
  b()
  const ta: number[] = []
  const tb: number[] = []
  for (let i = 0; i < REPEATS; i++) {
    let t = performance.now()
    a()
    ta.push(performance.now() - t)
    t = performance.now()
    b()
    tb.push(performance.now() - t)
  }
  return [median(ta), median(tb)]
}

const resolvedOf = (hs: AnchoredHighlight[]): ResolvedSegment[][] => hs.map((h) => h.resolved)
const joinRuns = (xs: (number | string)[]): string => xs.join(' / ')

function main(): void {
  console.log('\nGloss anchoring benchmark: Gloss (anchorAll) beside a Hypothesis-style matchQuote port, same run\n')

  const { old, highlights, port } = baseCase(SEEDS[0])
  const targets = highlights.reduce((n, h) => n + h.targets.length, 0)
  console.log(
    `  Article: ${countWords(old).toLocaleString('en-US')} words, ${old.length.toLocaleString('en-US')} paragraphs (generated, seed ${SEEDS[0]}); ` +
      `${highlights.length.toLocaleString('en-US')} highlights (${targets.toLocaleString('en-US')} parts; one in ten on a sentence repeated across the article).`
  )
  console.log(`  Edited and removed cases: seeds ${SEEDS.join(', ')} (figures per seed, a / b / c).\n`)

  console.log('Text unchanged (re-open an article)')
  const same = old.map((p) => ({ ...p }))
  const [tGloss, tPort] = timePair(
    () => anchorAll(same, highlights),
    () => portAnchorAll(same, port)
  )
  row('re-anchor 1,000 highlights (median of 25)', ms(tGloss), ms(tPort), `ratio ${ratio(tGloss, tPort)}`)
  const sameExpected: Expected[] = highlights.map((h) => h.targets.map((t) => ({ paragraphId: t.paragraphId, start: t.position.start, end: t.position.end })))
  const g0 = judge(resolvedOf(anchorAll(same, highlights)), sameExpected)
  const p0 = judge(portAnchorAll(same, port), sameExpected)
  row('placed exactly where they were', String(g0.exact), String(p0.exact))

  console.log(`\n2 % of paragraphs edited near a quote (${EDIT_KINDS.join(', ')}; re-import ids)`)
  const edited = SEEDS.map((seed) => {
    const c = editedCase(seed)
    const only = new Set(c.highlights.map((_, i) => i).filter((i) => !c.uncertain.has(i)))
    const [tg, tp] = timePair(
      () => anchorAll(c.next, c.highlights),
      () => portAnchorAll(c.next, c.port)
    )
    const gloss = anchorAll(c.next, c.highlights)
    const review = gloss.filter((h) => only.has(+h.id.slice(1)) && (h.status === 'review' || h.status === 'partial')).length
    return { c, only, tg, tp, g: judge(resolvedOf(gloss), c.expected, only), p: judge(portAnchorAll(c.next, c.port), c.expected, only), review }
  })
  console.log(`  (${joinRuns(edited.map((e) => e.c.edits))} paragraphs edited; ${joinRuns(edited.map((e) => e.only.size))} highlights judged, the others cut across by an edit)`)
  row('placed wrong (aim 0)', joinRuns(edited.map((e) => e.g.wrong)), joinRuns(edited.map((e) => e.p.wrong)))
  row('placed right, exactly', joinRuns(edited.map((e) => e.g.exact)), joinRuns(edited.map((e) => e.p.exact)))
  row('placed right, an edge off by an edited word', joinRuns(edited.map((e) => e.g.edges)), joinRuns(edited.map((e) => e.p.edges)))
  row('not placed (Gloss: needs review)', joinRuns(edited.map((e) => e.g.unplaced)), joinRuns(edited.map((e) => e.p.unplaced)))
  row(
    're-anchor 1,000 highlights (median of 25)',
    joinRuns(edited.map((e) => ms(e.tg))),
    joinRuns(edited.map((e) => ms(e.tp))),
    `ratio ${joinRuns(edited.map((e) => ratio(e.tg, e.tp)))}`
  )

  console.log('\n2 % of paragraphs that hold highlights removed (a third deleted, a third merged into the one before, a third moved far and edited)')
  const removed = SEEDS.map((seed) => {
    const c = removedCase(seed)
    const [tg, tp] = timePair(
      () => anchorAll(c.next, c.highlights),
      () => portAnchorAll(c.next, c.port)
    )
    const gloss = anchorAll(c.next, c.highlights)
    const portPlaced = portAnchorAll(c.next, c.port)
    const live = new Set(c.next.map((p) => p.id))
    // Moved: a segment placed for a part whose paragraph is gone (anything not where a live part is expected).
    const liveExpected = (i: number): ResolvedSegment[] =>
      c.highlights[i].targets.flatMap((t, k) => (live.has(t.paragraphId) && c.expected[i][k] ? [c.expected[i][k]!] : []))
    const movedBy = (placed: ResolvedSegment[][]): number => [...c.lost].filter((i) => placed[i].some((s) => !liveExpected(i).some((e) => sameSpot(s, e)))).length
    const movedToText = (placed: ResolvedSegment[][]): number =>
      [...c.lost].filter((i) => placed[i].some((s) => !liveExpected(i).some((e) => sameSpot(s, e)) && c.expected[i].some((e) => e && sameSpot(s, e)))).length
    const suggested = [...c.lost].filter((i) => gloss[i].suggestion)
    const suggestedRight = suggested.filter((i) => gloss[i].suggestion!.every((s) => c.expected[i].some((e) => e && sameSpot(s, e))))
    const others = new Set(c.highlights.map((_, i) => i).filter((i) => !c.lost.has(i)))
    return {
      c,
      tg,
      tp,
      lost: c.lost.size,
      survives: c.survives.size,
      moved: [movedBy(resolvedOf(gloss)), movedBy(portPlaced)],
      movedToText: [movedToText(resolvedOf(gloss)), movedToText(portPlaced)],
      suggested: suggested.length,
      suggestedRight: suggestedRight.length,
      othersWrong: [judge(resolvedOf(gloss), c.expected, others).wrong, judge(portPlaced, c.expected, others).wrong]
    }
  })
  console.log(
    `  (${joinRuns(removed.map((r) => r.c.kinds.deleted + r.c.kinds.merged + r.c.kinds.moved))} paragraphs; ` +
      `${joinRuns(removed.map((r) => r.lost))} highlights lost their paragraph, the text of ${joinRuns(removed.map((r) => r.survives))} of them survives elsewhere)`
  )
  row('moved to another paragraph (aim 0)', joinRuns(removed.map((r) => r.moved[0])), joinRuns(removed.map((r) => r.moved[1])))
  row('  of which onto the text that survived', joinRuns(removed.map((r) => r.movedToText[0])), joinRuns(removed.map((r) => r.movedToText[1])))
  row('got a suggested place (port: none)', joinRuns(removed.map((r) => r.suggested)), joinRuns(removed.map(() => '—')))
  row('  of which the surviving text', joinRuns(removed.map((r) => r.suggestedRight)), joinRuns(removed.map(() => '—')))
  row('other highlights placed wrong (aim 0)', joinRuns(removed.map((r) => r.othersWrong[0])), joinRuns(removed.map((r) => r.othersWrong[1])))
  row(
    're-anchor 1,000 highlights (median of 25)',
    joinRuns(removed.map((r) => ms(r.tg))),
    joinRuns(removed.map((r) => ms(r.tp))),
    `ratio ${joinRuns(removed.map((r) => ratio(r.tg, r.tp)))}`
  )
}

main()
