// PDF for web mode and the CLI: the report HTML printed by headless Chromium (playwright-core), with no
// JavaScript and no network. The browser is launched on first use and reused; close() shuts it down.
import type { Browser, Page } from 'playwright-core'
import { GlossError } from '../../core/api'
import type { PdfRenderer } from '../services'
import { findChromium, NO_CHROMIUM } from './browser'
import { footerTemplate, headerTemplate, PDF_MARGINS_MM } from './page-templates'


const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

const mm = (n: number): string => `${n}mm`

export function chromiumPdfRenderer(opts: { executablePath?: string } = {}): PdfRenderer & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null

  const launch = (): Promise<Browser> => {
    if (!browser) {
      const executablePath = opts.executablePath ?? findChromium()?.path
      if (!executablePath) return Promise.reject(new GlossError('export_failed', `PDF export needs Chromium. ${NO_CHROMIUM} Or export as HTML and print it from a browser.`))
      // Loaded on first use: most runs (and every CLI command but PDF export) never need it.
      browser = import('playwright-core')
        .then(({ chromium }) => chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true }))
        .then(
          (b) => {
            b.on('disconnected', () => (browser = null))
            return b
          },
          (error: unknown) => {
            browser = null
            throw new GlossError(
              'export_failed',
              `PDF export needs Chromium, which could not be started (${(error as Error).message.split('\n')[0]}). ` +
                'Install Chromium (e.g. "apt install chromium") or export as HTML and print it from a browser.'
            )
          }
        )
    }
    return browser
  }

  // One locked-down page, reused: a fresh context per report cost about a second of cold start each time. Reports
  // are rendered one at a time; JavaScript is off and every request is aborted, so nothing carries over.
  let page: Promise<Page> | null = null
  const reportPage = (): Promise<Page> => {
    page ??= launch().then(async (b) => {
      const context = await b.newContext({ javaScriptEnabled: false, offline: true })
      // The report is self-contained: nothing but the page itself may load.
      await context.route('**/*', (route) => route.abort())
      return context.newPage()
    })
    page.catch(() => (page = null))
    return page
  }
  let queue: Promise<unknown> = Promise.resolve()

  const renderOne = async (html: string, o: { pageSize: 'A4' | 'Letter'; title: string; kind?: string }): Promise<Uint8Array> => {
    const p = await reportPage()
    try {
      await p.setContent(html, { waitUntil: 'load', timeout: 60_000 })
      const pdf = await p.pdf({
        format: o.pageSize,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(o.title, o.kind),
        footerTemplate: footerTemplate(),
        margin: { top: mm(PDF_MARGINS_MM.top), bottom: mm(PDF_MARGINS_MM.bottom), left: mm(PDF_MARGINS_MM.left), right: mm(PDF_MARGINS_MM.right) },
        outline: true,
        tagged: true
      })
      await p.setContent('<!doctype html><title>idle</title>')
      return new Uint8Array(pdf)
    } catch (error) {
      // A broken page is not reused.
      page = null
      await p.context().close().catch(() => undefined)
      if (error instanceof GlossError) throw error
      throw new GlossError('export_failed', `The PDF could not be rendered: ${(error as Error).message.split('\n')[0]}`)
    }
  }

  const render = (html: string, o: { pageSize: 'A4' | 'Letter'; title: string; kind?: string }): Promise<Uint8Array> => {
    const next = queue.then(() => renderOne(html, o))
    queue = next.catch(() => undefined)
    return next
  }

  return Object.assign(render, {
    close: async (): Promise<void> => {
      const pending = browser
      browser = null
      page = null
      if (pending) await pending.then((b) => b.close()).catch(() => undefined)
    }
  })
}
