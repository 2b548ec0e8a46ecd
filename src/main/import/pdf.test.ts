// PDF import, from PDFs made by the tests themselves: a two-column paper and a 20-page review article printed by
// Chromium from HTML written here (running head and foot, page numbers, hyphenated line ends, footnotes, headings,
// ligatures), and small PDFs written by hand (another producer: document info, page labels, a password, a scan).
// Read with pdf.js in the worker's reader, laid out by the core rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GlossError } from '../../core/errors'
import { parsePdfDocument, SCANNED_PDF } from '../../core/import/pdf'
import type { Block } from '../../core/import/types'
import { canPrint, closePrinter, handPdf, pdfPageTexts, printPdf } from '../../../tests/support/pdf'
import { b64, openBackend, rejection, removeTempDirs, rowCounts } from '../services/test-helpers'
import { englishLexicon } from './lexicon'
import { PDF_DAMAGED, PDF_PASSWORD_NEEDED, PDF_PASSWORD_WRONG, readPdf } from './pdf-reader'

afterAll(async () => {
  await closePrinter()
  removeTempDirs()
})

const parse = async (bytes: Uint8Array, password?: string): Promise<ReturnType<typeof parsePdfDocument>> =>
  parsePdfDocument(await readPdf(bytes, { password }), 'paper.pdf', englishLexicon)

/** Soft hyphens inside long words, so that Chromium breaks some of them at line ends with a hyphen. */
const breakable = (text: string): string => text.replace(/\p{L}{9,}/gu, (w) => w.replace(/^(\p{L}{4})(\p{L}+)(\p{L}{4})$/u, '$1\u00AD$2\u00AD$3'))
const html = (s: string): string => breakable(s.replace(/&/g, '&amp;').replace(/</g, '&lt;'))

const SENTENCES = [
  'The committee examined the evidence presented by the delegations and concluded that the verification methods in the draft were insufficient.',
  'It recommended a run-time inspection regime with command-and-control reporting, and asked the secretariat to prepare a revised text.',
  'Several governments objected that unannounced inspections would expose commercially sensitive installations to competitors.',
  'Others argued that without them no declaration could be trusted, whatever the penalties written into the agreement.',
  'The chairman proposed a compromise under which inspections would be announced twenty-four hours in advance.',
  'Observers noted that similar arrangements had worked in the chemical weapons convention for more than two decades.',
  'Negotiators returned to their capitals for instructions before the final session, which is expected to settle the annexes.'
]
const paragraph = (n: number, sentences = 3): string =>
  Array.from({ length: sentences }, (_, i) => SENTENCES[(n * 2 + i) % SENTENCES.length]).join(' ')

// ------------------------------------------------------------------------------------ the two-column paper

const P = Array.from({ length: 9 }, (_, i) => paragraph(i, i % 3 === 2 ? 4 : 3))
/** P[4] runs from the foot of page 1's right column onto page 2: the break falls after this many characters. */
const SPLIT_AT = P[4].indexOf(' ', Math.floor(P[4].length * 0.45))

