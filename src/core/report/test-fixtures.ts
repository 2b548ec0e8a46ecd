// Test helpers (used only by *.test.ts): an article, highlights and notes built from the sample text.

import type { AnchoredHighlight, Article, ExportOptions, HighlightColor, Note, PMNode, Paragraph } from '../model'
import { sampleParagraphs } from '../notes/test-fixtures'
import type { CslItem } from './csl'
import type { BibliographyEntry, ReportInput, ReportSubject } from './model'

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

/**
 * A stand-in for the shell's citation-js formatter (pure, for core tests): "Family, Given. Year. Title." sorted by
 * the first author (or title), then year. The real styles are tested with citation-js in src/main/export.
 */
export function testBibliography(items: CslItem[]): BibliographyEntry[] {
  const who = (i: CslItem): string => i.author?.map((a) => a.literal ?? [a.family, a.given].filter(Boolean).join(', ')).join('; ') ?? ''
  const year = (i: CslItem): string => (i.issued && 'date-parts' in i.issued ? String(i.issued['date-parts'][0][0]) : 'n.d.')
  return [...items]
    .sort((a, b) => (who(a) || a.title).localeCompare(who(b) || b.title) || year(a).localeCompare(year(b)) || a.title.localeCompare(b.title))
    .map((i) => {
      const text = [who(i), year(i), i.title].filter(Boolean).join('. ') + '.'
      // Escaped like citeproc's HTML output.
      const esc = (t: string): string => t.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;')
      return { id: i.id, text, html: esc(text).replace(esc(i.title), `<i>${esc(i.title)}</i>`) }
    })
}

type InputParts = Partial<Omit<ReportInput, 'subject'>> & { article?: Article; subject?: ReportSubject }

/** A report input: of `article` (an article report) unless a subject is given. */
export function input(parts: InputParts, options: Partial<ExportOptions> = {}): ReportInput {
  const { article, subject, ...rest } = parts
  return {
    subject: subject ?? { kind: 'article', articleId: article!.id },
    highlights: [],
    notes: [],
    articles: article ? { [article.id]: article } : {},
    exportedAt: '2026-11-28T23:40:00.000Z',
    formatBibliography: testBibliography,
    ...rest,
    options: { format: 'html', pageSize: 'A4', scope: 'full', analyst: 'J. Analyst', style: 'apa', ...options }
  }
}
