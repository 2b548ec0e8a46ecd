import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Highlight, Paragraph } from '../model'
import { GlossError } from '../errors'
import { assignParagraphIds } from '../paragraphs'
import { parsePlainText } from '../import/text'
import type { Block } from '../import/types'
import { describeRange } from './describe'
import { anchorAll, anchorHighlight } from './anchor'

const SAMPLE = readFileSync(join(__dirname, '../../../resources/putin-xi-sco-summit.txt'), 'utf8')
const sampleBlocks = (): Block[] => parsePlainText(SAMPLE, 'putin-xi-sco-summit.txt').blocks
const sample = (): Paragraph[] => assignParagraphIds(sampleBlocks())

function highlight(targets: Highlight['targets']): Highlight {
  return { id: 'h1', articleId: 'a1', color: 'yellow', comment: '', targets, createdAt: '', updatedAt: '' }
}

/** Selects `phrase` (its n-th occurrence) inside paragraph `index`, as a reader selection would. */
function select(ps: Paragraph[], index: number, phrase: string, nth = 0) {
  let at = -1
  for (let k = 0; k <= nth; k++) at = ps[index].text.indexOf(phrase, at + 1)
  if (at < 0) throw new Error(`phrase not found: ${phrase}`)
  return describeRange(ps, { paragraphId: ps[index].id, offset: at }, { paragraphId: ps[index].id, offset: at + phrase.length })
}

const textOf = (ps: Paragraph[], seg: { paragraphId: string; start: number; end: number }): string =>
  ps.find((x) => x.id === seg.paragraphId)!.text.slice(seg.start, seg.end)

describe('describeRange', () => {
  it('describes a selection inside one paragraph with quote, 32-char context and position', () => {
    const ps = sample()
    const [t, ...rest] = select(ps, 3, 'Beijing Winter Olympics')
    expect(rest).toEqual([])
    expect(t.paragraphId).toBe(ps[3].id)
    expect(t.quote.exact).toBe('Beijing Winter Olympics')
    expect(t.quote.prefix).toHaveLength(32)
    expect(ps[3].text.slice(t.position.start - 32, t.position.start)).toBe(t.quote.prefix)
    expect(ps[3].text.slice(t.position.end, t.position.end + 32)).toBe(t.quote.suffix)
    expect(ps[3].text.slice(t.position.start, t.position.end)).toBe('Beijing Winter Olympics')
  })

  it('cuts context at the paragraph edges', () => {
    const ps = sample()
    const [t] = describeRange(ps, { paragraphId: ps[0].id, offset: 0 }, { paragraphId: ps[0].id, offset: 7 })
    expect(t.quote).toMatchObject({ exact: 'Russian', prefix: '' })
    const end = ps[0].text.length
    const [u] = describeRange(ps, { paragraphId: ps[0].id, offset: end - 5 }, { paragraphId: ps[0].id, offset: end })
    expect(u.quote.suffix).toBe('')
  })

  it('spans several paragraphs (middle ones fully covered), in either direction', () => {
    const ps = sample()
    const start = { paragraphId: ps[4].id, offset: 10 }
    const end = { paragraphId: ps[6].id, offset: 25 }
    const targets = describeRange(ps, start, end)
    expect(targets.map((t) => t.paragraphId)).toEqual([ps[4].id, ps[5].id, ps[6].id])
    expect(targets[0].position).toMatchObject({ start: 10, end: ps[4].text.length })
    expect(targets[1].position).toMatchObject({ start: 0, end: ps[5].text.length })
    expect(targets[1].quote.exact).toBe(ps[5].text)
    expect(targets[2].position).toMatchObject({ start: 0, end: 25 })
    expect(describeRange(ps, end, start)).toEqual(targets)
  })

  it('skips whitespace-only segments and returns [] for an empty selection', () => {
    const ps: Paragraph[] = [
      { id: 'a', index: 0, kind: 'p', text: 'Hello world' },
      { id: 'b', index: 1, kind: 'p', text: 'Next one' }
    ]
    expect(describeRange(ps, { paragraphId: 'a', offset: 3 }, { paragraphId: 'a', offset: 3 })).toEqual([])
    expect(describeRange(ps, { paragraphId: 'a', offset: 5 }, { paragraphId: 'a', offset: 6 })).toEqual([])
    const t = describeRange(ps, { paragraphId: 'a', offset: 6 }, { paragraphId: 'b', offset: 0 })
    expect(t.map((x) => x.quote.exact)).toEqual(['world'])
  })

  it('rejects points outside the article', () => {
    expect(() => describeRange(sample(), { paragraphId: 'nope', offset: 0 }, { paragraphId: 'nope', offset: 1 })).toThrow(GlossError)
  })
})

