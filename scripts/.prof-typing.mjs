import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
const ROOT = process.cwd()
function startServer(dataDir) {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-open', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, env: { ...process.env, GLOSS_NO_BUILD: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let out = ''
  return new Promise((resolve) => { child.stdout.on('data', (c) => { out += c; const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out); if (m) resolve({ child, url: m[1] }) }) })
}
const api = (page, method, args) => page.evaluate(async ({ method, args }) => (await (await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gloss-token': sessionStorage.getItem('gloss.token') ?? '' }, body: JSON.stringify({ args }) })).json()).result, { method, args })
function bigDoc(articleId, ids, words) {
  const vocab = 'the relationship between Moscow and Beijing shifted as sanctions energy exports summit partnership pressure rubles pipeline analysts argue evidence suggests however'.split(' ')
  const content = []; let n = 0
  for (let i = 0; n < words; i++) {
    if (i % 20 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Section ${i / 20 + 1}` }] })
    const len = Math.min(100, words - n); n += len
    const inline = [{ type: 'text', text: `${Array.from({ length: len }, (_, k) => vocab[(i * 7 + k * 3) % vocab.length]).join(' ')} ` }]
    if (i % 4 === 0) inline.push({ type: 'paragraphRef', attrs: { articleId, paragraphId: ids[i % ids.length], quote: '', label: String((i % ids.length) + 1) } })
    content.push({ type: 'paragraph', content: inline })
  }
  return { type: 'doc', content }
}
const { child, url } = await startServer(mkdtempSync(join(tmpdir(), 'gloss-prof-')))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
await page.goto(url)
await page.getByRole('button', { name: /^Open / }).first().click()
const editor = page.getByRole('textbox', { name: 'Analyst notes' })
await editor.waitFor()
const [article] = await api(page, 'listArticles', [])
const full = await api(page, 'getArticle', [article.id])
const note = await api(page, 'getArticleNote', [article.id])
await api(page, 'saveNote', [{ id: note.id, doc: bigDoc(article.id, full.paragraphs.map((p) => p.id), 50000), baseRevision: note.revision }])
await page.reload()
await editor.waitFor()
await page.getByText(/^5\d,\d{3} words$/).waitFor({ timeout: 60000 })
await page.waitForTimeout(1000)
await editor.click(); await page.keyboard.press('Control+End')
async function metrics(p, run) {
  const c = await p.context().newCDPSession(p)
  await c.send('Performance.enable')
  const get = async () => Object.fromEntries((await c.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const a = await get(); await run(); const b = await get()
  const keys = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'LayoutCount', 'RecalcStyleCount']
  return Object.fromEntries(keys.map((k) => [k, +(b[k] - a[k]).toFixed(3)]))
}
const type = (p) => p.keyboard.type(' typing latency probe in a very long analyst note, eighty characters', { delay: 45 })
const cost = await page.evaluate(async ({ doc, id }) => {
  const t0 = performance.now(); const body = JSON.stringify({ args: [{ id, doc, baseRevision: 0 }] }); const t1 = performance.now()
  const f = fetch('/api/ping', { method: 'POST', headers: { 'content-type': 'application/json' }, body }); const t2 = performance.now()
  await f.catch(() => 0); const t3 = performance.now()
  return { stringify: t1 - t0, fetchSync: t2 - t1, roundTrip: t3 - t2, kb: body.length / 1024 }
}, { doc: bigDoc(article.id, full.paragraphs.map((p) => p.id), 50000), id: note.id })
console.log('save cost', cost)
async function lat(p) {
  await p.evaluate(() => {
    const w = window; w.__lat = []; w.__saves = []
    const of = w.fetch; w.fetch = function (u, o) { const t = performance.now(); const r = of.call(this, u, o); if (String(u).includes('saveNote')) r.finally(() => w.__saves.push([t, performance.now()])); return r }
    document.addEventListener('keydown', () => { const s = performance.now(); requestAnimationFrame(() => setTimeout(() => w.__lat.push([s, performance.now() - s]), 0)) }, true)
  })
  await p.keyboard.type(' typing latency probe in a very long analyst note, eighty characters typed here', { delay: 45 })
  await p.waitForTimeout(800)
  return p.evaluate(() => ({ lat: window.__lat, saves: window.__saves }))
}
{
  const r = await lat(page)
  const xs = r.lat.map((x) => x[1]).sort((a, b) => a - b)
  console.log('gloss p50', xs[Math.floor(xs.length / 2)].toFixed(1), 'p95', xs[Math.floor(xs.length * 0.95)].toFixed(1), 'saves', r.saves.map(([a, b]) => `${a.toFixed(0)}-${b.toFixed(0)}`).join(' '))
  console.log('slow keys', r.lat.filter((x) => x[1] > 25).map(([t, d]) => `${t.toFixed(0)}:${d.toFixed(0)}`).join(' '))
}
console.log('gloss', await metrics(page, async () => { await type(page); await page.waitForTimeout(500) }))
const { build } = await import('esbuild')
const bundle = await build({ entryPoints: ['scripts/bench/bare-tiptap.ts'], bundle: true, write: false, format: 'iife', logLevel: 'silent' })
const bare = await browser.newPage({ viewport: { width: 1440, height: 900 } })
await bare.setContent('<!doctype html><meta charset="utf-8"><body style="margin:0"></body>')
await bare.addScriptTag({ content: bundle.outputFiles[0].text })
await bare.evaluate((d) => window.mountBare(d), bigDoc(article.id, full.paragraphs.map((p) => p.id), 50000))
const be = bare.getByRole('textbox', { name: 'Bare TipTap' }); await be.click(); await bare.keyboard.press('Control+End'); await bare.waitForTimeout(500)
console.log('bare', await metrics(bare, async () => { await type(bare); await bare.waitForTimeout(500) }))
const cdp = await page.context().newCDPSession(page)
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start')
await page.bringToFront(); await editor.click(); await page.keyboard.press('Control+End')
await type(page)
await page.waitForTimeout(500)
const { profile } = await cdp.send('Profiler.stop')
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const dt = profile.timeDeltas; let total = 0
profile.samples.forEach((id, i) => { const n = byId.get(id); const f = n.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0)); total += dt[i] ?? 0 })
console.log('total ms', (total / 1000).toFixed(0))
;[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k))
await browser.close(); process.kill(-child.pid)
