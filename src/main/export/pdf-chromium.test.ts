// Integration: the sample with a highlight, a comment and a cited note, exported to PDF through headless
// Chromium, then read back with poppler (pdftotext, pdfinfo, pdftoppm).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Article } from '../../core/model'
import { docWithRefs, openBackend, removeTempDirs, target, tempDir } from '../services/test-helpers'
import { findChromium } from './browser'
import { chromiumPdfRenderer } from './pdf-chromium'

const ARTIFACTS = resolve(__dirname, '..', '..', '..', 'tests', 'artifacts')
const pdf = chromiumPdfRenderer()

afterAll(async () => {
  await pdf.close()
  if (!process.env.GLOSS_KEEP_TMP) removeTempDirs()
})

describe.skipIf(!findChromium())('PDF export through headless Chromium', () => {
  it('prints the report: highlight, comment, note text, paragraph markers, links, several pages', async () => {
    const { backend } = openBackend(undefined, { pdf })
    const [summary] = await backend.listArticles()
    const article: Article = await backend.getArticle(summary.id)
    const p = article.paragraphs
    await backend.createHighlight({
      articleId: article.id,
      color: 'yellow',
      comment: 'Framing: first meeting since the invasion.',
      targets: [target(p[0], 'their first face-to-face assembly since Putin invaded Ukraine')]
    })
    const note = await backend.getArticleNote(article.id)
    await backend.saveNote({
      id: note.id,
      doc: docWithRefs('Beijing keeps its distance while buying discounted energy', [{ articleId: article.id, paragraphId: p[7].id, label: '8' }]),
      baseRevision: 0
    })
    const file = await backend.exportReport({ articleId: article.id, format: 'pdf', pageSize: 'A4', scope: 'full', analyst: 'Test Analyst' })
    backend.close()

    const bytes = Buffer.from(file.base64, 'base64')
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const dir = tempDir()
    const out = join(dir, file.filename)
    writeFileSync(out, bytes)

    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain('Beijing keeps its distance while buying discounted energy')
    expect(text).toContain('first face-to-face assembly since Putin invaded Ukraine')
    expect(text).toContain('Framing: first meeting since the invasion.')
    expect(text).toMatch(/\[¶\s?\d+/)
    expect(text).toMatch(/Page 1 of \d+/)

    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' })
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(2)
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/Page size:.*\(A4\)/)
    expect((bytes.toString('latin1').match(/\/Subtype\s*\/Link/g) ?? []).length).toBeGreaterThan(0)

    // Render pages 1-2 small; keep page 1 as the reviewable artifact (written when missing or when
    // GLOSS_UPDATE_ARTIFACTS=1, so that test runs do not churn the committed file).
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', out, join(dir, 'page')])
    const first = ['page-1.png', 'page-01.png'].map((f) => join(dir, f)).find((f) => existsSync(f))!
    expect(readFileSync(first).subarray(1, 4).toString()).toBe('PNG')
    const artifact = join(ARTIFACTS, 'report-page-1.png')
    if (!existsSync(artifact) || process.env.GLOSS_UPDATE_ARTIFACTS === '1') {
      mkdirSync(ARTIFACTS, { recursive: true })
      copyFileSync(first, artifact)
    }
  }, 120_000)

  it('reports a missing Chromium as export_failed in plain words', async () => {
    const missing = chromiumPdfRenderer({ executablePath: '/nonexistent/chromium' })
    await expect(missing('<p>x</p>', { pageSize: 'A4', title: 'x' })).rejects.toMatchObject({
      code: 'export_failed',
      message: expect.stringMatching(/PDF export needs Chromium/)
    })
    await missing.close()
  }, 60_000)
})
