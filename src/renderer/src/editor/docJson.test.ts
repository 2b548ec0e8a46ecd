import { describe, expect, it } from 'vitest'
import { Schema } from '@tiptap/pm/model'
import { docToJSON } from './docJson'

const schema = new Schema({
  nodes: {
    doc: { content: 'block*' },
    paragraph: { group: 'block', content: 'inline*' },
    heading: { group: 'block', content: 'inline*', attrs: { level: { default: 1 } } },
    text: { group: 'inline' }
  },
  marks: { bold: {} }
})
const p = (text: string) => schema.node('paragraph', null, text ? [schema.text(text)] : [])

describe('docToJSON', () => {
  it('gives what doc.toJSON() gives, marks and attributes included', () => {
    const doc = schema.node('doc', null, [
      schema.node('heading', { level: 2 }, [schema.text('Title')]),
      schema.node('paragraph', null, [schema.text('plain '), schema.text('bold', [schema.mark('bold')])]),
      p('')
    ])
    expect(docToJSON(doc)).toEqual(doc.toJSON())
    expect(docToJSON(schema.node('doc', null, []))).toEqual(schema.node('doc', null, []).toJSON())
  })

  it('serialises again only the blocks an edit replaced', () => {
    const doc = schema.node('doc', null, [p('one'), p('two'), p('three')])
    const first = docToJSON(doc) as { content: unknown[] }
    const edited = doc.copy(doc.content.replaceChild(1, p('two, edited')))
    const second = docToJSON(edited) as { content: unknown[] }
    expect(second).toEqual(edited.toJSON())
    expect(second.content[0]).toBe(first.content[0])
    expect(second.content[2]).toBe(first.content[2])
    expect(second.content[1]).not.toBe(first.content[1])
  })
})
