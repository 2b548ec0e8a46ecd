// Zip containers (EPUB, Word): unzipped with fflate, with limits that stop a zip bomb before it is inflated.
import { unzipSync, type Unzipped } from 'fflate'
import { GlossError } from '../../errors'
import { formatBytes } from '../decode'
import { isElement, type DomDocument, type DomElement, type DomNode } from '../html/dom'

/** Most bytes a container may inflate to, and most entries it may hold. */
export const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
export const MAX_ZIP_ENTRIES = 20_000

/** Unzips a container, refusing one that is damaged or would inflate past the limits. `what` names it ("This EPUB"). */
export function unzip(bytes: Uint8Array, what: string): Unzipped {
  let total = 0
  let entries = 0
  let files: Unzipped
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries++
        total += file.originalSize
        if (entries > MAX_ZIP_ENTRIES) throw new GlossError('import_rejected', `${what} holds more than ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} files, so it was not imported.`)
        if (total > MAX_UNZIPPED_BYTES) {
          throw new GlossError('import_rejected', `${what} unpacks to more than ${formatBytes(MAX_UNZIPPED_BYTES)}, so it was not imported.`)
        }
        return !file.name.endsWith('/')
      }
    })
  } catch (error) {
    if (error instanceof GlossError) throw error
    throw new GlossError('import_rejected', `${what} is damaged (its zip container cannot be read), so it was not imported.`)
  }
  return files
}

/** A file of the container as text (UTF-8, BOM dropped), or null when it is missing. Paths are matched exactly. */
export function entryText(files: Unzipped, path: string): string | null {
  const bytes = files[path] ?? files[decodeURIComponent(path)]
  return bytes ? new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') : null
}

/** Resolves a path inside the container relative to the file it appears in ("OEBPS/content.opf" + "ch1.xhtml"). */
export function resolvePath(from: string, href: string): string {
  const clean = href.split('#')[0]
  const parts = (clean.startsWith('/') ? clean.slice(1) : `${from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : ''}${clean}`).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p && p !== '.') out.push(p)
  }
  return out.join('/')
}

// ---- XML helpers (namespace prefixes vary between producers: match on local names) ----

/** Every element under `root` with this local name (any namespace prefix), in document order. */
export function elementsNamed(root: DomNode, name: string): DomElement[] {
  const out: DomElement[] = []
  const walk = (node: DomNode): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue
      const local = c.localName.includes(':') ? c.localName.slice(c.localName.indexOf(':') + 1) : c.localName
      if (local.toLowerCase() === name.toLowerCase()) out.push(c)
      walk(c)
    }
  }
  walk(root)
  return out
}

export const textOf = (el: DomElement | undefined | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()

export function firstText(doc: DomDocument, name: string): string | null {
  return textOf(elementsNamed(doc, name)[0]) || null
}
