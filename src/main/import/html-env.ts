// The HTML environment the core's extraction rules run on: jsdom parses (no scripts run, nothing is fetched) and
// DOMPurify sanitises. Lives in the import worker.
import type { DomDocument, DomElement, HtmlEnv } from '../../core/import/html/dom'
import { JSDOMClass } from './jsdom-lazy'
import { sanitizeToDom } from './sanitize'

function documentUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

export const jsdomEnv: HtmlEnv = {
  parseDocument(html, url) {
    // No runScripts and no resources: jsdom neither executes nor loads anything from the page.
    const dom = new (JSDOMClass())(html, { url: documentUrl(url), contentType: 'text/html' })
    return dom.window.document as unknown as DomDocument
  },
  sanitize(html) {
    return sanitizeToDom(html) as unknown as DomElement
  },
  parseXml(xml) {
    // XML mode: no scripts either; external entities and DTDs are not fetched (jsdom loads no resources).
    return new (JSDOMClass())(xml, { contentType: 'application/xml' }).window.document as unknown as DomDocument
  }
}
