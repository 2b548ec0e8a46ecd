// All IPC handlers, registered in one place. Every call is checked: the sender must be our window's top frame,
// showing our renderer; the method must be in the contract; the arguments are validated by dispatch().
import { writeFile, rename } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'
import { pathToFileURL } from 'node:url'
import { dialog, type BrowserWindow, type IpcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, isGlossError, validateArgs, type Envelope, type SaveFileRequest, type SaveFileResult } from '../../core/api'
import { dispatch } from '../services/dispatch'
import type { BackendApi } from '../services'

const rendererFileUrl = pathToFileURL(join(__dirname, '../renderer/')).href

export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || event.sender !== win.webContents) return false
  const frame = event.senderFrame
  if (!frame || frame.parent) return false
  const url = frame.url
  const devUrl = process.env.ELECTRON_RENDERER_URL
  return url.startsWith(rendererFileUrl) || (!!devUrl && url.startsWith(devUrl))
}

async function saveWithDialog(win: BrowserWindow, file: SaveFileRequest): Promise<SaveFileResult> {
  const ext = file.filename.split('.').pop() ?? ''
  const result = await dialog.showSaveDialog(win, {
    title: 'Save report',
    defaultPath: file.filename,
    filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : []
  })
  if (result.canceled || !result.filePath) return { saved: false }
  // Write beside the target, then rename: a failed write never leaves a half-written report.
  const tmp = join(dirname(result.filePath), `.${basename(result.filePath)}.${process.pid}.tmp`)
  await writeFile(tmp, Buffer.from(file.base64, 'base64'))
  await rename(tmp, result.filePath)
  return { saved: true, path: result.filePath }
}

export function registerIpc(ipc: IpcMain, backend: BackendApi, currentWindow: () => BrowserWindow | null): void {
  ipc.handle(CHANNELS.invoke, async (event, method: unknown, args: unknown): Promise<Envelope> => {
    const win = currentWindow()
    if (!isTrustedSender(event, win)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Request refused: it did not come from the Gloss window.' } }
    }
    if (method === 'saveFile') {
      try {
        const [file] = validateArgs('saveFile', args)
        return { ok: true, result: await saveWithDialog(win!, file) }
      } catch (error) {
        // A file-system error's code (EACCES, …) is not one of ours: it is reported as export_failed.
        const code = isGlossError(error) ? error.code : 'export_failed'
        return { ok: false, error: { code, message: `The file could not be saved: ${(error as Error).message}` } }
      }
    }
    return dispatch(backend, String(method), args)
  })
}
