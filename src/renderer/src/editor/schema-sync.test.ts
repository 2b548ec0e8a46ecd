// The shared-note schema in the core (NOTE_SCHEMA, used to read and check colleagues' notes) must be the schema the
// notes editor really builds from its extensions: same nodes, content rules, groups, attributes and marks.
import { getSchema } from '@tiptap/core'
import { describe, expect, it, vi } from 'vitest'
import { NOTE_SCHEMA } from '@core/sync/note-doc'
import type { Schema } from '@tiptap/pm/model'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'

vi.mock('./ParagraphRefView.vue', () => ({ default: {} }))
vi.mock('./ParagraphSuggestionList.vue', () => ({ default: {} }))
// The extensions reach the renderer's stores, whose transport needs a window; the schema needs none of it.
vi.mock('@renderer/api', () => ({ api: {}, onBeforeClose: () => () => {}, onMenuCommand: () => () => {} }))

function describeSchema(schema: Schema) {
  const attrs = (spec: Record<string, { default?: unknown }> | undefined) =>
    Object.fromEntries(Object.entries(spec ?? {}).map(([k, v]) => [k, v.default ?? null]))
  return {
    top: schema.topNodeType.name,
    nodes: Object.fromEntries(
      Object.entries(schema.nodes).map(([name, t]) => [name, { content: t.spec.content ?? '', group: t.spec.group ?? '', inline: !!t.spec.inline, attrs: attrs(t.spec.attrs as never) }])
    ),
    marks: Object.fromEntries(Object.entries(schema.marks).map(([name, t]) => [name, attrs(t.spec.attrs as never)]))
  }
}

describe('shared note schema', () => {
  it('is the notes editor’s schema', async () => {
    const { notesExtensions } = await import('./extensions')
    const editor = getSchema(notesExtensions({} as never))
    expect(describeSchema(NOTE_SCHEMA as unknown as Schema)).toEqual(describeSchema(editor))
    // A shared note's editor (with the collaboration extensions) has the same schema.
    const doc = new Y.Doc()
    const live = getSchema(notesExtensions({} as never, { doc, awareness: new Awareness(doc), user: { name: 'Ana', color: '#1d4ed8' } }))
    expect(describeSchema(live)).toEqual(describeSchema(editor))
  })
})
