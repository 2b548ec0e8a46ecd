import { describe, expect, it } from 'vitest'
import { GlossError } from '../errors'
import { checkMatrix, ratingForKey, scoreMatrix, type AchEvidence, type AchMatrix, type AchRating, type AchWeight } from './ach'

// Heuer, Psychology of Intelligence Analysis (CIA, 1999), chapter 8, figure 15: "Will Iraq retaliate for US bombing of
// its intelligence headquarters?" Heuer marks consistent "+", inconsistent "−" and very inconsistent "− −"; on the
// CC/C/N/I/II scale that is C, I and II. The chapter's text says of it: E1 "is assessed as consistent with all of the
// hypotheses. In other words, it has no diagnostic value"; E4 "is diagnostic"; "the double minus for E6 indicates this
// is considered a very strong argument against H1" — a linchpin assumption. (E2, E3 and E5 as the figure rates them,
// transcribed from the book; we could not re-check the figure offline.)
const H = [
  { id: 'H1', label: 'Iraq will not retaliate.' },
  { id: 'H2', label: 'It will sponsor some minor terrorist actions.' },
  { id: 'H3', label: 'Iraq is planning a major terrorist attack, perhaps against one or more CIA installations.' }
]
const row = (id: string, label: string, r: [AchRating, AchRating, AchRating], credibility: AchWeight = 'medium', relevance: AchWeight = 'medium'): AchEvidence => ({
  id,
  label,
  source: null,
  credibility,
  relevance,
  ratings: { H1: r[0], H2: r[1], H3: r[2] }
})
const heuer = (w: Partial<Record<string, [AchWeight, AchWeight]>> = {}): AchMatrix => ({
  title: 'Will Iraq retaliate for US bombing of its intelligence headquarters?',
  hypotheses: H,
  evidence: [
    row('E1', 'Saddam public statement of intention not to retaliate.', ['C', 'C', 'C'], ...(w.E1 ?? [])),
    row('E2', 'Absence of terrorist offensive during the 1991 Gulf War.', ['C', 'C', 'I'], ...(w.E2 ?? [])),
    row('E3', 'Assumption that Iraq would not want to provoke another US attack.', ['C', 'C', 'I'], ...(w.E3 ?? [])),
    row('E4', 'Increase in frequency/length of monitored Iraqi agent radio broadcasts.', ['I', 'C', 'C'], ...(w.E4 ?? [])),
    row('E5', 'Iraqi embassies instructed to take increased security precautions.', ['C', 'C', 'C'], ...(w.E5 ?? [])),
    row('E6', 'Assumption that failure to retaliate would be unacceptable loss of face for Saddam.', ['II', 'C', 'C'], ...(w.E6 ?? []))
  ]
})

