// How a reference chip reads in a note: "¶12" while the note cites only its own article, "Grain memo ¶12" as soon as
// it cites more than one source or a source that is not its own article (every project note). Pure.
import { PARAGRAPH_REF_NODE, type PMNode } from '../model'

/** Whether chips must name their source. `noteArticleId` is the article the note was written beside (or null). */
export function chipsNameSources(noteArticleId: string | null, citedArticleIds: Iterable<string>): boolean {
  const cited = new Set(citedArticleIds)
  if (cited.size > 1) return true
  for (const id of cited) if (id !== noteArticleId) return true
  return false
}

/** The chip's text: "¶12", or "Short title ¶12" when sources are named ("¶?" when the paragraph is gone). */
export function chipLabel(number: number | string | null, shortTitle: string | null): string {
  const place = `¶${number ?? '?'}`
  return shortTitle ? `${shortTitle} ${place}` : place
}

/** The ids of the articles a note document cites, in first-citation order. */
export function citedArticles(doc: PMNode | null | undefined): string[] {
  const out = new Set<string>()
  const walk = (node: PMNode): void => {
    if (node.type === PARAGRAPH_REF_NODE) {
      const id = node.attrs?.articleId
      if (typeof id === 'string' && id) out.add(id)
    }
    node.content?.forEach(walk)
  }
  if (doc) walk(doc)
  return [...out]
}
