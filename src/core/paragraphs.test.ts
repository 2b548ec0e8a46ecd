import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assignParagraphIds, baseParagraphId, textSimilarity } from './paragraphs'
import { parsePlainText } from './import/text'
import type { Block } from './import/types'

const SAMPLE = readFileSync(join(__dirname, '../../resources/putin-xi-sco-summit.txt'), 'utf8')
const sampleBlocks = (): Block[] => parsePlainText(SAMPLE, 'putin-xi-sco-summit.txt').blocks
const p = (text: string): Block => ({ kind: 'p', text })

describe('assignParagraphIds', () => {
  it('gives "p-" + hash ids, indexes by position, and keeps kind/list', () => {
    const ps = assignParagraphIds([{ kind: 'h1', text: 'Title' }, { kind: 'li', text: 'item', list: 'ol' }, p('Body  text ')])
    expect(ps.map((x) => x.index)).toEqual([0, 1, 2])
    expect(ps[0]).toMatchObject({ kind: 'h1', text: 'Title' })
    expect(ps[1]).toMatchObject({ kind: 'li', list: 'ol' })
    expect(ps[2].text).toBe('Body text')
    for (const x of ps) expect(x.id).toMatch(/^p-[0-9a-z]{11}$/)
  })

  it('is stable: the same text gives the same ids', () => {
    const a = assignParagraphIds(sampleBlocks())
    const b = assignParagraphIds(sampleBlocks())
    expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id))
    expect(new Set(a.map((x) => x.id)).size).toBe(18)
  })

  it('inserting a paragraph does not change the ids of the others', () => {
    const before = assignParagraphIds(sampleBlocks())
    const blocks = sampleBlocks()
    blocks.splice(5, 0, p('A brand new paragraph inserted by the editor.'))
    const after = assignParagraphIds(blocks)
    expect(after).toHaveLength(19)
    expect(after.filter((x) => x.index !== 5).map((x) => x.id)).toEqual(before.map((x) => x.id))
    expect(after[6].index).toBe(6)
  })

  it('makes repeated identical text unique with -2, -3 in order', () => {
    const blocks = sampleBlocks()
    blocks.push(p(blocks[12].text)) // a true duplicate of paragraph 13
    blocks.push(p(blocks[12].text))
    const ps = assignParagraphIds(blocks)
    const base = baseParagraphId(blocks[12].text)
    expect(ps[12].id).toBe(base)
    expect(ps[18].id).toBe(`${base}-2`)
    expect(ps[19].id).toBe(`${base}-3`)
    expect(new Set(ps.map((x) => x.id)).size).toBe(ps.length)
  })

  describe('re-import with previous paragraphs', () => {
    it('keeps the id of identical paragraphs even when they move', () => {
      const prev = assignParagraphIds([p('One.'), p('Two.'), p('Three.')])
      const next = assignParagraphIds([p('Three.'), p('One.'), p('Two.')], prev)
      expect(next.map((x) => x.id)).toEqual([prev[2].id, prev[0].id, prev[1].id])
    })

    it('a lightly edited paragraph keeps its id', () => {
      const prev = assignParagraphIds(sampleBlocks())
      const blocks = sampleBlocks()
      blocks[3] = p(blocks[3].text.replace('Winter Olympics', 'Winter Olympic Games'))
      blocks[9] = p(blocks[9].text.replace('doing nicely', 'doing well'))
      const next = assignParagraphIds(blocks, prev)
      expect(next.map((x) => x.id)).toEqual(prev.map((x) => x.id))
      expect(next[3].text).toContain('Winter Olympic Games')
      // without `previous` the edited paragraph gets a new content id
      expect(assignParagraphIds(blocks)[3].id).not.toBe(prev[3].id)
    })

    it('edited paragraph keeps its id when another paragraph is inserted before it', () => {
      const prev = assignParagraphIds(sampleBlocks())
      const blocks = sampleBlocks()
      blocks[10] = p(blocks[10].text + ' An added sentence.')
      blocks.splice(2, 0, p('Editor’s note: this article was updated.'))
      const next = assignParagraphIds(blocks, prev)
      expect(next[11].id).toBe(prev[10].id)
      expect(next[2].id).not.toBe(prev[2].id)
      expect(next[3].id).toBe(prev[2].id)
    })

    it('an unrelated rewrite gets a fresh id, and ids stay unique', () => {
      const prev = assignParagraphIds([p('Alpha beta gamma delta.'), p('Epsilon zeta eta theta.'), p('Iota kappa.')])
      const next = assignParagraphIds([p('Alpha beta gamma delta.'), p('Completely different words here now.'), p('Iota kappa.')], prev)
      expect(next[0].id).toBe(prev[0].id)
      expect(next[2].id).toBe(prev[2].id)
      expect(next[1].id).not.toBe(prev[1].id)
      expect(new Set(next.map((x) => x.id)).size).toBe(3)
    })

    it('duplicates keep their own previous ids in order', () => {
      const prev = assignParagraphIds([p('Same.'), p('Middle.'), p('Same.')])
      const next = assignParagraphIds([p('Intro.'), p('Same.'), p('Middle.'), p('Same.')], prev)
      expect(next.slice(1).map((x) => x.id)).toEqual(prev.map((x) => x.id))
      expect(new Set(next.map((x) => x.id)).size).toBe(4)
    })

    it('a deleted duplicate does not steal the surviving paragraph’s id', () => {
      const prev = assignParagraphIds([p('Same.'), p('Middle.'), p('Same.'), p('End.')])
      const next = assignParagraphIds([p('Middle.'), p('Same.'), p('End.')], prev)
      expect(new Set(next.map((x) => x.id)).size).toBe(3)
      expect(prev.map((x) => x.id)).toContain(next[1].id)
    })
  })
})

describe('textSimilarity', () => {
  it('is 1 for equal text, high for small edits, low for unrelated text', () => {
    expect(textSimilarity('a b c', 'a b c')).toBe(1)
    expect(textSimilarity('The quick brown fox jumps over the lazy dog', 'The quick brown fox jumped over the lazy dog')).toBeGreaterThan(0.8)
    expect(textSimilarity('The quick brown fox', 'Completely unrelated sentence here')).toBeLessThan(0.4)
  })
})
