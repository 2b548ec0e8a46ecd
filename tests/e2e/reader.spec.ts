// The reader as a person uses it: open the sample, select with the mouse, highlight, comment, recolour,
// remove, undo; cross-paragraph highlights; the panel; themes; imports; and the README screenshot.
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from './fixtures'
import { GlossApp, SAMPLE_TITLE } from './pages/GlossApp'

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control'

test('sample article: highlight, comment, reload, recolour, remove and undo', async ({ page }) => {
  const app = new GlossApp(page)
  const item = page.getByRole('list', { name: 'Articles' }).getByRole('listitem')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(SAMPLE_TITLE)
  await expect(item).toContainText('18 paragraphs')

  await app.openArticle()
  await expect(app.paragraphs).toHaveCount(18)
  const ids = await app.paragraphs.evaluateAll((els) => els.map((el) => el.getAttribute('data-paragraph-id')))
  expect(new Set(ids).size).toBe(18)
  // The paragraph element's text is the paragraph text: margin numbers are not content.
  await expect(app.paragraph(0)).toHaveText(/^Russian President Vladimir Putin/)

  const phrase = 'two will meet on the sidelines'
  const id = await app.highlightPhrase(1, phrase, 'yellow')
  await expect(app.marks(id)).toHaveText(phrase)
  await expect(app.marks(id)).toHaveAttribute('data-color', 'yellow')
  await expect(app.panel.getByRole('listitem')).toHaveCount(1)

  // Comment on it.
  await app.clickMark(id)
  await page.getByRole('toolbar', { name: 'Edit highlight' }).getByRole('button', { name: 'Comment' }).click()
  const editor = page.getByRole('dialog', { name: 'Comment on highlight' })
  await editor.getByRole('textbox', { name: 'Comment' }).fill('Venue matters: the SCO gives cover.')
  await page.keyboard.press(`${MOD}+Enter`)
  await expect(editor).toBeHidden()
  await expect(app.marks(id)).toHaveAttribute('title', 'Venue matters: the SCO gives cover.')
  await expect(app.panel).toContainText('Venue matters: the SCO gives cover.')

  // It is stored: a reload shows it again, with its comment.
  await page.reload()
  await expect(app.marks(id)).toHaveText(phrase)
  await expect(app.marks(id)).toHaveAttribute('title', 'Venue matters: the SCO gives cover.')

  // Change colour.
  await app.clickMark(id)
  const tools = page.getByRole('toolbar', { name: 'Edit highlight' })
  await tools.getByRole('button', { name: 'Colour green' }).click()
  await expect(app.marks(id)).toHaveAttribute('data-color', 'green')

  // Remove, then undo with the keyboard, then redo and undo again from the toast.
  await app.clickMark(id)
  await tools.getByRole('button', { name: 'Remove highlight' }).click()
  await expect(app.marks()).toHaveCount(0)
  await expect(app.toast('Highlight removed')).toBeVisible()
  await expect(app.panel).toContainText('Select text in the article to highlight it.')

  await page.keyboard.press(`${MOD}+z`)
  await expect(app.marks(id)).toHaveText(phrase)
  await expect(app.marks(id)).toHaveAttribute('data-color', 'green')
  await expect(app.marks(id)).toHaveAttribute('title', 'Venue matters: the SCO gives cover.')

  await page.keyboard.press(`${MOD}+Shift+z`)
  await expect(app.marks()).toHaveCount(0)
  await app.toast('Highlight removed').last().getByRole('button', { name: 'Undo' }).click()
  await expect(app.marks(id)).toHaveText(phrase)

  // Undo also reverts the colour change.
  await page.keyboard.press(`${MOD}+z`)
  await expect(app.marks(id)).toHaveAttribute('data-color', 'yellow')

  // The library counts it.
  await page.getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('1 highlight')
})

