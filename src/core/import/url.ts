// Web addresses typed or pasted by a person -> an absolute http(s) URL, or a GlossError that says what is wrong.
import { GlossError } from '../errors'

/** The refusal for any scheme other than http and https (file:, javascript:, data:, ftp:, mailto:...). */
export const ONLY_HTTP_MESSAGE = 'Gloss can only import web addresses that start with http:// or https://.'

/** Longest address accepted (browsers and servers commonly stop at 2–8 KB). */
export const MAX_ADDRESS_LENGTH = 8192

const EXAMPLE = 'Enter an address such as https://example.com/article.'

function refuse(message: string): never {
  throw new GlossError('import_rejected', message)
}

/** Whether a host is usable without a scheme: a name with a dot, localhost, or an IP address. */
function plausibleBareHost(hostname: string): boolean {
  if (hostname === 'localhost') return true
  if (hostname.startsWith('[')) return true // IPv6 literal
  const labels = hostname.split('.')
  return labels.length >= 2 && labels.every((l) => l.length > 0)
}

/**
 * Normalises a web address: trims it; accepts a bare "example.com/page" (or "//example.com/page") by adding
 * https://; refuses any scheme but http and https (ONLY_HTTP_MESSAGE), addresses with a user name or password,
 * and malformed input, with a message for a person. Returns the parsed URL's href (lowercased host, punycode,
 * percent-encoded spaces; the #fragment is kept).
 */
export function normalizeWebAddress(input: string): string {
  const raw = typeof input === 'string' ? input.trim() : ''
  if (raw === '') refuse(`Enter a web address to import. ${EXAMPLE}`)
  if (raw.length > MAX_ADDRESS_LENGTH) refuse(`That web address is too long (more than ${MAX_ADDRESS_LENGTH} characters).`)
  if (/[\u0000-\u001f\u007f]/.test(raw)) refuse(`That web address contains invisible control characters. ${EXAMPLE}`)

  // "example.com:8080/x" and "localhost:3000" start with a host and a port, not a scheme (schemes with a dot, e.g. "com.example.app:", are not web addresses either).
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1].toLowerCase()
  const hostAndPort = /^(?:localhost:\d|[^:/]*\.[^:/]*:)/i.test(raw)
  let candidate: string
  let bare = false
  if (scheme && !hostAndPort) {
    if (scheme !== 'http' && scheme !== 'https') refuse(ONLY_HTTP_MESSAGE)
    candidate = raw
  } else {
    candidate = raw.startsWith('//') ? `https:${raw}` : `https://${raw}`
    bare = true
  }

  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    refuse(`“${raw.length > 80 ? `${raw.slice(0, 77)}…` : raw}” is not a valid web address. ${EXAMPLE}`)
  }
  if (url.hostname === '') refuse(`That web address has no server name. ${EXAMPLE}`)
  if (bare && !plausibleBareHost(url.hostname)) {
    refuse(`“${raw.length > 80 ? `${raw.slice(0, 77)}…` : raw}” does not look like a web address. ${EXAMPLE}`)
  }
  if (url.username !== '' || url.password !== '') {
    refuse('Gloss does not import web addresses that contain a user name or password.')
  }
  return url.href
}
