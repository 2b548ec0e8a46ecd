import { describe, expect, it } from 'vitest'
import type { Paragraph } from '../model'
import { checkRefs, docToText, extractRefs, groupBacklinks, sentenceAround } from './refs'
import { bullet, doc, para, ref, sampleParagraphs, txt } from './test-fixtures'

describe('extractRefs', () => {
  it('finds refs in document order (incl. nested lists) with ordinals and sentence context', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 1 }, content: [txt('Assessment')] },
      para(txt('Putin needs China. Denisov says the summit is the first since the pandemic '), ref('p3', '3', 'first full-fledged summit'), txt('. Later text.')),
      bullet([para(txt('Energy: '), ref('p8', '8'))], [para(txt('Nested')), bullet([para(ref('p9', '9'), txt(' shows the army faltering.'))])]),
      { type: 'blockquote', content: [para(txt('Quote '), ref('p13', '13', 'more fraught', 'a2'))] }
    )
    const refs = extractRefs('n1', d)
    expect(refs.map((r) => [r.ordinal, r.paragraphId, r.articleId])).toEqual([
      [0, 'p3', 'a1'],
      [1, 'p8', 'a1'],
      [2, 'p9', 'a1'],
      [3, 'p13', 'a2']
    ])
    expect(refs[0]).toEqual({
      noteId: 'n1',
      ordinal: 0,
      articleId: 'a1',
      paragraphId: 'p3',
      quote: 'first full-fledged summit',
      context: 'Denisov says the summit is the first since the pandemic ¶3.'
    })
    expect(refs[1].context).toBe('Energy: ¶8')
    expect(refs[2].context).toBe('¶9 shows the army faltering.')
    expect(refs[3].context).toBe('Quote ¶13')
  })

  it('trims long context to about 200 characters around the chip', () => {
    const long = 'word '.repeat(100)
    const refs = extractRefs('n', doc(para(txt(long), ref('p1', '1'), txt(' ' + long))))
    expect(refs[0].context.length).toBeLessThanOrEqual(202)
    expect(refs[0].context).toContain('¶1')
    expect(refs[0].context.startsWith('…')).toBe(true)
    expect(refs[0].context.endsWith('…')).toBe(true)
  })

  it('returns nothing for an empty note', () => {
    expect(extractRefs('n', { type: 'doc', content: [{ type: 'paragraph' }] })).toEqual([])
  })

  it('sentenceAround stops at a line break', () => {
    const text = 'First line ¶1\nSecond line'
    expect(sentenceAround(text, 11, 13)).toBe('First line ¶1')
  })
})

describe('docToText', () => {
  it('joins blocks with newlines and shows chips as ¶label', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 2 }, content: [txt('Title')] },
      para(txt('See '), ref('p12', '12'), txt(' and '), txt('bold', [{ type: 'bold' }])),
      bullet([para(txt('one'))], [para(txt('two'), { type: 'hardBreak' }, txt('three'))]),
      { type: 'horizontalRule' },
      { type: 'codeBlock', content: [txt('x = 1')] }
    )
    expect(docToText(d)).toBe('Title\nSee ¶12 and bold\none\ntwo\nthree\nx = 1')
  })
})

