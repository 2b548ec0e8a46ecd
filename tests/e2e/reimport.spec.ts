// "Update from file…": the publisher corrects the article; highlights and note references follow the text.
// Acts as a person: real mouse selection, clicks, typing, and the file chooser opened by the button.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'

const SAMPLE = 'putin-xi-sco-summit.txt'
const TITLE = 'Putin xi sco summit'
const CUT = 'uncomfortable inflection level'
const ADDED = 'Editor’s note: this article was updated to correct the description of the summit.'

function notesEditor(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Analyst notes' })
}

/** The sample in the reader: clicks "Open …" in the library unless the app reopened it by itself. */
async function openSample(page: Page): Promise<void> {
  const article = page.getByRole('article')
  const open = page.getByRole('button', { name: `Open ${TITLE}` }).first()
  await expect(article.or(open)).toBeVisible()
  if (!(await article.isVisible())) await open.click()
  await expect(article.locator('[data-paragraph-id]').first()).toBeVisible()
  await expect(notesEditor(page)).toBeVisible()
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
}

/** The corrected file: ¶5 loses the cited passage but keeps most of its text, ¶6 and ¶10 are gone, one is added. */
function writeCorrectedFile(): { dir: string; file: string } {
  const lines = readFileSync(resolve(__dirname, '..', '..', 'resources', SAMPLE), 'utf8').trim().split('\n')
  expect(lines[4]).toContain(`an ${CUT}`)
  const edited = lines.map((l, i) => (i === 4 ? l.replace(`an ${CUT}`, 'a turning point') : l)).filter((_, i) => i !== 5 && i !== 9)
  const dir = mkdtempSync(join(tmpdir(), 'gloss-reimport-'))
  const file = join(dir, SAMPLE)
  writeFileSync(file, [...edited, ADDED].join('\n') + '\n')
  return { dir, file }
}

test('update from a corrected file: highlights and citations follow the text, nothing is dropped', async ({ page }) => {
  const app = new GlossApp(page)
  await openSample(page)
  const notes = notesEditor(page)
  const p5 = (await app.paragraph(4).getAttribute('data-paragraph-id'))!
  const p10 = (await app.paragraph(9).getAttribute('data-paragraph-id'))!

  const kept = await app.highlightPhrase(0, 'face-to-face assembly')
  const lost = await app.highlightPhrase(5, 'CIA analysis', 'red')
  await expect(app.panel.getByRole('region', { name: 'Could not be placed' })).toHaveCount(0)

  // Cite a passage of ¶5 from a mouse selection, then ¶10 with [[ typed in the note.
  await app.selectPhrase(4, CUT)
  await page.getByRole('button', { name: 'Cite in note' }).click()
  await expect(notes.locator('blockquote')).toContainText(CUT)
  await notes.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('Even the defence minister admits it ')
  await page.keyboard.type('[[shoigu')
  const options = page.getByRole('listbox', { name: 'Paragraphs to cite' }).getByRole('option')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toContainText('¶10')
  await page.keyboard.press('Enter')
  const chip5 = notes.locator(`[data-paragraph-ref="${p5}"]`)
  const chip10 = notes.locator(`[data-paragraph-ref="${p10}"]`)
  await expect(chip5).toHaveText('¶5')
  await expect(chip10).toHaveText('¶10')
  await saved(page)
  await expect(app.paragraph(9)).toHaveAttribute('data-backlink-count', '1')
  await page.getByRole('heading', { level: 1 }).first().click() // leave the editor

  // The publisher's correction arrives: choose it through the button's file dialog.
  const { dir, file } = writeCorrectedFile()
  try {
    const update = page.getByRole('button', { name: 'Update from file…' })
    await expect(update).toHaveAttribute('title', /Replace this article's text with a newer version of the file; highlights and citations follow the text/)
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), update.click()])
    expect(chooser.isMultiple()).toBe(false)
    await chooser.setFiles(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }

  const toast = app.toast('Updated: 15 paragraphs unchanged, 1 edited, 1 added, 2 removed.')
  await expect(toast).toBeVisible()
  await expect(toast).toContainText('1 highlight could not be placed — see the Highlights panel.')
  await expect(app.paragraphs).toHaveCount(17)
  await expect(app.paragraph(16)).toContainText(ADDED)
  await expect(app.paragraph(4)).toContainText('a turning point')
  await page.screenshot({ path: test.info().outputPath('after-update.png') })

  async function expectFollowed(): Promise<void> {
    // ¶1 did not change: its highlight is still in place; ¶6 is gone: its highlight waits in the panel.
    await expect(app.paragraph(0).locator(`mark[data-highlight-id="${kept}"]`)).toHaveText('face-to-face assembly')
    await expect(app.marks(lost)).toHaveCount(0)
    const orphans = app.panel.getByRole('region', { name: 'Could not be placed' })
    await expect(orphans.locator(`[data-highlight-item="${lost}"]`)).toContainText('CIA analysis')
    await expect(orphans.locator('[data-highlight-item]')).toHaveCount(1)
    // ¶5 kept its id but lost the quoted passage: the chip says "changed" and offers to re-anchor it.
    await expect(chip5).toHaveAttribute('data-status', 'changed')
    await expect(chip5).toHaveClass(/pref--changed/)
    await expect(chip5.getByRole('link')).toHaveAttribute('aria-label', 'Reference to paragraph 5 (changed)')
    await expect(chip5.getByRole('link')).toHaveAttribute('title', /Changed: the cited passage is no longer in this paragraph/)
    await chip5.getByRole('button', { name: 'Reference options' }).click()
    await expect(chip5.getByRole('menuitem', { name: 'Re-anchor' })).toBeVisible()
    await page.getByRole('heading', { level: 1 }).first().click()
    await expect(chip5.getByRole('menuitem', { name: 'Re-anchor' })).toBeHidden()
    // ¶10 was deleted: its chip shows the paragraph as removed, and nothing in the reader claims it.
    await expect(chip10).toHaveAttribute('data-status', 'orphan')
    await expect(chip10).toHaveText('¶? (paragraph removed)')
    await expect(chip10.getByRole('link')).toHaveAttribute('aria-label', 'Reference to a removed paragraph')
    await expect(page.getByRole('article').locator(`[data-paragraph-id="${p10}"]`)).toHaveCount(0)
    await expect(notes.locator('blockquote')).toContainText(CUT)
  }

  await expectFollowed()
  await page.screenshot({ path: test.info().outputPath('after-update-panel.png') })

  await page.reload()
  await openSample(page)
  await expect(app.paragraphs).toHaveCount(17)
  await expectFollowed()
})

test('a file that cannot be read leaves the article as it was and says why', async ({ page }) => {
  const app = new GlossApp(page)
  await openSample(page)
  const mark = await app.highlightPhrase(0, 'face-to-face assembly')
  const dir = mkdtempSync(join(tmpdir(), 'gloss-reimport-'))
  try {
    const file = join(dir, 'scan.txt')
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]))
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Update from file…' }).click()])
    await chooser.setFiles(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const error = page.getByRole('alert').filter({ hasText: 'Could not update the article from “scan.txt”' })
  await expect(error).toBeVisible()
  await expect(app.paragraphs).toHaveCount(18)
  await expect(app.marks(mark)).toHaveText('face-to-face assembly')
  await expect(page.getByRole('button', { name: 'Update from file…' })).toBeEnabled()
})
