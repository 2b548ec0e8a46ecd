// Analysis of Competing Hypotheses (Heuer, Psychology of Intelligence Analysis, ch. 8): hypotheses across, evidence
// down, each cell rated on Heuer's scale — CC very consistent, C consistent, N neutral, I inconsistent, II very
// inconsistent (NA: not applicable). The method looks for evidence *against* each hypothesis: the hypothesis with the
// least inconsistent evidence is the most likely, and evidence consistent with every hypothesis has no diagnostic
// value. Scores follow the PARC ACH 2.0 software (Heuer and Palo Alto Research Center): I counts −1 and II −2, the
// others 0; weighted, each is multiplied by the evidence's credibility and relevance (low 1/√2, medium 1, high √2).
import { GlossError } from '../errors'
import { minuteStamp } from '../ids'

export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const
export type AchRating = (typeof ACH_RATINGS)[number]

export const ACH_WEIGHTS = ['low', 'medium', 'high'] as const
export type AchWeight = (typeof ACH_WEIGHTS)[number]

export const RATING_LABELS: Record<AchRating, string> = {
  CC: 'Very consistent',
  C: 'Consistent',
  N: 'Neutral',
  I: 'Inconsistent',
  II: 'Very inconsistent',
  NA: 'Not applicable'
}

/** What a rating counts against a hypothesis. */
export const INCONSISTENCY: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: -1, II: -2, NA: 0 }
/** Credibility and relevance multipliers (PARC ACH 2.0). */
export const WEIGHT: Record<AchWeight, number> = { low: Math.SQRT1_2, medium: 1, high: Math.SQRT2 }

/** Current format of a stored matrix. A matrix of another format opens read-only. */
export const ACH_FORMAT = 1

export const MAX_ACH_TITLE = 200
export const MAX_HYPOTHESES = 30
export const MAX_EVIDENCE = 500
export const MAX_ACH_LABEL = 2000

export interface AchHypothesis {
  /** Unique within the matrix (the editor makes them; any short text). */
  id: string
  label: string
}

/** Where a piece of evidence comes from: a cited paragraph or a highlight of one of the project's sources. */
export type AchSource =
  | { kind: 'paragraph'; articleId: string; paragraphId: string; quote: string }
  | { kind: 'highlight'; highlightId: string; articleId: string; paragraphId: string | null; quote: string }

export interface AchEvidence {
  id: string
  /** How the analyst states the evidence (or an assumption, when it has no source). */
  label: string
  source: AchSource | null
  credibility: AchWeight
  relevance: AchWeight
  /** Hypothesis id → rating; a hypothesis left out is not rated yet. */
  ratings: Record<string, AchRating>
}

export interface AchMatrix {
  title: string
  hypotheses: AchHypothesis[]
  evidence: AchEvidence[]
}

export interface HypothesisScore {
  id: string
  label: string
  /** Unweighted: −1 per I, −2 per II. */
  inconsistency: number
  /** Each I/II multiplied by its evidence's credibility and relevance. */
  weighted: number
  /** 1 for the least inconsistent; equal scores share a rank (1, 1, 3). */
  rank: number
  counts: Record<AchRating, number>
  /** Evidence rated for this hypothesis. */
  rated: number
}

/**
 * Diagnosticity is measured on what the method scores — the evidence against each hypothesis: evidence that is
 * inconsistent with none of them (only CC, C, N) or with all of them alike cannot change the ranking, whatever its
 * consistent ratings say; Heuer: "if an item of evidence seems consistent with all the hypotheses, it may have no
 * diagnostic value".
 */
export interface EvidenceScore {
  id: string
  /** Spread of the weighted inconsistency across the rated hypotheses (max − min); null with fewer than two rated. */
  diagnosticity: number | null
  /** Counts the same against every hypothesis it is rated for (e.g. consistent with all): it cannot tell them apart. */
  nonDiagnostic: boolean
}

export interface AchScores {
  /** Least inconsistent first (ties in matrix order). */
  ranking: HypothesisScore[]
  evidence: EvidenceScore[]
}

const EPS = 1e-9

