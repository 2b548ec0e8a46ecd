import { describe, expect, it } from 'vitest'
import type { PMNode } from '../model'
import { chipLabel, chipsNameSources, citedArticles } from './chips'

const ref = (articleId: string): PMNode => ({ type: 'paragraphRef', attrs: { articleId, paragraphId: 'p', quote: '', label: '1' } })

describe('chip labels', () => {
  it('name sources when the note cites more than one, or one that is not its own article', () => {
    expect(chipsNameSources('a', [])).toBe(false)
    expect(chipsNameSources('a', ['a', 'a'])).toBe(false)
    expect(chipsNameSources('a', ['a', 'b'])).toBe(true)
    expect(chipsNameSources('a', ['b'])).toBe(true)
    // A project note (no article of its own) names even a single source.
    expect(chipsNameSources(null, ['a'])).toBe(true)
    expect(chipsNameSources(null, [])).toBe(false)
  })
  it('read "¶12" or "Short title ¶12"', () => {
    expect(chipLabel(12, null)).toBe('¶12')
    expect(chipLabel(12, 'Grain memo')).toBe('Grain memo ¶12')
    expect(chipLabel(null, null)).toBe('¶?')
  })
  it('collect the cited articles of a note in first-citation order', () => {
    const doc: PMNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x' }, ref('b'), ref('a')] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [ref('b'), ref('c')] }] }
      ]
    }
    expect(citedArticles(doc)).toEqual(['b', 'a', 'c'])
    expect(citedArticles(null)).toEqual([])
  })
})
