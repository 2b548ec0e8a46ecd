// SQLite and file-system failures in words a person can act on. The one mapping used wherever such an error can
// surface: dispatch (every API call), openDatabase and createBackend (opening the library), web mode's entry, the
// CLI and the Electron shell, so that the same case reads the same everywhere.
import { statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { GlossError } from '../../core/api'

export interface ErrorContext {
  /** The library file (gloss.db), when known. */
  file?: string
  /** The data folder, when known (default: the library file's folder). */
  dataDir?: string
}

const MOVE_ON = 'choose another folder with --data-dir'

/** The code of a better-sqlite3 SqliteError (extended result codes, e.g. SQLITE_IOERR_WRITE), else null. */
function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

/** The code of a Node file-system error (ENOSPC, EACCES, …), else null. */
function errnoCode(error: unknown): string | null {
  const e = error as { code?: unknown; errno?: unknown; syscall?: unknown } | null
  if (!e || typeof e.code !== 'string' || !/^E[A-Z0-9]+$/.test(e.code)) return null
  return typeof e.errno === 'number' || typeof e.syscall === 'string' ? e.code : null
}

type Kind = 'file' | 'folder' | 'other' | 'missing'

function kindOf(path: string): Kind {
  try {
    const s = statSync(path)
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other'
  } catch {
    return 'missing'
  }
}

/** The closest ancestor of `path` (itself included) that exists. */
function nearestExisting(path: string): { path: string; kind: Kind } {
  let p = resolve(path)
  for (;;) {
    const kind = kindOf(p)
    if (kind !== 'missing' || dirname(p) === p) return { path: p, kind }
    p = dirname(p)
  }
}

const DISK_FULL = 'The disk is full: your last changes are safe; free some space and try again.'
const QUOTA_FULL = 'Your disk quota is used up: your last changes are safe; free some space and try again.'
const BUSY = "Gloss's library is busy in another window or process; try again in a moment."

function readOnlyFolder(dir: string | undefined): string {
  return dir
    ? `Gloss cannot write to ${dir}: it is read-only. Make it writable or ${MOVE_ON}.`
    : `Gloss cannot write to its data folder: it is read-only. Make it writable or ${MOVE_ON}.`
}

function readOnlyFile(file: string | undefined): string {
  return file
    ? `Gloss cannot write to its library file ${file}: it is read-only. Make it writable or ${MOVE_ON}.`
    : `Gloss cannot write to its library file: it is read-only. Make it writable or ${MOVE_ON}.`
}

function damaged(file: string | undefined): string {
  const what = file ? `The library file ${file}` : "Gloss's library file"
  return (
    `${what} is damaged or is not a Gloss library. Restore it from a backup, or move it aside to start a new, ` +
    `empty library, or ${MOVE_ON}.`
  )
}

/** The data folder (or one of its parents) is a file, or cannot be created. */
function notAFolder(dir: string, blocker: string): string {
  return blocker === resolve(dir)
    ? `Gloss cannot use ${dir} as its data folder: it is a file, not a folder. Choose another folder with --data-dir.`
    : `Gloss cannot create its data folder ${dir}: ${blocker} is a file, not a folder. Choose another folder with --data-dir.`
}

/** SQLITE_CANTOPEN: find out from the file system why, since SQLite does not say. */
function cantOpen(file: string | undefined, dir: string | undefined): string {
  if (!file || !dir) return `Gloss cannot open its library file. Check that its folder exists and is writable, or ${MOVE_ON}.`
  const dirKind = kindOf(dir)
  if (dirKind === 'missing') return `Gloss cannot open its library: the folder ${dir} does not exist. Create it or ${MOVE_ON}.`
  if (dirKind !== 'folder') return notAFolder(dir, resolve(dir))
  const fileKind = kindOf(file)
  // No file yet: SQLite could not create it, so the folder is not writable.
  if (fileKind === 'missing') return readOnlyFolder(dir)
  if (fileKind === 'folder') return `Gloss cannot open its library file ${file}: it is a folder, not a file. Move it aside or ${MOVE_ON}.`
  return `Gloss cannot open its library file ${file}: permission denied. Make it readable and writable or ${MOVE_ON}.`
}

function fromSqlite(code: string, file: string | undefined, dir: string | undefined): string | null {
  if (code === 'SQLITE_FULL') return DISK_FULL
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return BUSY
  if (code === 'SQLITE_READONLY_DBMOVED') {
    return `${file ? `The library file ${file}` : "Gloss's library file"} was moved or deleted while Gloss was using it. Restart Gloss.`
  }
  // The folder (or the -wal/-shm files beside the library) cannot be written.
  if (['SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_CANTLOCK', 'SQLITE_READONLY_RECOVERY'].includes(code)) {
    return readOnlyFolder(dir)
  }
  // SQLite fell back to opening the file read-only: the file itself cannot be written.
  if (code.startsWith('SQLITE_READONLY')) return readOnlyFile(file)
  if (code.startsWith('SQLITE_CANTOPEN')) return cantOpen(file, dir)
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return damaged(file)
  if (code.startsWith('SQLITE_IOERR')) {
    const what = file ? `its library file ${file}` : 'its library file'
    return `Gloss could not read or write ${what}: the disk reported an error (${code}). Check the disk and try again; what was saved before is safe.`
  }
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return `Gloss is not allowed to use its library file${file ? ` ${file}` : ''} (permission denied). Make it writable or ${MOVE_ON}.`
  }
  return null
}

