// PDFs for tests, made here (never downloaded): printed by Chromium from HTML the tests write, or written by hand
// (a second producer: Helvetica text, document info, page labels, optional RC4 password protection, or no text at
// all like a scan). And reading PDFs back with pdf.js (text, facts, a page as PNG) instead of poppler's tools.
import { createHash } from 'node:crypto'
import type { Browser } from 'playwright-core'
import { findChromium } from '../../src/main/export/browser'

// ------------------------------------------------------------------------------------------ Chromium printing

let browser: Promise<Browser> | null = null

/** Whether Chromium-printed fixtures can be made here (else the tests that need them say why they are skipped). */
export const canPrint = (): boolean => findChromium() !== null

export async function printPdf(
  html: string,
  opts: { header?: string; footer?: string; format?: 'A4' | 'Letter'; margin?: { top: string; bottom: string; left: string; right: string } } = {}
): Promise<Uint8Array> {
  browser ??= import('playwright-core').then(({ chromium }) =>
    chromium.launch({ executablePath: findChromium()?.path, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
  )
  const page = await (await browser).newPage()
  try {
    await page.setContent(html, { waitUntil: 'load' })
    const withMargins = opts.header || opts.footer
    return await page.pdf({
      format: opts.format ?? 'A4',
      displayHeaderFooter: !!withMargins,
      headerTemplate: opts.header ?? '<span></span>',
      footerTemplate: opts.footer ?? '<span></span>',
      margin: opts.margin ?? (withMargins ? { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' } : undefined)
    })
  } finally {
    await page.close()
  }
}

export async function closePrinter(): Promise<void> {
  const b = browser
  browser = null
  await (await b)?.close()
}

// ------------------------------------------------------------------------------------------ reading back

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
const pdfjs = (): Promise<PdfJs> => import('pdfjs-dist/legacy/build/pdf.mjs')

async function open(bytes: Uint8Array) {
  const { getDocument } = await pdfjs()
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise
}

/** The text of each page as pdf.js reads it: items in content order, a line break where pdf.js sees a line end. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes)
  const out: string[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    out.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''))
  }
  await doc.destroy()
  return out
}

/** Page count and size, whether the PDF is tagged, and how many link annotations it has. */
export async function pdfFacts(bytes: Uint8Array): Promise<{ pages: number; width: number; height: number; tagged: boolean; links: number }> {
  const doc = await open(bytes)
  const first = await doc.getPage(1)
  const [, , width, height] = first.view
  let links = 0
  for (let n = 1; n <= doc.numPages; n++) links += (await (await doc.getPage(n)).getAnnotations()).filter((a) => a.subtype === 'Link').length
  const meta = (await doc.getMetadata()) as { hasStructTree?: boolean }
  const facts = { pages: doc.numPages, width, height, tagged: !!meta.hasStructTree, links }
  await doc.destroy()
  return facts
}

/** One page as a PNG (pdf.js on its Node canvas), for looking at. */
export async function pdfPagePng(bytes: Uint8Array, page = 1, scale = 1): Promise<Buffer> {
  const doc = await open(bytes)
  const p = await doc.getPage(page)
  const viewport = p.getViewport({ scale })
  const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { toBuffer(t: string): Buffer }; context: unknown } } }).canvasFactory
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height))
  await p.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise
  const png = canvas.toBuffer('image/png')
  await doc.destroy()
  return png
}

// ------------------------------------------------------------------------------------------ hand-written PDFs

export interface HandLine {
  text: string
  x: number
  /** From the top of the page. */
  top: number
  size?: number
  bold?: boolean
}

export interface HandPdf {
  pages: HandLine[][]
  info?: { title?: string; author?: string; creationDate?: string }
  /** /PageLabels: e.g. [{ start: 0, style: 'r' }, { start: 2, style: 'D', first: 1 }]. */
  labels?: { start: number; style: 'D' | 'r' | 'R' | 'a' | 'A'; first?: number; prefix?: string }[]
  /** Protect with the standard security handler (RC4, 40-bit) and this user password. */
  password?: string
  /** Draw a grey box on each page as well (a "scan" when pages have no lines). */
  image?: boolean
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex')

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i)
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255
    ;[s[i], s[j]] = [s[j], s[i]]
  }
  const out = Buffer.alloc(data.length)
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255
    j = (j + s[i]) & 255
    ;[s[i], s[j]] = [s[j], s[i]]
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255]
  }
  return out
}