const PAPER = `<!doctype html><html lang="en"><head><title>Verification in arms control treaties</title><style>
  @page { size: A4; margin: 22mm 18mm; }
  body { margin: 0; font: 10pt/1.38 'DejaVu Serif', serif; hyphens: manual; }
  .page { position: relative; height: 246mm; overflow: hidden; break-after: page; }
  .page:last-child { break-after: auto; }
  h1 { font-size: 20pt; line-height: 1.2; text-align: center; margin: 0 0 6pt; }
  .authors { text-align: center; font-size: 11pt; margin: 0 0 10pt; }
  .abstract { font-size: 9.5pt; margin: 0 12mm 14pt; }
  .cols { column-count: 2; column-gap: 9mm; column-fill: auto; height: 180mm; text-align: justify; }
  .page + .page .cols { height: 210mm; }
  h2 { font-size: 12.5pt; margin: 9pt 0 4pt; break-after: avoid; }
  p { margin: 0; text-indent: 1.3em; }
  p.cont { text-indent: 0; }
  .notes { position: absolute; bottom: 0; left: 0; right: 0; font-size: 7.5pt; line-height: 1.3; border-top: .5pt solid #000; padding-top: 3pt; }
  .notes p { text-indent: 0; margin-bottom: 1.5pt; }
</style></head><body>
<section class="page">
  <h1>Verification in Arms Control Treaties: A Comparative Review</h1>
  <p class="authors">Ngozi Okafor and Erik Lindqvist</p>
  <p class="abstract"><b>Abstract.</b> We review the verification provisions of twelve treaties and find that ﬁnal texts rarely specify inspection timelines; eﬀective regimes combine on-site inspection with national technical means.</p>
  <div class="cols">
    <h2>1. Introduction</h2><p>${html(P[0])}</p><p>${html(P[1])}</p><p>${html(P[2])}</p>
    <h2>2. Methods</h2><p>${html(P[3])}</p><p>${html(P[4].slice(0, SPLIT_AT))}</p>
  </div>
  <div class="notes"><p>1 The treaties are listed in the annex, with their dates of entry into force.</p><p>2 All translations from the French and Russian texts are the authors’ own.</p></div>
</section>
<section class="page">
  <div class="cols">
    <p class="cont">${html(P[4].slice(SPLIT_AT + 1))}</p>
    <h2>3. Findings</h2><p>${html(P[5])}</p><p>${html(P[6])}</p><p>${html(P[7])}</p><p>${html(P[8])}</p>
  </div>
  <div class="notes"><p>3 Inspection reports were obtained under access-to-information requests.</p></div>
</section>
</body></html>`

const HEADER = '<div style="font:8pt DejaVu Sans;width:100%;text-align:center;color:#444">Journal of Verification Studies · Vol. 3 · 2024</div>'
const FOOTER = '<div style="font:8pt DejaVu Sans;width:100%;text-align:center"><span class="pageNumber"></span></div>'

const text = (blocks: Block[]): string[] => blocks.map((b) => b.text)

describe.skipIf(!canPrint())('a two-column paper printed by Chromium', () => {
  let blocks: Block[] = []
  let title = ''
  let published: string | null = ''
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await printPdf(PAPER, { header: HEADER, footer: FOOTER })
    if (process.env.GLOSS_DUMP_PDF) (await import('node:fs')).writeFileSync(`${process.env.GLOSS_DUMP_PDF}/paper.pdf`, bytes)
    const a = await parse(bytes)
    blocks = a.blocks
    title = a.title
    published = a.publishedAt
  }, 60_000)

  it("takes no published date from a browser's print (its CreationDate is when it was printed)", () => {
    expect(published).toBeNull()
  })

  it('reads the paragraphs a person sees, in reading order: full-width title and abstract, then left column, then right', () => {
    expect(text(blocks)).toEqual([
      'Verification in Arms Control Treaties: A Comparative Review',
      'Ngozi Okafor and Erik Lindqvist',
      'Abstract. We review the verification provisions of twelve treaties and find that final texts rarely specify inspection timelines; effective regimes combine on-site inspection with national technical means.',
      '1. Introduction',
      P[0],
      P[1],
      P[2],
      '2. Methods',
      P[3],
      P[4],
      '1 The treaties are listed in the annex, with their dates of entry into force.',
      '2 All translations from the French and Russian texts are the authors’ own.',
      '3. Findings',
      P[5],
      P[6],
      P[7],
      P[8],
      '3 Inspection reports were obtained under access-to-information requests.'
    ])
  })

  it('undoes line-end hyphenation, keeps real hyphens, spells out ligatures', () => {
    const all = text(blocks).join('\n')
    // The source has no word broken by a hyphen: any "letters-hyphen-space-letters" left is a line break left in.
    expect(all).not.toMatch(/\p{Ll}[-\u2010\u00AD] \p{Ll}/u)
    expect(all).not.toMatch(/[\u00AD\uFB00-\uFB06]/)
    expect(all).toContain('run-time inspection regime with command-and-control reporting')
    // Chromium did break words at line ends (so the test tests something): the PDF's own text has them.
    return pdfPageTexts(bytes).then((pages) => expect(pages.join('\n')).toMatch(/\p{Ll}\u00AD?[-\u2010]\n\p{Ll}/u))
  })

  it('drops the running head and the page numbers, keeps footnotes as their own paragraphs after the page text', () => {
    const all = text(blocks).join('\n')
    expect(all).not.toContain('Journal of Verification Studies')
    expect(blocks.every((b) => !/^\d+$/.test(b.text))).toBe(true)
    expect(blocks.filter((b) => b.kind === 'footnote').map((b) => [b.text.slice(0, 1), b.page])).toEqual([
      ['1', '1'],
      ['2', '1'],
      ['3', '2']
    ])
  })

  it('finds headings by size and weight, and the page each paragraph starts on', () => {
    expect(blocks.map((b) => b.kind)).toEqual(['h1', 'p', 'p', 'h2', 'p', 'p', 'p', 'h2', 'p', 'p', 'footnote', 'footnote', 'h2', 'p', 'p', 'p', 'p', 'footnote'])
    expect(blocks.find((b) => b.text === P[4])?.page).toBe('1')
    expect(blocks.find((b) => b.text === '3. Findings')?.page).toBe('2')
    expect(title).toBe('Verification in arms control treaties')
  })
})

