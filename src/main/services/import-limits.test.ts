// No input can stall the backend: parsing runs in the import worker, bounded by depth, size, time and memory; while a
// large import runs, other requests are answered; a cancelled or failed import leaves nothing behind.
import { afterAll, describe, expect, it } from 'vitest'
import { createImportRunner } from '../import/runner'
import { b64, openBackend, rejection, removeTempDirs, rowCounts } from './test-helpers'

afterAll(() => removeTempDirs())

const longPage = (paragraphs: number): string =>
  `<!doctype html><html><head><title>Long</title></head><body><article>${Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} of a long page.</p>`).join('')}</article></body></html>`

describe('import limits', () => {
  it('refuses a page nested 10,000 levels deep at once, writing nothing', async () => {
    const { backend, dataDir } = openBackend()
    const before = rowCounts(dataDir)
    const deep = '<html><body>' + '<div>'.repeat(10_000) + 'deep' + '</div>'.repeat(10_000) + '</body></html>'
    const t = Date.now()
    const e = await rejection(backend.importFile({ name: 'deep.html', base64: b64(deep) }))
    expect(e.code).toBe('import_rejected')
    expect(e.message).toMatch(/nested 10,000 levels deep/)
    // Well under the 40-70 s the page used to cost (the worker's first start is most of this).
    expect(Date.now() - t).toBeLessThan(15_000)
    expect(rowCounts(dataDir)).toEqual(before)
    await backend.close()
  })

  it('keeps answering while a 50,000-paragraph page imports, and stores it whole', async () => {
    const { backend } = openBackend()
    const [sample] = await backend.listArticles()
    const note = await backend.getArticleNote(sample.id)
    let revision = note.revision
    let finished = false
    const importing = backend.importFile({ name: 'huge.html', base64: b64(longPage(50_000)) }).finally(() => (finished = true))
    let answered = 0
    while (!finished) {
      const r = await backend.saveNote({ id: note.id, baseRevision: revision, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Save ${answered}` }] }] } })
      if (r.ok) revision = r.note.revision
      answered++
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const { article } = await importing
    expect(article.paragraphCount).toBe(50_000)
    // Saves went through while the page was parsed and written (several hundred on a fast machine).
    expect(answered).toBeGreaterThan(5)
    expect((await backend.getNote(note.id)).text).toBe(`Save ${answered - 1}`)
    await backend.close()
  }, 120_000)

  it('stops a parse that runs over its time limit, and a cancelled one, with clear errors', async () => {
    const runner = createImportRunner()
    const task = { kind: 'source' as const, source: { name: 'long.html', bytes: new TextEncoder().encode(longPage(30_000)) } }
    await expect(runner.run(task, { timeLimitMs: 300 })).rejects.toMatchObject({ code: 'import_rejected', message: 'Reading this file took more than 300 ms, so Gloss stopped; nothing was added to the library.' })
    const controller = new AbortController()
    const running = runner.run(task, { signal: controller.signal })
    setTimeout(() => controller.abort(), 300)
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    // The pool replaces the ended worker: the next import works.
    const ok = await runner.run({ kind: 'paste', paste: { text: 'Still working.' } })
    expect(ok.paragraphs.map((p) => p.text)).toEqual(['Still working.'])
    await runner.close()
  }, 60_000)

  it('a cancelled file import writes nothing, even when it is cancelled while saving', async () => {
    const { backend, dataDir } = openBackend()
    const before = rowCounts(dataDir)
    const running = backend.importFile({ name: 'huge.html', base64: b64(longPage(20_000)), jobId: 'J-SAVE' })
    const failed = rejection(running)
    // Wait until it is writing, then cancel.
    for (let i = 0; i < 600; i++) {
      const p = await backend.importProgress('J-SAVE')
      if (p?.stage === 'saving' || p?.stage === 'done') break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    await backend.cancelImport('J-SAVE')
    const e = await failed
    expect(e.code).toBe('cancelled')
    expect(rowCounts(dataDir)).toEqual(before)
    await backend.close()
  }, 120_000)
})
