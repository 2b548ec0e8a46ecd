// Backend benchmark: import, anchoring, highlight and note writes, backlink queries, report building and PDF export,
// on synthetic data sized like heavy real use. Prints figures and ratios; asserts nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { anchorAll } from '../../src/core/anchoring/anchor'
import { describeRange } from '../../src/core/anchoring/describe'
import type { PMNode } from '../../src/core/model'
import { parsePlainText } from '../../src/core/import/text'
import { assignParagraphIds } from '../../src/core/paragraphs'
import { findChromium } from '../../src/main/export/browser'
import { chromiumPdfRenderer } from '../../src/main/export/pdf-chromium'
import { createBackend } from '../../src/main/services'

const ROOT = join(__dirname, '..', '..')
const sample = readFileSync(join(ROOT, 'resources/putin-xi-sco-summit.txt'), 'utf8')
const sampleLines = sample.split('\n').filter((l) => l.trim())

function time<T>(fn: () => T): [T, number] {
  const t = performance.now()
  const r = fn()
  return [r, performance.now() - t]
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const r = await fn()
  return [r, performance.now() - t]
}
const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MiB`
const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(52)} ${value.padStart(12)}  ${note}`)

/** A long article: the sample's paragraphs repeated with a counter, blank-line separated. */
function bigArticle(paragraphs: number): string {
  const out: string[] = []
  for (let i = 0; i < paragraphs; i++) out.push(`${sampleLines[i % sampleLines.length]} (${i + 1})`)
  return out.join('\n\n')
}

function noteWithRefs(articleId: string, paragraphIds: string[], words: number, refs: number): PMNode {
  const content: PMNode[] = []
  const sentence = 'The analyst weighs the claim against the record and notes what the source leaves out'.split(' ')
  let written = 0
  let r = 0
  while (written < words) {
    const text: PMNode[] = [{ type: 'text', text: Array.from({ length: 40 }, (_, i) => sentence[(written + i) % sentence.length]).join(' ') + ' ' }]
    written += 40
    if (r < refs) {
      const pid = paragraphIds[r % paragraphIds.length]
      text.push({ type: 'paragraphRef', attrs: { articleId, paragraphId: pid, quote: '', label: String((r % paragraphIds.length) + 1) } })
      r++
    }
    content.push({ type: 'paragraph', content: text })
  }
  return { type: 'doc', content }
}

