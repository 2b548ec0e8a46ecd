// The library's source list as a person narrows and orders it: filter by text (title, authors, site or publisher),
// by format and by tag; sort by date added, date published, title or author. Pure (no DOM, no Vue).
import type { ArticleSummary, SourceFormat } from '../model'
import { foldText } from '../search/paragraphs'

export const SOURCE_SORTS = ['added', 'published', 'title', 'author'] as const
export type SourceSort = (typeof SOURCE_SORTS)[number]

export const SOURCE_SORT_LABELS: Record<SourceSort, string> = {
  added: 'Date added',
  published: 'Date published',
  title: 'Title',
  author: 'Author'
}

export interface SourceFilter {
  /** Words that must all appear in the title, an author, the publisher or the site's address. */
  text: string
  format: SourceFormat | null
  /** A tag the source carries (any case). */
  tag: string | null
}

export const NO_FILTER: SourceFilter = { text: '', format: null, tag: null }

/** Whether a filter narrows the list at all. */
export function isFiltering(f: SourceFilter): boolean {
  return !!f.text.trim() || f.format !== null || f.tag !== null
}

function host(url: string | null): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:www\.)?([^/?#:]+)/i.exec(url ?? '')
  return m ? m[1] : ''
}

/** The folded text a source is found by. */
function haystack(a: ArticleSummary): string {
  return foldText([a.title, ...a.authors, a.publisher ?? '', host(a.url)].join('\n'))
}

/** Folded tag name -> ids of the sources with a highlight carrying it (see taggedSources). */
export type HighlightTagIndex = ReadonlyMap<string, ReadonlySet<string>>

/** The index for the tag filter, from "Highlights by tag" groups. */
export function taggedSources(groups: readonly { tag: string; passages: readonly { articleId: string }[] }[]): HighlightTagIndex {
  const index = new Map<string, Set<string>>()
  for (const g of groups) {
    const key = foldText(g.tag)
    const ids = index.get(key) ?? new Set<string>()
    for (const p of g.passages) ids.add(p.articleId)
    index.set(key, ids)
  }
  return index
}

/**
 * The sources matching a filter, in their order. A tag matches a source tagged with it, or (given `highlightTags`)
 * a source with a highlight tagged with it.
 */
export function filterSources(list: readonly ArticleSummary[], f: SourceFilter, highlightTags?: HighlightTagIndex): ArticleSummary[] {
  const words = foldText(f.text).split(/\s+/).filter(Boolean)
  const tag = f.tag ? foldText(f.tag) : null
  const viaHighlights = tag ? highlightTags?.get(tag) : undefined
  return list.filter((a) => {
    if (f.format && a.format !== f.format) return false
    if (tag && !a.tags.some((t) => foldText(t) === tag) && !viaHighlights?.has(a.id)) return false
    if (!words.length) return true
    const text = haystack(a)
    return words.every((w) => text.includes(w))
  })
}

/** A published date as a sortable key ("2024-03-15", "2024-03", "2024"), or null when it cannot be read. */
export function publishedKey(value: string | null): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec((value ?? '').trim())
  if (!m) return null
  return [m[1], m[2], m[3]].filter(Boolean).join('-')
}

/** The family name first ("Smith Jane" for "Jane Smith"; "Smith Jane" for "Smith, Jane"), folded. */
export function authorKey(name: string): string {
  const n = name.replace(/\s+/g, ' ').trim()
  if (n.includes(',')) {
    const [family, ...given] = n.split(',')
    return foldText(`${family.trim()} ${given.join(' ').trim()}`.trim())
  }
  const parts = n.split(' ')
  return foldText(parts.length > 1 ? `${parts[parts.length - 1]} ${parts.slice(0, -1).join(' ')}` : n)
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
/** Titles sort without a leading article ("The Economist" under E). */
const titleKey = (t: string): string => t.trim().replace(/^(the|a|an)\s+/i, '')

/**
 * Sorted copy. Dates: newest first, sources without a readable date last. Title and author: A to Z, sources
 * without an author last. Ties keep the most recently added first.
 */
export function sortSources(list: readonly ArticleSummary[], sort: SourceSort): ArticleSummary[] {
  const byAdded = (a: ArticleSummary, b: ArticleSummary): number => b.createdAt.localeCompare(a.createdAt)
  const out = [...list]
  if (sort === 'added') return out.sort(byAdded)
  if (sort === 'published') {
    return out.sort((a, b) => {
      const ka = publishedKey(a.publishedAt)
      const kb = publishedKey(b.publishedAt)
      if (ka === kb) return byAdded(a, b)
      if (ka === null) return 1
      if (kb === null) return -1
      return kb.localeCompare(ka)
    })
  }
  if (sort === 'title') return out.sort((a, b) => collator.compare(titleKey(a.title), titleKey(b.title)) || byAdded(a, b))
  return out.sort((a, b) => {
    const ka = a.authors.find((n) => n.trim())
    const kb = b.authors.find((n) => n.trim())
    if (!ka || !kb) return ka ? -1 : kb ? 1 : collator.compare(titleKey(a.title), titleKey(b.title)) || byAdded(a, b)
    return collator.compare(authorKey(ka), authorKey(kb)) || collator.compare(titleKey(a.title), titleKey(b.title)) || byAdded(a, b)
  })
}

/** The formats present in a list, in the order of SOURCE_FORMATS' labels (for the format filter). */
export function formatsIn(list: readonly ArticleSummary[], order: readonly SourceFormat[]): SourceFormat[] {
  const present = new Set(list.map((a) => a.format))
  return order.filter((f) => present.has(f))
}

/** Tags on the sources of a list with how many carry each, most used first, then A to Z. */
export function sourceTagsIn(list: readonly ArticleSummary[]): { name: string; count: number }[] {
  const counts = new Map<string, { name: string; count: number }>()
  for (const a of list) {
    for (const t of a.tags) {
      const key = foldText(t)
      const entry = counts.get(key) ?? { name: t, count: 0 }
      entry.count++
      counts.set(key, entry)
    }
  }
  return [...counts.values()].sort((x, y) => y.count - x.count || collator.compare(x.name, y.name))
}
