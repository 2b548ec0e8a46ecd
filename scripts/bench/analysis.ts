// Analysis benchmark: entities and quotations (core/analysis) per 10,000 words, beside a floor measured in the same
// run — compromise's plain tokenisation of the same text (no tagging, none of our rules) — and the ratio; our rules
// alone (from cached NLP results, what a request costs once the cache is warm); and, through the backend, the
// first analysis of a long article, a repeat, and the re-analysis after one paragraph changed (the cache at work).
// Text: the real saved news pages of ../shared/fixtures/pages through the importer when that folder exists (with a
// per-page summary of what was found), else the sample article repeated. Prints figures; asserts nothing.
import nlpLib from 'compromise'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compromiseEngine } from '../../src/core/analysis/nlp-compromise'
import { analyseArticle } from '../../src/core/analysis/quotes'
import { extractHtml } from '../../src/core/import/html/extract'
import { jsdomEnv } from '../../src/main/import/html-env'
import { createBackend } from '../../src/main/services'

const ROOT = join(__dirname, '..', '..')
// ../shared beside the checkout (or beside the folder of worktrees).
const PAGES = [join(ROOT, '..', 'shared', 'fixtures', 'pages'), join(ROOT, '..', '..', 'shared', 'fixtures', 'pages')].find(existsSync) ?? ''
const SAMPLE = readFileSync(join(ROOT, 'resources/putin-xi-sco-summit.txt'), 'utf8')

const words = (s: string): number => s.match(/[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*/gu)?.length ?? 0
const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`
const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(62)} ${value.padStart(10)}  ${note}`)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

interface Doc {
  name: string
  paragraphs: string[]
}

function documents(): Doc[] {
  if (!PAGES) {
    console.log('  (../shared/fixtures/pages is not here: the sample article is used instead)')
    return [{ name: 'sample', paragraphs: SAMPLE.split('\n').map((l) => l.trim()).filter(Boolean) }]
  }
  return readdirSync(PAGES)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ name: f, paragraphs: extractHtml({ html: readFileSync(join(PAGES, f), 'utf8'), name: f }, jsdomEnv).blocks.map((b) => b.text) }))
}

const engine = compromiseEngine(nlpLib)
const inputs = (d: Doc) => d.paragraphs.map((text, index) => ({ id: `p${index + 1}`, index, text }))

async function main(): Promise<void> {
  console.log('Analysis (entities and quotations)')
  const docs = documents()
  const total = docs.reduce((n, d) => n + words(d.paragraphs.join(' ')), 0)
  // Warm up (compromise builds its lexicon on first use).
  for (const d of docs) for (const p of d.paragraphs) engine.analyse(p)

  if (docs.length > 1) {
    console.log(`  Real pages through the importer (${docs.length} pages, ${total.toLocaleString('en-US')} words):`)
    for (const d of docs) {
      const a = analyseArticle(inputs(d), d.paragraphs.map((p) => engine.analyse(p)))
      const q = a.quotes.quotations
      const attributed = q.filter((x) => x.speaker).length
      const people = a.entities.filter((e) => e.type === 'person').slice(0, 3).map((e) => `${e.name} (${e.count})`)
      console.log(
        `    ${d.name.padEnd(44)} ${String(words(d.paragraphs.join(' '))).padStart(5)} words  ${String(q.length).padStart(3)} quotations, ${String(attributed).padStart(3)} attributed, ${String(a.quotes.reported.length).padStart(3)} reported  ${people.join(', ')}`
      )
    }
  }

  const runs = 5
  const full: number[] = []
  const floor: number[] = []
  const rules: number[] = []
  for (let r = 0; r < runs; r++) {
    let t = performance.now()
    const cached = docs.map((d) => d.paragraphs.map((p) => engine.analyse(p)))
    docs.forEach((d, i) => analyseArticle(inputs(d), cached[i]))
    full.push(performance.now() - t)
    t = performance.now()
    for (const d of docs) for (const p of d.paragraphs) engine.tokenize(p)
    floor.push(performance.now() - t)
    t = performance.now()
    docs.forEach((d, i) => analyseArticle(inputs(d), cached[i]))
    rules.push(performance.now() - t)
  }
  const per10k = (x: number): number => (x / total) * 10_000
  const f = per10k(median(full))
  const fl = per10k(median(floor))
  row('analysis per 10,000 words (NLP + our rules)', ms(f), `median of ${runs}`)
  row('floor: compromise tokenisation alone, per 10,000 words', ms(fl), `same text, same run; ratio ${(f / fl).toFixed(1)}x`)
  row('our rules alone (NLP results cached), per 10,000 words', ms(per10k(median(rules))), 'what a request costs once the cache is warm')

  // Through the backend: a 100,000-word article (the sample's paragraphs repeated), in the worker pool, cached.
  const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-analysis-'))
  const backend = createBackend({ dataDir: dir, mode: 'web', resourcesDir: join(ROOT, 'resources'), pdf: async () => new Uint8Array() })
  try {
    const lines = SAMPLE.split('\n').map((l) => l.trim()).filter(Boolean)
    const copies = Math.ceil(100_000 / words(SAMPLE))
    const paragraphs: string[] = []
    for (let c = 0; c < copies; c++) for (const l of lines) paragraphs.push(`${l} (${c + 1})`)
    const text = paragraphs.join('\n\n')
    const { article } = await backend.importText({ text, title: 'Long' })
    const w = words(text)
    let t = performance.now()
    await backend.listQuotes(article.id)
    const first = performance.now() - t
    t = performance.now()
    await backend.listEntities(article.id)
    const again = performance.now() - t
    const changed = paragraphs.map((p, i) => (i === 7 ? p.replace('Russia', 'Russia, officials said,') : p)).join('\n\n')
    await backend.reimportArticle({ articleId: article.id, name: 'long.txt', base64: Buffer.from(changed).toString('base64'), format: 'txt' })
    t = performance.now()
    await backend.listQuotes(article.id)
    const oneChanged = performance.now() - t
    row(`backend: first analysis of ${w.toLocaleString('en-US')} words (worker, incl. import's background work)`, ms(first), `${ms((first / w) * 10_000)} per 10,000 words`)
    row('backend: the same article again (nothing changed)', ms(again), 'answered from memory')
    row('backend: after a re-import that changed one paragraph', ms(oneChanged), 'one paragraph re-analysed, rules over all')
  } finally {
    await backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
