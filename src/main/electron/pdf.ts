// PDF in the desktop app: Electron's own printToPDF on a hidden, script-less, offline window.
// Web mode and the CLI render the same HTML with headless Chromium (src/main/export/pdf-chromium.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, session } from 'electron'
import { GlossError } from '../../core/api'
import type { PdfRenderer } from '../services'
import { footerTemplate, headerTemplate, PDF_MARGINS_IN } from '../export/page-templates'

export function electronPdfRenderer(): PdfRenderer & { close(): Promise<void> } {
  // One private, cache-less session for all reports: it may load nothing but the report files being rendered.
  const rendering = new Set<string>()
  let ses: Electron.Session | null = null
  const pdfSession = (): Electron.Session => {
    if (!ses) {
      ses = session.fromPartition('gloss-pdf', { cache: false })
      ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !rendering.has(details.url) && !details.url.startsWith('data:') }))
      ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    }
    return ses
  }
  const render = async (html: string, opts: { pageSize: 'A4' | 'Letter'; title: string; kind?: string }): Promise<Uint8Array> => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-pdf-'))
    const file = join(dir, 'report.html')
    const fileUrl = pathToFileURL(file).href
    await writeFile(file, html, 'utf8')
    rendering.add(fileUrl)
    const win = new BrowserWindow({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, session: pdfSession() }
    })
    win.webContents.on('will-navigate', (event) => event.preventDefault())
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
    try {
      await win.loadFile(file)
      const pdf = await win.webContents.printToPDF({
        pageSize: opts.pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(opts.title, opts.kind),
        footerTemplate: footerTemplate(),
        margins: PDF_MARGINS_IN,
        generateDocumentOutline: true,
        generateTaggedPDF: true
      })
      return new Uint8Array(pdf)
    } catch (error) {
      throw new GlossError('export_failed', `The PDF could not be rendered: ${(error as Error).message}`)
    } finally {
      rendering.delete(fileUrl)
      win.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  }
  return Object.assign(render, { close: async () => {} })
}