test('cross-paragraph highlight; the panel lists highlights in document order and reveals them', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()

  // A selection from paragraph 3 into paragraph 4, with the real mouse.
  const from = await app.offsetOf(2, 'Denisov mentioned')
  const to = (await app.offsetOf(3, 'Beijing Winter Olympics')) + 'Beijing Winter Olympics'.length
  await app.dragSelect({ index: 2, offset: from }, { index: 3, offset: to })
  await page.getByRole('button', { name: 'Highlight blue', exact: true }).click()
  const cross = app.article.locator('mark[data-color="blue"]')
  await expect(cross).toHaveCount(2)
  const crossId = await cross.first().getAttribute('data-highlight-id')
  await expect(cross.last()).toHaveAttribute('data-highlight-id', crossId!)
  await expect(app.paragraph(2).locator('mark')).toHaveText(/^Denisov mentioned\. “I do not want to say.*discussion\.”$/)
  await expect(app.paragraph(3).locator('mark')).toHaveText(/^Xi and Putin did in actual fact meet on the margins of the Beijing Winter Olympics$/)

  // A later highlight earlier in the text comes first in the panel; an overlapping one nests.
  const first = await app.highlightPhrase(0, 'Chinese President Xi Jinping', 'red')
  const nested = await app.highlightPhrase(3, 'Winter Olympics', 'green')
  await expect(app.paragraph(3).locator(`mark[data-highlight-id="${crossId}"] mark[data-highlight-id="${nested}"]`)).toHaveText('Winter Olympics')

  const items = app.panel.getByRole('listitem')
  await expect(items).toHaveCount(3)
  await expect(items.nth(0)).toContainText('Chinese President Xi Jinping')
  await expect(items.nth(0)).toContainText('¶1')
  await expect(items.nth(1)).toContainText('Denisov mentioned')
  await expect(items.nth(1)).toContainText('¶3–4')
  await expect(items.nth(2)).toContainText('Winter Olympics')
  await expect(app.panel.getByRole('heading')).toContainText('3')

  // Clicking an entry scrolls to the passage, flashes it and opens its toolbar.
  await app.paragraph(17).scrollIntoViewIfNeeded()
  await expect(app.marks(first)).not.toBeInViewport()
  await items.nth(0).getByRole('button').click()
  await expect(app.marks(first)).toHaveClass(/hl-flash/)
  await expect(app.marks(first)).toBeInViewport()
  await expect(page.getByRole('toolbar', { name: 'Edit highlight' })).toBeVisible()

  // Ctrl+\ hides and shows the panel.
  await page.keyboard.press('Escape')
  await page.keyboard.press(`${MOD}+Backslash`)
  await expect(app.panel).toBeHidden()
  await page.keyboard.press(`${MOD}+Backslash`)
  await expect(app.panel).toBeVisible()
})

test('cite in note: the chip appears in the notes and the paragraph gets a backlink badge', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  await app.selectPhrase(4, 'uncomfortable inflection level')
  await page.getByRole('button', { name: 'Cite in note' }).click()
  const notes = page.getByRole('textbox', { name: 'Analyst notes' })
  const chip = notes.locator('[data-paragraph-ref]')
  await expect(chip.first()).toBeVisible()
  await expect(chip.first()).toHaveAttribute('data-paragraph-ref', (await app.paragraph(4).getAttribute('data-paragraph-id'))!)
  await expect(chip.first()).toContainText('¶5')

  // Once the note is saved, the reader shows who cites paragraph 5.
  await expect(app.paragraph(4)).toHaveAttribute('data-backlink-count', '1', { timeout: 15_000 })
  await app.paragraph(4).getByRole('button', { name: /Cited 1 time/ }).click()
  const popover = page.getByRole('dialog', { name: 'Notes citing paragraph 5' })
  await expect(popover).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(popover).toBeHidden()

  // Clicking the chip in the notes brings the reader back to paragraph 5 and flashes it.
  await app.paragraph(17).scrollIntoViewIfNeeded()
  await expect(app.paragraph(4)).not.toBeInViewport()
  await chip.first().click()
  await expect(app.paragraph(4)).toHaveClass(/\bflash\b/)
  await expect(app.paragraph(4)).toBeInViewport()
})

test('theme and notes-pane width persist; both work from the keyboard', async ({ page }) => {
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-theme', 'light')
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(bg).toBe('rgb(27, 28, 31)')
  await page.reload()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await page.keyboard.press(`${MOD}+Shift+L`)
  await expect(html).toHaveAttribute('data-theme', 'light')
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toHaveAttribute('title', /Shift\+L|⇧⌘L/)

  // The splitter before the notes pane: arrow keys resize, the width survives a reload.
  await new GlossApp(page).openArticle()
  const splitter = page.getByRole('separator', { name: 'Resize notes pane' })
  const width = Number(await splitter.getAttribute('aria-valuenow'))
  await splitter.focus()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  await expect(splitter).toHaveAttribute('aria-valuenow', String(width + 80))
  const pane = page.locator('.col-notes')
  expect(Math.round((await pane.boundingBox())!.width)).toBe(width + 80)
  await page.reload()
  await expect(splitter).toHaveAttribute('aria-valuenow', String(width + 80))
  // And with the mouse.
  const box = (await splitter.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + 300)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + 300, { steps: 5 })
  await page.mouse.up()
  await expect(splitter).toHaveAttribute('aria-valuenow', String(width - 20))
})

