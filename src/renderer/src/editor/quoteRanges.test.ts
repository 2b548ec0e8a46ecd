// The positions core/analysis/quoteRanges computes, checked against ProseMirror's own on a schema like the editor's.
import { describe, expect, it } from 'vitest'
import { Schema, Node as PMNodeClass } from '@tiptap/pm/model'
import type { Paragraph, PMNode } from '@core/model'
import { checkNoteQuotes } from '@core/analysis/integrity'
import { quoteRanges } from '@core/analysis/quoteRanges'

// A ProseMirror schema shaped like the notes editor's (paragraphs, headings, lists, blockquotes, chips, breaks), so
// the positions can be checked against ProseMirror's own.
const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    heading: { group: 'block', content: 'inline*', attrs: { level: { default: 1 } } },
    blockquote: { group: 'block', content: 'block+' },
    bulletList: { group: 'block', content: 'listItem+' },
    listItem: { content: 'paragraph block*' },
    text: { group: 'inline' },
    hardBreak: { group: 'inline', inline: true },
    paragraphRef: { group: 'inline', inline: true, atom: true, attrs: { articleId: { default: '' }, paragraphId: { default: '' }, quote: { default: '' }, label: { default: '' } } }
  },
  marks: { bold: {} }
})

const P = (id: string, index: number, text: string): Paragraph => ({ id, index, text, kind: 'p' }) as Paragraph
const SOURCE = [P('p1', 0, 'The minister said the talks had failed and would not resume.'), P('p2', 1, 'Exports of wheat rose in February.')]
const chip = (pid: string, label: string): PMNode => ({ type: 'paragraphRef', attrs: { articleId: 'a', paragraphId: pid, quote: '', label } })
const t = (text: string, bold = false): PMNode => (bold ? { type: 'text', text, marks: [{ type: 'bold' }] } : { type: 'text', text })

const doc: PMNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [t('Assessment')] },
    { type: 'paragraph', content: [t('He said: “the talks had '), t('failed', true), t('” '), chip('p1', '1'), t(' and more.')] },
    {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [t('Line'), { type: 'hardBreak' }, t('“Exports of barley rose” '), chip('p2', '2')] }] }]
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [chip('p2', '2'), t(' “Exports of wheat rose in February.”')] }] }
  ]
}

describe('quoteRanges', () => {
  it('finds each checked quotation at its ProseMirror positions', () => {
    const checks = checkNoteQuotes(doc, () => SOURCE)
    expect(checks.map((c) => [c.quote, c.status])).toEqual([
      ['the talks had failed', 'exact'],
      ['Exports of barley rose', 'differs'],
      ['Exports of wheat rose in February.', 'exact']
    ])
    const pm = PMNodeClass.fromJSON(schema, doc)
    const ranges = quoteRanges(doc, checks)
    expect(ranges.every((r) => r !== null)).toBe(true)
    expect(ranges.map((r) => pm.textBetween(r!.from, r!.to))).toEqual(checks.map((c) => c.quote))
  })

  it('gives null when the note no longer has those words there', () => {
    const [check] = checkNoteQuotes(doc, () => SOURCE)
    const edited: PMNode = JSON.parse(JSON.stringify(doc))
    edited.content![1].content![0].text = 'He said: “a different sentence '
    expect(quoteRanges(edited, [check])).toEqual([null])
    expect(quoteRanges(doc, [{ ...check, block: 42 }])).toEqual([null])
  })
})