async function main(): Promise<void> {
  console.log('Gloss benchmark (Node %s, %s)\n', process.version, process.arch)

  console.log('Import and anchoring (pure core)')
  const big = bigArticle(5000)
  const [parsed, tParse] = time(() => parsePlainText(big, 'big.txt'))
  const [paras, tIds] = time(() => assignParagraphIds(parsed.blocks))
  row(`parse 5,000 paragraphs (${(big.length / 1024 / 1024).toFixed(1)} MB)`, ms(tParse))
  row('assign stable paragraph ids', ms(tIds))
  const edited = [{ kind: 'p' as const, text: 'A new opening paragraph inserted by the editor.' }, ...parsed.blocks]
  const [, tReid] = time(() => assignParagraphIds(edited, paras))
  row('re-import alignment after an inserted paragraph', ms(tReid))

  const highlights = Array.from({ length: 1000 }, (_, i) => {
    const p = paras[(i * 7) % paras.length]
    const targets = describeRange(paras, { paragraphId: p.id, offset: 10 }, { paragraphId: p.id, offset: 60 })
    return { id: `h${i}`, articleId: 'a', color: 'yellow' as const, comment: '', targets, createdAt: '', updatedAt: '' }
  })
  const [, tExact] = time(() => anchorAll(paras, highlights))
  row('anchor 1,000 highlights (text unchanged)', ms(tExact), `${ms(tExact / 1000)} each`)
  const shifted = assignParagraphIds(edited, paras)
  const [, tShift] = time(() => anchorAll(shifted, highlights))
  row('anchor 1,000 highlights (paragraph inserted)', ms(tShift), `ratio ${(tShift / tExact).toFixed(2)}x`)
  const typo = shifted.map((p, i) => (i % 7 === 1 ? { ...p, text: p.text.replace('Putin', 'Poutine') } : p))
  const [, tFuzzy] = time(() => anchorAll(typo, highlights.slice(0, 100)))
  row('anchor 100 highlights (quote edited: fuzzy path)', ms(tFuzzy), `${ms(tFuzzy / 100)} each`)

  console.log('\nStore (real SQLite, WAL)')
  const dataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-'))
  const pdf = chromiumPdfRenderer()
  const backend = createBackend({ dataDir, mode: 'web', resourcesDir: join(ROOT, 'resources'), pdf })
  try {
    const bytes = Buffer.from(big, 'utf8')
    const [imported, tImport] = await timeAsync(() => backend.importFile({ name: 'big.txt', base64: bytes.toString('base64') }))
    row('import 5,000-paragraph article (parse + write)', ms(tImport))
    const article = await backend.getArticle(imported.article.id)
    const [, tCreate] = await timeAsync(async () => {
      for (const h of highlights.slice(0, 500)) {
        const p = article.paragraphs[(Number(h.id.slice(1)) * 7) % article.paragraphs.length]
        await backend.createHighlight({ articleId: article.id, color: 'green', comment: 'bench', targets: describeRange(article.paragraphs, { paragraphId: p.id, offset: 5 }, { paragraphId: p.id, offset: 40 }) })
      }
    })
    row('create 500 highlights', ms(tCreate), `${ms(tCreate / 500)} each`)
    const [, tList] = await timeAsync(() => backend.listHighlights(article.id))
    row('list + anchor 500 highlights', ms(tList))

    const note = await backend.getArticleNote(article.id)
    const ids = article.paragraphs.map((p) => p.id)
    const doc = noteWithRefs(article.id, ids, 20_000, 500)
    const [saved, tSave] = await timeAsync(() => backend.saveNote({ id: note.id, doc, baseRevision: note.revision }))
    row('save a 20,000-word note with 500 references', ms(tSave))
    const [backlinks, tBack] = await timeAsync(() => backend.getBacklinks(article.id))
    row(`backlinks query (${Object.keys(backlinks).length} cited paragraphs)`, ms(tBack))
    let revision = saved.ok ? saved.note.revision : 0
    const small = noteWithRefs(article.id, ids, 300, 10)
    const n = 50
    const [, tSmall] = await timeAsync(async () => {
      for (let i = 0; i < n; i++) {
        const r = await backend.saveNote({ id: note.id, doc: small, baseRevision: revision })
        if (r.ok) revision = r.note.revision
      }
    })
    row('save a 300-word note (typical autosave)', ms(tSmall / n), 'mean of 50')

    console.log('\nReport export (50-page report)')
    // A report of about 50 pages: 300 paragraphs, a third highlighted with comments, a cited analysis.
    const mid = Buffer.from(bigArticle(300), 'utf8')
    const rep = await backend.importFile({ name: 'report-bench.txt', base64: mid.toString('base64') })
    const repArticle = await backend.getArticle(rep.article.id)
    for (let i = 0; i < repArticle.paragraphs.length; i += 3) {
      const p = repArticle.paragraphs[i]
      await backend.createHighlight({ articleId: repArticle.id, color: (['yellow', 'green', 'blue', 'red'] as const)[i % 4], comment: i % 6 === 0 ? `Comment on paragraph ${i + 1}` : '', targets: describeRange(repArticle.paragraphs, { paragraphId: p.id, offset: 0 }, { paragraphId: p.id, offset: 80 }) })
    }
    const repNote = await backend.getArticleNote(repArticle.id)
    await backend.saveNote({ id: repNote.id, doc: noteWithRefs(repArticle.id, repArticle.paragraphs.map((p) => p.id), 3_000, 60), baseRevision: repNote.revision })
    const opts = { articleId: repArticle.id, pageSize: 'A4' as const, scope: 'full' as const, analyst: 'Bench', style: 'apa' as const }
    await backend.exportReport({ ...opts, format: 'md' }) // warm-up: citation-js and its styles load once
    const [html, tHtml] = await timeAsync(() => backend.exportReport({ ...opts, format: 'html' }))
    row('build report HTML', ms(tHtml), `${(html.byteLength / 1024).toFixed(0)} KiB`)
    const [, tMd] = await timeAsync(() => backend.exportReport({ ...opts, format: 'md' }))
    row('build report Markdown', ms(tMd))
    const [, tJson] = await timeAsync(() => backend.exportReport({ ...opts, format: 'json' }))
    row('build Web Annotation JSON', ms(tJson))
    await backend.exportReport({ ...opts, format: 'pdf' }) // warm-up: browser launch
    const [pdfFile, tPdf] = await timeAsync(() => backend.exportReport({ ...opts, format: 'pdf' }))
    const pages = (Buffer.from(pdfFile.base64, 'base64').toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    row(`export PDF (${pages} pages, browser warm)`, ms(tPdf), `${(pdfFile.byteLength / 1024).toFixed(0)} KiB`)

    const browser = await chromium.launch({ executablePath: findChromium()?.path, args: ['--no-sandbox', '--disable-gpu'] })
    const page = await browser.newPage({ javaScriptEnabled: false })
    const rawHtml = Buffer.from(html.base64, 'base64').toString('utf8')
    await page.setContent(rawHtml)
    await page.pdf({ format: 'A4' })
    const [, tBare] = await timeAsync(async () => {
      await page.setContent(rawHtml)
      await page.pdf({ format: 'A4', printBackground: true })
    })
    row('bare page.pdf() of the same HTML', ms(tBare), `export/bare ratio ${(tPdf / tBare).toFixed(2)}x`)

    console.log('\nProject report (5 sources, a project note citing all of them, tagged highlights)')
    // Five sources of 60 paragraphs (300 in all, like the 50-page report above), in three formats.
    const project = await backend.createProject({ title: 'Bench project' })
    const sourceIds: string[] = []
    for (let k = 0; k < 5; k++) {
      const body = bigArticle(60).replace(/\(\d+\)/g, (m) => `${m} [${k + 1}]`)
      const file = k % 3 === 0 ? { name: `source-${k}.txt`, text: body } : k % 3 === 1 ? { name: `source-${k}.md`, text: `# Source ${k + 1}\n\n${body}` } : { name: `source-${k}.html`, text: `<html><head><title>Source ${k + 1}</title><meta name="author" content="Author ${k + 1}"></head><body><article>${body.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>` }
      const r = await backend.importFile({ name: file.name, base64: Buffer.from(file.text).toString('base64'), projectId: project.id })
      sourceIds.push(r.article.id)
    }
    const tags = ['sanctions', 'energy', 'military', 'diplomacy']
    const refs: { articleId: string; paragraphId: string; label: string }[] = []
    for (const id of sourceIds) {
      const a = await backend.getArticle(id)
      for (let i = 0; i < a.paragraphs.length; i += 4) {
        const p = a.paragraphs[i]
        const h = await backend.createHighlight({ articleId: id, color: 'yellow', comment: i % 8 === 0 ? `Why it matters (${i + 1})` : '', targets: describeRange(a.paragraphs, { paragraphId: p.id, offset: 0 }, { paragraphId: p.id, offset: 60 }) })
        await backend.setTag({ kind: 'highlight', targetId: h.id, tag: tags[i % tags.length], on: true })
      }
      for (let i = 1; i < a.paragraphs.length; i += 6) refs.push({ articleId: id, paragraphId: a.paragraphs[i].id, label: String(i + 1) })
    }
    const brief = await backend.createNote({ title: 'Assessment', articleId: null, projectId: project.id })
    const content: PMNode[] = refs.map((r) => ({ type: 'paragraph', content: [{ type: 'text', text: 'The sources agree on this point, within limits ' }, { type: 'paragraphRef', attrs: { ...r, quote: '' } }] }))
    await backend.saveNote({ id: brief.id, doc: { type: 'doc', content }, baseRevision: brief.revision })
    const popts = { projectId: project.id, pageSize: 'A4' as const, scope: 'annotated' as const, analyst: 'Bench', style: 'apa' as const }
    const [, pMd] = await timeAsync(() => backend.exportReport({ ...popts, format: 'md' }))
    const [pHtml, pHtmlT] = await timeAsync(() => backend.exportReport({ ...popts, format: 'html' }))
    const [, pJson] = await timeAsync(() => backend.exportReport({ ...popts, format: 'json' }))
    const [pPdf, pPdfT] = await timeAsync(() => backend.exportReport({ ...popts, format: 'pdf' }))
    const pPages = (Buffer.from(pPdf.base64, 'base64').toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    const peer = (t: number, single: number): string => `single-source report of the same size ${ms(single)}, ratio ${(t / single).toFixed(2)}x`
    row(`project report Markdown (${refs.length} citations)`, ms(pMd), peer(pMd, tMd))
    row('project report HTML', ms(pHtmlT), `${(pHtml.byteLength / 1024).toFixed(0)} KiB; ${peer(pHtmlT, tHtml)}`)
    row('project report JSON (Web Annotation + CSL-JSON)', ms(pJson), peer(pJson, tJson))
    const projectHtml = Buffer.from(pHtml.base64, 'base64').toString('utf8')
    const [, pBare] = await timeAsync(async () => {
      await page.setContent(projectHtml)
      await page.pdf({ format: 'A4', printBackground: true })
    })
    row(`project report PDF (${pPages} pages)`, ms(pPdfT), `bare page.pdf() of the same HTML ${ms(pBare)}, ratio ${(pPdfT / pBare).toFixed(2)}x`)
    const { formatBibliography } = await import('../../src/main/export/bibliography')
    const { toCslItem } = await import('../../src/core/report/csl')
    const items = await Promise.all(sourceIds.map(async (id) => toCslItem(await backend.getArticle(id))))
    const [, tBib] = time(() => formatBibliography(items, 'chicago-author-date', join(ROOT, 'resources')))
    row('bibliography of 5 sources (citation-js, Chicago)', ms(tBib))
    await browser.close()
  } finally {
    backend.close()
    await pdf.close()
    rmSync(dataDir, { recursive: true, force: true })
  }

  globalThis.gc?.()
  const mem = process.memoryUsage()
  console.log('\nMemory after the run')
  row('resident set size', mb(mem.rss))
  row('V8 heap used', mb(mem.heapUsed))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
