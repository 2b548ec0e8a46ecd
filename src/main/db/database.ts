// Opening the SQLite library file: pragmas, then migrations (one transaction each, keyed on user_version).
import Database from 'better-sqlite3'
import { GlossError } from '../../core/api'
import { userFacingError } from './errors'
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations'

export type DB = Database.Database

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string
  /** For tests: the migrations to apply (default: all of them). */
  migrations?: readonly Migration[]
}

export function openDatabase(file: string, opts: OpenOptions = {}): DB {
  let db: DB
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {})
  } catch (error) {
    throw openError(error, file)
  }
  try {
    // Refuse a newer library before anything (even the journal mode) is written to it.
    refuseNewer(db, opts.migrations ?? MIGRATIONS)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma('synchronous = NORMAL')
    migrate(db, opts.migrations ?? MIGRATIONS)
    return db
  } catch (error) {
    db.close()
    throw openError(error, file)
  }
}

/** Why the library could not be opened, in words (read-only or missing folder, damaged file, full disk, …). */
function openError(error: unknown, file: string): GlossError {
  return userFacingError(error, { file }) ?? new GlossError('internal', `Gloss could not open its library file ${file}: ${(error as Error).message}`)
}

/**
 * Runs fn in a write transaction that takes the write lock up front (BEGIN IMMEDIATE). A deferred transaction that
 * reads first (even SQLite itself, e.g. FTS5 loading its config on first use) and then writes fails at once with
 * SQLITE_BUSY when another process is writing; an immediate one waits for the busy timeout instead. Inside another
 * transaction it is a savepoint. Every write transaction in Gloss goes through here (concurrency.test.ts checks it).
 */
export function writeTx<T>(db: DB, fn: () => T): T {
  return db.transaction(fn).immediate()
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number
}

function refuseNewer(db: DB, migrations: readonly Migration[]): void {
  const known = migrations.length ? migrations[migrations.length - 1].version : 0
  const current = schemaVersion(db)
  if (current > known) {
    throw new GlossError(
      'internal',
      `This library was created by a newer version of Gloss (schema ${current}; this version knows up to ${known}). ` +
        'Update Gloss to open it; the file has not been changed.'
    )
  }
}

function migrate(db: DB, migrations: readonly Migration[]): void {
  refuseNewer(db, migrations)
  const current = schemaVersion(db)
  for (const m of migrations) {
    if (m.version <= current) continue
    // Foreign keys cannot be switched inside a transaction; a table rebuild needs them off (SQLite's documented
    // procedure), and foreign_key_check proves every reference still holds before the commit.
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF')
    try {
      // BEGIN IMMEDIATE: two processes opening a fresh library at once cannot both migrate.
      writeTx(db, () => {
        if (schemaVersion(db) >= m.version) return
        db.exec(m.sql)
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[]
          if (broken.length) throw new Error(`migration ${m.name} would leave ${broken.length} broken references`)
        }
        db.pragma(`user_version = ${m.version}`)
      })
    } finally {
      if (m.rebuildsTables) db.pragma('foreign_keys = ON')
    }
  }
}

export { SCHEMA_VERSION }
