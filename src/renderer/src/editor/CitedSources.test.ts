// Which edits make the notes editor read again which sources a note cites: any that may add, remove or change a
// reference chip, and no keystroke of plain text.
import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { NOTE_SCHEMA } from '@core/sync/note-doc'
import { mayChangeRefs } from './CitedSources'

const s = NOTE_SCHEMA
const ref = (articleId: string) => s.nodes.paragraphRef.create({ articleId, paragraphId: 'p1', quote: '', label: '3' })
// <p>Before [ref] after</p><p>Second block</p>
const doc = s.node('doc', null, [s.node('paragraph', null, [s.text('Before '), ref('a1'), s.text(' after')]), s.node('paragraph', null, [s.text('Second block')])])
const state = EditorState.create({ doc })
const refPos = 1 + 'Before '.length

describe('mayChangeRefs', () => {
  it('is false for typed and deleted text, beside a chip too', () => {
    expect(mayChangeRefs(state.tr.insertText('x', 3))).toBe(false)
    expect(mayChangeRefs(state.tr.insertText('x', refPos + 1))).toBe(false)
    expect(mayChangeRefs(state.tr.delete(2, 5))).toBe(false)
    expect(mayChangeRefs(state.tr.delete(refPos + 2, refPos + 5))).toBe(false)
    expect(mayChangeRefs(state.tr.setSelection(TextSelection.create(doc, 4)))).toBe(false)
    // Enter: a split block.
    expect(mayChangeRefs(state.tr.split(4))).toBe(false)
  })

  it('is true when a chip is inserted, deleted, replaced or changed', () => {
    expect(mayChangeRefs(state.tr.insert(3, ref('b2')))).toBe(true)
    expect(mayChangeRefs(state.tr.delete(refPos, refPos + 1))).toBe(true)
    expect(mayChangeRefs(state.tr.delete(2, refPos + 3))).toBe(true)
    expect(mayChangeRefs(state.tr.replaceWith(refPos, refPos + 1, s.text('x')))).toBe(true)
    expect(mayChangeRefs(state.tr.setNodeMarkup(refPos, undefined, { ...ref('c3').attrs }))).toBe(true)
    expect(mayChangeRefs(state.tr.setNodeAttribute(refPos, 'articleId', 'd4'))).toBe(true)
  })
})
