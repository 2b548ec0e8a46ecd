// Saved web pages as a person imports and reads them: the article only (no navigation, share bar, comments or
// cookie banner), its details in the header and the library, "Edit details…", and highlights on every kind of
// paragraph (a table cell, across two rows, a code block) that survive a reload. Also the light/dark screenshots
// of the library, the header and a table/code page (written to test-results/, which git ignores).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'

const PAGES = resolve(__dirname, '..', 'fixtures', 'pages')
const page$ = (name: string): string => readFileSync(resolve(PAGES, name), 'utf8')
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control'

const NEWS = 'Ministers agree grain corridor deal after all-night talks'
const CANONICAL = 'https://www.dailyledger.example/world/2024/03/15/grain-corridor-deal'

/** What the browser would put on the clipboard for the current selection (read from the copy event). */
async function copySelection(page: Page): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { copied?: string }
    w.copied = undefined
    window.addEventListener('copy', (e) => (w.copied = e.clipboardData?.getData('text/plain')), { once: true })
  })
  await page.keyboard.press(`${MOD}+c`)
  return page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '')
}

test('a saved news page imports as the article only, with its details; edited details and highlights stay', async ({ page }) => {
  const app = new GlossApp(page)
  await app.importThroughPicker({ name: 'news-article.html', mimeType: 'text/html', buffer: Buffer.from(page$('news-article.html')) })
  await expect(app.toast(`Imported “${NEWS}”`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: NEWS })).toBeVisible()

  // The article, from its first paragraph to its last, and nothing of the page around it.
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(app.paragraphs.first()).toHaveText(/^ISTANBUL — Negotiators from four countries agreed early on Friday/)
  await expect(app.paragraphs.last()).toHaveText(/^The agreement will be reviewed by the foreign ministers.*fertiliser shipments\.$/)
  for (const chrome of ['Skip to main content', 'Sign in', 'Comments', 'Accept all cookies', 'Subscribe', 'Related stories']) {
    await expect(reader).not.toContainText(chrome)
  }
  // Source formatting: emphasis, strong, and a link that opens in the browser.
  await expect(app.paragraph(0).locator('em')).toHaveText('wheat prices')
  await expect(app.paragraph(1).locator('strong')).toHaveText('Lena Varga')
  const link = app.article.getByRole('link', { name: 'mediators’ office' })
  await expect(link).toHaveAttribute('href', 'https://mediation.example/terms')
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer')

  // The header: byline, site and date, the source link (canonical address, opening outside Gloss), the file.
  const header = app.header
  await expect(header.getByText('By Jane Smith and Omar Haddad')).toBeVisible()
  await expect(header).toContainText('The Daily Ledger · 15 March 2024')
  const source = header.getByRole('link', { name: /dailyledger\.example\/world\/2024\/03\/15\/grain-corridor-deal/ })
  await expect(source).toHaveAttribute('href', CANONICAL)
  await expect(source).toHaveAttribute('target', '_blank')
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(header).toContainText('news-article.html')
  await expect(header).not.toContainText('Accessed')

  // The library item names authors, site, date and format.
  await app.backToLibrary()
  const item = app.libraryItems.filter({ hasText: NEWS })
  await expect(item).toContainText('Jane Smith and Omar Haddad')
  await expect(item).toContainText('The Daily Ledger')
  await expect(item).toContainText('15 March 2024')
  await expect(item).toContainText('Web page')
  await expect(item).toContainText('9 paragraphs')
  await app.openArticle(NEWS)

  // Edit details: a date the backend cannot read is explained in the dialog, which stays open.
  const edit = header.getByRole('button', { name: 'Edit details…' })
  await edit.click()
  const dialog = page.getByRole('dialog', { name: 'Edit details' })
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await expect(dialog.getByRole('textbox', { name: /Authors/ })).toHaveValue('Jane Smith\nOmar Haddad')
  await expect(dialog.getByRole('textbox', { name: 'Site or publisher' })).toHaveValue('The Daily Ledger')
  await expect(dialog.getByRole('textbox', { name: 'Web address' })).toHaveValue(CANONICAL)
  await dialog.getByRole('textbox', { name: 'Published' }).fill('sometime last spring')
  await dialog.getByRole('textbox', { name: 'Published' }).press('Enter')
  await expect(dialog.getByRole('alert')).toContainText('is not a date Gloss can read')
  await expect(dialog).toBeVisible()

  // Escape cancels: nothing changes.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(edit).toBeFocused()
  await expect(header).toContainText('15 March 2024')

  // Change the author; Enter in a one-line field saves.
  await edit.click()
  await dialog.getByRole('textbox', { name: /Authors/ }).fill('Amira Khan')
  await dialog.getByRole('textbox', { name: 'Published' }).fill('2024-03-16')
  await dialog.getByRole('textbox', { name: 'Site or publisher' }).press('Enter')
  await expect(dialog).toBeHidden()
  await expect(header.getByText('By Amira Khan')).toBeVisible()
  await expect(header).toContainText('The Daily Ledger · 16 March 2024')

  // Highlight a passage.
  const id = await app.highlightPhrase(3, 'inspections will take place in Istanbul', 'green')

  // All of it is stored: after a reload the header, the highlight and the library still show it.
  await page.reload()
  await expect(app.marks(id)).toHaveText('inspections will take place in Istanbul')
  await expect(app.header.getByText('By Amira Khan')).toBeVisible()
  await app.backToLibrary()
  await expect(app.libraryItems.filter({ hasText: NEWS })).toContainText('Amira Khan')
  await expect(app.libraryItems.filter({ hasText: NEWS })).not.toContainText('Omar Haddad')
  await expect(app.libraryItems.filter({ hasText: NEWS })).toContainText('1 highlight')
})

