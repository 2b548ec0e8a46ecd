// HTML sanitising with DOMPurify on a jsdom window (node side only). Everything imported as HTML — web pages,
// Markdown, EPUB chapters, Word documents — passes here before the segmenter reads it.
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify'
import { JSDOMClass } from './jsdom-lazy'

const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'textarea', 'select', 'base', 'link', 'meta', 'noscript', 'template', 'portal'
]
const FORBID_ATTR = ['style', 'srcdoc', 'formaction', 'action', 'ping', 'background']
const UNSAFE_URL = /^\s*(?:javascript|vbscript|data)\s*:/i
const URL_ATTRS = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'cite', 'srcset']

let purifier: DOMPurify | null = null

function getPurifier(): DOMPurify {
  if (purifier) return purifier
  const { window } = new (JSDOMClass())('')
  const p = createDOMPurify(window as unknown as WindowLike)
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element
    if (!el.attributes) return
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on')) el.removeAttribute(attr.name)
      else if (URL_ATTRS.includes(name) && UNSAFE_URL.test(attr.value.replace(/[\u0000-\u0020]/g, ''))) {
        el.removeAttribute(attr.name)
      }
    }
  })
  purifier = p
  return p
}

const OPTIONS = { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false, WHOLE_DOCUMENT: false }

/**
 * Removes active and unsafe content from HTML: script/style/iframe/object/embed/form (and similar) elements,
 * every on* event attribute, and javascript:/vbscript:/data: URLs. Returns the sanitised body HTML.
 */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, OPTIONS) as string
}

/** Like sanitizeHtml, but returns the sanitised content as a DOM (the <body> of a fresh document). */
export function sanitizeToDom(html: string): HTMLElement {
  return getPurifier().sanitize(html, { ...OPTIONS, RETURN_DOM: true }) as HTMLElement
}
