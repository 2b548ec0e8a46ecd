import { describe, expect, it } from 'vitest'
import { GlossError } from '../errors'
import { NOTE_DOC_VERSION, type PMNode } from '../model'
import { assertNoteDoc, emptyDoc, parseStoredDoc } from './doc'

describe('emptyDoc', () => {
  it('is a doc with one empty paragraph, fresh each time', () => {
    const a = emptyDoc()
    expect(a).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
    a.content!.push({ type: 'paragraph' })
    expect(emptyDoc().content).toHaveLength(1)
  })
})

describe('parseStoredDoc', () => {
  const stored = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] }

  it('parses a current-version document as editable', () => {
    expect(parseStoredDoc(JSON.stringify(stored), NOTE_DOC_VERSION)).toEqual({ doc: stored, readOnlyReason: null })
  })

  it('opens a newer format read-only but still shows it', () => {
    const r = parseStoredDoc(JSON.stringify(stored), NOTE_DOC_VERSION + 1)
    expect(r.doc).toEqual(stored)
    expect(r.readOnlyReason).toBe(
      `This note was written by a newer version of Gloss (format ${NOTE_DOC_VERSION + 1}). It is shown read-only so nothing is lost.`
    )
  })

  it('reports corrupt JSON as damaged', () => {
    for (const bad of ['{"type":"doc",', '', 'null', '[1,2]', '{"type":"paragraph"}']) {
      const r = parseStoredDoc(bad, NOTE_DOC_VERSION)
      expect(r.doc).toBeNull()
      expect(r.readOnlyReason).toBe("This note's stored data is damaged and cannot be opened. It has not been changed.")
    }
  })
})

describe('assertNoteDoc', () => {
  const bad = (doc: unknown): string => {
    try {
      assertNoteDoc(doc)
    } catch (e) {
      expect(e).toBeInstanceOf(GlossError)
      expect((e as GlossError).code).toBe('invalid_input')
      return (e as Error).message
    }
    throw new Error('expected a rejection')
  }

  it('accepts a realistic TipTap document', () => {
    const d: PMNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title', marks: [{ type: 'bold' }] }] },
        { type: 'paragraph', content: [{ type: 'paragraphRef', attrs: { articleId: 'a', paragraphId: 'p1', quote: '', label: '1' } }] }
      ]
    }
    expect(assertNoteDoc(d)).toBe(d)
  })

  it('rejects wrong shapes with a specific message', () => {
    expect(bad(null)).toMatch(/not an object/)
    expect(bad({ type: 'paragraph' })).toMatch(/type "doc"/)
    expect(bad({ type: 'doc', content: 'x' })).toMatch(/content must be a list/)
    expect(bad({ type: 'doc', content: [{ type: 3 }] })).toMatch(/no type/)
    expect(bad({ type: 'doc', content: [{ type: 'text', text: 5 }] })).toMatch(/non-text/)
    expect(bad({ type: 'doc', content: [{ type: 'text' }] })).toMatch(/no text/)
    expect(bad({ type: 'doc', content: [{ type: 'paragraph', attrs: [] }] })).toMatch(/attributes/)
    expect(bad({ type: 'doc', content: [{ type: 'text', text: 'a', marks: [{}] }] })).toMatch(/style/)
  })

  it('rejects documents nested too deeply without overflowing the stack', () => {
    let node: PMNode = { type: 'paragraph' }
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] }
    expect(bad({ type: 'doc', content: [node] })).toMatch(/nested more than 200/)
  })

  it('rejects documents with too many nodes', () => {
    const content = Array.from({ length: 200_001 }, () => ({ type: 'horizontalRule' }))
    expect(bad({ type: 'doc', content })).toMatch(/more than 200,000/)
  })
})
