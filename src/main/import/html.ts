// HTML import: metadata from the raw document, blocks from the sanitised body.
import { JSDOMClass } from './jsdom-lazy'
import type { ParagraphKind } from '../../core/model'
import type { Block, ParsedArticle } from '../../core/import/types'
import { cleanText, titleFromFileName } from '../../core/import/clean'
import { removedActiveContent, sanitizeHtml } from './sanitize'

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const SKIP = new Set(['nav', 'footer', 'script', 'style', 'template', 'noscript', 'head', 'title', 'button', 'svg', 'math', 'select'])
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'header', 'body', 'figure', 'figcaption', 'details', 'summary', 'dl', 'dt', 'dd',
  'address', 'center', 'hgroup', 'fieldset', 'aside', 'caption', 'search', 'html'
])

function isSkipped(el: Element): boolean {
  const tag = el.localName
  return SKIP.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.getAttribute('role') === 'navigation'
}

/** Text of an element, <br> as a space, hidden and skipped elements left out. `exclude` elements are not entered. */
function textOf(node: Node, exclude?: (el: Element) => boolean): string {
  let out = ''
  node.childNodes.forEach((child) => {
    if (child.nodeType === 3) out += child.nodeValue ?? ''
    else if (child.nodeType === 1) {
      const el = child as Element
      if (isSkipped(el) || (exclude && exclude(el))) return
      if (el.localName === 'br') out += ' '
      else if (el.localName === 'img') out += ''
      else out += (CONTAINERS.has(el.localName) || el.localName === 'p' || el.localName === 'li' ? ' ' : '') + textOf(el, exclude)
    }
  })
  return out
}

function hasBlockDescendant(el: Element): boolean {
  return el.querySelector('p,div,section,article,ul,ol,li,h1,h2,h3,h4,h5,h6,blockquote,pre,table') !== null
}

class BlockWriter {
  readonly blocks: Block[] = []

  push(kind: ParagraphKind, text: string, list?: 'ul' | 'ol'): void {
    const clean = cleanText(text)
    if (!clean) return
    this.blocks.push(list ? { kind, text: clean, list } : { kind, text: clean })
  }

  walk(root: Element, quoted: boolean): void {
    const pKind: ParagraphKind = quoted ? 'blockquote' : 'p'
    let loose = ''
    const flush = (): void => {
      // Loose text: double line breaks separate paragraphs.
      for (const part of loose.split(/\n\s*\n/)) this.push(pKind, part)
      loose = ''
    }
    root.childNodes.forEach((child) => {
      if (child.nodeType === 3) {
        loose += (child.nodeValue ?? '').replace(/\n/g, ' ')
        return
      }
      if (child.nodeType !== 1) return
      const el = child as Element
      const tag = el.localName
      if (isSkipped(el)) return
      if (tag === 'br') loose += '\n'
      else if (tag === 'hr') flush()
      else if (HEADINGS.has(tag)) {
        flush()
        this.push(quoted ? 'blockquote' : (tag as ParagraphKind), textOf(el))
      } else if (tag === 'p' || tag === 'pre') {
        flush()
        this.push(pKind, textOf(el))
      } else if (tag === 'ul' || tag === 'ol') {
        flush()
        this.list(el)
      } else if (tag === 'li') {
        flush()
        this.item(el, 'ul')
      } else if (tag === 'blockquote') {
        flush()
        this.walk(el, true)
      } else if (tag === 'table') {
        flush()
        this.table(el, pKind)
      } else if (CONTAINERS.has(tag) || hasBlockDescendant(el)) {
        flush()
        this.walk(el, quoted)
      } else loose += textOf(el)
    })
    flush()
  }

  list(listEl: Element): void {
    const kind = listEl.localName === 'ol' ? 'ol' : 'ul'
    listEl.childNodes.forEach((child) => {
      if (child.nodeType !== 1) return
      const el = child as Element
      if (isSkipped(el)) return
      if (el.localName === 'li') this.item(el, kind)
      else if (el.localName === 'ul' || el.localName === 'ol') this.list(el)
    })
  }

  item(li: Element, kind: 'ul' | 'ol'): void {
    const isList = (e: Element): boolean => e.localName === 'ul' || e.localName === 'ol'
    this.push('li', textOf(li, isList), kind)
    li.querySelectorAll(':scope > ul, :scope > ol, :scope > * > ul, :scope > * > ol').forEach((nested) => this.list(nested))
  }

  table(table: Element, kind: ParagraphKind): void {
    table.querySelectorAll('tr').forEach((tr) => {
      const cells = Array.from(tr.children)
        .filter((c) => c.localName === 'td' || c.localName === 'th')
        .map((c) => cleanText(textOf(c)))
        .filter((t) => t !== '')
      this.push(kind, cells.join(' | '))
    })
  }
}

/** Article metadata from the raw (unsanitised, never executed) document head. */
function readMeta(doc: Document): { title: string; author: string | null; publishedAt: string | null; source: string | null } {
  const attr = (selector: string, name: string): string | null => {
    const v = doc.querySelector(selector)?.getAttribute(name)
    const clean = v ? cleanText(v) : ''
    return clean || null
  }
  const title = cleanText(doc.querySelector('title')?.textContent ?? '') || attr('meta[property="og:title"]', 'content') || ''
  const author = attr('meta[name="author" i]', 'content') ?? attr('meta[property="article:author"]', 'content')
  const publishedAt =
    attr('meta[property="article:published_time"]', 'content') ?? attr('time[datetime]', 'datetime') ?? attr('meta[name="date" i]', 'content')
  const canonical = attr('link[rel~="canonical" i]', 'href') ?? attr('meta[property="og:url"]', 'content')
  const source = canonical && /^https?:\/\//i.test(canonical) ? canonical : null
  return { title, author, publishedAt, source }
}

/** Parses an HTML document: sanitised, then walked into blocks. */
export function parseHtml(html: string, name: string): ParsedArticle {
  const raw = new (JSDOMClass())(html).window.document
  const meta = readMeta(raw)
  const clean = sanitizeHtml(html)
  const warnings: string[] = []
  if (removedActiveContent()) warnings.push('Scripts and other active content were removed from the HTML.')
  const body = new (JSDOMClass())(`<!doctype html><html><body>${clean}</body></html>`).window.document.body
  const writer = new BlockWriter()
  writer.walk(body, false)
  const blocks = writer.blocks
  const firstH1 = blocks.find((b) => b.kind === 'h1')?.text
  return {
    title: meta.title || firstH1 || titleFromFileName(name),
    source: meta.source ?? (name || null),
    author: meta.author,
    publishedAt: meta.publishedAt,
    format: 'html',
    blocks,
    warnings
  }
}
