// EPUB and Word import, from files zipped by the tests (tests/support/zip-documents.ts), through the import worker's
// pipeline and through the backend.
import { afterAll, describe, expect, it } from 'vitest'
import { EPUB_DRM } from '../../core/import/epub'
import { parseSource } from '../../core/import/pipeline'
import type { ParsedArticle } from '../../core/import/types'
import { makeDocx, makeEpub, type EpubSpec } from '../../../tests/support/zip-documents'
import { b64, openBackend, rejection, removeTempDirs, rowCounts } from '../services/test-helpers'
import { docxToHtml } from './docx-reader'
import { jsdomEnv } from './html-env'
import { englishLexicon } from './lexicon'
import { readPdf } from './pdf-reader'

afterAll(() => removeTempDirs())

const env = { html: jsdomEnv, readers: { pdf: readPdf, docx: docxToHtml }, lexicon: englishLexicon }
const parse = (name: string, bytes: Uint8Array): Promise<ParsedArticle> => parseSource({ name, bytes }, env)

const NOVEL: EpubSpec = {
  title: 'The Border Town',
  creators: [{ name: 'Amina Diallo' }, { name: 'Luis Ortega' }],
  date: '2019-05-01',
  publisher: 'Harbour Press',
  language: 'en-GB',
  chapters: [
    { file: 'cover.xhtml', title: 'Cover', body: '<div><img src="cover.jpg" alt="A river at dusk"/></div>', linear: false },
    {
      file: 'ch1.xhtml',
      title: 'Chapter One: Arrival',
      body: '<p>The bus stopped at the bridge. <em>Nobody</em> got off.</p><p>“You are late,” said the guard.</p>'
    },
    { file: 'ch2.xhtml', title: 'Chapter Two', body: '<h1>Chapter Two: The Market</h1><p>By noon the square was full.</p><script>alert(1)</script>' },
    { file: 'notes.xhtml', title: 'Notes', body: '<ol><li>The bridge was rebuilt in 1998.</li></ol>' }
  ]
}

describe('EPUB', () => {
  it('reads chapters in spine order with their titles as headings, and the book’s details', async () => {
    const a = await parse('novel.epub', makeEpub(NOVEL))
    expect(a.blocks.map(({ kind, text }) => [kind, text])).toEqual([
      ['h2', 'Chapter One: Arrival'],
      ['p', 'The bus stopped at the bridge. Nobody got off.'],
      ['p', '“You are late,” said the guard.'],
      ['h1', 'Chapter Two: The Market'],
      ['p', 'By noon the square was full.'],
      ['h2', 'Notes'],
      ['li', 'The bridge was rebuilt in 1998.']
    ])
    expect(a.blocks[1].marks).toEqual([{ type: 'em', start: 31, end: 37 }])
    expect(a).toMatchObject({
      title: 'The Border Town',
      authors: ['Amina Diallo', 'Luis Ortega'],
      publisher: 'Harbour Press',
      publishedAt: '2019-05-01',
      lang: 'en-GB',
      excerpt: 'A novel about a border town.',
      format: 'epub'
    })
  })

  it('reads EPUB 2 books (NCX titles, creators by role)', async () => {
    const a = await parse('old.epub', makeEpub({ ...NOVEL, epub2: true, creators: [{ name: 'Amina Diallo', role: 'aut' }, { name: 'Ines Park', role: 'ill' }] }))
    expect(a.blocks[0]).toEqual({ kind: 'h2', text: 'Chapter One: Arrival' })
    expect(a.authors).toEqual(['Amina Diallo'])
  })

  it('refuses DRM, accepts obfuscated fonts, and says when a book is damaged', async () => {
    await expect(parse('drm.epub', makeEpub({ ...NOVEL, encryption: 'drm' }))).rejects.toMatchObject({ code: 'import_rejected', message: EPUB_DRM })
    expect((await parse('fonts.epub', makeEpub({ ...NOVEL, encryption: 'fonts' }))).blocks.length).toBe(7)
    await expect(parse('x.epub', makeEpub({ ...NOVEL, broken: 'no-container' }))).rejects.toMatchObject({ message: expect.stringMatching(/EPUB is damaged \(META-INF\/container\.xml is missing\)/) })
    await expect(parse('x.epub', makeEpub({ ...NOVEL, broken: 'bad-opf' }))).rejects.toMatchObject({ message: expect.stringMatching(/EPUB is damaged.*not well-formed XML/) })
    await expect(parse('x.epub', new TextEncoder().encode('PK\u0003\u0004 not a zip at all'))).rejects.toMatchObject({ message: expect.stringMatching(/damaged/) })
  })
})

