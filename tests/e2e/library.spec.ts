// The library with its sidebar, as a person uses it: filtering the sources by words, format and tag; sorting them;
// gathering sources into a project by dragging them onto it, by ticking several, and from the project itself; and
// the empty states on the way.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from './fixtures'
import { GlossApp, SAMPLE_TITLE } from './pages/GlossApp'

const PAGES = resolve(__dirname, '..', 'fixtures', 'pages')
const html = (name: string): { name: string; mimeType: string; buffer: Buffer } => ({ name, mimeType: 'text/html', buffer: readFileSync(resolve(PAGES, name)) })

const NEWS = 'Ministers agree grain corridor deal after all-night talks'
const BLOG = 'Reading logs without losing your mind'
const SAMPLE = 'Putin xi sco summit'

async function importPages(app: GlossApp, names: string[]): Promise<void> {
  for (const name of names) {
    await app.importThroughPicker(html(name))
    await expect(app.toast(/Imported “/)).toHaveCount(1)
    await expect(app.paragraphs.first()).toBeVisible()
    await app.backToLibrary()
    await app.page.locator('.toast').getByRole('button', { name: 'Dismiss message' }).first().click()
  }
}

/** The titles of the shown sources, top to bottom. */
async function titles(app: GlossApp): Promise<string[]> {
  return app.libraryItems.locator('.title').allTextContents()
}

test('sources are filtered by words, format and tag, sorted four ways, and say when nothing matches', async ({ page }) => {
  const app = new GlossApp(page)
  await expect(app.libraryItems).toHaveCount(1)
  await importPages(app, ['news-article.html', 'blog-post.html', 'report-with-table.html'])
  await expect(app.libraryItems).toHaveCount(4)
  const report = (await titles(app)).find((t) => ![NEWS, BLOG, SAMPLE].includes(t))!
  expect(report).toMatch(/Harvest outlook/)

  // Words: an author, a site, a title word, in any case; Escape clears.
  const filter = page.getByRole('searchbox', { name: 'Filter by title, author or site' })
  await filter.click()
  await page.keyboard.type('haddad')
  await expect(app.libraryItems).toHaveCount(1)
  await expect(app.libraryItem(NEWS)).toBeVisible()
  await expect(page.getByRole('search', { name: 'Filter sources' }).getByRole('status')).toHaveText('1 of 4')
  await filter.fill('')
  await page.keyboard.type('DAILYLEDGER')
  await expect(app.libraryItems).toHaveCount(1)
  await filter.fill('')
  await page.keyboard.type('priya logs')
  await expect(app.libraryItem(BLOG)).toBeVisible()
  await expect(app.libraryItems).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(filter).toHaveValue('')
  await expect(app.libraryItems).toHaveCount(4)

  // Format.
  await page.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Text' })
  await expect(app.libraryItems).toHaveCount(1)
  await expect(app.libraryItem(SAMPLE)).toBeVisible()
  await page.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Web page' })
  await expect(app.libraryItems).toHaveCount(3)
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(app.libraryItems).toHaveCount(4)

  // Tag a source from its menu, keyboard only: type, Enter; the chip shows in the list.
  await app.libraryItem(BLOG).getByRole('button', { name: `More actions for ${BLOG}` }).click()
  await page.getByRole('menuitem', { name: 'Tags…' }).click()
  const tagsDialog = page.getByRole('dialog', { name: 'Tags of this source' })
  await expect(tagsDialog.getByRole('combobox', { name: 'Add a tag' })).toBeFocused()
  await page.keyboard.type('Methods')
  await page.keyboard.press('Enter')
  await expect(tagsDialog.getByRole('listitem').filter({ hasText: 'Methods' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(tagsDialog).toBeHidden()
  await expect(app.libraryItem(BLOG).locator('.tag-chip')).toHaveText(['Methods'])
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('Methods')
  await expect(app.libraryItems).toHaveCount(1)
  await expect(app.libraryItem(BLOG)).toBeVisible()

  // Nothing matches: said so, with a way out.
  await filter.fill('haddad')
  await expect(app.libraryItems).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'No sources match' })).toBeVisible()
  await page.getByRole('status').getByRole('button', { name: 'Clear filters' }).click()
  await expect(app.libraryItems).toHaveCount(4)

  // Sorting (remembered after a reload).
  const sort = page.getByRole('combobox', { name: 'Sort by' })
  expect(await titles(app)).toEqual([report, BLOG, NEWS, SAMPLE]) // date added, newest first
  await sort.selectOption({ label: 'Title' })
  expect(await titles(app)).toEqual([report, NEWS, SAMPLE, BLOG])
  await sort.selectOption({ label: 'Author' })
  // Okafor (the report's first author), Raman, Smith, then the sample without an author.
  expect(await titles(app)).toEqual([report, BLOG, NEWS, SAMPLE])
  await sort.selectOption({ label: 'Date published' })
  expect(await titles(app)).toEqual([NEWS, report, BLOG, SAMPLE])
  await page.reload()
  await expect(app.libraryItems).toHaveCount(4)
  await expect(sort).toHaveValue('published')
  expect(await titles(app)).toEqual([NEWS, report, BLOG, SAMPLE])
})

