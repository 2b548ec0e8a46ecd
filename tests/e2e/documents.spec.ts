// PDF, EPUB and Word, as a person uses them. The PDFs are printed here by the test's own Chromium from HTML this file
// writes (or written by hand: a password-protected one), the EPUB and the Word file zipped here: nothing is
// downloaded. A PDF through the file chooser shows its pages in the margin and its footnotes as footnotes; a
// highlight across a page break is cited in a note and the exported PDF report cites "¶N, p. M"; the search palette
// and the `[[` list name the page. A password-protected PDF asks for its password (a wrong one is refused in the
// dialog). An EPUB and a Word file dropped on the window show their chapters and headings and their format.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from '@playwright/test'
import { handPdf, pdfPageTexts } from '../support/pdf'
import { makeDocx, makeEpub } from '../support/zip-documents'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control'
const TITLE = 'Inspection Regimes Compared'

const S = [
  'The committee examined the evidence presented by the delegations and concluded that the verification methods in the draft were insufficient.',
  'It recommended an inspection regime with regular reporting, and asked the secretariat to prepare a revised text before the next session.',
  'Several governments objected that unannounced inspections would expose commercially sensitive installations to competitors.',
  'Others argued that without them no declaration could be trusted, whatever the penalties written into the agreement.',
  'The chairman proposed a compromise under which inspections would be announced twenty-four hours in advance.',
  'Observers noted that similar arrangements had worked in the chemical weapons convention for more than two decades.'
]
const para = (n: number, k = 3): string => Array.from({ length: k }, (_, i) => S[(n * 2 + i) % S.length]).join(' ')

/** The last paragraph of page 1 and the first of page 2 (the highlight runs from one into the other). */
const END_OF_PAGE_1 = `${para(2)} Delegates left the first round without an agreed text.`
const START_OF_PAGE_2 = `Talks resumed in the spring with a new mandate. ${para(3)}`

/**
 * Three A4 pages: headings, a bulleted list (bullets as text, as word processors write them: Chromium draws an HTML
 * list's discs as shapes, which no PDF reader sees as text), footnotes at the foot of pages 2 and 3, page numbers in
 * the footer.
 */
const REPORT_HTML = `<!doctype html><html lang="en"><head><title>${TITLE}</title><style>
  @page { size: A4; margin: 20mm 20mm 22mm; }
  body { margin: 0; font: 11pt/1.45 'DejaVu Serif', serif; }
  .page { position: relative; height: 250mm; overflow: hidden; break-after: page; }
  .page:last-child { break-after: auto; }
  h1 { font-size: 20pt; margin: 0 0 12pt; }
  h2 { font-size: 14pt; margin: 14pt 0 6pt; }
  p { margin: 0 0 8pt; }
  .item { margin: 0 0 4pt 8mm; }
  .notes { position: absolute; bottom: 0; left: 0; right: 0; font-size: 8pt; line-height: 1.3; border-top: .5pt solid #000; padding-top: 3pt; }
  .notes p { margin: 0 0 2pt; }
</style></head><body>
<section class="page">
  <h1>${TITLE}</h1>
  <h2>1. Background</h2>
  <p>${para(0)}</p>
  <p>${para(1)}</p>
  <p class="item">•&nbsp;Announced inspections, with a day's notice to the host.</p>
  <p class="item">•&nbsp;Challenge inspections at the request of any party.</p>
  <p>${END_OF_PAGE_1}</p>
</section>
<section class="page">
  <p>${START_OF_PAGE_2}</p>
  <h2>2. Findings</h2>
  <p>${para(4)} Verification remained the hardest question of the negotiation.</p>
  <div class="notes"><p>1 The treaties are listed in the annex, with their dates of entry into force.</p><p>2 All translations from the French are the authors’ own.</p></div>
</section>
<section class="page">
  <h2>3. Conclusions</h2>
  <p>${para(5)}</p>
  <div class="notes"><p>3 Inspection reports were obtained under access-to-information requests.</p></div>
</section>
</body></html>`

const FOOTER = '<div style="font:8pt sans-serif;width:100%;text-align:center"><span class="pageNumber"></span></div>'

/** Prints HTML to PDF with the test's own Chromium (a scratch page beside the app's). */
async function printPdf(browser: Browser, html: string, opts: { footer?: string } = {}): Promise<Buffer> {
  const scratch = await browser.newPage()
  try {
    await scratch.setContent(html, { waitUntil: 'load' })
    return await scratch.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      displayHeaderFooter: !!opts.footer,
      headerTemplate: '<span></span>',
      footerTemplate: opts.footer ?? '<span></span>'
    })
  } finally {
    await scratch.close()
  }
}

