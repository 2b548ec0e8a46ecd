// The little of the DOM that the extraction rules use. The core never builds a DOM itself: the shell hands it
// documents parsed by jsdom (src/main/import), whose nodes satisfy these interfaces structurally.

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export interface DomNode {
  readonly nodeType: number
  readonly nodeValue: string | null
  readonly textContent: string | null
  readonly childNodes: ArrayLike<DomNode>
  readonly parentNode: DomNode | null
  /** Walk children with these: indexing a live NodeList is slow in jsdom on large pages. */
  readonly firstChild: DomNode | null
  readonly nextSibling: DomNode | null
}

export interface DomElement extends DomNode {
  /** Lower-case tag name ("p", "div"). */
  readonly localName: string
  readonly children: ArrayLike<DomElement>
  readonly firstElementChild: DomElement | null
  readonly nextElementSibling: DomElement | null
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  /** Takes the element out of its parent. */
  remove(): void
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null
  readonly head: DomElement | null
  readonly body: DomElement | null
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  cloneNode(deep: boolean): DomDocument
}

/** What the shell supplies to read HTML: a parser (jsdom: no scripts, no network) and a sanitiser (DOMPurify). */
export interface HtmlEnv {
  /** Parses a whole document. `url` is its address (for resolving relative links), when known. */
  parseDocument(html: string, url?: string | null): DomDocument
  /**
   * Removes active and unsafe content (scripts, styles, frames, forms, event handlers, javascript: URLs…) from an HTML
   * fragment and returns a container element holding what is left.
   */
  sanitize(html: string): DomElement
  /** Parses an XML document (EPUB packages, Word properties). Throws on malformed XML. */
  parseXml(xml: string): DomDocument
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}

/** A node's children, in order (read through sibling links: fast on large jsdom trees). */
export function childList(node: DomNode): DomNode[] {
  const out: DomNode[] = []
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c)
  return out
}

/** An element's child elements, in order. */
export function elementChildren(el: DomElement): DomElement[] {
  const out: DomElement[] = []
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c)
  return out
}

/** Depth and element count of a tree, without recursion (a hostile page may nest thousands of levels). */
export function measureTree(root: DomElement): { depth: number; elements: number } {
  let depth = 0
  let elements = 0
  const stack: [DomElement, number][] = [[root, 1]]
  while (stack.length) {
    const [el, d] = stack.pop()!
    elements++
    if (d > depth) depth = d
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1])
  }
  return { depth, elements }
}