test('paste import, Markdown file import, and a clear error for a binary file', async ({ page }) => {
  const app = new GlossApp(page)

  // Paste text.
  await page.getByRole('button', { name: 'Paste text…' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Paste text' })
  await dialog.getByRole('textbox', { name: 'Article text' }).fill('First pasted paragraph.\nSecond pasted paragraph.')
  await dialog.getByRole('textbox', { name: /Title/ }).fill('Pasted memo')
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: 'Pasted memo' }).last()).toBeVisible()
  await expect(app.paragraphs).toHaveCount(2)
  await expect(app.paragraph(1)).toHaveText('Second pasted paragraph.')

  // A Markdown file through the file picker.
  const md = '# Field report\n\nOpening paragraph with *emphasis*.\n\n## Findings\n\n- first finding\n- second finding\n\n> A quoted source.\n'
  await app.importThroughPicker({ name: 'field-report.md', mimeType: 'text/markdown', buffer: Buffer.from(md) })
  await expect(app.toast(/Imported “Field report”/)).toBeVisible()
  await expect(page.locator('.tb-title')).toHaveText('Field report')
  await expect(app.article.locator('h2[data-paragraph-id]')).toHaveText('Findings')
  await expect(app.article.locator('ul > li[data-paragraph-id]')).toHaveCount(2)
  await expect(app.article.locator('blockquote[data-paragraph-id]')).toHaveText('A quoted source.')
  await expect(app.article.locator('p[data-paragraph-id]').first()).toHaveText('Opening paragraph with emphasis.')

  // A binary file is refused with an error in words; nothing is added.
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0])
  await app.importThroughPicker({ name: 'photo.txt', mimeType: 'text/plain', buffer: binary })
  const error = page.getByRole('alert').filter({ hasText: 'Could not import “photo.txt”' })
  await expect(error).toBeVisible()
  await page.getByRole('button', { name: 'Library' }).click()
  const items = page.getByRole('list', { name: 'Articles' }).getByRole('listitem')
  await expect(items).toHaveCount(3)

  // Dropping a file anywhere on the window imports it (the overlay shows while dragging).
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer()
    dt.items.add(new File(['Dropped first line.\nDropped second line.'], 'dropped-notes.txt', { type: 'text/plain' }))
    return dt
  })
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await expect(page.getByText('Drop to import')).toBeVisible()
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  await expect(page.getByText('Drop to import')).toBeHidden()
  await expect(app.paragraphs).toHaveCount(2)
  await expect(app.paragraph(0)).toHaveText('Dropped first line.')

  // Deleting asks first; Cancel keeps the article, Delete removes it.
  await page.getByRole('button', { name: 'Library' }).click()
  await expect(items).toHaveCount(4)
  await page.getByRole('button', { name: 'Delete Pasted memo' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete article?' })
  await expect(confirm).toContainText('“Pasted memo” will be removed')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(items).toHaveCount(4)
  await page.getByRole('button', { name: 'Delete Pasted memo' }).click()
  await confirm.getByRole('button', { name: 'Delete article' }).click()
  await expect(items).toHaveCount(3)
  await expect(page.getByRole('list', { name: 'Articles' })).not.toContainText('Pasted memo')

  // …and the toast's Undo brings it back, text included.
  await app.toast('Deleted “Pasted memo”').getByRole('button', { name: 'Undo' }).click()
  await expect(app.toast('Restored “Pasted memo”')).toBeVisible()
  await expect(items).toHaveCount(4)
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: /Pasted memo/ }).first().click()
  await expect(app.paragraph(1)).toHaveText('Second pasted paragraph.')
})

test('screenshot of the reader with highlights and notes for the README', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' })
  const app = new GlossApp(page)
  await app.openArticle()
  await app.highlightPhrase(2, 'the first full-fledged summit since the pandemic', 'yellow')
  await app.highlightPhrase(3, 'a “no limits” partnership', 'blue')
  const commented = await app.highlightPhrase(4, 'an uncomfortable inflection level in the relationship', 'red')
  await app.clickMark(commented)
  await page.getByRole('toolbar', { name: 'Edit highlight' }).getByRole('button', { name: 'Comment' }).click()
  await page.getByRole('textbox', { name: 'Comment' }).fill('Key claim: test against the joint statement.')
  await page.getByRole('button', { name: 'Save', exact: true }).click()

  const notes = page.getByRole('textbox', { name: 'Analyst notes' })
  await notes.click()
  await page.keyboard.type('The summit frames the relationship as durable, yet the article hedges. ')
  await app.selectPhrase(4, 'an uncomfortable inflection level in the relationship')
  await page.getByRole('button', { name: 'Cite in note' }).click()
  await expect(notes.locator('[data-paragraph-ref]').first()).toBeVisible()
  await expect(app.paragraph(4)).toHaveAttribute('data-backlink-count', '1', { timeout: 15_000 })

  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  await page.mouse.click(5, 895)
  // Paragraphs 3–5 (yellow, blue, red with a comment and a backlink badge) in view.
  await app.paragraph(2).evaluate((el) => {
    const scroller = el.closest('.reader-scroll')!
    scroller.scrollTo({ top: el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 16 })
  })
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 })
  const out = resolve(__dirname, '..', '..', 'docs')
  mkdirSync(out, { recursive: true })
  await page.screenshot({ path: resolve(out, 'screenshot.png') })
})

test('the keyboard shortcuts sheet opens with "?" and closes with Escape', async ({ page }) => {
  await page.getByRole('list', { name: 'Articles' }).waitFor()
  await page.keyboard.press('Shift+Slash')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet.getByText('Cite a paragraph')).toBeVisible()
  await expect(sheet.locator('kbd', { hasText: '[[' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(sheet).toBeVisible()
})
