// Long sources in the virtualised reader, acting as a person: only what is on screen is drawn, and still a far
// paragraph can be jumped to, a selection across paragraphs (even across paragraphs scrolled out of the DOM) becomes
// a highlight, a paragraph number dragged into the notes cites it, and Ctrl+F finds every match in the article.
// Then a highlight whose paragraph was removed by an update: its suggested place is previewed and accepted; and a
// thousand highlights in the side panel, drawn a screenful at a time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp, SAMPLE_TITLE } from './pages/GlossApp'
import { targetAt } from '../../src/core/anchoring/targets'

const COUNT = 3000
/** Paragraph n (1-based) of the long report; every 150th mentions Kherson, one holds a unique word. */
function paragraphText(n: number): string {
  const place = n % 150 === 0 ? 'Kherson' : 'the southern ports'
  const marker = n === 2500 ? ' The quartermaster logbook was never found.' : ''
  return `Paragraph ${n} reports on grain shipments from ${place}, with figures from the ministry and comments from traders.${marker}`
}
const LONG = Array.from({ length: COUNT }, (_, i) => paragraphText(i + 1)).join('\n\n') + '\n'

async function importLong(page: Page, app: GlossApp): Promise<void> {
  await app.importThroughPicker({ name: 'long-report.txt', mimeType: 'text/plain', buffer: Buffer.from(LONG) })
  await expect(app.toast(/Imported “.*” \(3,?000 paragraphs\)/)).toBeVisible({ timeout: 30_000 })
  await expect(app.paragraph(0)).toBeVisible()
}

test('a 3,000-paragraph article: drawn as it scrolls, jumped through, highlighted across paragraphs, cited by drag', async ({ page }) => {
  const app = new GlossApp(page)
  await importLong(page, app)

  // Only the rows around the screen are in the DOM.
  const drawn = await app.paragraphs.count()
  expect(drawn).toBeGreaterThan(10)
  expect(drawn).toBeLessThan(200)
  await expect(app.paragraph(COUNT - 1)).toHaveCount(0)

  // Search finds a paragraph far down; Enter scrolls the reader there and flashes it.
  await page.keyboard.press('ControlOrMeta+k')
  await page.getByRole('searchbox', { name: 'Search articles, notes and highlights' }).fill('quartermaster')
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('¶2500')
  await page.keyboard.press('Enter')
  const target = app.paragraph(2499)
  await expect(target).toBeInViewport()
  await expect(target).toHaveClass(/\bflash\b/)
  await expect(target).toContainText('quartermaster logbook')
  await expect(app.paragraph(0)).toHaveCount(0)

  // A mouse selection from ¶2500 into ¶2502 becomes one highlight over three paragraphs.
  const start = await app.offsetOf(2499, 'grain shipments')
  const end = (await app.offsetOf(2501, 'with figures')) + 'with figures'.length
  await app.dragSelect({ index: 2499, offset: start }, { index: 2501, offset: end })
  const across = await app.highlightSelection('blue')
  await expect(app.paragraph(2500).locator(`mark[data-highlight-id="${across}"]`)).toHaveText(paragraphText(2501))
  await expect(app.panel.locator(`[data-highlight-item="${across}"]`)).toContainText('¶2500–2502')

  // A selection whose start scrolls out of the DOM: press in ¶2400, scroll down past 60 paragraphs, Shift+click in
  // ¶2460. Everything between is highlighted, drawn or not.
  await app.scrollToParagraph(2399)
  const a = await app.charPoint(2399, await app.offsetOf(2399, 'reports'), 'start')
  await page.mouse.click(a.x, a.y)
  await app.scrollToParagraph(2459)
  // By now ¶2400's neighbours are out of the DOM; the row the selection starts in is kept.
  await expect(app.paragraph(2405)).toHaveCount(0)
  const endAt = (await app.offsetOf(2459, 'from the ministry')) + 'from the ministry'.length
  const b = await app.charPoint(2459, endAt, 'end')
  await page.keyboard.down('Shift')
  await page.mouse.click(b.x, b.y)
  await page.keyboard.up('Shift')
  const long = await app.highlightSelection('green')
  await expect(app.panel.locator(`[data-highlight-item="${long}"]`)).toContainText('¶2400–2460')
  // A paragraph in the middle that was not drawn when the selection was made is covered whole.
  await app.scrollToParagraph(2429)
  await expect(app.paragraph(2429).locator(`mark[data-highlight-id="${long}"]`)).toHaveText(paragraphText(2430))
  await app.scrollToParagraph(2399)
  await expect(app.paragraph(2399).locator(`mark[data-highlight-id="${long}"]`)).toHaveText(/^reports on grain/)

  // The panel reveals the first highlight again from afar.
  await page.mouse.wheel(0, -40000)
  await app.panel.locator(`[data-highlight-item="${across}"]`).click()
  await expect(app.marks(across).first()).toBeInViewport()
  await expect(app.marks(across).first()).toHaveClass(/hl-flash/)
  await expect(page.getByRole('toolbar', { name: 'Edit highlight' })).toBeVisible()
  await page.keyboard.press('Escape')

  // Drag ¶2501's number into the notes: a chip, and the paragraph shows its backlink.
  const notes = page.getByRole('textbox', { name: 'Analyst notes' })
  await app.paragraph(2500).locator('.para-num').dragTo(notes)
  await expect(notes.locator('[data-paragraph-ref]')).toHaveText('¶2501')
  await expect(app.paragraph(2500)).toHaveAttribute('data-backlink-count', '1', { timeout: 15_000 })

  // Scrolling with the wheel keeps drawing rows (the list is never blank on screen).
  for (let i = 0; i < 5; i++) {
    await page.mouse.move(700, 450)
    await page.mouse.wheel(0, 3000)
    await page.waitForTimeout(100)
    const onScreen = await app.paragraphs.evaluateAll((els) => {
      const view = document.querySelector('.reader-scroll')!.getBoundingClientRect()
      return els.filter((el) => {
        const r = el.getBoundingClientRect()
        return r.bottom > view.top && r.top < view.bottom
      }).length
    })
    expect(onScreen).toBeGreaterThan(3)
  }
  await page.screenshot({ path: test.info().outputPath('long-article.png') })
})

