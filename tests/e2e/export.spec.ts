// Export: every format goes through the dialog and arrives as a download with real content.
import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control'

const FORMATS = [
  { name: 'PDF', ext: '.pdf' },
  { name: 'Markdown', ext: '.md' },
  { name: 'HTML', ext: '.html' },
  { name: 'Annotations JSON', ext: '.json' }
] as const

test('export dialog: each format downloads a non-empty file with the right extension', async ({ page }) => {
  test.setTimeout(120_000)
  const app = new GlossApp(page)
  await app.openArticle()
  const phrase = 'two will meet on the sidelines'
  await app.highlightPhrase(1, phrase, 'yellow')

  for (const format of FORMATS) {
    await page.getByRole('button', { name: /^Export/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Export report' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('radio', { name: format.name, exact: true }).check()
    await dialog.getByRole('textbox', { name: /Analyst name/ }).fill('A. Analyst')
    const download = page.waitForEvent('download', { timeout: 60_000 })
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    const file = await download
    expect(file.suggestedFilename().endsWith(format.ext)).toBe(true)
    const bytes = readFileSync((await file.path())!)
    expect(bytes.length).toBeGreaterThan(100)
    if (format.ext === '.pdf') expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')
    else expect(bytes.toString('utf8')).toContain(phrase)
    if (format.ext === '.json') expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow()
    await expect(dialog).toBeHidden()
    await expect(app.toast(`Exported ${file.suggestedFilename()}`)).toBeVisible()
  }
})

test('export dialog: keyboard shortcut, remembered options, Escape closes', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  await page.keyboard.press(`${MOD}+Shift+E`)
  const dialog = page.getByRole('dialog', { name: 'Export report' })
  await expect(dialog).toBeVisible()
  // Page size only applies to PDF.
  await dialog.getByRole('radio', { name: 'Markdown', exact: true }).check()
  await expect(dialog.getByRole('radio', { name: 'Letter' })).toBeDisabled()
  await dialog.getByRole('radio', { name: 'PDF', exact: true }).check()
  await dialog.getByRole('radio', { name: 'Letter' }).check()
  await dialog.getByRole('radio', { name: 'Only highlighted and cited paragraphs' }).check()
  await dialog.getByRole('textbox', { name: /Analyst name/ }).fill('R. Reviewer')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await page.getByRole('button', { name: /^Export/ }).click()
  await expect(dialog.getByRole('radio', { name: 'Letter' })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: 'Only highlighted and cited paragraphs' })).toBeChecked()
  await expect(dialog.getByRole('textbox', { name: /Analyst name/ })).toHaveValue('R. Reviewer')
  await expect(page.getByRole('button', { name: /^Export/ }).first()).toHaveAttribute('title', /Shift\+E|⇧⌘E/)
})

test('annotations JSON round trip: export, remove the highlights, import the file, and they come back', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  const first = await app.highlightPhrase(1, 'two will meet on the sidelines', 'green')
  await app.highlightPhrase(4, 'an uncomfortable inflection level', 'red')

  await page.getByRole('button', { name: /^Export/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Export report' })
  await dialog.getByRole('radio', { name: 'Annotations JSON', exact: true }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const json = readFileSync((await (await download).path())!)

  // Remove both highlights through the UI.
  await app.clickMark(first)
  await page.getByRole('button', { name: 'Remove highlight' }).click()
  await app.marks().first().click()
  await page.getByRole('button', { name: 'Remove highlight' }).click()
  await expect(app.marks()).toHaveCount(0)

  // Import the exported file while the article is open: the highlights are restored in their colours.
  await app.importThroughPicker({ name: 'annotations.json', mimeType: 'application/json', buffer: json })
  await expect(app.toast(/Restored 2 highlights/)).toBeVisible()
  await expect(app.paragraph(1).locator('mark[data-color="green"]')).toHaveText('two will meet on the sidelines')
  await expect(app.paragraph(4).locator('mark[data-color="red"]')).toHaveText('an uncomfortable inflection level')
})
