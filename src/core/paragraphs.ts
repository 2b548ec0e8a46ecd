// Stable paragraph ids: content hashes, disambiguated for repeats, carried over on re-import.
import { CELL_SEPARATOR, type Paragraph, type ParagraphKind } from './model'
import type { Block } from './import/types'
import { hashString } from './ids'

/** Minimum similarity for an edited paragraph to inherit the id of the paragraph it replaces. */
export const SIMILARITY_THRESHOLD = 0.6

/** Text as hashed: NFC, whitespace collapsed, trimmed. */
export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Code block text: line breaks and indentation kept, trailing spaces and blank edge lines dropped, NFC. */
export function normalizePre(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00AD\u200B\uFEFF]/g, '')
    .normalize('NFC')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/^\n+|\n+$/g, '')
}

/**
 * A paragraph's stored text: whitespace collapsed, except in code blocks (line breaks and indentation kept) and
 * table rows (cells kept apart by CELL_SEPARATOR, empty cells included).
 */
export function normalizeBlockText(kind: ParagraphKind, text: string): string {
  if (kind === 'pre') return normalizePre(text)
  if (kind === 'tr') {
    return text
      .normalize('NFC')
      .split(CELL_SEPARATOR)
      .map((cell) => cell.replace(/\s+/g, ' ').trim())
      .join(CELL_SEPARATOR)
  }
  return normalizeForHash(text)
}

/** The base id of a paragraph text: "p-" + 11 base-36 hash characters. */
export function baseParagraphId(text: string): string {
  return 'p-' + hashString(normalizeForHash(text))
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function bigrams(text: string): string[] {
  const t = text.toLowerCase().replace(/\s+/g, ' ')
  const out: string[] = []
  for (let i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2))
  return out
}

/** Dice coefficient of two multisets. */
function dice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  const counts = new Map<string, number>()
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1)
  let common = 0
  for (const x of b) {
    const c = counts.get(x) ?? 0
    if (c > 0) {
      common++
      counts.set(x, c - 1)
    }
  }
  return (2 * common) / (a.length + b.length)
}

/** Similarity in [0, 1] of two paragraph texts: the better of word-level and character-bigram Dice. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1
  return Math.max(dice(tokens(a), tokens(b)), dice(bigrams(a), bigrams(b)))
}

/** How far (in positions, beyond the gap between matched neighbours) an edited paragraph may have moved. */
const NEARBY = 3

/**
 * Assigns ids to blocks. Without `previous`: id = "p-" + hash(text), with "-2", "-3"… for repeated text, so
 * ids are unique and the same text always gets the same ids. With `previous` (re-import of an edited article):
 * identical text keeps its previous id (repeats matched in order); then an edited paragraph inherits the id
 * of a similar unmatched previous paragraph at a nearby position; everything else gets a fresh hash id.
 */
export function assignParagraphIds(blocks: Block[], previous?: Paragraph[]): Paragraph[] {
  const stored = blocks.map((b) => normalizeBlockText(b.kind, b.text))
  const texts = stored.map(normalizeForHash)
  const ids: (string | null)[] = blocks.map(() => null)
  const used = new Set<string>()

  if (previous && previous.length) {
    const prev = [...previous].sort((a, b) => a.index - b.index)
    const prevTexts = prev.map((p) => normalizeForHash(p.text))
    const prevMatched = prev.map(() => false)
    /** For each new block matched to a previous paragraph: that paragraph's position in `prev`. */
    const matchedPos: (number | null)[] = blocks.map(() => null)

    // 1. Identical text: repeats are matched in order.
    const queues = new Map<string, number[]>()
    prevTexts.forEach((t, i) => {
      const q = queues.get(t)
      if (q) q.push(i)
      else queues.set(t, [i])
    })
    texts.forEach((t, i) => {
      const q = queues.get(t)
      const j = q?.shift()
      if (j === undefined || used.has(prev[j].id)) return
      ids[i] = prev[j].id
      used.add(prev[j].id)
      prevMatched[j] = true
      matchedPos[i] = j
    })

    // 2. Edited paragraphs: candidates lie between the previous positions of the matched neighbours.
    const pairs: { i: number; j: number; score: number }[] = []
    for (let i = 0; i < blocks.length; i++) {
      if (ids[i] !== null) continue
      let lo = -1
      for (let k = i - 1; k >= 0; k--) if (matchedPos[k] !== null) { lo = matchedPos[k]!; break }
      let hi = prev.length
      for (let k = i + 1; k < blocks.length; k++) if (matchedPos[k] !== null) { hi = matchedPos[k]!; break }
      const from = Math.max(0, Math.min(lo, hi) - NEARBY + 1)
      const to = Math.min(prev.length - 1, Math.max(lo, hi) + NEARBY - 1)
      for (let j = from; j <= to; j++) {
        if (prevMatched[j]) continue
        const score = textSimilarity(texts[i], prevTexts[j])
        if (score >= SIMILARITY_THRESHOLD) pairs.push({ i, j, score: score - Math.abs(j - i) * 1e-6 })
      }
    }
    pairs.sort((a, b) => b.score - a.score || a.i - b.i)
    for (const { i, j } of pairs) {
      if (ids[i] !== null || prevMatched[j] || used.has(prev[j].id)) continue
      ids[i] = prev[j].id
      used.add(prev[j].id)
      prevMatched[j] = true
    }
  }

  // 3. Fresh ids from the content hash; repeats (and collisions with carried-over ids) get -2, -3…
  const seen = new Map<string, number>()
  const result: Paragraph[] = blocks.map((b, index) => {
    let id = ids[index]
    if (id === null) {
      const base = baseParagraphId(texts[index])
      let n = seen.get(base) ?? 0
      do {
        n++
        id = n === 1 ? base : `${base}-${n}`
      } while (used.has(id))
      seen.set(base, n)
      used.add(id)
    }
    const p: Paragraph = { id, index, kind: b.kind, text: stored[index] }
    if (b.list) p.list = b.list
    // Marks index into the text as built; keep them only if normalising left it unchanged (builders emit it so).
    if (b.marks?.length && stored[index] === b.text) p.marks = b.marks
    if (b.header) p.header = true
    if (b.group !== undefined) p.group = b.group
    if (b.page !== undefined) p.page = b.page
    return p
  })
  return result
}
