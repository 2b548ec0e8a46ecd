// Integration: the sample with a highlight, a comment and a cited note, exported to PDF through headless
// Chromium, then read back with pdf.js (text, page facts, a rendered page).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Article } from '../../core/model'
import { pdfFacts, pdfPagePng, pdfPageTexts } from '../../../tests/support/pdf'
import { docWithRefs, openBackend, removeTempDirs, target } from '../services/test-helpers'
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
    const file = await backend.exportReport({ articleId: article.id, format: 'pdf', pageSize: 'A4', scope: 'full', analyst: 'Test Analyst', style: 'apa' })
    backend.close()

    const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'))
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')

    const text = (await pdfPageTexts(bytes)).join(' ').replace(/\s+/g, ' ')
    expect(text).toContain('Beijing keeps its distance while buying discounted energy')
    expect(text).toContain('first face-to-face assembly since Putin invaded Ukraine')
    expect(text).toContain('Framing: first meeting since the invasion.')
    expect(text).toMatch(/\[¶\s?\d+/)
    expect(text).toMatch(/Page 1 of \d+/)

    const facts = await pdfFacts(bytes)
    expect(facts.pages).toBeGreaterThanOrEqual(2)
    expect(facts.tagged).toBe(true)
    // A4 is 595.3 × 841.9 points (Chromium rounds to whole pixels at 96 dpi: 596 × 843).
    expect(Math.abs(facts.width - 595.3)).toBeLessThan(1.5)
    expect(Math.abs(facts.height - 841.9)).toBeLessThan(1.5)
    expect(facts.links).toBeGreaterThan(0)

    // Page 1 as a picture: the reviewable artifact (written when missing or when GLOSS_UPDATE_ARTIFACTS=1, so that
    // test runs do not churn the committed file).
    const png = await pdfPagePng(bytes, 1, 0.85)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const artifact = join(ARTIFACTS, 'report-page-1.png')
    if (!existsSync(artifact) || process.env.GLOSS_UPDATE_ARTIFACTS === '1') {
      mkdirSync(ARTIFACTS, { recursive: true })
      writeFileSync(artifact, png)
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
