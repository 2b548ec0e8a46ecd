// Pages of paged sources (PDF), as the reader, the search palette, the `[[` list and reference chips show them:
// "p. 3" in the reader's margin at the first paragraph of each page, "¶12 · p. 3" beside a hit, "¶12, p. 3" as a
// citation reads in a report. And where a run of footnotes begins (the reader draws a thin rule before it).
// Pure: no DOM, unit-tested in pages.test.ts.
import type { Paragraph } from '@core/model'

/** "p. 3", "p. iv". */
export function pageLabel(page: string): string {
  return `p. ${page}`
}

/**
 * A paragraph's number with its page when it has one: "¶12 · p. 3" (a list's style), or with `', '` as the
 * separator "¶12, p. 3" (a citation's). Without a page just "¶12".
 */
export function paragraphLabel(number: number | string, page?: string | null, separator = ' · '): string {
  return page ? `¶${number}${separator}${pageLabel(page)}` : `¶${number}`
}

/**
 * The paragraphs that open a page, with that page's label: each paragraph whose page differs from the page of the
 * paragraph before it that had one. Paragraphs without a page (sources that are not paged) never open one.
 */
export function pageStarts(paragraphs: readonly Pick<Paragraph, 'id' | 'page'>[]): Map<string, string> {
  const out = new Map<string, string>()
  let last: string | null = null
  for (const p of paragraphs) {
    if (!p.page) continue
    if (p.page !== last) out.set(p.id, p.page)
    last = p.page
  }
  return out
}

/** The footnotes that begin a run of footnotes (the paragraph before is not one). */
export function footnoteRunStarts(paragraphs: readonly Pick<Paragraph, 'id' | 'kind'>[]): Set<string> {
  const out = new Set<string>()
  paragraphs.forEach((p, i) => {
    if (p.kind === 'footnote' && paragraphs[i - 1]?.kind !== 'footnote') out.add(p.id)
  })
  return out
}