// ------------------------------------------------------------------------------------ a 20-page review article

const SECTIONS = Array.from({ length: 12 }, (_, s) => ({
  heading: `${s + 1}. ${['Background', 'Sources', 'Inspections', 'Declarations', 'Compliance', 'Disputes', 'Costs', 'Lessons', 'Outlook', 'Regions', 'Methods', 'Conclusion'][s]}`,
  sub: `${s + 1}.1 Evidence from the record`,
  paragraphs: Array.from({ length: 8 }, (_, i) => `In section ${s + 1}, paragraph ${i + 1}: ${paragraph(s * 8 + i, 4)}`)
}))

const REVIEW = `<!doctype html><html lang="en"><head><title>A review of treaty verification</title><style>
  @page { size: A4; margin: 24mm 22mm; }
  body { font: 11pt/1.5 'DejaVu Serif', serif; hyphens: manual; text-align: justify; }
  h1 { font-size: 22pt; margin: 0 0 16pt; } h2 { font-size: 15pt; margin: 16pt 0 6pt; } h3 { font-size: 12.5pt; margin: 10pt 0 4pt; }
  p { margin: 0 0 7pt; }
</style></head><body><h1>A Review of Treaty Verification, 1990–2024</h1>
${SECTIONS.map((s) => `<h2>${s.heading}</h2>${s.paragraphs.slice(0, 3).map((p) => `<p>${html(p)}</p>`).join('')}<h3>${s.sub}</h3>${s.paragraphs.slice(3).map((p) => `<p>${html(p)}</p>`).join('')}`).join('\n')}
</body></html>`

describe.skipIf(!canPrint())('a 20-page review article printed by Chromium', () => {
  let blocks: Block[] = []
  let pageTexts: string[] = []
  beforeAll(async () => {
    const bytes = await printPdf(REVIEW, {
      header: '<div style="font:8pt DejaVu Sans;width:100%;padding:0 22mm;text-align:right">A review of treaty verification</div>',
      footer: '<div style="font:8pt DejaVu Sans;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '24mm', bottom: '24mm', left: '22mm', right: '22mm' }
    })
    if (process.env.GLOSS_DUMP_PDF) (await import('node:fs')).writeFileSync(`${process.env.GLOSS_DUMP_PDF}/review.pdf`, bytes)
    pageTexts = await pdfPageTexts(bytes)
    blocks = (await parse(bytes)).blocks
  }, 60_000)

  it('has the pages a long review has', () => {
    expect(pageTexts.length).toBeGreaterThanOrEqual(15)
  })

  it('reads every paragraph whole and in order, with the heading hierarchy, and nothing else', () => {
    const expected: [string, string][] = [['h1', 'A Review of Treaty Verification, 1990–2024']]
    for (const s of SECTIONS) {
      expected.push(['h2', s.heading], ...s.paragraphs.slice(0, 3).map((p): [string, string] => ['p', p]), ['h3', s.sub])
      expected.push(...s.paragraphs.slice(3).map((p): [string, string] => ['p', p]))
    }
    expect(blocks.map((b) => [b.kind, b.text])).toEqual(expected)
  })

  it('gives each paragraph the page it starts on', () => {
    for (const b of blocks) {
      const opening = b.text.split(' ').slice(0, 5).join(' ')
      const page = pageTexts.findIndex((t) => t.replace(/\u00AD/g, '').replace(/\s+/g, ' ').includes(opening)) + 1
      if (page > 0) expect(b.page, opening).toBe(String(page))
    }
  })
})

