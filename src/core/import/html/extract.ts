// A web page -> the article alone. Readability (Mozilla's reader view) finds the main content; the page's metadata
// comes from its head; the content is sanitised by the shell and segmented here. A page that is not an article is
// read whole, and the user is told so.
import { isProbablyReaderable, Readability } from '@mozilla/readability'
import { titleFromFileName } from '../clean'
import type { Block, ParsedArticle } from '../types'
import { dropFurniture } from './boilerplate'
import { measureTree, type DomDocument, type HtmlEnv } from './dom'
import { checkHtmlLimits, MAX_HTML_DEPTH } from './limits'
import { readPageMetadata, type ReadabilityHints } from './metadata'
import { segmentHtml } from './segment'
import { GlossError } from '../../errors'

/** Readability gives up above this many elements (it is quadratic on huge pages); such pages are read whole. */
export const MAX_READABILITY_ELEMENTS = 40_000
/** Less text than this is not an article Readability found, but a fragment of the page. */
const MIN_ARTICLE_CHARS = 140

export const NOT_AN_ARTICLE =
  'This page does not look like an article, so Gloss kept all of its text (menus and links included).'

interface ReadabilityArticle extends ReadabilityHints {
  content?: string | null
  textContent?: string | null
}

function runReadability(doc: DomDocument): ReadabilityArticle | null {
  // Readability works on a real DOM document (jsdom's); it changes the document, hence the copy.
  const real = doc as unknown as Document
  // Lower thresholds than Firefox's reader button: the user chose this page as a source, so a short article counts.
  if (!isProbablyReaderable(real, { minContentLength: 80, minScore: 12 })) return null
  try {
    return new Readability(doc.cloneNode(true) as unknown as Document, {
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
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

/** Extracts the article of a web page: its details and its blocks. */
export function extractHtml(src: HtmlSource, env: HtmlEnv): ParsedArticle {
  checkHtmlLimits(src.html)
  const doc = env.parseDocument(src.html, src.baseUrl)
  const root = doc.documentElement
  if (root && measureTree(root).depth > MAX_HTML_DEPTH) {
    throw new GlossError('import_rejected', `This page is nested more than ${MAX_HTML_DEPTH} levels deep, so it was not imported.`)
  }
  const warnings: string[] = []
  const article = runReadability(doc)
  const details = readPageMetadata(doc, { baseUrl: src.baseUrl ?? null, readability: article })

  let blocks: Block[] = []
  if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS) {
    blocks = dropFurniture(segmentHtml(env.sanitize(article.content), { baseUrl: src.baseUrl }))
  }
  if (blocks.length === 0) {
    blocks = segmentHtml(env.sanitize(src.html), { baseUrl: src.baseUrl })
    if (blocks.length) warnings.push(NOT_AN_ARTICLE)
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
