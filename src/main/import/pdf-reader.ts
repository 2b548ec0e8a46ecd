// Reading a PDF with pdf.js (pdfjs-dist, legacy build for Node) into positioned text runs, page by page, for the
// core's layout rules (src/core/import/pdf). Runs in the import worker. Nothing is rendered; fonts are not loaded
// into any page, eval is off.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { GlossError } from '../../core/errors'
import type { PdfDocument, PdfPage, PdfTextRun } from '../../core/import/pdf'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let pdfjs: Promise<PdfJs> | null = null
const load = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'))

const require = createRequire(__filename)
const standardFonts = (): string => `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`

export const PDF_PASSWORD_NEEDED = 'This PDF is password-protected. Enter its password to import it.'
export const PDF_PASSWORD_WRONG = 'That password does not open this PDF. Check it and try again.'
export const PDF_DAMAGED = 'This PDF is damaged (or not really a PDF), so Gloss cannot read it.'

export interface ReadPdfOptions {
  password?: string
  /** Pages read so far, of all. */
  progress?: (done: number, total: number) => void
}

interface TextItem {
  str: string
  transform: number[]
  width: number
  height: number
  fontName: string
}

function errorOf(error: unknown): GlossError {
  const e = error as { name?: string; code?: number; message?: string }
  if (e?.name === 'PasswordException') {
    return new GlossError('password_required', e.code === 2 ? PDF_PASSWORD_WRONG : PDF_PASSWORD_NEEDED)
  }
  if (e?.name === 'InvalidPDFException' || e?.name === 'FormatError' || e?.name === 'UnknownErrorException') {
    return new GlossError('import_rejected', PDF_DAMAGED)
  }
  return new GlossError('import_rejected', `${PDF_DAMAGED} (${e?.message ?? String(error)})`)
}

/** Reads every page's text runs, the page labels and the document info. */
export async function readPdf(bytes: Uint8Array, opts: ReadPdfOptions = {}): Promise<PdfDocument> {
  const { getDocument } = await load()
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given.
    data: new Uint8Array(bytes),
    password: opts.password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: standardFonts(),
    verbosity: 0
  })
  let doc
  try {
    doc = await task.promise
  } catch (error) {
    throw errorOf(error)
  }
  try {
    const total = doc.numPages
    const labels = (await doc.getPageLabels().catch(() => null)) ?? []
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> }
    const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
    const pages: PdfPage[] = []
    for (let n = 1; n <= total; n++) {
      const page = await doc.getPage(n)
      const { width, height } = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      // Font names (and so bold/italic) are known once the page's operators have been read.
      await page.getOperatorList()
      const fonts = new Map<string, { bold: boolean; italic: boolean }>()
      const fontOf = (id: string): { bold: boolean; italic: boolean } => {
        let f = fonts.get(id)
        if (!f) {
          let name = ''
          try {
            const obj = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string; bold?: boolean; italic?: boolean }) : null
            name = obj?.name ?? ''
            f = { bold: !!obj?.bold || /bold|black|heavy|semibold|demi/i.test(name), italic: !!obj?.italic || /italic|oblique/i.test(name) }
          } catch {
            f = { bold: false, italic: false }
          }
          fonts.set(id, f)
        }
        return f
      }
      const runs: PdfTextRun[] = []
      for (const raw of content.items) {
        const item = raw as TextItem
        if (typeof item.str !== 'string' || !item.transform) continue
        const [a, b, c, d, x, y] = item.transform
        // Rotated text (margin stamps, vertical labels) is not part of the reading text.
        if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue
        const size = Math.abs(d) || item.height
        const f = fontOf(item.fontName)
        runs.push({ text: item.str, x, y, width: item.width, size, bold: f.bold, italic: f.italic })
      }
      pages.push({ index: n - 1, label: labels[n - 1]?.trim() || String(n), width, height, runs })
      page.cleanup()
      opts.progress?.(n, total)
    }
    return {
      pages,
      info: {
        title: str(info.Title),
        author: str(info.Author),
        subject: str(info.Subject),
        creationDate: str(info.CreationDate),
        lang: str(info.Language),
        producer: str(info.Producer),
        creator: str(info.Creator)
      }
    }
  } catch (error) {
    if (error instanceof GlossError) throw error
    throw errorOf(error)
  } finally {
    await doc.destroy().catch(() => undefined)
  }
}