describe('anchorHighlight', () => {
  it('anchors exactly in unchanged text', () => {
    const ps = sample()
    const h = anchorHighlight(ps, highlight(select(ps, 7, 'key associate for vitality exports')))
    expect(h.status).toBe('anchored')
    expect(h.resolved).toHaveLength(1)
    expect(textOf(ps, h.resolved[0])).toBe('key associate for vitality exports')
    expect(h.targets).toHaveLength(1) // stored selectors are passed through
  })

  it('still anchors exactly after a paragraph is inserted before it', () => {
    const ps = sample()
    const targets = select(ps, 9, 'doing nicely')
    const blocks = sampleBlocks()
    blocks.splice(0, 0, { kind: 'p', text: 'Editor’s note: updated with new reporting.' })
    const next = assignParagraphIds(blocks)
    const h = anchorHighlight(next, highlight(targets))
    expect(h.status).toBe('anchored')
    expect(h.resolved[0].paragraphId).toBe(ps[9].id)
    expect(textOf(next, h.resolved[0])).toBe('doing nicely')
  })

  it('re-anchors by quote when text moves inside the paragraph', () => {
    const ps = sample()
    const targets = select(ps, 9, 'doing nicely')
    const edited = ps.map((x) => (x.index === 9 ? { ...x, text: 'UPDATE: ' + x.text } : x)) // same id, shifted offsets
    const h = anchorHighlight(edited, highlight(targets))
    expect(h.status).toBe('anchored')
    expect(textOf(edited, h.resolved[0])).toBe('doing nicely')
  })

  it('anchors approximately in its own paragraph when a typo inside the quote was fixed (re-import keeps the id)', () => {
    const ps = sample()
    const targets = select(ps, 4, 'uncomfortable inflection level in the relationship between the two powers')
    const blocks = sampleBlocks()
    blocks[4] = { kind: 'p', text: blocks[4].text.replace('inflection level', 'inflection point') }
    const next = assignParagraphIds(blocks, ps) // as re-import does: the edited paragraph keeps its id
    expect(next[4].id).toBe(ps[4].id)
    const h = anchorHighlight(next, highlight(targets))
    expect(h.status).toBe('fuzzy')
    expect(h.resolved).toHaveLength(1)
    expect(h.resolved[0].paragraphId).toBe(next[4].id)
    expect(textOf(next, h.resolved[0])).toBe('uncomfortable inflection point in the relationship between the two powers')
    expect(h.suggestion).toBeNull()
  })

  it('never places a highlight whose paragraph id is gone: an orphan, with the edited passage suggested', () => {
    const ps = sample()
    const targets = select(ps, 4, 'uncomfortable inflection level in the relationship between the two powers')
    const blocks = sampleBlocks()
    blocks[4] = { kind: 'p', text: blocks[4].text.replace('inflection level', 'inflection point') }
    const next = assignParagraphIds(blocks) // no `previous`: the edited paragraph gets a new id
    expect(next[4].id).not.toBe(ps[4].id)
    const h = anchorHighlight(next, highlight(targets))
    expect(h.status).toBe('orphan')
    expect(h.resolved).toEqual([])
    expect(h.suggestion).toHaveLength(1)
    expect(h.suggestion![0].paragraphId).toBe(next[4].id)
    expect(textOf(next, h.suggestion![0])).toBe('uncomfortable inflection point in the relationship between the two powers')
  })

  it('anchors approximately after heavier edits (within quote length / 4 errors); beyond, it needs review', () => {
    const ps = sample()
    const phrase = 'Russia has a key associate for vitality exports'
    const targets = select(ps, 7, phrase)
    const edit = (to: string): Paragraph[] =>
      assignParagraphIds(sampleBlocks().map((b, i) => (i === 7 ? { ...b, text: b.text.replace(phrase, to) } : b)), ps)
    // 7 edits in 47 characters: within the budget (11).
    const next = edit('Russia has a key associate for electricity exports')
    const h = anchorHighlight(next, highlight(targets))
    expect(h.status).toBe('fuzzy')
    expect(h.resolved[0].paragraphId).toBe(ps[7].id)
    expect(textOf(next, h.resolved[0])).toMatch(/key associate for electricity exports$/)
    // Rewritten: the paragraph is still there (same id) but no longer holds the passage, which is nowhere else either.
    const rewritten = edit('Moscow relies on Beijing buying its oil and gas now')
    expect(rewritten[7].id).toBe(ps[7].id)
    const gone = anchorHighlight(rewritten, highlight(targets))
    expect(gone).toMatchObject({ status: 'review', resolved: [], suggestion: null })
  })

  it('resolves a phrase repeated in one paragraph by its prefix/suffix', () => {
    const ps: Paragraph[] = [
      { id: 'x', index: 0, kind: 'p', text: 'In Moscow the talks stalled. Later, in Beijing the talks stalled again, officials said.' }
    ]
    const second = select(ps, 0, 'the talks stalled', 1)
    expect(second[0].position.start).toBeGreaterThan(30)
    // The paragraph gains text at the front, so the stored position is stale and both occurrences are candidates.
    const moved: Paragraph[] = [{ ...ps[0], text: 'Reports differ. ' + ps[0].text }]
    const h = anchorHighlight(moved, highlight(second))
    expect(h.status).toBe('anchored')
    expect(h.resolved[0].start).toBe(moved[0].text.indexOf('the talks stalled', 30))
    const first = anchorHighlight(moved, highlight(select(ps, 0, 'the talks stalled', 0)))
    expect(first.resolved[0].start).toBe(moved[0].text.indexOf('the talks stalled'))
  })

  it('prefers an edited copy in the right surroundings to another exact copy in the same paragraph', () => {
    const ps: Paragraph[] = [
      { id: 'x', index: 0, kind: 'p', text: 'Officials said the talks stalled on Monday. Reporters said the talks stalled again, and left.' }
    ]
    const first = select(ps, 0, 'the talks stalled', 0)
    const edited: Paragraph[] = [{ ...ps[0], text: 'Officials said at length that the talks stalld on Monday. Reporters said the talks stalled again, and left.' }]
    const h = anchorHighlight(edited, highlight(first))
    expect(h.status).toBe('fuzzy')
    expect(textOf(edited, h.resolved[0])).toBe('the talks stalld')
    expect(h.resolved[0].start).toBe(edited[0].text.indexOf('the talks stalld'))
  })

  it('keeps an edited quote in its own paragraph although the same sentence stands unedited elsewhere', () => {
    const ps = sample()
    const phrase = 'The U.S.-China relationship is becoming more fraught seemingly by the week'
    const in16 = select(ps, 15, phrase)
    const blocks = sampleBlocks()
    blocks[15] = { kind: 'p', text: blocks[15].text.replace('more fraught', 'ever more fraught') }
    const next = assignParagraphIds(blocks, ps)
    expect(next[12].text).toContain(phrase) // the identical copy, ¶13
    const h = anchorHighlight(next, highlight(in16))
    expect(h.status).toBe('fuzzy')
    expect(h.resolved[0].paragraphId).toBe(ps[15].id)
    expect(textOf(next, h.resolved[0])).toBe('The U.S.-China relationship is becoming ever more fraught seemingly by the week')
  })

  it('disambiguates the sample’s repeated sentence (paragraphs 13 and 16) by context', () => {
    const ps = sample()
    const phrase = 'The U.S.-China relationship is becoming more fraught seemingly by the week'
    expect(ps[12].text).toContain(phrase)
    expect(ps[15].text).toContain(phrase)
    const in16 = select(ps, 15, phrase)
    const in13 = select(ps, 12, phrase)
    const blocks = sampleBlocks()
    blocks[12] = { kind: 'p', text: 'Analysts agree: ' + blocks[12].text }
    blocks[15] = { kind: 'p', text: 'As one expert put it, ' + blocks[15].text }
    // Re-imported, both paragraphs keep their ids: each highlight is found in its own.
    const next = assignParagraphIds(blocks, ps)
    const [h16, h13] = anchorAll(next, [highlight(in16), highlight(in13)])
    expect([h16.status, h16.resolved[0].paragraphId]).toEqual(['anchored', ps[15].id])
    expect([h13.status, h13.resolved[0].paragraphId]).toEqual(['anchored', ps[12].id])
    // With fresh ids (both paragraphs "removed"), neither is placed, and the text around each quote tells which
    // copy to suggest.
    const fresh = assignParagraphIds(blocks)
    const [o16, o13] = anchorAll(fresh, [highlight(in16), highlight(in13)])
    expect([o16.status, o16.suggestion?.[0].paragraphId]).toEqual(['orphan', fresh[15].id])
    expect([o13.status, o13.suggestion?.[0].paragraphId]).toEqual(['orphan', fresh[12].id])
  })

  it('places a passage that left its paragraph only when one place clearly holds it, with its context (moved)', () => {
    const ps: Paragraph[] = [
      { id: 'a', index: 0, kind: 'p', text: 'The talks stalled on Monday. Both sides blamed the other for the delay, and the mediators left early.' },
      { id: 'b', index: 1, kind: 'p', text: 'A new round is planned for March.' }
    ]
    const targets = select(ps, 0, 'blamed the other for the delay')
    // The second sentence of ¶1 moved into ¶2, text around it included: placed there, and said so.
    const moved: Paragraph[] = [
      { ...ps[0], text: 'The talks stalled on Monday.' },
      { ...ps[1], text: 'A new round is planned for March. Both sides blamed the other for the delay, and the mediators left early.' }
    ]
    const h = anchorHighlight(moved, highlight(targets))
    expect(h.status).toBe('moved')
    expect(h.resolved).toEqual([{ paragraphId: 'b', start: moved[1].text.indexOf('blamed'), end: moved[1].text.indexOf('blamed') + 30 }])
    expect(h.suggestion).toBeNull()
    // In two places, equally well: neither is taken, nor suggested.
    const twice: Paragraph[] = [
      moved[0],
      moved[1],
      { id: 'c', index: 2, kind: 'p', text: 'Last year too, both sides blamed the other for the delay, and the mediators left early.' }
    ]
    expect(anchorHighlight(twice, highlight(targets))).toMatchObject({ status: 'review', resolved: [], suggestion: null })
  })

  it('keeps identical duplicate paragraphs apart by id (true duplicates)', () => {
    const blocks = sampleBlocks()
    blocks.splice(16, 0, { kind: 'p', text: blocks[12].text })
    const ps = assignParagraphIds(blocks)
    expect(ps[16].text).toBe(ps[12].text)
    const h = anchorHighlight(ps, highlight(select(ps, 16, 'more fraught')))
    expect(h.resolved[0].paragraphId).toBe(ps[16].id)
    expect(h.resolved[0].paragraphId).not.toBe(ps[12].id)
  })

  it('reports an orphan when the text is gone', () => {
    const ps = sample()
    const targets = select(ps, 8, 'Ukrainian forces')
    const blocks = sampleBlocks().filter((_, i) => i !== 8).map((b) => ({ ...b, text: b.text.replace(/Ukrainian forces/g, 'x') }))
    const h = anchorHighlight(assignParagraphIds(blocks), highlight(targets))
    expect(h.status).toBe('orphan')
    expect(h.resolved).toEqual([])
    expect(h.suggestion).toBeNull()
    expect(h.targets).toEqual(targets)
  })

  it('anchors multi-paragraph highlights; partial when a paragraph disappeared', () => {
    const ps = sample()
    const targets = describeRange(ps, { paragraphId: ps[1].id, offset: 4 }, { paragraphId: ps[3].id, offset: 12 })
    expect(targets).toHaveLength(3)
    const ok = anchorHighlight(ps, highlight(targets))
    expect(ok.status).toBe('anchored')
    expect(ok.resolved.map((r) => r.paragraphId)).toEqual([ps[1].id, ps[2].id, ps[3].id])
    expect(ok.resolved[1]).toMatchObject({ start: 0, end: ps[2].text.length })

    const blocks = sampleBlocks().filter((_, i) => i !== 2)
    const next = assignParagraphIds(blocks)
    const partial = anchorHighlight(next, highlight(targets))
    expect(partial.status).toBe('partial')
    expect(partial.resolved.map((r) => r.paragraphId)).toEqual([ps[1].id, ps[3].id])
    expect(partial.suggestion).toBeNull() // the removed ¶3's text is nowhere
  })

  it('anchorAll anchors an article’s highlights in one call, in the order given, as one at a time would', () => {
    const ps = sample()
    const blocks = sampleBlocks()
    blocks[9] = { kind: 'p', text: blocks[9].text.replace('experiencing a slowdown', 'experiencing a slow-down') }
    const next = assignParagraphIds(blocks.filter((_, i) => i !== 5), ps)
    const hs = [select(ps, 9, 'operations are experiencing a slowdown'), select(ps, 5, 'CIA analysis'), select(ps, 0, 'Vladimir Putin')].map((t, i) => ({
      ...highlight(t),
      id: `h${i}`
    }))
    const all = anchorAll(next, hs)
    expect(all.map((h) => [h.id, h.status])).toEqual([
      ['h0', 'fuzzy'],
      ['h1', 'orphan'],
      ['h2', 'anchored']
    ])
    expect(all).toEqual(hs.map((h) => anchorHighlight(next, h)))
  })

  it('a highlight without targets is an orphan', () => {
    expect(anchorHighlight(sample(), highlight([])).status).toBe('orphan')
  })
})
