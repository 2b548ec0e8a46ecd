// Word-level comparison of a quotation with the text it claims to quote: where it stands in the source, and what
// differs (words changed, left out or added). Words are compared loosely (case, typographic quotes and dashes,
// accents kept); punctuation is not a word, so a moved comma is not a misquotation.

export interface Word {
  /** The word as compared. */
  key: string
  /** [start, end) in the text it comes from. */
  start: number
  end: number
}

export type DiffOp = 'same' | 'added' | 'removed'

/** One run of a word diff: 'same' words, words 'added' by the quotation, words of the source it 'removed'. */
export interface DiffPart {
  op: DiffOp
  text: string
}

const WORD = /[\p{L}\p{N}]+(?:[’'.\-]+[\p{L}\p{N}]+)*/gu

export function words(text: string): Word[] {
  const out: Word[] = []
  for (const m of text.matchAll(WORD)) {
    out.push({ key: foldWord(m[0]), start: m.index, end: m.index + m[0].length })
  }
  return out
}

function foldWord(w: string): string {
  return w
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
}

/** Index in `hay` where `needle` (non-empty) occurs as a contiguous run of words, from `from`; -1 when it does not. */
export function findRun(hay: Word[], needle: Word[], from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k].key !== needle[k].key) continue outer
    return i
  }
  return -1
}

export interface Alignment {
  /** Edit distance in words (substitution, insertion, deletion cost 1 each). */
  distance: number
  /** [start, end) of the source words the quotation aligns with. */
  from: number
  to: number
  /** The alignment, in order. */
  steps: { op: DiffOp | 'changed'; q?: number; s?: number }[]
}

/** Largest alignment table worked out in full (quotation words × source words). */
const MAX_CELLS = 4_000_000

/**
 * The best place for the quotation's words in the source's words (free to start and end anywhere in the source):
 * semi-global edit distance. A very long source is first narrowed to a window around the quotation's rarest word.
 */
export function align(quote: Word[], source: Word[]): Alignment | null {
  if (quote.length === 0 || source.length === 0) return null
  let offset = 0
  let src = source
  if (quote.length * source.length > MAX_CELLS) {
    const counts = new Map<string, number>()
    for (const w of source) counts.set(w.key, (counts.get(w.key) ?? 0) + 1)
    const rare = quote
      .map((w, i) => ({ i, n: counts.get(w.key) ?? 0 }))
      .filter((x) => x.n > 0)
      .sort((a, b) => a.n - b.n)[0]
    if (!rare) return null
    const at = source.findIndex((w) => w.key === quote[rare.i].key)
    offset = Math.max(0, at - rare.i - quote.length)
    src = source.slice(offset, Math.min(source.length, at + 2 * quote.length + 1))
  }
  const n = quote.length
  const m = src.length
  // d[i][j]: distance of quote[0..i) against src ending at j (the start is free: d[0][j] = 0).
  const d: Uint32Array[] = []
  for (let i = 0; i <= n; i++) d.push(new Uint32Array(m + 1))
  for (let i = 1; i <= n; i++) d[i][0] = i
  for (let i = 1; i <= n; i++) {
    const qi = quote[i - 1].key
    const row = d[i]
    const up = d[i - 1]
    for (let j = 1; j <= m; j++) {
      const sub = up[j - 1] + (qi === src[j - 1].key ? 0 : 1)
      const del = up[j] + 1
      const ins = row[j - 1] + 1
      row[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins
    }
  }
  let end = 0
  // Of equally good ends, the last: a changed last word reads as changed, not as one added.
  for (let j = 1; j <= m; j++) if (d[n][j] <= d[n][end]) end = j
  // Trace back.
  const steps: Alignment['steps'] = []
  let i = n
  let j = end
  while (i > 0) {
    const here = d[i][j]
    if (j > 0 && d[i - 1][j - 1] + (quote[i - 1].key === src[j - 1].key ? 0 : 1) === here) {
      steps.push({ op: quote[i - 1].key === src[j - 1].key ? 'same' : 'changed', q: i - 1, s: offset + j - 1 })
      i--
      j--
    } else if (d[i - 1][j] + 1 === here) {
      steps.push({ op: 'added', q: i - 1 })
      i--
    } else {
      steps.push({ op: 'removed', s: offset + j - 1 })
      j--
    }
  }
  steps.reverse()
  return { distance: d[n][end], from: offset + j, to: offset + end, steps }
}

/** The alignment as runs of words: the quotation's words, and the source's words where they differ. */
export function diffParts(a: Alignment, quoteText: string, quote: Word[], sourceText: string, source: Word[]): DiffPart[] {
  // Runs are cut from the text they come from (so "Russians’ supply" keeps its apostrophe).
  const runs: { op: DiffOp; from: 'q' | 's'; start: number; end: number }[] = []
  const push = (op: DiffOp, from: 'q' | 's', w: Word): void => {
    const last = runs[runs.length - 1]
    if (last && last.op === op && last.from === from) last.end = w.end
    else runs.push({ op, from, start: w.start, end: w.end })
  }
  // A run of changed words reads as the source's words, then the quotation's.
  let removed: Word[] = []
  let added: Word[] = []
  const flush = (): void => {
    for (const w of removed) push('removed', 's', w)
    for (const w of added) push('added', 'q', w)
    removed = []
    added = []
  }
  for (const step of a.steps) {
    if (step.op === 'same') {
      flush()
      push('same', 'q', quote[step.q!])
    } else if (step.op === 'added') added.push(quote[step.q!])
    else if (step.op === 'removed') removed.push(source[step.s!])
    else {
      removed.push(source[step.s!])
      added.push(quote[step.q!])
    }
  }
  flush()
  return runs.map((r) => ({ op: r.op, text: (r.from === 'q' ? quoteText : sourceText).slice(r.start, r.end) }))
}
