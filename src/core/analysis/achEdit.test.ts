import { describe, expect, it } from 'vitest'
import { checkMatrix, emptyMatrix, scoreMatrix } from './ach'
import { addEvidence, addHypothesis, afterRating, evidenceLabel, formatScore, move, moveCell, rate, removeEvidence, removeHypothesis, renameHypothesis, setWeight } from './achEdit'

function threeByFour() {
  let m = emptyMatrix('Who cut the cable?')
  for (const label of ['Accident', 'Sabotage', 'Wear']) m = addHypothesis(m, label).matrix
  for (const label of ['Anchor drag marks', 'Ship loitered', 'Cable was old', 'Claim of responsibility']) m = addEvidence(m, { label }).matrix
  return m
}

describe('matrix edits', () => {
  it('builds a 3 × 4 matrix with unique ids that passes the backend check', () => {
    const m = threeByFour()
    expect(m.hypotheses.map((h) => h.id)).toEqual(['h1', 'h2', 'h3'])
    expect(m.evidence.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4'])
    expect(m.evidence[0]).toMatchObject({ credibility: 'medium', relevance: 'medium', ratings: {}, source: null })
    expect(() => checkMatrix(m)).not.toThrow()
  })

  it('never reuses an id after a removal', () => {
    let m = threeByFour()
    m = removeHypothesis(m, 'h1')
    const { id } = addHypothesis(m)
    expect(id).not.toBe('h2')
    expect(new Set([...m.hypotheses.map((h) => h.id), id]).size).toBe(3)
  })

  it('rates and clears cells without touching the input', () => {
    const m = threeByFour()
    const rated = rate(m, 'e1', 'h2', 'II')
    expect(rated.evidence[0].ratings).toEqual({ h2: 'II' })
    expect(m.evidence[0].ratings).toEqual({})
    expect(rate(rated, 'e1', 'h2', null).evidence[0].ratings).toEqual({})
    expect(() => rate(m, 'e1', 'nope', 'C')).toThrow(/not in the matrix/)
  })

  it('removing a hypothesis removes its ratings (the matrix stays valid)', () => {
    const m = removeHypothesis(rate(threeByFour(), 'e1', 'h2', 'I'), 'h2')
    expect(m.evidence[0].ratings).toEqual({})
    expect(() => checkMatrix(m)).not.toThrow()
  })

  it('renames, weights, removes and moves', () => {
    let m = threeByFour()
    m = renameHypothesis(m, 'h1', 'Accident at sea')
    m = setWeight(m, 'e2', 'credibility', 'high')
    m = move(m, 'evidence', 'e2', -1)
    m = removeEvidence(m, 'e4')
    expect(m.hypotheses[0].label).toBe('Accident at sea')
    expect(m.evidence.map((e) => e.id)).toEqual(['e2', 'e1', 'e3'])
    expect(m.evidence[0].credibility).toBe('high')
    expect(move(m, 'hypothesis', 'h1', -1)).toBe(m)
  })

  it('ranks a keyboard-built matrix as the method says', () => {
    let m = threeByFour()
    const cells: [string, string, 'CC' | 'C' | 'N' | 'I' | 'II'][] = [
      ['e1', 'h1', 'C'], ['e1', 'h2', 'C'], ['e1', 'h3', 'I'],
      ['e2', 'h1', 'I'], ['e2', 'h2', 'CC'], ['e2', 'h3', 'N'],
      ['e3', 'h1', 'C'], ['e3', 'h2', 'C'], ['e3', 'h3', 'C'],
      ['e4', 'h1', 'II'], ['e4', 'h2', 'C'], ['e4', 'h3', 'I']
    ]
    for (const [e, h, r] of cells) m = rate(m, e, h, r)
    const s = scoreMatrix(m)
    // By hand: Accident −1 −2 = −3; Sabotage 0; Wear −1 −1 = −2.
    expect(s.ranking.map((h) => [h.label, h.weighted, h.rank])).toEqual([
      ['Sabotage', 0, 1],
      ['Wear', -2, 2],
      ['Accident', -3, 3]
    ])
    expect(s.evidence.find((e) => e.id === 'e3')!.nonDiagnostic).toBe(true)
  })
})

describe('grid keys', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowRight', 4, 3)).toEqual({ row: 0, col: 1 })
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 4, 3)).toEqual({ row: 0, col: 0 })
    expect(moveCell({ row: 3, col: 2 }, 'ArrowDown', 4, 3)).toEqual({ row: 3, col: 2 })
    expect(moveCell({ row: 1, col: 1 }, 'End', 4, 3)).toEqual({ row: 1, col: 2 })
    expect(moveCell({ row: 1, col: 1 }, 'Home', 4, 3)).toEqual({ row: 1, col: 0 })
    expect(moveCell({ row: 0, col: 0 }, 'x', 4, 3)).toBeNull()
    expect(moveCell({ row: 0, col: 0 }, 'ArrowDown', 0, 3)).toBeNull()
  })

  it('Tab walks row by row and leaves the grid at its ends', () => {
    expect(moveCell({ row: 0, col: 2 }, 'Tab', 4, 3)).toEqual({ row: 1, col: 0 })
    expect(moveCell({ row: 1, col: 0 }, 'Tab', 4, 3, true)).toEqual({ row: 0, col: 2 })
    expect(moveCell({ row: 3, col: 2 }, 'Tab', 4, 3)).toBeNull()
    expect(moveCell({ row: 0, col: 0 }, 'Tab', 4, 3, true)).toBeNull()
  })

  it('after a rating moves right, then to the next row', () => {
    expect(afterRating({ row: 0, col: 0 }, 4, 3)).toEqual({ row: 0, col: 1 })
    expect(afterRating({ row: 0, col: 2 }, 4, 3)).toEqual({ row: 1, col: 0 })
    expect(afterRating({ row: 3, col: 2 }, 4, 3)).toEqual({ row: 3, col: 2 })
  })

  it('formats scores with a minus sign', () => {
    expect(formatScore(-2.8284271)).toBe('\u22122.83')
    expect(formatScore(-3)).toBe('\u22123')
    expect(formatScore(0)).toBe('0')
  })
})

describe('evidenceLabel', () => {
  const text = 'Meanwhile in Ukraine, the Russian military has been faltering. Ukrainian forces have been rolling out a counteroffensive in the south. Kherson was captured early.'
  it('widens an excerpt to the sentences it is in', () => {
    expect(evidenceLabel(text, '…forces have been rolling out a counteroffensive…')).toBe('Ukrainian forces have been rolling out a counteroffensive in the south.')
    expect(evidenceLabel(text, 'faltering. Ukrainian forces')).toBe('Meanwhile in Ukraine, the Russian military has been faltering. Ukrainian forces have been rolling out a counteroffensive in the south.')
  })
  it('keeps the excerpt when the paragraph does not hold it, and clips long ones', () => {
    expect(evidenceLabel(text, '…something else…')).toBe('something else')
    expect(evidenceLabel('x'.repeat(500), 'x'.repeat(450)).length).toBe(400)
  })
})
