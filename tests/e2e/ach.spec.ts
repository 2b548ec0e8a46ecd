// Competing hypotheses, as an analyst builds a matrix: a project with the sample, a new matrix, three hypotheses,
// four pieces of evidence picked from the sample by searching, every cell rated from the keyboard — and the ranking
// the method gives (least evidence against first), kept after a reload.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'
import { shot } from './support/shots'

const PROJECT = 'Summit analysis'
const SAMPLE = /putin xi sco summit/i

const tabPanel = (page: Page): Locator => page.getByRole('tabpanel', { name: 'Competing hypotheses' })
const grid = (page: Page): Locator => page.getByRole('table', { name: 'Competing hypotheses matrix' })
const cell = (page: Page, row: number, col: number): Locator => grid(page).locator(`[data-cell="${row}:${col}"]`)

async function addEvidence(page: Page, words: string, expected: RegExp): Promise<void> {
  await tabPanel(page).getByRole('button', { name: 'Evidence…', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Add evidence' })
  await expect(dialog.getByRole('combobox')).toBeFocused()
  await page.keyboard.type(words)
  const first = dialog.getByRole('option').first()
  await expect(first).toContainText(expected)
  await expect(first).toHaveAttribute('aria-selected', 'true')
  if (words === 'Nord Stream') await shot(page, 'ach-picker')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
}

test('a 3 × 4 matrix built with the keyboard ranks the hypotheses by the evidence against them', async ({ page }) => {
  const app = new GlossApp(page)
  await app.createProject(PROJECT)
  await page.getByRole('button', { name: 'Add from library…' }).first().click()
  const add = page.getByRole('dialog', { name: `Add sources to “${PROJECT}”` })
  await add.getByRole('checkbox', { name: SAMPLE }).check()
  await add.getByRole('button', { name: 'Add source' }).click()

  await page.getByRole('tab', { name: 'Competing hypotheses' }).click()
  await expect(tabPanel(page).getByRole('heading', { name: 'No matrices yet' })).toBeVisible()
  await shot(page, 'ach-empty')
  await tabPanel(page).getByRole('button', { name: 'New matrix…' }).first().click()
  await page.keyboard.type('What does Beijing want from the summit?')
  await page.keyboard.press('Enter')
  await expect(tabPanel(page).getByRole('heading', { level: 3, name: 'What does Beijing want from the summit?' })).toBeVisible()
  await expect(tabPanel(page).getByRole('heading', { name: 'Start with the hypotheses' })).toBeVisible()

  // Three hypotheses: each new one takes the focus for its statement.
  for (const label of ['China backs Russia without reserve', 'China hedges between Russia and the West', 'China distances itself from Russia']) {
    await tabPanel(page).getByRole('button', { name: 'Hypothesis', exact: true }).click()
    await page.keyboard.type(label)
  }
  await expect(grid(page).getByRole('textbox', { name: /^Hypothesis H\d$/ })).toHaveCount(3)

  // Four pieces of evidence, found in the sample by their words.
  await addEvidence(page, 'Nord Stream', /Nord Stream.*¶7/s)
  await addEvidence(page, 'Kherson counteroffensive', /Kherson.*¶9/s)
  await addEvidence(page, 'rubles yuan', /rubles.*¶8/s)
  await addEvidence(page, 'North Korea artillery', /North Korea.*¶14/s)
  await expect(grid(page).locator('tbody tr')).toHaveCount(4)
  await expect(grid(page).locator('tbody tr').first().getByRole('button', { name: /¶7/ })).toBeVisible()

  // Rate every cell: click the first, then keys only (each rating moves to the next cell; Shift doubles).
  await cell(page, 0, 0).click()
  await expect(cell(page, 0, 0)).toBeFocused()
  for (const key of ['c', 'c', 'n', 'i', 'c', 'c', 'Shift+C', 'c', 'i', 'Shift+I', 'c', 'c']) await page.keyboard.press(key)
  // The last one was wrong: arrows to it, Delete clears it, then the right rating.
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowRight')
  await expect(cell(page, 3, 2)).toBeFocused()
  await page.keyboard.press('Delete')
  await expect(cell(page, 3, 2)).toHaveAttribute('data-rating', '')
  await page.keyboard.press('i')

  const ratings = await grid(page).locator('[data-cell]').evaluateAll((els) => els.map((el) => el.getAttribute('data-rating')))
  expect(ratings).toEqual(['C', 'C', 'N', 'I', 'C', 'C', 'CC', 'C', 'I', 'II', 'C', 'I'])

  // By hand: H1 = E2 (I, −1) + E4 (II, −2) = −3; H2 = 0; H3 = E3 (I) + E4 (I) = −2. E1 counts nothing against any.
  const ranking = tabPanel(page).getByRole('region', { name: 'Ranking of the hypotheses' }).getByRole('listitem')
  await expect(ranking).toHaveText([/^1\s*China hedges.*0$/, /^2\s*China distances.*−2$/, /^3\s*China backs.*−3$/])
  await expect(grid(page).locator('tbody tr').nth(0)).toContainText('Not diagnostic')
  await expect(grid(page).locator('tfoot [data-rank]')).toHaveText(['3rd', '1st', '2nd'])

  // Weights change the score: E4 judged highly credible makes H1's −3 heavier.
  await grid(page).getByRole('combobox', { name: 'Credibility of E4' }).selectOption('high')
  await expect(ranking.nth(2)).toContainText('−3.83')
  await expect(tabPanel(page).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await shot(page, 'ach-matrix')

  // Saved: after a reload the matrix is in the project's list and opens as it was.
  await page.reload()
  await app.openProject(PROJECT)
  await page.getByRole('tab', { name: 'Competing hypotheses' }).click()
  const row = tabPanel(page).getByRole('list', { name: 'Matrices' }).getByRole('button', { name: /^What does Beijing want/ })
  await expect(row).toContainText('3 hypotheses · 4 pieces of evidence')
  await shot(page, 'ach-list')
  await row.click()
  await expect(ranking).toHaveText([/China hedges/, /China distances/, /China backs/])
  await expect(grid(page).locator('[data-cell="3:0"]')).toHaveAttribute('data-rating', 'II')

  // An evidence row leads to its paragraph in the reader.
  await grid(page).locator('tbody tr').nth(1).getByRole('button', { name: /¶9/ }).click()
  await expect(app.article).toBeVisible()
  await expect(app.paragraph(8)).toBeInViewport()
})

test('matrices are renamed in place and deleted with Undo', async ({ page }) => {
  const app = new GlossApp(page)
  await app.createProject(PROJECT)
  await page.getByRole('tab', { name: 'Competing hypotheses' }).click()
  await tabPanel(page).getByRole('button', { name: 'New matrix…' }).first().click()
  await page.keyboard.type('First question')
  await page.keyboard.press('Enter')
  await tabPanel(page).getByRole('button', { name: 'Back to the project\'s matrices' }).click()
  const list = tabPanel(page).getByRole('list', { name: 'Matrices' })
  await expect(list.getByRole('button', { name: /^First question/ })).toBeVisible()

  await list.getByRole('button', { name: /^First question/ }).focus()
  await page.keyboard.press('F2')
  await page.getByRole('textbox', { name: 'Matrix title' }).fill('Who gains from the summit?')
  await page.keyboard.press('Enter')
  await expect(list.getByRole('button', { name: /^Who gains from the summit\?/ })).toBeVisible()

  await list.getByRole('button', { name: /^Who gains/ }).focus()
  await page.keyboard.press('Delete')
  await expect(tabPanel(page).getByRole('heading', { name: 'No matrices yet' })).toBeVisible()
  await app.toast('Deleted the matrix “Who gains from the summit?”.').getByRole('button', { name: 'Undo' }).click()
  await expect(list.getByRole('button', { name: /^Who gains/ })).toBeVisible()
})

test('a tagged passage dragged from “Highlights by tag” onto the matrix becomes evidence', async ({ page }) => {
  const app = new GlossApp(page)
  await app.createProject(PROJECT)
  await page.getByRole('button', { name: 'Add from library…' }).first().click()
  const add = page.getByRole('dialog', { name: `Add sources to “${PROJECT}”` })
  await add.getByRole('checkbox', { name: SAMPLE }).check()
  await add.getByRole('button', { name: 'Add source' }).click()

  // A tagged passage in the sample.
  await app.openArticle()
  await app.selectPhrase(13, 'Russia has begun leaning on North Korea')
  await page.getByRole('toolbar', { name: 'Highlight the selected text' }).getByRole('button', { name: 'Tag', exact: true }).click()
  await page.keyboard.type('Arms')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await app.backToLibrary()

  // A matrix with one hypothesis.
  await page.getByRole('tab', { name: 'Competing hypotheses' }).click()
  await tabPanel(page).getByRole('button', { name: 'New matrix…' }).first().click()
  await page.keyboard.type('Does Russia run short of shells?')
  await page.keyboard.press('Enter')
  await tabPanel(page).getByRole('button', { name: 'Hypothesis', exact: true }).click()
  await page.keyboard.type('Russia runs short')

  // Drag the passage from "Highlights by tag" over the tab (it opens) and onto the matrix.
  await page.getByRole('tab', { name: 'Highlights by tag' }).click()
  const passage = page.getByRole('tabpanel', { name: 'Highlights by tag' }).getByRole('button', { name: /Russia has begun leaning on North Korea/ })
  await passage.hover()
  await page.mouse.down()
  const tab = await page.getByRole('tab', { name: 'Competing hypotheses' }).boundingBox()
  await page.mouse.move(tab!.x + tab!.width / 2, tab!.y + tab!.height / 2, { steps: 8 })
  await expect(page.getByRole('tab', { name: 'Competing hypotheses' })).toHaveAttribute('aria-selected', 'true')
  const target = await grid(page).boundingBox()
  await page.mouse.move(target!.x + target!.width / 2, target!.y + target!.height / 2, { steps: 8 })
  await page.mouse.up()

  const row = grid(page).locator('tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row.getByRole('textbox', { name: 'Evidence E1' })).toHaveValue('Russia has begun leaning on North Korea')
  await expect(row.getByRole('button', { name: /¶14/ })).toBeVisible()
  await expect(cell(page, 0, 0)).toBeFocused()
  await page.keyboard.press('Shift+C')
  await expect(cell(page, 0, 0)).toHaveAttribute('data-rating', 'CC')

  // Its link leads to the highlight itself in the reader.
  await row.getByRole('button', { name: /¶14/ }).click()
  await expect(app.paragraph(13).locator('mark[data-highlight-id]')).toContainText('Russia has begun leaning on North Korea')
  await expect(page.getByRole('toolbar', { name: 'Edit highlight' })).toBeVisible()
})

test('an edit that meets a change made in another window is kept as a conflicted copy', async ({ page, gloss }) => {
  const app = new GlossApp(page)
  await app.createProject(PROJECT)
  await page.getByRole('tab', { name: 'Competing hypotheses' }).click()
  await tabPanel(page).getByRole('button', { name: 'New matrix…' }).first().click()
  await page.keyboard.type('Shared question')
  await page.keyboard.press('Enter')
  await tabPanel(page).getByRole('button', { name: 'Hypothesis', exact: true }).click()
  await page.keyboard.type('Mine')
  await expect(tabPanel(page).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  // Another window opens the same matrix and changes it.
  const other = await page.context().newPage()
  await other.goto(gloss.url)
  const app2 = new GlossApp(other)
  await app2.openProject(PROJECT)
  await other.getByRole('tab', { name: 'Competing hypotheses' }).click()
  await tabPanel(other).getByRole('list', { name: 'Matrices' }).getByRole('button', { name: /^Shared question/ }).click()
  await tabPanel(other).getByRole('button', { name: 'Hypothesis', exact: true }).click()
  await other.keyboard.type('Theirs')
  await expect(tabPanel(other).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await other.close()

  // This window, still on the old revision, edits: nothing is overwritten, its edit becomes a copy, shown as such.
  await grid(page).getByRole('textbox', { name: 'Hypothesis H1' }).fill('Mine, restated')
  const banner = tabPanel(page).locator('[data-conflict-copy]')
  await expect(banner).toContainText('Nothing was overwritten')
  await expect(banner).toContainText('Shared question (conflicted copy')
  await expect(tabPanel(page).getByRole('heading', { level: 3 })).toContainText('Shared question (conflicted copy')
  await shot(page, 'ach-conflict')
  // The other version is a click away, as it was saved there.
  await banner.getByRole('button', { name: 'Open the other version' }).click()
  await expect(tabPanel(page).getByRole('heading', { level: 3 })).toHaveText('Shared question')
  await expect(grid(page).getByRole('textbox', { name: 'Hypothesis H1' })).toHaveValue('Mine')
  await expect(grid(page).getByRole('textbox', { name: 'Hypothesis H2' })).toHaveValue('Theirs')
  await tabPanel(page).getByRole('button', { name: "Back to the project's matrices" }).click()
  await expect(tabPanel(page).getByRole('list', { name: 'Matrices' }).getByRole('listitem')).toHaveCount(2)
})

test('the evidence picker offers the paragraphs the notes cite before anything is typed', async ({ page }) => {
  const app = new GlossApp(page)
  await app.createProject(PROJECT)
  await page.getByRole('button', { name: 'Add from library…' }).first().click()
  const add = page.getByRole('dialog', { name: `Add sources to “${PROJECT}”` })
  await add.getByRole('checkbox', { name: SAMPLE }).check()
  await add.getByRole('button', { name: 'Add source' }).click()

  // Cite ¶11 in the sample's note (from "Who said what").
  await app.openArticle()
  await page.keyboard.press('Control+Alt+KeyQ')
  const austin = page.getByRole('complementary', { name: 'Who said what' }).getByRole('listitem').filter({ hasText: 'inflicted significant damage' })
  await austin.getByRole('button', { name: /^Cite this quotation of Lloyd Austin/ }).click()
  await expect(page.getByRole('region', { name: 'Notes' }).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await app.backToLibrary()

  await page.getByRole('tab', { name: 'Competing hypotheses' }).click()
  await tabPanel(page).getByRole('button', { name: 'New matrix…' }).first().click()
  await page.keyboard.type('Is the counteroffensive working?')
  await page.keyboard.press('Enter')
  await tabPanel(page).getByRole('button', { name: 'Evidence…', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Add evidence' })
  const cited = dialog.getByRole('group', { name: 'Cited in notes' }).getByRole('option')
  await expect(cited).toHaveCount(1)
  await expect(cited).toContainText('¶11 · cited once')
  await expect(cited).toHaveAttribute('aria-selected', 'true')
  await shot(page, 'ach-picker-cited')
  await page.keyboard.press('Enter')
  await expect(grid(page).getByRole('textbox', { name: 'Evidence E1' })).toHaveValue(/The Ukrainians have inflicted significant damage/)
  await expect(grid(page).locator('tbody tr').first().getByRole('button', { name: /¶11/ })).toBeVisible()
})
