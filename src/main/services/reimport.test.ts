import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from './dispatch'
import { b64, docWithRefs, openBackend, openWithSample, rejection, removeTempDirs, RESOURCES, rowCounts, target, withDb } from './test-helpers'

afterEach(removeTempDirs)

const SAMPLE = 'putin-xi-sco-summit.txt'
const sampleLines = (): string[] => readFileSync(join(RESOURCES, SAMPLE), 'utf8').trim().split('\n')

const CUT = 'an uncomfortable inflection level'
const NEW_LAST = 'Editor’s note: this article was updated to correct the description of the summit.'

/** The corrected version: ¶5 edited (CUT replaced), ¶6 and ¶10 deleted, a paragraph added at the end. */
function correctedSample(): string {
  const lines = sampleLines()
  expect(lines[4]).toContain(CUT)
  const out = lines.map((l, i) => (i === 4 ? l.replace(CUT, 'a turning point') : l)).filter((_, i) => i !== 5 && i !== 9)
  return [...out, NEW_LAST].join('\n') + '\n'
}



describe('reimportArticle', () => {
  it('keeps unchanged paragraphs, edits in place, tombstones removed ones; highlights and references follow', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const p = article.paragraphs
    const h1 = await backend.createHighlight({ articleId: article.id, color: 'yellow', targets: [target(p[0], 'Vladimir Putin')] })
    const h5 = await backend.createHighlight({ articleId: article.id, color: 'green', targets: [target(p[4], 'strategic goals')] })
    const h6 = await backend.createHighlight({ articleId: article.id, color: 'red', targets: [target(p[5], 'CIA analysis')] })
    const note = await backend.getArticleNote(article.id)
    const doc = docWithRefs('The summit matters.', [
      { articleId: article.id, paragraphId: p[0].id, label: '1' },
      { articleId: article.id, paragraphId: p[4].id, label: '5', quote: CUT },
      { articleId: article.id, paragraphId: p[9].id, label: '10' }
    ])
    expect(await backend.saveNote({ id: note.id, doc, baseRevision: 0 })).toMatchObject({ ok: true })

    const result = await backend.reimportArticle({ articleId: article.id, name: SAMPLE, base64: b64(correctedSample()) })
    expect(result).toMatchObject({ kept: 15, edited: 1, added: 1, removed: 2, warnings: [] })
    expect(result.article).toMatchObject({ id: article.id, title: article.title, paragraphCount: 17, highlightCount: 3 })

    const after = await backend.getArticle(article.id)
    expect(after.paragraphs.map((x) => x.index)).toEqual([...Array(17).keys()])
    // Same ids for everything that stayed, in the new order; the edited ¶5 keeps its id with the new text.
    const oldIds = p.map((x) => x.id).filter((_, i) => i !== 5 && i !== 9)
    expect(after.paragraphs.slice(0, 16).map((x) => x.id)).toEqual(oldIds)
    expect(after.paragraphs[4].text).toContain('a turning point')
    expect(after.paragraphs[16]).toMatchObject({ text: NEW_LAST })
    expect(oldIds).not.toContain(after.paragraphs[16].id)

    // Nothing is dropped: removed paragraphs are tombstones, highlights all still listed.
    const rows = withDb(dataDir, (db) =>
      db.prepare('SELECT id, deleted_at FROM paragraphs WHERE article_id = ? AND id IN (?, ?)').all(article.id, p[5].id, p[9].id)
    ) as { id: string; deleted_at: string | null }[]
    expect(rows).toHaveLength(2)
    expect(rows.every((r) => r.deleted_at !== null)).toBe(true)
    expect(rowCounts(dataDir).paragraphs).toBe(19)

    const status = new Map((await backend.listHighlights(article.id)).map((h) => [h.id, h.status]))
    expect(Object.fromEntries(status)).toEqual({ [h1.id]: 'anchored', [h5.id]: 'anchored', [h6.id]: 'orphan' })

    const refs = await backend.checkNoteRefs(note.id)
    expect(refs.map((r) => [r.paragraphId, r.status, r.paragraphNumber])).toEqual([
      [p[0].id, 'ok', 1],
      [p[4].id, 'changed', 5],
      [p[9].id, 'orphan', null]
    ])
    const backlinks = await backend.getBacklinks(article.id)
    expect(backlinks[p[0].id]).toHaveLength(1)
    expect(backlinks[p[4].id]).toHaveLength(1)

    // Search sees the new text, not the old.
    expect(withDb(dataDir, (db) => db.prepare("SELECT count(*) AS n FROM paragraphs_fts WHERE paragraphs_fts MATCH 'turning'").get())).toEqual({ n: 1 })
    expect(withDb(dataDir, (db) => db.prepare("SELECT count(*) AS n FROM paragraphs_fts WHERE paragraphs_fts MATCH 'CIA'").get())).toEqual({ n: 0 })
    backend.close()
  })

  it('re-importing the original again brings removed paragraphs back under their old ids and re-anchors their highlights', async () => {
    const { backend, article } = await openWithSample()
    const h6 = await backend.createHighlight({ articleId: article.id, color: 'red', targets: [target(article.paragraphs[5], 'CIA analysis')] })
    await backend.reimportArticle({ articleId: article.id, name: SAMPLE, base64: b64(correctedSample()) })
    expect((await backend.listHighlights(article.id))[0].status).toBe('orphan')

    const original = readFileSync(join(RESOURCES, SAMPLE))
    const back = await backend.reimportArticle({ articleId: article.id, name: SAMPLE, base64: b64(new Uint8Array(original)) })
    expect(back).toMatchObject({ kept: 15, edited: 1, added: 2, removed: 1 })
    expect((await backend.getArticle(article.id)).paragraphs).toEqual(article.paragraphs)
    expect((await backend.listHighlights(article.id)).map((h) => [h.id, h.status])).toEqual([[h6.id, 'anchored']])

    const same = await backend.reimportArticle({ articleId: article.id, name: SAMPLE, base64: b64(new Uint8Array(original)) })
    expect(same).toMatchObject({ kept: 18, edited: 0, added: 0, removed: 0 })
    backend.close()
  })

  it('updates the title, format and warnings from the new file', async () => {
    const { backend } = openBackend()
    const { article } = await backend.importFile({ name: 'memo.md', base64: b64('# Gas and Power\n\nThe pipeline deal stalled.\n\nBoth sides blamed the other.\n') })
    const created = (await backend.getArticle(article.id)).createdAt
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<html><head><title>Gas and Power (corrected)</title></head><body><p>The pipeline deal stalled again.</p><p>Caf'),
      0xe9,
      ...new TextEncoder().encode(' talks resumed.</p></body></html>')
    ])
    const r = await backend.reimportArticle({ articleId: article.id, name: 'memo.html', base64: b64(bytes) })
    expect(r.warnings.length).toBeGreaterThan(0)
    const after = await backend.getArticle(article.id)
    expect(after).toMatchObject({ title: 'Gas and Power (corrected)', format: 'html', warnings: r.warnings, createdAt: created })
    expect(after.updatedAt >= created).toBe(true)
    expect(r.article.title).toBe('Gas and Power (corrected)')
    expect((await backend.listArticles()).find((a) => a.id === article.id)?.title).toBe('Gas and Power (corrected)')
    backend.close()
  })

  it('rejects an unknown article, a bad file and bad arguments, and changes nothing', async () => {
    const { backend, dataDir, article } = await openWithSample()
    await backend.deleteArticle((await backend.importText({ text: 'Gone soon.' })).article.id)
    const deleted = (withDb(dataDir, (db) => db.prepare('SELECT id FROM articles WHERE deleted_at IS NOT NULL').get()) as { id: string }).id
    const before = rowCounts(dataDir)
    const good = b64(correctedSample())
    const binary = b64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0]))
    // Each call starts only when the previous one has been checked (one import at a time, every rejection handled).
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [() => backend.reimportArticle({ articleId: '01NOPE', name: SAMPLE, base64: good }), 'not_found', /not in the library.*cannot be updated/],
      [() => backend.reimportArticle({ articleId: deleted, name: SAMPLE, base64: good }), 'not_found', /not in the library/],
      [() => backend.reimportArticle({ articleId: article.id, name: 'x.png', base64: binary }), 'import_rejected', /binary|not text|text file/i],
      [() => backend.reimportArticle({ articleId: article.id, name: 'empty.txt', base64: '' }), 'import_rejected', /empty/i],
      [() => backend.reimportArticle({ articleId: article.id, name: 'blank.txt', base64: b64('  \n\n ') }), 'import_rejected', /no readable text|empty/i],
      [() => backend.reimportArticle({ articleId: article.id, name: 'bad.txt', base64: 'not base64!' }), 'invalid_input', /base64/]
    ]
    for (const [call, code, message] of cases) {
      const e = await rejection(call())
      expect(e.code).toBe(code)
      expect(e.message).toMatch(message)
    }
    const invalid = await dispatch(backend, 'reimportArticle', [{ name: SAMPLE, base64: good }])
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/articleId/) } })
    expect(rowCounts(dataDir)).toEqual(before)
    expect(await backend.getArticle(article.id)).toEqual(article)
    backend.close()
  })

  it('leaves the article as it was when the database fails in the middle of the update', async () => {
    const { backend, dataDir, article } = await openWithSample()
    withDb(dataDir, (db) =>
      db.exec(
        "CREATE TRIGGER fail_mid_reimport BEFORE INSERT ON paragraphs WHEN new.text LIKE 'Editor%' BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;"
      )
    )
    const before = rowCounts(dataDir)
    await expect(backend.reimportArticle({ articleId: article.id, name: 'renamed.txt', base64: b64(correctedSample()) })).rejects.toThrow(
      /simulated disk failure/
    )
    expect(rowCounts(dataDir)).toEqual(before)
    expect(await backend.getArticle(article.id)).toEqual(article)
    backend.close()
  })
})
