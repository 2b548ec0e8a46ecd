// Who said what: every direct quotation of an article with its speaker, reported (indirect) speech, and the words in
// quotation marks that are not quotations. Rules, in the order they are tried for a quotation:
//   1. after    “…,” Smith said. / “…,” said the minister. / “…,” according to the ministry.
//   2. before   Smith told reporters: “…” / Smith said the plan was “dead in the water.”
//   3. split    “…,” Smith said. “…” — the part after the attribution has the same speaker.
//   4. previous sentence   Smith said the talks had failed. “We tried everything.”
//   5. pull quote          a paragraph that repeats words of another quotation takes its speaker.
//   6. previous paragraph  a paragraph that is all quotation, after one whose last sentence names a speaker.
// A speaker is only ever found next to a verb of saying (any tense) or "according to"; "he"/"she" stand for the
// speaker of the attribution just before only when no other person is named in between. Anything else stays
// unattributed: Gloss never guesses. A quotation continues across paragraphs when a paragraph ends inside it and the
// next one opens with a quotation mark. One or two words in quotation marks are scare quotes, not quotations, unless
// an attribution follows them directly (“No,” she said.).
import { extractEntities, type EntityIndex, type ParagraphInput, type PlacedMention } from './entities'
import { AUXILIARIES, DETERMINERS, SPEAKER_PRONOUNS, reportsSpeech, sayingLemma } from './lexicon'
import type { NlpResult } from './nlp'
import { Para } from './para'
import { countWords, looseText, scanQuotes, sentenceAt, sentenceSpans, type QuoteSpan } from './text'
import type { ArticleAnalysis, AttributionMethod, QuoteAnalysis, Quotation, ReportedSpeech, ScareQuote, Speaker, SpeakerCount } from './types'

export type { ParagraphInput } from './entities'

/** Quotations of this many words or fewer are scare quotes unless directly attributed. */
export const SCARE_QUOTE_WORDS = 2
/** Up to this many words in quotation marks after "a", "the", "so-called", "called"… are a label (a scare quote). */
const LABEL_WORDS = 4
/** A pull quote repeats at least this many words of another quotation. */
const PULL_QUOTE_WORDS = 5

interface Ctx {
  pi: number
  para: ParagraphInput
  p: Para
  spans: QuoteSpan[]
  sentences: [number, number][]
  mentions: PlacedMention[]
}

/** A speaker as found at an attribution, before it becomes a Speaker. */
type Found =
  | { kind: 'entities'; mentions: PlacedMention[]; start: number; end: number }
  | { kind: 'pronoun'; word: string; start: number; end: number }
  | { kind: 'description'; text: string; start: number; end: number }

interface Cue {
  found: Found
  /** [start, end) of the attribution's words (speaker and verb). */
  start: number
  end: number
  verb: string | null
  /** Where the attribution's clause ends (a split quotation may follow right after). */
  clauseEnd: number
  pi: number
}

interface Chain {
  pieces: { ctx: Ctx; span: QuoteSpan; spanIndex: number }[]
  words: number
  cue: Cue | null
  method: AttributionMethod | null
  speaker: Speaker | null
  repeats: Chain | null
  why: string | null
  partial: boolean
  scare: boolean
}

const lower = (s: string): string => s.toLowerCase()

// ------------------------------------------------------------------------------------------------- speakers

function isSayingVerb(ctx: Ctx, i: number): string | null {
  const w = ctx.p.word(i)
  const lemma = sayingLemma(w)
  if (!lemma) return null
  const pos = ctx.p.terms[i].pos
  // "the report", "a note", "his warning": nouns are not verbs of saying; the tagger decides, with one exception:
  // "said"/"told" are always verbs.
  if (pos !== 'verb' && !['said', 'told', 'says', 'tells'].includes(lower(w))) return null
  return lemma
}

function insideQuote(ctx: Ctx, at: number): boolean {
  return ctx.spans.some((s) => at >= s.start && at < s.end)
}