test('Ctrl+F finds in the whole article: count, Enter and Shift+Enter, far matches drawn, Escape', async ({ page }) => {
  const app = new GlossApp(page)
  await importLong(page, app)
  await app.paragraph(0).click()

  await page.keyboard.press('ControlOrMeta+f')
  const bar = page.getByRole('search', { name: 'Find in article' })
  const input = bar.getByRole('searchbox', { name: 'Find in article' })
  await expect(input).toBeFocused()
  await input.pressSequentially('kherson')
  const count = bar.getByRole('status')
  await expect(count).toHaveText('1 of 20')
  // The first match is ¶150, far below the first screen: drawn and scrolled to.
  const current = app.article.locator('mark.find-current')
  await expect(current).toHaveText('Kherson')
  await expect(current).toBeInViewport()
  await expect(app.paragraph(149)).toBeInViewport()

  await page.keyboard.press('Enter')
  await expect(count).toHaveText('2 of 20')
  await expect(app.paragraph(299).locator('mark.find-current')).toBeInViewport()
  await page.keyboard.press('Shift+Enter')
  await expect(count).toHaveText('1 of 20')
  await page.keyboard.press('Shift+Enter')
  await expect(count).toHaveText('20 of 20')
  await expect(app.paragraph(2999).locator('mark.find-current')).toBeInViewport()
  await bar.getByRole('button', { name: 'Next match' }).click()
  await expect(count).toHaveText('1 of 20')

  // Case, diacritics and no match.
  await input.fill('KHÉRSON')
  await expect(count).toHaveText(/of 20$/)
  await input.fill('Odesa')
  await expect(count).toHaveText('No matches')
  await expect(app.article.locator('mark.find-hit')).toHaveCount(0)
  await expect(bar.getByRole('button', { name: 'Next match' })).toBeDisabled()

  // Escape closes the bar and takes the marks away; Ctrl+F with a selection looks for the selected words.
  await input.fill('grain shipments')
  await expect(count).toHaveText(/^\d+ of 3,000$/)
  await expect(app.article.locator('mark.find-hit').first()).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('find-light.png') })
  await page.keyboard.press('ControlOrMeta+Shift+l')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: test.info().outputPath('find-dark.png') })
  await page.keyboard.press('Escape')
  await expect(bar).toBeHidden()
  await expect(app.article.locator('mark.find-hit')).toHaveCount(0)

  const para = app.paragraph(await app.paragraphs.first().evaluate((el) => Number((el as HTMLElement).dataset.paragraphIndex)))
  const index = Number(await para.getAttribute('data-paragraph-index'))
  await app.selectPhrase(index, 'figures from the ministry')
  await page.keyboard.press('ControlOrMeta+f')
  await expect(input).toHaveValue('figures from the ministry')
  await expect(count).toHaveText(/^\d+ of 3,000$/)

  // The shortcuts sheet lists it.
  await page.keyboard.press('Escape')
  await app.paragraph(index).click()
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toContainText('Find in the article')
})