describe('scoreMatrix on Heuer’s worked example', () => {
  it('ranks the hypotheses by the evidence against them (unweighted)', () => {
    // By hand: H1 = E4 (I, −1) + E6 (II, −2) = −3; H2 has no I or II = 0; H3 = E2 (−1) + E3 (−1) = −2.
    // Least inconsistent first: H2 (0), H3 (−2), H1 (−3).
    const { ranking } = scoreMatrix(heuer())
    expect(ranking.map((h) => [h.id, h.inconsistency, h.weighted, h.rank])).toEqual([
      ['H2', 0, 0, 1],
      ['H3', -2, -2, 2],
      ['H1', -3, -3, 3]
    ])
    expect(ranking.find((h) => h.id === 'H1')!.counts).toMatchObject({ C: 4, I: 1, II: 1 })
  })

  it('finds E1 and E5 non-diagnostic and E6 the most diagnostic', () => {
    // By hand (medium weights, ×1): E1 and E5 count 0 against every hypothesis → spread 0, no diagnostic value.
    // E2, E3: {0, 0, −1} → 1. E4: {−1, 0, 0} → 1. E6: {−2, 0, 0} → 2.
    const { evidence } = scoreMatrix(heuer())
    expect(evidence.map((e) => [e.id, e.diagnosticity, e.nonDiagnostic])).toEqual([
      ['E1', 0, true],
      ['E2', 1, false],
      ['E3', 1, false],
      ['E4', 1, false],
      ['E5', 0, true],
      ['E6', 2, false]
    ])
  })

  it('weighs evidence by credibility and relevance (low 1/√2, medium 1, high √2)', () => {
    // E2 and E3 highly credible and highly relevant: each I counts −1 × √2 × √2 = −2, so H3 = −4.
    // E6, an assumption of low credibility (medium relevance): II counts −2 × 1/√2 × 1 = −1.414214; with E4 (−1),
    // H1 = −2.414214. The ranking becomes H2 (0), H1 (−2.414214), H3 (−4); the unweighted scores are unchanged.
    const { ranking, evidence } = scoreMatrix(heuer({ E2: ['high', 'high'], E3: ['high', 'high'], E6: ['low', 'medium'] }))
    expect(ranking.map((h) => [h.id, h.inconsistency, h.weighted, h.rank])).toEqual([
      ['H2', 0, 0, 1],
      ['H1', -3, -2.414214, 2],
      ['H3', -2, -4, 3]
    ])
    expect(evidence.find((e) => e.id === 'E6')!.diagnosticity).toBe(1.414214)
  })
})

describe('scoreMatrix', () => {
  it('gives equal scores the same rank and keeps matrix order among them', () => {
    const m: AchMatrix = {
      title: 't',
      hypotheses: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' }
      ],
      evidence: [row('e', 'x', ['I', 'C', 'I'])].map((e) => ({ ...e, ratings: { a: 'I', b: 'C', c: 'I' } as Record<string, AchRating> }))
    }
    expect(scoreMatrix(m).ranking.map((h) => [h.id, h.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2]
    ])
  })

  it('does not judge the diagnosticity of evidence rated for fewer than two hypotheses, and ignores NA', () => {
    const m = heuer()
    m.evidence[0].ratings = { H1: 'I' }
    m.evidence[1].ratings = { H1: 'I', H2: 'NA', H3: 'I' }
    const [e1, e2] = scoreMatrix(m).evidence
    expect(e1).toEqual({ id: 'E1', diagnosticity: null, nonDiagnostic: false })
    // Inconsistent with both hypotheses it applies to: it cannot tell them apart.
    expect(e2).toEqual({ id: 'E2', diagnosticity: 0, nonDiagnostic: true })
  })
})

describe('checkMatrix', () => {
  const fails = (m: AchMatrix): string => {
    try {
      checkMatrix(m)
    } catch (e) {
      expect(e).toBeInstanceOf(GlossError)
      return (e as Error).message
    }
    throw new Error('expected a failure')
  }

  it('refuses duplicate ids, ratings of unknown hypotheses and a blank title, saying which', () => {
    expect(fails({ ...heuer(), title: '  ' })).toBe('The matrix was not saved: it needs a title.')
    expect(fails({ ...heuer(), hypotheses: [...H, { id: 'H2', label: 'again' }] })).toBe('The matrix was not saved: hypothesis 4 has the same id as another one.')
    const m = heuer()
    m.evidence[2].ratings.H9 = 'C'
    expect(fails(m)).toBe('The matrix was not saved: evidence 3 (“Assumption that Iraq would not want to…”) rates a hypothesis that is not in the matrix.')
    expect(checkMatrix({ ...heuer(), title: '  Iraq \n retaliation ' }).title).toBe('Iraq retaliation')
  })
})

describe('ratingForKey', () => {
  it('maps keys to ratings (Shift doubles), Delete clears, others are ignored', () => {
    expect(['1', '2', '3', '4', '5', 'c', 'C', 'i', 'I', 'n', 'a', 'Delete', 'x'].map(ratingForKey)).toEqual(['CC', 'C', 'N', 'I', 'II', 'C', 'CC', 'I', 'II', 'N', 'NA', null, undefined])
  })
})