/** The speaker right before the verb at term `v`, not starting before offset `lowerBound`. */
function speakerBefore(ctx: Ctx, v: number, lowerBound: number): Found | null {
  const { p } = ctx
  let k = v - 1
  while (k >= 0 && p.terms[k].start >= lowerBound && p.adjacent(k, k + 1)) {
    const w = lower(p.word(k))
    if (AUXILIARIES.has(w) || (p.terms[k].pos === 'adverb' && /ly$/.test(w))) k--
    else break
  }
  if (k < 0 || p.terms[k].start < lowerBound) return null
  const gap = p.text.slice(p.terms[k].end, p.terms[k + 1].start)
  const commaGap = /^\s*,\s*$/.test(gap)
  if (!commaGap && !/^\s+$/.test(gap)) return null
  const end = p.terms[k].end
  const last = ctx.mentions.find((m) => m.extentEnd === end || m.end === end || m.end === end - 2)
  if (last && last.extentStart >= lowerBound) {
    const chain = [last]
    for (;;) {
      const first = chain[0]
      const prev = ctx.mentions
        .filter((m) => m.type === first.type && m.extentEnd <= first.extentStart && m.extentStart >= lowerBound)
        .sort((a, b) => a.extentEnd - b.extentEnd)
        .pop()
      if (!prev || !/^\s*,?\s*(?:and|&)\s+$/.test(p.text.slice(prev.extentEnd, first.extentStart))) break
      chain.unshift(prev)
    }
    return { kind: 'entities', mentions: chain, start: chain[0].extentStart, end: last.extentEnd }
  }
  if (commaGap) return null
  const w = p.word(k)
  if (SPEAKER_PRONOUNS.has(lower(w))) return { kind: 'pronoun', word: w, start: p.terms[k].start, end }
  return description(ctx, k, lowerBound)
}

/** The speaker right after the verb at term `v` ("said Smith", "said the minister"), not reaching `upperBound`. */
function speakerAfter(ctx: Ctx, v: number, upperBound: number): Found | null {
  const { p } = ctx
  const k = v + 1
  if (k >= p.terms.length || !p.adjacent(v, k) || p.terms[k].start >= upperBound) return null
  const first = ctx.mentions.find((m) => m.extentStart === p.terms[k].start || m.start === p.terms[k].start)
  if (first && first.extentEnd <= upperBound) {
    const chain = [first]
    for (;;) {
      const last = chain[chain.length - 1]
      const next = ctx.mentions.find((m) => m.type === last.type && m.extentStart >= last.extentEnd && m.extentEnd <= upperBound)
      if (!next || !/^\s*,?\s*(?:and|&)\s+$/.test(p.text.slice(last.extentEnd, next.extentStart))) break
      chain.push(next)
    }
    return { kind: 'entities', mentions: chain, start: first.extentStart, end: chain[chain.length - 1].extentEnd }
  }
  const w = p.word(k)
  if (SPEAKER_PRONOUNS.has(lower(w))) return { kind: 'pronoun', word: w, start: p.terms[k].start, end: p.terms[k].end }
  if (!DETERMINERS.has(lower(w))) return null
  let e = k
  while (e + 1 < p.terms.length && p.adjacent(e, e + 1) && p.terms[e + 1].end <= upperBound && nounPhraseWord(ctx, e + 1)) e++
  if (p.terms[e].pos !== 'noun' && !p.terms[e].proper) return null
  return { kind: 'description', text: p.text.slice(p.terms[k].start, p.terms[e].end), start: p.terms[k].start, end: p.terms[e].end }
}

/** Prepositions a description may hold after a given word: "officials familiar with the talks", "a source close to …". */
const PHRASE_PREPOSITIONS: Record<string, string> = { with: 'familiar', to: 'close', on: 'briefed' }

/** Prepositions inside a description before its verb, after a noun: "officials in Kyiv said", "insiders from Iowa". */
const INNER_PREPOSITIONS = new Set(['in', 'from', 'at', 'with', 'inside', 'within'])

