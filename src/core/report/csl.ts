// A source's stored details as CSL-JSON (the Citation Style Language's data model), for the report's bibliography
// (formatted by citation-js in the shell) and the JSON export. Names and dates are parsed with citation-js's own
// parsers; what is decided here is only which CSL type and fields a Gloss source maps to, and which bylines are
// organisations (kept whole, never split into given and family names).
import { parse as parseDate, type CslDate } from '@citation-js/date'
import { parse as parseName, type CslName } from '@citation-js/name'
import type { ArticleMeta } from '../model'

export type { CslDate, CslName }

export interface CslItem {
  id: string
  type: 'webpage' | 'article-newspaper' | 'report' | 'book' | 'document'
  title: string
  author?: CslName[]
  'container-title'?: string
  publisher?: string
  issued?: CslDate
  accessed?: CslDate
  URL?: string
  language?: string
  /** The imported file, for sources without an address (not rendered by the styles; kept for the reader). */
  note?: string
}

/** Words that mark a byline as an organisation ("Reuters staff", "Ministry of Defence", "The Associated Press"). */
const ORGANISATION =
  /\b(staff|press|news|agency|agencies|reuters|bureau|desk|editors?|editorial|board|team|inc|ltd|llc|plc|gmbh|corp(oration)?|company|group|institute|institution|ministry|department|office|committee|commission|council|university|college|association|organi[sz]ation|foundation|centre|center|bank|government|parliament|service|times|post|journal|tribune|herald|guardian|telegraph|magazine|network|broadcasting|wire|media|society|union|authority|agency|fund|programme|program)\b/i
const SUFFIX = /,?\s+(Jr\.?|Sr\.?|II|III|IV)$/

/** A byline as a CSL name: a person split into family and given names, an organisation kept whole. */
export function cslName(raw: string): CslName {
  const name = raw.replace(/\s+/g, ' ').trim()
  const words = name.split(' ')
  if (words.length === 1 || ORGANISATION.test(name) || /^the\s/i.test(name) || /[&@]|\d/.test(name)) return { literal: name }
  const suffix = SUFFIX.exec(name)
  const parsed = parseName(suffix ? name.slice(0, suffix.index) : name)
  if (!parsed.family) return { literal: name }
  return suffix ? { ...parsed, suffix: suffix[1] } : parsed
}

/** A stored date ("2024-03-15", "2024-03", "March 15, 2024", an ISO timestamp) as a CSL date. */
export function cslDate(value: string | null | undefined): CslDate | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const date = parseDate(text)
  if ('date-parts' in date) return date
  // Formats citation-js leaves raw: "15 March 2024", "March 15, 2024".
  const d = new Date(`${text} UTC`)
  if (!Number.isNaN(d.getTime()) && /\b\d{4}\b/.test(text)) return { 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] }
  return { raw: text }
}

function cslType(meta: ArticleMeta): CslItem['type'] {
  if (meta.format === 'epub') return 'book'
  if (meta.format === 'html' || (meta.url && (meta.format === 'txt' || meta.format === 'md'))) {
    // A dated, signed page from a named site reads as a news article; anything else as a web page.
    return meta.publisher && meta.publishedAt && meta.authors.length ? 'article-newspaper' : 'webpage'
  }
  if (meta.format === 'pdf' || meta.format === 'docx') return meta.publisher ? 'report' : 'document'
  return 'document'
}

/** The source's details as one CSL-JSON item, with the article id as its id. */
export function toCslItem(meta: ArticleMeta): CslItem {
  const type = cslType(meta)
  const item: CslItem = { id: meta.id, type, title: meta.title.trim() || meta.fileName || 'Untitled' }
  const authors = meta.authors.map((a) => a.trim()).filter(Boolean)
  if (authors.length) item.author = authors.map(cslName)
  if (meta.publisher) {
    if (type === 'webpage' || type === 'article-newspaper') item['container-title'] = meta.publisher
    else item.publisher = meta.publisher
  }
  const issued = cslDate(meta.publishedAt)
  if (issued) item.issued = issued
  if (meta.url && /^https?:\/\//i.test(meta.url)) {
    item.URL = meta.url
    const accessed = cslDate(meta.accessedAt)
    if (accessed) item.accessed = accessed
  } else if (meta.fileName) item.note = meta.fileName
  if (meta.lang) item.language = meta.lang
  return item
}