const md5 = (...parts: Uint8Array[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest()
const padded = (pw: string): Buffer => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32)
const pdfString = (s: string): string => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`
const hex = (b: Buffer): string => `<${b.toString('hex')}>`

/** A small PDF written by hand: Helvetica text at given positions, A4 pages. */
export function handPdf(spec: HandPdf): Uint8Array {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const fileId = createHash('md5').update(JSON.stringify(spec)).digest()
  // Encryption (R2): the file key, O and U entries.
  let key: Buffer | null = null
  let encryptRef = ''
  const P = -44 // print + copy allowed
  const pBytes = Buffer.alloc(4)
  pBytes.writeInt32LE(P)
  let O: Buffer = Buffer.alloc(0)
  let U: Buffer = Buffer.alloc(0)
  if (spec.password !== undefined) {
    O = rc4(md5(padded('owner-secret')).subarray(0, 5), padded(spec.password))
    key = md5(padded(spec.password), O, pBytes, fileId).subarray(0, 5)
    U = rc4(key, PAD)
  }
  const objectKey = (num: number): Buffer | null =>
    key ? md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, Math.min(16, key.length + 5)) : null
  const text = (num: number, s: string): string => {
    const k = objectKey(num)
    return k ? hex(rc4(k, Buffer.from(s, 'latin1'))) : pdfString(s)
  }
  const stream = (num: number, content: string): string => {
    const k = objectKey(num)
    const data = k ? rc4(k, Buffer.from(content, 'latin1')).toString('latin1') : content
    return `<< /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`
  }

  const catalog = add('') // 1
  const pagesObj = add('') // 2
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
  const kids: number[] = []
  for (const lines of spec.pages) {
    const contentNum = objects.length + 1
    const ops = [
      spec.image ? '0.85 g 60 200 475 500 re f 0 g' : '',
      // (An encrypted file encrypts the whole content stream, strings included.)
      ...lines.map((l) => `BT /${l.bold ? 'F2' : 'F1'} ${l.size ?? 11} Tf ${l.x} ${842 - l.top} Td ${pdfString(l.text)} Tj ET`)
    ].join('\n')
    add(stream(contentNum, ops))
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${contentNum} 0 R >>`))
  }
  objects[pagesObj - 1] = `<< /Type /Pages /Count ${kids.length} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] >>`
  const labels = spec.labels
    ? ` /PageLabels << /Nums [${spec.labels.map((l) => `${l.start} << /S /${l.style}${l.first ? ` /St ${l.first}` : ''}${l.prefix ? ` /P ${pdfString(l.prefix)}` : ''} >>`).join(' ')}] >>`
    : ''
  objects[catalog - 1] = `<< /Type /Catalog /Pages 2 0 R${labels} >>`
  let infoRef = ''
  if (spec.info) {
    const num = objects.length + 1
    const entries = [
      spec.info.title ? `/Title ${text(num, spec.info.title)}` : '',
      spec.info.author ? `/Author ${text(num, spec.info.author)}` : '',
      spec.info.creationDate ? `/CreationDate ${text(num, spec.info.creationDate)}` : '',
      `/Producer ${text(num, 'Gloss test writer')}`
    ]
    infoRef = ` /Info ${add(`<< ${entries.filter(Boolean).join(' ')} >>`)} 0 R`
  }
  if (key) encryptRef = ` /Encrypt ${add(`<< /Filter /Standard /V 1 /R 2 /O ${hex(O)} /U ${hex(U)} /P ${P} >>`)} 0 R`
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoRef}${encryptRef} /ID [${hex(fileId)} ${hex(fileId)}] >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}
