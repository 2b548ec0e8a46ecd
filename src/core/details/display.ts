// How a source's details read for a person: the byline, a published date, a shortened web address, and which
// addresses may become links. Shared by the library and the reader header. Pure (Date only, no DOM).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "Jane Smith", "Jane Smith and Omar Haddad", "A, B and C" (empty names left out; '' when there are none). */
export function joinNames(names: readonly string[]): string {
  const list = names.map((n) => n.trim()).filter(Boolean)
  if (list.length <= 1) return list[0] ?? ''
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
}

/** "By Jane Smith and Omar Haddad", or '' without authors. */
export function byline(authors: readonly string[]): string {
  const names = joinNames(authors)
  return names ? `By ${names}` : ''
}

/**
 * A publication date as a person writes it: "15 March 2024" (ISO date or timestamp: the date as the source wrote
 * it, no time-zone shift), "March 2024", "2024"; anything else is shown as found.
 */
export function formatPublished(value: string | null | undefined): string {
  const s = (value ?? '').trim()
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(s)
  if (!m) return s
  const [, year, month, day] = m
  const mi = month === undefined ? 0 : Number(month)
  if (month !== undefined && (mi < 1 || mi > 12)) return s
  if (day === undefined) return month === undefined ? year : `${MONTHS[mi - 1]} ${year}`
  const d = Number(day)
  if (d < 1 || d > 31) return s
  return `${d} ${MONTHS[mi - 1]} ${year}`
}

/** "1 December 2026" for a timestamp, in the reader's own time zone (when a page was fetched); '' when unreadable. */
export function formatDay(timestamp: string | null | undefined): string {
  if (!timestamp) return ''
  const d = new Date(timestamp)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`
}

/** The address when it is an http(s) URL that may open in the user's browser; null otherwise. */
export function webHref(raw: string | null | undefined): string | null {
  return safeHref(raw, ['http:', 'https:'])
}

/** Links kept from a source: http, https and mailto only (never javascript:, data:, file: …). */
export function linkHref(raw: string | null | undefined): string | null {
  return safeHref(raw, ['http:', 'https:', 'mailto:'])
}

function safeHref(raw: string | null | undefined, protocols: string[]): string | null {
  if (typeof raw !== 'string') return null
  const href = raw.trim()
  if (!href || /[\u0000-\u001F\u007F\s]/.test(href)) return null
  try {
    return protocols.includes(new URL(href).protocol) ? href : null
  } catch {
    return null
  }
}

/** The host of an address without "www." ("dailyledger.example"), or '' when it is not an address. */
export function hostOf(url: string | null | undefined): string {
  try {
    return new URL(url ?? '').host.replace(/^www\./, '')
  } catch {
    return ''
  }
}

/**
 * An address shortened for display: no scheme, no "www.", no trailing slash; when still longer than `max`, the
 * middle of the path gives way to "…" (host and last segment stay). The full address belongs in a tooltip.
 */
export function displayUrl(url: string, max = 64): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return url
  }
  const host = u.host.replace(/^www\./, '')
  let path = decodeSafely(u.pathname).replace(/\/$/, '')
  const rest = decodeSafely(u.search + u.hash)
  const full = host + path + rest
  if (full.length <= max) return full
  const segments = path.split('/').filter(Boolean)
  const last = segments.length ? `/${segments[segments.length - 1]}` : ''
  path = segments.length > 1 ? `/…${last}` : last
  const short = host + path
  if (short.length <= max) return rest ? `${short}…` : short
  return `${short.slice(0, Math.max(host.length + 2, max - 1))}…`
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * A source's title shortened for citation chips, suggestion lists and report labels: the part before a subtitle
 * (": ", " — ", " | ") when that part can stand alone, then at most `max` characters cut at a word, with "…".
 */
export function shortTitle(title: string | null | undefined, max = 40): string {
  let t = (title ?? '').replace(/\s+/g, ' ').trim()
  if (!t) return 'Untitled'
  const sub = /^(.{12,}?)(?::\s| [—–-] | \| )/.exec(t)
  if (sub) t = sub[1].trim()
  if (t.length <= max) return t
  const cut = t.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : t.slice(0, max)).replace(/[\s,;:.–—-]+$/u, '')}…`
}
