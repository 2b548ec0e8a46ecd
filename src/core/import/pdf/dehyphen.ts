// Undoing line-end hyphenation: "meth-" + "ods" -> "methods", while real hyphens stay ("run-" + "time" ->
// "run-time", "command-and-" + "control" -> "command-and-control"). Evidence, strongest first: the document itself
// (does it write the word with or without the hyphen elsewhere?), then a word-frequency lexicon.
import type { Lexicon } from './types'

const HYPHENS = /[-\u2010\u00AD]$/

/** Counts of every word in the document, as written mid-line (hyphenated compounds counted whole). */
export class WordStats {
  private readonly counts = new Map<string, number>()

  add(text: string): void {
    for (const m of text.toLowerCase().matchAll(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu)) {
      this.counts.set(m[0], (this.counts.get(m[0]) ?? 0) + 1)
    }
  }

  count(word: string): number {
    return this.counts.get(word.toLowerCase()) ?? 0
  }
}

/** Letters at the end of `s` (the word part before a line-end hyphen), and whether that word already has hyphens. */
function tailWord(s: string): { word: string; compound: boolean } {
  const m = /([\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*)$/u.exec(s)
  const word = m?.[1] ?? ''
  return { word: word.split('-').pop() ?? '', compound: word.includes('-') }
}

const headWord = (s: string): string => /^[\p{L}\p{M}]+/u.exec(s)?.[0] ?? ''

/** Most frequent words count in the thousands; a part that common is a word on its own. */
const COMMON = 50

/**
 * Joins `line` and the `next` line of a paragraph. Returns the joined text: with the hyphen removed, kept, or a
 * plain space between the lines.
 */
export function joinLines(line: string, next: string, stats: WordStats, lexicon?: Lexicon): string {
  const a = line.replace(/\s+$/, '')
  const b = next.replace(/^\s+/, '')
  if (!HYPHENS.test(a) || !/^\p{Ll}/u.test(b)) return `${a} ${b}`
  const soft = a.endsWith('\u00AD')
  const before = a.slice(0, -1)
  const { word: w1, compound } = tailWord(before)
  const w2 = headWord(b)
  if (soft || !w1) return before + b
  if (compound) return `${before}-${b}`
  const joined = (w1 + w2).toLowerCase()
  const hyphenated = `${w1}-${w2}`.toLowerCase()
  const asOne = stats.count(joined)
  const asTwo = stats.count(hyphenated)
  if (asTwo > asOne) return `${before}-${b}`
  if (asOne > 0) return before + b
  if (lexicon) {
    const whole = lexicon(joined) ?? 0
    const p1 = lexicon(w1) ?? 0
    const p2 = lexicon(w2) ?? 0
    if (whole === 0 && p1 >= COMMON && p2 >= COMMON) return `${before}-${b}`
  }
  return before + b
}
