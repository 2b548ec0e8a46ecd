// Analyst notes pane: writing, citing paragraphs ([[, "Cite in note", drag), backlinks, autosave, conflicts.
// Acts as a person: real clicks, typing, mouse selection and drag and drop.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'

const TITLE = 'Putin xi sco summit'

/**
 * Shows the sample article in the reader: a fresh data dir gets the bundled sample on first run, and after a
 * reload the app reopens the last article, so this clicks "Open …" in the library only when it is there.
 */
async function openSample(page: Page): Promise<void> {
  const article = page.getByRole('article')
  const open = page.getByRole('button', { name: `Open ${TITLE}` }).first()
  await expect(article.or(open)).toBeVisible()
  if (!(await article.isVisible())) await open.click()
  await expect(article).toBeVisible()
  await expect(notesEditor(page)).toBeVisible()
}

function notesPane(page: Page): Locator {
  return page.getByRole('region', { name: 'Notes' })
}

/** The open note's title (the first level-2 heading of the pane; note content may have its own). */
function noteTitle(page: Page): Locator {
  return notesPane(page).getByRole('heading', { level: 2 }).first()
}

function notesEditor(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Analyst notes' })
}

function paragraph(page: Page, number: number): Locator {
  return page.getByRole('article').locator(`[data-paragraph-index="${number - 1}"]`)
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
}

test('cite with [[, follow the chip, cite a selection, and find everything again after a reload', async ({ page }) => {
  await openSample(page)
  const notes = notesEditor(page)
  await expect(notes).toHaveAttribute('aria-multiline', 'true')
  await notes.click()
  await page.keyboard.type('Russia is losing ground in the south. ')
  await page.keyboard.type('[[kherson')

  const list = page.getByRole('listbox', { name: 'Paragraphs to cite' })
  await expect(list.getByRole('option')).toHaveCount(1)
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  // The option shows the matched word in context (it is far into the paragraph), marked.
  await expect(list.getByRole('option').first()).toContainText(/¶9.*seize again Kherson/)
  await expect(list.getByRole('option').first().locator('mark')).toHaveText(['Kherson'])
  await page.keyboard.press('Enter')
  await expect(list).toBeHidden()

  const chip = notes.locator('[data-paragraph-ref]')
  await expect(chip).toHaveCount(1)
  await expect(chip).toHaveText('¶9')
  await expect(chip).toHaveAttribute('data-article-id', /.+/)
  await expect(notes).not.toContainText('[[')
  await expect(notes).toContainText('Russia is losing ground in the south.')
  await saved(page)
  await expect(paragraph(page, 9)).toHaveAttribute('data-backlink-count', '1')

  // Scroll the reader away, then follow the chip back.
  await paragraph(page, 1).scrollIntoViewIfNeeded()
  await expect(paragraph(page, 9)).not.toBeInViewport()
  await chip.click()
  await expect(paragraph(page, 9)).toBeInViewport()

  // Cite a passage selected with the mouse in paragraph 4.
  await new GlossApp(page).selectPhrase(3, 'Beijing Winter Olympics')
  await page.getByRole('button', { name: 'Cite in note' }).click()
  await expect(notes.locator('blockquote')).toContainText('Beijing Winter Olympics')
  await expect(chip).toHaveCount(2)
  await expect(chip.nth(1)).toHaveText('¶4')
  await saved(page)
  await expect(paragraph(page, 4)).toHaveAttribute('data-backlink-count', '1')
  await expect(paragraph(page, 9)).toHaveAttribute('data-backlink-count', '1')

  // Reload: the note, its chips and the reader's counts are all still there.
  await page.reload()
  await openSample(page)
  await expect(notes).toContainText('Russia is losing ground in the south.')
  await expect(notes.locator('blockquote')).toContainText('Beijing Winter Olympics')
  await expect(notes.locator('[data-paragraph-ref]')).toHaveText(['¶9', '¶4'])
  await expect(paragraph(page, 4)).toHaveAttribute('data-backlink-count', '1')
  await expect(paragraph(page, 9)).toHaveAttribute('data-backlink-count', '1')
  await expect(page.getByRole('status').filter({ hasText: /words?$/ })).toHaveCount(0) // word count is not a live region
  await expect(page.getByText(/^\d+ words$/)).toBeVisible()
})

