// Search palette: Ctrl+K (or the top-bar button), typing, arrow keys and Enter, as a person would.
// Paragraph hits open in the reader (scrolled into view); note hits open in the notes pane.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'

function palette(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Search' })
}

function searchbox(page: Page): Locator {
  return palette(page).getByRole('searchbox', { name: 'Search articles, notes and highlights' })
}

function options(page: Page): Locator {
  return palette(page).getByRole('listbox', { name: 'Search results' }).getByRole('option')
}

function notesPane(page: Page): Locator {
  return page.getByRole('region', { name: 'Notes' })
}

function notesEditor(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Analyst notes' })
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
}

async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+k')
  await expect(palette(page)).toBeVisible()
  await expect(searchbox(page)).toBeFocused()
}

test('Ctrl+K finds a paragraph; arrows move; Enter shows it in the reader; Escape gives focus back', async ({ page }) => {
  const app = new GlossApp(page)
  await expect(page.getByRole('list', { name: 'Articles' })).toBeVisible()

  // From the library: the palette opens the article and scrolls to the paragraph.
  await openPalette(page)
  await expect(palette(page)).toContainText('Search every article, note and highlight comment. ↑↓ to move, Enter to open.')
  await page.keyboard.type('Kharkiv')
  await expect(options(page)).toHaveCount(1)
  const hit = options(page).first()
  await expect(hit).toContainText('¶9')
  await expect(hit).toContainText(/putin xi sco summit/i)
  await expect(hit.locator('mark')).toHaveText(['Kharkiv'])
  await expect(hit).toHaveAttribute('aria-selected', 'true')
  await expect(palette(page).getByRole('status')).toHaveText('1 result')
  await page.keyboard.press('Enter')
  await expect(palette(page)).toBeHidden()
  await expect(app.paragraph(8)).toBeInViewport()
  await expect(app.paragraph(8)).toContainText('Kharkiv')

  // Inside the article, far from the match: scroll to the end, then search for a word of paragraph 1.
  await app.paragraph(17).scrollIntoViewIfNeeded()
  await expect(app.paragraph(0)).not.toBeInViewport()
  await openPalette(page)
  await page.keyboard.type('uzbek') // a prefix, lower case
  await expect(options(page)).toHaveCount(2)
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowDown')
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'false')
  await expect(searchbox(page)).toHaveAttribute('aria-activedescendant', (await options(page).nth(1).getAttribute('id'))!)
  await page.keyboard.press('ArrowDown') // wraps around
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'true')
  const first = (await options(page).nth(0).textContent())!
  const number = Number(/¶(\d+)/.exec(first)![1])
  expect([1, 2]).toContain(number)
  await page.keyboard.press('Enter')
  await expect(app.paragraph(number - 1)).toBeInViewport()

  // Nothing found: a clear empty state. Escape closes and gives focus back to what had it.
  const button = page.getByRole('button', { name: 'Search', exact: true })
  await expect(button).toHaveAttribute('title', /^Search \((Ctrl\+K|⌘K)\)$/)
  await button.click()
  await expect(searchbox(page)).toBeFocused()
  await page.keyboard.type('zqxwv')
  await expect(palette(page)).toContainText('No matches for “zqxwv”')
  await expect(options(page)).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(palette(page)).toBeHidden()
  await expect(button).toBeFocused()
})

