// Electron main process: a thin shell. It wires the window, menu, dialogs, IPC and printToPDF to the backend
// services (src/main/services), which hold no Electron code and are shared with web mode and the CLI.
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { createBackend, DB_FILE } from './services'
import { openFailureMessage } from './db/errors'
import { registerIpc } from './electron/ipc'
import { buildMenu } from './electron/menu'
import { importWithDialog } from './electron/import-dialog'
import { CHANNELS, type MenuCommand } from '../core/api/wire'
import { electronPdfRenderer } from './electron/pdf'
import { hardenSession, hardenWebContents, RENDERER_CSP } from './electron/security'

const appRoot = app.getAppPath()

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** better-sqlite3 built for Electron's ABI by scripts/electron-sqlite.mjs (node_modules keeps Node's build). */
function electronSqliteBinding(): string | undefined {
  const file = join(appRoot, '.cache', 'electron-sqlite', `${process.versions.electron}-${process.platform}-${process.arch}`, 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}

function rendererEntry(win: BrowserWindow): Promise<void> {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  if (!app.isPackaged && devUrl) return win.loadURL(devUrl)
  return win.loadFile(join(__dirname, '../renderer/index.html'))
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Gloss',
    backgroundColor: '#faf8f3',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true
    }
  })
  hardenWebContents(win.webContents, (url) => void shell.openExternal(url))
  win.once('ready-to-show', () => win.show())
  flushBeforeClose(win)
  return win
}

/** Lets the renderer save unsaved notes before the window goes away (it answers CHANNELS.closeReady; 3 s at most). */
function flushBeforeClose(win: BrowserWindow): void {
  let ready = false
  win.on('close', (event) => {
    if (ready || win.webContents.isCrashed()) return
    event.preventDefault()
    const finish = (): void => {
      if (ready) return
      ready = true
      ipcMain.removeListener(CHANNELS.closeReady, onReady)
      win.close()
    }
    const onReady = (e: Electron.IpcMainEvent): void => {
      if (e.sender === win.webContents) finish()
    }
    ipcMain.on(CHANNELS.closeReady, onReady)
    win.webContents.send(CHANNELS.beforeClose)
    setTimeout(finish, 3000)
  })
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  await app.whenReady()
  const dataDir = argValue('--data-dir') ?? app.getPath('userData')

  let backend: ReturnType<typeof createBackend>
  const pdf = electronPdfRenderer()
  try {
    backend = createBackend({
      dataDir,
      mode: 'electron',
      resourcesDir: app.isPackaged ? process.resourcesPath : join(appRoot, 'resources'),
      pdf,
      nativeBinding: electronSqliteBinding(),
      sync: 'background'
    })
  } catch (error) {
    const message = openFailureMessage(error, { dataDir, file: join(dataDir, DB_FILE) })
    dialog.showErrorBox('Gloss cannot open its library', `${message}\n\nData folder: ${dataDir}`)
    app.exit(1)
    return
  }

  hardenSession(session.defaultSession, RENDERER_CSP)
  let win = createWindow()
  registerIpc(ipcMain, backend, () => win)
  const send = (command: MenuCommand): void => win.webContents.send(CHANNELS.menu, command)
  Menu.setApplicationMenu(
    buildMenu(send, async () => {
      if ((await importWithDialog(win, backend)) > 0) send('library-changed')
    })
  )
  await rendererEntry(win)

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      win = createWindow()
      void rendererEntry(win)
    }
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    void pdf.close()
    void backend.close()
  })
}

void main()
