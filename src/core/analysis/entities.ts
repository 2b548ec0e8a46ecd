// People, organisations and places mentioned in an article: the NLP engine's names, cleaned and merged by our rules.
//   - Cleaning: punctuation, possessives ("Putin’s"), leading words ("And European") and titles ("President …") come
//     off; titles alone ("President"), lower-case phrases ("first deputy") and demonyms alone ("European") are not
//     names; lists ("India, Kazakhstan and Pakistan") and compounds ("U.S.-China") are split.
//   - Titles: an office word followed by a name makes a person ("Chinese President Xi Jinping", "Secretary of State
//     Tony Blinken"), whatever the library thought the words were; the title becomes the person's role.
//   - Merging: "Putin" joins "Vladimir Putin" when he is the only person of that name; an acronym joins the
//     organisation whose initials it spells ("NATO") or that defines it ("Shanghai Cooperation Organization (SCO)");
//     "U.S." and "United States" are one place.
//   - Mentions the library missed ("Xi", "Shullman") are found by the names it did recognise.
//   - Roles: the fullest description the text gives: an appositive ("David Shullman, the former …, said") or the
//     title before the name ("U.S. Secretary of Defense Lloyd Austin").
import {
  ALIASES,
  AUXILIARIES,
  DETERMINERS,
  GROUP_NOUNS,
  KNOWN_ORGS,
  NAME_CONNECTORS,
  NAME_PARTICLES,
  NOT_NAMES,
  OFFICE_WORDS,
  ORG_HEADS,
  PLACE_HEADS,
  RELATIVES,
  TITLES,
  sayingLemma
} from './lexicon'
import type { NlpResult } from './nlp'
import { Para } from './para'
import type { Entity, EntityType, Mention } from './types'

export interface ParagraphInput {
  id: string
  /** 0-based position in the article (display number is index + 1). */
  index: number
  text: string
}

/** A mention as placed in its paragraph, with the words that belong to it (its title, its appositive). */
export interface PlacedMention {
  entityId: string
  type: EntityType
  start: number
  end: number
  /** [extentStart, extentEnd): "the U.S. Secretary of Defense Lloyd Austin", "David Shullman, the former … Council". */
  extentStart: number
  extentEnd: number
}

export interface EntityIndex {
  entities: Entity[]
  byId: Map<string, Entity>
  /** Per paragraph (in input order): its mentions in text order. */
  mentions: PlacedMention[][]
}

interface Role {
  text: string
  kind: 'title' | 'appositive'
}

interface Candidate {
  /** Index of the paragraph in the input. */
  p: number
  start: number
  end: number
  type: EntityType
  /** How sure the rule that found it is of its type (types are decided by the sum per name). */
  weight: number
  /** The words as written, title and possessive included ("President Vladimir Putin", "Putin’s"). */
  variant: string
  titleStart?: number
  title?: string
}

const isCap = (s: string): boolean => /^\p{Lu}/u.test(s)
const POSSESSIVE = /(?:[’']s|(?<=s)[’'])$/u
const stripPossessive = (s: string): string => s.replace(POSSESSIVE, '')
/** A word compared with the lexicon: lower case, without a final full stop or a possessive. */
const bare = (s: string): string => stripPossessive(s).replace(/\.$/, '').toLowerCase()

/** The key names are grouped by: loose lower case, "the" dropped, aliases folded. */
export function nameKey(name: string): string {
  const loose = name
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
  const alias = ALIASES[loose]
  return alias ? alias.toLowerCase() : loose
}

function canonical(name: string): string {
  const loose = name.normalize('NFKC').replace(/[’‘]/g, "'").toLowerCase().replace(/^the\s+/, '').trim()
  return ALIASES[loose] ?? name
}

// ----------------------------------------------------------------------------------------------- one paragraph

/** Whether term i is the first word of a sentence (nothing but opening punctuation after a sentence end before it). */
function sentenceInitial(p: Para, i: number): boolean {
  if (i === 0) return true
  const gap = p.text.slice(p.terms[i - 1].end, p.terms[i].start)
  return /[.!?…]["'”’)\]]*\s+["'“‘(]*$/.test(gap) || /^\s*$/.test(p.text.slice(0, p.terms[i].start).replace(/["'“‘(]/g, ''))
}

