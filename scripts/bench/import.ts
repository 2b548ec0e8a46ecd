// Import benchmark: how clean real saved pages come out (words kept that belong to the article, article words kept),
// import time per page and per MB, and how the backend answers a note save while a large import runs. Figures are
// printed beside a peer measured in the same run (the whole-page reading Gloss did before, an idle save) and the
// ratio. Asserts nothing. Uses ../shared/fixtures/pages when it exists (a user's clone may not have it).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { extractHtml } from '../../src/core/import/html/extract'
import { segmentHtml } from '../../src/core/import/html/segment'
import type { PMNode } from '../../src/core/model'
import { jsdomEnv } from '../../src/main/import/html-env'
import { createBackend } from '../../src/main/services'
import { closePrinter, printPdf } from '../../tests/support/pdf'
import { makeDocx, makeEpub } from '../../tests/support/zip-documents'
import { resourceUsage } from 'node:process'

const ROOT = join(__dirname, '..', '..')
const PAGES = join(ROOT, '..', 'shared', 'fixtures', 'pages')

const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`
const pct = (n: number): string => `${(n * 100).toFixed(1)} %`
const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(52)} ${value.padStart(12)}  ${note}`)
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
}

/**
 * Where each page's article is, by hand (as a site-specific extractor would say): its body container and, inside it,
 * what is not the article. The reference text is the prose, headings, list items, quotes and captions in there.
 */
