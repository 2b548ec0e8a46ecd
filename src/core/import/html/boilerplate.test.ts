import { describe, expect, it } from 'vitest'
import type { Block } from '../types'
import { dropFurniture, isFurniture } from './boilerplate'

const p = (text: string, extra: Partial<Block> = {}): Block => ({ kind: 'p', text, ...extra })

describe('page furniture', () => {
  it('recognises share bars, ads, prompts and caption buttons', () => {
    for (const t of ['Advertisement', 'Skip to main content', 'Share this article', 'Link Copied', 'Sign up for our newsletter', '42 Comments', 'toggle caption', 'Slideshow ( 3 images )']) {
      expect(isFurniture(p(t)), t).toBe(true)
    }
  })
  it('keeps real sentences that start like furniture', () => {
    for (const t of ['Share prices fell sharply on Monday.', 'Comments from the minister were not expected.', 'Advertisement spending rose 4%.']) {
      expect(isFurniture(p(t)), t).toBe(false)
    }
  })
  it('drops "Related:" lines made of a link, but not a sentence with a link in it', () => {
    const related = 'Related: Grain talks stall as deadline nears'
    expect(isFurniture(p(related, { marks: [{ type: 'link', start: 9, end: related.length, href: 'https://x.example/a' }] }))).toBe(true)
    const sentence = 'Related talks in Geneva failed, according to the mediators.'
    expect(isFurniture(p(sentence, { marks: [{ type: 'link', start: 17, end: 23, href: 'https://x.example/g' }] }))).toBe(false)
  })
  it('drops repeats of a nearby block and alt texts that repeat a caption', () => {
    const out = dropFurniture([
      { kind: 'figure', text: 'Dylann Roof is escorted by police' },
      p('Dylann Roof is escorted by police. Chuck Burton/AP hide caption'),
      p('Chuck Burton/AP'),
      p('Dylann Roof is escorted by police.'),
      p('A jury in Charleston has found Roof guilty.')
    ])
    expect(out.map((b) => b.text)).toEqual(['Dylann Roof is escorted by police. Chuck Burton/AP', 'A jury in Charleston has found Roof guilty.'])
  })
  it('never touches table rows or code', () => {
    expect(dropFurniture([{ kind: 'tr', text: 'Share\t12' }, { kind: 'tr', text: 'Share\t12' }, { kind: 'pre', text: 'menu' }])).toHaveLength(3)
  })
})
