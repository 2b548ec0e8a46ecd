// Writing output files safely: a temporary file beside the target, then a rename (never a half-written file).
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export function writeFileAtomic(target: string, data: Uint8Array): void {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`)
  let fd: number | null = null
  try {
    fd = openSync(tmp, 'wx', 0o644)
    let written = 0
    while (written < data.byteLength) written += writeSync(fd, data, written, data.byteLength - written)
    fsyncSync(fd)
    closeSync(fd)
    fd = null
    renameSync(tmp, target)
  } catch (error) {
    if (fd !== null) closeSync(fd)
    rmSync(tmp, { force: true })
    throw error
  }
}

/** A file-system error in plain words. */
export function fileErrorMessage(error: unknown, path: string, action: 'read' | 'write'): string {
  const code = (error as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'ENOENT':
      return action === 'read' ? `File not found: ${path}` : `Cannot write ${path}: the folder ${dirname(path)} does not exist.`
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Cannot ${action} ${path}: permission denied.`
    case 'EISDIR':
      return `Cannot ${action} ${path}: it is a folder, not a file.`
    case 'ENOTDIR':
      return `Cannot ${action} ${path}: part of the path is not a folder.`
    case 'ENOSPC':
    case 'EDQUOT':
      return `Cannot write ${path}: the disk is full. Free some space and try again.`
    default:
      return `Cannot ${action} ${path}: ${(error as Error)?.message ?? String(error)}`
  }
}