test('a highlight whose paragraph was removed: the suggested place is previewed, then accepted', async ({ page }) => {
  const app = new GlossApp(page)
  const ships = 'Ships loaded at the southern terminals on Monday, and the first of them sailed before noon with maize for Egypt.'
  const v1 = ['Field notes on the grain corridor.', ships, 'The convoy left Odesa at dawn under naval escort.', 'Inspections resumed in the Bosphorus.']
  // The update removes ¶3: its sentence survives, joined to ¶2.
  const v2 = ['Field notes on the grain corridor.', `${ships} The convoy left Odesa at dawn under naval escort.`, 'Inspections resumed in the Bosphorus.']
  await app.importThroughPicker({ name: 'corridor.txt', mimeType: 'text/plain', buffer: Buffer.from(v1.join('\n\n') + '\n') })
  await expect(app.paragraphs).toHaveCount(4)
  const id = await app.highlightPhrase(2, 'The convoy left Odesa at dawn', 'red')

  const dir = mkdtempSync(join(tmpdir(), 'gloss-scale-'))
  try {
    const file = join(dir, 'corridor.txt')
    writeFileSync(file, v2.join('\n\n') + '\n')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Update from file…' }).click()])
    await chooser.setFiles(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  await expect(app.toast(/1 highlight could not be placed/)).toBeVisible()
  await expect(app.paragraphs).toHaveCount(3)
  await expect(app.marks(id)).toHaveCount(0)

  const unplaced = app.panel.getByRole('region', { name: 'Could not be placed' })
  const item = unplaced.locator(`[data-highlight-item="${id}"]`)
  await expect(item).toContainText('Its paragraph was removed from the article.')
  await expect(item).toContainText('Suggested place: ¶2')
  const accept = item.getByRole('button', { name: 'Accept suggested place' })

  // Hovering the action paints the place, dashed, in ¶2; leaving it takes the preview away.
  await accept.hover()
  await expect(app.paragraph(1).locator('.hl-preview')).toHaveText('The convoy left Odesa at dawn')
  await page.screenshot({ path: test.info().outputPath('suggestion-preview-light.png') })
  await page.mouse.move(5, 450)
  await expect(app.article.locator('.hl-preview')).toHaveCount(0)
  // Keyboard focus previews it too.
  await accept.focus()
  await expect(app.paragraph(1).locator('.hl-preview')).toHaveCount(1)
  await page.keyboard.press('ControlOrMeta+Shift+l')
  await page.screenshot({ path: test.info().outputPath('suggestion-preview-dark.png') })
  await page.keyboard.press('Enter')

  await expect(app.toast('Highlight placed in ¶2.')).toBeVisible()
  await expect(app.paragraph(1).locator(`mark[data-highlight-id="${id}"]`)).toHaveText('The convoy left Odesa at dawn')
  await expect(app.article.locator('.hl-preview')).toHaveCount(0)
  await expect(unplaced).toHaveCount(0)
  await expect(app.panel.locator(`[data-highlight-item="${id}"]`)).toContainText('¶2')

  // It stays placed after a reload.
  await page.reload()
  await expect(app.paragraph(1).locator(`mark[data-highlight-id="${id}"]`)).toHaveText('The convoy left Odesa at dawn')
})

test('accepting a suggestion made stale by another window says so and shows the new state', async ({ page, context, gloss }) => {
  const app = new GlossApp(page)
  const cranes = 'Cranes along the eastern quay were inspected by engineers from the port authority on Thursday morning.'
  const notice = 'The harbour master issued a notice to all shipping agents that evening, closing the outer anchorage.'
  const berth = 'Loading stopped at berth nine after the storm.'
  const v1 = ['Port report.', cranes, berth, notice]
  // v2 joins the sentence to the paragraph before it; v3 (another window) moves it to the paragraph after.
  const v2 = ['Port report.', `${cranes} ${berth}`, notice]
  const v3 = ['Port report.', cranes, `${notice} ${berth}`]
  await app.importThroughPicker({ name: 'port.txt', mimeType: 'text/plain', buffer: Buffer.from(v1.join('\n\n') + '\n') })
  await expect(app.paragraphs).toHaveCount(4)
  const id = await app.highlightPhrase(2, 'Loading stopped at berth nine')

  const dir = mkdtempSync(join(tmpdir(), 'gloss-scale-'))
  const update = async (p: Page, lines: string[]): Promise<void> => {
    const file = join(dir, 'port.txt')
    writeFileSync(file, lines.join('\n\n') + '\n')
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: 'Update from file…' }).click()])
    await chooser.setFiles(file)
    await expect(p.locator('.toast', { hasText: /^Updated/ })).toBeVisible()
  }
  try {
    await update(page, v2)
    const item = app.panel.getByRole('region', { name: 'Could not be placed' }).locator(`[data-highlight-item="${id}"]`)
    await expect(item).toContainText('Suggested place: ¶2')

    // Another window updates the article again: the suggestion this window shows is out of date.
    const other = await context.newPage()
    await other.goto(gloss.url)
    const otherApp = new GlossApp(other)
    await otherApp.openArticle(/port/i)
    await update(other, v3)
    await other.close()

    await item.getByRole('button', { name: 'Accept suggested place' }).click()
    await expect(app.toast(/The article changed since this place was suggested/)).toBeVisible()
    // The list was fetched again: the suggestion now points where the text is in the newest version.
    await expect(item).toContainText('Suggested place: ¶3')
    await expect(app.marks(id)).toHaveCount(0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a new highlight shows at once; when the backend refuses it, it goes away and says why', async ({ page }) => {
  const app = new GlossApp(page)
  await app.openArticle()
  // The backend answers slowly, then refuses.
  let release: () => void = () => {}
  const answered = new Promise<void>((done) => (release = done))
  await page.route('**/api/createHighlight', async (route) => {
    await answered
    await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'The library is read-only.' } }) })
  })
  await app.selectPhrase(1, 'two will meet on the sidelines')
  await page.getByRole('button', { name: 'Highlight green', exact: true }).click()
  // Painted before the answer, but not clickable yet (no id to act on).
  const painted = app.paragraph(1).locator('mark.hl-green')
  await expect(painted).toHaveText('two will meet on the sidelines')
  await expect(app.marks()).toHaveCount(0)
  release()
  await expect(app.toast(/Could not highlight this passage: The library is read-only\./)).toBeVisible()
  await expect(painted).toHaveCount(0)
  await expect(app.panel.getByText('Select text in the article to highlight it.')).toBeVisible()

  // Once the backend takes it, the stored highlight replaces the painted one.
  await page.unroute('**/api/createHighlight')
  const id = await app.highlightPhrase(1, 'two will meet on the sidelines', 'green')
  await expect(app.paragraph(1).locator('mark.hl-green')).toHaveCount(1)
  await expect(app.marks(id)).toHaveAttribute('data-color', 'green')
})

