// Edits of an ACH matrix as the matrix editor makes them: pure functions from one matrix to the next (the input is
// never changed), so the editor only keeps the latest value and hands it to autosave. Ids of new hypotheses and
// evidence are short ("h3", "e12") and unique within the matrix.
import { sentenceAt, sentenceSpans } from './text'
import { MAX_EVIDENCE, MAX_HYPOTHESES, type AchEvidence, type AchMatrix, type AchRating, type AchSource, type AchWeight } from './ach'

function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const used = new Set(taken.map((x) => x.id))
  let n = taken.length + 1
  while (used.has(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}

/** Adds a hypothesis at the end (its label may be empty: the editor asks for it next). */
export function addHypothesis(m: AchMatrix, label = ''): { matrix: AchMatrix; id: string } {
  if (m.hypotheses.length >= MAX_HYPOTHESES) throw new RangeError(`A matrix can have at most ${MAX_HYPOTHESES} hypotheses.`)
  const id = nextId('h', m.hypotheses)
  return { matrix: { ...m, hypotheses: [...m.hypotheses, { id, label }] }, id }
}

export function renameHypothesis(m: AchMatrix, id: string, label: string): AchMatrix {
  return { ...m, hypotheses: m.hypotheses.map((h) => (h.id === id ? { ...h, label } : h)) }
}

/** Takes a hypothesis out, with its ratings. */
export function removeHypothesis(m: AchMatrix, id: string): AchMatrix {
  return {
    ...m,
    hypotheses: m.hypotheses.filter((h) => h.id !== id),
    evidence: m.evidence.map((e) => {
      if (!(id in e.ratings)) return e
      const ratings = { ...e.ratings }
      delete ratings[id]
      return { ...e, ratings }
    })
  }
}

export interface NewEvidence {
  label?: string
  source?: AchSource | null
}

/** Adds a piece of evidence at the end: medium credibility and relevance, nothing rated. */
export function addEvidence(m: AchMatrix, item: NewEvidence = {}): { matrix: AchMatrix; id: string } {
  if (m.evidence.length >= MAX_EVIDENCE) throw new RangeError(`A matrix can have at most ${MAX_EVIDENCE} pieces of evidence.`)
  const id = nextId('e', m.evidence)
  const e: AchEvidence = { id, label: item.label ?? '', source: item.source ?? null, credibility: 'medium', relevance: 'medium', ratings: {} }
  return { matrix: { ...m, evidence: [...m.evidence, e] }, id }
}

function patchEvidence(m: AchMatrix, id: string, patch: (e: AchEvidence) => AchEvidence): AchMatrix {
  return { ...m, evidence: m.evidence.map((e) => (e.id === id ? patch(e) : e)) }
}

export function relabelEvidence(m: AchMatrix, id: string, label: string): AchMatrix {
  return patchEvidence(m, id, (e) => ({ ...e, label }))
}

export function setWeight(m: AchMatrix, id: string, which: 'credibility' | 'relevance', weight: AchWeight): AchMatrix {
  return patchEvidence(m, id, (e) => ({ ...e, [which]: weight }))
}

export function removeEvidence(m: AchMatrix, id: string): AchMatrix {
  return { ...m, evidence: m.evidence.filter((e) => e.id !== id) }
}

/** Rates a cell (null: clears it). A hypothesis that is not in the matrix is refused. */
export function rate(m: AchMatrix, evidenceId: string, hypothesisId: string, rating: AchRating | null): AchMatrix {
  if (!m.hypotheses.some((h) => h.id === hypothesisId)) throw new RangeError('That hypothesis is not in the matrix.')
  return patchEvidence(m, evidenceId, (e) => {
    const ratings = { ...e.ratings }
    if (rating) ratings[hypothesisId] = rating
    else delete ratings[hypothesisId]
    return { ...e, ratings }
  })
}

/** Moves a row or column one place (-1 up/left, +1 down/right); unchanged at the ends. */
export function move(m: AchMatrix, kind: 'hypothesis' | 'evidence', id: string, by: -1 | 1): AchMatrix {
  const list = kind === 'hypothesis' ? m.hypotheses : m.evidence
  const i = list.findIndex((x) => x.id === id)
  const j = i + by
  if (i < 0 || j < 0 || j >= list.length) return m
  const next = [...list] as typeof list
  ;[next[i], next[j]] = [next[j], next[i]]
  return kind === 'hypothesis' ? { ...m, hypotheses: next as AchMatrix['hypotheses'] } : { ...m, evidence: next as AchMatrix['evidence'] }
}

export interface Cell {
  row: number
  col: number
}

/** The cell an arrow key (or Home/End, Tab) moves to in a rows × cols grid; null for other keys or an empty grid. */
export function moveCell(cell: Cell, key: string, rows: number, cols: number, shift = false): Cell | null {
  if (rows < 1 || cols < 1) return null
  const clamp = (n: number, max: number): number => Math.max(0, Math.min(max - 1, n))
  const { row, col } = { row: clamp(cell.row, rows), col: clamp(cell.col, cols) }
  switch (key) {
    case 'ArrowUp':
      return { row: clamp(row - 1, rows), col }
    case 'ArrowDown':
      return { row: clamp(row + 1, rows), col }
    case 'ArrowLeft':
      return { row, col: clamp(col - 1, cols) }
    case 'ArrowRight':
      return { row, col: clamp(col + 1, cols) }
    case 'Home':
      return { row, col: 0 }
    case 'End':
      return { row, col: cols - 1 }
    case 'Tab': {
      // Through the cells row by row, stopping at the first and last (then Tab leaves the grid).
      const at = row * cols + col + (shift ? -1 : 1)
      if (at < 0 || at >= rows * cols) return null
      return { row: Math.floor(at / cols), col: at % cols }
    }
    default:
      return null
  }
}

/** After a rating is typed: the next cell to the right, else the first cell of the next row, else where it is. */
export function afterRating(cell: Cell, rows: number, cols: number): Cell {
  if (cell.col + 1 < cols) return { row: cell.row, col: cell.col + 1 }
  if (cell.row + 1 < rows) return { row: cell.row + 1, col: 0 }
  return cell
}

/** "−2.83" for a weighted score ("0" for none), with a real minus sign. */
export function formatScore(x: number): string {
  if (Math.abs(x) < 1e-9) return '0'
  const s = Math.abs(x).toFixed(2).replace(/\.?0+$/, '')
  return x < 0 ? `\u2212${s}` : s
}

/** Longest label a picked passage gets (the analyst can shorten it). */
export const EVIDENCE_LABEL_CHARS = 400

/**
 * The label a passage picked as evidence starts with: the whole sentence(s) the excerpt is in, rather than an excerpt
 * cut mid-word; the excerpt itself (without its "…") when it is not found in the paragraph.
 */
export function evidenceLabel(paragraphText: string, excerpt: string): string {
  const bare = excerpt.replace(/^\s*…\s*|\s*…\s*$/g, '').trim()
  const at = bare ? paragraphText.indexOf(bare) : -1
  if (at < 0) return clip(bare || paragraphText.trim())
  const sentences = sentenceSpans(paragraphText)
  const first = sentences[sentenceAt(sentences, at)] ?? [0, paragraphText.length]
  const last = sentences[sentenceAt(sentences, at + bare.length - 1)] ?? first
  return clip(paragraphText.slice(first[0], last[1]).trim())
}

function clip(s: string): string {
  return s.length > EVIDENCE_LABEL_CHARS ? `${s.slice(0, EVIDENCE_LABEL_CHARS - 1).trimEnd()}…` : s
}
