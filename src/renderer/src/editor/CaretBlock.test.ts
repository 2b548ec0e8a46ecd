// The blocks the notes editor keeps rendered: those holding the selection's anchor and head.
import { describe, expect, it } from 'vitest'
import { EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state'
import { NOTE_SCHEMA } from '@core/sync/note-doc'
import { caretBlocks } from './CaretBlock'

const s = NOTE_SCHEMA
const p = (t: string) => s.node('paragraph', null, t ? [s.text(t)] : [])
// <p>One</p> <ul><li><p>Two</p></li></ul> <p>Three</p>
const doc = s.node('doc', null, [p('One'), s.node('bulletList', null, [s.node('listItem', null, [p('Two')])]), p('Three')])
const starts = [0, 5, 14]
const at = (anchor: number, head = anchor) => EditorState.create({ doc, selection: TextSelection.create(doc, anchor, head) })

describe('caretBlocks', () => {
  it('is the one top-level block holding a caret, however deep the caret is', () => {
    expect(caretBlocks(at(2))).toEqual([{ from: starts[0], to: starts[1] }])
    expect(caretBlocks(at(9))).toEqual([{ from: starts[1], to: starts[2] }])
    expect(caretBlocks(at(18))).toEqual([{ from: starts[2], to: doc.content.size }])
  })

  it('is both end blocks of a selection across blocks, in document order', () => {
    expect(caretBlocks(at(18, 2))).toEqual([
      { from: starts[0], to: starts[1] },
      { from: starts[2], to: doc.content.size }
    ])
  })

  it('is the selected block itself for a top-level node selection', () => {
    const state = EditorState.create({ doc, selection: NodeSelection.create(doc, starts[1]) })
    expect(caretBlocks(state)).toEqual([{ from: starts[1], to: starts[2] }])
  })
})
