import { describe, expect, it } from 'vitest'
import { canonicalTag, suggestTags } from './tags'

const known = [
  { name: 'Risk', count: 3 },
  { name: 'Shipping routes', count: 5 },
  { name: 'Insurance risk', count: 1 },
  { name: 'Leaders', count: 9 },
  { name: 'Résumé', count: 2 }
]
const names = (list: { name: string }[]): string[] => list.map((t) => t.name)

describe('suggestTags', () => {
  it('offers names starting with the input, then word starts, then anywhere, most used first', () => {
    expect(names(suggestTags(known, 'ri', []))).toEqual(['Risk', 'Insurance risk'])
    expect(names(suggestTags(known, 'rou', []))).toEqual(['Shipping routes'])
    expect(names(suggestTags(known, 'isk', []))).toEqual(['Risk', 'Insurance risk'])
    expect(names(suggestTags(known, 'resu', []))).toEqual(['Résumé'])
    expect(suggestTags(known, 'zzz', [])).toEqual([])
  })
  it('leaves out tags already applied and offers the most used on an empty input', () => {
    expect(names(suggestTags(known, '', ['LEADERS'], 3))).toEqual(['Shipping routes', 'Risk', 'Résumé'])
    expect(names(suggestTags(known, 'r', ['risk']))).toEqual(['Résumé', 'Shipping routes', 'Insurance risk', 'Leaders'])
  })
})

describe('canonicalTag', () => {
  it('uses a known spelling for a name typed in another case, else the name as typed (spaces collapsed)', () => {
    expect(canonicalTag(known, ' risk ')).toBe('Risk')
    expect(canonicalTag(known, 'New   tag')).toBe('New tag')
  })
})
