import { describe, expect, it } from 'vitest'
import { canonicalTag, suggestTags, tagCounts, UNTAGGED, withTag } from './tags'

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

describe('tag filter', () => {
  const items = [{ id: 1, tags: ['Risk', 'Leaders'] }, { id: 2, tags: ['risk'] }, { id: 3 }, { id: 4, tags: [] }]
  it('counts the tags on items, most used first', () => {
    expect(tagCounts(items)).toEqual([
      { name: 'Risk', count: 2 },
      { name: 'Leaders', count: 1 }
    ])
  })
  it('keeps the items with a tag (any case), the untagged ones, or all', () => {
    expect(withTag(items, 'RISK').map((i) => i.id)).toEqual([1, 2])
    expect(withTag(items, UNTAGGED).map((i) => i.id)).toEqual([3, 4])
    expect(withTag(items, null).map((i) => i.id)).toEqual([1, 2, 3, 4])
    expect(withTag(items, 'none')).toEqual([])
  })
})
