import { describe, expect, it } from 'vitest'
import type { ArticleMeta } from '../model'
import { cslDate, cslName, toCslItem } from './csl'

const meta = (over: Partial<ArticleMeta>): ArticleMeta => ({
  id: 'a1',
  title: 'Ministers agree on grain corridor',
  authors: [],
  publisher: null,
  publishedAt: null,
  url: null,
  accessedAt: null,
  fileName: null,
  lang: null,
  excerpt: null,
  format: 'html',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over
})

describe('cslName', () => {
  it('splits people into family and given names, with particles and suffixes', () => {
    expect(cslName('Jane Smith')).toEqual({ given: 'Jane', family: 'Smith' })
    expect(cslName('Smith, Jane')).toEqual({ given: 'Jane', family: 'Smith' })
    expect(cslName('Ludwig van Beethoven')).toEqual({ given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' })
    expect(cslName('Martin Luther King Jr.')).toEqual({ given: 'Martin Luther', family: 'King', suffix: 'Jr.' })
    expect(cslName('  Jean-Paul   Sartre ')).toEqual({ given: 'Jean-Paul', family: 'Sartre' })
  })

  it('keeps organisations and one-word bylines whole', () => {
    for (const org of ['Reuters', 'The Associated Press', 'NPR Staff', 'Ministry of Defence', 'Institute for Maritime Studies', 'BBC News', 'AT&T'])
      expect(cslName(org)).toEqual({ literal: org })
  })
})

describe('cslDate', () => {
  it('reads ISO dates, timestamps, months and years, and written dates', () => {
    expect(cslDate('2024-03-15')).toEqual({ 'date-parts': [[2024, 3, 15]] })
    expect(cslDate('2026-11-30T10:00:00.000Z')).toEqual({ 'date-parts': [[2026, 11, 30]] })
    expect(cslDate('2023')).toEqual({ 'date-parts': [[2023]] })
    expect(cslDate('March 15, 2024')).toEqual({ 'date-parts': [[2024, 3, 15]] })
    expect(cslDate('15 March 2024')).toEqual({ 'date-parts': [[2024, 3, 15]] })
    expect(cslDate('Spring issue')).toEqual({ raw: 'Spring issue' })
    expect(cslDate('  ')).toBeUndefined()
    expect(cslDate(null)).toBeUndefined()
  })
})

describe('toCslItem', () => {
  it('maps a signed, dated news page to article-newspaper with its site, address and accessed date', () => {
    const item = toCslItem(
      meta({ authors: ['Jane Smith', 'Reuters'], publisher: 'The Daily Ledger', publishedAt: '2024-03-15', url: 'https://ledger.example/grain', accessedAt: '2026-11-30T10:00:00.000Z', lang: 'en' })
    )
    expect(item).toEqual({
      id: 'a1',
      type: 'article-newspaper',
      title: 'Ministers agree on grain corridor',
      author: [{ given: 'Jane', family: 'Smith' }, { literal: 'Reuters' }],
      'container-title': 'The Daily Ledger',
      issued: { 'date-parts': [[2024, 3, 15]] },
      URL: 'https://ledger.example/grain',
      accessed: { 'date-parts': [[2026, 11, 30]] },
      language: 'en'
    })
  })

  it('maps an unsigned page to webpage, a PDF with a publisher to report, an EPUB to book, other files to document', () => {
    expect(toCslItem(meta({ url: 'https://x.example', publisher: 'X' })).type).toBe('webpage')
    const pdf = toCslItem(meta({ format: 'pdf', publisher: 'IMS Press', fileName: 'risk.pdf' }))
    expect(pdf).toMatchObject({ type: 'report', publisher: 'IMS Press', note: 'risk.pdf' })
    expect(pdf.URL).toBeUndefined()
    expect(toCslItem(meta({ format: 'pdf' })).type).toBe('document')
    expect(toCslItem(meta({ format: 'epub', publisher: 'Penguin' }))).toMatchObject({ type: 'book', publisher: 'Penguin' })
    expect(toCslItem(meta({ format: 'docx', fileName: 'memo.docx' })).type).toBe('document')
    // A title is never empty; non-web addresses are not URLs.
    expect(toCslItem(meta({ title: ' ', fileName: 'scan.pdf', format: 'pdf', url: 'file:///tmp/x' }))).toMatchObject({ title: 'scan.pdf', note: 'scan.pdf' })
  })
})
