import { describe, expect, it } from 'vitest'
import type { Paragraph, PMNode } from '../model'
import { quotationCitation } from './cite'
import { checkNoteQuotes } from './integrity'
import type { Quotation } from './types'

const para = (id: string, index: number, text: string): Paragraph => ({ id, index, text, kind: 'p' }) as Paragraph
const P3 = para('p3', 2, '“This summit promises to be interesting, because it will be the first full-fledged summit since the pandemic,” Denisov said.')
const P4 = para('p4', 3, '“Direct communication between leaders is a different quality of discussion.”')

const speaker = { name: 'Andrey Denisov', role: 'the Russian ambassador to China', label: 'Andrey Denisov, the Russian ambassador to China', entityIds: [], written: 'Denisov' }
const piece = (p: Paragraph, text: string) => ({ paragraphId: p.id, number: p.index + 1, start: p.text.indexOf(text), end: p.text.indexOf(text) + text.length, text })

const doc = (content: PMNode[]): PMNode => ({ type: 'doc', content })
const paragraphsOf = (): Paragraph[] => [P3, P4]

describe('quotationCitation', () => {
  it('writes the speaker, the quotation in marks and the chip, and the quotation checks exact', () => {
    const q: Pick<Quotation, 'pieces' | 'speaker'> = { speaker, pieces: [piece(P3, 'This summit promises to be interesting, because it will be the first full-fledged summit since the pandemic,')] }
    const content = quotationCitation(q, 'a1')
    expect(content).toHaveLength(1)
    const inline = content[0].content!
    expect(inline[0]).toEqual({ type: 'text', text: 'Andrey Denisov, the Russian ambassador to China: “This summit promises to be interesting, because it will be the first full-fledged summit since the pandemic,” ' })
    expect(inline[1]).toMatchObject({ type: 'paragraphRef', attrs: { articleId: 'a1', paragraphId: 'p3', label: '3' } })
    const checks = checkNoteQuotes(doc(content), paragraphsOf)
    expect(checks.map((c) => [c.status, c.paragraphId])).toEqual([['exact', 'p3']])
  })

  it('gives each paragraph of a quotation that runs on its own chip, each checked against its paragraph', () => {
    const q = { speaker, pieces: [piece(P3, 'This summit promises to be interesting,'), piece(P4, 'Direct communication between leaders is a different quality of discussion.')] }
    const checks = checkNoteQuotes(doc(quotationCitation(q, 'a1')), paragraphsOf)
    expect(checks.map((c) => [c.status, c.paragraphId])).toEqual([
      ['exact', 'p3'],
      ['exact', 'p4']
    ])
  })

  it('a word changed in the cited quotation is caught', () => {
    const content = quotationCitation({ speaker, pieces: [piece(P3, 'This summit promises to be interesting,')] }, 'a1')
    const t = content[0].content![0]
    t.text = t.text!.replace('interesting', 'boring')
    const [check] = checkNoteQuotes(doc(content), paragraphsOf)
    expect(check.status).toBe('differs')
    expect(check.diff).toContainEqual({ op: 'removed', text: 'interesting' })
  })

  it('says "Unattributed" rather than guess, and cites nothing without words', () => {
    expect(quotationCitation({ speaker: null, pieces: [piece(P4, 'Direct communication')] }, 'a1')[0].content![0].text).toMatch(/^Unattributed: “Direct communication” $/)
    expect(quotationCitation({ speaker: null, pieces: [] }, 'a1')).toEqual([])
  })
})