const REFERENCES: Record<string, { body: string; drop?: string }> = {
  'abcnews.go.com.html': { body: '.FITT_Article_main__body' },
  'fortune.com.html': { body: 'article', drop: '.article-ad, .newsletter, [class*="share"]' },
  'gothamist.com.html': { body: '.c-article__body', drop: '.donate-banner-content, [class*="newsletter"]' },
  'newrepublic.com.html': { body: '.article-body', drop: '.article-tags, .article-byline, [class*="share"]' },
  'obamawhitehouse.archives.gov--speeches.html': { body: '#content-start .field-items' },
  'www.npr.org.html': { body: '#storytext', drop: '.credit, .toggle-caption, [class*="enlarge"]' },
  'www.politico.com.html': { body: '.story-text', drop: '[class*="story-meta"], [class*="share"]' },
  'www.reuters.com.html': { body: '.ArticleBodyWrapper', drop: '[class*="byline"], [class*="Slideshow"], [class*="Attribution"]' },
  'www.theatlantic.com.html': { body: 'section.ArticleBody_root__nZ4AR', drop: '[class*="Newsletter"], [class*="partialDivider"]' }
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []

function referenceText(html: string, spec: { body: string; drop?: string }): string {
  const doc = new JSDOM(html).window.document
  const parts: string[] = []
  for (const body of doc.querySelectorAll(spec.body)) {
    if (spec.drop) for (const el of body.querySelectorAll(spec.drop)) el.remove()
    for (const el of body.querySelectorAll('script, style, noscript, button, nav, aside, iframe, svg')) el.remove()
    for (const el of body.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td, th')) {
      // Only the innermost: a <p> inside a <blockquote> is counted once.
      if (el.querySelector('p, li, blockquote, h2, h3, h4, figcaption, td')) continue
      parts.push(el.textContent ?? '')
    }
  }
  return parts.join('\n')
}

/** Shared words of two multisets: precision (of `kept`) and recall (of `reference`). */
function overlap(kept: string[], reference: string[]): { precision: number; recall: number; common: number } {
  const counts = new Map<string, number>()
  for (const w of reference) counts.set(w, (counts.get(w) ?? 0) + 1)
  let common = 0
  for (const w of kept) {
    const c = counts.get(w) ?? 0
    if (c > 0) {
      common++
      counts.set(w, c - 1)
    }
  }
  return { precision: kept.length ? common / kept.length : 0, recall: reference.length ? common / reference.length : 0, common }
}

function extractionQuality(): void {
  if (!existsSync(PAGES)) {
    console.log('  (../shared/fixtures/pages is not here: extraction quality on real pages skipped)')
    return
  }
  console.log('Extraction of real saved news pages (../shared/fixtures/pages; reference = the article body, chosen by hand)')
  console.log(`  ${'page'.padEnd(44)} ${'kept that is article'.padStart(20)} ${'article kept'.padStart(13)}   whole page before`)
  const totals = { kept: 0, ref: 0, common: 0, oldKept: 0, oldCommon: 0 }
  for (const file of readdirSync(PAGES).filter((f) => REFERENCES[f])) {
    const html = readFileSync(join(PAGES, file), 'utf8')
    const ref = words(referenceText(html, REFERENCES[file]))
    const kept = words(extractHtml({ html, name: file }, jsdomEnv).blocks.map((b) => b.text).join('\n'))
    // The peer: what Gloss kept before Readability (the whole sanitised body, menus and all).
    const old = words(segmentHtml(jsdomEnv.sanitize(html)).map((b) => b.text).join('\n'))
    const now = overlap(kept, ref)
    const before = overlap(old, ref)
    totals.kept += kept.length
    totals.ref += ref.length
    totals.common += now.common
    totals.oldKept += old.length
    totals.oldCommon += before.common
    console.log(`  ${file.padEnd(44)} ${pct(now.precision).padStart(20)} ${pct(now.recall).padStart(13)}   ${pct(before.precision)} / ${pct(before.recall)}`)
  }
  const precision = totals.common / totals.kept
  const recall = totals.common / totals.ref
  const oldPrecision = totals.oldCommon / totals.oldKept
  row('all pages: kept words that belong to the article', pct(precision), `aim >= 90 %; whole page before: ${pct(oldPrecision)} (${(precision / oldPrecision).toFixed(2)}x)`)
  row('all pages: article words kept', pct(recall), 'aim >= 95 %')
}

function syntheticPage(paragraphs: number): string {
  const nav = '<nav><ul>' + Array.from({ length: 40 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('') + '</ul></nav>'
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<p>Paragraph ${i + 1}: the delegations met again on <em>Thursday</em> and agreed to publish the inspection rules, said <a href="https://example.org/${i}">the mediator</a>, who asked not to be named.</p>`
  ).join('\n')
  return `<!doctype html><html lang="en"><head><title>Long read | Example Times</title><meta property="og:site_name" content="Example Times"></head><body>${nav}<main><article><h1>Long read</h1>${body}</article></main><footer>© Example</footer></body></html>`
}

function noteDoc(words: number): PMNode {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The analyst notes the claim. '.repeat(Math.ceil(words / 5)) }] }] }
}

async function backendFigures(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-import-'))
  const backend = createBackend({ dataDir, mode: 'web', resourcesDir: join(ROOT, 'resources'), pdf: async () => new Uint8Array() })
  try {
    console.log('\nImport through the backend (worker thread, then SQLite)')
    const files = existsSync(PAGES) ? readdirSync(PAGES).filter((f) => f.endsWith('.html')).map((f) => join(PAGES, f)) : []
    for (const f of readdirSync(join(ROOT, 'tests/fixtures/pages'))) files.push(join(ROOT, 'tests/fixtures/pages', f))
    const first = performance.now()
    await backend.importFile({ name: 'warm-up.html', base64: Buffer.from(syntheticPage(5)).toString('base64') })
    row('first import (starts the worker, loads jsdom)', ms(performance.now() - first))
    const times: number[] = []
    for (let round = 0; round < 3; round++) {
      for (const file of files) {
        const bytes = readFileSync(file)
        const t = performance.now()
        await backend.importFile({ name: file.split('/').pop()!, base64: bytes.toString('base64') })
        times.push(performance.now() - t)
      }
    }
    row(`import a saved page (${files.length} pages x 3)`, ms(quantile(times, 0.5)), `median; p95 ${ms(quantile(times, 0.95))}`)

    const big = Buffer.from(syntheticPage(20_000))
    const t = performance.now()
    await backend.importFile({ name: 'long-read.html', base64: big.toString('base64') })
    const tBig = performance.now() - t
    row(`import ${(big.length / 1024 / 1024).toFixed(1)} MB of HTML (20,000 paragraphs)`, ms(tBig), `${ms(tBig / (big.length / 1024 / 1024))} per MB`)

    // A note saved every 50 ms, idle and while a 50,000-paragraph page imports.
    const note = await backend.getArticleNote((await backend.listArticles())[0].id)
    let revision = note.revision
    const save = async (): Promise<number> => {
      const s = performance.now()
      const r = await backend.saveNote({ id: note.id, doc: noteDoc(300), baseRevision: revision })
      if (r.ok) revision = r.note.revision
      return performance.now() - s
    }
    const idle: number[] = []
    for (let i = 0; i < 40; i++) {
      idle.push(await save())
      await new Promise((r) => setTimeout(r, 50))
    }
    // The page from the issue: 2.6 MB, 50,000 short paragraphs.
    const huge = Buffer.from(
      `<!doctype html><html><head><title>Huge page</title></head><body>${Array.from({ length: 50_000 }, (_, i) => `<p>Short paragraph ${i} of it.</p>`).join('\n')}</body></html>`
    )
    const busy: number[] = []
    let done = false
    const started = performance.now()
    const importing = backend.importFile({ name: 'huge.html', base64: huge.toString('base64') }).finally(() => (done = true))
    while (!done) {
      busy.push(await save())
      await new Promise((r) => setTimeout(r, 50))
    }
    await importing
    const tHuge = performance.now() - started
    row(`import a ${(huge.length / 1024 / 1024).toFixed(1)} MB page of 50,000 paragraphs`, ms(tHuge), `${busy.length} note saves meanwhile`)
    row('note save while idle', ms(quantile(idle, 0.5)), `p95 ${ms(quantile(idle, 0.95))}`)
    row('note save during that import', ms(quantile(busy, 0.5)), `p95 ${ms(quantile(busy, 0.95))}, max ${ms(Math.max(...busy))}; p95 ratio ${(quantile(busy, 0.95) / quantile(idle, 0.95)).toFixed(1)}x`)
  } finally {
    await backend.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const SENTENCE = 'The committee examined the evidence presented by the delegations and concluded that the verification methods in the draft were insufficient for a treaty of this scope.'

async function documentFigures(): Promise<void> {
  console.log('\nPDF, EPUB and Word (through the backend: worker, layout, SQLite)')
  const dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-docs-'))
  const backend = createBackend({ dataDir, mode: 'web', resourcesDir: join(ROOT, 'resources'), pdf: async () => new Uint8Array() })
  try {
    // A 100-page report printed by Chromium: headings, justified paragraphs, a running head and page numbers.
    const body = Array.from({ length: 78 }, (_, s) => `<h2>${s + 1}. Section</h2>${Array.from({ length: 7 }, (_, i) => `<p>${s}.${i} ${SENTENCE} ${SENTENCE} ${SENTENCE}</p>`).join('')}`).join('')
    const pdf = await printPdf(`<!doctype html><html><head><style>body{font:11pt/1.5 'DejaVu Serif';text-align:justify} p{margin:0 0 6pt}</style></head><body><h1>Bench report</h1>${body}</body></html>`, {
      header: '<div style="font:8pt sans-serif;width:100%;text-align:center">Bench report</div>',
      footer: '<div style="font:8pt sans-serif;width:100%;text-align:center"><span class="pageNumber"></span></div>'
    })
    await closePrinter()
    const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    await backend.importFile({ name: 'warm.pdf', base64: Buffer.from(pdf).toString('base64') }) // warm-up: worker, pdf.js, lexicon
    const rssBefore = resourceUsage().maxRSS
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      const t = performance.now()
      await backend.importFile({ name: 'report.pdf', base64: Buffer.from(pdf).toString('base64') })
      times.push(performance.now() - t)
    }
    const median = quantile(times, 0.5)
    row(`import a ${pages}-page PDF (median of 3)`, ms(median), `${ms(median / pages)} per page`)
    row('peak resident memory (process, workers included)', `${(resourceUsage().maxRSS / 1024).toFixed(0)} MiB`, `${((resourceUsage().maxRSS - rssBefore) / 1024).toFixed(0)} MiB above the warm start`)

    const chapters = Array.from({ length: 40 }, (_, c) => ({ file: `c${c}.xhtml`, title: `Chapter ${c + 1}`, body: Array.from({ length: 60 }, (_, i) => `<p>${c}.${i} ${SENTENCE}</p>`).join('') }))
    const epub = makeEpub({ title: 'Bench novel', creators: [{ name: 'A. Writer' }], chapters })
    // Median of 3 (the pool has two workers: the first import may start a cold one).
    const timed = async (name: string, bytes: Uint8Array): Promise<number> => {
      const runs: number[] = []
      for (let i = 0; i < 3; i++) {
        const t = performance.now()
        await backend.importFile({ name, base64: Buffer.from(bytes).toString('base64') })
        runs.push(performance.now() - t)
      }
      return quantile(runs, 0.5)
    }
    const epubMs = await timed('novel.epub', epub)
    const epubText = chapters.reduce((n, c) => n + c.body.length, 0) / 1024 / 1024
    row(`import an EPUB (${chapters.length} chapters, ${epubText.toFixed(1)} MB of XHTML)`, ms(epubMs), `${ms(epubMs / epubText)} per MB`)

    const docx = makeDocx({ title: 'Bench brief', blocks: Array.from({ length: 6000 }, (_, i) => (i % 50 === 0 ? { style: 'Heading1' as const, runs: [`Part ${i / 50 + 1}`] } : { runs: [`${i} ${SENTENCE}`] })) })
    const docxMs = await timed('brief.docx', docx)
    const docxMb = (6000 * (SENTENCE.length + 60)) / 1024 / 1024
    row(`import a Word file (6,000 paragraphs, ${docxMb.toFixed(1)} MB of document XML)`, ms(docxMs), `${ms(docxMs / docxMb)} per MB`)
  } finally {
    await backend.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log('\nGloss import benchmark\n')
  // Documents first: the peak memory figure is the process's, over its life so far.
  await documentFigures()
  extractionQuality()
  await backendFigures()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
