// Note documents: ProseMirror/TipTap JSON. Creating, loading (with read-only fallbacks) and shape-checking.

import { GlossError } from '../errors'
import { NOTE_DOC_VERSION, type PMNode } from '../model'

/** Deepest nesting accepted in a note document. */
export const MAX_DOC_DEPTH = 200
/** Most nodes (including marks' owners and text nodes) accepted in one note document. */
export const MAX_DOC_NODES = 200_000

/** A fresh, empty note: one empty paragraph. */
export function emptyDoc(): PMNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] }
}

const NEWER_VERSION = (v: number): string =>
  `This note was written by a newer version of Gloss (format ${v}). It is shown read-only so nothing is lost.`
const DAMAGED = "This note's stored data is damaged and cannot be opened. It has not been changed."

/**
 * Parses a stored note document. A corrupt document yields doc null with a reason; a document of another
 * format version is parsed when possible but must open read-only.
 */
export function parseStoredDoc(json: string, docVersion: number): { doc: PMNode | null; readOnlyReason: string | null } {
  let parsed: PMNode | null = null
  try {
    parsed = assertNoteDoc(JSON.parse(json))
  } catch {
    parsed = null
  }
  if (docVersion !== NOTE_DOC_VERSION) {
    return { doc: parsed, readOnlyReason: NEWER_VERSION(docVersion) }
  }
  if (!parsed) return { doc: null, readOnlyReason: DAMAGED }
  return { doc: parsed, readOnlyReason: null }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Link to the enclosing element, so a path is only built when an error is reported. */
interface Trail {
  type: string
  up: Trail | null
}

function describePath(trail: Trail | null): string {
  const parts: string[] = []
  for (let t = trail; t && parts.length < 5; t = t.up) parts.unshift(t.type)
  return parts.length ? ` at ${parts.join(' > ')}` : ''
}

/**
 * Checks that `doc` has the shape of a ProseMirror JSON document (type strings, content arrays, text strings,
 * attrs objects, marks arrays) within size limits, and returns it typed. Throws GlossError('invalid_input').
 */
export function assertNoteDoc(doc: unknown): PMNode {
  const fail = (msg: string): never => {
    throw new GlossError('invalid_input', `The note could not be saved: ${msg}.`)
  }
  if (!isPlainObject(doc)) fail('the document is not an object')
  if ((doc as Record<string, unknown>).type !== 'doc') fail('the document must have type "doc"')

  let count = 0
  // Iterative walk so a hostile, deeply nested document cannot overflow the stack before the depth check.
  const stack: { node: unknown; depth: number; path: Trail | null }[] = [{ node: doc, depth: 0, path: null }]
  while (stack.length) {
    const { node, depth, path } = stack.pop()!
    if (depth > MAX_DOC_DEPTH) fail(`the document is nested more than ${MAX_DOC_DEPTH} levels deep`)
    if (++count > MAX_DOC_NODES) fail(`the document has more than ${MAX_DOC_NODES.toLocaleString('en-US')} elements`)
    if (!isPlainObject(node)) fail(`an element is not an object${describePath(path)}`)
    const n = node as Record<string, unknown>
    if (typeof n.type !== 'string' || n.type === '') fail(`an element has no type${describePath(path)}`)
    const here: Trail = { type: n.type as string, up: path }
    if (n.text !== undefined && typeof n.text !== 'string') fail(`a text element has non-text content${describePath(here)}`)
    if (n.type === 'text' && typeof n.text !== 'string') fail(`a text element has no text${describePath(here)}`)
    if (n.attrs !== undefined && n.attrs !== null && !isPlainObject(n.attrs)) fail(`attributes must be an object${describePath(here)}`)
    if (n.marks !== undefined) {
      if (!Array.isArray(n.marks)) fail(`marks must be a list${describePath(here)}`)
      for (const m of n.marks as unknown[]) {
        if (!isPlainObject(m) || typeof m.type !== 'string') fail(`a text style has no type${describePath(here)}`)
        const ma = (m as Record<string, unknown>).attrs
        if (ma !== undefined && ma !== null && !isPlainObject(ma)) fail(`text style attributes must be an object${describePath(here)}`)
      }
    }
    if (n.content !== undefined) {
      if (!Array.isArray(n.content)) fail(`content must be a list${describePath(here)}`)
      const content = n.content as unknown[]
      for (let i = content.length - 1; i >= 0; i--) stack.push({ node: content[i], depth: depth + 1, path: here })
    }
  }
  return doc as PMNode
}