const BRIEF = makeDocx({
  title: 'Brief: grain corridor options',
  creator: 'Jane Analyst',
  created: '2024-03-14T09:00:00Z',
  blocks: [
    { style: 'Title', runs: ['Grain corridor: options for the review'] },
    { style: 'Heading1', runs: ['Summary'] },
    { runs: ['The corridor carried ', { text: '3.1 million tonnes', bold: true }, ' in February', { footnote: 'Ministry figures, 1 March 2024.' }, ', a ', { text: 'record', italic: true }, '.'] },
    { bullet: 'Extend the agreement as it stands.' },
    { bullet: 'Add fertiliser shipments.' },
    { style: 'Heading1', runs: ['Figures'] },
    { table: [['Month', 'Tonnes'], ['January', '2.7 m'], ['February', '3.1 m']] },
    { style: 'Quote', runs: ['We will not sign a text that leaves the ports exposed.'] },
    { runs: ['Insurers remain cautious', { footnote: 'Lloyd’s market bulletin.' }, '.'] }
  ]
})

describe('Word', () => {
  it('keeps headings, emphasis, lists, tables and quotes, and the footnotes as numbered notes at the end', async () => {
    const a = await parse('brief.docx', BRIEF)
    expect(a.blocks.map(({ kind, text }) => [kind, text])).toEqual([
      ['h1', 'Grain corridor: options for the review'],
      ['h1', 'Summary'],
      ['p', 'The corridor carried 3.1 million tonnes in February[1], a record.'],
      ['li', 'Extend the agreement as it stands.'],
      ['li', 'Add fertiliser shipments.'],
      ['h1', 'Figures'],
      ['tr', 'Month\tTonnes'],
      ['tr', 'January\t2.7 m'],
      ['tr', 'February\t3.1 m'],
      ['blockquote', 'We will not sign a text that leaves the ports exposed.'],
      ['p', 'Insurers remain cautious[2].'],
      ['footnote', '1 Ministry figures, 1 March 2024.'],
      ['footnote', '2 Lloyd’s market bulletin.']
    ])
    const summary = a.blocks[2]
    expect(summary.marks?.map((m) => [m.type, summary.text.slice(m.start, m.end)])).toEqual([
      ['strong', '3.1 million tonnes'],
      ['sup', '[1]'],
      ['em', 'record']
    ])
    expect(a).toMatchObject({ title: 'Brief: grain corridor options', authors: ['Jane Analyst'], publishedAt: '2024-03-14', format: 'docx' })
  })

  it('says when a Word file is damaged', async () => {
    await expect(parse('bad.docx', new TextEncoder().encode('PK\u0003\u0004 garbage'))).rejects.toMatchObject({ code: 'import_rejected', message: expect.stringMatching(/damaged/) })
  })
})

describe('through the backend', () => {
  it('imports an EPUB and a Word file with their formats, and writes nothing for a protected book', async () => {
    const { backend, dataDir } = openBackend()
    const book = await backend.importFile({ name: 'novel.epub', base64: b64(makeEpub(NOVEL)) })
    expect(book.article).toMatchObject({ format: 'epub', title: 'The Border Town', paragraphCount: 7 })
    const brief = await backend.importFile({ name: 'brief.docx', base64: b64(BRIEF) })
    expect(brief.article).toMatchObject({ format: 'docx', authors: ['Jane Analyst'] })
    const before = rowCounts(dataDir)
    expect(await rejection(backend.importFile({ name: 'drm.epub', base64: b64(makeEpub({ ...NOVEL, encryption: 'drm' })) }))).toMatchObject({ message: EPUB_DRM })
    expect(rowCounts(dataDir)).toEqual(before)
    await backend.close()
  })
})