function nounPhraseWord(ctx: Ctx, i: number, before = false): boolean {
  const t = ctx.p.terms[i]
  const w = lower(ctx.p.word(i))
  if (sayingLemma(w) && t.pos === 'verb') return false
  if (PHRASE_PREPOSITIONS[w] && i > 0 && lower(ctx.p.word(i - 1)) === PHRASE_PREPOSITIONS[w]) return true
  if (before && INNER_PREPOSITIONS.has(w) && i > 0 && (ctx.p.terms[i - 1].pos === 'noun' || ctx.p.terms[i - 1].proper)) return true
  return t.pos === 'noun' || t.pos === 'adjective' || t.pos === 'value' || t.pos === 'determiner' || t.proper || w === 'of' || w === 'for'
}

/** A description ending at term k: "two U.S. officials", "a spokeswoman for the ministry", "Ukrainian navy management". */
function description(ctx: Ctx, k: number, lowerBound: number): Found | null {
  const { p } = ctx
  const head = p.terms[k]
  if (head.pos !== 'noun' && !head.proper) return null
  let s = k
  while (s - 1 >= 0 && p.terms[s - 1].start >= lowerBound && p.adjacent(s - 1, s) && nounPhraseWord(ctx, s - 1, true)) s--
  while (s < k && ['of', 'for', ...INNER_PREPOSITIONS].includes(lower(p.word(s)))) s++
  const words = k - s + 1
  if (words > 8) return null
  const firstWord = p.word(s)
  const opens = DETERMINERS.has(lower(firstWord)) || p.terms[s].pos === 'value' || /^\p{Lu}/u.test(firstWord) || /s$/.test(p.word(k))
  if (!opens) return null
  // A lone common noun in the middle of a clause is rarely a speaker ("the war continued"): it needs a determiner or
  // a capital, or to be plural ("officials said").
  return { kind: 'description', text: p.text.slice(p.terms[s].start, head.end), start: p.terms[s].start, end: head.end }
}

/** "A Colorado Democrat" at the start of a sentence reads "a Colorado Democrat" in a list of speakers. */
function descriptionLabel(text: string): string {
  return text.replace(/^(A|An|The|One|Another|Two|Three|Several|Some|Many|Most|Other|Both|Senior|Top|Former|His|Her|Their|Its)\b(?=\s)/, (w) => w.toLowerCase())
}

/** "according to X": the speaker after it, or null. */
function accordingTo(ctx: Ctx, from: number, to: number): { found: Found; start: number; end: number } | null {
  const re = /\baccording to\s+/gi
  re.lastIndex = from
  for (let m = re.exec(ctx.p.text); m && m.index < to; m = re.exec(ctx.p.text)) {
    if (insideQuote(ctx, m.index)) continue
    const after = m.index + m[0].length
    const k = ctx.p.termFrom(after)
    if (k >= ctx.p.terms.length || ctx.p.terms[k].start !== after) continue
    // Pretend the term before "after" is a verb: the speaker after it.
    const found = speakerAfter(ctx, k - 1, to)
    if (found) return { found, start: m.index, end: found.end }
  }
  return null
}

// ---------------------------------------------------------------------------------------------- attributions

/** The sentence end at or after offset `at`. */
function sentenceEndAfter(ctx: Ctx, at: number): number {
  const s = ctx.sentences[sentenceAt(ctx.sentences, at)]
  return s && s[1] >= at ? s[1] : ctx.p.text.length
}

