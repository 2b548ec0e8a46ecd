// The analytic tools beside the reader, used as an analyst would: "Who said what" on the sample (speakers with their
// roles, paragraphs, the unattributed quotation listed as such, reported speech apart, a filter by speaker), citing a
// quotation into the note and seeing a changed word flagged in the editor and in the notes pane; and the entities
// panel marking every mention of a person in the reader.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'
import { shot } from './support/shots'

const quotesPanel = (page: Page): Locator => page.getByRole('complementary', { name: 'Who said what' })
const entitiesPanel = (page: Page): Locator => page.getByRole('complementary', { name: 'Entities' })
const notesEditor = (page: Page): Locator => page.getByRole('textbox', { name: 'Analyst notes' })
const notesPane = (page: Page): Locator => page.getByRole('region', { name: 'Notes' })

async function saved(page: Page): Promise<void> {
  await expect(notesPane(page).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
}

test('who said what: cite a quotation, change a word of it in the note, see it flagged', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  await page.keyboard.press('Control+Alt+KeyQ')
  const panel = quotesPanel(page)
  await expect(page.getByRole('tab', { name: /Quotes/ })).toHaveAttribute('aria-selected', 'true')

  // Every direct quotation with its speaker in full and its paragraph.
  const quotations = panel.getByRole('region', { name: 'Quotations', exact: true }).getByRole('listitem')
  await expect(quotations.first()).toContainText('This summit promises to be interesting')
  await expect(quotations.first()).toContainText('Andrey Denisov, the Russian ambassador to China')
  await expect(quotations.first()).toContainText('¶3')
  await expect(panel.getByRole('region', { name: 'Quotations', exact: true })).toContainText('Lloyd Austin')
  await expect(panel.getByRole('region', { name: 'Quotations', exact: true })).toContainText('David Shullman')
  // The fragment of the joint statement in ¶4 has no verb of saying: listed as unattributed, not guessed.
  const unattributed = panel.getByRole('region', { name: 'Unattributed quotations' })
  await expect(unattributed).toContainText('further enlargement of NATO')
  await expect(unattributed).toContainText('¶4')
  await expect(panel.getByRole('region', { name: 'Reported speech' }).getByRole('listitem').first()).toBeVisible()
  await shot(page, 'quotes-panel')

  // Filter by speaker: the counts are beside the names.
  const speakers = panel.getByRole('region', { name: 'Speakers' })
  const denisov = speakers.getByRole('button', { name: /Andrey Denisov/ })
  await expect(denisov).toContainText(/\d/)
  await denisov.click()
  await expect(denisov).toHaveAttribute('aria-pressed', 'true')
  await expect(panel.getByRole('region', { name: 'Quotations', exact: true }).getByRole('listitem')).not.toHaveCount(0)
  for (const item of await panel.getByRole('region', { name: 'Quotations', exact: true }).getByRole('listitem').all()) await expect(item).toContainText('Andrey Denisov')
  await expect(unattributed).toBeHidden()
  await denisov.click()
  await expect(unattributed).toBeVisible()

  // A click on a quotation marks its words in the reader and brings them into view.
  await app.paragraph(17).scrollIntoViewIfNeeded()
  await quotations.filter({ hasText: 'inflicted significant damage' }).getByRole('button', { name: /inflicted significant damage/ }).click()
  await expect(app.paragraph(10).locator('mark.find-current')).toContainText('The Ukrainians have inflicted significant damage')
  await expect(app.paragraph(10)).toBeInViewport()

  // Cite: the speaker, the quotation in quotation marks and its chip go into the note.
  await quotations.first().getByRole('button', { name: /^Cite this quotation of Andrey Denisov/ }).click()
  await expect(notesEditor(page)).toContainText('Andrey Denisov, the Russian ambassador to China: “This summit promises to be interesting')
  await expect(notesEditor(page).locator('[data-paragraph-ref]').first()).toHaveText('¶3')
  await saved(page)
  await expect(notesEditor(page).locator('.quote-verified').first()).toBeVisible()

  // Change one word of the quotation in the note: the editor marks it, the notes pane lists it with the difference.
  // (Double-click the word, as a person would, and type over it.)
  const at = await notesEditor(page).evaluate((editor) => {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf('interesting')
      if (i < 0) continue
      const range = document.createRange()
      range.setStart(n, i + 2)
      range.setEnd(n, i + 3)
      const r = range.getBoundingClientRect()
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
    }
    throw new Error('the cited word is not in the note')
  })
  await page.mouse.dblclick(at.x, at.y)
  await page.keyboard.type('boring')
  await saved(page)
  const flagged = notesEditor(page).locator('.quote-differs')
  await expect(flagged).toHaveCount(1)
  await expect(flagged).toContainText('boring')
  const problems = notesPane(page).getByRole('region', { name: 'Quotation problems' })
  await expect(problems).toContainText('Differs from ¶3')
  await expect(problems.locator('del')).toHaveText(['interesting'])
  await expect(problems.locator('ins')).toHaveText(['boring'])
  await shot(page, 'quote-flagged')

  // The list's entry puts the cursor in the quotation.
  await problems.getByRole('button', { name: /Differs from ¶3/ }).click()
  await expect(notesEditor(page)).toBeFocused()

  // Put the word back: the flag goes.
  await page.keyboard.press('Control+z')
  await saved(page)
  await expect(flagged).toHaveCount(0)
  await expect(problems).toBeHidden()
})

