import { describe, expect, it } from 'vitest'
import type { Paragraph } from '../model'
import { doc, para, ref, sampleParagraphs, txt } from '../notes/test-fixtures'
import { align, words } from './diff'
import { checkNoteQuotes } from './integrity'

const sample = sampleParagraphs()
const loader = (paragraphs: Paragraph[]) => (articleId: string) => (articleId === 'a1' ? paragraphs : null)
const check = (...blocks: ReturnType<typeof para>[]) => checkNoteQuotes(doc(...blocks), loader(sample))
const brief = (c: ReturnType<typeof check>[number]) => ({ quote: c.quote, status: c.status, paragraphNumber: c.paragraphNumber })

describe('checkNoteQuotes', () => {
  it('finds a quotation written word for word (case, curly or straight marks, punctuation aside)', () => {
    const checks = check(
      para(txt('Denisov called it “the first full-fledged summit since the pandemic” '), ref('p3', '3'), txt('.')),
      para(txt('Austin: "the Ukrainians have inflicted significant damage to the Russians\' supply lines" '), ref('p11', '11'))
    )
    expect(checks.map(brief)).toEqual([
      { quote: 'the first full-fledged summit since the pandemic', status: 'exact', paragraphNumber: 3 },
      { quote: "the Ukrainians have inflicted significant damage to the Russians' supply lines", status: 'exact', paragraphNumber: 11 }
    ])
  })

  it('takes the chip after the quotation, or the one before it, in the same sentence', () => {
    const checks = check(para(ref('p11', '11'), txt(': “The Ukrainians have inflicted significant damage.” Then, unrelated: “no chip here”.')))
    expect(checks.map((c) => [c.quote, c.ordinal])).toEqual([['The Ukrainians have inflicted significant damage.', 0]])
  })

  it('accepts words left out with an ellipsis and words put in with square brackets', () => {
    const checks = check(
      para(txt('“This summit promises to be interesting … the first full-fledged summit since the pandemic” '), ref('p3', '3')),
      para(txt('“[The meeting] will be the first full-fledged summit since the pandemic” '), ref('p3', '3')),
      // The source itself has “… crisis [and] having …”.
      para(txt('“in the event of a Taiwan Strait crisis [and] having as many partners as possible” '), ref('p18', '18'))
    )
    expect(checks.map((c) => c.status)).toEqual(['exact', 'exact', 'exact'])
  })

  it('flags a changed word and shows the difference', () => {
    const [c] = check(para(txt('Denisov said “this summit promises to be boring, because it will be the first full-fledged summit” '), ref('p3', '3')))
    expect(c.status).toBe('differs')
    expect(c.diff).toEqual([
      { op: 'same', text: 'this summit promises to be' },
      { op: 'removed', text: 'interesting' },
      { op: 'added', text: 'boring' },
      { op: 'same', text: 'because it will be the first full-fledged summit' }
    ])
    expect(c.source).toBe('This summit promises to be interesting, because it will be the first full-fledged summit')
  })

  it('flags words left out or added without an ellipsis', () => {
    const [c] = check(para(txt('“The Ukrainians have inflicted damage to the Russians’ supply lines and their morale” '), ref('p11', '11')))
    expect(c.status).toBe('differs')
    expect(c.diff).toEqual([
      { op: 'same', text: 'The Ukrainians have inflicted' },
      { op: 'removed', text: 'significant' },
      { op: 'same', text: 'damage to the Russians’ supply lines and' },
      { op: 'removed', text: 'ammunition supply' },
      { op: 'added', text: 'their morale' }
    ])
  })

  it('says when the cited paragraph does not hold the quotation, and which paragraph does', () => {
    const checks = check(
      para(txt('“We will never negotiate with anyone about anything” '), ref('p3', '3')),
      para(txt('“The Ukrainians have inflicted significant damage” '), ref('p3', '3'))
    )
    expect(checks.map((c) => [c.status, c.foundIn])).toEqual([
      ['not_in_source', null],
      ['not_in_source', { paragraphId: 'p11', number: 11 }]
    ])
  })

  it('says when the cited paragraph or article is gone', () => {
    const checks = checkNoteQuotes(
      doc(para(txt('“This summit promises to be interesting” '), ref('p-gone', '3')), para(txt('“anything at all” '), ref('p1', '1', '', 'a-deleted'))),
      loader(sample)
    )
    expect(checks.map((c) => [c.status, c.paragraphNumber, c.foundIn?.number ?? null])).toEqual([
      ['source_missing', null, 3],
      ['source_missing', null, null]
    ])
  })

  it('checks against the current text: an updated source is checked again', () => {
    const note = doc(para(txt('“This summit promises to be interesting” '), ref('p3', '3')))
    expect(checkNoteQuotes(note, loader(sample))[0].status).toBe('exact')
    const updated = sample.map((p) => (p.id === 'p3' ? { ...p, text: p.text.replace('interesting', 'important') } : p))
    const [c] = checkNoteQuotes(note, loader(updated))
    expect(c.status).toBe('differs')
    expect(c.diff).toContainEqual({ op: 'removed', text: 'important' })
  })

  it('gives each quotation of a sentence with two chips its own chip', () => {
    const checks = check(para(txt('Denisov spoke of “direct communication between leaders” '), ref('p3', '3'), txt(' while Austin spoke of “command-and-control nodes” '), ref('p11', '11'), txt('.')))
    expect(checks.map((c) => [c.paragraphNumber, c.status])).toEqual([
      [3, 'exact'],
      [11, 'exact']
    ])
  })
})

describe('align', () => {
  it('finds a quotation in a very long source through its rarest word', () => {
    const filler = Array.from({ length: 30_000 }, (_, i) => `word${i % 50}`).join(' ')
    const source = `${filler} the quick brown fox jumps ${filler}`
    const a = align(words('the quick brown fax jumps'), words(source))!
    expect(a.distance).toBe(1)
    expect(source.slice(words(source)[a.from].start, words(source)[a.to - 1].end)).toBe('the quick brown fox jumps')
  })
})
