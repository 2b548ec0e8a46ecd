import { describe, expect, it } from 'vitest'
import type { ParagraphSuggestion } from '../api/results'
import { groupSuggestions } from './suggestions'

function option(articleId: string, shortTitle: string, number: number, scope: ParagraphSuggestion['scope']): ParagraphSuggestion {
  return { articleId, articleTitle: shortTitle, shortTitle, paragraphId: `${articleId}-${number}`, number, page: null, snippet: 's', matches: [], scope }
}

describe('groupSuggestions', () => {
  it('groups by scope in scope order, labelled, with indices into the flat list', () => {
    const items = [option('m', 'Grain memo', 2, 'article'), option('m', 'Grain memo', 5, 'article'), option('r', 'Report', 1, 'project'), option('x', 'Other', 3, 'library')]
    const groups = groupSuggestions(items, true)
    expect(groups.map((g) => [g.scope, g.label, g.items.map((i) => i.index)])).toEqual([
      ['article', 'In “Grain memo”', [0, 1]],
      ['project', 'In this project', [2]],
      ['library', 'Elsewhere in the library', [3]]
    ])
    expect(groupSuggestions([items[3]], false)[0].label).toBe('Other sources')
    expect(groupSuggestions([], true)).toEqual([])
  })
})
