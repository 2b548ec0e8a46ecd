// A shared note as a Yjs document: TipTap's XML fragment (field 'default', as @tiptap/extension-collaboration keeps
// it), converted with y-prosemirror's own utilities against the notes editor's schema. NOTE_SCHEMA is the schema
// TipTap builds from the notes editor's extensions (StarterKit without code, headings 1–3, task lists, the paragraph
// reference chip): note-doc.test.ts compares the two, so they cannot drift apart.
//
// A note document from a colleague is checked as strictly as a save from the editor, and more: the shape and size
// limits of assertNoteDoc, then every node and mark must be one the schema knows, in a place the schema allows, with
// attributes of the right kind, and links may only point to http(s) or mailto addresses.
import { Schema, type Node as PMNodeObject } from 'prosemirror-model'
import * as Y from 'yjs'
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror'
import { isGlossError } from '../errors'
import { MAX_ID, MAX_IMPORT_BYTES } from '../limits'
import { PARAGRAPH_REF_NODE, type PMNode } from '../model'
import { assertNoteDoc } from '../notes/doc'
import { NOTE_FIELD } from './names'
import { linkAddress, type Checked } from './records'

const block = 'block'
export const NOTE_SCHEMA = new Schema({
  topNode: 'doc',
  nodes: {
    doc: { content: 'block+' },
    paragraph: { content: 'inline*', group: block },
    blockquote: { content: 'block+', group: block, defining: true },
    bulletList: { content: 'listItem+', group: 'block list' },
    orderedList: { content: 'listItem+', group: 'block list', attrs: { start: { default: 1 }, type: { default: null } } },
    listItem: { content: 'paragraph block*', defining: true },
    taskList: { content: 'taskItem+', group: 'block list' },
    taskItem: { content: 'paragraph block*', defining: true, attrs: { checked: { default: false } } },
    heading: { content: 'inline*', group: block, defining: true, attrs: { level: { default: 1 } } },
    horizontalRule: { group: block },
    text: { group: 'inline' },
    hardBreak: { group: 'inline', inline: true },
    [PARAGRAPH_REF_NODE]: {
      group: 'inline',
      inline: true,
      atom: true,
      attrs: { articleId: { default: '' }, paragraphId: { default: '' }, quote: { default: '' }, label: { default: '' } }
    }
  },
  marks: {
    link: {
      inclusive: true,
      attrs: { href: { default: null }, target: { default: '_blank' }, rel: { default: 'noopener noreferrer nofollow' }, class: { default: null }, title: { default: null } }
    },
    bold: {},
    italic: {},
    strike: {},
    underline: {}
  }
})

/** Longest text a note may hold (all its text nodes together): no more than one import. */
export const MAX_NOTE_TEXT = MAX_IMPORT_BYTES
const MAX_REF_QUOTE = 20_000
const MAX_REF_LABEL = 40
const MAX_LINK_TITLE = 1000

const isString = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max
const nullOr = (v: unknown, max: number): boolean => v === null || v === undefined || isString(v, max)

/** Attribute rules per node and mark type: the reason an attribute set is refused, or null. */
function badAttrs(node: PMNodeObject): string | null {
  const a = node.attrs
  switch (node.type.name) {
    case 'heading':
      return [1, 2, 3].includes(a.level as number) ? null : 'a heading level must be 1, 2 or 3'
    case 'orderedList':
      if (!Number.isInteger(a.start) || (a.start as number) < 0 || (a.start as number) > 1e6) return 'a numbered list must start at a whole number'
      return a.type === null || (typeof a.type === 'string' && /^[1aAiI]$/.test(a.type)) ? null : 'a numbered list has an unknown numbering'
    case 'taskItem':
      return typeof a.checked === 'boolean' ? null : 'a task must be checked or not'
    case PARAGRAPH_REF_NODE:
      if (!isString(a.articleId, MAX_ID) || !isString(a.paragraphId, MAX_ID)) return 'a citation names no paragraph'
      if (!isString(a.quote, MAX_REF_QUOTE) || !isString(a.label, MAX_REF_LABEL)) return 'a citation has an oversized quote or label'
      return null
  }
  for (const m of node.marks) {
    if (m.type.name !== 'link') continue
    const href = m.attrs.href
    if (typeof href !== 'string' || href.length > 2048 || linkAddress(href) === null) return 'a link must point to an http(s) or mailto address'
    if (!nullOr(m.attrs.title, MAX_LINK_TITLE) || !nullOr(m.attrs.class, 100) || !nullOr(m.attrs.target, 20) || !nullOr(m.attrs.rel, 100)) {
      return 'a link has an oversized attribute'
    }
  }
  return null
}

/**
 * Checks a note document strictly (see the top of this file) and returns it in the schema's canonical JSON (every
 * attribute present, as TipTap's getJSON() gives it), or the reason it is refused.
 */
export function checkNoteDoc(json: unknown): Checked<PMNode> {
  try {
    assertNoteDoc(json)
  } catch (error) {
    if (!isGlossError(error)) throw error
    return { ok: false, reason: error.message.replace(/^The note could not be saved: /, '').replace(/\.$/, '') }
  }
  let node: PMNodeObject
  try {
    node = NOTE_SCHEMA.nodeFromJSON(json)
    node.check()
  } catch (error) {
    return { ok: false, reason: `the document does not fit the notes schema (${(error as Error).message.slice(0, 200)})` }
  }
  let reason: string | null = null
  let textLength = 0
  node.descendants((n) => {
    if (reason) return false
    if (n.isText) textLength += n.text!.length
    reason = badAttrs(n)
    return true
  })
  if (!reason && textLength > MAX_NOTE_TEXT) reason = `the note is longer than ${MAX_NOTE_TEXT.toLocaleString('en-US')} characters`
  if (reason) return { ok: false, reason }
  return { ok: true, value: node.toJSON() as PMNode }
}

export function noteFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(NOTE_FIELD)
}

/**
 * Makes the note document say `json` with the fewest changes (y-prosemirror's updateYFragment, what the editor
 * binding does on every keystroke): text others added elsewhere in the note stays. `json` must pass checkNoteDoc.
 */
export function writeNoteDoc(doc: Y.Doc, json: PMNode, origin?: unknown): void {
  const node = NOTE_SCHEMA.nodeFromJSON(json)
  doc.transact(() => updateYFragment(doc, noteFragment(doc), node, { mapping: new Map(), isOMark: new Map() }), origin)
}

/** The note document as ProseMirror JSON, checked (checkNoteDoc); an empty fragment reads as an empty note. */
export function readNoteDoc(doc: Y.Doc): Checked<PMNode> {
  const fragment = noteFragment(doc)
  if (fragment.length === 0) return checkNoteDoc({ type: 'doc', content: [{ type: 'paragraph' }] })
  for (const [name] of doc.share) {
    if (name !== NOTE_FIELD) return { ok: false, reason: `the note document holds something else besides the note ("${name.slice(0, 40)}")` }
  }
  let json: unknown
  try {
    json = yXmlFragmentToProsemirrorJSON(fragment)
  } catch (error) {
    return { ok: false, reason: `the note document cannot be read (${(error as Error).message.slice(0, 200)})` }
  }
  return checkNoteDoc(json)
}
