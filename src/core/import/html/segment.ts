// HTML (already sanitised) -> blocks: headings, paragraphs, list items, quotes, code blocks, table rows, figures and
// captions, each with its inline formatting. Every HTML-based format (web pages, Markdown, EPUB chapters, Word) ends
// here, so the reader and the reports see the same structure whatever the source.
import { CELL_SEPARATOR, type InlineMark, type InlineMarkType, type ParagraphKind } from '../../model'
import { normalizePre } from '../../paragraphs'
import type { Block } from '../types'
import { childList, elementChildren, isElement, TEXT_NODE, type DomElement, type DomNode } from './dom'
import { InlineText } from './inline'

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Never text a reader wants (what the sanitiser left of them, or markup without prose). */
const SKIP = new Set([
  'script', 'style', 'template', 'noscript', 'head', 'title', 'button', 'svg', 'math', 'select', 'option', 'form',
  'input', 'textarea', 'dialog', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'map', 'source', 'track',
  'nav', 'meta', 'link'
])

/** Elements laid out as blocks: their content never runs into the text around them. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'body', 'html', 'figure', 'figcaption',
  'details', 'summary', 'dl', 'dt', 'dd', 'address', 'center', 'hgroup', 'fieldset', 'legend', 'search', 'caption',
  'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'hr', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'picture', 'menu', 'dir', 'listing', 'xmp', 'plaintext'
])

const MARKS: Record<string, InlineMarkType> = {
  em: 'em', i: 'em', cite: 'em', dfn: 'em', var: 'em',
  strong: 'strong', b: 'strong',
  code: 'code', kbd: 'code', samp: 'code', tt: 'code',
  sub: 'sub', sup: 'sup',
  del: 'del', s: 'del', strike: 'del'
}

const BLOCK_DESCENDANTS = new Set([
  'p', 'div', 'section', 'article', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'figure',
  'dl', 'hr', 'main', 'header', 'footer', 'aside'
])

export interface SegmentOptions {
  /** Address the HTML came from, to resolve relative links (links that cannot be resolved lose their address). */
  baseUrl?: string | null
}

function isSkipped(el: DomElement): boolean {
  return (
    SKIP.has(el.localName) ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    el.getAttribute('role') === 'navigation'
  )
}

/** Whether any element inside is laid out as a block (a plain walk: selector engines are slow on big pages). */
function hasBlockDescendant(el: DomElement): boolean {
  const stack: DomElement[] = []
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c)
  while (stack.length) {
    const e = stack.pop()!
    if (BLOCK_DESCENDANTS.has(e.localName)) return true
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) stack.push(c)
  }
  return false
}

/** An address a reader may follow: http(s) or mailto, absolute (resolved against the page when it is relative). */
export function safeHref(href: string | null, base?: string | null): string | null {
  const raw = href?.trim()
  if (!raw || raw.startsWith('#')) return null
  try {
    const url = base ? new URL(raw, base) : new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null
  } catch {
    return null
  }
}

