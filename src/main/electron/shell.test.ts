// The Electron-only shell, tested here without the Electron binary: `electron` is replaced by a small fake (its real
// module would start a binary download), and everything behind it — dispatch, validation, the SQLite backend — is real.
import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  showSaveDialog: vi.fn(),
  template: [] as unknown[]
}))

vi.mock('electron', () => ({
  dialog: { showSaveDialog: electron.showSaveDialog, showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
  Menu: { buildFromTemplate: (t: unknown[]) => ((electron.template = t), { items: t }) }
}))

const { isTrustedSender, registerIpc } = await import('./ipc')
const { hardenWebContents, isExternalLink } = await import('./security')
const { buildMenu } = await import('./menu')
const { openBackend, removeTempDirs } = await import('../services/test-helpers')

const dirs: string[] = []
afterEach(() => {
  removeTempDirs()
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
  electron.showSaveDialog.mockReset()
})

/** Our window, and an IPC event as Electron would deliver it from a frame showing `url`. */
function fakeWindow() {
  const webContents = new EventEmitter()
  return { webContents } as unknown as import('electron').BrowserWindow
}
function eventFrom(win: import('electron').BrowserWindow, url: string, opts: { subframe?: boolean; sender?: unknown } = {}) {
  return { sender: opts.sender ?? win.webContents, senderFrame: { url, parent: opts.subframe ? {} : null } } as unknown as import('electron').IpcMainInvokeEvent
}
const rendererUrl = pathToFileURL(join(__dirname, '../renderer/index.html')).href

function captureHandler() {
  let handler: ((event: unknown, method: unknown, args: unknown) => Promise<unknown>) | null = null
  const ipc = { handle: (channel: string, fn: typeof handler) => channel === 'gloss:invoke' && (handler = fn) }
  return { ipc: ipc as unknown as import('electron').IpcMain, call: (...a: Parameters<NonNullable<typeof handler>>) => handler!(...a) }
}

describe('IPC guard', () => {
  it('trusts only the top frame of our window showing our renderer', () => {
    const win = fakeWindow()
    expect(isTrustedSender(eventFrom(win, rendererUrl), win)).toBe(true)
    expect(isTrustedSender(eventFrom(win, 'https://evil.example/'), win)).toBe(false)
    expect(isTrustedSender(eventFrom(win, rendererUrl, { subframe: true }), win)).toBe(false)
    expect(isTrustedSender(eventFrom(win, rendererUrl, { sender: new EventEmitter() }), win)).toBe(false)
    expect(isTrustedSender(eventFrom(win, rendererUrl), null)).toBe(false)
  })

  it('serves the contract from our window, refuses other senders, and validates arguments', async () => {
    const { backend } = openBackend()
    const win = fakeWindow()
    const { ipc, call } = captureHandler()
    registerIpc(ipc, backend, () => win)

    const ok = (await call(eventFrom(win, rendererUrl), 'listArticles', [])) as { ok: boolean; result: { title: string }[] }
    expect(ok.ok).toBe(true)
    expect(ok.result).toHaveLength(1)

    expect(await call(eventFrom(win, 'https://evil.example/'), 'listArticles', [])).toMatchObject({ ok: false, error: { message: /did not come from the Gloss window/ } })
    expect(await call(eventFrom(win, rendererUrl), 'getArticle', [42])).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call(eventFrom(win, rendererUrl), 'dropTables', [])).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    backend.close()
  })

  it('saveFile writes the file chosen in the native dialog, whole, and reports a cancel as not saved', async () => {
    const { backend } = openBackend()
    const win = fakeWindow()
    const { ipc, call } = captureHandler()
    registerIpc(ipc, backend, () => win)
    const dir = mkdtempSync(join(tmpdir(), 'gloss-save-'))
    dirs.push(dir)
    const target = join(dir, 'report.md')
    const body = Buffer.from('# Report\n\nText with ünïcödé.\n')
    const file = { filename: 'report.md', mimeType: 'text/markdown', base64: body.toString('base64'), byteLength: body.length }

    electron.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    expect(await call(eventFrom(win, rendererUrl), 'saveFile', [file])).toEqual({ ok: true, result: { saved: true, path: target } })
    expect(readFileSync(target)).toEqual(body)
    expect(readdirSync(dir)).toEqual(['report.md']) // no temp file left behind
    expect(electron.showSaveDialog.mock.calls[0][1]).toMatchObject({ defaultPath: 'report.md', filters: [{ extensions: ['md'] }] })

    electron.showSaveDialog.mockResolvedValueOnce({ canceled: true })
    expect(await call(eventFrom(win, rendererUrl), 'saveFile', [file])).toEqual({ ok: true, result: { saved: false } })

    electron.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'missing-folder', 'r.md') })
    const failed = (await call(eventFrom(win, rendererUrl), 'saveFile', [file])) as { ok: boolean; error: { message: string } }
    expect(failed.ok).toBe(false)
    expect(failed.error.message).toMatch(/could not be saved/)
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false)
    backend.close()
  })
})

describe('window hardening', () => {
  it('denies new windows and blocks navigation, sending only http(s)/mailto links to the system browser', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(fn: (d: { url: string }) => unknown): void }
    let openHandler: ((d: { url: string }) => unknown) | null = null
    contents.setWindowOpenHandler = (fn) => (openHandler = fn)
    const opened: string[] = []
    hardenWebContents(contents as unknown as import('electron').WebContents, (url) => opened.push(url))

    expect(openHandler!({ url: 'https://example.org/a' })).toEqual({ action: 'deny' })
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    const navigation = { prevented: false, preventDefault() { this.prevented = true } }
    contents.emit('will-navigate', navigation, 'file:///etc/passwd')
    expect(navigation.prevented).toBe(true)
    const webview = { prevented: false, preventDefault() { this.prevented = true } }
    contents.emit('will-attach-webview', webview)
    expect(webview.prevented).toBe(true)
    expect(opened).toEqual(['https://example.org/a'])
  })

  it('treats only http, https and mailto as external links', () => {
    expect(['https://a.b', 'http://a.b', 'mailto:x@y.z'].every(isExternalLink)).toBe(true)
    expect(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'not a url'].some(isExternalLink)).toBe(false)
  })
})

describe('menu', () => {
  it('sends commands to the renderer and runs the native import', () => {
    const sent: string[] = []
    const imported = vi.fn(async () => {})
    buildMenu((c) => sent.push(c), imported)
    const items = (electron.template as { label?: string; submenu?: { label?: string; click?: () => void }[] }[]).flatMap((m) => m.submenu ?? [])
    const click = (label: string): void => items.find((i) => i.label === label)!.click!()
    click('Import File…')
    click('Export Report…')
    click('Search Articles and Notes…')
    click('Toggle Dark Theme')
    click('Keyboard Shortcuts')
    expect(imported).toHaveBeenCalledTimes(1)
    expect(sent).toEqual(['export', 'find', 'toggle-theme', 'shortcuts'])
  })
})
