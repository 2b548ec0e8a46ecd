// Golden fixtures: news-style paragraphs written by hand, with every quotation, its speaker and how it was found,
// the reported speech and the scare quotes a careful reader finds in them — and, for entities, the people,
// organisations and places with their mention counts. The lists must match exactly: a quotation too many, a
// speaker guessed or a name left dirty fails.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import nlp from 'compromise'
import { compromiseEngine } from './nlp-compromise'
import { analyseArticle } from './quotes'
import type { EntityType } from './types'

interface QuoteFixture {
  name: string
  paragraphs: string[]
  expect: {
    quotations: { paragraph: number; text: string; speaker: string | null; method: string | null; partial?: boolean; written?: string; repeats?: number; paragraphs?: number[] }[]
    reported: { paragraph: number; speaker: string; verb: string }[]
    scareQuotes: string[]
  }
}

interface EntityFixture {
  name: string
  paragraphs: string[]
  expect: {
    entities: { name: string; type: EntityType; count: number; role?: string | null; variants?: string[]; paragraphs?: number[] }[]
    /** Names that must not be listed at all. */
    absent: string[]
    /** The list is complete: nothing else may be found. */
    exact?: boolean
  }
}

const dir = join(__dirname, 'fixtures')
const engine = compromiseEngine(nlp)

function analyse(paragraphs: string[]) {
  const input = paragraphs.map((text, index) => ({ id: `p${index + 1}`, index, text }))
  return analyseArticle(
    input,
    input.map((p) => engine.analyse(p.text))
  )
}

const load = <T,>(prefix: string): [string, T][] =>
  readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as T])

describe('quotation fixtures', () => {
  for (const [file, fx] of load<QuoteFixture>('quotes-')) {
    it(`${file}: ${fx.name}`, () => {
      const { quotes } = analyse(fx.paragraphs)
      const number = (id: string): number => Number(id.split(':')[0].slice(1))
      expect(
        quotes.quotations.map((q) => {
          const row: Record<string, unknown> = { paragraph: q.pieces[0].number, text: q.text, speaker: q.speaker?.label ?? null, method: q.method }
          const want = fx.expect.quotations.find((w) => w.paragraph === q.pieces[0].number && w.text === q.text)
          if (want?.partial !== undefined) row.partial = q.partial
          if (want?.written !== undefined) row.written = q.speaker?.written
          if (want?.repeats !== undefined) row.repeats = q.repeats ? number(q.repeats) : null
          if (want?.paragraphs !== undefined) row.paragraphs = q.pieces.map((p) => p.number)
          return row
        })
      ).toEqual(fx.expect.quotations)
      expect(quotes.reported.map((r) => ({ paragraph: r.number, speaker: r.speaker.label, verb: r.verb }))).toEqual(fx.expect.reported)
      expect(quotes.scareQuotes.map((s) => s.text)).toEqual(fx.expect.scareQuotes)
      // Never a guess: every unattributed quotation says why.
      for (const q of quotes.quotations) expect(q.speaker === null).toBe(q.why !== null)
    })
  }
})

describe('entity fixtures', () => {
  for (const [file, fx] of load<EntityFixture>('entities-')) {
    it(`${file}: ${fx.name}`, () => {
      const { entities } = analyse(fx.paragraphs)
      for (const want of fx.expect.entities) {
        const got = entities.find((e) => e.name === want.name)
        expect(got, `${want.name} is listed (found: ${entities.map((e) => e.name).join(', ')})`).toBeDefined()
        const row: Record<string, unknown> = { name: got!.name, type: got!.type, count: got!.count }
        if (want.role !== undefined) row.role = got!.role
        if (want.variants !== undefined) row.variants = [...got!.variants].sort()
        if (want.paragraphs !== undefined) row.paragraphs = got!.paragraphs.map((p) => p.number)
        expect(row).toEqual({ ...want, ...(want.variants ? { variants: [...want.variants].sort() } : {}) })
        // Every mention's offsets point at its words.
        for (const m of got!.mentions) expect(fx.paragraphs[Number(m.paragraphId.slice(1)) - 1].slice(m.start, m.end)).toBe(m.text)
      }
      const names = entities.map((e) => e.name)
      for (const bad of fx.expect.absent) expect(names, `"${bad}" is not an entity`).not.toContain(bad)
      // Exactly these: nothing extra.
      if (fx.expect.exact) expect(names.sort()).toEqual(fx.expect.entities.map((e) => e.name).sort())
    })
  }
})
