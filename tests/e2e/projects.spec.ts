// One analysis across several sources, as an analyst does it: create a project, import a memo into it while it is
// open, add the sample from the library, tag passages in both (keyboard-first), write a project note citing both
// sources with `[[`, see the backlink counts in each source, use Cite in note, drag-to-cite and backlink popovers
// from either source while the project note stays open, filter highlights by tag, see "Highlights by tag", and
// export the project report as a PDF read back with pdf.js.
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { pdfPageTexts } from '../support/pdf'
import { expect, test } from './fixtures'
import { GlossApp, SAMPLE_TITLE } from './pages/GlossApp'

const PROJECT = 'Grain corridor'
const SAMPLE = 'Putin xi sco summit'
const MEMO = 'Grain memo'
const MEMO_FILE = {
  name: 'grain-memo.md',
  mimeType: 'text/markdown',
  buffer: Buffer.from(
    '# Grain memo\n\nExports of wheat rose in February, according to the ministry of agriculture.\n\nInsurers remain cautious about the corridor and war-risk premiums.\n'
  )
}

const notesEditor = (page: Page): Locator => page.getByRole('textbox', { name: 'Analyst notes' })
const notesPane = (page: Page): Locator => page.getByRole('region', { name: 'Notes' })
const chips = (page: Page): Locator => notesEditor(page).locator('[data-paragraph-ref]')

