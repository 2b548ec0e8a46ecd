import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { GlossError } from '../../core/api'
import { removeTempDirs, tempDir } from './test-temp'
import { insertArticle, insertParagraphs, insertPendingArticle, getArticle, getParagraphs, replaceParagraphs, restoreArticle, tombstoneArticle } from './articles'
import { openDatabase, schemaVersion, type DB } from './database'
import { insertHighlight, setHighlightDeleted } from './highlights'
import { insertNote } from './notes'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'

afterEach(removeTempDirs)

const NOW = '2026-01-01T00:00:00.000Z'

function para(id: string, index: number, text: string) {
  return { id, index, kind: 'p' as const, text }
}

/** Ids of the paragraphs the paragraph index finds for an FTS query, in article and document order. */
function paragraphIds(db: DB, query: string): string[] {
  const rows = db
    .prepare('SELECT p.id FROM paragraphs_fts f JOIN paragraphs p ON p.rowid = f.rowid WHERE paragraphs_fts MATCH ? ORDER BY p.article_id, p.position')
    .all(query) as { id: string }[]
  return rows.map((r) => r.id)
}

function sampleArticle(id = 'A1') {
  return {
    id,
    title: 'Title',
    authors: [],
    publisher: null,
    publishedAt: null,
    url: null,
    accessedAt: null,
    fileName: 'a.txt',
    lang: null,
    excerpt: null,
    format: 'txt' as const,
    warnings: ['w1'],
    paragraphs: [para('p-1', 0, 'First paragraph about summits.'), para('p-2', 1, 'Second paragraph about pipelines.')]
  }
}

