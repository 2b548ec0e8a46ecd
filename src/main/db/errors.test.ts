// userFacingError on the error objects better-sqlite3 and Node's fs really raise. Most are produced here for real;
// the few that need a failing disk, a read-only mount or another user are built the way their library builds them
// (said at each one). The end-to-end cases (disk full during an import, read-only folders through the CLI, …)
// are in src/main/services/faults.test.ts.
import Database from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { GlossError } from '../../core/api'
import { openFailureMessage, userFacingError } from './errors'
import { removeTempDirs, tempDir } from './test-temp'

afterEach(removeTempDirs)

const MOVE_ON = 'choose another folder with --data-dir.'

function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (e) {
    return e
  }
  throw new Error('expected an error')
}

/** Node's shape for a libuv error (what fs raises), for codes that cannot be produced portably. */
function uvError(code: string, errno: number, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, errno, syscall, path })
}

function messageOf(error: unknown, context = {}): string | undefined {
  return userFacingError(error, context)?.message
}

describe('userFacingError: SQLite', () => {
  it('SQLITE_FULL (max_page_count reached) reads as a full disk; the cause is kept for logs, not sent', () => {
    const db = new Database(join(tempDir(), 'gloss.db'))
    db.exec('CREATE TABLE t (x)')
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const error = thrown(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)))
    db.close()
    expect((error as { code: string }).code).toBe('SQLITE_FULL')
    const mapped = userFacingError(error, { file: '/data/gloss.db' })
    expect(mapped).toBeInstanceOf(GlossError)
    expect(mapped).toMatchObject({ code: 'internal', message: 'The disk is full: your last changes are safe; free some space and try again.' })
    expect(mapped!.cause).toBe(error)
    expect(Object.keys(mapped!)).not.toContain('cause')
  })

  it('SQLITE_BUSY after the busy timeout reads as a busy library', () => {
    const file = join(tempDir(), 'gloss.db')
    const holder = new Database(file)
    holder.pragma('journal_mode = WAL')
    holder.exec('CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)')
    const other = new Database(file, { timeout: 50 })
    const error = thrown(() => other.transaction(() => other.prepare('INSERT INTO t VALUES (2)').run()).immediate())
    holder.exec('ROLLBACK')
    holder.close()
    other.close()
    expect((error as { code: string }).code).toBe('SQLITE_BUSY')
    expect(messageOf(error)).toBe("Gloss's library is busy in another window or process; try again in a moment.")
    expect(messageOf(new Database.SqliteError('database table is locked', 'SQLITE_LOCKED'))).toBe(messageOf(error))
  })

  it('SQLITE_READONLY (the file opened read-only) names the library file', () => {
    const file = join(tempDir(), 'gloss.db')
    new Database(file).exec('CREATE TABLE t (x)')
    const db = new Database(file, { readonly: true })
    const error = thrown(() => db.exec('INSERT INTO t VALUES (1)'))
    db.close()
    expect((error as { code: string }).code).toBe('SQLITE_READONLY')
    expect(messageOf(error, { file })).toBe(`Gloss cannot write to its library file ${file}: it is read-only. Make it writable or ${MOVE_ON}`)
    expect(messageOf(error)).toBe(`Gloss cannot write to its library file: it is read-only. Make it writable or ${MOVE_ON}`)
  })

  it('SQLITE_READONLY_DIRECTORY and friends name the folder; SQLITE_READONLY_DBMOVED says the file moved', () => {
    // Produced for real in faults.test.ts (an existing library in a read-only folder, as an ordinary user).
    for (const code of ['SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_CANTLOCK', 'SQLITE_READONLY_RECOVERY']) {
      const e = new Database.SqliteError('attempt to write a readonly database', code)
      expect(messageOf(e, { file: '/data/lib/gloss.db' }), code).toBe(`Gloss cannot write to /data/lib: it is read-only. Make it writable or ${MOVE_ON}`)
    }
    const moved = new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY_DBMOVED')
    expect(messageOf(moved, { file: '/data/lib/gloss.db' })).toBe('The library file /data/lib/gloss.db was moved or deleted while Gloss was using it. Restart Gloss.')
  })

  it('SQLITE_NOTADB and SQLITE_CORRUPT read as a damaged library', () => {
    const dir = tempDir()
    const notDb = join(dir, 'gloss.db')
    writeFileSync(notDb, 'plain text, not SQLite '.repeat(100))
    const db = new Database(notDb)
    const error = thrown(() => db.pragma('user_version'))
    db.close()
    expect((error as { code: string }).code).toBe('SQLITE_NOTADB')
    const damaged = `The library file ${notDb} is damaged or is not a Gloss library. Restore it from a backup, or move it aside to start a new, empty library, or ${MOVE_ON}`
    expect(messageOf(error, { file: notDb })).toBe(damaged)

    // A real SQLITE_CORRUPT: pages in the middle of a database overwritten.
    const file = join(dir, 'corrupt.db')
    const good = new Database(file)
    good.exec('CREATE TABLE t (x)')
    const insert = good.prepare('INSERT INTO t VALUES (?)')
    good.exec('BEGIN')
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'.'.repeat(100)}`)
    good.exec('COMMIT')
    good.close()
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(3 * 4096, 0xab), 0, 3 * 4096, 2 * 4096)
    closeSync(fd)
    const bad = new Database(file)
    const corrupt = thrown(() => bad.prepare('SELECT count(*) FROM t').get())
    bad.close()
    expect((corrupt as { code: string }).code).toBe('SQLITE_CORRUPT')
    expect(messageOf(corrupt, { file })).toBe(damaged.replace(notDb, file))
  })

  it('SQLITE_CANTOPEN is explained from the file system: read-only folder, folder missing or a file, library a folder', () => {
    const dir = tempDir()
    // The library path is a folder: a real SQLITE_CANTOPEN.
    const asFolder = join(dir, 'gloss.db')
    mkdirSync(asFolder)
    const error = thrown(() => new Database(asFolder))
    expect((error as { code: string }).code).toBe('SQLITE_CANTOPEN')
    expect(messageOf(error, { file: asFolder })).toBe(`Gloss cannot open its library file ${asFolder}: it is a folder, not a file. Move it aside or ${MOVE_ON}`)
    // The same error for a library that does not exist yet in an existing folder: SQLite could not create it.
    const fresh = join(tempDir(), 'gloss.db')
    expect(messageOf(error, { file: fresh })).toBe(`Gloss cannot write to ${join(fresh, '..')}: it is read-only. Make it writable or ${MOVE_ON}`)
    const plain = join(dir, 'plain')
    writeFileSync(plain, 'x')
    expect(messageOf(error, { file: join(plain, 'gloss.db') })).toBe(
      `Gloss cannot use ${plain} as its data folder: it is a file, not a folder. Choose another folder with --data-dir.`
    )
    expect(messageOf(error, { file: join(dir, 'gone', 'gloss.db') })).toBe(
      `Gloss cannot open its library: the folder ${join(dir, 'gone')} does not exist. Create it or ${MOVE_ON}`
    )
    // better-sqlite3 checks the folder itself (a TypeError, before SQLite).
    const missing = thrown(() => new Database(join(dir, 'gone', 'gloss.db')))
    expect(missing).toBeInstanceOf(TypeError)
    expect(messageOf(missing, { file: join(dir, 'gone', 'gloss.db') })).toBe(messageOf(error, { file: join(dir, 'gone', 'gloss.db') }))
  })

  it('SQLITE_IOERR_* reads as a disk error and names the code', () => {
    // A real one needs a failing disk; this is the class and code better-sqlite3 raises for it.
    const e = new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE')
    expect(messageOf(e, { file: '/data/gloss.db' })).toBe(
      'Gloss could not read or write its library file /data/gloss.db: the disk reported an error (SQLITE_IOERR_WRITE). Check the disk and try again; what was saved before is safe.'
    )
  })

  it('leaves other errors alone (they are internal errors), and returns a GlossError unchanged', () => {
    const db = new Database(':memory:')
    const syntax = thrown(() => db.exec('SELEKT 1'))
    db.close()
    expect((syntax as { code: string }).code).toBe('SQLITE_ERROR')
    expect(userFacingError(syntax)).toBeNull()
    expect(userFacingError(new Error('SQLITE_FULL: only in the words'))).toBeNull()
    expect(userFacingError(new TypeError('x is undefined'))).toBeNull()
    expect(userFacingError('a string')).toBeNull()
    expect(userFacingError(null)).toBeNull()
    const mine = new GlossError('not_found', 'Gone.')
    expect(userFacingError(mine)).toBe(mine)
  })
})

describe('userFacingError: file system', () => {
  it('ENOSPC (a real one from /dev/full) and EDQUOT read as a full disk', () => {
    if (existsSync('/dev/full')) {
      const error = thrown(() => writeFileSync('/dev/full', 'x'))
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
      expect(messageOf(error)).toBe('The disk is full: your last changes are safe; free some space and try again.')
    }
    expect(messageOf(uvError('ENOSPC', -28, 'write', '/data/gloss.db'))).toBe('The disk is full: your last changes are safe; free some space and try again.')
    expect(messageOf(uvError('EDQUOT', -122, 'write', '/data/gloss.db'))).toBe(
      'Your disk quota is used up: your last changes are safe; free some space and try again.'
    )
  })

  it('EEXIST and ENOTDIR from creating the data folder (real ones) say which path is a file', () => {
    const dir = tempDir()
    const plain = join(dir, 'plain')
    writeFileSync(plain, 'x')
    const exists = thrown(() => mkdirSync(plain, { recursive: true }))
    expect((exists as NodeJS.ErrnoException).code).toBe('EEXIST')
    expect(messageOf(exists, { dataDir: plain })).toBe(
      `Gloss cannot use ${plain} as its data folder: it is a file, not a folder. Choose another folder with --data-dir.`
    )
    const under = join(plain, 'sub', 'lib')
    const notDir = thrown(() => mkdirSync(under, { recursive: true }))
    expect((notDir as NodeJS.ErrnoException).code).toBe('ENOTDIR')
    expect(messageOf(notDir, { dataDir: under })).toBe(
      `Gloss cannot create its data folder ${under}: ${plain} is a file, not a folder. Choose another folder with --data-dir.`
    )
  })

  it('EACCES/EPERM and EROFS name the folder that cannot be written', () => {
    const dir = tempDir()
    // Permission bits do not stop root, and a read-only mount needs root to make: these are shaped like Node's own
    // (a real EACCES from an ordinary user is produced in faults.test.ts).
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o555)
    const target = join(locked, 'gloss', 'lib')
    for (const [code, errno] of [
      ['EACCES', -13],
      ['EPERM', -1]
    ] as const) {
      expect(messageOf(uvError(code, errno, 'mkdir', target), { dataDir: target })).toBe(
        `Gloss cannot create its data folder ${target}: ${locked} is read-only (permission denied). Make it writable or ${MOVE_ON}`
      )
      expect(messageOf(uvError(code, errno, 'open', join(locked, 'x')))).toBe(
        `Gloss is not allowed to use ${join(locked, 'x')} (permission denied). Make it writable or ${MOVE_ON}`
      )
    }
    expect(messageOf(uvError('EROFS', -30, 'mkdir', target), { dataDir: target })).toBe(
      `Gloss cannot write to ${locked}: it is on a read-only disk. Make it writable or ${MOVE_ON}`
    )
    expect(messageOf(uvError('EROFS', -30, 'open', join(locked, 'gloss.db')))).toBe(
      `Gloss cannot write to ${join(locked, 'gloss.db')}: it is on a read-only disk. Make it writable or ${MOVE_ON}`
    )
  })
})

describe('openFailureMessage', () => {
  it('uses the specific message, else names the folder and the error', () => {
    expect(openFailureMessage(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'), { dataDir: '/d' })).toBe(
      'The disk is full: your last changes are safe; free some space and try again.'
    )
    expect(openFailureMessage(new Error('boom'), { dataDir: '/d' })).toBe('Gloss could not open its library in /d: boom')
  })
})