/** The app's own HTTP bridge, called from the page (setting up what a long reading session would leave behind). */
async function call<T>(page: Page, method: string, args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ method, args }) => {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gloss-token': sessionStorage.getItem('gloss.token') ?? '' },
        body: JSON.stringify({ args })
      })
      const body = await res.json()
      if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
      return body.result
    },
    { method, args }
  )
}

test('a thousand highlights: the panel holds a screenful of them, scrolls to the last, and reveals it in the reader', async ({ page }) => {
  const app = new GlossApp(page)
  await importLong(page, app)
  const articleId = (await call<{ id: string; title: string }[]>(page, 'listArticles', [])).find((a) => !SAMPLE_TITLE.test(a.title))!.id
  const article = await call<{ paragraphs: { id: string; index: number; text: string }[] }>(page, 'getArticle', [articleId])
  // One highlight on "grain shipments" in every third paragraph: 1,000 of them.
  const targets = article.paragraphs.filter((p) => p.index % 3 === 0).map((p) => {
    const at = p.text.indexOf('grain shipments')
    return targetAt(p as Parameters<typeof targetAt>[0], at, at + 'grain shipments'.length)
  })
  expect(targets).toHaveLength(1000)
  for (let i = 0; i < targets.length; i += 100)
    await Promise.all(targets.slice(i, i + 100).map((t) => call(page, 'createHighlight', [{ articleId, color: 'green', targets: [t] }])))
  await page.reload()
  await expect(app.paragraph(0).locator('mark')).toHaveCount(1)

  // The panel names all 1,000 (each row says its place in the list) but draws only the rows around its screen.
  const items = app.panel.locator('[data-highlight-item]')
  await expect(items.first()).toContainText('¶1')
  await expect(items.first().locator('..')).toHaveAttribute('aria-setsize', '1000')
  expect(await items.count()).toBeLessThan(60)

  // Scrolled to the bottom with the wheel, the last highlight is there, and a click on it shows ¶2998 in the reader.
  const body = app.panel.locator('.panel-body')
  await body.hover()
  for (let i = 0; i < 40 && !(await app.panel.locator('li[aria-posinset="1000"]').count()); i++) await page.mouse.wheel(0, 4000)
  const last = app.panel.locator('li[aria-posinset="1000"] [data-highlight-item]')
  await expect(last).toContainText('¶2998')
  expect(await items.count()).toBeLessThan(60)
  await last.click()
  await expect(app.paragraph(2997)).toBeInViewport()
  await expect(app.paragraph(2997).locator('mark')).toHaveText('grain shipments')
})