describe('checkRefs', () => {
  const original = sampleParagraphs()
  const mkRef = (paragraphId: string, quote: string, articleId = 'a1') => ({
    noteId: 'n1',
    ordinal: 0,
    articleId,
    paragraphId,
    quote,
    context: ''
  })

  it('is ok when the paragraph still holds the quote (typography and spacing ignored)', () => {
    const [r1, r2] = checkRefs([mkRef('p7', "Putin is feeling  the squeeze"), mkRef('p13', '"The U.S.-China relationship')], () => original)
    expect(r1).toMatchObject({ status: 'ok', paragraphNumber: 7, suggestedParagraphId: null })
    expect(r2).toMatchObject({ status: 'ok', paragraphNumber: 13 })
  })

  it('is ok for refs without a quote while the paragraph exists', () => {
    expect(checkRefs([mkRef('p18', '')], () => original)[0]).toMatchObject({ status: 'ok', paragraphNumber: 18 })
  })

  it('reports changed when the quote left the paragraph and suggests where it went', () => {
    // Article edit: paragraph 7's squeeze sentence moved into paragraph 8; numbering shifts by one inserted paragraph.
    const edited: Paragraph[] = original.map((p) => ({ ...p }))
    const moved = 'Putin is feeling the squeeze of sanctions and isolation.'
    edited[6].text = edited[6].text.replace(moved, '')
    edited[7].text = moved + ' ' + edited[7].text
    edited.splice(0, 0, { id: 'p0', index: 0, kind: 'h1', text: 'Putin and Xi' })
    edited.forEach((p, i) => (p.index = i))
    const [r] = checkRefs([mkRef('p7', 'feeling the squeeze of sanctions')], () => edited)
    expect(r).toMatchObject({ status: 'changed', paragraphNumber: 8, suggestedParagraphId: 'p8' })
  })

  it('falls back to a fuzzy match when the quote was slightly edited elsewhere', () => {
    const edited = original.map((p) => ({ ...p }))
    edited[8].text = 'Other text entirely.'
    edited[9].text = 'Meanwhile in Ukraine, the Russian army has been faltering badly.'
    const [r] = checkRefs([mkRef('p9', 'the Russian military has been faltering')], () => edited)
    expect(r).toMatchObject({ status: 'changed', paragraphNumber: 9, suggestedParagraphId: 'p10' })
  })

  it('keeps a quote edited in its own paragraph there, although the unedited text stands elsewhere (like highlights)', () => {
    const phrase = 'The U.S.-China relationship is becoming more fraught seemingly by the week'
    expect(original[12].text).toContain(phrase)
    const edited = original.map((p) => (p.id === 'p16' ? { ...p, text: p.text.replace('more fraught', 'ever more fraught') } : p))
    const [r] = checkRefs([mkRef('p16', phrase)], () => edited)
    expect(r).toMatchObject({ status: 'changed', paragraphNumber: 16, suggestedParagraphId: null })
  })

  it('suggests nothing when the quote left its paragraph and stands in two others equally', () => {
    const edited = original.map((p) => ({ ...p }))
    const sentence = 'Putin is feeling the squeeze of sanctions and isolation.'
    edited[6].text = edited[6].text.replace(sentence, '')
    edited[7].text = sentence + ' ' + edited[7].text
    edited[9].text = sentence + ' ' + edited[9].text
    expect(checkRefs([mkRef('p7', 'feeling the squeeze of sanctions')], () => edited)[0]).toMatchObject({ status: 'changed', suggestedParagraphId: null })
  })

  it('suggests nothing when the quote is nowhere', () => {
    const edited = original.map((p) => (p.id === 'p9' ? { ...p, text: 'Rewritten completely.' } : p))
    expect(checkRefs([mkRef('p9', 'counteroffensive in the south of Ukraine')], () => edited)[0]).toMatchObject({
      status: 'changed',
      suggestedParagraphId: null
    })
  })

  it('reports orphans when the paragraph id is gone, suggesting a paragraph that holds the quote', () => {
    const edited = original.map((p) => (p.id === 'p11' ? { ...p, id: 'p11-new' } : p))
    const [a, b] = checkRefs([mkRef('p11', 'supply lines and ammunition supply points'), mkRef('p11', '')], () => edited)
    expect(a).toMatchObject({ status: 'orphan', paragraphNumber: null, suggestedParagraphId: 'p11-new' })
    expect(b).toMatchObject({ status: 'orphan', paragraphNumber: null, suggestedParagraphId: null })
  })

  it('reports orphans for a deleted article and asks for each article once', () => {
    let calls = 0
    const out = checkRefs([mkRef('p1', 'x', 'gone'), mkRef('p2', 'y', 'gone')], () => {
      calls++
      return null
    })
    expect(out.map((r) => r.status)).toEqual(['orphan', 'orphan'])
    expect(calls).toBe(1)
  })
})

describe('groupBacklinks', () => {
  it('keys by paragraph, entries in note then ordinal order', () => {
    const row = (noteId: string, ordinal: number, paragraphId: string, noteTitle: string) => ({
      noteId,
      noteTitle,
      ordinal,
      articleId: 'a1',
      paragraphId,
      quote: `q${ordinal}`,
      context: `c${ordinal}`
    })
    const map = groupBacklinks([row('nB', 0, 'p2', 'B'), row('nA', 2, 'p2', 'A'), row('nA', 0, 'p2', 'A'), row('nB', 1, 'p5', 'B'), row('nA', 1, 'p5', 'A')])
    expect(Object.keys(map).sort()).toEqual(['p2', 'p5'])
    expect(map.p2.map((e) => [e.noteId, e.ordinal])).toEqual([
      ['nB', 0],
      ['nA', 0],
      ['nA', 2]
    ])
    expect(map.p5.map((e) => e.noteTitle)).toEqual(['B', 'A'])
    expect(map.p2[0]).toEqual({ noteId: 'nB', noteTitle: 'B', ordinal: 0, context: 'c0', quote: 'q0' })
  })
})