function altText(img: DomElement): string {
  return (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim()
}

function childrenOf(el: DomElement, names: Set<string>): DomElement[] {
  return elementChildren(el).filter((c) => names.has(c.localName))
}

const ROW_PARENTS = new Set(['thead', 'tbody', 'tfoot'])

/** The rows of a table itself (not of tables nested in its cells), with whether each is in the <thead>. */
function tableRows(table: DomElement): { row: DomElement; inHead: boolean }[] {
  const rows: { row: DomElement; inHead: boolean }[] = []
  for (const child of elementChildren(table)) {
    if (child.localName === 'tr') rows.push({ row: child, inHead: false })
    else if (ROW_PARENTS.has(child.localName)) {
      for (const tr of childrenOf(child, new Set(['tr']))) rows.push({ row: tr, inHead: child.localName === 'thead' })
    }
  }
  return rows
}

const CELLS = new Set(['td', 'th'])

/**
 * A table used for page layout rather than data: presentational, a single row or column, or cells holding
 * paragraphs, lists or other tables. Its cells are read as ordinary blocks.
 */
function isLayoutTable(table: DomElement, rows: { row: DomElement }[]): boolean {
  const role = table.getAttribute('role')
  if (role === 'presentation' || role === 'none') return true
  if (rows.length < 2) return true
  let cells = 0
  let blocky = 0
  let maxCols = 0
  for (const { row } of rows) {
    const rowCells = childrenOf(row, CELLS)
    maxCols = Math.max(maxCols, rowCells.length)
    for (const cell of rowCells) {
      cells++
      if (cell.querySelector('table')) return true
      // One paragraph per cell is how word processors write every cell; several, or lists and headings, are layout.
      if (cell.querySelector('ul,ol,h1,h2,h3,h4,h5,h6,blockquote,pre') || cell.querySelectorAll('p').length > 1) blocky++
    }
  }
  return maxCols < 2 || blocky > cells / 2
}

class Segmenter {
  readonly blocks: Block[] = []
  private tables = 0

  constructor(private readonly opts: SegmentOptions) {}

  private push(kind: ParagraphKind, text: string, marks: InlineMark[], extra?: Partial<Block>): void {
    if (!text) return
    const block: Block = { kind, text }
    if (marks.length) block.marks = marks
    if (extra) Object.assign(block, extra)
    this.blocks.push(block)
  }

  private pushInline(kind: ParagraphKind, el: DomElement, exclude?: (e: DomElement) => boolean, extra?: Partial<Block>): boolean {
    const b = new InlineText()
    this.collect(el, b, exclude)
    const { text, marks } = b.take()
    if (!text) return false
    this.push(kind, text, marks, extra)
    return true
  }

  /** Flattens a subtree into one paragraph's text (blocks inside become word breaks). */
  collect(node: DomNode, b: InlineText, exclude?: (e: DomElement) => boolean): void {
    for (let child = node.firstChild; child; child = child.nextSibling) this.collectNode(child, b, exclude)
  }

  /** One node's share of a paragraph's text (text, a line break, an image's alt text, formatting around its text). */
  private collectNode(child: DomNode, b: InlineText, exclude?: (e: DomElement) => boolean): void {
    if (child.nodeType === TEXT_NODE) {
      b.add(child.nodeValue ?? '')
      return
    }
    if (!isElement(child)) return
    const tag = child.localName
    if (isSkipped(child) || (exclude && exclude(child))) return
    if (tag === 'br') {
      b.space()
      return
    }
    if (tag === 'img') {
      // An image inside a sentence reads as its alt text (images are never downloaded).
      const alt = altText(child)
      if (alt) b.add(` ${alt} `)
      return
    }
    if (BLOCKS.has(tag)) {
      b.space()
      this.collect(child, b, exclude)
      b.space()
      return
    }
    if (tag === 'q') {
      b.add('“')
      this.collect(child, b, exclude)
      b.add('”')
      return
    }
    const type = tag === 'a' ? 'link' : MARKS[tag]
    const href = type === 'link' ? safeHref(child.getAttribute('href'), this.opts.baseUrl) : null
    if (!type || (type === 'link' && !href)) {
      this.collect(child, b, exclude)
      return
    }
    const handle = b.openMark(type, href ?? undefined)
    this.collect(child, b, exclude)
    b.close(handle)
  }

  /** Walks block-level content. `quoted`: inside a <blockquote>. */
  walk(root: DomElement, quoted: boolean): void {
    const pKind: ParagraphKind = quoted ? 'blockquote' : 'p'
    let loose = new InlineText()
    let breaks = 0
    const flush = (): void => {
      const { text, marks } = loose.take()
      this.push(pKind, text, marks)
      loose = new InlineText()
      breaks = 0
    }
    for (let child = root.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const value = child.nodeValue ?? ''
        if (value.trim()) breaks = 0
        loose.add(value)
        continue
      }
      if (!isElement(child) || isSkipped(child)) continue
      const el = child
      const tag = el.localName
      if (tag === 'br') {
        // Two line breaks in a row separate paragraphs (pages written without <p>).
        if (++breaks >= 2) flush()
        else loose.space()
        continue
      }
      if (!BLOCKS.has(tag) && !hasBlockDescendant(el)) {
        breaks = 0
        if (tag === 'img') {
          flush()
          this.image(el)
        } else this.collectNode(el, loose)
        continue
      }
      flush()
      this.block(el, quoted)
    }
    flush()
  }

  private block(el: DomElement, quoted: boolean): void {
    const tag = el.localName
    const pKind: ParagraphKind = quoted ? 'blockquote' : 'p'
    if (HEADINGS.has(tag)) {
      this.pushInline(quoted ? 'blockquote' : (tag as ParagraphKind), el)
    } else if (tag === 'p' || tag === 'dt' || tag === 'dd' || tag === 'summary' || tag === 'legend' || tag === 'address') {
      if (hasBlockDescendant(el)) this.walk(el, quoted)
      // A paragraph holding only pictures is a figure (read by its alt text).
      else if (!(el.textContent ?? '').trim() && el.querySelector('img')) this.imagesOf(el)
      else this.pushInline(pKind, el)
    } else if (tag === 'pre' || tag === 'listing' || tag === 'xmp' || tag === 'plaintext') {
      this.pre(el)
    } else if (tag === 'ul' || tag === 'ol' || tag === 'menu' || tag === 'dir') {
      this.list(el)
    } else if (tag === 'li') {
      this.item(el, 'ul')
    } else if (tag === 'blockquote') {
      this.walk(el, true)
    } else if (tag === 'table') {
      this.table(el, quoted)
    } else if (tag === 'figure') {
      this.figure(el, quoted)
    } else if (tag === 'figcaption' || tag === 'caption') {
      this.pushInline('figcaption', el)
    } else if (tag === 'hr') {
      // A thematic break: nothing to read.
    } else if (tag === 'img') {
      this.image(el)
    } else {
      this.walk(el, quoted)
    }
  }

  private image(img: DomElement, caption?: string): void {
    const alt = altText(img)
    if (alt && alt !== caption) this.push('figure', alt, [])
  }

  private imagesOf(el: DomElement): void {
    const imgs = el.querySelectorAll('img')
    for (let i = 0; i < imgs.length; i++) this.image(imgs[i])
  }

  private pre(el: DomElement): void {
    let text = ''
    const walk = (node: DomNode): void => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === TEXT_NODE) text += c.nodeValue ?? ''
        else if (isElement(c) && !isSkipped(c)) {
          if (c.localName === 'br') text += '\n'
          else walk(c)
        }
      }
    }
    walk(el)
    const clean = normalizePre(text)
    if (clean) this.push('pre', clean, [])
  }

  private list(listEl: DomElement): void {
    const kind = listEl.localName === 'ol' ? 'ol' : 'ul'
    for (const el of elementChildren(listEl)) {
      if (isSkipped(el)) continue
      if (el.localName === 'li') this.item(el, kind)
      else if (el.localName === 'ul' || el.localName === 'ol') this.list(el)
      else this.block(el, false)
    }
  }

  private item(li: DomElement, kind: 'ul' | 'ol'): void {
    // A list item's own text; lists, tables and code blocks nested in it follow as blocks of their own.
    const nested = Array.from(li.querySelectorAll(':scope > ul, :scope > ol, :scope > * > ul, :scope > * > ol, :scope > table, :scope > pre'))
    const own = new Set(nested)
    this.pushInline('li', li, (e) => own.has(e), { list: kind })
    for (const n of nested) {
      if (n.localName === 'table') this.table(n, false)
      else if (n.localName === 'pre') this.pre(n)
      else this.list(n)
    }
  }

  private table(table: DomElement, quoted: boolean): void {
    const rows = tableRows(table)
    if (isLayoutTable(table, rows)) {
      for (const c of childrenOf(table, new Set(['caption']))) this.pushInline('figcaption', c)
      for (const { row } of rows) for (const cell of childrenOf(row, CELLS)) this.walk(cell, quoted)
      return
    }
    const caption = childrenOf(table, new Set(['caption']))[0]
    if (caption) this.pushInline('figcaption', caption)
    const group = ++this.tables
    for (const { row, inHead } of rows) {
      const cells = childrenOf(row, CELLS)
      let text = ''
      const marks: InlineMark[] = []
      cells.forEach((cell, i) => {
        if (i > 0) text += CELL_SEPARATOR
        const b = new InlineText()
        this.collect(cell, b)
        const taken = b.take()
        for (const m of taken.marks) marks.push({ ...m, start: m.start + text.length, end: m.end + text.length })
        text += taken.text
      })
      if (!text.replaceAll(CELL_SEPARATOR, '').trim()) continue
      const header = inHead || cells.every((c) => c.localName === 'th')
      this.push('tr', text, marks, header ? { header: true, group } : { group })
    }
  }

  private figure(fig: DomElement, quoted: boolean): void {
    const captionEl = childrenOf(fig, new Set(['figcaption']))[0]
    const b = new InlineText()
    if (captionEl) this.collect(captionEl, b)
    const caption = b.take()
    for (const child of childList(fig)) {
      if (!isElement(child) || child === captionEl || isSkipped(child)) continue
      if (child.localName === 'img') this.image(child, caption.text)
      else if (child.localName === 'picture' || (!hasBlockDescendant(child) && child.querySelector('img'))) {
        const imgs = child.querySelectorAll('img')
        for (let k = 0; k < imgs.length; k++) this.image(imgs[k], caption.text)
      } else this.block(child, quoted)
    }
    this.push('figcaption', caption.text, caption.marks)
  }
}

/** Segments sanitised HTML into blocks. */
export function segmentHtml(root: DomElement, opts: SegmentOptions = {}): Block[] {
  const s = new Segmenter(opts)
  s.walk(root, false)
  return s.blocks
}