function fromErrno(code: string, error: { path?: string; syscall?: string }, dir: string | undefined): string | null {
  const path = error.path ?? dir
  const creatingFolder = error.syscall === 'mkdir'
  switch (code) {
    case 'ENOSPC':
      return DISK_FULL
    case 'EDQUOT':
      return QUOTA_FULL
    case 'EROFS':
      return path
        ? `Gloss cannot write to ${creatingFolder ? nearestExisting(path).path : path}: it is on a read-only disk. Make it writable or ${MOVE_ON}.`
        : `Gloss cannot write to its data folder: it is on a read-only disk. Make it writable or ${MOVE_ON}.`
    case 'EACCES':
    case 'EPERM':
      if (!path) return `Gloss is not allowed to write its data folder (permission denied). Make it writable or ${MOVE_ON}.`
      if (creatingFolder) {
        const parent = nearestExisting(path).path
        return `Gloss cannot create its data folder ${path}: ${parent} is read-only (permission denied). Make it writable or ${MOVE_ON}.`
      }
      return `Gloss is not allowed to use ${path} (permission denied). Make it writable or ${MOVE_ON}.`
    case 'EEXIST':
      // mkdir -p on a path that exists but is not a folder.
      return creatingFolder && path ? notAFolder(path, resolve(path)) : null
    case 'ENOTDIR': {
      if (!path) return null
      const blocker = nearestExisting(path)
      if (blocker.kind === 'folder') return null
      return creatingFolder ? notAFolder(path, blocker.path) : `Gloss cannot use ${path}: ${blocker.path} is a file, not a folder.`
    }
    case 'EIO':
      return `Gloss could not read or write ${path ?? 'its data folder'}: the disk reported an error. Check the disk and try again.`
    default:
      return null
  }
}

/**
 * A GlossError with a specific message for a SQLite or file-system failure (disk full, read-only or missing folder,
 * damaged library, busy library, disk error), or null when `error` is none of those (the caller then treats it as
 * an internal error). A GlossError is returned unchanged. The original error is kept as the result's `cause`
 * (not enumerable, never sent to the UI) for logs.
 */
export function userFacingError(error: unknown, context: ErrorContext = {}): GlossError | null {
  if (error instanceof GlossError) return error
  const file = context.file
  const dir = context.dataDir ?? (context.file ? dirname(context.file) : undefined)
  let message: string | null = null
  const sqlite = sqliteCode(error)
  const errno = sqlite ? null : errnoCode(error)
  if (sqlite) message = fromSqlite(sqlite, file, dir)
  else if (errno) message = fromErrno(errno, error as { path?: string; syscall?: string }, dir)
  else if (error instanceof TypeError && /directory does not exist/.test(error.message)) {
    // better-sqlite3 checks the folder itself before SQLite sees the path.
    message = dir
      ? `Gloss cannot open its library: the folder ${dir} does not exist. Create it or ${MOVE_ON}.`
      : `Gloss cannot open its library: its folder does not exist. Create it or ${MOVE_ON}.`
  }
  if (message === null) return null
  const mapped = new GlossError('internal', message)
  Object.defineProperty(mapped, 'cause', { value: error, enumerable: false })
  return mapped
}

/**
 * What to tell a person when the library cannot be opened at startup (web mode, the Electron shell): the specific
 * message when there is one, else what went wrong with the folder named.
 */
export function openFailureMessage(error: unknown, context: ErrorContext & { dataDir: string }): string {
  const known = userFacingError(error, context)
  if (known) return known.message
  const why = error instanceof Error ? error.message : String(error)
  return `Gloss could not open its library in ${context.dataDir}: ${why}`
}
