import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { PMNode } from '../model'
import { checkNoteDoc, NOTE_SCHEMA, readNoteDoc, writeNoteDoc } from './note-doc'

const para = (text: string): PMNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })
const doc = (...content: PMNode[]): PMNode => ({ type: 'doc', content })
const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}
const text = (d: Y.Doc): string => JSON.stringify((readNoteDoc(d) as { value: PMNode }).value)

const rich: PMNode = doc(
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Assessment' }] },
  {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Leaders ', marks: [{ type: 'bold' }] },
      { type: 'text', text: 'met', marks: [{ type: 'link', attrs: { href: 'https://example.org/', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }] },
      { type: 'text', text: ' ' },
      { type: 'paragraphRef', attrs: { articleId: 'A', paragraphId: 'p-00000000002', quote: 'Leaders met', label: '2' } },
      { type: 'hardBreak' }
    ]
  },
  { type: 'bulletList', content: [{ type: 'listItem', content: [para('one')] }] },
  { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [para('check ¶2')] }] },
  { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [para('three')] }] },
  { type: 'blockquote', content: [para('quoted')] },
  { type: 'horizontalRule' }
)

describe('note documents', () => {
  it('goes into TipTap’s XML fragment and comes back the same (every node type of the notes editor)', () => {
    const canonical = (checkNoteDoc(rich) as { ok: true; value: PMNode }).value
    const y = new Y.Doc()
    writeNoteDoc(y, canonical)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(y))
    expect(readNoteDoc(copy)).toEqual({ ok: true, value: canonical })
    expect(copy.getXmlFragment('default').length).toBe(7)
  })

  it('an empty document reads as an empty note', () => {
    expect(readNoteDoc(new Y.Doc())).toEqual({ ok: true, value: doc({ type: 'paragraph' }) })
  })

  it('two members typing at once in one paragraph end with the same note holding both texts', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    writeNoteDoc(a, doc(para('The summit ended.')))
    sync(a, b)
    writeNoteDoc(a, doc(para('Alpha: The summit ended.')))
    writeNoteDoc(b, doc(para('The summit ended. Beta.')))
    sync(a, b)
    expect(text(a)).toBe(text(b))
    expect(text(a)).toContain('Alpha: The summit ended. Beta.')
  })

  it('refuses unknown nodes, misplaced content, bad attributes, script links and oversized text', () => {
    const reason = (d: unknown): string => {
      const r = checkNoteDoc(d)
      return r.ok ? 'accepted' : r.reason
    }
    expect(reason(doc({ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }))).toMatch(/schema/)
    expect(reason(doc({ type: 'text', text: 'loose text' }))).toMatch(/schema/)
    expect(reason(doc({ type: 'heading', attrs: { level: 9 }, content: [] }))).toMatch(/heading level/)
    expect(reason(doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }))).toMatch(/http/)
    expect(reason(doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'onclick' }] }] }))).toMatch(/schema/)
    expect(reason(doc({ type: 'paragraph', content: [{ type: 'paragraphRef', attrs: { articleId: 5 } }] }))).toMatch(/citation/)
    expect(reason(doc(para('x'.repeat(21 * 1024 * 1024))))).toMatch(/longer than/)
    expect(reason({ type: 'doc', content: 'nope' })).toMatch(/content must be a list/)
  })

  it('refuses a note document that holds anything besides the note', () => {
    const y = new Y.Doc()
    writeNoteDoc(y, doc(para('fine')))
    y.getMap('evil').set('x', 1)
    expect(readNoteDoc(y)).toMatchObject({ ok: false, reason: expect.stringMatching(/something else/) })
  })

  it('has the node and mark types of the editor', () => {
    expect(Object.keys(NOTE_SCHEMA.nodes).sort()).toEqual(
      ['blockquote', 'bulletList', 'doc', 'hardBreak', 'heading', 'horizontalRule', 'listItem', 'orderedList', 'paragraph', 'paragraphRef', 'taskItem', 'taskList', 'text'].sort()
    )
  })
})
