// When the disk, the folder or the library file fails: the person reads what happened and what to do (the same
// words in the app, web mode and the CLI), and the library holds exactly what it held before.
// Permission cases run the CLI as its own process as an ordinary user (nobody when the tests run as root, since
// root ignores permission bits); the full disk is SQLite's max_page_count set low on the backend's connection.
import Database from 'better-sqlite3'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../cli/run'
import { backendOn, createBackend, DB_FILE, openLibrary } from '.'
import { dispatch } from './dispatch'
import {
  b64,
  docWithRefs,
  openBackend,
  openBackendWith,
  recordingPdf,
  removeTempDirs,
  RESOURCES,
  runNode,
  tempDir,
  unprivilegedUnavailable,
  withDb
} from './test-helpers'

afterEach(removeTempDirs)

const DISK_FULL = 'The disk is full: your last changes are safe; free some space and try again.'
const BUSY = "Gloss's library is busy in another window or process; try again in a moment."
const MOVE_ON = 'choose another folder with --data-dir.'

/** Every row of every table (FTS shadow tables included), to compare the library before and after. */
function snapshot(dataDir: string): string {
  return withDb(dataDir, (db) => {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort()]))
  })
}

/** Fills the "disk": the backend's connection may not grow the file beyond its current size. */
function fillDisk(db: { pragma: (s: string, o?: { simple: boolean }) => unknown }): void {
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
}

function longText(paragraphs: number, word = 'pipeline'): string {
  return Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i}: the ${word} deal stalled, and both sides blamed the other.`).join('\n\n')
}

describe('a full disk', () => {
  it('an import fails with the disk-full message and leaves the library exactly as it was; it works once there is space', async () => {
    const { backend, dataDir, db } = openBackendWith(fillDisk)
    const before = snapshot(dataDir)
    const req = { name: 'memo.md', base64: b64(`# Memo\n\n${longText(400)}\n`) }
    expect(await dispatch(backend, 'importFile', [req])).toEqual({ ok: false, error: { code: 'internal', message: DISK_FULL } })
    expect(await dispatch(backend, 'importText', [{ text: longText(400) }])).toEqual({ ok: false, error: { code: 'internal', message: DISK_FULL } })
    expect(snapshot(dataDir)).toBe(before)
    expect(await backend.listArticles()).toHaveLength(1)

    db.pragma('max_page_count = 1073741823') // space freed
    const again = await dispatch(backend, 'importFile', [req])
    expect(again).toMatchObject({ ok: true, result: { article: { title: 'Memo', paragraphCount: 401 } } })
    backend.close()
  })

  it('a note save fails with the disk-full message; the note keeps its last saved text, revision and citations', async () => {
    const { backend, dataDir, db } = openBackendWith(() => undefined)
    const [sample] = await backend.listArticles()
    const article = await backend.getArticle(sample.id)
    const p = article.paragraphs[0]
    const note = await backend.createNote({ title: 'Working notes', articleId: null })
    const first = docWithRefs('The summit mattered.', [{ articleId: article.id, paragraphId: p.id, label: '¶1' }])
    const saved = await backend.saveNote({ id: note.id, doc: first, baseRevision: note.revision })
    expect(saved.ok).toBe(true)
    const savedText = (await backend.getNote(note.id)).text
    fillDisk(db)
    const before = snapshot(dataDir)

    const big = docWithRefs(`${longText(600, 'summit')}.`, [{ articleId: article.id, paragraphId: article.paragraphs[1].id, label: '¶2' }])
    const env = await dispatch(backend, 'saveNote', [{ id: note.id, doc: big, baseRevision: 1 }])
    expect(env).toEqual({ ok: false, error: { code: 'internal', message: DISK_FULL } })
    expect(snapshot(dataDir)).toBe(before)
    const kept = await backend.getNote(note.id)
    expect(kept).toMatchObject({ revision: 1, text: savedText })
    expect(await backend.checkNoteRefs(note.id)).toHaveLength(1)

    db.pragma('max_page_count = 1073741823')
    expect(await dispatch(backend, 'saveNote', [{ id: note.id, doc: big, baseRevision: 1 }])).toMatchObject({ ok: true, result: { ok: true } })
    backend.close()
  })

  it('the CLI says it in one line and exits 1', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'lib')
    openBackend(dataDir).backend.close()
    const before = snapshot(dataDir)
    const file = join(dir, 'memo.md')
    writeFileSync(file, `# Memo\n\n${longText(400)}\n`)
    let out = ''
    let err = ''
    const code = await runCli(['import', file, '--data-dir', dataDir], {
      out: (s) => (out += s),
      err: (s) => (err += s),
      env: {},
      resourcesDir: RESOURCES,
      openBackend: (opts) => {
        const ctx = openLibrary(opts)
        fillDisk(ctx.db)
        return backendOn(ctx)
      }
    })
    expect({ code, out, err }).toEqual({ code: 1, out: '', err: `gloss: ${DISK_FULL}\n` })
    expect(snapshot(dataDir)).toBe(before)
  })
})