/** The 0-based index of the paragraph whose text contains `phrase`. */
async function indexOf(app: GlossApp, phrase: string): Promise<number> {
  const el = app.paragraphs.filter({ has: app.page.locator('.para-text', { hasText: phrase }) }).first()
  return Number(await el.getAttribute('data-paragraph-index'))
}

async function shot(page: Page, path: string): Promise<void> {
  await page.mouse.move(2, 600)
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 })
  await page.screenshot({ path })
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press(`${MOD}+Shift+L`)
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

test('a PDF shows its pages and footnotes; a highlight across a page break is cited as ¶N, p. M in the PDF report', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000)
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const app = new GlossApp(page)
  const pdf = await printPdf(browser, REPORT_HTML, { footer: FOOTER })
  await app.importThroughPicker({ name: 'inspection-regimes.pdf', mimeType: 'application/pdf', buffer: pdf })
  await expect(app.header.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(app.header).toContainText('inspection-regimes.pdf')
  await expect(app.header).toContainText('PDF')

  // Pages in the margin, at the first paragraph of each page; never part of the paragraph's text.
  const last1 = await indexOf(app, 'Delegates left the first round')
  const first2 = await indexOf(app, 'Talks resumed in the spring')
  expect(first2).toBe(last1 + 1)
  const marks = app.article.getByRole('separator', { name: /^Page \d+$/ })
  await expect(marks).toHaveCount(3)
  await expect(marks.nth(0)).toHaveAttribute('data-label', 'p. 1')
  await expect(app.paragraph(first2).getByRole('separator')).toHaveAccessibleName('Page 2')
  await expect(app.paragraph(first2).getByRole('separator')).toHaveAttribute('data-label', 'p. 2')
  await expect(app.paragraph(last1).getByRole('separator')).toHaveCount(0)
  await expect(app.paragraph(first2).locator('.para-text')).toHaveText(START_OF_PAGE_2)
  await expect(app.paragraph(first2).locator('.page-mark')).toHaveAttribute('data-noncontent', '')
  const [markBox, textBox] = [await app.paragraph(first2).locator('.page-mark').boundingBox(), await app.paragraph(first2).locator('.para-text').boundingBox()]
  expect(markBox!.x + markBox!.width).toBeLessThanOrEqual(textBox!.x)

  // Footnotes after their page's text, as notes; a rule before the first of each run; list items as a list.
  const notes = app.article.getByRole('note')
  await expect(notes).toHaveCount(3)
  await expect(notes.nth(0)).toContainText('1 The treaties are listed in the annex')
  await expect(notes.nth(0)).toHaveClass(/footnote-first/)
  await expect(notes.nth(1)).not.toHaveClass(/footnote-first/)
  await expect(notes.nth(2)).toHaveClass(/footnote-first/)
  expect(await indexOf(app, '1 The treaties')).toBeGreaterThan(await indexOf(app, 'Verification remained'))
  await expect(app.article.locator('ul.para-list > li')).toHaveText([/^Announced inspections/, /^Challenge inspections/])

  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme)
    await app.paragraph(first2).evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, testInfo.outputPath(`pdf-pages-${theme}.png`))
    await notes.nth(0).evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, testInfo.outputPath(`pdf-footnotes-${theme}.png`))
  }
  await setTheme(page, 'light')

  // A highlight from the last paragraph of page 1 into the first of page 2, made with the mouse.
  const from = { index: last1, offset: await app.offsetOf(last1, 'Delegates left') }
  const to = { index: first2, offset: (await app.offsetOf(first2, 'a new mandate')) + 'a new mandate'.length }
  await app.dragSelect(from, to)
  const id = await app.highlightSelection('yellow')
  await expect(app.paragraph(last1).locator(`mark[data-highlight-id="${id}"]`)).toHaveText('Delegates left the first round without an agreed text.')
  await expect(app.paragraph(first2).locator(`mark[data-highlight-id="${id}"]`)).toHaveText('Talks resumed in the spring with a new mandate')
  await expect(app.panel.locator(`[data-highlight-item="${id}"]`)).toContainText(`¶${last1 + 1}–${first2 + 1}`)
  await expect(app.panel.locator(`[data-highlight-item="${id}"]`)).toContainText('pp. 1–2')

  // Cite the same passage in the note: one chip per paragraph, whose tooltip names the page.
  await app.dragSelect(from, to)
  await page.getByRole('button', { name: 'Cite in note' }).click()
  const editor = page.getByRole('textbox', { name: 'Analyst notes' })
  const chips = editor.locator('[data-paragraph-ref] [role="link"]')
  await expect(chips).toHaveText([`¶${last1 + 1}`, `¶${first2 + 1}`])
  await expect(chips.nth(0)).toHaveAttribute('title', new RegExp(`^Paragraph ${last1 + 1}, on page 1\\.`))
  await expect(chips.nth(1)).toHaveAttribute('title', new RegExp(`^Paragraph ${first2 + 1}, on page 2\\.`))
  await expect(chips.nth(1)).toHaveAttribute('aria-label', `Reference to paragraph ${first2 + 1}, page 2`)
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  // `[[` lists paragraphs with their pages.
  await editor.press('End')
  await page.keyboard.type('[[hardest question')
  const suggestions = page.getByRole('listbox', { name: 'Paragraphs to cite' })
  const findings = await indexOf(app, 'Verification remained')
  await expect(suggestions.getByRole('option')).toHaveCount(1)
  await expect(suggestions.getByRole('option')).toContainText(`¶${findings + 1} · p. 2 — `)
  await page.screenshot({ path: testInfo.outputPath('suggestions-paged-light.png') })
  await page.keyboard.press('Enter')
  await expect(suggestions).toBeHidden()
  await expect(chips).toHaveText([`¶${last1 + 1}`, `¶${first2 + 1}`, `¶${findings + 1}`])
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  // The search palette shows the page beside the paragraph number.
  await page.getByRole('banner').getByRole('button', { name: /^Search/ }).click()
  await page.getByRole('searchbox', { name: 'Search articles, notes and highlights' }).fill('chairman compromise')
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: TITLE }).first()
  await expect(hit).toBeVisible()
  await expect(hit.locator('.sp-num')).toHaveText(/^¶\d+ · p\. [12]$/)
  await shot(page, testInfo.outputPath('search-paged-hit-light.png'))
  await setTheme(page, 'dark')
  await shot(page, testInfo.outputPath('search-paged-hit-dark.png'))
  await page.keyboard.press('Escape')
  await setTheme(page, 'light')

  // The PDF report, through the export dialog, cites the passage by paragraph and page.
  await page.getByRole('button', { name: /^Export/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Export report' })
  await dialog.getByRole('radio', { name: 'PDF', exact: true }).check()
  const download = page.waitForEvent('download', { timeout: 60_000 })
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const report = readFileSync((await (await download).path())!)
  const text = (await pdfPageTexts(report)).join('\n').replace(/\s+/g, ' ')
  expect(text).toContain(`¶${last1 + 1}, p. 1`)
  expect(text).toContain(`¶${first2 + 1}, p. 2`)
})