test('a dropped report shows its table; highlights in a cell and across rows; copy gives tab-separated cells', async ({ page }) => {
  const app = new GlossApp(page)
  await app.dropFile({ name: 'report-with-table.html', mimeType: 'text/html', text: page$('report-with-table.html') })
  await expect(page.getByRole('heading', { level: 1, name: 'Harvest outlook 2024' })).toBeVisible()
  await expect(app.header.getByText('By Ngozi Okafor and Erik Lindqvist')).toBeVisible()
  await expect(app.header).toContainText('Regional Statistics Office · 1 February 2024')
  await expect(app.header.getByRole('button', { name: 'Update from web address' })).toHaveCount(0)
  // Page chrome is gone: the layout table's menu and the footer.
  await expect(app.article).not.toContainText('Contact')
  await expect(app.article).not.toContainText('Privacy')

  // The data table: one row per paragraph, cells in columns, the header row marked as such.
  const table = app.article.getByRole('table')
  await expect(table.getByRole('row')).toHaveCount(5)
  await expect(table.getByRole('columnheader')).toHaveText(['Crop', '2023', '2024 (forecast)', 'Change'])
  const wheat = table.getByRole('row').nth(1)
  await expect(wheat.getByRole('cell')).toHaveText(['Wheat', '4,210', '3,870', '−8.1%'])
  // Cells line up: the second column starts at the same x in every row.
  const xs = await table.getByRole('row').evaluateAll((rows) => rows.map((r) => Math.round(r.querySelectorAll('.cell')[1].getBoundingClientRect().left)))
  expect(new Set(xs).size).toBe(1)
  // The text of a row is the paragraph text: cells separated by a TAB, hidden from view.
  expect(await app.paragraph(3).locator('.para-text').textContent()).toBe('Wheat\t4,210\t3,870\t−8.1%')
  await expect(app.paragraph(3).locator('.cell-sep').first()).toBeHidden()
  await expect(app.article.locator('figure').first()).toContainText('Bar chart of wheat and maize harvests since 2015')

  // A highlight inside one cell.
  const cell = await app.highlightPhrase(3, '3,870', 'yellow')
  await expect(app.marks(cell)).toHaveText('3,870')
  await expect(wheat.getByRole('cell').nth(2).locator('mark')).toHaveText('3,870')

  // A highlight from the Maize row into the Barley row: one mark per cell it touches.
  const from = await app.offsetOf(4, '3,320')
  const to = (await app.offsetOf(5, '1,105')) + '1,105'.length
  await app.dragSelect({ index: 4, offset: from }, { index: 5, offset: to })
  await expect(page.getByRole('toolbar', { name: 'Highlight the selected text' })).toBeVisible()
  // Copy gives the cells TAB-separated and the rows one per line, as in a spreadsheet.
  expect(await copySelection(page)).toBe('3,320\t+12.5%\nBarley\t1,105')
  const across = await app.highlightSelection('blue')
  await expect(app.marks(across)).toHaveText(['3,320', '+12.5%', 'Barley', '1,105'])
  await expect(app.panel.getByRole('listitem').filter({ hasText: '¶5–6' })).toBeVisible()

  // After a reload both are still there.
  await page.reload()
  await expect(app.marks(cell)).toHaveText('3,870')
  await expect(app.marks(across)).toHaveText(['3,320', '+12.5%', 'Barley', '1,105'])

  // The panel reveals a highlight in the table: scrolled to, flashed, its toolbar open.
  await app.paragraph(12).scrollIntoViewIfNeeded()
  await app.panel.getByRole('listitem').filter({ hasText: '¶5–6' }).getByRole('button').first().click()
  await expect(app.marks(across).first()).toHaveClass(/hl-flash/)
  await expect(app.marks(across).first()).toBeInViewport()
  await expect(page.getByRole('toolbar', { name: 'Edit highlight' })).toBeVisible()
  await page.keyboard.press('Escape')

  // The row's number cites it: drag it into the notes.
  const notes = page.getByRole('textbox', { name: 'Analyst notes' })
  await app.paragraph(3).locator('.para-num').dragTo(notes)
  await expect(notes.locator('[data-paragraph-ref]').first()).toContainText('¶4')
  await expect(app.paragraph(3)).toHaveAttribute('data-backlink-count', '1', { timeout: 15_000 })
})