/** "Chinese President Xi Jinping": an office word (with more title words), then one to four capitalised name words. */
function titledPeople(p: Para, pi: number): Candidate[] {
  const out: Candidate[] = []
  const n = p.terms.length
  for (let i = 0; i < n; i++) {
    const w = p.word(i)
    if (!isCap(w) || !OFFICE_WORDS.has(bare(w))) continue
    let j = i + 1
    while (j < n && p.adjacent(j - 1, j)) {
      const wj = p.word(j)
      if (isCap(wj) && TITLES.has(bare(wj)) && !POSSESSIVE.test(wj)) {
        j++
        continue
      }
      if (wj === 'of' && p.adjacent(j, j + 1) && isCap(p.word(j + 1)) && TITLES.has(bare(p.word(j + 1)))) {
        j += 2
        continue
      }
      break
    }
    if (j >= n || !p.adjacent(j - 1, j)) continue
    const names: number[] = []
    let k = j
    while (k < n && names.length < 4 && p.adjacent(k - 1, k)) {
      const wk = p.word(k)
      if (isCap(wk) && !TITLES.has(bare(wk)) && !NOT_NAMES.has(bare(wk)) && !p.hasTag(k, 'demonym')) {
        names.push(k)
        if (POSSESSIVE.test(wk)) break
        k++
      } else if (NAME_PARTICLES.has(wk) && names.length > 0 && k + 1 < n && p.adjacent(k, k + 1)) {
        k++
      } else break
    }
    if (names.length === 0) continue
    const last = names[names.length - 1]
    if (ORG_HEADS.has(bare(p.word(last)))) continue
    // The role: the title words, with the qualifiers before them ("Russian", "U.S.", "European Commission", "former").
    let r = i
    while (r - 1 >= 0 && p.adjacent(r - 1, r)) {
      const wr = p.word(r - 1)
      const qualifier = isCap(wr) && (TITLES.has(bare(wr)) || p.terms[r - 1].proper || p.hasTag(r - 1, 'demonym') || p.hasTag(r - 1, 'acronym'))
      if ((qualifier && p.terms[r - 1].pos !== 'conjunction' && !NOT_NAMES.has(bare(wr))) || ['former', 'acting', 'interim'].includes(wr)) r--
      else break
    }
    let v = r
    while (v < i && !TITLES.has(bare(p.word(v)))) v++
    const nameStart = p.terms[names[0]].start
    const nameEnd = p.terms[last].start + stripPossessive(p.word(last)).length
    out.push({
      p: pi,
      start: nameStart,
      end: nameEnd,
      type: 'person',
      weight: 3,
      variant: p.text.slice(p.terms[v].start, p.terms[last].end),
      titleStart: p.terms[r].start,
      title: p.text.slice(p.terms[r].start, p.terms[j - 1].end)
    })
    i = last
  }
  return out
}

const LEADING = new Set(['and', 'but', 'or', 'the', 'a', 'an', 'in', 'on', 'at', 'of', 'for', 'to', 'with', 'by', 'from', 'as', 'so', 'then'])

