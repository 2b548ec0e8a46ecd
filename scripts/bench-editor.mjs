#!/usr/bin/env node
// Notes-editor benchmark (part of `npm run bench`): in web mode and Chromium, measures the saveNote round trip
// (small and 20,000-word notes), the time to open a 20,000-word note, and the typing latency in it
// (keydown -> next frame after the editor updated, 50 characters typed with the real keyboard). Asserts nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { ensureFreshBuild, ROOT } from './ensure-build.mjs'
import { startWebMode, stopWebMode } from './bench/web-mode.mjs'

const WORDS = 20_000
const KEYS = 50
const SAVE_RUNS = 10

const ms = (n) => `${n.toFixed(n < 10 ? 2 : 1)} ms`
const row = (label, value, note = '') => console.log(`  ${label.padEnd(52)} ${value.padStart(12)}  ${note}`)
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] }
}



/** A 20,000-word analysis: headings, paragraphs of ~100 words, a reference chip every few paragraphs. */
function bigDoc(articleId, paragraphIds, words) {
  const vocab = 'the relationship between Moscow and Beijing shifted as sanctions energy exports summit partnership pressure rubles pipeline Kherson counteroffensive analysts argue evidence suggests however'.split(' ')
  const content = []
  let n = 0
  let i = 0
  while (n < words) {
    if (i % 20 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Section ${i / 20 + 1}` }] })
    const len = Math.min(100, words - n)
    const text = Array.from({ length: len }, (_, k) => vocab[(i * 7 + k * 3) % vocab.length]).join(' ')
    n += len
    const inline = [{ type: 'text', text: `${text} ` }]
    if (i % 4 === 0) {
      const pid = paragraphIds[i % paragraphIds.length]
      inline.push({ type: 'paragraphRef', attrs: { articleId, paragraphId: pid, quote: '', label: String((i % paragraphIds.length) + 1) } })
    }
    content.push({ type: 'paragraph', content: inline })
    i++
  }
  return { type: 'doc', content }
}

/** After a reload the app reopens the last article; open it from the library when it does not. */
async function openArticle(page) {
  const article = page.getByRole('article')
  const open = page.getByRole('button', { name: /^Open / }).first()
  await article.or(open).first().waitFor()
  if (!(await article.isVisible())) await open.click()
  await page.getByRole('textbox', { name: 'Analyst notes' }).waitFor()
}

/**
 * Types KEYS characters at the end of the note with the real keyboard and measures, per key, the time from
 * keydown to the first task after the next animation frame (the editor has updated and the frame is painted).
 */
async function typingLatency(page, editor) {
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.evaluate(() => {
    const w = window
    w.__latencies = []
    if (w.__probe) return
    w.__probe = true
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now()
        requestAnimationFrame(() => setTimeout(() => w.__latencies.push(performance.now() - start), 0))
      },
      true
    )
  })
  await page.keyboard.type(' Typing latency probe: fifty characters in total!!'.slice(0, KEYS), { delay: 40 })
  await page.waitForTimeout(500)
  const lat = await page.evaluate(() => window.__latencies)
  return { n: lat.length, ...stats(lat) }
}

async function main() {
  if (!ensureFreshBuild({ entry: 'web.js' })) process.exit(1)
  const dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-editor-'))
  const { child, url } = await startWebMode(dataDir)
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(url)
    // The bundled sample is imported on first run; open it.
    await page.getByRole('button', { name: /^Open / }).first().click()
    const editor = page.getByRole('textbox', { name: 'Analyst notes' })
    await editor.waitFor()

    const call = (method, args) =>
      page.evaluate(
        async ({ method, args }) => {
          const t = performance.now()
          const res = await fetch(`/api/${method}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-gloss-token': sessionStorage.getItem('gloss.token') ?? '' },
            body: JSON.stringify({ args })
          })
          const body = await res.json()
          return { body, ms: performance.now() - t }
        },
        { method, args }
      )

    const [article] = (await call('listArticles', [])).body.result
    const full = (await call('getArticle', [article.id])).body.result
    let note = (await call('getArticleNote', [article.id])).body.result
    const small = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A short note.' }] }] }
    const big = bigDoc(article.id, full.paragraphs.map((p) => p.id), WORDS)

    console.log('Notes editor (web mode, Chromium)\n')
    const timesSmall = []
    const timesBig = []
    let revision = note.revision
    for (let r = 0; r < SAVE_RUNS; r++) {
      const a = await call('saveNote', [{ id: note.id, doc: small, baseRevision: revision }])
      revision = a.body.result.note.revision
      timesSmall.push(a.ms)
      const b = await call('saveNote', [{ id: note.id, doc: big, baseRevision: revision }])
      revision = b.body.result.note.revision
      timesBig.push(b.ms)
    }
    // Baseline: typing in the 3-word note (the last save above was the big one: put the small one back).
    const back = await call('saveNote', [{ id: note.id, doc: small, baseRevision: revision }])
    revision = back.body.result.note.revision
    await page.reload()
    await openArticle(page)
    await page.getByText(/^3 words$/).waitFor()
    const base = await typingLatency(page, editor)
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 })
    note = (await call('getArticleNote', [article.id])).body.result
    revision = note.revision
    const b2 = await call('saveNote', [{ id: note.id, doc: big, baseRevision: revision }])
    revision = b2.body.result.note.revision

    const s1 = stats(timesSmall)
    const s2 = stats(timesBig)
    row('saveNote round trip, 3-word note (median / p95)', ms(s1.median), `p95 ${ms(s1.p95)}`)
    row(`typing latency, 3-word note (${base.n} keys): median`, ms(base.median), `p95 ${ms(base.p95)}, max ${ms(base.max)} (baseline)`)
    row(`saveNote round trip, ${WORDS.toLocaleString('en-US')}-word note (median / p95)`, ms(s2.median), `p95 ${ms(s2.p95)}, ${(JSON.stringify(big).length / 1024).toFixed(0)} KiB JSON`)

    // Open the big note: reload (the app reopens the article and its note).
    const t0 = Date.now()
    await page.reload()
    await openArticle(page)
    await page.getByText(/^2\d,\d{3} words$/).waitFor({ timeout: 60_000 })
    row(`open a ${WORDS.toLocaleString('en-US')}-word note (reload to words counted)`, ms(Date.now() - t0), 'includes page load')
    const words = await page.getByText(/^\d[\d,]* words$/).innerText()

    const s3 = await typingLatency(page, editor)
    row(`typing latency, ${words} note (${s3.n} keys): median`, ms(s3.median), `p95 ${ms(s3.p95)}, max ${ms(s3.max)}`)
    // The autosave after typing (serialising + saving the whole note).
    await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 })
    row('autosave after typing', 'done', '600 ms debounce, then one saveNote')
  } finally {
    await browser.close()
    stopWebMode(child)
    setTimeout(() => rmSync(dataDir, { recursive: true, force: true }), 500)
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
