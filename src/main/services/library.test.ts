import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { b64, openBackend, rejection, removeTempDirs, RESOURCES, rowCounts, tempDir, withDb } from './test-helpers'

afterEach(removeTempDirs)


describe('first run', () => {
  it('imports the bundled sample once, through the file importer, and not again after it is deleted', async () => {
    const { backend, dataDir } = openBackend()
    const list = await backend.listArticles()
    expect(list).toHaveLength(1)
    const sample = list[0]
    expect(sample.paragraphCount).toBe(readFileSync(join(RESOURCES, 'putin-xi-sco-summit.txt'), 'utf8').trim().split('\n').length)
    expect(sample.format).toBe('txt')
    const article = await backend.getArticle(sample.id)
    // Paragraphs 13 and 16 open with the same sentence but have distinct ids.
    expect(article.paragraphs[15].text.startsWith(article.paragraphs[12].text.slice(0, 75))).toBe(true)
    expect(article.paragraphs[12].id).not.toBe(article.paragraphs[15].id)
    backend.close()

    const again = openBackend(dataDir).backend
    expect((await again.listArticles()).map((a) => a.id)).toEqual([sample.id])
    await again.deleteArticle(sample.id)
    again.close()

    const third = openBackend(dataDir).backend
    expect(await third.listArticles()).toEqual([])
    third.close()
    expect(rowCounts(dataDir).articles).toBe(1) // tombstoned, not erased
  })

  it('starts without the sample (and retries later) when the resources folder has no sample', async () => {
    const dataDir = tempDir()
    const first = openBackend(dataDir, { resourcesDir: tempDir() }).backend
    expect(await first.listArticles()).toEqual([])
    first.close()
    const second = openBackend(dataDir).backend
    expect(await second.listArticles()).toHaveLength(1)
    second.close()
  })
})

describe('importing', () => {
  it('imports a Markdown file with its paragraphs and reports it in the library with counts', async () => {
    const { backend } = openBackend()
    const md = '# Pipelines and Power\n\nFirst paragraph of the body.\n\n- one item\n- two item\n\nLast words.\n'
    const result = await backend.importFile({ name: 'power.md', base64: b64(md) })
    expect(result.article.title).toBe('Pipelines and Power')
    expect(result.article.format).toBe('md')
    const article = await backend.getArticle(result.article.id)
    expect(article.paragraphs.map((p) => p.index)).toEqual(article.paragraphs.map((_, i) => i))
    expect(article.paragraphs.some((p) => p.kind === 'li' && p.list === 'ul')).toBe(true)
    const summary = (await backend.listArticles()).find((a) => a.id === result.article.id)!
    expect(summary.paragraphCount).toBe(article.paragraphs.length)
    expect(summary.highlightCount).toBe(0)
    backend.close()
  })

  it('returns warnings for invalid UTF-8 and stores them with the article', async () => {
    const { backend } = openBackend()
    const bytes = new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, ...new TextEncoder().encode(' au lait is a drink.\n')])
    const result = await backend.importFile({ name: 'latin.txt', base64: b64(bytes) })
    expect(result.warnings.length).toBeGreaterThan(0)
    expect((await backend.getArticle(result.article.id)).warnings).toEqual(result.warnings)
    backend.close()
  })

  it('imports pasted text', async () => {
    const { backend } = openBackend()
    const result = await backend.importText({ text: 'One paragraph.\n\nAnother paragraph.', title: 'Pasted' })
    expect(result.article.title).toBe('Pasted')
    expect(result.article.paragraphCount).toBe(2)
    backend.close()
  })

  it('rejects each bad input with a clear error and writes nothing', async () => {
    const { backend, dataDir } = openBackend()
    const before = rowCounts(dataDir)
    // Each call starts only when the previous one has been checked (one import at a time, every rejection handled).
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [() => backend.importFile({ name: 'empty.txt', base64: '' }), 'import_rejected', /empty/i],
      [() => backend.importFile({ name: 'blank.txt', base64: b64('   \n\n  \n') }), 'import_rejected', /no readable text|empty/i],
      [() => backend.importFile({ name: 'x.png', base64: b64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0])) }), 'import_rejected', /binary|not text|text file/i],
      [() => backend.importFile({ name: 'bad.txt', base64: 'this is *not* base64!' }), 'invalid_input', /base64/],
      [() => backend.importText({ text: '   ' }), 'import_rejected', /empty/i]
    ]
    for (const [call, code, message] of cases) {
      const e = await rejection(call())
      expect(e.code).toBe(code)
      expect(e.message).toMatch(message)
    }
    expect(rowCounts(dataDir)).toEqual(before)
    backend.close()
  })

  it('rejects a file over the size limit without writing', async () => {
    const { backend, dataDir } = openBackend()
    const before = rowCounts(dataDir)
    const big = Buffer.alloc(21 * 1024 * 1024, 'a word ').toString('base64')
    const e = await rejection(backend.importFile({ name: 'big.txt', base64: big }))
    expect(e.code).toBe('import_rejected')
    expect(e.message).toMatch(/too large/i)
    expect(rowCounts(dataDir)).toEqual(before)
    backend.close()
  })

  it('leaves no partial rows when the database fails in the middle of an import', async () => {
    const { backend, dataDir } = openBackend()
    withDb(dataDir, (db) =>
      db.exec("CREATE TRIGGER fail_mid_import BEFORE INSERT ON paragraphs WHEN new.position = 3 BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;")
    )
    const before = rowCounts(dataDir)
    const text = Array.from({ length: 8 }, (_, i) => `Paragraph number ${i + 1} of the failing import.`).join('\n')
    await expect(backend.importFile({ name: 'fails.txt', base64: b64(text) })).rejects.toThrow(/simulated disk failure/)
    expect(rowCounts(dataDir)).toEqual(before)
    backend.close()
  })
})

