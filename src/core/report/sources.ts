// Report step "sources": which articles a report draws on, their bibliography (CSL items formatted in the chosen
// style by the shell's citation-js) and the order of their sections.

import { shortTitle } from '../details/display'
import type { Article } from '../model'
import { toCslItem, type CslItem } from './csl'
import type { BibliographyEntry, ReportSubject } from './model'
import type { PendingCitation } from './notes'

/**
 * The report's sources, each once, in first-seen order: an article report's article, a note's own article, or a
 * project's sources, then every article a selected note cites. Deleted articles (absent from `articles`) are left
 * out; citations of them show as missing.
 */
export function chooseSources(subject: ReportSubject, noteArticle: string | null, pending: PendingCitation[], articles: Record<string, Article>): string[] {
  const first =
    subject.kind === 'article' ? [subject.articleId] : subject.kind === 'project' ? subject.articleIds : noteArticle ? [noteArticle] : []
  const ids = [...first, ...pending.map((p) => p.attrs.articleId)]
  return [...new Set(ids)].filter((id) => id in articles)
}

export interface PlannedSource {
  article: Article
  /** 1-based position of its section. */
  k: number
  shortTitle: string
  csl: CslItem
  bibliography: { text: string; html: string }
}

/**
 * The sources' CSL items, formatted; returns them in section order (an article report's own article first, then
 * the bibliography's order) and the bibliography's order.
 */
export function planSources(
  ids: string[],
  articles: Record<string, Article>,
  format: (items: CslItem[]) => BibliographyEntry[],
  primary: string | null
): { sections: PlannedSource[]; bibliography: PlannedSource[] } {
  const items = ids.map((id) => toCslItem(articles[id]))
  const entries = new Map(format(items).map((e) => [e.id, e]))
  // The style decides the order; an entry the formatter left out keeps its place at the end, as plain text.
  const bibOrder = [...[...entries.keys()].filter((id) => ids.includes(id)), ...ids.filter((id) => !entries.has(id))]
  const sectionOrder = primary && ids.includes(primary) ? [primary, ...bibOrder.filter((id) => id !== primary)] : bibOrder
  const byId = new Map<string, PlannedSource>()
  sectionOrder.forEach((id, i) => {
    const article = articles[id]
    const csl = items[ids.indexOf(id)]
    const entry = entries.get(id)
    byId.set(id, {
      article,
      k: i + 1,
      shortTitle: shortTitle(article.title),
      csl,
      bibliography: { text: entry?.text ?? article.title, html: entry?.html ?? '' }
    })
  })
  return { sections: sectionOrder.map((id) => byId.get(id)!), bibliography: bibOrder.map((id) => byId.get(id)!) }
}
