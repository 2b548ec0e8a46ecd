// The tag manager as a person uses it: tags made in the reader's highlight toolbar are listed with their counts;
// a rename to a name that exists is refused in words (merge instead); merge, rename, delete with Undo; a tag's
// passages open in the reader.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'

/** Tags a highlight from its toolbar, keyboard-first: click it, T, type, Enter, Escape. */
async function tagHighlight(app: GlossApp, id: string, tag: string): Promise<void> {
  await app.clickMark(id)
  await app.page.keyboard.press('t')
  await expect(app.page.getByRole('toolbar', { name: 'Edit highlight' }).getByRole('combobox', { name: 'Add a tag' })).toBeFocused()
  await app.page.keyboard.type(tag)
  await app.page.keyboard.press('Enter')
  await expect(app.page.getByRole('toolbar', { name: 'Edit highlight' }).getByRole('list', { name: 'Tags of this highlight' })).toContainText(tag)
  await app.page.keyboard.press('Escape')
  await expect(app.page.getByRole('toolbar', { name: 'Edit highlight' })).toBeHidden()
}

const tagList = (page: Page) => page.getByRole('list', { name: 'Tags' })
const tagRow = (page: Page, name: string) => tagList(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: new RegExp(`^${name}: `) }) })

test('the tag manager lists tags with counts, refuses a clashing rename, merges, renames, and deletes with Undo', async ({ page }) => {
  const app = new GlossApp(page)

  // No tags yet: the manager says how to make one.
  await app.sidebar.getByRole('button', { name: 'Tags' }).click()
  await expect(page.getByRole('heading', { name: 'No tags yet' })).toBeVisible()

  await app.sidebar.getByRole('button', { name: 'All sources' }).click()
  await app.openArticle()
  const putin = await app.highlightPhrase(0, 'Russian President Vladimir Putin', 'blue')
  const xi = await app.highlightPhrase(0, 'Chinese President Xi Jinping', 'blue')
  const gas = await app.highlightPhrase(6, 'halted Nord Stream 1 gas pipeline', 'red')
  await tagHighlight(app, putin, 'Leaders')
  await tagHighlight(app, xi, 'Leader')
  await tagHighlight(app, gas, 'Risk')
  // "Tag" on a selection, typing at once (before the field has appeared): nothing typed is lost.
  await app.selectPhrase(9, 'prime Russian brass')
  await page.getByRole('toolbar', { name: 'Highlight the selected text' }).getByRole('button', { name: 'Tag', exact: true }).click()
  await page.keyboard.type('Military', { delay: 0 })
  await page.keyboard.press('Enter')
  await page.keyboard.type('Suppl', { delay: 0 })
  const quick = page.getByRole('toolbar', { name: 'Edit highlight' })
  await expect(quick.getByRole('list', { name: 'Tags of this highlight' }).getByRole('listitem')).toHaveText(['Military'])
  await expect(quick.getByRole('combobox', { name: 'Add a tag' })).toHaveValue('Suppl')
  await page.keyboard.press('Escape') // the suggestions
  await page.keyboard.press('Escape') // the toolbar
  await expect(quick).toBeHidden()

  await app.backToLibrary()
  await app.sidebar.getByRole('button', { name: 'Tags' }).click()
  await expect(app.sidebar.getByRole('button', { name: 'Tags' })).toHaveAccessibleDescription('4 tags')
  await expect(tagList(page).getByRole('listitem')).toHaveCount(4)
  await expect(tagRow(page, 'Leaders')).toContainText('1 highlight · 0 sources')

  // Renaming "Leader" to a name another tag has is refused, in words, and the field stays.
  await tagRow(page, 'Leader').getByRole('button', { name: 'Rename Leader' }).click()
  const field = page.getByRole('textbox', { name: 'Tag name' })
  await expect(field).toBeFocused()
  await field.fill('leaders')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveText('There is already a tag called “Leaders”. Merge the two tags instead.')
  await page.keyboard.press('Escape')
  await expect(field).toBeHidden()

  // Merge "Leader" into "Leaders".
  await tagRow(page, 'Leader').getByRole('button', { name: 'Merge Leader into another tag' }).click()
  const merge = page.getByRole('dialog', { name: 'Merge “Leader”' })
  await merge.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Leaders (1 highlight · 0 sources)' })
  await merge.getByRole('button', { name: 'Merge into “Leaders”' }).click()
  await expect(app.toast('Merged “Leader” into “Leaders”.')).toBeVisible()
  await expect(tagList(page).getByRole('listitem')).toHaveCount(3)
  await expect(tagRow(page, 'Leaders')).toContainText('2 highlights · 0 sources')

  // Rename "Risk".
  await tagRow(page, 'Risk').getByRole('button', { name: 'Rename Risk' }).click()
  await field.fill('')
  await page.keyboard.type('Energy risk')
  await page.keyboard.press('Enter')
  await expect(tagRow(page, 'Energy risk')).toContainText('1 highlight')
  await expect(tagRow(page, 'Risk')).toHaveCount(0)

  // Delete, then Undo brings it back with its highlight.
  await tagRow(page, 'Energy risk').getByRole('button', { name: 'Delete Energy risk' }).click()
  await expect(tagRow(page, 'Energy risk')).toHaveCount(0)
  await app.toast('Deleted the tag “Energy risk” from 1 place').getByRole('button', { name: 'Undo' }).click()
  await expect(app.toast('Restored the tag “Energy risk”')).toBeVisible()
  await expect(tagRow(page, 'Energy risk')).toContainText('1 highlight · 0 sources')

  // A tag's passages: both merged highlights, each opening the reader at its passage.
  await tagList(page).getByRole('button', { name: /^Leaders: / }).click()
  const passages = page.getByRole('region', { name: 'Tagged Leaders' }).getByRole('button')
  await expect(passages).toHaveCount(2)
  await expect(passages.nth(1)).toContainText('Chinese President Xi Jinping')
  await passages.nth(1).click()
  await expect(app.marks(xi).first()).toBeInViewport()
  await expect(page.getByRole('toolbar', { name: 'Edit highlight' }).getByRole('list', { name: 'Tags of this highlight' })).toHaveText('Leaders')

  // The reader shows the new names.
  await expect(app.panel.locator(`[data-highlight-item="${gas}"] .hl-tag`)).toHaveText(['Energy risk'])
  await expect(app.panel.locator(`[data-highlight-item="${xi}"] .hl-tag`)).toHaveText(['Leaders'])
})