// ------------------------------------------------------------------------------------ hand-written PDFs

const line = (text: string, top: number, extra: Partial<{ x: number; size: number; bold: boolean }> = {}) => ({ text, top, x: extra.x ?? 72, size: extra.size, bold: extra.bold })

function memo(password?: string): Uint8Array {
  return handPdf({
    info: { title: 'Microsoft Word - memo-final-v3.docx', author: 'Policy Unit; J. Analyst', creationDate: "D:20240315093000+01'00'" },
    labels: [
      { start: 0, style: 'r' },
      { start: 1, style: 'D', first: 1 }
    ],
    password,
    pages: [
      [line('Briefing memo on grain exports', 90, { size: 18, bold: true }), line('Prepared for the working group, March 2024.', 130)],
      [
        line('Summary', 90, { size: 14, bold: true }),
        line('Exports through the corridor rose for the third month in a row, but insurers still', 120),
        line('price the route as a war risk and ship owners remain cautious.', 134),
        line('The ministry expects the agreement to be extended when it is reviewed in July.', 162)
      ]
    ]
  })
}

describe('PDFs written by another producer', () => {
  it('reads text, headings, page labels and the document info (ignoring a junk title)', async () => {
    const a = await parse(memo())
    // The first heading is the title (the info title is junk): shown above the text, not repeated as ¶1.
    expect(a.blocks.map((b) => [b.kind, b.text, b.page])).toEqual([
      ['p', 'Prepared for the working group, March 2024.', 'i'],
      ['h2', 'Summary', '1'],
      ['p', 'Exports through the corridor rose for the third month in a row, but insurers still price the route as a war risk and ship owners remain cautious.', '1'],
      ['p', 'The ministry expects the agreement to be extended when it is reviewed in July.', '1']
    ])
    expect(a).toMatchObject({ title: 'Briefing memo on grain exports', authors: ['Policy Unit', 'J. Analyst'], publishedAt: '2024-03-15', format: 'pdf' })
  })

  it('asks for the password of a protected PDF, refuses a wrong one, opens with the right one', async () => {
    const locked = memo('s3cret')
    await expect(parse(locked)).rejects.toMatchObject({ code: 'password_required', message: PDF_PASSWORD_NEEDED })
    await expect(parse(locked, 'wrong')).rejects.toMatchObject({ code: 'password_required', message: PDF_PASSWORD_WRONG })
    expect((await parse(locked, 's3cret')).title).toBe('Briefing memo on grain exports')
  })

  it('says a scan has no text layer, and a damaged file is damaged', async () => {
    const scan = handPdf({ image: true, pages: [[], [], []] })
    await expect(parse(scan)).rejects.toMatchObject({ code: 'import_rejected', message: SCANNED_PDF })
    const damaged = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf at all')
    const e = await parse(damaged).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(GlossError)
    expect((e as GlossError).message.startsWith(PDF_DAMAGED)).toBe(true)
  })

  it('imports through the backend with pages kept, and writes nothing for a bad PDF', async () => {
    const { backend, dataDir } = openBackend()
    const { article } = await backend.importFile({ name: 'memo.pdf', base64: b64(memo()) })
    expect(article).toMatchObject({ format: 'pdf', fileName: 'memo.pdf', paragraphCount: 4 })
    const full = await backend.getArticle(article.id)
    expect(full.paragraphs.map((p) => p.page)).toEqual(['i', '1', '1', '1'])
    const before = rowCounts(dataDir)
    expect(await rejection(backend.importFile({ name: 'locked.pdf', base64: b64(memo('pw')) }))).toMatchObject({ code: 'password_required' })
    const opened = await backend.importFile({ name: 'locked.pdf', base64: b64(memo('pw')), password: 'pw' })
    expect(opened.article.paragraphCount).toBe(4)
    const afterLocked = rowCounts(dataDir)
    expect(await rejection(backend.importFile({ name: 'scan.pdf', base64: b64(handPdf({ image: true, pages: [[]] })) }))).toMatchObject({ message: SCANNED_PDF })
    expect(rowCounts(dataDir)).toEqual(afterLocked)
    expect(afterLocked.articles).toBe(before.articles + 1)
    await backend.close()
  })
})
