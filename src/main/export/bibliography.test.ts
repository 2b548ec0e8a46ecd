// The bibliography through citation-js (its CSL engine and the three styles), from stored source details.
import { describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../../core/model'
import { toCslItem } from '../../core/report/csl'
import { RESOURCES } from '../services/test-helpers'
import { formatBibliography as format } from './bibliography'

const formatBibliography = (items: Parameters<typeof format>[0], style: Parameters<typeof format>[1]) => format(items, style, RESOURCES)

const base = { createdAt: '', updatedAt: '', lang: 'en', excerpt: null, accessedAt: null, fileName: null, url: null, publisher: null, publishedAt: null }
const items = [
  toCslItem({
    ...base,
    id: 'news',
    title: 'Ministers agree on grain corridor',
    authors: ['Jane Smith', 'Omar Haddad'],
    publisher: 'The Daily Ledger',
    publishedAt: '2024-03-15',
    url: 'https://ledger.example/grain',
    accessedAt: '2026-11-30T10:00:00.000Z',
    format: 'html'
  } satisfies ArticleMeta),
  toCslItem({ ...base, id: 'pdf', title: 'Black Sea shipping risk: an assessment', authors: ['Institute for Maritime Studies'], publisher: 'IMS Press', publishedAt: '2023', fileName: 'risk.pdf', format: 'pdf' }),
  toCslItem({ ...base, id: 'book', title: 'The grain trade', authors: ['Ann Abbott'], publisher: 'Penguin', publishedAt: '2019-05-02', fileName: 'grain.epub', format: 'epub' })
]

describe('formatBibliography', () => {
  it('APA: author–date order, initials, sentence-case titles, the address; no access date', () => {
    const entries = formatBibliography(items, 'apa')
    expect(entries.map((e) => e.id)).toEqual(['book', 'pdf', 'news'])
    expect(entries.map((e) => e.text)).toEqual([
      'Abbott, A. (2019). The grain trade. Penguin.',
      'Institute for Maritime Studies. (2023). Black Sea shipping risk: an assessment. IMS Press.',
      'Smith, J., & Haddad, O. (2024, March 15). Ministers agree on grain corridor. The Daily Ledger. https://ledger.example/grain'
    ])
    expect(entries[0].html).toBe('Abbott, A. (2019). <i>The grain trade</i>. Penguin.')
  })

  it('Chicago author-date: full names, title case, quoted article titles, the address', () => {
    const entries = formatBibliography(items, 'chicago-author-date')
    expect(entries.map((e) => e.text)).toEqual([
      'Abbott, Ann. 2019. The Grain Trade. Penguin.',
      'Institute for Maritime Studies. 2023. Black Sea Shipping Risk: An Assessment. IMS Press.',
      'Smith, Jane, and Omar Haddad. 2024. “Ministers Agree on Grain Corridor.” The Daily Ledger, March 15, 2024. https://ledger.example/grain.'
    ])
  })

  it('Harvard: "Available at" with the accessed date, British date order', () => {
    const news = formatBibliography(items, 'harvard').find((e) => e.id === 'news')!
    expect(news.text).toBe(
      'Smith, J. and Haddad, O. (2024) ‘Ministers agree on grain corridor’, The Daily Ledger, 15 March. Available at: https://ledger.example/grain (Accessed: 30 November 2026).'
    )
  })

  it('formats nothing for no sources, and escapes what it is given', () => {
    expect(formatBibliography([], 'apa')).toEqual([])
    const [hostile] = formatBibliography([toCslItem({ ...base, id: 'x', title: '<script>alert(1)</script> & co', authors: [], format: 'txt' })], 'apa')
    expect(hostile.html).not.toContain('<script>')
    expect(hostile.text).toBe('<script>alert(1)</script> & co. (n.d.).')
    expect(hostile.html).toBe('<i>&#60;script&#62;alert(1)&#60;/script&#62; &#38; co</i>. (n.d.).')
  })
})
