// A PDF (as positioned text runs, read by pdf.js in the shell) -> an article: paragraphs in reading order with the
// page each starts on, running heads/feet and page numbers gone, hyphenation undone, headings and footnotes found;
// and its details from the document info.
import { GlossError } from '../../errors'
import { titleFromFileName, withoutTitleBlock } from '../clean'
import { normalizeDate } from '../html/metadata'
import { emptyDetails, type ParsedArticle } from '../types'
import { findRunningLines, readingOrder } from './layout'
import { pageLines } from './lines'
import { segmentPdfLines } from './paragraphs'
import type { Lexicon, PdfDocument, PdfInfo } from './types'

export type { Lexicon, PdfDocument, PdfPage, PdfTextRun, PdfInfo } from './types'

export const SCANNED_PDF = 'This PDF is a scan with no text layer; Gloss cannot read scanned pages yet.'

/** Fewer characters than this per page, on average, is a scan (maybe with a stray header or page number). */
const MIN_CHARS_PER_PAGE = 40

/** Titles that PDF producers write on their own, which say nothing about the document. */
const JUNK_TITLE = /^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pptx?|indd|tex|qxd|pdf))$/i

/** Producers that print web pages (Chromium's Skia, Firefox, WebKit, wkhtmltopdf): their CreationDate is print time. */
const PRINTED_BY_BROWSER = /\b(?:skia|chrom(?:e|ium)|headlesschrome|firefox|mozilla|webkit|wkhtmltopdf|safari)\b/i

function pdfDate(raw: string | null): string | null {
  const m = raw ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw.trim()) : null
  if (!m) return null
  if (!m[2]) return m[1]
  return normalizeDate(`${m[1]}-${m[2]}-${m[3] ?? '01'}`)
}

function authorsOf(info: PdfInfo): string[] {
  if (!info.author) return []
  return info.author
    .split(/\s*(?:;|,|&|\band\b)\s*/)
    .map((a) => a.replace(/\s+/g, ' ').trim())
    .filter((a) => a.length > 1 && a.length <= 120 && !/^(?:admin|user|owner|author|unknown)$/i.test(a))
}

export function parsePdfDocument(doc: PdfDocument, name: string, lexicon?: Lexicon): ParsedArticle {
  const pages = doc.pages.map((page) => ({ page, lines: pageLines(page.runs) }))
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.text.length, 0), 0)
  if (chars < MIN_CHARS_PER_PAGE * Math.max(1, doc.pages.length) * 0.5 && chars < 400) {
    throw new GlossError('import_rejected', SCANNED_PDF)
  }
  const running = findRunningLines(pages)
  const placed = pages.flatMap(({ page, lines }) => readingOrder(page, lines.filter((l) => !running.has(l))))
  const blocks = segmentPdfLines(
    placed,
    doc.pages.map((p) => p.label),
    lexicon
  )
  const warnings: string[] = []
  const textless = pages.filter((p) => p.lines.length === 0).length
  if (textless > 0 && textless < pages.length) {
    warnings.push(`${textless} of ${pages.length} pages have no text layer (scanned pages); Gloss left them out.`)
  }
  const infoTitle = doc.info.title?.replace(/\s+/g, ' ').trim() ?? ''
  const firstHeading = blocks.find((b) => /^h[1-3]$/.test(b.kind) && b.page === doc.pages[0]?.label)?.text
  const title = infoTitle && !JUNK_TITLE.test(infoTitle) && infoTitle.length >= 3 ? infoTitle : (firstHeading ?? titleFromFileName(name))
  return {
    ...emptyDetails(title),
    authors: authorsOf(doc.info),
    // A browser's "Save as PDF" stamps the moment of printing: not when the work was published.
    publishedAt: PRINTED_BY_BROWSER.test(doc.info.producer ?? '') || PRINTED_BY_BROWSER.test(doc.info.creator ?? '') ? null : pdfDate(doc.info.creationDate),
    lang: doc.info.lang,
    format: 'pdf',
    blocks: withoutTitleBlock(blocks, title),
    warnings
  }
}