test('a source dragged onto a project joins it; several ticked go together; a project adds from the library', async ({ page }) => {
  const app = new GlossApp(page)
  await importPages(app, ['news-article.html', 'blog-post.html'])

  // No projects yet: the sidebar says what they are for.
  await expect(app.sidebar).toContainText('No projects yet')
  await app.createProject('Black Sea grain')
  await expect(page.getByRole('heading', { name: 'No sources in this project yet' })).toBeVisible()
  await expect(app.projectButton('Black Sea grain')).toHaveAccessibleDescription('0 sources')

  // Drag the news page from all sources onto the project.
  await app.sidebar.getByRole('button', { name: 'All sources' }).click()
  await app.libraryItem(NEWS).dragTo(app.projectButton('Black Sea grain'))
  await expect(app.toast(`Added “${NEWS}” to “Black Sea grain”`)).toBeVisible()
  await expect(app.projectButton('Black Sea grain')).toHaveAccessibleDescription('1 source')
  await expect(app.libraryItem(NEWS).locator('.project-chip')).toHaveText('Black Sea grain')
  // Undo takes it out again.
  await app.toast(`Added “${NEWS}”`).getByRole('button', { name: 'Undo' }).click()
  await expect(app.projectButton('Black Sea grain')).toHaveAccessibleDescription('0 sources')

  // Tick two sources and add them with "Add to project…".
  await app.libraryItem(NEWS).getByRole('checkbox').check()
  await app.libraryItem(SAMPLE).getByRole('checkbox').check()
  const bar = page.getByRole('region', { name: 'Selected sources' })
  await expect(bar).toContainText('2 selected')
  await bar.getByRole('button', { name: 'Add to project…' }).click()
  const pick = page.getByRole('dialog', { name: 'Add to project' })
  await pick.getByRole('button', { name: /Black Sea grain/ }).click()
  await expect(app.toast('Added 2 sources to “Black Sea grain”')).toBeVisible()
  await expect(bar).toBeHidden()
  await expect(app.projectButton('Black Sea grain')).toHaveAccessibleDescription('2 sources')

  // The project lists them; the blog post is added from the project's "Add from library…".
  await app.openProject('Black Sea grain')
  expect(await titles(app)).toEqual(expect.arrayContaining([NEWS, SAMPLE]))
  await page.getByRole('button', { name: 'Add from library…' }).first().click()
  const add = page.getByRole('dialog', { name: 'Add sources to “Black Sea grain”' })
  await expect(add.getByRole('checkbox')).toHaveCount(1)
  await add.getByRole('checkbox', { name: new RegExp(BLOG) }).check()
  await add.getByRole('button', { name: 'Add source' }).click()
  await expect(app.libraryItems).toHaveCount(3)
  await expect(page.getByRole('tab', { name: /Sources/ })).toContainText('3')

  // Removing one from the project keeps it in the library.
  await app.libraryItem(SAMPLE).getByRole('button', { name: `More actions for ${SAMPLE}` }).click()
  await page.getByRole('menuitem', { name: 'Remove from this project' }).click()
  await expect(app.toast(`Removed “${SAMPLE}” from “Black Sea grain”`)).toBeVisible()
  await expect(app.libraryItems).toHaveCount(2)
  await app.sidebar.getByRole('button', { name: 'All sources' }).click()
  await expect(app.libraryItems).toHaveCount(3)
  await expect(app.libraryItem(SAMPLE_TITLE)).toBeVisible()
})

test('projects are created with the keyboard, renamed in place, and deleted with Undo', async ({ page }) => {
  const app = new GlossApp(page)
  const MOD = process.platform === 'darwin' ? 'Meta' : 'Control'
  await expect(app.libraryItems).toHaveCount(1)
  await page.keyboard.press(`${MOD}+Alt+KeyP`)
  await expect(page.getByRole('textbox', { name: 'New project title' })).toBeFocused()
  await page.keyboard.type('Enrgy')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: 'Enrgy' })).toBeVisible()
  // Its notes are written beside one of its sources: without any, a new note is explained, not made.
  await page.keyboard.press(`${MOD}+Alt+KeyN`)
  await expect(app.toast('Add a source to this project first: notes are written beside a source in the reader.')).toBeVisible()
  await page.getByRole('tab', { name: /Notes/ }).click()
  await expect(page.getByRole('tabpanel', { name: 'Notes' })).toContainText('Add a source to the project first')
  await expect(page.getByRole('tabpanel', { name: 'Notes' }).getByRole('button', { name: 'New note' })).toBeDisabled()
  // An empty title is refused in words.
  await page.keyboard.press(`${MOD}+Alt+KeyP`)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveText('A project needs a title.')
  await page.keyboard.press('Escape')

  // Rename from the sidebar with F2.
  await app.projectButton('Enrgy').focus()
  await page.keyboard.press('F2')
  const title = page.getByRole('textbox', { name: 'Project title' })
  await expect(title).toBeFocused()
  await title.fill('')
  await page.keyboard.type('Energy security')
  await page.keyboard.press('Enter')
  await expect(app.projectButton('Energy security')).toBeFocused()
  await expect(page.getByRole('heading', { level: 2, name: 'Energy security' })).toBeVisible()

  // Delete: asked first, then Undo brings it back.
  await page.getByRole('button', { name: 'Project actions' }).click()
  await page.getByRole('menuitem', { name: 'Delete project…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete project?' })
  await expect(confirm).toContainText('Its sources stay in your library')
  await confirm.getByRole('button', { name: 'Delete project' }).click()
  await expect(app.projectButton('Energy security')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 2, name: 'Library' })).toBeVisible()
  await app.toast('Deleted the project “Energy security”').getByRole('button', { name: 'Undo' }).click()
  await expect(app.toast('Restored the project “Energy security”')).toBeVisible()
  await expect(app.projectButton('Energy security')).toBeVisible()
})