test('the [[ list filters across words and diacritics, says when nothing matches, and Escape keeps the text', async ({ page }) => {
  await openSample(page)
  const notes = notesEditor(page)
  await notes.click()
  await page.keyboard.type('See [[TAÏWAN pelosi')
  const list = page.getByRole('listbox', { name: 'Paragraphs to cite' })
  await expect(list.getByRole('option')).toHaveCount(1)
  await expect(list.getByRole('option')).toContainText('¶17')
  await page.keyboard.type(' zzz')
  await expect(list).toBeHidden()
  await expect(page.getByText('No paragraph matches')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByText('No paragraph matches')).toBeHidden()
  await expect(notes).toContainText('See [[TAÏWAN pelosi zzz')
  await expect(notes.locator('[data-paragraph-ref]')).toHaveCount(0)

  // Arrow keys move through the options of a broader query.
  await page.keyboard.press('Enter')
  await page.keyboard.type('[[fraught seemingly')
  await expect(list.getByRole('option')).toHaveCount(2)
  await page.keyboard.press('ArrowDown')
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(notes.locator('[data-paragraph-ref]')).toHaveText(['¶16'])
})

test('a paragraph number dragged from the reader becomes a reference chip', async ({ page }) => {
  await openSample(page)
  const notes = notesEditor(page)
  await notes.click()
  await page.keyboard.type('Denisov is quoted here: ')
  await saved(page)
  const number = paragraph(page, 3).locator('[draggable="true"]').first()
  await number.dragTo(notes)
  const chip = notes.locator('[data-paragraph-ref]')
  await expect(chip).toHaveText('¶3')
  await saved(page)
  await expect(paragraph(page, 3)).toHaveAttribute('data-backlink-count', '1')
})

test('a backlink in the reader opens the note with that reference selected', async ({ page }) => {
  await openSample(page)
  const notes = notesEditor(page)
  await notes.click()
  await page.keyboard.type('First [[kherson')
  await page.keyboard.press('Enter')
  await page.keyboard.type('and later [[nord stream')
  await page.keyboard.press('Enter')
  await saved(page)
  await page.getByRole('heading', { level: 1 }).first().click() // leave the editor
  await paragraph(page, 7).getByRole('button', { name: /Cited 1 time/ }).click()
  await page.getByRole('dialog', { name: 'Notes citing paragraph 7' }).getByRole('button').first().click()
  const second = notes.locator('[data-paragraph-ref]').nth(1)
  await expect(second).toHaveClass(/ProseMirror-selectednode/)
  await expect(notes).toBeFocused()
  // Enter on a selected chip goes to its paragraph.
  await paragraph(page, 1).scrollIntoViewIfNeeded()
  await page.keyboard.press('Enter')
  await expect(paragraph(page, 7)).toBeInViewport()
})

test('text typed just before a reload or closing the window is saved', async ({ page, context, gloss }) => {
  await openSample(page)
  const notes = notesEditor(page)
  await notes.click()
  await page.keyboard.type('Typed right before reloading.')
  await page.reload()
  await openSample(page)
  await expect(notes).toContainText('Typed right before reloading.')

  await notes.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' And before closing.')
  await page.close({ runBeforeUnload: true })
  const again = await context.newPage()
  await again.goto(gloss.url)
  await openSample(again)
  await expect(notesEditor(again)).toContainText('Typed right before reloading. And before closing.')
})

