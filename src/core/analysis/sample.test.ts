// The bundled sample article (resources/putin-xi-sco-summit.txt), read by hand: every quotation in it, who said it
// and how the text says so. It is a machine-reworded news story ("mentioned" for "said", "instructed reporters" for
// "told reporters"), which makes it a fair test of attributions that are not the usual words.
import { describe, expect, it } from 'vitest'
import { sampleParagraphs } from '../notes/test-fixtures'
import nlp from 'compromise'
import { compromiseEngine } from './nlp-compromise'
import { analyseArticle } from './quotes'

const paragraphs = sampleParagraphs()
const engine = compromiseEngine(nlp)
const { quotes, entities } = analyseArticle(
  paragraphs,
  paragraphs.map((p) => engine.analyse(p.text))
)

const DENISOV = 'Andrey Denisov, the Russian ambassador to China'
const AUSTIN = 'Lloyd Austin, U.S. Secretary of Defense'
const SHULLMAN = 'David Shullman, the former Deputy National Intelligence Officer for East Asia on the National Intelligence Council'

describe('the sample article', () => {
  it('lists every direct quotation with its speaker, full name and role, and paragraph', () => {
    expect(quotes.quotations.map((q) => [q.pieces.map((p) => p.number).join('+'), q.speaker?.label ?? null, q.method, q.text.slice(0, 40)])).toEqual([
      // ¶3: “…,” Denisov mentioned. “…” — "Denisov" resolved through ¶2 ("the Russian ambassador to China, Andrey Denisov").
      ['3', DENISOV, 'after', 'This summit promises to be interesting, '],
      ['3', DENISOV, 'split', 'I do not want to say that online summits'],
      // ¶4: a fragment of the joint statement, worked into the writer's sentence; no verb of saying: unattributed.
      ['4', null, null, 'further enlargement of NATO.'],
      // ¶11: “…,” Austin instructed reporters Thursday.
      ['11', AUSTIN, 'after', 'The Ukrainians have inflicted significan'],
      // ¶13 is a pull quote of ¶16 (it follows the op-ed attribution of ¶12, which must not be taken for its speaker).
      ['13', SHULLMAN, 'pull-quote', 'The U.S.-China relationship is becoming '],
      ['16', SHULLMAN, 'after', 'The U.S.-China relationship is becoming '],
      ['16', SHULLMAN, 'split', 'It’s not a one-sided thing where Russia '],
      // ¶18 is all quotation; ¶17 ends "…, Shullman mentioned."
      ['18', SHULLMAN, 'previous-paragraph', 'There is a sense now in China… that Chin']
    ])
    const pull = quotes.quotations.find((q) => q.pieces[0].number === 13)!
    expect(pull.repeats).toBe(quotes.quotations.find((q) => q.pieces[0].number === 16)!.id)
    expect(quotes.quotations.find((q) => q.pieces[0].number === 4)!.partial).toBe(true)
  })

  it('keeps scare quotes out of the quotations', () => {
    expect(quotes.scareQuotes.map((s) => [s.number, s.text])).toEqual([
      [4, 'no limits'],
      [6, 'main instigator'],
      [7, 'bullying.']
    ])
  })

  it('lists reported speech separately, with its speaker', () => {
    expect(quotes.reported.map((r) => [r.number, r.speaker.label, r.verb])).toEqual([
      [2, DENISOV, 'instructed'],
      [6, 'a CIA analysis', 'according to'],
      [7, 'Tony Blinken, U.S. Secretary of State', 'urged'],
      [7, 'Ursula von der Leyen, European Commission President', 'indicated'],
      [9, 'Volodymyr Zelensky, President', 'mentioned'],
      [10, AUSTIN, 'mentioned'],
      [12, 'Ukrainian navy management', 'predicted'],
      [12, 'Valery Zaluzhnyi and Mykhailo Zabrodskyi', 'mentioned'],
      [14, 'two U.S. officials', 'told'],
      [15, SHULLMAN, 'instructed'],
      [17, 'China', 'says'],
      [17, SHULLMAN, 'mentioned']
    ])
  })

  it('counts quotations per speaker, a pull quote not twice', () => {
    const shullman = quotes.speakers.find((s) => s.label === SHULLMAN)!
    expect(shullman).toMatchObject({ quotations: 3, reported: 2 })
    expect(quotes.speakers[0].label).toBe(SHULLMAN)
  })

  it('names people, organisations and places cleanly, variants merged', () => {
    const byName = new Map(entities.map((e) => [e.name, e]))
    const putin = byName.get('Vladimir Putin')!
    expect(putin).toMatchObject({ type: 'person', role: 'Russian President', count: 11 })
    expect([...putin.variants].sort()).toEqual(['President Vladimir Putin', 'Putin', 'Putin’s'])
    expect(byName.get('Xi Jinping')).toMatchObject({ type: 'person', role: 'Chinese President', count: 10 })
    expect(byName.get('North Atlantic Treaty Organization')!.variants.sort()).toEqual(['NATO', 'North Atlantic Treaty Organization'])
    expect(byName.get('Shanghai Cooperation Organization')!.variants.sort()).toEqual(['SCO', 'Shanghai Cooperation Organization'])
    expect(byName.get('United States')!.variants.sort()).toEqual(['U.S.', 'United States'])
    expect(byName.get('Mykhailo Zabrodskyi')!.role).toBe(
      'first deputy chairman of the National Security, Defense, and Intelligence Committee of the Verkhovna Rada'
    )
    for (const person of ['Andrey Denisov', 'Tony Blinken', 'Ursula von der Leyen', 'Volodymyr Zelensky', 'Sergei Shoigu', 'Lloyd Austin', 'Valery Zaluzhnyi', 'David Shullman', 'Nancy Pelosi']) {
      expect(byName.get(person)?.type, person).toBe('person')
    }
    // What compromise alone reports and the cleaning removes.
    for (const junk of ['President', 'President Ursula', 'State Tony', 'House Speaker', 'first deputy', 'ed', 'And European', 'European', 'U.S.-China', 'Russian military', 'Putin’s', 'China…', 'Taiwan—']) {
      expect(byName.has(junk), junk).toBe(false)
    }
    for (const e of entities) expect(e.name, e.name).toMatch(/^\p{Lu}[\p{L}\p{N} .’'-]*[\p{L}.]$/u)
  })
})
