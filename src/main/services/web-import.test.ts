// Importing from a web address, end to end through the backend: a page served on 127.0.0.1 by the test, fetched,
// extracted in the import worker, stored with its address and the time it was read; failures write nothing;
// a slow import can be followed and cancelled; a re-import from the address carries highlights over.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend, rejection, removeTempDirs, rowCounts, target } from './test-helpers'

const PAGE = readFileSync(join(__dirname, '../../../tests/fixtures/pages/news-article.html'), 'utf8')
let version = PAGE
let server: Server
let base = ''
const held: (() => void)[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/news') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(version)
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: '/news' })
      res.end()
    } else if (req.url === '/slow') {
      // Sends the head of the page, then waits (until the test releases it).
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<!doctype html><html><head><title>Slow</title></head><body>')
      held.push(() => res.end('<p>late</p></body></html>'))
    } else if (req.url === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' })
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    } else {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<h1>Not found</h1>')
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const release of held) release()
  await new Promise((done) => server.close(done))
  removeTempDirs()
})

describe('import from a web address', () => {
  it('stores the article alone, with its details, its address and when it was read', async () => {
    const { backend } = openBackend()
    const before = Date.now()
    const { article } = await backend.importUrl({ url: `${base}/moved` })
    expect(article).toMatchObject({
      title: 'Ministers agree grain corridor deal after all-night talks',
      authors: ['Jane Smith', 'Omar Haddad'],
      publisher: 'The Daily Ledger',
      publishedAt: '2024-03-15T06:30:00Z',
      // The page's canonical address wins over the address it was fetched from.
      url: 'https://www.dailyledger.example/world/2024/03/15/grain-corridor-deal',
      fileName: null,
      format: 'html',
      paragraphCount: 9
    })
    expect(Date.parse(article.accessedAt!)).toBeGreaterThanOrEqual(before - 1000)
    const full = await backend.getArticle(article.id)
    expect(full.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/Skip to main content|cookies|Comments/)
    await backend.close()
  })

  it('writes nothing when the address fails, and says why', async () => {
    const { backend, dataDir } = openBackend()
    const before = rowCounts(dataDir)
    const missing = await rejection(backend.importUrl({ url: `${base}/gone` }))
    expect(missing).toMatchObject({ code: 'import_rejected', message: 'The page was not found (HTTP 404).' })
    const image = await rejection(backend.importUrl({ url: `${base}/image` }))
    expect(image.message).toMatch(/image \(image\/png\), not a page Gloss can import/)
    const scheme = await rejection(backend.importUrl({ url: 'file:///etc/passwd' }))
    expect(scheme.message).toMatch(/only import web addresses that start with http:\/\/ or https:\/\//)
    expect(rowCounts(dataDir)).toEqual(before)
    await backend.close()
  })

  it('can be followed while it runs and cancelled, leaving the library as it was', async () => {
    const { backend, dataDir } = openBackend()
    const before = rowCounts(dataDir)
    const running = backend.importUrl({ url: `${base}/slow`, jobId: 'JOB-SLOW' })
    const failed = rejection(running)
    await new Promise((r) => setTimeout(r, 200))
    expect(await backend.importProgress('JOB-SLOW')).toMatchObject({ jobId: 'JOB-SLOW', stage: 'reading' })
    expect(await backend.cancelImport('JOB-SLOW')).toEqual({ cancelled: true })
    expect(await failed).toMatchObject({ code: 'cancelled' })
    expect(await backend.importProgress('JOB-SLOW')).toMatchObject({ stage: 'cancelled' })
    expect(await backend.cancelImport('JOB-SLOW')).toEqual({ cancelled: false })
    expect(rowCounts(dataDir)).toEqual(before)
    await backend.close()
  })

  it('updates from its web address: highlights follow the edited text, corrected details are kept', async () => {
    const { backend } = openBackend()
    version = PAGE
    const { article } = await backend.importUrl({ url: `${base}/news` })
    const full = await backend.getArticle(article.id)
    const quoted = full.paragraphs.find((p) => p.text.startsWith('Officials said'))!
    const h = await backend.createHighlight({ articleId: article.id, color: 'green', targets: [target(quoted, 'first ships could sail')] })
    await backend.updateArticleDetails({ id: article.id, title: 'Grain deal (corrected)', authors: ['J. Smith'], publisher: 'Daily Ledger', publishedAt: '2024-03-15', url: null })

    version = PAGE.replace('Officials said the first ships', 'Officials said on Friday that the first ships')
    const r = await backend.reimportArticle({ articleId: article.id, url: `${base}/news` })
    expect(r).toMatchObject({ kept: 8, edited: 1, added: 0, removed: 0 })
    expect(r.article).toMatchObject({ title: 'Grain deal (corrected)', authors: ['J. Smith'], publisher: 'Daily Ledger', publishedAt: '2024-03-15' })
    const [moved] = (await backend.listHighlights(article.id)).filter((x) => x.id === h.id)
    expect(moved.status).toBe('anchored')
    expect(moved.resolved).toHaveLength(1)
    await backend.close()
  })
})