test('notes are searched too: Enter opens the note in the notes pane, from the workspace or the library', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  const notes = notesEditor(page)
  await expect(notes).toBeVisible()

  // The article's analysis note, then a second note.
  await notes.click()
  await page.keyboard.type('The quixotic embargo plan would backfire.')
  await saved(page)
  await page.getByRole('button', { name: 'New note' }).click()
  await expect(notesPane(page).getByRole('heading', { level: 2, name: 'Untitled note' })).toBeVisible()
  await expect(notes).toBeFocused()
  await page.keyboard.type('Zymurgy of sanctions: they ferment slowly.')
  await saved(page)

  // In the editor Ctrl+K stays the link shortcut; it does not open search.
  await page.keyboard.press('ControlOrMeta+k')
  await expect(page.getByRole('textbox', { name: 'Link address' })).toBeVisible()
  await expect(palette(page)).toBeHidden()
  await page.keyboard.press('Escape')

  // Search the analysis note from the workspace (via the top-bar button) and open it.
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(searchbox(page)).toBeFocused()
  await page.keyboard.type('quixot')
  await expect(options(page)).toHaveCount(1)
  const noteHit = options(page).first()
  await expect(noteHit).toHaveAttribute('data-kind', 'note')
  await expect(noteHit).toContainText('Note · ')
  await expect(noteHit.locator('mark')).toHaveText(['quixot'])
  await page.keyboard.press('Enter')
  await expect(palette(page)).toBeHidden()
  await expect(notesPane(page).getByRole('heading', { level: 2 }).first()).toContainText('Analysis')
  await expect(notes).toContainText('The quixotic embargo plan would backfire.')

  // From the library: the note opens beside its article, instead of the article's analysis note.
  await page.getByRole('button', { name: 'Library', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Articles' })).toBeVisible()
  await openPalette(page)
  await page.keyboard.type('zymurgy ferment')
  await expect(options(page)).toHaveCount(1)
  await expect(options(page).first().locator('mark')).toHaveText(['Zymurgy', 'ferment'])
  await page.keyboard.press('Enter')
  await expect(app.article).toBeVisible()
  await expect(notesPane(page).getByRole('heading', { level: 2, name: 'Untitled note' })).toBeVisible()
  await expect(notes).toContainText('Zymurgy of sanctions: they ferment slowly.')
})

test('highlight comments are searched; filters keep to one kind or to the open article', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  const id = await app.highlightPhrase(8, 'Kharkiv', 'green')
  await app.clickMark(id)
  await page.getByRole('toolbar', { name: 'Edit highlight' }).getByRole('button', { name: 'Comment' }).click()
  const editor = page.getByRole('dialog', { name: 'Comment on highlight' })
  await editor.getByRole('textbox', { name: 'Comment' }).fill('Corroborate the claim with a second source.')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(editor).toBeHidden()

  // The comment is found, with the passage it is about; Enter shows the highlighted paragraph.
  await page.getByRole('button', { name: 'Library', exact: true }).click()
  await openPalette(page)
  await page.keyboard.type('corroborat')
  const hit = palette(page).locator('[role="option"][data-kind="highlight"]')
  await expect(hit).toHaveCount(1)
  await expect(hit).toContainText('Highlight comment')
  await expect(hit).toContainText('“Kharkiv”')
  await expect(hit).toContainText('¶9')
  await expect(hit.locator('mark')).toHaveText(['Corroborat'])

  // Kind filters: paragraphs only finds nothing for the comment's word; highlights only finds it alone.
  await palette(page).getByRole('radio', { name: 'Paragraphs' }).click()
  await expect(palette(page)).toContainText('No matches for “corroborat”')
  await palette(page).getByRole('radio', { name: 'Highlights' }).click()
  await expect(options(page)).toHaveCount(1)
  await expect(searchbox(page)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(palette(page)).toBeHidden()
  await expect(app.paragraph(8)).toBeInViewport()

  // A second source that also names Kharkiv; in the sample, "This article only" keeps to the sample.
  await page.getByRole('button', { name: 'Library', exact: true }).click()
  await app.dropFile({ name: 'front-line.md', mimeType: 'text/markdown', text: '# Front line\n\nShelling continued near Kharkiv overnight.\n' })
  await expect(app.article).toContainText('Shelling continued near Kharkiv overnight.')
  await page.getByRole('button', { name: 'Library', exact: true }).click()
  await app.openArticle()
  await openPalette(page)
  await page.keyboard.type('Kharkiv')
  await expect(options(page)).toHaveCount(2)
  const scope = palette(page).getByRole('button', { name: 'This article only' })
  await expect(scope).toHaveAttribute('aria-pressed', 'false')
  await scope.click()
  await expect(scope).toHaveAttribute('aria-pressed', 'true')
  await expect(options(page)).toHaveCount(1)
  await expect(options(page).first()).toContainText('¶9')
  await expect(options(page).first()).toContainText(/putin xi sco summit/i)
})