describe('articles', () => {
  it('restoreArticle undoes a delete with the highlights and analysis note deleted with it, not older deletions', async () => {
    const { backend } = openBackend()
    const [sample] = await backend.listArticles()
    const article = await backend.getArticle(sample.id)
    const p = article.paragraphs[0]
    const target = (start: number, end: number) => [
      {
        paragraphId: p.id,
        quote: { type: 'TextQuoteSelector' as const, exact: p.text.slice(start, end), prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector' as const, start, end }
      }
    ]
    const kept = await backend.createHighlight({ articleId: sample.id, color: 'green', targets: target(0, 7) })
    const removedEarlier = await backend.createHighlight({ articleId: sample.id, color: 'red', targets: target(8, 17) })
    await backend.deleteHighlight(removedEarlier.id)
    const note = await backend.getArticleNote(sample.id)
    await backend.saveNote({ id: note.id, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kept.' }] }] }, baseRevision: note.revision })

    await backend.deleteArticle(sample.id)
    expect(await backend.listArticles()).toEqual([])
    const restored = await backend.restoreArticle(sample.id)
    expect(restored).toMatchObject({ id: sample.id, highlightCount: 1 })
    expect((await backend.listHighlights(sample.id)).map((h) => h.id)).toEqual([kept.id])
    expect((await backend.getArticleNote(sample.id)).text).toBe('Kept.')
    expect((await rejection(backend.restoreArticle(sample.id))).code).toBe('not_found')
    backend.close()
  })

  it('getArticle and deleteArticle of an unknown id fail with not_found', async () => {
    const { backend } = openBackend()
    expect((await rejection(backend.getArticle('01NOPE'))).code).toBe('not_found')
    expect((await rejection(backend.deleteArticle('01NOPE'))).code).toBe('not_found')
    backend.close()
  })

  it('appInfo reports mode, version and data folder', async () => {
    const { backend, dataDir } = openBackend()
    const info = await backend.appInfo()
    expect(info).toEqual({ mode: 'web', version: expect.stringMatching(/^\d+\.\d+\.\d+/), dataDir })
    backend.close()
  })
})