test('entities: clicking a person marks every mention in the reader and steps through them', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  await page.keyboard.press('Control+Alt+KeyE')
  const panel = entitiesPanel(page)
  const people = panel.getByRole('region', { name: 'People' })
  const putin = people.getByRole('button', { name: /^Vladimir Putin, \d+ mentions/ })
  await expect(putin).toBeVisible()
  const count = Number((await putin.locator('.e-count').textContent())!.trim())
  expect(count).toBeGreaterThan(5)
  await expect(people.locator('[data-entity-id]').filter({ has: page.getByRole('button', { name: /^Vladimir Putin, / }) })).toContainText('Also:')
  await expect(panel.getByRole('region', { name: 'Organisations' })).toContainText('Shanghai Cooperation Organization')
  await expect(panel.getByRole('region', { name: 'Places' })).toContainText('Ukraine')
  // A long list narrows by any way a name is written.
  await panel.getByRole('searchbox', { name: 'Filter the names' }).fill('shoigu')
  await expect(panel.locator('[data-entity-id]')).toHaveCount(1)
  await expect(panel.locator('[data-entity-id]')).toContainText('Sergei Shoigu')
  await panel.getByRole('searchbox', { name: 'Filter the names' }).fill('')

  await putin.click()
  await expect(putin).toHaveAttribute('aria-pressed', 'true')
  await expect(app.article.locator('mark.find-hit').first()).toBeVisible()
  await expect(app.article.locator('mark.find-current')).toHaveCount(1)
  await expect(app.article.locator('mark.find-current')).toContainText('Putin')
  const mentions = panel.getByRole('group', { name: 'Mentions of Vladimir Putin' })
  await expect(mentions.getByRole('status')).toHaveText(`1 of ${count}`)
  await shot(page, 'entities-panel')

  // Step with the keyboard: Enter on the entity goes to the next mention.
  await putin.focus()
  await page.keyboard.press('Enter')
  await expect(mentions.getByRole('status')).toHaveText(`2 of ${count}`)
  await mentions.getByRole('button', { name: 'Previous mention' }).click()
  await mentions.getByRole('button', { name: 'Previous mention' }).click()
  await expect(mentions.getByRole('status')).toHaveText(`${count} of ${count}`)
  await expect(app.article.locator('mark.find-current')).toBeInViewport()

  // Clicking it again clears the marks.
  await putin.click()
  await expect(app.article.locator('mark.find-hit')).toHaveCount(0)
})

test('a quotation is checked again when its source is updated', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  await page.keyboard.press('Control+Alt+KeyQ')
  const first = quotesPanel(page).getByRole('region', { name: 'Quotations', exact: true }).getByRole('listitem').first()
  await first.getByRole('button', { name: /^Cite this quotation of Andrey Denisov/ }).click()
  await saved(page)
  await expect(notesEditor(page).locator('.quote-verified')).toHaveCount(1)

  // The publisher corrects ¶3: the quotation in the note no longer matches it.
  const name = 'putin-xi-sco-summit.txt'
  const lines = readFileSync(resolve(__dirname, '..', '..', 'resources', name), 'utf8').trim().split('\n')
  const dir = mkdtempSync(join(tmpdir(), 'gloss-ana-'))
  try {
    writeFileSync(join(dir, name), lines.map((l, i) => (i === 2 ? l.replace('promises to be interesting', 'promises to be instructive') : l)).join('\n') + '\n')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Update from file…' }).click()])
    await chooser.setFiles(join(dir, name))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  await expect(app.paragraph(2)).toContainText('promises to be instructive')
  await expect(notesEditor(page).locator('.quote-differs')).toHaveCount(1)
  const problems = notesPane(page).getByRole('region', { name: 'Quotation problems' })
  await expect(problems.locator('del')).toHaveText(['instructive'])
  await expect(problems.locator('ins')).toHaveText(['interesting'])
  // And the panel shows the quotation as it reads now.
  await expect(first).toContainText('promises to be instructive')
})
