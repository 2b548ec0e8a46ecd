// Small text helpers shared by the import parsers.
import { normalizeDate } from './html/metadata'
import type { Block } from './types'

/** Collapses every run of whitespace (spaces, tabs, newlines) to one space and trims. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** "putin-xi-sco-summit.txt" -> "Putin xi sco summit"; "" -> "Untitled". */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const noExt = base.replace(/\.[A-Za-z0-9]{1,10}$/, '')
  const words = cleanText(noExt.replace(/[_\-.+]+/g, ' '))
  if (!words) return 'Untitled'
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Longest title taken from the first line of a text. */
export const MAX_TITLE_LINE = 120

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec'
const DATE_PATTERNS = [
  /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  new RegExp(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:${MONTHS})\\.? \\d{1,2},? \\d{4}$`, 'i'),
  new RegExp(`^\\d{1,2} (?:${MONTHS})\\.? \\d{4}$`, 'i')
]

/** True when the whole line is a date ("2022-09-14", "September 14, 2022", "14 Sep 2022"). */
export function isDateLine(text: string): boolean {
  const t = text.replace(/^(?:published|updated|posted)(?: on)?:?\s+/i, '')
  return DATE_PATTERNS.some((re) => re.test(t))
}

/** "By Jane Doe" / "By Jane Doe and John Roe" -> the names; otherwise null. */
export function bylineAuthor(text: string): string | null {
  const m = /^[Bb][Yy]\s+([\p{Lu}][\p{L}.'’\- ]{1,60}(?:(?:,| and | & )\s*[\p{Lu}][\p{L}.'’\- ]{1,60})*)$/u.exec(text)
  return m ? m[1].trim() : null
}

/** Looks for a byline and a date line among the first blocks (after the title). */
export function findBylineAndDate(texts: string[]): { authors: string[]; publishedAt: string | null } {
  let author: string | null = null
  let publishedAt: string | null = null
  for (const t of texts.slice(0, 4)) {
    if (t.length > 80) continue
    if (!author) author = bylineAuthor(t)
    if (!publishedAt && isDateLine(t)) publishedAt = t.replace(/^(?:published|updated|posted)(?: on)?:?\s+/i, '')
  }
  const authors = author ? author.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean) : []
  return { authors, publishedAt: publishedAt ? (normalizeDate(publishedAt) ?? publishedAt) : null }
}

const titleKey = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/**
 * The blocks without a leading heading that only repeats the title (a Word "Title" paragraph, a PDF's first
 * heading): the reader shows the title above the text, so it would read twice. Any other first block stays.
 */
export function withoutTitleBlock(blocks: Block[], title: string): Block[] {
  const first = blocks[0]
  if (!first || !/^h[1-3]$/.test(first.kind) || !title.trim()) return blocks
  return titleKey(first.text) === titleKey(title) ? blocks.slice(1) : blocks
}
