// Tag autocomplete for the keyboard-first tag input: which known tags to offer for what was typed. Pure.
import { foldText } from './paragraphs'

export interface KnownTag {
  name: string
  /** How often it is used (highlights + sources): more used tags are offered first. */
  count: number
}

/**
 * Known tags for `typed`, leaving out those already applied (any case): names starting with it first, then names
 * with a word starting with it, then names containing it; more used first within each. An empty input offers the
 * most used tags.
 */
export function suggestTags(known: readonly KnownTag[], typed: string, applied: readonly string[], limit = 8): KnownTag[] {
  const q = foldText(typed.replace(/\s+/g, ' ').trim())
  const taken = new Set(applied.map(foldText))
  const ranked: { tag: KnownTag; rank: number }[] = []
  const seen = new Set<string>()
  for (const tag of known) {
    const name = foldText(tag.name)
    if (taken.has(name) || seen.has(name)) continue
    seen.add(name)
    let rank: number
    if (!q || name.startsWith(q)) rank = 0
    else if (name.split(/[\s/_-]+/).some((w) => w.startsWith(q))) rank = 1
    else if (name.includes(q)) rank = 2
    else continue
    ranked.push({ tag, rank })
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || b.tag.count - a.tag.count || a.tag.name.localeCompare(b.tag.name))
    .slice(0, limit)
    .map((x) => x.tag)
}

/** The spelling to use for a typed tag: a known tag's own spelling when it names one (any case), else as typed. */
export function canonicalTag(known: readonly KnownTag[], typed: string): string {
  const clean = typed.replace(/\s+/g, ' ').trim()
  const q = foldText(clean)
  return known.find((t) => foldText(t.name) === q)?.name ?? clean
}

/** The tag filter's "untagged" choice (no tag can be called this: names are trimmed and never start with NUL). */
export const UNTAGGED = '\u0000untagged'

/** The tags on a list of items with how many items carry each (most used first, then A to Z). */
export function tagCounts(items: readonly { tags?: readonly string[] }[]): { name: string; count: number }[] {
  const counts = new Map<string, { name: string; count: number }>()
  for (const item of items) {
    for (const t of new Set(item.tags ?? [])) {
      const key = foldText(t)
      const entry = counts.get(key) ?? { name: t, count: 0 }
      entry.count++
      counts.set(key, entry)
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}

/** The items carrying `tag` (any case); UNTAGGED keeps those without tags; null keeps all. */
export function withTag<T extends { tags?: readonly string[] }>(items: readonly T[], tag: string | null): T[] {
  if (tag === null) return [...items]
  if (tag === UNTAGGED) return items.filter((i) => !i.tags?.length)
  const key = foldText(tag)
  return items.filter((i) => i.tags?.some((t) => foldText(t) === key))
}
