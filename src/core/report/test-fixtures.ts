// Test helpers (used only by *.test.ts): an article, highlights and notes built from the sample text.

import type { AnchoredHighlight, Article, ExportOptions, HighlightColor, Note, PMNode, Paragraph } from '../model'
import { sampleParagraphs } from '../notes/test-fixtures'
import type { ReportInput } from './model'

export { bullet, doc, para, ref, txt } from '../notes/test-fixtures'

export function sampleArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    title: 'Putin and Xi to meet at SCO summit',
    authors: ['Staff reporter'],
    publisher: null,
    publishedAt: '2022-09-13',
    url: null,
    accessedAt: null,
    fileName: 'putin-xi-sco-summit.txt',
    lang: 'en',
    excerpt: null,
    format: 'txt',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    paragraphs: sampleParagraphs(),
    warnings: [],
    ...overrides
  }
}

let seq = 0
/** A highlight of `exact` (its first occurrence) in each given paragraph: one segment per paragraph. */
export function hl(
  article: Article,
  parts: [paragraphId: string, exact: string][],
  color: HighlightColor = 'yellow',
  comment = '',
  createdAt?: string
): AnchoredHighlight {
  seq++
  const byId = new Map<string, Paragraph>(article.paragraphs.map((p) => [p.id, p]))
  const targets = parts.map(([paragraphId, exact]) => {
    const text = byId.get(paragraphId)!.text
    const start = text.indexOf(exact)
    if (start < 0) throw new Error(`fixture: "${exact}" not in ${paragraphId}`)
    const end = start + exact.length
    return {
      paragraphId,
      quote: { type: 'TextQuoteSelector' as const, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector' as const, start, end }
    }
  })
  const ts = createdAt ?? `2026-01-02T00:00:${String(seq % 60).padStart(2, '0')}.000Z`
  return {
    id: `h${seq}`,
    articleId: article.id,
    color,
    comment,
    targets,
    createdAt: ts,
    updatedAt: ts,
    status: 'anchored',
    resolved: targets.map((t) => ({ paragraphId: t.paragraphId, start: t.position.start, end: t.position.end })),
    suggestion: null
  }
}

/** Turns a highlight into an orphan (no resolved segments). */
export function orphan(h: AnchoredHighlight): AnchoredHighlight {
  return { ...h, status: 'orphan', resolved: [] }
}

export function note(id: string, title: string, articleId: string | null, d: PMNode, createdAt = '2026-01-03T00:00:00.000Z'): Note {
  return { id, title, articleId, projectId: null, revision: 1, createdAt, updatedAt: createdAt, docVersion: 1, doc: d, text: '', readOnlyReason: null }
}

export function input(parts: Partial<ReportInput> & { article: Article }, options: Partial<ExportOptions> = {}): ReportInput {
  return {
    highlights: [],
    notes: [],
    articles: { [parts.article.id]: parts.article },
    exportedAt: '2026-11-28T23:40:00.000Z',
    ...parts,
    options: { format: 'html', pageSize: 'A4', scope: 'full', analyst: 'J. Analyst', style: 'apa', ...options }
  }
}