/** Cleans a name the library recognised: the pieces of [start, end) that are names (none, one, or several for lists). */
function cleanSpan(p: Para, start: number, end: number, type: EntityType): { start: number; end: number }[] {
  const text = p.text
  let s = start
  let e = end
  for (let changed = true; changed && e > s; ) {
    changed = false
    while (s < e && /[\s“"‘'(\[«]/.test(text[s])) (s++, (changed = true))
    while (e > s && /[\s,;:!?…”’"')\]»\u2014\u2013-]/.test(text[e - 1])) {
      if ((text[e - 1] === '’' || text[e - 1] === "'") && text[e - 2] === 's') e -= 1
      else e--
      changed = true
    }
    if (e > s && text[e - 1] === '.' && !/\p{L}\.\p{L}\.$/u.test(text.slice(s, e)) && !/(?:^|\s)\p{Lu}\.$/u.test(text.slice(s, e))) (e--, (changed = true))
    const m = POSSESSIVE.exec(text.slice(s, e))
    if (m) (e -= m[0].length, (changed = true))
  }
  if (e <= s) return []
  // "Chuck Burton/AP": a photo credit's agency is not part of the name.
  const slash = text.slice(s, e).indexOf('/')
  if (slash > 0) e = s + slash
  let pieces: { start: number; end: number }[] = [{ start: s, end: e }]
  // "U.S.-China": a compound of two names is two mentions.
  pieces = pieces.flatMap((piece) => {
    const t = text.slice(piece.start, piece.end)
    const m = /^([\p{Lu}][\p{L}.]*)-([\p{Lu}][\p{L}.]*)$/u.exec(t)
    if (!m) return [piece]
    return [
      { start: piece.start, end: piece.start + m[1].length },
      { start: piece.start + m[1].length + 1, end: piece.end }
    ]
  })
  if (type === 'place') {
    pieces = pieces.flatMap((piece) => splitList(text, piece))
  }
  return pieces.flatMap((piece) => trimLeading(p, piece, type)).filter((piece) => validName(p, piece, type))
}

function splitList(text: string, piece: { start: number; end: number }): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  const re = /,\s*(?:and\s+)?|\s+and\s+/g
  const t = text.slice(piece.start, piece.end)
  let last = 0
  for (let m = re.exec(t); m; m = re.exec(t)) {
    out.push({ start: piece.start + last, end: piece.start + m.index })
    last = m.index + m[0].length
  }
  out.push({ start: piece.start + last, end: piece.end })
  return out.filter((x) => x.end > x.start)
}

/** Drops leading "And", "The", "In" (and, for people, titles): "And European" → "European", "President Ursula" → "Ursula". */
function trimLeading(p: Para, piece: { start: number; end: number }, type: EntityType): { start: number; end: number }[] {
  let s = piece.start
  const text = p.text
  for (;;) {
    const m = /^([\p{L}.’']+)\s+/u.exec(text.slice(s, piece.end))
    if (!m) break
    const w = bare(m[1])
    if (LEADING.has(w) || (type === 'person' && TITLES.has(w))) s += m[0].length
    else break
  }
  if (type === 'person') {
    const only = text.slice(s, piece.end)
    if (TITLES.has(bare(only))) return []
  }
  return s < piece.end ? [{ start: s, end: piece.end }] : []
}

function validName(p: Para, piece: { start: number; end: number }, type: EntityType): boolean {
  const t = p.text.slice(piece.start, piece.end)
  const words = t.split(/\s+/)
  if (!isCap(words[0]) || !isCap(words[words.length - 1])) return false
  if (words.length > 8) return false
  const inner = type === 'person' ? NAME_PARTICLES : NAME_CONNECTORS
  if (!words.every((w) => isCap(w) || inner.has(w) || /^\p{N}/u.test(w))) return false
  if (words.length === 1 && NOT_NAMES.has(bare(words[0]))) return false
  if (words.every((w) => TITLES.has(bare(w)) || !isCap(w))) return false
  // A demonym alone ("European", "Russian") names no one.
  const first = p.termFrom(piece.start)
  let allDemonyms = true
  for (let i = first; i < p.terms.length && p.terms[i].start < piece.end; i++) if (!p.hasTag(i, 'demonym')) allDemonyms = false
  if (allDemonyms) return false
  return true
}

/** "National Intelligence Council", "European Commission": capitalised words ending in an organisation word. */
function headedOrganizations(p: Para, pi: number): Candidate[] {
  const out: Candidate[] = []
  for (let i = 0; i < p.terms.length; i++) {
    if (!ORG_HEADS.has(bare(p.word(i))) || !isCap(p.word(i))) continue
    let s = i
    while (s - 1 >= 0 && p.adjacent(s - 1, s)) {
      const w = p.word(s - 1)
      if (isCap(w) && p.terms[s - 1].pos !== 'conjunction' && !NOT_NAMES.has(bare(w)) && !POSSESSIVE.test(w)) s--
      else break
    }
    while (s < i && !isCap(p.word(s))) s++
    if (s === i) continue
    if (sentenceInitial(p, s) && LEADING.has(bare(p.word(s)))) s++
    if (s === i) continue
    const start = p.terms[s].start
    const end = p.terms[i].start + stripPossessive(p.word(i)).length
    out.push({ p: pi, start, end, type: 'organization', weight: 2, variant: p.text.slice(start, p.terms[i].end) })
  }
  return out
}

/**
 * Two to four capitalised words the library did not recognise are a person's name when they stand where names of
 * people stand: right after or before a verb of saying ("said Valdis Dombrovskis", "Andriy Melnyk told"), or with an
 * appositive ("Olena Kravets, a teacher at the school, …", "the mayor of Kharkiv, Ihor Terekhov, …").
 */
function spokenNames(p: Para, pi: number): Candidate[] {
  const out: Candidate[] = []
  const n = p.terms.length
  const nameWord = (i: number): boolean => {
    const w = p.word(i)
    return isCap(w) && !TITLES.has(bare(w)) && !NOT_NAMES.has(bare(w)) && !p.hasTag(i, 'place') && !p.hasTag(i, 'organization') && !p.hasTag(i, 'demonym') && !p.hasTag(i, 'acronym')
  }
  const isVerb = (i: number): boolean => i >= 0 && i < n && !!sayingLemma(p.word(i)) && (p.terms[i].pos === 'verb' || /^(said|told|says|tells)$/i.test(p.word(i)))
  for (let i = 0; i < n; i++) {
    if (!nameWord(i) || (i > 0 && p.adjacent(i - 1, i) && nameWord(i - 1))) continue
    let j = i
    while (j + 1 < n && j - i < 3 && p.adjacent(j, j + 1) && (nameWord(j + 1) || (NAME_PARTICLES.has(p.word(j + 1)) && j + 2 < n && p.adjacent(j + 1, j + 2) && nameWord(j + 2)))) j++
    if (j === i || (j + 1 < n && p.adjacent(j, j + 1) && nameWord(j + 1))) continue
    // "a Virginia Republican said" describes someone; it names no one.
    if (i > 0 && p.adjacent(i - 1, i) && DETERMINERS.has(p.word(i - 1).toLowerCase())) {
      i = j
      continue
    }
    const before = i > 0 && p.adjacent(i - 1, i) && isVerb(i - 1)
    let k = j + 1
    while (k < n && p.adjacent(k - 1, k) && AUXILIARIES.has(p.word(k).toLowerCase())) k++
    const after = k < n && p.adjacent(k - 1, k) && isVerb(k)
    const rest = p.text.slice(p.terms[j].end)
    const appositive =
      /^,\s+(?:the|a|an|former|his|her|their|its)\s+\p{Ll}/u.test(rest) ||
      (/^,/.test(rest) && /(?:^|[,(\u2014\u2013.]\s*|\s)(?:the|a|an|former|his|her|their|its)\s+[^,.;]*\p{Ll}[^,.;]*,\s+$/iu.test(p.text.slice(0, p.terms[i].start)))
    if (!before && !after && !appositive) continue
    const end = p.terms[j].start + stripPossessive(p.word(j)).length
    out.push({ p: pi, start: p.terms[i].start, end, type: 'person', weight: 1.5, variant: p.text.slice(p.terms[i].start, p.terms[j].end) })
    i = j
  }
  return out
}

const isSayingVerbAt = (p: Para, i: number): boolean =>
  i >= 0 && i < p.terms.length && !!sayingLemma(p.word(i)) && (p.terms[i].pos === 'verb' || /^(said|told|says|tells)$/i.test(p.word(i)))

/**
 * "Roof said …" somewhere, "Dylann Roof" elsewhere: a single capitalised word that speaks (right before or after a
 * verb of saying) makes the two-word name ending in it a person's, wherever the article writes it in full.
 */
function addNamesOfSpeakers(paras: Para[], cands: Candidate[][]): void {
  const speakers = new Set<string>()
  paras.forEach((p, pi) => {
    for (let i = 0; i < p.terms.length; i++) {
      const w = p.word(i)
      if (!isCap(w) || TITLES.has(bare(w)) || NOT_NAMES.has(bare(w)) || p.hasTag(i, 'place') || p.hasTag(i, 'organization')) continue
      if (cands[pi].some((c) => c.start <= p.terms[i].start && c.end > p.terms[i].start)) continue
      let k = i + 1
      while (k < p.terms.length && p.adjacent(k - 1, k) && AUXILIARIES.has(p.word(k).toLowerCase())) k++
      const before = p.adjacent(k - 1, k) && isSayingVerbAt(p, k)
      const after = i > 0 && p.adjacent(i - 1, i) && isSayingVerbAt(p, i - 1) && !/^\s*[a-z]/.test(p.text.slice(p.terms[i].end))
      const prevCap = i > 0 && p.adjacent(i - 1, i) && isCap(p.word(i - 1)) && !sentenceInitial(p, i - 1)
      if ((before || after) && !prevCap) speakers.add(bare(w))
    }
  })
  if (!speakers.size) return
  paras.forEach((p, pi) => {
    for (let i = 0; i + 1 < p.terms.length; i++) {
      if (!p.adjacent(i, i + 1) || !speakers.has(bare(p.word(i + 1)))) continue
      const first = p.word(i)
      if (!isCap(first) || TITLES.has(bare(first)) || NOT_NAMES.has(bare(first)) || LEADING.has(bare(first)) || POSSESSIVE.test(first)) continue
      if (p.hasTag(i, 'place') || p.hasTag(i, 'organization') || p.hasTag(i, 'demonym') || p.terms[i].pos === 'verb') continue
      if (i + 2 < p.terms.length && p.adjacent(i + 1, i + 2) && isCap(p.word(i + 2)) && !POSSESSIVE.test(p.word(i + 1))) continue
      const start = p.terms[i].start
      const end = p.terms[i + 1].start + stripPossessive(p.word(i + 1)).length
      if (cands[pi].some((c) => overlaps(c, { start, end }))) continue
      cands[pi].push({ p: pi, start, end, type: 'person', weight: 1.5, variant: p.text.slice(start, p.terms[i + 1].end) })
    }
    cands[pi].sort((a, b) => a.start - b.start)
  })
}

/** Extends a person the library cut short ("Ursula" → "Ursula von der Leyen", "Mykhailo" → "Mykhailo Zabrodskyi"). */
function extendPerson(p: Para, c: Candidate): Candidate {
  let k = p.termFrom(c.end)
  if (k === 0 || p.terms[k - 1].end !== c.end) return c
  if (POSSESSIVE.test(p.word(k - 1))) return c
  let end = c.end
  let last = k - 1
  while (k < p.terms.length && p.adjacent(last, k)) {
    const w = p.word(k)
    if (isCap(w) && !TITLES.has(bare(w)) && !NOT_NAMES.has(bare(w)) && p.terms[k].pos !== 'verb') {
      end = p.terms[k].start + stripPossessive(w).length
      last = k
      k++
      if (POSSESSIVE.test(w)) break
    } else if (NAME_PARTICLES.has(w) && k + 1 < p.terms.length && p.adjacent(k, k + 1)) k++
    else break
  }
  if (end === c.end) return c
  return { ...c, end, variant: p.text.slice(c.start, p.terms[last].end) }
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end

function candidatesOf(p: Para, pi: number): Candidate[] {
  const titled = titledPeople(p, pi)
  const fromSpans: Candidate[] = []
  for (const span of p.nlp.spans) {
    for (const piece of cleanSpan(p, span.start, span.end, span.kind)) {
      const words = p.text.slice(piece.start, piece.end).split(/\s+/).length
      const weight = span.kind === 'person' ? (words > 1 ? 2 : 1) : 2
      const variantEnd = POSSESSIVE.test(p.text.slice(piece.start, piece.end + 2)) ? piece.end + 2 : piece.end
      let c: Candidate = { p: pi, start: piece.start, end: piece.end, type: span.kind, weight, variant: p.text.slice(piece.start, variantEnd) }
      if (c.type === 'person') c = extendPerson(p, c)
      // "Shelby Police Department", "Emanuel AME Church", "Cooper Station": the last word says what it is.
      const head = bare(p.text.slice(c.start, c.end).split(/\s+/).pop() ?? '')
      if (GROUP_NOUNS.has(head)) continue
      if (c.type !== 'organization' && ORG_HEADS.has(head) && c.end - c.start > head.length) c = { ...c, type: 'organization' }
      else if (c.type === 'person' && PLACE_HEADS.has(head)) c = { ...c, type: 'place' }
      fromSpans.push(c)
    }
  }
  const orgs = [...headedOrganizations(p, pi), ...spokenNames(p, pi)]
  // A titled person wins over what the library made of the same words ("State Tony" is no place).
  const blocked = titled.map((t) => ({ start: t.titleStart ?? t.start, end: t.end }))
  const kept = [...fromSpans, ...orgs].filter((c) => {
    const inTitle = blocked.some((b) => overlaps(b, c))
    if (!inTitle) return true
    // An organisation named inside a title stays ("European Commission" in "European Commission President").
    return c.type === 'organization' && titled.some((t) => t.titleStart !== undefined && c.start >= t.titleStart && c.end <= t.start)
  })
  // Of overlapping candidates keep the longest (then the heaviest).
  const all = [...titled, ...kept].sort((a, b) => b.end - b.start - (a.end - a.start) || b.weight - a.weight)
  const out: Candidate[] = []
  for (const c of all) if (!out.some((o) => overlaps(o, c))) out.push(c)
  return out.sort((a, b) => a.start - b.start)
}

/** "Shanghai Cooperation Organization (SCO)": the acronym in brackets right after a name. */
function acronymDefinitions(p: Para, cands: Candidate[]): { acronym: string; name: string }[] {
  const out: { acronym: string; name: string }[] = []
  for (const c of cands) {
    const m = /^\s*\(([\p{Lu}][\p{Lu}.&]{1,9})\)/u.exec(p.text.slice(c.end))
    if (m) out.push({ acronym: m[1], name: p.text.slice(c.start, c.end) })
  }
  return out
}

// ------------------------------------------------------------------------------------------------- roles

/** "David Shullman, the former Deputy … Council," — the appositive after a person's name, or null. */
function appositiveAfter(p: Para, end: number, personStarts: number[]): { text: string; end: number } | null {
  const text = p.text
  const m = /^,\s+/.exec(text.slice(end))
  if (!m) return null
  const start = end + m[0].length
  const firstWord = /^[\p{L}-]+/u.exec(text.slice(start))?.[0] ?? ''
  const fw = firstWord.toLowerCase()
  const opens = ['the', 'a', 'an', 'former', 'first', 'deputy', 'chief', 'senior', 'then', 'now', 'his', 'her', 'their', 'its', 'one'].includes(fw) || TITLES.has(fw)
  if (!opens || RELATIVES.has(fw)) return null
  let stop = start
  for (;;) {
    const rest = text.slice(stop)
    const next = /[,.;:!?()]|\s[\u2014\u2013]\s/.exec(rest)
    const chunkEnd = next ? stop + next.index : text.length
    const chunk = text.slice(stop, chunkEnd)
    if (!/^\s*$/.test(chunk) && stop !== start && personStarts.some((ps) => ps >= stop && ps < chunkEnd)) return null
    stop = chunkEnd
    // "… of the National Security, Defense, and Intelligence Committee": a list of capitalised names goes on.
    const after = text.slice(stop)
    const lastWord = /[\p{L}.’']+$/u.exec(text.slice(start, stop))?.[0] ?? ''
    const cont = /^,\s+(?:and\s+)?(\p{Lu}[\p{L}-]*)/u.exec(after)
    if (text[stop] === ',' && cont && isCap(lastWord) && text[stop + 1] !== undefined) {
      const contStart = stop + after.indexOf(cont[1])
      const nextStop = /[,.;:!?()]/.exec(text.slice(contStart))
      const contEnd = nextStop ? contStart + nextStop.index : text.length
      if (!personStarts.some((ps) => ps >= contStart && ps < contEnd) && !OFFICE_WORDS.has(cont[1].toLowerCase())) {
        stop = contEnd
        continue
      }
    }
    break
  }
  const phrase = text.slice(start, stop).trim()
  const words = phrase.split(/\s+/)
  if (words.length < 2 || words.length > 25) return null
  if (stop < text.length && text[stop] !== ',' && text[stop] !== '.' && text[stop] !== ';') return null
  // No verb in it: "Putin, already isolated, said" is not an appositive.
  for (let i = p.termFrom(start); i < p.terms.length && p.terms[i].start < stop; i++) {
    if (p.terms[i].pos === 'verb' && !/-/.test(p.word(i)) && i !== p.termFrom(start)) return null
  }
  return { text: phrase, end: start + text.slice(start, stop).trimEnd().length }
}

/** "the Russian ambassador to China, Andrey Denisov," — the appositive before a person's name, or null. */
function appositiveBefore(p: Para, start: number, end: number): { text: string; start: number } | null {
  const text = p.text
  if (!/^,/.test(text.slice(end))) return null
  const before = text.slice(0, start)
  const m = /,\s+$/.exec(before)
  if (!m) return null
  const phraseEnd = m.index
  let phraseStart = Math.max(...[',', '(', '\u2014', '\u2013'].map((c) => before.lastIndexOf(c, phraseEnd - 1))) + 1
  const sentence = Math.max(before.lastIndexOf('. ', phraseEnd - 1), before.lastIndexOf('” ', phraseEnd - 1))
  if (sentence + 2 > phraseStart) phraseStart = sentence >= 0 ? sentence + 2 : 0
  // The phrase starts at its determiner: "… said on Monday that the former minister, Tomas Berzins, …".
  let s = -1
  for (let i = p.termFrom(phraseStart); i < p.terms.length && p.terms[i].start < phraseEnd; i++) {
    if (/^(?:the|a|an|former|his|her|their|its)$/i.test(p.word(i))) {
      s = p.terms[i].start
      break
    }
  }
  if (s < 0) return null
  const phrase = text.slice(s, phraseEnd).trim()
  const words = phrase.split(/\s+/)
  if (words.length < 2 || words.length > 12) return null
  if (!words.slice(1).some((w) => !isCap(w))) return null
  for (let i = p.termFrom(s); i < p.terms.length && p.terms[i].start < phraseEnd; i++) {
    if (p.terms[i].pos === 'verb' && !/-/.test(p.word(i))) return null
  }
  return { text: phrase.replace(/^(The|His|Her|Their|Its)\b/, (w) => w.toLowerCase()), start: s }
}

// ------------------------------------------------------------------------------------------------ the article

interface Group {
  key: string
  names: Map<string, number>
  weights: Record<EntityType, number>
  cands: Candidate[]
}

/**
 * The entities of an article: its paragraphs with the NLP engine's result for each (same order). Deterministic for
 * the same input.
 */
export function extractEntities(paragraphs: ParagraphInput[], results: NlpResult[]): EntityIndex {
  const paras = paragraphs.map((p, i) => new Para(p.text, results[i] ?? { terms: [], spans: [] }))
  const cands = paras.map((p, i) => candidatesOf(p, i))
  addNamesOfSpeakers(paras, cands)
  const acronyms = new Map<string, string>()
  paras.forEach((p, i) => {
    for (const d of acronymDefinitions(p, cands[i])) acronyms.set(nameKey(d.acronym), nameKey(d.name))
  })

  // Group by name, then merge short names into the one longer name they belong to.
  const groups = new Map<string, Group>()
  const groupOf = (key: string): Group => {
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { key, names: new Map(), weights: { person: 0, organization: 0, place: 0 }, cands: [] }))
    return g
  }
  for (const c of cands.flat()) {
    const name = canonical(paras[c.p].text.slice(c.start, c.end))
    const g = groupOf(nameKey(name))
    g.names.set(name, (g.names.get(name) ?? 0) + 1)
    g.weights[c.type] += c.weight
    g.cands.push(c)
  }
  const typeOf = (g: Group): EntityType =>
    (['person', 'organization', 'place'] as EntityType[]).reduce((best, t) => (g.weights[t] > g.weights[best] ? t : best), 'person')

  const into = new Map<string, string>()
  const resolve = (key: string): string => {
    let k = key
    for (let guard = 0; into.has(k) && guard < 10; guard++) k = into.get(k)!
    return k
  }
  const people = [...groups.values()].filter((g) => typeOf(g) === 'person')
  for (const g of people) {
    const words = g.key.split(' ')
    if (words.length > 2) continue
    const longer = people.filter((o) => o !== g && containsName(o.key.split(' '), words))
    if (longer.length === 1) into.set(g.key, longer[0].key)
  }
  const orgs = [...groups.values()].filter((g) => typeOf(g) !== 'person')
  for (const g of orgs) {
    const defined = acronyms.get(g.key)
    if (defined && groups.has(defined) && defined !== g.key) {
      into.set(g.key, defined)
      continue
    }
    if (!/^[a-z.&]{2,10}$/.test(g.key.replace(/\./g, '')) || g.key.includes(' ')) continue
    const letters = g.key.replace(/[.&]/g, '')
    const spelled = orgs.filter((o) => o !== g && initials(o.key) === letters)
    if (spelled.length === 1) into.set(g.key, spelled[0].key)
  }
  for (const [from, to] of [...into]) into.set(from, resolve(to))
  for (const [from, to] of into) {
    const g = groups.get(from)!
    const target = groups.get(to)!
    for (const [n, c] of g.names) target.names.set(n, (target.names.get(n) ?? 0) + c)
    for (const t of ['person', 'organization', 'place'] as EntityType[]) target.weights[t] += g.weights[t]
    target.cands.push(...g.cands)
    groups.delete(from)
  }

  // Find the mentions the library missed, by the names it found.
  const lowerWords = new Set<string>()
  for (const p of paragraphs) for (const w of p.text.match(/(?<![\p{L}])\p{Ll}[\p{L}]*/gu) ?? []) lowerWords.add(w)
  const surface = new Map<string, string>()
  const tokenOwners = new Map<string, Set<string>>()
  for (const g of groups.values()) {
    for (const n of g.names.keys()) surface.set(nameKey(n), g.key)
    surface.set(g.key, g.key)
    if (typeOf(g) === 'person') {
      const full = longestName(g)
      const words = full.split(/\s+/).filter((w) => isCap(w))
      const tokens = [words[words.length - 1]]
      if (words.length > 1 && !lowerWords.has(words[0].toLowerCase())) tokens.push(words[0])
      for (const t of tokens) {
        if (!tokenOwners.has(nameKey(t))) tokenOwners.set(nameKey(t), new Set())
        tokenOwners.get(nameKey(t))!.add(g.key)
      }
    }
  }
  for (const [acr, name] of acronyms) if (groups.has(resolve(name))) surface.set(acr, resolve(name))
  // "NATO" for the North Atlantic Treaty Organization: an organisation of three words or more by its initials.
  const acronymSurface = new Map<string, string>()
  for (const g of groups.values()) {
    const letters = initials(g.key)
    if (typeOf(g) === 'organization' && letters.length >= 3) acronymSurface.set(letters, g.key)
  }
  for (const [acr, key] of acronyms) if (groups.has(resolve(key))) acronymSurface.set(acr.replace(/\./g, ''), resolve(key))
  for (const [token, owners] of tokenOwners) if (owners.size === 1 && !surface.has(token) && !TITLES.has(token)) surface.set(token, [...owners][0])

  paras.forEach((p, pi) => {
    const taken = cands[pi].map((c) => ({ start: c.start, end: c.end }))
    for (let i = 0; i < p.terms.length; i++) {
      if (!isCap(p.word(i)) || bare(p.word(i)) === 'the') continue
      for (let len = Math.min(5, p.terms.length - i); len >= 1; len--) {
        let ok = true
        for (let k = i + 1; k < i + len; k++) if (!p.adjacent(k - 1, k)) ok = false
        if (!ok) continue
        const last = i + len - 1
        const raw = p.text.slice(p.terms[i].start, p.terms[last].end)
        const name = stripPossessive(raw).replace(/[.]$/, (d) => (/\p{L}\.\p{L}\.$/u.test(raw) ? d : ''))
        let key = surface.get(nameKey(name))
        if (!key && /^\p{Lu}{2,}$/u.test(name)) key = acronymSurface.get(name.toLowerCase())
        if (!key && KNOWN_ORGS.has(nameKey(name))) {
          const known = groupOf(nameKey(name))
          known.names.set(name, (known.names.get(name) ?? 0) + 1)
          known.weights.organization += 2
          surface.set(nameKey(name), known.key)
          key = known.key
        }
        if (!key) continue
        const span = { start: p.terms[i].start, end: p.terms[i].start + name.length }
        if (taken.some((t) => overlaps(t, span))) break
        // A lone surname inside another name is not this person ("Austin" in "Austin Powers").
        if (len === 1 && groups.get(key) && typeOf(groups.get(key)!) === 'person' && nameKey(name) !== key) {
          const prevCap = i > 0 && p.adjacent(i - 1, i) && isCap(p.word(i - 1)) && !TITLES.has(bare(p.word(i - 1))) && !sentenceInitial(p, i - 1)
          const nextCap = p.adjacent(i, i + 1) && isCap(p.word(i + 1)) && !POSSESSIVE.test(raw)
          if (prevCap || nextCap) break
        }
        const g = groups.get(key)!
        const c: Candidate = { p: pi, start: span.start, end: span.end, type: typeOf(g), weight: 0, variant: raw }
        g.cands.push(c)
        taken.push(span)
        i = last
        break
      }
    }
  })

  // Build the entities, their mentions and roles.
  const mentions: PlacedMention[][] = paragraphs.map(() => [])
  const entities: Entity[] = []
  const byId = new Map<string, Entity>()
  const personStartsOf = new Map<number, number[]>()
  for (const g of groups.values()) {
    if (typeOf(g) !== 'person') continue
    for (const c of g.cands) {
      if (!personStartsOf.has(c.p)) personStartsOf.set(c.p, [])
      personStartsOf.get(c.p)!.push(c.titleStart ?? c.start)
    }
  }
  for (const g of groups.values()) {
    const type = typeOf(g)
    const name = type === 'person' ? longestName(g) : preferredName(g)
    const id = `${type}:${nameKey(name)}`
    const roles: Role[] = []
    const variants = new Map<string, number>()
    const seen = new Set<string>()
    const ms: Mention[] = []
    const paragraphOf = new Map<string, number>()
    for (const c of g.cands.sort((a, b) => a.p - b.p || a.start - b.start)) {
      const at = `${c.p}:${c.start}`
      if (seen.has(at)) continue
      seen.add(at)
      const p = paras[c.p]
      let extentStart = c.titleStart ?? c.start
      let extentEnd = c.end
      if (c.title) roles.push({ text: c.title, kind: 'title' })
      if (type === 'person') {
        const after = appositiveAfter(p, c.end, (personStartsOf.get(c.p) ?? []).filter((s) => s > c.end))
        if (after) {
          roles.push({ text: after.text, kind: 'appositive' })
          extentEnd = after.end
        }
        const before = appositiveBefore(p, extentStart, c.end)
        if (before) {
          roles.push({ text: before.text, kind: 'appositive' })
          extentStart = before.start
        }
      }
      const det = /(?:^|\s)(the|a|an)\s+$/i.exec(p.text.slice(Math.max(0, extentStart - 5), extentStart))
      if (det && c.titleStart !== undefined) extentStart -= det[0].trimStart().length
      variants.set(c.variant, (variants.get(c.variant) ?? 0) + 1)
      ms.push({ paragraphId: paragraphs[c.p].id, start: c.start, end: c.end, text: p.text.slice(c.start, c.end) })
      paragraphOf.set(paragraphs[c.p].id, c.p)
      mentions[c.p].push({ entityId: id, type, start: c.start, end: c.end, extentStart, extentEnd })
    }
    const perParagraph = new Map<string, { paragraphId: string; number: number; count: number }>()
    for (const m of ms) {
      const entry = perParagraph.get(m.paragraphId) ?? { paragraphId: m.paragraphId, number: paragraphs[paragraphOf.get(m.paragraphId)!].index + 1, count: 0 }
      entry.count++
      perParagraph.set(m.paragraphId, entry)
    }
    const entity: Entity = {
      id,
      name,
      type,
      role: bestRole(roles),
      variants: [...variants].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v),
      count: ms.length,
      paragraphs: [...perParagraph.values()],
      mentions: ms
    }
    if (byId.has(id)) continue
    entities.push(entity)
    byId.set(id, entity)
  }
  for (const list of mentions) list.sort((a, b) => a.start - b.start)
  entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
  return { entities, byId, mentions }
}

/** Whether `short` is the last word(s) or first word of `long` ("putin" in "vladimir putin", "xi" in "xi jinping"). */
function containsName(long: string[], short: string[]): boolean {
  if (short.length >= long.length) return false
  const tail = long.slice(long.length - short.length)
  if (tail.every((w, i) => w === short[i])) return true
  return short.length === 1 && long[0] === short[0]
}

function initials(key: string): string {
  return key
    .split(/\s+/)
    .filter((w) => !NAME_CONNECTORS.has(w))
    .map((w) => w[0])
    .join('')
}

function longestName(g: Group): string {
  return [...g.names.keys()].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length || b.length - a.length || a.localeCompare(b))[0]
}

/** An organisation's or place's name: the spelled-out form over an acronym, then the most frequent. */
function preferredName(g: Group): string {
  return [...g.names].sort((a, b) => Number(b[0].includes(' ')) - Number(a[0].includes(' ')) || b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]
}

/** An appositive over a title; of those, the longest. */
function bestRole(roles: Role[]): string | null {
  const pick = (kind: Role['kind']): string | null =>
    roles.filter((r) => r.kind === kind).sort((a, b) => b.text.length - a.text.length)[0]?.text ?? null
  return pick('appositive') ?? pick('title')
}
