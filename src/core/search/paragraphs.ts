// Filtering an article's paragraphs for the `[[` citation suggestion. Pure logic (no DOM, no editor).
import type { Paragraph } from '../model'
import { fold } from './query'

export interface ParagraphMatch {
  paragraph: Paragraph
  /** 1-based display number. */
  number: number
  /** The first words of the paragraph, for the suggestion list. */
  snippet: string
}

/** Lower-cases and strips diacritics and typographic quotes so "Zelensky" finds "Zelenskyy" and "É" finds "e". */
export function foldText(text: string): string {
  return fold(text)
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
}

/** The first words of a text, cut at a word boundary near `max` characters, with an ellipsis when cut. */
export function firstWords(text: string, max = 70): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : clean.slice(0, max)).replace(/[\s,;:.–—-]+$/u, '')}…`
}

/**
 * Paragraphs whose text contains every word of the query (case- and diacritic-insensitive), in article order.
 * A number ("12" or "¶12") also matches the paragraph with that display number.
 */
export function matchParagraphs(paragraphs: readonly Paragraph[], query: string, limit = 50): ParagraphMatch[] {
  const words = foldText(query)
    .split(/\s+/)
    .map((w) => w.replace(/^¶/, ''))
    .filter(Boolean)
  const out: ParagraphMatch[] = []
  for (const paragraph of paragraphs) {
    const number = paragraph.index + 1
    const haystack = foldText(paragraph.text)
    const ok = words.every((w) => haystack.includes(w) || (/^\d+$/.test(w) && Number(w) === number))
    if (!ok) continue
    out.push({ paragraph, number, snippet: firstWords(paragraph.text) })
    if (out.length >= limit) break
  }
  return out
}
