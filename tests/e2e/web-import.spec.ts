// Importing from a web address, as a person does it: type the address in the dialog, paste it in the library, or
// drop a link on the window. The pages come from a small HTTP server on 127.0.0.1 that this file starts (an
// article, a 404 and a page that never finishes, for Cancel): nothing leaves the machine.
import { readFileSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { GlossApp } from './pages/GlossApp'

const BLOG = readFileSync(resolve(__dirname, '..', 'fixtures', 'pages', 'blog-post.html'), 'utf8')
const TABLE = readFileSync(resolve(__dirname, '..', 'fixtures', 'pages', 'report-with-table.html'), 'utf8')
const BLOG_TITLE = 'Reading logs without losing your mind'
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control'

interface Site {
  base: string
  /** Requests the server has seen, by path. */
  hits: string[]
  /** What /article.html serves (changed to test "Update from web address"). */
  article: string
  close(): Promise<void>
}

async function startSite(): Promise<Site> {
  const hanging = new Set<ServerResponse>()
  const site = { hits: [] as string[], article: BLOG } as Site
  const server: Server = createServer((req, res) => {
    site.hits.push(req.url ?? '')
    if (req.url === '/article.html' || req.url === '/report.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(req.url === '/report.html' ? TABLE : site.article)
    } else if (req.url === '/slow.html') {
      // Headers now, the page never: the import waits until it is cancelled.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.write('<!doctype html><html><head><title>Slow</title></head><body><p>')
      hanging.add(res)
    } else {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<h1>Not found</h1>')
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  site.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  site.close = () =>
    new Promise((done) => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      server.close(() => done())
    })
  return site
}

let site: Site
test.beforeEach(async () => {
  site = await startSite()
})
test.afterEach(async () => {
  await site.close()
})

async function today(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date()
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
    return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`
  })
}

test('import from a web address: the article opens with its address; a 404 and a cancel add nothing', async ({ page }) => {
  const app = new GlossApp(page)
  await expect(app.libraryItems).toHaveCount(1)

  // A 404: the backend's words in the dialog, which stays open with the address to correct.
  await page.getByRole('button', { name: 'From web address…' }).first().click()
  const dialog = app.webImportDialog
  const box = dialog.getByRole('textbox', { name: 'Web address' })
  await expect(box).toBeFocused()
  await box.fill(`${site.base}/missing.html`)
  await box.press('Enter')
  const error = dialog.getByRole('alert')
  await expect(error).toHaveText('The page was not found (HTTP 404).')
  await expect(box).toHaveValue(`${site.base}/missing.html`)
  await expect(box).toBeEnabled()
  await expect(box).toBeFocused()
  await expect(app.libraryItems).toHaveCount(1)

  // Cancel while the page is still loading: the import stops, nothing is added.
  await box.fill(`${site.base}/slow.html`)
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(dialog.getByRole('status')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Importing…' })).toBeDisabled()
  await expect.poll(() => site.hits.includes('/slow.html')).toBe(true)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(app.toast('Import cancelled; nothing was added.')).toBeVisible()
  await expect(app.toast('Import cancelled; nothing was added.')).not.toHaveClass(/toast-error/)
  await expect(app.libraryItems).toHaveCount(1)

  // The article, from the keyboard shortcut.
  await page.keyboard.press(`${MOD}+Shift+O`)
  await expect(box).toBeFocused()
  await box.fill(`${site.base}/article.html`)
  await box.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: BLOG_TITLE })).toBeVisible()
  const source = app.header.getByRole('link', { name: /127\.0\.0\.1:\d+\/article\.html/ })
  await expect(source).toHaveAttribute('href', `${site.base}/article.html`)
  await expect(source).toHaveAttribute('target', '_blank')
  await expect(app.header).toContainText(`Accessed ${await today(page)}`)
  await expect(app.header.getByText('By Priya Raman')).toBeVisible()
  await expect(app.article).not.toContainText('Leave a Reply')
  await app.backToLibrary()
  await expect(app.libraryItems).toHaveCount(2)
  await expect(app.libraryItems.filter({ hasText: BLOG_TITLE })).toContainText('127.0.0.1')
})

test('a web address pasted in the library, or a link dropped on the window, is imported', async ({ page, context }) => {
  const app = new GlossApp(page)
  await expect(app.libraryItems).toHaveCount(1)

  // Paste with the keyboard (not into a text field): the import starts at once.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin })
  await page.evaluate((url) => navigator.clipboard.writeText(url), `${site.base}/report.html`)
  await page.getByRole('heading', { name: 'Library', level: 2 }).click()
  await page.keyboard.press(`${MOD}+v`)
  await expect(page.getByRole('heading', { level: 1, name: 'Harvest outlook 2024' })).toBeVisible()
  await expect(app.article.getByRole('table')).toBeVisible()
  await expect(app.header.getByRole('link', { name: /report\.html/ })).toHaveAttribute('href', `${site.base}/report.html`)

  // A link dragged from a browser and dropped anywhere on the window.
  const transfer = await page.evaluateHandle((url) => {
    const dt = new DataTransfer()
    dt.setData('text/uri-list', url)
    dt.setData('text/plain', url)
    return dt
  }, `${site.base}/article.html`)
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await expect(page.getByText('Drop to import this web page')).toBeVisible()
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  await expect(page.getByText('Drop to import this web page')).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: BLOG_TITLE })).toBeVisible()

  // Text pasted into a text field stays text: the search box gets the address, nothing is imported.
  await app.backToLibrary()
  await expect(app.libraryItems).toHaveCount(3)
  await page.keyboard.press(`${MOD}+k`)
  const search = page.getByRole('searchbox', { name: 'Search articles, notes and highlights' })
  await expect(search).toBeFocused()
  await page.keyboard.press(`${MOD}+v`)
  await expect(search).toHaveValue(`${site.base}/report.html`)
  await page.keyboard.press('Escape')
  await expect(app.webImportDialog).toHaveCount(0)
  await expect(app.libraryItems).toHaveCount(3)
})

test('update from web address fetches the page again; highlights follow the text', async ({ page }) => {
  const app = new GlossApp(page)
  await page.getByRole('button', { name: 'From web address…' }).first().click()
  await app.webImportDialog.getByRole('textbox', { name: 'Web address' }).fill(`${site.base}/article.html`)
  await app.webImportDialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: BLOG_TITLE })).toBeVisible()
  const id = await app.highlightPhrase(0, 'everybody squints')

  // The author corrects the post.
  site.article = BLOG.replace('None of this is clever.', 'None of this is clever, and that is the point.')
  const before = site.hits.length
  await app.header.getByRole('button', { name: 'Update from web address' }).click()
  await expect(app.toast(/^Updated: .*1 edited/)).toBeVisible()
  expect(site.hits.slice(before)).toEqual(['/article.html'])
  await expect(app.paragraphs.last()).toContainText('and that is the point.')
  await expect(app.marks(id)).toHaveText('everybody squints')
})