/** “…,” Smith said. — an attribution right after the closing mark. */
function afterCue(ctx: Ctx, spanIndex: number): Cue | null {
  const span = ctx.spans[spanIndex]
  if (span.close < 0) return null
  const { p } = ctx
  const from = span.close + 1
  const nextOpen = ctx.spans[spanIndex + 1]?.open ?? p.text.length
  const clauseEnd = Math.min(sentenceEndAfter(ctx, from), nextOpen)
  if (clauseEnd <= from) return null
  const lastChar = p.text.slice(span.start, span.end).trimEnd().slice(-1)
  const clause = p.text.slice(from, clauseEnd)
  const according = /^\s*,?\s*according to\s/i.test(clause) ? accordingTo(ctx, from, clauseEnd) : null
  if (according) return { found: according.found, start: according.start, end: according.end, verb: 'according to', clauseEnd, pi: ctx.pi }
  const commaConvention = /[,!?\u2014\u2013\-…]/.test(lastChar) || /^\s*[,\u2014\u2013]/.test(clause)
  const firstTerm = p.termFrom(from)
  if (firstTerm >= p.terms.length || p.terms[firstTerm].start >= clauseEnd) return null
  // Only the clause's first words can be the attribution (at most a long appositive before the verb).
  for (let v = firstTerm; v < p.terms.length && p.terms[v].start < clauseEnd && v - firstTerm <= 40; v++) {
    const lemma = isSayingVerb(ctx, v)
    if (!lemma) continue
    let found: Found | null = null
    if (v === firstTerm) found = speakerAfter(ctx, v, clauseEnd)
    else {
      found = speakerBefore(ctx, v, from)
      if (found && found.start > p.terms[firstTerm].start) found = null
    }
    if (!found) return null
    if (!commaConvention && v - firstTerm > 3 && found.kind !== 'entities') return null
    const start = Math.min(found.start, p.terms[v].start)
    const end = Math.max(found.end, p.terms[v].end)
    return { found, start, end, verb: p.word(v), clauseEnd, pi: ctx.pi }
  }
  return null
}

/** Smith said: “…” — an attribution before the opening mark, in the same sentence. */
function beforeCue(ctx: Ctx, spanIndex: number): { cue: Cue; introduces: boolean } | null {
  const span = ctx.spans[spanIndex]
  const { p } = ctx
  const sentenceStart = ctx.sentences[sentenceAt(ctx.sentences, span.open)]?.[0] ?? 0
  const prev = ctx.spans[spanIndex - 1]
  const lowerBound = Math.max(sentenceStart, prev && prev.close >= 0 && prev.close < span.open ? prev.close + 1 : 0)
  const clause = p.text.slice(lowerBound, span.open)
  if (!/\p{L}/u.test(clause)) return null
  const introduces = /[,:]\s*$|\bthat\s*$/.test(clause)
  const according = accordingTo(ctx, lowerBound, span.open)
  if (according && /^\s*,?\s*$/.test(p.text.slice(according.end, span.open))) {
    return { cue: { found: according.found, start: according.start, end: according.end, verb: 'according to', clauseEnd: span.open, pi: ctx.pi }, introduces: true }
  }
  for (let v = p.termFrom(span.open) - 1; v >= 0 && p.terms[v].start >= lowerBound; v--) {
    const lemma = isSayingVerb(ctx, v)
    if (!lemma) continue
    const filler = p.text.slice(p.terms[v].end, span.open)
    if (/[.;!?]/.test(filler)) return null
    const fillerWords = countWords(filler)
    if (fillerWords > (introduces ? 8 : 30)) return null
    let found = speakerBefore(ctx, v, lowerBound)
    if (!found && v === p.termFrom(lowerBound)) found = speakerAfter(ctx, v, span.open)
    if (!found) return null
    const start = Math.min(found.start, p.terms[v].start)
    const end = Math.max(found.end, p.terms[v].end)
    return { cue: { found, start, end, verb: p.word(v), clauseEnd: span.open, pi: ctx.pi }, introduces }
  }
  return null
}

/** Words before a short quoted phrase that make it a label, not a quotation: a “wait and see” policy, so-called “…”. */
const LABEL_BEFORE = /(?:^|\s)(?:a|an|the|so-called|call|calls|called|dubbed|termed|labelled|labeled|branded|as|its|their|his|her)\s*$/i

/** A phrase of a few words in quotation marks used as a label (no sentence in it, a label word before it). */
function isLabel(chain: Chain): boolean {
  if (chain.words > LABEL_WORDS || chain.pieces.length > 1) return false
  const { ctx, span } = chain.pieces[0]
  const inner = ctx.p.text.slice(span.start, span.end)
  if (/[.!?,;:]/.test(inner.replace(/[.!?]$/, '')) || /^\p{Lu}/u.test(inner) && /[.!?]$/.test(inner)) return false
  return LABEL_BEFORE.test(ctx.p.text.slice(0, span.open))
}

