// File → Import File… in the desktop app: the native open dialog, run by the main process (a menu click gives the
// page no user activation, so it could not open a file chooser itself). Files go through the same importer as
// every other import; the renderer is then told to refresh its library. A password-protected PDF cannot be opened
// here (a native dialog has no password field): the message names it and says that importing it from the window
// (Import file… or a drop) asks for its password.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { dialog, type BrowserWindow } from 'electron'
import { MAX_IMPORT_BYTES, formatBytes } from '../../core/import/decode'
import { IMPORT_EXTENSIONS } from '../../core/import/format'
import { isGlossError } from '../../core/errors'
import type { BackendApi } from '../services'

export async function importWithDialog(win: BrowserWindow, backend: BackendApi): Promise<number> {
  const picked = await dialog.showOpenDialog(win, {
    title: 'Import articles',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Sources', extensions: [...IMPORT_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] }
    ]
  })
  if (picked.canceled) return 0
  const failures: string[] = []
  const locked: string[] = []
  let imported = 0
  for (const file of picked.filePaths) {
    const name = basename(file)
    try {
      const { size } = await stat(file)
      if (size > MAX_IMPORT_BYTES) throw new Error(`it is ${formatBytes(size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}`)
      await backend.importFile({ name, base64: (await readFile(file)).toString('base64') })
      imported++
    } catch (error) {
      if (isGlossError(error) && error.code === 'password_required') locked.push(name)
      else failures.push(`${name}: ${(error as Error).message}`)
    }
  }
  const report = importReport(failures, locked)
  if (report) await dialog.showMessageBox(win, { type: 'warning', ...report })
  return imported
}

/**
 * What the message box says about the files that did not come in (null when all did): each failure in the backend's
 * words, and the password-protected PDFs by name, with where to import them so that Gloss can ask for the password.
 */
export function importReport(failures: string[], locked: string[]): { message: string; detail: string } | null {
  const total = failures.length + locked.length
  if (!total) return null
  const one = locked.length === 1
  const names = locked.map((n) => `“${n}”`).join(', ')
  const howTo = one
    ? 'Import it from the window (Import file… in the library, or drop it on the window) and Gloss asks for its password.'
    : 'Import them from the window (Import file… in the library, or drop them on the window) and Gloss asks for their passwords.'
  if (!failures.length) {
    return { message: one ? `${names} is password-protected.` : `${locked.length} PDFs are password-protected: ${names}.`, detail: howTo }
  }
  const lines = [...failures]
  if (locked.length) lines.push('', `${names} ${one ? 'is' : 'are'} password-protected. ${howTo}`)
  return { message: total === 1 ? 'One file could not be imported.' : `${total} files could not be imported.`, detail: lines.join('\n') }
}
