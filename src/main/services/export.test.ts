import { afterEach, describe, expect, it } from 'vitest'
import type { Article } from '../../core/model'
import { slugify } from './export'
import { docWithRefs, openBackend, recordingPdf, removeTempDirs, rowCounts, target } from './test-helpers'

afterEach(removeTempDirs)

const text = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8')

async function annotated(pdf = recordingPdf()) {
  const { backend, dataDir } = openBackend(undefined, { pdf })
  const [summary] = await backend.listArticles()
  const article: Article = await backend.getArticle(summary.id)
  const p = article.paragraphs
  const h = await backend.createHighlight({ articleId: article.id, color: 'yellow', comment: 'Note the framing of the meeting.', targets: [target(p[1], 'Shanghai Cooperation Organization')] })
  const note = await backend.getArticleNote(article.id)
  await backend.saveNote({ id: note.id, doc: docWithRefs('The summit is presented as a first in-person meeting', [{ articleId: article.id, paragraphId: p[0].id, label: '1' }]), baseRevision: 0 })
  return { backend, dataDir, article, h, pdf }
}

describe('exportReport', () => {
  it('slugifies titles for file names', () => {
    expect(slugify('Putin & Xi: the SCO summit')).toBe('putin-xi-the-sco-summit')
    expect(slugify('Ça va — Überblick')).toBe('ca-va-uberblick')
    expect(slugify('???')).toBe('article')
    expect(slugify('x'.repeat(100)).length).toBe(60)
  })

  it('exports Markdown and HTML with the highlight, its comment and the note', async () => {
    const { backend, article } = await annotated()
    const base = { articleId: article.id, pageSize: 'A4' as const, scope: 'full' as const, analyst: 'R. Analyst', style: 'apa' as const }
    const md = await backend.exportReport({ ...base, format: 'md' })
    expect(md.filename).toBe(`${slugify(article.title)}-report.md`)
    expect(md.mimeType).toMatch(/^text\/markdown/)
    expect(md.byteLength).toBe(Buffer.from(md.base64, 'base64').length)
    const mdText = text(md.base64)
    for (const s of ['Shanghai Cooperation Organization', 'Note the framing of the meeting.', 'The summit is presented as a first in-person meeting', 'R. Analyst']) {
      expect(mdText).toContain(s)
    }
    const html = await backend.exportReport({ ...base, format: 'html' })
    expect(html.mimeType).toMatch(/^text\/html/)
    const htmlText = text(html.base64)
    expect(htmlText).toMatch(/<!doctype html>/i)
    expect(htmlText).toContain('Note the framing of the meeting.')
    expect(htmlText).not.toMatch(/<script/i)
    backend.close()
  })

  it('hands the report HTML to the PDF renderer with the page size and title', async () => {
    const { backend, article, pdf } = await annotated()
    const file = await backend.exportReport({ articleId: article.id, format: 'pdf', pageSize: 'Letter', scope: 'annotated', analyst: '', style: 'apa' })
    expect(file.mimeType).toBe('application/pdf')
    expect(file.filename).toMatch(/-report\.pdf$/)
    expect(text(file.base64)).toBe('%PDF-1.7 test')
    expect(pdf.calls).toHaveLength(1)
    expect(pdf.calls[0].title).toBe(article.title)
    expect(pdf.calls[0].html).toContain('Shanghai Cooperation Organization')
    backend.close()
  })

  it('turns a renderer failure into export_failed in plain words', async () => {
    const failing = Object.assign(async () => {
      throw new Error('browser crashed')
    }, { calls: [] })
    const { backend, article } = await annotated(failing)
    await expect(backend.exportReport({ articleId: article.id, format: 'pdf', pageSize: 'A4', scope: 'full', analyst: '', style: 'apa' })).rejects.toMatchObject({
      code: 'export_failed',
      message: expect.stringMatching(/PDF report could not be produced: browser crashed/)
    })
    await expect(backend.exportReport({ articleId: 'nope', format: 'md', pageSize: 'A4', scope: 'full', analyst: '', style: 'apa' })).rejects.toMatchObject({ code: 'not_found' })
    backend.close()
  })

  it('exports W3C Web Annotations and imports them back into another library', async () => {
    const { backend, article, h } = await annotated()
    const json = await backend.exportReport({ articleId: article.id, format: 'json', pageSize: 'A4', scope: 'full', analyst: '', style: 'apa' })
    expect(json.filename).toMatch(/-report\.json$/)
    const doc = JSON.parse(text(json.base64))
    expect(JSON.stringify(doc)).toContain('Shanghai Cooperation Organization')

    // Same article text in a fresh library: the highlight comes back.
    const other = openBackend()
    const [otherArticle] = await other.backend.listArticles()
    const result = await other.backend.importAnnotations({ articleId: otherArticle.id, json: text(json.base64) })
    expect(result.created).toBe(1)
    const [restored] = await other.backend.listHighlights(otherArticle.id)
    expect(restored.comment).toBe(h.comment)
    expect(restored.status).toBe('anchored')
    expect(restored.targets[0].quote.exact).toBe('Shanghai Cooperation Organization')

    const before = rowCounts(other.dataDir)
    await expect(other.backend.importAnnotations({ articleId: otherArticle.id, json: '{oops' })).rejects.toMatchObject({ code: 'invalid_input' })
    expect(rowCounts(other.dataDir)).toEqual(before)
    other.backend.close()
    backend.close()
  })

  it('exports a project: its notes, every source in the bibliography, cited passages and tags, in every format', async () => {
    const pdf = recordingPdf()
    const { backend, article } = await annotated(pdf)
    const memo = '# Grain memo\n\nExports of wheat rose in February.\n\nInsurers remain cautious about the corridor.\n'
    const { article: m } = await backend.importFile({ name: 'memo.md', base64: Buffer.from(memo).toString('base64') })
    const second = await backend.getArticle(m.id)
    const project = await backend.createProject({ title: 'Black Sea grain' })
    await backend.addToProject({ projectId: project.id, articleIds: [article.id, second.id] })
    const hl = await backend.createHighlight({ articleId: second.id, color: 'green', targets: [target(second.paragraphs[2], 'Insurers remain cautious')] })
    await backend.setTag({ kind: 'highlight', targetId: hl.id, tag: 'insurance', on: true })
    const note = await backend.createNote({ title: 'Brief', articleId: null, projectId: project.id })
    const doc = docWithRefs('Exports rose while insurers hesitated', [
      { articleId: second.id, paragraphId: second.paragraphs[1].id, label: '2' },
      { articleId: article.id, paragraphId: article.paragraphs[0].id, label: '1' }
    ])
    await backend.saveNote({ id: note.id, doc, baseRevision: note.revision })

    const req = { projectId: project.id, pageSize: 'A4' as const, scope: 'annotated' as const, analyst: 'R. Analyst', style: 'harvard' as const }
    const md = await backend.exportReport({ ...req, format: 'md' })
    expect(md.filename).toBe('black-sea-grain-project-report.md')
    const mdText = text(md.base64)
    expect(mdText).toContain('Exports rose while insurers hesitated  Grain memo ¶2[^c1]  Putin xi sco summit ¶1[^c2].')
    expect(mdText).toContain('*Harvard.*\n\n1. ‘Grain memo’ (no date). File: memo.md.\n2. ')
    expect(mdText).toContain('#### insurance (1 passage)')

    await backend.exportReport({ ...req, format: 'pdf' })
    const html = pdf.calls.at(-1)!.html
    expect(pdf.calls.at(-1)).toMatchObject({ title: 'Black Sea grain', kind: 'Project report' })
    expect(html).toContain('<div class="kicker sans">Project report</div><h1>Black Sea grain</h1>')
    expect(html).toContain('<h3 class="tag">insurance <span class="count">1 passage</span></h3>')

    const json = JSON.parse(text((await backend.exportReport({ ...req, format: 'json' })).base64))
    expect(json['gloss:bibliography'].map((x: { id: string }) => x.id).sort()).toEqual([article.id, second.id].sort())
    const tagged = json.first.items.find((i: { id: string }) => i.id === `urn:gloss:highlight:${hl.id}`)
    expect(tagged.body).toEqual({ type: 'TextualBody', value: 'insurance', purpose: 'tagging' })
    expect(tagged.target.source).toBe('memo.md')

    // A note alone.
    const noteMd = text((await backend.exportReport({ ...req, projectId: null, noteId: note.id, format: 'md' })).base64)
    expect(noteMd).toContain('# Brief\n\n*Note report*')
    await expect(backend.exportReport({ ...req, projectId: null, noteId: '01NOPE', format: 'md' })).rejects.toMatchObject({ code: 'not_found' })

    // The project's JSON, read into another library that holds a copy of one source: only its annotations are used.
    const other = openBackend()
    const { article: copy } = await other.backend.importFile({ name: 'memo.md', base64: Buffer.from(memo).toString('base64') })
    const restored = await other.backend.importAnnotations({ articleId: copy.id, json: JSON.stringify(json) })
    expect(restored.created).toBe(1)
    const [sample] = (await other.backend.listArticles()).filter((a) => a.id !== copy.id)
    const fromSample = await other.backend.importAnnotations({ articleId: sample.id, json: JSON.stringify(json) })
    expect(fromSample.created).toBe(1) // the sample's highlight, found by its file name
    expect(fromSample.warnings).toContain('1 annotation is about another source in this file and was left out.')
    other.backend.close()
    backend.close()
  })
})