// --------------------------------------------------------------------------------------------------- the article

/** Quotations, reported speech and scare quotes of an article, given its entities. */
export function extractQuotes(paragraphs: ParagraphInput[], results: NlpResult[], index: EntityIndex): QuoteAnalysis {
  const ctxs: Ctx[] = paragraphs.map((para, pi) => {
    const p = new Para(para.text, results[pi] ?? { terms: [], spans: [] })
    return { pi, para, p, spans: scanQuotes(para.text), sentences: sentenceSpans(para.text), mentions: index.mentions[pi] ?? [] }
  })

  // Quotations, joined across paragraphs.
  const chains: Chain[] = []
  let open: Chain | null = null
  for (const ctx of ctxs) {
    ctx.spans.forEach((span, spanIndex) => {
      const atStart = spanIndex === 0 && /^\s*$/.test(ctx.p.text.slice(0, span.open))
      const piece = { ctx, span, spanIndex }
      if (open && atStart) open.pieces.push(piece)
      else {
        open = { pieces: [piece], words: 0, cue: null, method: null, speaker: null, repeats: null, why: null, partial: false, scare: false }
        chains.push(open)
      }
      if (span.close >= 0) open = null
    })
    if (open && (open as Chain).pieces[(open as Chain).pieces.length - 1].ctx !== ctx) open = null
  }
  for (const c of chains) c.words = c.pieces.reduce((n, x) => n + countWords(x.ctx.p.text.slice(x.span.start, x.span.end)), 0)

  // 1–3: attributions at the quotation itself.
  const cueOf = new Map<string, Cue>()
  const spanKey = (ctx: Ctx, spanIndex: number): string => `${ctx.pi}:${spanIndex}`
  for (const chain of chains) {
    const last = chain.pieces[chain.pieces.length - 1]
    const after = afterCue(last.ctx, last.spanIndex)
    if (after) {
      chain.cue = after
      chain.method = 'after'
      cueOf.set(spanKey(last.ctx, last.spanIndex), after)
    }
  }
  for (const chain of chains) {
    const first = chain.pieces[0]
    const clauseBefore = first.ctx.p.text.slice(first.ctx.sentences[sentenceAt(first.ctx.sentences, first.span.open)]?.[0] ?? 0, first.span.open)
    const firstLetter = /\p{L}/u.exec(first.ctx.p.text.slice(first.span.start, first.span.end))?.[0] ?? ''
    chain.partial = /\p{Ll}/u.test(firstLetter) || (/\p{L}/u.test(clauseBefore) && !/[,:]\s*$/.test(clauseBefore))
        if (!chain.cue) {
      // “…,” Smith said, “…” — the attribution of the part before: a split quotation.
      const prevCue = cueOf.get(spanKey(first.ctx, first.spanIndex - 1))
      if (prevCue && /^[\s.,;:]*$/.test(first.ctx.p.text.slice(prevCue.clauseEnd, first.span.open))) {
        chain.cue = prevCue
        chain.method = 'split'
      }
    }
    let introduced = false
    if (!chain.cue) {
      const before = beforeCue(first.ctx, first.spanIndex)
      if (before && (before.introduces || chain.partial)) {
        chain.cue = before.cue
        chain.method = 'before'
        introduced = before.introduces
      }
    }
    const attributed = chain.method === 'after' || chain.method === 'split' || introduced
    chain.scare = !attributed && (chain.words <= SCARE_QUOTE_WORDS || isLabel(chain))
    if (chain.scare) {
      chain.cue = null
      chain.method = null
    }
  }

  // Reported speech: a verb of saying with its speaker, in a sentence that is not a quotation's attribution.
  const reported: (ReportedSpeech & { found: Found; pi: number; at: number })[] = []
  for (const ctx of ctxs) {
    for (const [sStart, sEnd] of ctx.sentences) {
      const cueHere = chains.some((c) => c.cue && c.cue.pi === ctx.pi && c.cue.start >= sStart && c.cue.start < sEnd)
      if (cueHere) continue
      const found = reportedIn(ctx, sStart, sEnd)
      if (!found) continue
      const text = ctx.p.text.slice(sStart, sEnd)
      reported.push({
        id: `${ctx.para.id}:${sStart}`,
        paragraphId: ctx.para.id,
        number: ctx.para.index + 1,
        start: sStart,
        end: sEnd,
        text,
        speaker: null as unknown as Speaker,
        verb: found.verb,
        found: found.found,
        pi: ctx.pi,
        at: found.found.start
      })
    }
  }

  // 4: the previous sentence of the paragraph names the speaker.
  const speakerInSentence = (ctx: Ctx, s: [number, number]): { found: Found; cue: Cue | null; at: number; pi: number } | null => {
    const c = chains.find((ch) => ch.cue && ch.cue.pi === ctx.pi && ch.cue.start >= s[0] && ch.cue.start < s[1])
    if (c?.cue) return { found: c.cue.found, cue: c.cue, at: c.cue.start, pi: ctx.pi }
    const q = chains.find((ch) => ch.cue && ch.pieces.some((x) => x.ctx === ctx && x.span.open >= s[0] && x.span.open < s[1]))
    if (q?.cue) return { found: q.cue.found, cue: q.cue, at: q.cue.start, pi: q.cue.pi }
    const r = reported.find((x) => x.pi === ctx.pi && x.start === s[0])
    if (r) return { found: r.found, cue: null, at: r.at, pi: r.pi }
    return null
  }
  const startsSentence = (ctx: Ctx, span: QuoteSpan): number => {
    const i = sentenceAt(ctx.sentences, span.open)
    const s = ctx.sentences[i]
    return s && /^[\s"“«„(]*$/.test(ctx.p.text.slice(s[0], span.open)) ? i : -1
  }
  for (const chain of chains) {
    if (chain.scare || chain.cue) continue
    const { ctx, span } = chain.pieces[0]
    const si = startsSentence(ctx, span)
    if (si <= 0) continue
    const hit = speakerInSentence(ctx, ctx.sentences[si - 1])
    if (hit) {
      chain.cue = hit.cue ?? { found: hit.found, start: hit.found.start, end: hit.found.end, verb: null, clauseEnd: ctx.sentences[si - 1][1], pi: hit.pi }
      chain.method = 'previous-sentence'
    }
  }

  // 5: pull quotes — a paragraph that is all quotation and repeats another quotation's words.
  const standalone = (chain: Chain): boolean => {
    const first = chain.pieces[0]
    const last = chain.pieces[chain.pieces.length - 1]
    return (
      first.spanIndex === 0 &&
      /^\s*$/.test(first.ctx.p.text.slice(0, first.span.open)) &&
      last.spanIndex === last.ctx.spans.length - 1 &&
      !/\p{L}/u.test(last.ctx.p.text.slice(last.span.close >= 0 ? last.span.close + 1 : last.span.end))
    )
  }
  const loose = (chain: Chain): string => ` ${chain.pieces.map((x) => looseText(x.ctx.p.text.slice(x.span.start, x.span.end))).join(' ')} `.replace(/[,.;:!?]/g, '')
  for (const chain of chains) {
    if (chain.scare || chain.cue || chain.words < PULL_QUOTE_WORDS || !standalone(chain)) continue
    const words = loose(chain)
    const others = chains.filter((o) => o !== chain && !o.scare && loose(o).includes(words))
    const match = others.find((o) => o.cue) ?? others[0]
    if (match) {
      chain.repeats = match
      chain.method = match.cue ? 'pull-quote' : null
    }
  }

  // 6: a paragraph that is all quotation, after a paragraph whose last sentence names one speaker.
  for (const chain of chains) {
    if (chain.scare || chain.cue || chain.repeats || !standalone(chain)) continue
    const { ctx } = chain.pieces[0]
    if (ctx.pi === 0) continue
    const prev = ctxs[ctx.pi - 1]
    const lastSentence = prev.sentences[prev.sentences.length - 1]
    if (!lastSentence) continue
    const hit = speakerInSentence(prev, lastSentence)
    if (hit && !(hit.found.kind === 'entities' && hit.found.mentions.length > 1)) {
      chain.cue = hit.cue ?? { found: hit.found, start: hit.found.start, end: hit.found.end, verb: null, clauseEnd: lastSentence[1], pi: hit.pi }
      chain.method = 'previous-paragraph'
    }
  }

  // Speakers: names and roles from the entities; "he"/"she" the one person in scope.
  /** "he"/"she"/"they": the one person named in its sentence (before it) or the sentence before, else nobody. */
  const resolvePronoun = (pi: number, at: number): Found | null => {
    const ctx = ctxs[pi]
    const si = sentenceAt(ctx.sentences, at)
    const scope: { ctx: Ctx; from: number; to: number }[] = [{ ctx, from: ctx.sentences[si]?.[0] ?? 0, to: at }]
    if (si > 0) scope.push({ ctx, from: ctx.sentences[si - 1][0], to: ctx.sentences[si - 1][1] })
    else if (pi > 0) {
      const prev = ctxs[pi - 1]
      const last = prev.sentences[prev.sentences.length - 1]
      if (last) scope.push({ ctx: prev, from: last[0], to: last[1] })
    }
    const people = new Map<string, PlacedMention>()
    for (const s of scope) {
      for (const m of s.ctx.mentions) if (m.type === 'person' && m.start >= s.from && m.start < s.to && !people.has(m.entityId)) people.set(m.entityId, m)
    }
    return people.size === 1 ? { kind: 'entities', mentions: [...people.values()], start: at, end: at } : null
  }
  const toSpeaker = (found: Found, pi: number): Speaker | null => {
    const ctx = ctxs[pi]
    const written = ctx.p.text.slice(found.start, found.end).replace(/[\s,]+$/, '')
    if (found.kind === 'pronoun') {
      const r = resolvePronoun(pi, found.start)
      if (!r) return null
      const s = toSpeaker(r, pi)
      return s && { ...s, written }
    }
    if (found.kind === 'description') {
      const name = descriptionLabel(found.text)
      return { name, role: null, label: name, entityIds: [], written }
    }
    const entities = found.mentions.map((m) => index.byId.get(m.entityId)!).filter(Boolean)
    const name = entities.map((e) => e.name).join(' and ')
    const role = entities.length === 1 ? entities[0].role : null
    return { name, role, label: role ? `${name}, ${role}` : name, entityIds: entities.map((e) => e.id), written }
  }
  for (const chain of chains) {
    if (chain.scare) continue
    if (chain.cue) {
      chain.speaker = toSpeaker(chain.cue.found, chain.cue.pi)
      if (!chain.speaker) {
        chain.why = `“${(chain.cue.found as { word?: string }).word ?? 'the speaker'}” — the text does not make clear who that is`
        chain.method = null
      }
    }
  }
  for (const chain of chains) {
    if (chain.scare || !chain.repeats) continue
    chain.speaker = chain.repeats.speaker
    chain.method = chain.speaker ? 'pull-quote' : null
  }
  for (const chain of chains) if (!chain.scare && !chain.speaker && !chain.why) chain.why = chain.repeats ? 'it repeats a quotation whose speaker the text does not give' : 'the text does not say who said it'

  const idOf = (chain: Chain): string => `${chain.pieces[0].ctx.para.id}:${chain.pieces[0].span.start}`
  const quotations: Quotation[] = chains
    .filter((c) => !c.scare)
    .map((c) => {
      const pieces = c.pieces.map((x) => ({
        paragraphId: x.ctx.para.id,
        number: x.ctx.para.index + 1,
        start: x.span.start,
        end: x.span.end,
        text: x.ctx.p.text.slice(x.span.start, x.span.end)
      }))
      const cue = c.speaker && c.cue && c.method !== 'pull-quote' ? { paragraphId: ctxs[c.cue.pi].para.id, start: c.cue.start, end: c.cue.end, verb: c.cue.verb } : null
      return {
        id: idOf(c),
        text: pieces.map((x) => x.text).join(' '),
        pieces,
        speaker: c.speaker,
        method: c.speaker ? c.method : null,
        cue,
        partial: c.partial,
        repeats: c.repeats ? idOf(c.repeats) : null,
        why: c.speaker ? null : c.why
      }
    })
  const scareQuotes: ScareQuote[] = chains
    .filter((c) => c.scare)
    .map((c) => {
      const x = c.pieces[0]
      return { paragraphId: x.ctx.para.id, number: x.ctx.para.index + 1, start: x.span.start, end: x.span.end, text: x.ctx.p.text.slice(x.span.start, x.span.end) }
    })
  const reportedOut: ReportedSpeech[] = []
  for (const r of reported) {
    const speaker = toSpeaker(r.found, r.pi)
    if (!speaker) continue
    const { found: _f, pi: _p, at: _a, ...rest } = r
    reportedOut.push({ ...rest, speaker })
  }
  return { quotations, reported: reportedOut, scareQuotes, speakers: countSpeakers(quotations, reportedOut) }
}

/** Verbs of saying that may come before their speaker ("said Smith"); the others take an object after them. */
const INVERTED = new Set(['say', 'add', 'write', 'explain', 'insist', 'note', 'warn', 'argue', 'claim', 'state', 'report', 'continue', 'reply', 'ask', 'conclude'])

/** A verb of saying with a speaker in [sStart, sEnd), outside quotation marks. */
function reportedIn(ctx: Ctx, sStart: number, sEnd: number): { found: Found; verb: string } | null {
  const according = accordingTo(ctx, sStart, sEnd)
  const { p } = ctx
  for (let v = p.termFrom(sStart); v < p.terms.length && p.terms[v].start < sEnd; v++) {
    if (insideQuote(ctx, p.terms[v].start)) continue
    const lemma = isSayingVerb(ctx, v)
    if (!lemma || !reportsSpeech(lemma)) continue
    const boundary = clauseStart(ctx, v, sStart)
    let found = speakerBefore(ctx, v, boundary)
    // "…, said the ministry." — an inverted attribution closing the sentence (never "told the court": an object).
    if (!found && INVERTED.has(lemma) && /,\s*$/.test(p.text.slice(sStart, p.terms[v].start))) {
      const after = speakerAfter(ctx, v, sEnd)
      if (after && /^\s*[.,;]?\s*$/.test(p.text.slice(after.end, sEnd).replace(/\s+(?:on|in|at)\s[^,.;]*/, ''))) found = after
    }
    if (found && !insideQuote(ctx, found.start)) return { found, verb: p.word(v) }
  }
  if (according) return { found: according.found, verb: 'according to' }
  return null
}

/** Where the clause of the verb at term v starts: the sentence start, or just after a quotation before it. */
function clauseStart(ctx: Ctx, v: number, sStart: number): number {
  const at = ctx.p.terms[v].start
  let start = sStart
  for (const s of ctx.spans) if (s.close >= 0 && s.close < at && s.close >= sStart) start = s.close + 1
  return start
}

function countSpeakers(quotations: Quotation[], reported: ReportedSpeech[]): SpeakerCount[] {
  const counts = new Map<string, SpeakerCount>()
  const keyOf = (s: Speaker): string => (s.entityIds.length ? s.entityIds.join('+') : `text:${s.name.toLowerCase()}`)
  const entry = (s: Speaker): SpeakerCount => {
    const k = keyOf(s)
    let c = counts.get(k)
    if (!c) counts.set(k, (c = { label: s.label, entityIds: s.entityIds, quotations: 0, reported: 0 }))
    return c
  }
  for (const q of quotations) if (q.speaker && q.method !== 'pull-quote') entry(q.speaker).quotations++
  for (const r of reported) entry(r.speaker).reported++
  return [...counts.values()].sort((a, b) => b.quotations - a.quotations || b.reported - a.reported || a.label.localeCompare(b.label))
}

/** Entities and quotations of an article, from its paragraphs and the NLP engine's result for each (same order). */
export function analyseArticle(paragraphs: ParagraphInput[], results: NlpResult[]): ArticleAnalysis {
  const entities = extractEntities(paragraphs, results)
  return { entities: entities.entities, quotes: extractQuotes(paragraphs, results, entities) }
}
