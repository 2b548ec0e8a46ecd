// Limits that keep a hostile or broken page from stalling an import. HTML parsers slow down badly on very deep
// nesting (jsdom needs ~10 s for 10,000 nested <div>s), so the markup is scanned before it is parsed: one linear
// pass over the tags, no DOM.
import { GlossError } from '../../errors'

/** Deepest nesting Gloss reads. Real pages stay under ~60 levels. */
export const MAX_HTML_DEPTH = 1000
/** Most elements Gloss reads in one page (a 100,000-word article has ~10,000). */
export const MAX_HTML_ELEMENTS = 400_000

/** Elements without an end tag. */
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'command', 'basefont', 'bgsound', 'frame', 'image', 'isindex', 'nextid', 'spacer'
])
/** Elements whose end tag may be left out (the parser closes them itself): they do not deepen the estimate. */
const OPTIONAL_END = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'rb', 'rt',
  'rp', 'rtc', 'caption', 'html', 'head', 'body'
])
/** Elements whose content is raw text: tags inside them are not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'])

export interface HtmlScan {
  /** Nesting depth as a parser would build it (an estimate that never undercounts unclosed elements). */
  depth: number
  /** Start tags seen. */
  elements: number
}

/** One pass over the markup: the nesting depth and the number of elements, without building a tree. */
export function scanHtml(html: string): HtmlScan {
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(\/?)>|<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>/g
  const open: string[] = []
  let depth = 0
  let elements = 0
  let m: RegExpExecArray | null
  while ((m = tag.exec(html)) !== null) {
    const name = m[2]?.toLowerCase()
    if (!name) continue
    if (m[1]) {
      // An end tag closes the nearest open element of that name (and anything left open inside it).
      const at = open.lastIndexOf(name)
      if (at >= 0) open.length = at
      continue
    }
    elements++
    if (VOID.has(name) || m[3] || OPTIONAL_END.has(name)) continue
    if (RAW_TEXT.has(name)) {
      // Skip to the end tag: nothing inside is markup.
      const close = new RegExp(`</${name}`, 'ig')
      close.lastIndex = tag.lastIndex
      if (!close.exec(html)) break
      tag.lastIndex = close.lastIndex - name.length - 2
      continue
    }
    open.push(name)
    if (open.length > depth) depth = open.length
  }
  return { depth, elements }
}

/** Throws a clear import error when a page is beyond what Gloss reads; returns the scan otherwise. */
export function checkHtmlLimits(html: string, what = 'This page'): HtmlScan {
  const scan = scanHtml(html)
  const { depth, elements } = scan
  if (depth > MAX_HTML_DEPTH) {
    throw new GlossError(
      'import_rejected',
      `${what} is nested ${depth.toLocaleString('en-US')} levels deep; Gloss reads pages nested at most ` +
        `${MAX_HTML_DEPTH.toLocaleString('en-US')} levels, so it was not imported.`
    )
  }
  if (elements > MAX_HTML_ELEMENTS) {
    throw new GlossError(
      'import_rejected',
      `${what} has ${elements.toLocaleString('en-US')} elements; Gloss reads pages of at most ` +
        `${MAX_HTML_ELEMENTS.toLocaleString('en-US')}, so it was not imported.`
    )
  }
  return scan
}
