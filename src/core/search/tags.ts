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