test('editing one note in two windows keeps both versions', async ({ page, context, gloss }) => {
  await openSample(page)
  const other = await context.newPage()
  await other.goto(gloss.url)
  await openSample(other)
  await expect(notesEditor(other)).toBeVisible()

  await notesEditor(page).click()
  await page.keyboard.type('Alpha: written in the first window.')
  await saved(page)

  await notesEditor(other).click()
  await other.keyboard.type('Beta: written in the second window.')
  const banner = other.getByRole('alert').filter({ hasText: 'This note was changed in another window.' })
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('(conflicted copy')

  // The second window carries on, untouched, in the conflicted copy: all of its text is there and saved.
  await expect(notesPane(other).getByRole('heading', { level: 2, name: /conflicted copy/ })).toBeVisible()
  await expect(notesEditor(other)).toContainText('Beta: written in the second window.')
  await saved(other)

  // The first window's version stays under the original note, without the second window's text.
  const switcher = other.getByLabel('Open note')
  const originalValue = await switcher.locator('option', { hasText: /^Analysis — [^(]*$/ }).getAttribute('value')
  await switcher.selectOption(originalValue!)
  await expect(notesEditor(other)).toContainText('Alpha: written in the first window.')
  await expect(notesEditor(other)).not.toContainText('Beta')

  // And the copy, reopened from the switcher, holds every character typed in the second window.
  const copyValue = await switcher.locator('option', { hasText: 'conflicted copy' }).getAttribute('value')
  await switcher.selectOption(copyValue!)
  await expect(notesEditor(other)).toContainText('Beta: written in the second window.')
  await expect(notesEditor(other)).not.toContainText('Alpha')
})

test('new note, rename, switcher, toolbar and safe links', async ({ page }) => {
  await openSample(page)
  const notes = notesEditor(page)
  await expect(noteTitle(page)).toContainText('Analysis')

  await page.getByRole('button', { name: 'New note' }).click()
  await expect(notesPane(page).getByRole('heading', { level: 2, name: 'Untitled note' })).toBeVisible()
  await expect(notes).toBeFocused()

  // Rename: Escape cancels, Enter saves, an empty title is refused.
  await notesPane(page).getByRole('heading', { level: 2, name: 'Untitled note' }).dblclick()
  const title = page.getByRole('textbox', { name: 'Note title' })
  await title.fill('Scratch')
  await title.press('Escape')
  await expect(notesPane(page).getByRole('heading', { level: 2, name: 'Untitled note' })).toBeVisible()
  await page.getByRole('button', { name: 'Rename note' }).click()
  await title.fill('   ')
  await title.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'A note needs a title.' })).toBeVisible()
  await title.fill('Energy angle')
  await title.press('Enter')
  await expect(notesPane(page).getByRole('heading', { level: 2, name: 'Energy angle' })).toBeVisible()

  // Toolbar: bold via button with a shortcut tooltip; markdown input rule for a heading.
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', /Bold \((Ctrl\+B|⌘B)\)/)
  await notes.click()
  await page.keyboard.type('## Gas')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Bold' }).click()
  await page.keyboard.type('Nord Stream')
  await expect(notes.locator('h2')).toHaveText('Gas')
  await expect(notes.locator('strong')).toHaveText('Nord Stream')
  await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true')

  // Links: javascript: is refused with a clear message, https is applied.
  await page.keyboard.press('Shift+Home')
  await page.getByRole('button', { name: 'Link' }).click()
  const url = page.getByRole('textbox', { name: 'Link address' })
  await url.fill('javascript:alert(1)')
  await url.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'Only web links' })).toBeVisible()
  await url.fill('https://example.com/nord-stream')
  await url.press('Enter')
  await expect(notes.locator('a')).toHaveAttribute('href', 'https://example.com/nord-stream')
  await expect(notes.locator('a')).toHaveText('Nord Stream')
  await saved(page)

  // Switch back to the article's analysis note and again to the new one.
  const switcher = page.getByLabel('Open note')
  await switcher.selectOption({ label: `Analysis — ${TITLE}` })
  await expect(noteTitle(page)).toContainText('Analysis')
  await expect(page.getByText('A note needs a title.')).toBeHidden()
  await switcher.selectOption({ label: 'Energy angle' })
  await expect(noteTitle(page)).toHaveText('Energy angle')
  await expect(notes.locator('a')).toHaveText('Nord Stream')
})