describe('a busy library', () => {
  it('a write that still finds the library locked after the busy timeout says so and changes nothing', async () => {
    const { backend, dataDir } = openBackendWith((db) => db.pragma('busy_timeout = 100'))
    const before = snapshot(dataDir)
    const holder = new Database(join(dataDir, DB_FILE))
    holder.exec("BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('holder', 'x')")
    try {
      expect(await dispatch(backend, 'importText', [{ text: 'A short memo.' }])).toEqual({ ok: false, error: { code: 'internal', message: BUSY } })
      const note = await backend.createNote({ title: 'n', articleId: null }).catch((e: Error) => e)
      expect(note).toMatchObject({ name: 'GlossError', message: BUSY })
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(snapshot(dataDir)).toBe(before)
    backend.close()
  })
})

describe('opening a library that cannot be used', () => {
  const noUnprivileged = unprivilegedUnavailable()
  if (noUnprivileged) process.stdout.write(`[faults.test] permission cases skipped: ${noUnprivileged}\n`)
  /** `gloss ARGS` as its own process; stderr must be one line and no stack. */
  async function gloss(args: string[], opts: { unprivileged?: boolean } = {}) {
    const r = await runNode(['src/main/cli/entry.ts', ...args], opts)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    return r
  }

  /** A folder an ordinary user can traverse but not write, inside one they can. */
  function readOnlyFolder(): { base: string; ro: string } {
    const base = tempDir()
    chmodSync(base, 0o777)
    const ro = join(base, 'ro')
    mkdirSync(ro)
    chmodSync(ro, 0o555)
    return { base, ro }
  }

  it.skipIf(noUnprivileged)('a read-only data folder (new library, or an existing one) names the folder', async () => {
    const { base, ro } = readOnlyFolder()
    const fresh = await gloss(['list', '--data-dir', ro], { unprivileged: true })
    expect(fresh).toEqual({ code: 1, stdout: '', stderr: `gloss: Gloss cannot write to ${ro}: it is read-only. Make it writable or ${MOVE_ON}\n` })

    const existing = join(base, 'existing')
    openBackend(existing).backend.close()
    chmodSync(existing, 0o555)
    try {
      const r = await gloss(['list', '--data-dir', existing], { unprivileged: true })
      expect(r).toEqual({ code: 1, stdout: '', stderr: `gloss: Gloss cannot write to ${existing}: it is read-only. Make it writable or ${MOVE_ON}\n` })
    } finally {
      chmodSync(existing, 0o755) // so that an ordinary user can remove the temp folder
    }
  }, 60_000)

  it.skipIf(noUnprivileged)('a data folder that cannot be created: its parent is read-only', async () => {
    const { ro } = readOnlyFolder()
    const inside = join(ro, 'gloss', 'lib')
    const denied = await gloss(['list', '--data-dir', inside], { unprivileged: true })
    expect(denied).toEqual({
      code: 1,
      stdout: '',
      stderr: `gloss: Gloss cannot create its data folder ${inside}: ${ro} is read-only (permission denied). Make it writable or ${MOVE_ON}\n`
    })
  }, 60_000)

  it('a data folder that is a file, or behind one', async () => {
    const dir = tempDir()
    const plain = join(dir, 'notes.txt')
    writeFileSync(plain, 'not a folder')
    const under = join(plain, 'lib')
    expect(() => createBackend({ dataDir: under, mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf() })).toThrow(
      `Gloss cannot create its data folder ${under}: ${plain} is a file, not a folder. Choose another folder with --data-dir.`
    )
    const asFile = await gloss(['list', '--data-dir', plain])
    expect(asFile).toEqual({
      code: 1,
      stdout: '',
      stderr: `gloss: Gloss cannot use ${plain} as its data folder: it is a file, not a folder. Choose another folder with --data-dir.\n`
    })
    expect(readFileSync(plain, 'utf8')).toBe('not a folder')
  }, 60_000)

  it.skipIf(noUnprivileged)('a read-only library file: reading works, writing names the file and changes nothing', async () => {
    const base = tempDir()
    chmodSync(base, 0o777)
    const dataDir = join(base, 'lib')
    openBackend(dataDir).backend.close()
    chmodSync(dataDir, 0o777) // the folder stays writable (SQLite's -wal and -shm files)
    chmodSync(join(dataDir, DB_FILE), 0o444)
    const before = snapshot(dataDir)
    const memo = join(base, 'memo.md')
    writeFileSync(memo, '# Memo\n\nThe deal stalled.\n')
    chmodSync(memo, 0o644)

    const list = await gloss(['list', '--data-dir', dataDir], { unprivileged: true })
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/\t0 highlights\n$/)
    const file = join(dataDir, DB_FILE)
    const imported = await gloss(['import', memo, '--data-dir', dataDir], { unprivileged: true })
    expect(imported).toEqual({
      code: 1,
      stdout: '',
      stderr: `gloss: Gloss cannot write to its library file ${file}: it is read-only. Make it writable or ${MOVE_ON}\n`
    })
    expect(snapshot(dataDir)).toBe(before)
  }, 60_000)

  it('a library file that is not a SQLite database: the same words from the backend, the CLI and web mode', async () => {
    const dataDir = tempDir()
    const file = join(dataDir, DB_FILE)
    const text = 'My shopping list, saved over the library by mistake.\n'.repeat(50)
    writeFileSync(file, text)
    const message = `The library file ${file} is damaged or is not a Gloss library. Restore it from a backup, or move it aside to start a new, empty library, or ${MOVE_ON}`
    expect(() => createBackend({ dataDir, mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf() })).toThrow(message)
    expect(await gloss(['list', '--data-dir', dataDir])).toEqual({ code: 1, stdout: '', stderr: `gloss: ${message}\n` })
    const web = await runNode(['src/main/web/entry.ts', '--data-dir', dataDir, '--no-open', '--port', '0'])
    expect(web).toEqual({ code: 1, stdout: '', stderr: `${message}\n` })
    expect(readFileSync(file, 'utf8')).toBe(text)
  }, 60_000)

  it('a damaged library (pages overwritten) reads as damaged', async () => {
    const { backend, dataDir } = openBackend()
    await backend.importText({ text: longText(300) })
    backend.close()
    const file = join(dataDir, DB_FILE)
    const bytes = readFileSync(file)
    // Keep the header page; overwrite the rest.
    bytes.fill(0xab, 4096)
    writeFileSync(file, bytes)
    const message = `The library file ${file} is damaged or is not a Gloss library. Restore it from a backup, or move it aside to start a new, empty library, or ${MOVE_ON}`
    let reopened: ReturnType<typeof createBackend> | null = null
    try {
      reopened = createBackend({ dataDir, mode: 'web', resourcesDir: RESOURCES, pdf: recordingPdf() })
    } catch (error) {
      expect((error as Error).message).toBe(message) // the schema itself was damaged
    }
    if (reopened) {
      expect(await dispatch(reopened, 'listArticles', [])).toEqual({ ok: false, error: { code: 'internal', message } })
      reopened.close()
    }
  })
})