/** Scores a matrix: each hypothesis's inconsistency (ranked) and each piece of evidence's diagnosticity. */
export function scoreMatrix(m: AchMatrix): AchScores {
  const scores: HypothesisScore[] = m.hypotheses.map((h) => {
    const counts = Object.fromEntries(ACH_RATINGS.map((r) => [r, 0])) as Record<AchRating, number>
    let inconsistency = 0
    let weighted = 0
    let rated = 0
    for (const e of m.evidence) {
      const r = e.ratings[h.id]
      if (!r) continue
      rated++
      counts[r]++
      inconsistency += INCONSISTENCY[r]
      weighted += INCONSISTENCY[r] * WEIGHT[e.credibility] * WEIGHT[e.relevance]
    }
    return { id: h.id, label: h.label, inconsistency, weighted: round(weighted), rank: 0, counts, rated }
  })
  const ranking = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s.weighted - a.s.weighted || a.i - b.i).map((x) => x.s)
  ranking.forEach((s, i) => {
    s.rank = i > 0 && Math.abs(ranking[i - 1].weighted - s.weighted) < EPS ? ranking[i - 1].rank : i + 1
  })
  const evidence = m.evidence.map((e): EvidenceScore => {
    const values = m.hypotheses
      .map((h) => e.ratings[h.id])
      .filter((r): r is AchRating => !!r && r !== 'NA')
      .map((r) => INCONSISTENCY[r] * WEIGHT[e.credibility] * WEIGHT[e.relevance])
    if (values.length < 2) return { id: e.id, diagnosticity: null, nonDiagnostic: false }
    const spread = round(Math.max(...values) - Math.min(...values))
    return { id: e.id, diagnosticity: spread, nonDiagnostic: spread < EPS }
  })
  return { ranking, evidence }
}

function round(x: number): number {
  const r = Math.round(x * 1e6) / 1e6
  return Object.is(r, -0) ? 0 : r
}

/** A new, empty matrix. */
export function emptyMatrix(title: string): AchMatrix {
  return { title, hypotheses: [], evidence: [] }
}

/**
 * Checks what the shape check cannot: ids unique, ratings only for hypotheses of the matrix, title not blank. Throws
 * GlossError('invalid_input') saying what is wrong, in the user's words; returns the matrix tidied (titles trimmed).
 */
export function checkMatrix(m: AchMatrix): AchMatrix {
  const fail = (msg: string): never => {
    throw new GlossError('invalid_input', `The matrix was not saved: ${msg}.`)
  }
  const title = m.title.replace(/\s+/g, ' ').trim()
  if (!title) fail('it needs a title')
  const hypothesisIds = new Set<string>()
  m.hypotheses.forEach((h, i) => {
    if (hypothesisIds.has(h.id)) fail(`hypothesis ${i + 1} has the same id as another one`)
    hypothesisIds.add(h.id)
  })
  const evidenceIds = new Set<string>()
  m.evidence.forEach((e, i) => {
    if (evidenceIds.has(e.id)) fail(`evidence ${i + 1} has the same id as another one`)
    evidenceIds.add(e.id)
    for (const hid of Object.keys(e.ratings)) {
      if (!hypothesisIds.has(hid)) fail(`evidence ${i + 1} (“${short(e.label)}”) rates a hypothesis that is not in the matrix`)
    }
  })
  return { ...m, title }
}

/** The title of a conflicted copy of a matrix ("Why now? (conflicted copy 2026-12-01 10:15)"), within MAX_ACH_TITLE. */
export function conflictedCopyTitle(title: string, d = new Date()): string {
  const suffix = ` (conflicted copy ${minuteStamp(d)})`
  return title.length + suffix.length > MAX_ACH_TITLE ? `${title.slice(0, MAX_ACH_TITLE - suffix.length - 1)}…${suffix}` : title + suffix
}

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > 40 ? `${t.slice(0, 39).trimEnd()}…` : t || 'untitled'
}

/** Keyboard entry in a cell: 1–5 or the letters, Shift for the doubled rating; Delete or Backspace clears. */
export function ratingForKey(key: string): AchRating | null | undefined {
  const map: Record<string, AchRating | null> = {
    '1': 'CC', '2': 'C', '3': 'N', '4': 'I', '5': 'II', '0': 'NA',
    c: 'C', C: 'CC', n: 'N', N: 'N', i: 'I', I: 'II', a: 'NA', A: 'NA',
    Delete: null, Backspace: null
  }
  return key in map ? map[key] : undefined
}