test('a long note scrolls in its own pane: the wheel scrolls the text, the title and toolbar stay, the caret stays in view', async ({ page }) => {
  await openSample(page)
  const notes = notesEditor(page)
  await notes.click()
  // Forty lines typed with Enter between them: far taller than the pane.
  for (let i = 1; i <= 40; i++) {
    await page.keyboard.type(`Line ${i} of a long analysis.`)
    await page.keyboard.press('Enter')
  }
  await page.keyboard.type('The last line.')
  // Exactly what was typed, block by block (typed at full speed into blocks the browser may skip when out of sight).
  await expect(notes.locator('p')).toHaveText([...Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of a long analysis.`), 'The last line.'])
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' })
  const title = noteTitle(page)
  // Typing at the end keeps the caret's line in view, and the pane's title and toolbar where they were.
  await expect(notes.getByText('The last line.')).toBeInViewport()
  await expect(title).toBeInViewport()
  await expect(toolbar).toBeInViewport()
  await expect(notes.getByText('Line 1 of a long analysis.')).not.toBeInViewport()

  // The wheel over the text scrolls the note back to its top; the title and toolbar have not moved.
  const titleTop = (await title.boundingBox())!.y
  const box = (await notes.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, Math.min(box.y + box.height - 20, 700))
  await page.mouse.wheel(0, -4000)
  await expect(notes.getByText('Line 1 of a long analysis.')).toBeInViewport()
  await expect(notes.getByText('The last line.')).not.toBeInViewport()
  expect((await title.boundingBox())!.y).toBe(titleTop)
  await expect(toolbar).toBeInViewport()

  // The keyboard goes to either end, and arrows walk line by line into blocks that were out of sight.
  await notes.getByText('Line 1 of a long analysis.').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Really.')
  await expect(notes.getByText('The last line. Really.')).toBeInViewport()
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('First: ')
  await expect(notes.getByText('First: Line 1 of a long analysis.')).toBeInViewport()
  for (let i = 0; i < 39; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.type(' (forty)')
  await expect(notes.getByText('Line 40 of a long analysis. (forty)')).toBeInViewport()
  // Shift+Ctrl+Home selects up to the top through every block, drawn or not: the text typed replaces it all.
  await page.keyboard.press('Control+Shift+Home')
  await page.keyboard.type('Fresh start.')
  await expect(notes.locator('p').first()).toHaveText('Fresh start.')
  await expect(notes.getByText('Line 20 of a long analysis.')).toHaveCount(0)
  await expect(notes.getByText('The last line. Really.')).toBeVisible()
})

test('pasted HTML keeps formatting but never scripts or javascript: links', async ({ page }) => {
  await openSample(page)
  const notes = notesEditor(page)
  await notes.click()
  await page.evaluate(() => {
    const html =
      '<p onclick="window.__pwned=1">Safe <b>bold</b> <a href="javascript:window.__pwned=2">bad link</a> ' +
      '<a href="https://example.org">good link</a><img src=x onerror="window.__pwned=3"></p><script>window.__pwned=4</script>'
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'Safe bold bad link good link')
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(notes).toContainText('Safe bold bad link good link')
  await expect(notes.locator('strong')).toHaveText('bold')
  await expect(notes.locator('a')).toHaveCount(1)
  await expect(notes.locator('a')).toHaveAttribute('href', 'https://example.org')
  await expect(notes.locator('[onclick], [onerror], script, img')).toHaveCount(0)
  await notes.locator('p', { hasText: 'Safe' }).click()
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
})

test('a failing save says so, retries, and recovers', async ({ page }) => {
  await openSample(page)
  let failures = 2
  await page.route('**/api/saveNote', async (route) => {
    if (failures-- > 0) await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'Disk is full.' } }) })
    else await route.continue()
  })
  await notesEditor(page).click()
  await page.keyboard.type('Kept despite a hiccup.')
  await expect(page.getByRole('status').filter({ hasText: 'Save failed — retrying' })).toBeVisible()
  await saved(page)
  await page.unroute('**/api/saveNote')
  await page.reload()
  await openSample(page)
  await expect(notesEditor(page)).toContainText('Kept despite a hiccup.')
})

test('a read-only note cannot be edited and says why', async ({ page }) => {
  await page.route('**/api/getArticleNote', async (route) => {
    const response = await route.fetch()
    const body = await response.json()
    body.result.readOnlyReason = 'This note was written by a newer version of Gloss (format 2). It is shown read-only so nothing is lost.'
    await route.fulfill({ response, json: body })
  })
  await openSample(page)
  const notes = notesEditor(page)
  await expect(page.getByRole('note')).toContainText('written by a newer version of Gloss')
  await expect(notes).toHaveAttribute('contenteditable', 'false')
  await expect(page.getByRole('status').filter({ hasText: 'Read-only' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Bold' })).toBeDisabled()
})

test('a reference whose passage moved is flagged and can be re-anchored', async ({ page }) => {
  await openSample(page)
  const p9 = await paragraph(page, 9).getAttribute('data-paragraph-id')
  const p10 = await paragraph(page, 10).getAttribute('data-paragraph-id')
  // The backend reports the ¶9 reference as changed, its passage now found in ¶10 (as after a re-import).
  await page.route('**/api/checkNoteRefs', async (route) => {
    const response = await route.fetch()
    const body = await response.json()
    for (const ref of body.result) {
      if (ref.paragraphId === p9) Object.assign(ref, { status: 'changed', suggestedParagraphId: p10 })
    }
    await route.fulfill({ response, json: body })
  })
  const notes = notesEditor(page)
  await notes.click()
  await page.keyboard.type('Counteroffensive: [[kherson')
  await page.keyboard.press('Enter')
  await saved(page)

  const chip = notes.locator('[data-paragraph-ref]')
  await expect(chip).toHaveAttribute('data-status', 'changed')
  await expect(chip.getByRole('link')).toHaveAttribute('aria-label', 'Reference to paragraph 9 (changed)')
  await expect(chip.getByRole('link')).toHaveAttribute('title', /Changed: the cited passage is no longer in this paragraph/)
  await chip.getByRole('button', { name: 'Reference options' }).click()
  await page.getByRole('menuitem', { name: 'Re-anchor' }).click()
  await expect(chip).toHaveAttribute('data-paragraph-ref', p10!)
  await expect(chip).toHaveText('¶10')
  await saved(page)
  await expect(chip).toHaveAttribute('data-status', 'ok')
  await expect(paragraph(page, 10)).toHaveAttribute('data-backlink-count', '1')
  await expect(paragraph(page, 9)).not.toHaveAttribute('data-backlink-count', /.*/)
})
