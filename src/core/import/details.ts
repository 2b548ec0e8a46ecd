// A source's details as the user corrects them ("Edit details…"): checked and tidied here, so that the library, the
// reports and the bibliography get clean values (names one by one, an ISO date, an http(s) address).
import { GlossError } from '../errors'
import type { SourceDetails } from '../model'
import { normalizeDate } from './html/metadata'

export interface DetailsInput {
  title: string
  authors: string[]
  publisher: string | null
  publishedAt: string | null
  url: string | null
}

const tidy = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** Partial dates a bibliography understands: a year, a year and month, or a full date. */
function editedDate(raw: string): string {
  const s = tidy(raw)
  if (/^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/.test(s)) return s
  const iso = normalizeDate(s)
  if (iso) return iso
  throw new GlossError(
    'invalid_input',
    `"${s.slice(0, 40)}" is not a date Gloss can read. Write it as 2024-03-15, 2024-03 or 2024 (or like "March 15, 2024").`
  )
}

function editedUrl(raw: string): string {
  const s = tidy(raw)
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`)
  } catch {
    throw new GlossError('invalid_input', `"${s.slice(0, 60)}" is not a web address.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GlossError('invalid_input', 'The source address must start with http:// or https://.')
  }
  return url.href
}

/** Checks and tidies edited details. Throws GlossError('invalid_input') with a message naming the field. */
export function checkDetails(input: DetailsInput): SourceDetails {
  const title = tidy(input.title)
  if (!title) throw new GlossError('invalid_input', 'The title must not be empty.')
  const authors = [...new Set(input.authors.map(tidy).filter(Boolean))]
  const publisher = input.publisher && tidy(input.publisher) ? tidy(input.publisher) : null
  const publishedAt = input.publishedAt && tidy(input.publishedAt) ? editedDate(input.publishedAt) : null
  const url = input.url && tidy(input.url) ? editedUrl(input.url) : null
  return { title, authors, publisher, publishedAt, url }
}

/** A readable name for a fetched page (the title fallback): its last path segment, else its host. */
export function nameFromUrl(address: string): string {
  try {
    const u = new URL(address)
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '')
    return last || u.hostname.replace(/^www\./, '')
  } catch {
    return address
  }
}
