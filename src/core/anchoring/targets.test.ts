import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateArgs } from '../api/validate'
import { GlossError } from '../errors'
import { parsePlainText } from '../import/text'
import { MAX_TARGETS, QUOTE_CONTEXT_CHARS } from '../limits'
import type { HighlightSegmentTarget, Paragraph } from '../model'
import { assignParagraphIds } from '../paragraphs'
import { describeRange } from './describe'
import { checkTargets, targetAt } from './targets'

const SAMPLE = readFileSync(join(__dirname, '../../../resources/putin-xi-sco-summit.txt'), 'utf8')
const sample = (): Paragraph[] => assignParagraphIds(parsePlainText(SAMPLE, 'putin-xi-sco-summit.txt').blocks)

const para = (id: string, index: number, text: string): Paragraph => ({ id, index, kind: 'p', text })

/** Paragraphs that are easy to get wrong: short, spaced, emoji (surrogate pairs), combining marks, repeats. */
const tricky = (): Paragraph[] => [
  para('a', 0, 'Hi'),
  para('b', 1, 'Word    with     long     gaps     between     the     words     here'),
  para('c', 2, '🇨🇳 and 🇷🇺 met; 👍🏽 — “quoted” text, then more text to go past the context length'),
  para('d', 3, 'e\u0301tude, cafe\u0301, nai\u0308ve: combining marks at every turn of this sentence'),
  para('e', 4, 'Same text. Same text. Same text. Same text. Same text.'),
  para('f', 5, 'x')
]

function rejects(paragraphs: Paragraph[], targets: HighlightSegmentTarget[]): string {
  try {
    checkTargets(paragraphs, targets)
  } catch (e) {
    expect(e).toBeInstanceOf(GlossError)
    expect((e as GlossError).code).toBe('invalid_input')
    return (e as GlossError).message
  }
  throw new Error('expected checkTargets to reject')
}

describe('checkTargets', () => {
  const ps = sample()
  const p = ps[2]
  const good = targetAt(p, 10, 30)

  it('accepts targets built from the text, including shorter (or no) context', () => {
    expect(() => checkTargets(ps, [good, targetAt(ps[3], 0, 5)])).not.toThrow()
    expect(() => checkTargets(ps, [{ ...good, quote: { ...good.quote, prefix: '', suffix: '' } }])).not.toThrow()
    expect(() => checkTargets(ps, [{ ...good, quote: { ...good.quote, prefix: good.quote.prefix.slice(-3), suffix: good.quote.suffix.slice(0, 4) } }])).not.toThrow()
    expect(good.quote.prefix).toBe(p.text.slice(0, 10))
    expect(targetAt(p, 40, 50).quote.prefix).toHaveLength(QUOTE_CONTEXT_CHARS)
  })

  it('refuses targets that do not describe the stored text, saying which paragraph', () => {
    expect(rejects(ps, [])).toBe('A highlight needs some selected text.')
    expect(rejects(ps, [{ ...good, paragraphId: 'p-nope' }])).toMatch(/not in this article/)
    expect(rejects(ps, [good, targetAt(p, 40, 50)])).toBe('The highlight covers paragraph 3 twice.')
    const at = (start: number, end: number): HighlightSegmentTarget => ({ ...good, position: { type: 'TextPositionSelector', start, end } })
    expect(rejects(ps, [at(10, p.text.length + 1)])).toBe("The highlight's position in paragraph 3 is outside its text.")
    expect(rejects(ps, [at(10, 10)])).toMatch(/outside its text/)
    expect(rejects(ps, [at(-1, 5)])).toMatch(/outside its text/)
    expect(rejects(ps, [at(11, 31)])).toMatch(/does not match paragraph 3 as stored/)
    const quote = (q: Partial<HighlightSegmentTarget['quote']>): HighlightSegmentTarget => ({ ...good, quote: { ...good.quote, ...q } })
    expect(rejects(ps, [quote({ prefix: 'not the text before' })])).toMatch(/does not match paragraph 3/)
    expect(rejects(ps, [quote({ suffix: 'not the text after' })])).toMatch(/does not match paragraph 3/)
    expect(rejects(ps, [quote({ prefix: `x${good.quote.prefix}` })])).toMatch(/does not match paragraph 3/)
    const spaced = tricky()[1]
    const gap = spaced.text.indexOf('    ')
    expect(rejects([spaced], [targetAt(spaced, gap, gap + 4)])).toBe('The highlight in paragraph 2 holds only spaces; select some text.')
  })
})

describe('describeRange output always passes the checks', () => {
  /** Small deterministic generator (the same selections on every run). */
  function rng(seed: number): (n: number) => number {
    let s = seed
    return (n) => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0
      return s % n
    }
  }

  for (const [name, paragraphs] of [
    ['the sample article', sample()],
    ['tricky paragraphs', tricky()]
  ] as const) {
    it(`on ${name}: checkTargets and the createHighlight schema accept every non-empty selection`, () => {
      const next = rng(7)
      let checked = 0
      for (let k = 0; k < 1500; k++) {
        const i = next(paragraphs.length)
        const j = Math.min(paragraphs.length - 1, i + next(3))
        const start = { paragraphId: paragraphs[i].id, offset: next(paragraphs[i].text.length + 1) }
        const end = { paragraphId: paragraphs[j].id, offset: next(paragraphs[j].text.length + 1) }
        const targets = describeRange(paragraphs, k % 2 ? start : end, k % 2 ? end : start)
        if (targets.length === 0) continue
        checked++
        expect(() => checkTargets(paragraphs, targets)).not.toThrow()
        const [clean] = validateArgs('createHighlight', [{ articleId: 'a', color: 'yellow', targets }])
        expect(clean.targets).toEqual(targets)
      }
      expect(checked).toBeGreaterThan(1000)
    })
  }

  it('whole paragraphs and edges pass too', () => {
    const ps = tricky()
    const all = describeRange(ps, { paragraphId: 'a', offset: 0 }, { paragraphId: 'f', offset: 1 })
    expect(all.map((t) => t.paragraphId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(() => checkTargets(ps, all)).not.toThrow()
    expect(() => validateArgs('createHighlight', [{ articleId: 'a', color: 'red', targets: all }])).not.toThrow()
  })

  it('refuses a selection over more paragraphs than a highlight may hold, instead of building one the backend refuses', () => {
    const many = Array.from({ length: MAX_TARGETS + 1 }, (_, i) => para(`p${i}`, i, `Paragraph ${i}.`))
    expect(describeRange(many, { paragraphId: 'p0', offset: 0 }, { paragraphId: `p${MAX_TARGETS - 1}`, offset: 3 })).toHaveLength(MAX_TARGETS)
    expect(() => describeRange(many, { paragraphId: 'p0', offset: 0 }, { paragraphId: `p${MAX_TARGETS}`, offset: 3 })).toThrow(
      /at most 10,000 paragraphs/
    )
  })
})