describe('openDatabase', () => {
  it('creates a fresh library at the current schema with the expected pragmas', () => {
    const file = join(tempDir(), 'gloss.db')
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(db.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((r) => r.name)
    for (const t of ['articles', 'paragraphs', 'highlights', 'notes', 'note_refs', 'settings', 'paragraphs_fts', 'notes_fts']) {
      expect(tables).toContain(t)
    }
    db.close()
  })

  it('re-opens an existing library without re-running migrations and keeps its data', () => {
    const file = join(tempDir(), 'gloss.db')
    const db = openDatabase(file)
    insertArticle(db, sampleArticle(), NOW)
    db.close()
    const again = openDatabase(file)
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION)
    expect(getArticle(again, 'A1')?.paragraphs.map((p) => p.text)).toEqual([
      'First paragraph about summits.',
      'Second paragraph about pipelines.'
    ])
    again.close()
  })

  it('refuses a library written by a newer Gloss and leaves the file untouched', () => {
    const file = join(tempDir(), 'gloss.db')
    const raw = new Database(file)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`)
    raw.close()
    const before = readFileSync(file)
    let error: unknown
    try {
      openDatabase(file)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(GlossError)
    expect((error as Error).message).toMatch(/newer version of Gloss/)
    expect(readFileSync(file).equals(before)).toBe(true)
    const check = new Database(file)
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5)
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'articles'").get()).toEqual({ n: 0 })
    check.close()
  })

  it('applies each migration in its own transaction: a failing one leaves the previous version intact', () => {
    const file = join(tempDir(), 'gloss.db')
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE extra (x); INSERT INTO nowhere VALUES (1);' }]
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/could not open/)
    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 })
    db.close()
  })

  it('reports a file that is not a database in words and leaves it as it was', () => {
    const dir = tempDir()
    const file = join(dir, 'gloss.db')
    const text = 'this is not sqlite at all, just text '.repeat(200)
    writeFileSync(file, text)
    expect(() => openDatabase(file)).toThrow(
      new GlossError(
        'internal',
        `The library file ${file} is damaged or is not a Gloss library. Restore it from a backup, or move it aside to start a new, empty library, or choose another folder with --data-dir.`
      )
    )
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})

describe('articles repository', () => {
  it('keeps paragraph full-text search in sync with inserts and tombstones', () => {
    const db = openDatabase(join(tempDir(), 'gloss.db'))
    insertArticle(db, sampleArticle(), NOW)
    const search = (q: string) => paragraphIds(db, q)
    expect(search('pipelines')).toEqual(['p-2'])
    replaceParagraphs(db, 'A1', [para('p-1', 0, 'First paragraph about summits.'), para('p-3', 1, 'Third one about gas.')], NOW)
    expect(search('pipelines')).toEqual([])
    expect(search('gas')).toEqual(['p-3'])
    db.close()
  })

  it('re-import tombstones vanished paragraphs (kept in the table) and revives returning ones', () => {
    const db = openDatabase(join(tempDir(), 'gloss.db'))
    insertArticle(db, sampleArticle(), NOW)
    replaceParagraphs(db, 'A1', [para('p-2', 0, 'Second paragraph about pipelines.')], NOW)
    expect(getParagraphs(db, 'A1').map((p) => [p.id, p.index])).toEqual([['p-2', 0]])
    expect(db.prepare("SELECT deleted_at FROM paragraphs WHERE id = 'p-1'").get()).toEqual({ deleted_at: NOW })
    replaceParagraphs(db, 'A1', [para('p-1', 0, 'First paragraph about summits.'), para('p-2', 1, 'Second paragraph about pipelines.')], NOW)
    expect(getParagraphs(db, 'A1').map((p) => p.id)).toEqual(['p-1', 'p-2'])
    db.close()
  })

  it('deleting an article is a tombstone: rows stay, the article is no longer served', () => {
    const db = openDatabase(join(tempDir(), 'gloss.db'))
    insertArticle(db, sampleArticle(), NOW)
    expect(tombstoneArticle(db, 'A1', NOW)).toBe(true)
    expect(tombstoneArticle(db, 'A1', NOW)).toBe(false)
    expect(getArticle(db, 'A1')).toBeNull()
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 1 })
    expect(db.prepare('SELECT count(*) AS n FROM paragraphs').get()).toEqual({ n: 2 })
    db.close()
  })

  it('enforces foreign keys: a paragraph of a missing article is refused', () => {
    const db = openDatabase(join(tempDir(), 'gloss.db'))
    expect(() =>
      db.prepare("INSERT INTO paragraphs (article_id, id, position, kind, text, created_at, updated_at) VALUES ('nope', 'p', 0, 'p', 't', 'x', 'x')").run()
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })
})

describe('migration 4: search indexes without a copy of the text', () => {
  /** Every user-data row, as stored (to compare before and after the upgrade). */
  function dump(db: DB): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {}
    for (const t of ['articles', 'paragraphs', 'highlights', 'notes', 'note_refs', 'settings']) out[t] = db.prepare(`SELECT rowid, * FROM ${t} ORDER BY rowid`).all()
    return out
  }
  const matchIn = (db: DB, table: string, column: string, query: string): string[] =>
    (db.prepare(`SELECT s.${column} AS v FROM ${table}_fts f JOIN ${table} s ON s.rowid = f.rowid WHERE ${table}_fts MATCH ? ORDER BY s.rowid`).all(query) as { v: string }[]).map((r) => r.v)

  it('upgrades a library written at schema 3: data unchanged, indexes rebuilt from it, holding only what search may show', () => {
    const file = join(tempDir(), 'gloss.db')
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 3) })
    expect(schemaVersion(old)).toBe(3)
    insertArticle(old, sampleArticle('A1'), NOW)
    replaceParagraphs(old, 'A1', [para('p-1', 0, 'First paragraph about summits.'), para('p-3', 1, 'Third one about gas pipelines.')], NOW)
    insertArticle(old, { ...sampleArticle('A2'), paragraphs: [para('q-1', 0, 'A deleted article about pipelines.')] }, NOW)
    tombstoneArticle(old, 'A2', NOW)
    insertPendingArticle(old, { ...sampleArticle('A3'), paragraphs: [] }, NOW, 'job-1')
    insertParagraphs(old, 'A3', [para('r-1', 0, 'An import still being written about pipelines.')], NOW)
    const note = { articleId: 'A1', isAnalysis: false, doc: '{"type":"doc"}', docVersion: 1 }
    insertNote(old, { ...note, id: 'N1', title: 'Pipeline memo', text: 'Gas through the summit.' }, NOW)
    insertNote(old, { ...note, id: 'N2', title: 'Deleted memo', text: 'Pipelines again.' }, NOW)
    old.prepare("UPDATE notes SET deleted_at = ? WHERE id = 'N2'").run(NOW)
    const highlight = { articleId: 'A1', color: 'yellow' as const, targets: [], createdAt: NOW, updatedAt: NOW }
    insertHighlight(old, { ...highlight, id: 'H1', comment: 'Pipelines matter here' })
    insertHighlight(old, { ...highlight, id: 'H2', comment: '' })
    insertHighlight(old, { ...highlight, id: 'H3', comment: 'Deleted pipelines comment' })
    setHighlightDeleted(old, 'H3', NOW, NOW)
    // Before: the index held its own copy of the text, and every row (the search dropped tombstones with joins).
    expect(old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'paragraphs_fts_content'").get()).toEqual({ n: 1 })
    expect(paragraphIds(old, 'pipelines')).toEqual(['p-3', 'q-1', 'r-1'])
    const before = dump(old)
    old.close()

    const db = openDatabase(file)
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION)
    expect(dump(db)).toEqual(before)
    // No second copy of the text.
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%fts%'").all() as { name: string }[]).map((r) => r.name)
    expect(names.filter((n) => n.endsWith('_content'))).toEqual([])
    expect(names).toEqual(expect.arrayContaining(['paragraphs_fts', 'notes_fts', 'highlights_fts']))
    // Live paragraphs of live articles, and of the import being written (the search leaves that out itself).
    expect(paragraphIds(db, 'pipelines')).toEqual(['p-3', 'r-1'])
    expect(paragraphIds(db, 'summits')).toEqual(['p-1'])
    expect(paragraphIds(db, 'pipelines summits')).toEqual([])
    expect(matchIn(db, 'notes', 'id', 'pipeline*')).toEqual(['N1'])
    expect(matchIn(db, 'notes', 'id', 'summit')).toEqual(['N1'])
    expect(matchIn(db, 'highlights', 'id', 'pipelines')).toEqual(['H1'])
    for (const t of ['paragraphs_fts', 'notes_fts', 'highlights_fts']) db.prepare(`INSERT INTO ${t}(${t}, rank) VALUES ('integrity-check', 1)`).run()

    // The triggers keep them so from now on.
    restoreArticle(db, 'A2', NOW)
    expect(paragraphIds(db, 'pipelines')).toEqual(['p-3', 'q-1', 'r-1'])
    insertArticle(db, { ...sampleArticle('A4'), paragraphs: [para('s-1', 0, 'Pipelines, newly imported.')] }, NOW)
    expect(paragraphIds(db, 'newly')).toEqual(['s-1'])
    for (const t of ['paragraphs_fts', 'notes_fts', 'highlights_fts']) db.prepare(`INSERT INTO ${t}(${t}, rank) VALUES ('integrity-check', 1)`).run()
    db.close()
  })
})