test('a code block keeps its spacing and takes highlights across its lines', async ({ page }) => {
  const app = new GlossApp(page)
  await app.importThroughPicker({ name: 'blog-post.html', mimeType: 'text/html', buffer: Buffer.from(page$('blog-post.html')) })
  await expect(page.getByRole('heading', { level: 1, name: 'Reading logs without losing your mind' })).toBeVisible()
  const code = app.article.locator('pre[data-paragraph-id]')
  await expect(code).toHaveCount(1)
  const index = Number(await code.getAttribute('data-paragraph-index'))
  expect(await code.locator('.para-text').textContent()).toBe('grep -F "req=7f3a" app.log \\\n  | awk \'{ print $1, $4, $9 }\' \\\n  | sort -k1,1')
  // Monospace, never wrapped.
  const style = await code.locator('.para-text').evaluate((el) => ({ font: getComputedStyle(el).fontFamily, ws: getComputedStyle(el).whiteSpace }))
  expect(style.ws).toBe('pre')
  expect(style.font).toMatch(/mono/i)
  // Inline code in the next paragraph.
  await expect(app.paragraph(index + 1).locator('code')).toHaveText('grep')

  const start = await app.offsetOf(index, 'app.log')
  const end = (await app.offsetOf(index, "awk '{")) + "awk '{".length
  await app.dragSelect({ index, offset: start }, { index, offset: end })
  const id = await app.highlightSelection('red')
  await expect(app.marks(id)).toHaveText("app.log \\\n  | awk '{")
  await page.reload()
  await expect(app.marks(id)).toHaveText("app.log \\\n  | awk '{")
})

test('screenshots: library, reader header, table and code pages in light and dark', async ({ page }, testInfo) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const app = new GlossApp(page)
  const files: [string, string][] = [
    ['news-article.html', NEWS],
    ['report-with-table.html', 'Harvest outlook 2024'],
    ['blog-post.html', 'Reading logs without losing your mind']
  ]
  for (const [name, title] of files) {
    await app.importThroughPicker({ name, mimeType: 'text/html', buffer: Buffer.from(page$(name)) })
    await expect(page.locator('.tb-title')).toHaveText(title)
  }
  const shot = async (name: string): Promise<void> => {
    await page.mouse.move(2, 600)
    await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 })
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
  }
  for (const theme of ['light', 'dark'] as const) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.keyboard.press(`${MOD}+Shift+L`)
    await app.backToLibrary()
    await shot(`library-${theme}`)
    await app.openArticle(NEWS)
    await shot(`reader-header-${theme}`)
    await app.backToLibrary()
    await app.openArticle('Harvest outlook 2024')
    await app.paragraph(1).scrollIntoViewIfNeeded()
    await shot(`table-${theme}`)
    await app.backToLibrary()
    await app.openArticle('Reading logs without losing your mind')
    await shot(`code-${theme}`)
  }
})
