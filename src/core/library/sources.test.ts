import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../model'
import { authorKey, filterSources, formatsIn, isFiltering, NO_FILTER, publishedKey, sortSources, sourceTagsIn, taggedSources } from './sources'

let n = 0
function source(over: Partial<ArticleSummary>): ArticleSummary {
  n++
  return {
    id: `a${n}`,
    title: `Source ${n}`,
    authors: [],
    publisher: null,
    publishedAt: null,
    url: null,
    accessedAt: null,
    fileName: null,
    lang: null,
    excerpt: null,
    format: 'html',
    createdAt: `2026-01-${String(n).padStart(2, '0')}T10:00:00.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    paragraphCount: 1,
    highlightCount: 0,
    noteCount: 0,
    tags: [],
    projectIds: [],
    ...over
  }
}

const grain = source({ title: 'The grain corridor reopens', authors: ['Olena Kovalenko'], publisher: 'Kyiv Post', url: 'https://www.kyivpost.example/grain', publishedAt: '2024-03-15', format: 'html', tags: ['Trade'] })
const memo = source({ title: 'Insurance memo', authors: ['Smith, Jane'], publisher: null, format: 'pdf', publishedAt: '2023', tags: ['Risk', 'trade'] })
const book = source({ title: 'Émigré voices', authors: ['Ahmed Haddad', 'Zoe Adams'], format: 'epub', publishedAt: 'Spring 2020' })
const paste = source({ title: 'A pasted text', format: 'txt' })
const all = [grain, memo, book, paste]

describe('filterSources', () => {
  it('finds every word in title, authors, publisher or site, ignoring case and diacritics', () => {
    expect(filterSources(all, { ...NO_FILTER, text: 'GRAIN' })).toEqual([grain])
    expect(filterSources(all, { ...NO_FILTER, text: 'kovalenko corridor' })).toEqual([grain])
    expect(filterSources(all, { ...NO_FILTER, text: 'kyivpost' })).toEqual([grain])
    expect(filterSources(all, { ...NO_FILTER, text: 'kyiv post' })).toEqual([grain])
    expect(filterSources(all, { ...NO_FILTER, text: 'emigre' })).toEqual([book])
    expect(filterSources(all, { ...NO_FILTER, text: 'jane' })).toEqual([memo])
    expect(filterSources(all, { ...NO_FILTER, text: 'grain memo' })).toEqual([])
    expect(filterSources(all, { ...NO_FILTER, text: '   ' })).toEqual(all)
  })
  it('narrows by format and by tag (any case), on the source or on its highlights', () => {
    expect(filterSources(all, { ...NO_FILTER, format: 'pdf' })).toEqual([memo])
    expect(filterSources(all, { ...NO_FILTER, tag: 'TRADE' })).toEqual([grain, memo])
    expect(filterSources(all, { ...NO_FILTER, tag: 'Risk', format: 'html' })).toEqual([])
    const index = taggedSources([{ tag: 'Voices', passages: [{ articleId: book.id }, { articleId: book.id }] }, { tag: 'risk', passages: [{ articleId: paste.id }] }])
    expect(filterSources(all, { ...NO_FILTER, tag: 'voices' }, index)).toEqual([book])
    expect(filterSources(all, { ...NO_FILTER, tag: 'Risk' }, index)).toEqual([memo, paste])
  })
  it('knows when it filters', () => {
    expect(isFiltering(NO_FILTER)).toBe(false)
    expect(isFiltering({ ...NO_FILTER, text: ' ' })).toBe(false)
    expect(isFiltering({ ...NO_FILTER, tag: 'x' })).toBe(true)
  })
})

describe('sortSources', () => {
  const titles = (list: ArticleSummary[]): string[] => list.map((a) => a.title)
  it('by date added: newest first', () => {
    expect(titles(sortSources(all, 'added'))).toEqual(['A pasted text', 'Émigré voices', 'Insurance memo', 'The grain corridor reopens'])
  })
  it('by date published: newest first, unreadable dates last', () => {
    expect(titles(sortSources(all, 'published'))).toEqual(['The grain corridor reopens', 'Insurance memo', 'A pasted text', 'Émigré voices'])
    expect(publishedKey('2024-03-15T10:00:00Z')).toBe('2024-03-15')
    expect(publishedKey('Spring 2020')).toBeNull()
  })
  it('by title: A to Z without a leading article, diacritics ignored', () => {
    expect(titles(sortSources(all, 'title'))).toEqual(['Émigré voices', 'The grain corridor reopens', 'Insurance memo', 'A pasted text'])
  })
  it('by author: family name of the first author, sources without one last', () => {
    expect(titles(sortSources(all, 'author'))).toEqual(['Émigré voices', 'The grain corridor reopens', 'Insurance memo', 'A pasted text'])
    expect(authorKey('Jane Smith')).toBe('smith jane')
    expect(authorKey('Smith, Jane')).toBe('smith jane')
    expect(authorKey('Reuters')).toBe('reuters')
  })
  it('does not change the list it is given', () => {
    const copy = [...all]
    sortSources(all, 'title')
    expect(all).toEqual(copy)
  })
})

describe('formats and tags in a list', () => {
  it('lists the formats present in the order given, and tags by use', () => {
    expect(formatsIn(all, ['txt', 'md', 'html', 'pdf', 'epub', 'docx'])).toEqual(['txt', 'html', 'pdf', 'epub'])
    expect(sourceTagsIn(all)).toEqual([
      { name: 'Trade', count: 2 },
      { name: 'Risk', count: 1 }
    ])
  })
})
