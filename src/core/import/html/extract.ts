// A web page -> the article alone. Readability (Mozilla's reader view) finds the main content; the page's metadata
// comes from its head; the content is sanitised by the shell and segmented here. A page that is not an article is
// read whole, and the user is told so.
import { isProbablyReaderable, Readability } from '@mozilla/readability'
import { titleFromFileName } from '../clean'
import type { Block, ParsedArticle } from '../types'
import { dropFurniture } from './boilerplate'
import { measureTree, type DomDocument, type DomElement, type HtmlEnv } from './dom'
import { checkHtmlLimits, MAX_HTML_DEPTH } from './limits'
import { readPageMetadata, type ReadabilityHints } from './metadata'
import { segmentHtml } from './segment'
import { GlossError } from '../../errors'

/**
 * Above this many elements Readability is not run (it slows down faster than the page grows: ~3 s for 5,000
 * paragraphs, ~50 s for 20,000); such pages are books or reports rather than news pages, and are read from their
 * <article> or <main> element (else whole).
 */
export const MAX_READABILITY_ELEMENTS = 15_000
/** Less text than this is not an article Readability found, but a fragment of the page. */
const MIN_ARTICLE_CHARS = 140

export const NOT_AN_ARTICLE =
  'This page does not look like an article, so Gloss kept all of its text (menus and links included).'

interface ReadabilityArticle extends ReadabilityHints {
  content?: string | null
  textContent?: string | null
}

/** The page's main content without Readability: its one <article> (or <main>) when that holds most of the text. */
function mainContent(root: DomElement): DomElement {
  const total = (root.textContent ?? '').length
  for (const selector of ['article', 'main, [role="main"]']) {
    const found = root.querySelectorAll(selector)
    if (found.length === 1 && (found[0].textContent ?? '').length >= total * 0.5) return found[0]
  }
  return root
}

function runReadability(doc: DomDocument): ReadabilityArticle | null {
  // Readability works on a real DOM document (jsdom's); it changes the document, hence the copy.
  const real = doc as unknown as Document
  // Lower thresholds than Firefox's reader button: the user chose this page as a source, so a short article counts.
  if (!isProbablyReaderable(real, { minContentLength: 80, minScore: 12 })) return null
  try {
    return new Readability(doc.cloneNode(true) as unknown as Document, {
      keepClasses: false,
      charThreshold: 400
    }).parse()
  } catch {
    // Too many elements (or a Readability failure): read the page whole.
    return null
  }
}

const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

export interface HtmlSource {
  html: string
  /** File name (title fallback). */
  name: string
  /** The address the page came from, for relative links and the canonical URL. */
  baseUrl?: string | null
}

/**
 * The part of a huge page its details are read from: the head and the start of the body (where the title, byline
 * and date are). Parsing it alone spares a second full DOM of a page that is read whole anyway.
 */
function pageStart(html: string): string {
  const body = html.search(/<body[\s>]/i)
  return html.slice(0, (body >= 0 ? body : 0) + 200_000)
}

/** Extracts the article of a web page: its details and its blocks. */
export function extractHtml(src: HtmlSource, env: HtmlEnv): ParsedArticle {
  const scan = checkHtmlLimits(src.html)
  const warnings: string[] = []
  let blocks: Block[] = []
  let details
  if (scan.elements > MAX_READABILITY_ELEMENTS) {
    // A book-length page: its details from its start, its text from its <article>/<main> (else all of it).
    details = readPageMetadata(env.parseDocument(pageStart(src.html), src.baseUrl), { baseUrl: src.baseUrl ?? null })
    blocks = segmentHtml(mainContent(env.sanitize(src.html)), { baseUrl: src.baseUrl })
  } else {
    const doc = env.parseDocument(src.html, src.baseUrl)
    if (doc.documentElement && measureTree(doc.documentElement).depth > MAX_HTML_DEPTH) {
      throw new GlossError('import_rejected', `This page is nested more than ${MAX_HTML_DEPTH} levels deep, so it was not imported.`)
    }
    const article = runReadability(doc)
    details = readPageMetadata(doc, { baseUrl: src.baseUrl ?? null, readability: article })
    if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS) {
      blocks = dropFurniture(segmentHtml(env.sanitize(article.content), { baseUrl: src.baseUrl }))
    }
    if (blocks.length === 0) {
      blocks = segmentHtml(env.sanitize(src.html), { baseUrl: src.baseUrl })
      if (blocks.length) warnings.push(NOT_AN_ARTICLE)
    }
  }
  const firstHeading = blocks.find((b) => b.kind === 'h1' || b.kind === 'h2')?.text
  const title = details.title || firstHeading || titleFromFileName(src.name)
  // The reader shows the title above the text: a heading that only repeats it is dropped.
  const lead = blocks.findIndex((b) => b.kind !== 'figure' && b.kind !== 'figcaption')
  if (lead >= 0 && /^h[1-3]$/.test(blocks[lead].kind) && sameText(blocks[lead].text, title)) blocks.splice(lead, 1)
  return {
    ...details,
    title,
    format: 'html',
    blocks,
    warnings
  }
}
