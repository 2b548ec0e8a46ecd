// File → Import File… in the desktop app: the native open dialog, run by the main process (a menu click gives the
// page no user activation, so it could not open a file chooser itself). Files go through the same importer as
// every other import; the renderer is then told to refresh its library.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { dialog, type BrowserWindow } from 'electron'
import { MAX_IMPORT_BYTES, formatBytes } from '../../core/import/decode'
import { IMPORT_EXTENSIONS } from '../../core/import/format'
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
  let imported = 0
  for (const file of picked.filePaths) {
    const name = basename(file)
    try {
      const { size } = await stat(file)
      if (size > MAX_IMPORT_BYTES) throw new Error(`it is ${formatBytes(size)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}`)
      await backend.importFile({ name, base64: (await readFile(file)).toString('base64') })
      imported++
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`)
    }
  }
  if (failures.length) {
    await dialog.showMessageBox(win, {
      type: 'warning',
      message: failures.length === 1 ? 'One file could not be imported.' : `${failures.length} files could not be imported.`,
      detail: failures.join('\n')
    })
  }
  return imported
}
