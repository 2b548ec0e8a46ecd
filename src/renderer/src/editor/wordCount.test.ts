import { describe, expect, it } from 'vitest'
import { Schema } from '@tiptap/pm/model'
import { countWords } from '@core/notes/words'
import { wordsIn } from './wordCount'

const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { group: 'block', content: 'inline*' },
    blockquote: { group: 'block', content: 'block+' },
    chip: { group: 'inline', inline: true, atom: true },
    text: { group: 'inline' }
  }
})
const para = (...parts: (string | 'chip')[]) => schema.node('paragraph', null, parts.map((p) => (p === 'chip' ? schema.node('chip') : schema.text(p))))

describe('wordsIn', () => {
  it('counts like the whole text read at once, blocks and chips being separators', () => {
    const doc = schema.node('doc', null, [para('One two'), para('three', 'chip', 'four'), schema.node('blockquote', null, [para('five six')])])
    expect(wordsIn(doc)).toBe(6)
    expect(wordsIn(doc)).toBe(countWords(doc.textBetween(0, doc.content.size, ' ', ' ')))
  })

  it('follows an edit, reusing the counts of untouched blocks', () => {
    const blocks = Array.from({ length: 500 }, (_, i) => para(`Block ${i} has five words`))
    const doc = schema.node('doc', null, blocks)
    expect(wordsIn(doc)).toBe(2500)
    // Type two words at the end of the last block.
    const edited = doc.copy(doc.content.replaceChild(499, para('Block 499 has five words plus two')))
    expect(edited.child(0)).toBe(doc.child(0))
    expect(wordsIn(edited)).toBe(2502)
    // An empty document.
    expect(wordsIn(schema.node('doc', null, [para()]))).toBe(0)
  })
})
