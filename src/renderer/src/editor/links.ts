// Which link targets the notes editor accepts. Pure logic, shared by the Link extension (paste, autolink,
// rendering) and the link popover (typed URLs).

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])
const ONLY_WEB = 'Only web links (http://, https://) and email links (mailto:) can be added.'

/** Strips whitespace and control characters that browsers ignore inside a URL scheme ("java\tscript:"). */
function compact(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
}

/** The URL scheme, lower-cased, or null when there is none ("www.example.com", "example.com:8080"). */
function schemeOf(url: string): string | null {
  const match = SCHEME.exec(compact(url))
  if (!match || match[1].includes('.')) return null
  return match[1].toLowerCase()
}

/**
 * True when a link target is safe to keep in a note: http(s) and mailto links, or scheme-less
 * targets (autolinked "www.example.com"). Anything else (javascript:, data:, file:, vbscript:…) is refused,
 * and so are protocol-relative ("//host") and backslash targets.
 */
export function isAllowedHref(url: string | null | undefined): boolean {
  if (!url || !url.trim()) return false
  const scheme = schemeOf(url)
  if (scheme === null) return !/^[/\\]{2}/.test(compact(url))
  return ALLOWED_SCHEMES.has(scheme)
}

export type LinkInput = { ok: true; href: string } | { ok: false; message: string }

/** Validates what a person typed in the link popover; adds https:// to a bare domain like "example.com". */
export function parseLinkInput(raw: string): LinkInput {
  const text = raw.trim()
  if (!text) return { ok: false, message: 'Type a web address (https://…) or an email link (mailto:…).' }
  if (/\s/.test(text)) return { ok: false, message: 'A link cannot contain spaces.' }
  const scheme = schemeOf(text)
  let href = text
  if (scheme === null) {
    if (/^[^@/:]+@[^@/]+\.[a-z]{2,}$/i.test(text)) href = `mailto:${text}`
    else if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?([/?#]\S*)?$/i.test(text)) href = `https://${text}`
    else return { ok: false, message: ONLY_WEB }
  } else if (!ALLOWED_SCHEMES.has(scheme)) {
    return { ok: false, message: ONLY_WEB }
  }
  try {
    const url = new URL(href)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) throw new Error('no host')
    if (url.protocol === 'mailto:' && !url.pathname) throw new Error('no address')
  } catch {
    return { ok: false, message: `"${text}" is not a valid web or email address.` }
  }
  return { ok: true, href }
}