test('a password-protected PDF asks for its password: a wrong one is refused in the dialog, the right one imports it', async ({ page }, testInfo) => {
  const app = new GlossApp(page)
  const memo = (password: string): Buffer =>
    Buffer.from(
      handPdf({
        password,
        pages: [
          [
            { text: 'Confidential briefing', x: 72, top: 90, size: 18, bold: true },
            { text: 'The delegation will table the inspection annex on Thursday.', x: 72, top: 130 }
          ]
        ]
      })
    )
  const locked = { name: 'briefing.pdf', mimeType: 'application/pdf', buffer: memo('open sesame') }
  await expect(app.libraryItems).toHaveCount(1)

  // Cancel leaves everything as it was.
  await app.importThroughPicker(locked)
  const dialog = page.getByRole('dialog', { name: 'This PDF is password-protected' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Enter the password of “briefing.pdf” to import it.')
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(app.toast('Import cancelled; nothing was added.')).toBeVisible()
  await expect(app.libraryItems).toHaveCount(1)
  await app.toast('Import cancelled; nothing was added.').getByRole('button', { name: 'Dismiss message' }).click()

  // A wrong password: the backend's words in the dialog, which stays open with the field selected.
  await app.importThroughPicker(locked)
  const field = dialog.getByLabel('Password', { exact: true })
  await expect(field).toHaveAttribute('type', 'password')
  await field.fill('open says me')
  await field.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveText('That password does not open this PDF. Check it and try again.')
  await expect(dialog).toBeVisible()
  await expect(field).toBeFocused()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme)
    await page.screenshot({ path: testInfo.outputPath(`password-dialog-${theme}.png`) })
  }
  await setTheme(page, 'light')

  // The right one imports it and opens it.
  await field.fill('open sesame')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(app.header.getByRole('heading', { level: 1, name: 'Confidential briefing' })).toBeVisible()
  await expect(app.article).toContainText('The delegation will table the inspection annex on Thursday.')
  await expect(app.toast(/^Imported “Confidential briefing”/)).toBeVisible()

  // "Update from file…" with a newer, also protected, version asks the same way.
  const newer = Buffer.from(
    handPdf({
      password: 'open sesame',
      pages: [
        [
          { text: 'Confidential briefing', x: 72, top: 90, size: 18, bold: true },
          { text: 'The delegation will table the inspection annex on Friday.', x: 72, top: 130 }
        ]
      ]
    })
  )
  const chooser = page.waitForEvent('filechooser')
  await app.header.getByRole('button', { name: 'Update from file…' }).click()
  await (await chooser).setFiles({ name: 'briefing.pdf', mimeType: 'application/pdf', buffer: newer })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Password', { exact: true }).fill('open sesame')
  await dialog.getByRole('button', { name: 'Update', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(app.toast(/^Updated: .*1 edited/)).toBeVisible()
  await expect(app.article).toContainText('on Friday.')

  await app.backToLibrary()
  await expect(app.libraryItems).toHaveCount(2)
  await expect(app.libraryItems.filter({ hasText: 'Confidential briefing' })).toContainText('PDF')

  // The same PDF at a web address (a loopback server): imports from the web take no password, so the dialog says
  // how to bring it in as a file instead of asking for one it cannot use.
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' })
    res.end(locked.buffer)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  try {
    await page.getByRole('button', { name: 'From web address…' }).first().click()
    const web = app.webImportDialog
    await web.getByRole('textbox', { name: 'Web address' }).fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}/briefing.pdf`)
    await web.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(web.getByRole('alert')).toHaveText(/^This PDF is password-protected, and Gloss cannot ask for the password of a PDF on the web\. Download it/)
    await web.getByRole('button', { name: 'Cancel' }).click()
    await expect(app.libraryItems).toHaveCount(2)
  } finally {
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  }
})

test('an EPUB and a Word file dropped on the window show their chapters and headings, and their format in the library', async ({ page }, testInfo) => {
  const app = new GlossApp(page)
  await expect(app.libraryItems).toHaveCount(1)

  // The file choosers, the import button and the drop overlay name every format the importer reads.
  const FORMATS = 'web pages, PDFs, EPUB books, Word documents, Markdown and plain text'
  await expect(page.getByLabel('Choose files to import')).toHaveAttribute('accept', /\.pdf,\.epub,\.docx/)
  await expect(page.getByRole('button', { name: 'Import file…' }).first()).toHaveAttribute('title', new RegExp(`^Import a file: ${FORMATS}`))
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer()
    dt.items.add(new File(['x'], 'x.pdf', { type: 'application/pdf' }))
    return dt
  })
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await expect(page.getByText(`${FORMATS.charAt(0).toUpperCase()}${FORMATS.slice(1)} files, or a link to a web page`)).toBeVisible()
  await page.dispatchEvent('main', 'dragleave', { dataTransfer: transfer })
  await expect(page.getByText('Drop to import', { exact: true })).toBeHidden()

  const epub = makeEpub({
    title: 'The Border Town',
    creators: [{ name: 'Ana Kovač' }],
    chapters: [
      { file: 'c1.xhtml', title: 'Arrival', body: '<h1>Arrival</h1><p>The train reached the border town after midnight, and nobody was waiting.</p>' },
      { file: 'c2.xhtml', title: 'The Market', body: '<h1>The Market</h1><p>By morning the market filled the square with voices in three languages.</p>' }
    ]
  })
  await app.dropFile({ name: 'border-town.epub', mimeType: 'application/epub+zip', base64: Buffer.from(epub).toString('base64') })
  await expect(app.header.getByRole('heading', { level: 1, name: 'The Border Town' })).toBeVisible()
  await expect(app.article.getByRole('heading', { name: /Arrival$/ })).toBeVisible()
  await expect(app.article.getByRole('heading', { name: /The Market$/ })).toBeVisible()
  await expect(app.article).toContainText('voices in three languages')
  await expect(app.header).toContainText('EPUB')

  const docx = makeDocx({
    title: 'Briefing on grain exports',
    creator: 'Policy Unit',
    blocks: [
      { style: 'Title', runs: ['Briefing on grain exports'] },
      { style: 'Heading1', runs: ['Summary'] },
      { runs: ['Exports through the corridor rose for the third month in a row.', { footnote: 'Figures from the port authority.' }] },
      { bullet: 'Extend the agreement as it stands.' },
      { style: 'Heading1', runs: ['Risks'] },
      { runs: ['Insurers still price the route as a war risk.'] }
    ]
  })
  await app.dropFile({
    name: 'grain-briefing.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    base64: Buffer.from(docx).toString('base64')
  })
  await expect(app.header.getByRole('heading', { level: 1, name: 'Briefing on grain exports' })).toBeVisible()
  await expect(app.article.getByRole('heading', { name: /Summary$/ })).toBeVisible()
  await expect(app.article.getByRole('heading', { name: /Risks$/ })).toBeVisible()
  await expect(app.article.locator('ul.para-list > li')).toHaveText(['Extend the agreement as it stands.'])
  await expect(app.article.getByRole('note')).toContainText('1 Figures from the port authority.')
  await expect(app.header).toContainText('Word')
  await page.mouse.move(2, 600)
  await page.screenshot({ path: testInfo.outputPath('word-light.png') })

  await app.backToLibrary()
  await expect(app.libraryItems.filter({ hasText: 'The Border Town' }).locator('.meta')).toContainText('EPUB')
  await expect(app.libraryItems.filter({ hasText: 'Briefing on grain exports' }).locator('.meta')).toContainText('Word')
  await expect(app.libraryItems.filter({ hasText: 'The Border Town' })).toContainText('border-town.epub')
})

test('a long PDF shows its reading progress page by page in the toast, and Cancel stops it with nothing added', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000)
  const app = new GlossApp(page)
  const PAGES = 300
  const pages = Array.from({ length: PAGES }, (_, n) => `<section class="page"><h2>Chapter ${n + 1}</h2><p>${para(n)}</p><p>${para(n + 1)}</p><p>${para(n + 2)}</p></section>`)
  const html = `<!doctype html><html><head><title>Long report</title><style>
    @page { size: A4; margin: 20mm; } body { font: 11pt/1.45 serif; } .page { break-after: page; } p { margin: 0 0 8pt; }
  </style></head><body>${pages.join('')}</body></html>`
  const pdf = await printPdf(browser, html)
  await expect(app.libraryItems).toHaveCount(1)
  await app.importThroughPicker({ name: 'long-report.pdf', mimeType: 'application/pdf', buffer: pdf })
  const toast = app.toast('Importing “long-report.pdf”…')
  await expect(toast).toContainText(new RegExp(`Reading: \\d+ of ${PAGES} pages`))
  await page.screenshot({ path: testInfo.outputPath('progress-toast.png') })
  await toast.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.toast('Import cancelled; nothing was added.')).toBeVisible()
  await expect(app.libraryItems).toHaveCount(1)
})

test('a scanned PDF and a DRM-protected EPUB are refused in plain words, and nothing is added', async ({ page }) => {
  const app = new GlossApp(page)
  await expect(app.libraryItems).toHaveCount(1)
  const scan = Buffer.from(handPdf({ image: true, pages: [[], []] }))
  await app.importThroughPicker({ name: 'scanned.pdf', mimeType: 'application/pdf', buffer: scan })
  await expect(app.toast('Could not import “scanned.pdf”: This PDF is a scan with no text layer; Gloss cannot read scanned pages yet.')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const drm = makeEpub({
    title: 'Locked Book',
    creators: [{ name: 'A. Writer' }],
    encryption: 'drm',
    chapters: [{ file: 'c1.xhtml', title: 'One', body: '<h1>One</h1><p>Encrypted text.</p>' }]
  })
  await app.dropFile({ name: 'locked.epub', mimeType: 'application/epub+zip', base64: Buffer.from(drm).toString('base64') })
  await expect(app.toast('Could not import “locked.epub”: This EPUB is protected by DRM (its chapters are encrypted), so Gloss cannot read it.')).toBeVisible()
  await expect(app.libraryItems).toHaveCount(1)
})