async function saved(page: Page): Promise<void> {
  await expect(notesPane(page).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
}

/** The tag field of the open highlight toolbar. */
function tagField(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Edit highlight' }).getByRole('combobox', { name: 'Add a tag' })
}

/** Types `[[query` in the note, checks the option offered and picks it with Enter. */
async function cite(page: Page, query: string, expected: { group: string; text: RegExp; marked: string }): Promise<void> {
  await page.keyboard.type(`[[${query}`)
  const list = page.getByRole('listbox', { name: 'Paragraphs to cite' })
  const group = list.getByRole('group', { name: expected.group })
  await expect(group.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  await expect(group.getByRole('option').first()).toContainText(expected.text)
  await expect(group.getByRole('option').first().locator('mark')).toHaveText([expected.marked])
  await page.keyboard.press('Enter')
  await expect(list).toBeHidden()
}

/**
 * The project as the rest of the tests need it: the memo (imported into the open project) with a passage tagged
 * Risk, the sample (added from the library) with one passage tagged Leaders and one untagged, and a project note
 * "Corridor assessment" citing memo ¶3 and sample ¶9 with `[[`. Ends in the reader on the sample.
 */
async function buildProject(app: GlossApp): Promise<void> {
  const page = app.page
  await expect(app.libraryItems).toHaveCount(1)
  await app.createProject(PROJECT)

  // Importing while the project is open: the memo joins it (and opens in the reader, inside the project).
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('tabpanel', { name: 'Sources' }).getByRole('button', { name: 'Import file…' }).first().click()
  await (await chooser).setFiles(MEMO_FILE)
  await expect(app.toast(`Imported “${MEMO}” (3 paragraphs) into “${PROJECT}”.`)).toBeVisible()
  await expect(app.paragraphs).toHaveCount(3)
  await expect(page.getByRole('banner')).toContainText(`${PROJECT} › ${MEMO}`)

  // Tag a passage, keyboard-first: select it, "Tag", type, Enter; Escape closes.
  await app.selectPhrase(2, 'Insurers remain cautious')
  await page.getByRole('toolbar', { name: 'Highlight the selected text' }).getByRole('button', { name: 'Tag', exact: true }).click()
  await expect(tagField(page)).toBeFocused()
  await page.keyboard.type('Risk')
  await page.keyboard.press('Enter')
  const toolbarTags = page.getByRole('toolbar', { name: 'Edit highlight' }).getByRole('list', { name: 'Tags of this highlight' })
  await expect(toolbarTags.getByRole('listitem')).toHaveText(['Risk'])
  await page.keyboard.press('Escape')
  await expect(page.getByRole('toolbar', { name: 'Edit highlight' })).toBeHidden()
  await expect(app.panel.locator('[data-highlight-item]')).toHaveCount(1)
  await expect(app.panel.locator('[data-highlight-item]').first().locator('.hl-tag')).toHaveText(['Risk'])

  // Add the sample from the project's "Add from library…".
  await app.backToLibrary()
  await expect(page.getByRole('heading', { level: 2, name: PROJECT })).toBeVisible()
  await page.getByRole('button', { name: 'Add from library…' }).first().click()
  const add = page.getByRole('dialog', { name: `Add sources to “${PROJECT}”` })
  await add.getByRole('checkbox', { name: new RegExp(SAMPLE, 'i') }).check()
  await add.getByRole('button', { name: 'Add source' }).click()
  await expect(app.projectButton(PROJECT)).toHaveAccessibleDescription('2 sources')
  await expect(app.libraryItems).toHaveCount(2)

  // In the sample: a highlight tagged from its toolbar (T focuses the field; the project's tags are offered as you
  // type; Backspace in the empty field takes the last tag off), and one left untagged.
  await app.openArticle()
  const leaders = await app.highlightPhrase(0, 'Russian President Vladimir Putin', 'blue')
  await app.clickMark(leaders)
  await page.keyboard.press('t')
  await expect(tagField(page)).toBeFocused()
  await page.keyboard.type('Leaders')
  await page.keyboard.press('Enter')
  await page.keyboard.type('ri')
  const suggestions = page.getByRole('listbox', { name: 'Tag suggestions' })
  await expect(suggestions.getByRole('option')).toHaveText(['New tag“ri”', 'Risk'])
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(toolbarTags.getByRole('listitem')).toHaveText(['Leaders', 'Risk'])
  await page.keyboard.press('Backspace')
  await expect(toolbarTags.getByRole('listitem')).toHaveText(['Leaders'])
  await page.keyboard.press('Escape')
  await app.highlightPhrase(1, 'two will meet on the sidelines', 'green')
  await expect(app.panel.locator('[data-highlight-item]')).toHaveCount(2)

  // A project note, from the project's Notes tab: it opens beside the source read last in the project.
  await app.backToLibrary()
  await page.getByRole('tab', { name: /Notes/ }).click()
  await expect(page.getByRole('heading', { name: 'No notes in this project yet' })).toBeVisible()
  await page.getByRole('tabpanel', { name: 'Notes' }).getByRole('button', { name: 'New note' }).first().click()
  await expect(notesEditor(page)).toBeVisible()
  await expect(app.article).toHaveAttribute('aria-label', SAMPLE)
  await expect(notesPane(page)).toContainText(`Project note · ${PROJECT}`)
  await notesPane(page).getByRole('button', { name: 'Rename note' }).click()
  await notesPane(page).getByRole('textbox', { name: 'Note title' }).fill('Corridor assessment')
  await page.keyboard.press('Enter')
  await expect(notesPane(page).getByRole('heading', { level: 2, name: 'Corridor assessment' })).toBeVisible()

  // `[[` finds paragraphs in every source of the project, grouped, matched words marked; chips name their source.
  await notesEditor(page).click()
  await page.keyboard.type('Insurers are wary of the corridor ')
  await cite(page, 'premiums', { group: 'In this project', text: /¶3.*Grain memo.*war-risk premiums/, marked: 'premiums' })
  await page.keyboard.type('while the summit framed the war differently ')
  await cite(page, 'kherson', { group: `In “${SAMPLE}”`, text: /¶9.*Putin xi sco summit.*Kherson/i, marked: 'Kherson' })
  await expect(chips(page)).toHaveText([`${MEMO} ¶3`, `${SAMPLE} ¶9`])
  await saved(page)
}

test('a project note cites two sources: chips, backlinks, Cite in note, drag and popovers from either source, tag filter, highlights by tag', async ({ page }) => {
  test.setTimeout(180_000)
  const app = new GlossApp(page)
  await buildProject(app)

  // The sample's cited paragraph counts the project note.
  await expect(app.paragraph(8)).toHaveAttribute('data-backlink-count', '1')

  // Cite in note from the sample: the passage goes into the project note.
  await app.selectPhrase(3, 'Beijing Winter Olympics')
  await page.getByRole('button', { name: 'Cite in note' }).click()
  await expect(notesEditor(page).locator('blockquote')).toContainText('Beijing Winter Olympics')
  await expect(chips(page)).toHaveCount(3)
  await expect(chips(page).nth(2)).toHaveText(`${SAMPLE} ¶4`)
  await saved(page)
  await expect(app.paragraph(3)).toHaveAttribute('data-backlink-count', '1')

  // Following the memo's chip opens the memo; the project note stays open in the pane.
  await chips(page).first().click()
  await expect(app.article).toHaveAttribute('aria-label', MEMO)
  await expect(notesPane(page).getByRole('heading', { level: 2, name: 'Corridor assessment' })).toBeVisible()
  await expect(app.paragraph(2)).toHaveAttribute('data-backlink-count', '1')

  // Drag-to-cite from the memo into the project note.
  await notesEditor(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' Exports rose all the same: ')
  await saved(page)
  await app.paragraph(1).locator('.para-num').dragTo(notesEditor(page))
  await expect(chips(page)).toHaveCount(4)
  await expect(chips(page).filter({ hasText: `${MEMO} ¶2` })).toHaveCount(1)
  await saved(page)
  await expect(app.paragraph(1)).toHaveAttribute('data-backlink-count', '1')

  // The memo's backlink popover lists the project note and opens its reference.
  await page.getByRole('heading', { level: 1 }).first().click()
  await app.paragraph(2).getByRole('button', { name: /Cited 1 time/ }).click()
  const popover = page.getByRole('dialog', { name: 'Notes citing paragraph 3' })
  await expect(popover).toContainText('Corridor assessment')
  await popover.getByRole('button').first().click()
  await expect(chips(page).first()).toHaveClass(/ProseMirror-selectednode/)

  // Opening the sample again from the library: the project note is still the one in the pane.
  await app.backToLibrary()
  await page.getByRole('tab', { name: /Sources/ }).click()
  await app.openArticle(SAMPLE_TITLE)
  await expect(notesPane(page).getByRole('heading', { level: 2, name: 'Corridor assessment' })).toBeVisible()
  await expect(chips(page)).toHaveCount(4)
  expect((await chips(page).allTextContents()).sort()).toEqual([`${MEMO} ¶2`, `${MEMO} ¶3`, `${SAMPLE} ¶4`, `${SAMPLE} ¶9`])
  await expect(app.paragraph(8)).toHaveAttribute('data-backlink-count', '1')

  // Filter the highlights panel by tag.
  const filter = app.panel.getByRole('combobox', { name: 'Show highlights tagged' })
  const items = app.panel.locator('[data-highlight-item]')
  await filter.selectOption({ label: 'Leaders (1)' })
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText('Russian President Vladimir Putin')
  await filter.selectOption({ label: 'Untagged' })
  await expect(items).toHaveText([/two will meet on the sidelines/])
  await filter.selectOption({ label: 'All tags' })
  await expect(items).toHaveCount(2)

  // "Highlights by tag": every tagged passage of the project's sources, grouped; a row jumps to its paragraph.
  await app.backToLibrary()
  await page.getByRole('tab', { name: 'Highlights by tag' }).click()
  const risk = page.getByRole('region', { name: 'Tagged Risk' })
  const leaders = page.getByRole('region', { name: 'Tagged Leaders' })
  await expect(leaders.getByRole('button')).toHaveText([/Russian President Vladimir Putin.*Putin xi sco summit · ¶1/])
  await expect(risk.getByRole('button')).toHaveText([/Insurers remain cautious.*Grain memo · ¶3/])
  await risk.getByRole('button').first().click()
  await expect(app.article).toHaveAttribute('aria-label', MEMO)
  await expect(app.paragraph(2)).toBeInViewport()
  await expect(page.getByRole('toolbar', { name: 'Edit highlight' })).toBeVisible()

  // "Export this note…" from the notes pane: the note's own report (Markdown here), with what it cites.
  await notesPane(page).getByRole('button', { name: 'Note actions' }).click()
  await page.getByRole('menuitem', { name: 'Export this note…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export note report' })
  await expect(dialog).toContainText('Note: Corridor assessment')
  await dialog.getByRole('radio', { name: 'Markdown', exact: true }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const md = readFileSync((await (await download).path())!, 'utf8')
  expect(md).toContain('Corridor assessment')
  expect(md).toContain('Insurers remain cautious about the corridor and war-risk premiums')
  expect(md).toContain('Beijing Winter Olympics')
  expect(md).toMatch(/Grain memo/)
})

test('the project report: both sources in Sources, both cited passages, the tag appendix (PDF read back)', async ({ page }) => {
  test.setTimeout(180_000)
  const app = new GlossApp(page)
  await buildProject(app)
  await app.backToLibrary()
  await page.getByRole('button', { name: 'Export project…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export project report' })
  await expect(dialog).toContainText(`Project: ${PROJECT}`)
  await dialog.getByRole('radio', { name: 'PDF', exact: true }).check()
  await dialog.getByRole('combobox', { name: /Citation style/ }).selectOption({ label: 'Chicago (author-date)' })
  await dialog.getByRole('textbox', { name: /Analyst name/ }).fill('A. Analyst')
  const download = page.waitForEvent('download', { timeout: 90_000 })
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.pdf$/)
  const text = (await pdfPageTexts(readFileSync((await file.path())!))).join('\n').replace(/\s+/g, ' ')
  await expect(dialog).toBeHidden()

  // Cover: project, note, analyst.
  expect(text).toContain('PROJECT Grain corridor')
  expect(text).toContain('Corridor assessment')
  expect(text).toContain('ANALYST A. Analyst')
  // The analysis with its numbered citations, each resolving to source + ¶N and the cited passage.
  expect(text).toContain('Insurers are wary of the corridor [Grain memo ¶3] 1')
  expect(text).toContain('Grain memo, ¶3 — “Insurers remain cautious about the corridor and war-risk premiums.”')
  expect(text).toMatch(/Putin xi sco summit, ¶9 — “Meanwhile in Ukraine, the Russian military has been faltering\..*Kherson/)
  // Sources: both, in the chosen style.
  expect(text).toMatch(/Sources Chicago \(author-date\)\. Grain Memo\. n\.d\..*Putin Xi Sco Summit\. n\.d\./)
  // The appendix of highlights by tag (then the untagged ones).
  expect(text).toMatch(/Highlights by tag Leaders 1 passage .*Putin xi sco summit ¶1 Blue Russian President Vladimir Putin Risk 1 passage .*Grain memo ¶3 Yellow Insurers remain cautious/)

  // The style is remembered for the next export (opened with the keyboard this time).
  await page.keyboard.press('ControlOrMeta+Shift+E')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: /Citation style/ })).toHaveValue('chicago-author-date')
})
