import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hashString } from '../../core/ids'
import type { PMNode } from '../../core/model'
import { dispatch } from './dispatch'
import { b64, openWithSample, rejection, removeTempDirs, RESOURCES, withDb } from './test-helpers'

afterEach(removeTempDirs)

interface CacheRow {
  paragraph_id: string
  text_hash: string
  engine: string
  result: string
  updated_at: string
}

const cacheRows = (dataDir: string, articleId: string): CacheRow[] =>
  withDb(dataDir, (db) => db.prepare('SELECT * FROM paragraph_analysis WHERE article_id = ? ORDER BY paragraph_id').all(articleId) as CacheRow[])

async function until<T>(what: () => T, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = what()
    if (ok(v)) return v
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 100))
  }
}

const sampleText = (): string => readFileSync(join(RESOURCES, 'putin-xi-sco-summit.txt'), 'utf8')

/** A note: one paragraph with a quotation and a chip citing `paragraphId`. */
const quoteNote = (articleId: string, paragraphId: string, quote: string, label: string): PMNode => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: `Denisov said “${quote}” ` },
        { type: 'paragraphRef', attrs: { articleId, paragraphId, quote: '', label } },
        { type: 'text', text: '.' }
      ]
    }
  ]
})

describe('listQuotes and listEntities', () => {
  it('find who said what in the sample, and cache each paragraph (text hash, engine) in SQLite', async () => {
    const { backend, dataDir, article } = await openWithSample()
    const quotes = await backend.listQuotes(article.id)
    expect(quotes.quotations.map((q) => [q.pieces[0].number, q.speaker?.name ?? null])).toEqual([
      [3, 'Andrey Denisov'],
      [3, 'Andrey Denisov'],
      [4, null],
      [11, 'Lloyd Austin'],
      [13, 'David Shullman'],
      [16, 'David Shullman'],
      [16, 'David Shullman'],
      [18, 'David Shullman']
    ])
    expect(quotes.quotations[0].pieces[0].paragraphId).toBe(article.paragraphs[2].id)
    const entities = await backend.listEntities(article.id)
    expect(entities.find((e) => e.name === 'Vladimir Putin')).toMatchObject({ type: 'person', count: 11 })

    const rows = cacheRows(dataDir, article.id)
    expect(rows).toHaveLength(article.paragraphs.length)
    for (const p of article.paragraphs) {
      const row = rows.find((r) => r.paragraph_id === p.id)!
      expect(row.text_hash).toBe(hashString(p.text))
      expect(row.engine).toMatch(/^compromise@14\.17\.0\/\d+$/)
      expect(JSON.parse(row.result).terms.length).toBeGreaterThan(0)
    }
    await backend.close()
  })

  it('re-analyses only the paragraphs a re-import changed, and a damaged cache row is computed again', async () => {
    const { backend, dataDir, article } = await openWithSample()
    await backend.listQuotes(article.id)
    const before = new Map(cacheRows(dataDir, article.id).map((r) => [r.paragraph_id, r]))
    await new Promise((r) => setTimeout(r, 5))

    // ¶3 changes: Denisov's quotation is now said by "the ambassador".
    const changed = sampleText().replace('” Denisov mentioned. “I do not', '” the ambassador said. “I do not')
    await backend.reimportArticle({ articleId: article.id, name: 'putin-xi-sco-summit.txt', base64: b64(changed) })
    const quotes = await backend.listQuotes(article.id)
    expect(quotes.quotations[0].speaker?.label).toBe('the ambassador')

    const after = cacheRows(dataDir, article.id)
    const p3 = (await backend.getArticle(article.id)).paragraphs[2]
    const updated = after.filter((r) => r.updated_at !== before.get(r.paragraph_id)?.updated_at).map((r) => r.paragraph_id)
    expect(updated).toEqual([p3.id])
    expect(after.find((r) => r.paragraph_id === p3.id)!.text_hash).toBe(hashString(p3.text))

    withDb(dataDir, (db) => db.prepare("UPDATE paragraph_analysis SET result = 'not json' WHERE paragraph_id = ?").run(article.paragraphs[10].id))
    await backend.reimportArticle({ articleId: article.id, name: 'putin-xi-sco-summit.txt', base64: b64(sampleText()) })
    const again = await backend.listQuotes(article.id)
    expect(again.quotations.find((q) => q.pieces[0].number === 11)?.speaker?.name).toBe('Lloyd Austin')
    await until(
      () => cacheRows(dataDir, article.id).find((r) => r.paragraph_id === article.paragraphs[10].id)!.result,
      (r) => r.startsWith('{')
    )
    await backend.close()
  })

  it('fills the cache in the background after an import', async () => {
    const { backend, dataDir } = await openWithSample()
    const { article } = await backend.importText({ text: '“We will not pay,” the minister said.\n\nThe talks ended on Friday.', title: 'Talks' })
    const rows = await until(
      () => cacheRows(dataDir, article.id),
      (r) => r.length === 2
    )
    expect(rows.every((r) => r.engine.startsWith('compromise@'))).toBe(true)
    const quotes = await backend.listQuotes(article.id)
    expect(quotes.quotations.map((q) => [q.text, q.speaker?.label])).toEqual([['We will not pay,', 'the minister']])
    await backend.close()
  })

  it('answers not_found for an article that is not there, and checks its arguments', async () => {
    const { backend } = await openWithSample()
    expect((await rejection(backend.listQuotes('nope'))).code).toBe('not_found')
    expect(await dispatch(backend, 'listEntities', [42])).toEqual({ ok: false, error: { code: 'invalid_input', message: 'listEntities: article id must be text' } })
    await backend.close()
  })
})

describe('checkNoteQuotes', () => {
  it('checks quotations against the cited paragraph, and again after the source is updated', async () => {
    const { backend, article } = await openWithSample()
    const p3 = article.paragraphs[2]
    const note = await backend.getArticleNote(article.id)
    const saved = await backend.saveNote({ id: note.id, baseRevision: 0, doc: quoteNote(article.id, p3.id, 'This summit promises to be interesting', '3') })
    expect(saved.ok).toBe(true)
    expect((await backend.checkNoteQuotes(note.id)).map((c) => [c.quote, c.status, c.paragraphNumber])).toEqual([
      ['This summit promises to be interesting', 'exact', 3]
    ])

    await backend.reimportArticle({ articleId: article.id, name: 'putin-xi-sco-summit.txt', base64: b64(sampleText().replace('promises to be interesting', 'promises to be important')) })
    const [c] = await backend.checkNoteQuotes(note.id)
    expect(c.status).toBe('differs')
    expect(c.diff).toEqual([
      { op: 'same', text: 'This summit promises to be' },
      { op: 'removed', text: 'important' },
      { op: 'added', text: 'interesting' }
    ])
    expect((await rejection(backend.checkNoteQuotes('gone'))).code).toBe('not_found')
    await backend.close()
  })
})
