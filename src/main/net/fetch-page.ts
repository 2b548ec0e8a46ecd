// Downloads one web page (or PDF/EPUB/Word file) for import: redirects followed by hand (http/https only, at most
// 5), an overall timeout, a size limit enforced while streaming, an allow-list of content types, and failures
// explained in words. Nothing else is fetched (no subresources), no cookies are kept or sent.
import { GlossError } from '../../core/api'
import { looksLikeHtml, parseContentType } from '../../core/import/charset'
import { MAX_IMPORT_BYTES, formatBytes } from '../../core/import/decode'
import { ONLY_HTTP_MESSAGE, normalizeWebAddress } from '../../core/import/url'

/** Content types accepted unless the caller says otherwise. */
export const DEFAULT_ACCEPTED_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'application/pdf',
  'application/epub+zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
]

export const DEFAULT_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_REDIRECTS = 5

/** A current desktop Chrome: some sites refuse or degrade unknown clients. */
export const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36'

export interface FetchPageOptions {
  signal?: AbortSignal
  /** Overall limit for the whole download, redirects included. Default 20 s. */
  timeoutMs?: number
  /** Largest body accepted (after decompression). Default 20 MiB (MAX_IMPORT_BYTES). */
  maxBytes?: number
  /** Default 5. */
  maxRedirects?: number
  /** Accepted MIME types (lowercase essences). Default DEFAULT_ACCEPTED_TYPES. */
  accept?: readonly string[]
}

export interface FetchedPage {
  /** The address asked for, normalised (normalizeWebAddress). */
  requestedUrl: string
  /** The address of the document after redirects. */
  finalUrl: string
  status: number
  /** MIME type, lowercased, without parameters (sniffed when the server sends none or application/octet-stream). */
  contentType: string
  /** The charset parameter of Content-Type as the server wrote it, or null. Pass it to decodeText({ charset }). */
  charset: string | null
  bytes: Uint8Array
  /** ISO time the response arrived. */
  fetchedAt: string
}

/** Aliases some servers send for an accepted type. */
const MIME_ALIASES: Record<string, string> = { 'text/x-markdown': 'text/markdown', 'application/x-pdf': 'application/pdf' }

/** Content encodings undici decodes (we ask only for these). */
const DECODED_ENCODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'identity'])

const REDIRECTS = new Set([301, 302, 303, 307, 308])

function refuse(message: string): never {
  throw new GlossError('import_rejected', message)
}

function acceptHeader(accept: readonly string[]): string {
  return [...accept, '*/*;q=0.1'].join(',')
}

function acceptLanguage(): string {
  let locale = 'en-US'
  try {
    locale = Intl.DateTimeFormat().resolvedOptions().locale || locale
  } catch {
    // keep the default
  }
  const lang = locale.split('-')[0]
  return lang === locale ? `${locale},*;q=0.5` : `${locale},${lang};q=0.9,*;q=0.5`
}

function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10
  return `${s} ${s === 1 ? 'second' : 'seconds'}`
}

/** What kind of thing a MIME type is, for "This address gives an image (image/png)...". */
export function describeMimeType(mime: string): string {
  const [top, sub = ''] = mime.split('/')
  if (top === 'image') return 'an image'
  if (top === 'audio') return 'a sound file'
  if (top === 'video') return 'a video'
  if (top === 'font') return 'a font'
  if (sub === 'rss+xml' || sub === 'atom+xml') return 'a news feed'
  if (sub === 'json' || sub.endsWith('+json')) return 'data (JSON)'
  if (sub === 'xml' || sub.endsWith('+xml')) return 'data (XML)'
  if (sub === 'javascript' || sub === 'ecmascript' || sub === 'wasm') return 'program code'
  if (sub === 'css') return 'a style sheet'
  if (/^(zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.rar|x-rar-compressed|x-bzip2|x-xz|zstd)$/.test(sub)) return 'an archive'
  if (sub === 'octet-stream') return 'a binary file'
  if (top === 'text') return 'a text format'
  if (mime === '') return 'a file of unknown type'
  return 'a file'
}

function wrongType(mime: string): never {
  const what = describeMimeType(mime)
  refuse(mime ? `This address gives ${what} (${mime}), not a page Gloss can import.` : `This address gives ${what}, not a page Gloss can import.`)
}

/** The type of a body sent without a usable Content-Type: PDF, EPUB, HTML, plain text, or application/octet-stream. */
export function sniffContentType(bytes: Uint8Array): string {
  const head = (from: number, n: number): string => String.fromCharCode(...bytes.subarray(from, from + n))
  if (head(0, 5) === '%PDF-') return 'application/pdf'
  if (head(0, 4) === 'PK\u0003\u0004' && head(30, 28) === 'mimetypeapplication/epub+zip') return 'application/epub+zip'
  if (looksLikeHtml(bytes)) return 'text/html'
  const sample = bytes.subarray(0, 1024)
  let controls = 0
  for (const b of sample) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) controls++
  return sample.length > 0 && controls === 0 ? 'text/plain' : 'application/octet-stream'
}

/** The message for an HTTP status that is not success or a redirect. */
export function httpStatusMessage(status: number): string {
  switch (status) {
    case 400:
      return 'The server refused the request as malformed (HTTP 400).'
    case 401:
      return 'The page requires signing in (HTTP 401). Gloss can only import pages that are open to anyone.'
    case 403:
      return 'The server refused access to the page (HTTP 403). It may require signing in, or it may block downloads by apps.'
    case 404:
      return 'The page was not found (HTTP 404).'
    case 408:
      return 'The server gave up waiting for the request (HTTP 408). Try again.'
    case 410:
      return 'The page has been removed (HTTP 410).'
    case 429:
      return 'The server is receiving too many requests (HTTP 429). Wait a while and try again.'
    case 451:
      return 'The page is unavailable for legal reasons (HTTP 451).'
    case 500:
      return 'The server had an internal error (HTTP 500). Try again later.'
    case 503:
      return 'The server is unavailable at the moment (HTTP 503). Try again later.'
  }
  if (status >= 500 && status <= 599) return `The server had a problem (HTTP ${status}). Try again later.`
  if (status >= 400 && status <= 499) return `The server refused the request (HTTP ${status}).`
  return `The server gave an unexpected response (HTTP ${status}).`
}

/** Error codes along an error's cause chain (undici wraps them: TypeError('fetch failed', { cause })), and AggregateErrors. */
function causeChain(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = []
  const messages: string[] = []
  const seen = new Set<unknown>()
  const visit = (e: unknown, depth: number): void => {
    if (e === null || typeof e !== 'object' || seen.has(e) || depth > 6) return
    seen.add(e)
    const { code, message, cause, errors } = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
    if (typeof code === 'string') codes.push(code)
    if (typeof message === 'string' && message !== '') messages.push(message)
    visit(cause, depth + 1)
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1)
  }
  visit(error, 0)
  return { codes, messages }
}

const DNS_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']
const RESET_CODES = ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED']
const UNREACHABLE_CODES = ['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']
const CONNECT_TIMEOUT_CODES = ['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']
const CERT_PROBLEMS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed (not issued by a trusted authority)',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is not issued by an authority Gloss trusts',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate is not issued by an authority Gloss trusts',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is not issued by an authority Gloss trusts',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for a different site name',
  HOSTNAME_MISMATCH: 'its certificate is for a different site name',
  CERT_REVOKED: 'its certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'its certificate could not be verified',
  CERT_UNTRUSTED: 'its certificate is not trusted',
  CERT_REJECTED: 'its certificate was rejected',
  INVALID_CA: 'its certificate was issued by an invalid authority',
  INVALID_PURPOSE: 'its certificate is not meant for web sites',
  CERT_CHAIN_TOO_LONG: 'its certificate chain is too long'
}

/**
 * The message for a failed request to `url` (an error from fetch or from reading the body), naming the cause:
 * DNS, refused, reset, unreachable network, TLS certificate, other TLS, damaged compression, or unknown.
 */
export function networkErrorMessage(error: unknown, url: URL | string): string {
  const u = typeof url === 'string' ? new URL(url) : url
  const host = u.hostname
  const { codes, messages } = causeChain(error)
  const has = (list: readonly string[]): boolean => codes.some((c) => list.includes(c))
  const cert = codes.find((c) => c in CERT_PROBLEMS)
  if (cert) {
    return `The secure connection to ${host} failed because of a certificate problem: ${CERT_PROBLEMS[cert]}. Gloss did not import anything.`
  }
  const tls = codes.find((c) => /^ERR_SSL_|^ERR_TLS_|^EPROTO$/.test(c))
  if (tls) return `The secure connection to ${host} failed (${tls}). Gloss did not import anything.`
  if (has(DNS_CODES)) return `Gloss could not find the server ${host}. Check the address and your internet connection.`
  if (codes.includes('ECONNREFUSED')) {
    return `The server ${host} refused the connection. The site may be down, or the address may have the wrong port.`
  }
  if (has(UNREACHABLE_CODES)) return `Gloss could not reach ${host}: the network is unreachable. Check your internet connection.`
  if (has(CONNECT_TIMEOUT_CODES)) return `Gloss could not connect to ${host} in time. Check the address and your internet connection.`
  if (has(RESET_CODES)) return `The connection to ${host} was interrupted (closed by the server or the network). Try again.`
  if (codes.some((c) => /^Z_|^ERR__ERROR_|^ERR_BROTLI/.test(c))) {
    return `The server ${host} sent a damaged compressed response, so Gloss could not read the page.`
  }
  if (messages.some((m) => m === 'bad port')) {
    return `Gloss cannot connect to port ${u.port} of ${host}: browsers block that port for safety, and so does Gloss.`
  }
  const detail = messages.filter((m) => m !== 'fetch failed' && m !== 'terminated').pop() ?? messages.pop() ?? 'unknown error'
  return `Gloss could not download ${u.href}: ${detail}.`
}

/**
 * Downloads one document. Throws GlossError('import_rejected', message) naming the cause: an address that is not
 * http(s), DNS, connection, TLS certificate, HTTP status, timeout (the message names the address), too many
 * redirects, a redirect to a non-http(s) address, too large, a content type not in `accept`, or cancellation.
 */
export async function fetchPage(url: string, opts: FetchPageOptions = {}): Promise<FetchedPage> {
  const requestedUrl = normalizeWebAddress(url)
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const accept = (opts.accept ?? DEFAULT_ACCEPTED_TYPES).map((t) => t.toLowerCase())
  const cancelled = (): GlossError => new GlossError('cancelled', `The download of ${requestedUrl} was cancelled.`)
  if (opts.signal?.aborted) throw cancelled()

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onAbort = (): void => controller.abort()
  opts.signal?.addEventListener('abort', onAbort, { once: true })
  const headers = {
    'User-Agent': USER_AGENT,
    Accept: acceptHeader(accept),
    'Accept-Language': acceptLanguage(),
    'Accept-Encoding': 'gzip, deflate, br'
  }

  let current = new URL(requestedUrl)
  try {
    for (let redirects = 0; ; ) {
      const response = await fetch(current, {
        method: 'GET',
        headers,
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal
      })

      if (REDIRECTS.has(response.status)) {
        const location = response.headers.get('location')
        discard(response)
        if (!location) refuse(`The server answered ${current.href} with a redirect (HTTP ${response.status}) but did not say where to.`)
        if (++redirects > maxRedirects) {
          refuse(`The address ${requestedUrl} redirects too many times (more than ${maxRedirects}); Gloss stopped following it.`)
        }
        let next: URL
        try {
          next = new URL(location, current)
        } catch {
          refuse(`The address ${current.href} redirects to “${location.slice(0, 200)}”, which is not a valid address.`)
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          refuse(`The address ${current.href} redirects to a ${next.protocol} address, which Gloss does not follow. ${ONLY_HTTP_MESSAGE}`)
        }
        next.username = ''
        next.password = ''
        current = next
        continue
      }

      if (response.status < 200 || response.status > 299) {
        discard(response)
        refuse(httpStatusMessage(response.status))
      }

      const fetchedAt = new Date().toISOString()
      const { mime: declared, charset } = parseContentType(response.headers.get('content-type'))
      const mime = MIME_ALIASES[declared] ?? declared
      const sniff = mime === '' || mime === 'application/octet-stream' || mime === 'binary/octet-stream'
      if (!sniff && !accept.includes(mime)) {
        discard(response)
        wrongType(mime)
      }
      const encodings = (response.headers.get('content-encoding') ?? '')
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== '')
      const unknown = encodings.find((e) => !DECODED_ENCODINGS.has(e))
      if (unknown) {
        discard(response)
        refuse(`The server ${current.hostname} compressed the page in a way Gloss cannot read (${unknown}).`)
      }
      const length = Number(response.headers.get('content-length'))
      if (encodings.length === 0 && Number.isFinite(length) && length > maxBytes) {
        discard(response)
        refuse(`This page is too large to import: it is ${formatBytes(length)} and the limit is ${formatBytes(maxBytes)}.`)
      }

      const bytes = await readBody(response, maxBytes)
      let contentType = mime
      if (sniff) {
        contentType = sniffContentType(bytes)
        if (!accept.includes(contentType)) wrongType(contentType === 'application/octet-stream' ? declared : contentType)
      }
      return { requestedUrl, finalUrl: current.href, status: response.status, contentType, charset, bytes, fetchedAt }
    }
  } catch (error) {
    if (error instanceof GlossError) throw error
    if (timedOut) {
      throw new GlossError(
        'import_rejected',
        `Gloss stopped waiting for ${requestedUrl} after ${seconds(timeoutMs)}: the server did not send the page in time.`
      )
    }
    if (opts.signal?.aborted) throw cancelled()
    throw new GlossError('import_rejected', networkErrorMessage(error, current))
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', onAbort)
    // Releases the connection of anything left unread (a refused body, an oversized stream).
    controller.abort()
  }
}

/** Drops a response body we will not read. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {})
}

/** Reads the body, refusing (and cancelling the stream) as soon as it would exceed maxBytes. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (total + value.byteLength > maxBytes) {
      reader.cancel().catch(() => {})
      refuse(`This page is too large to import: it is larger than the limit of ${formatBytes(maxBytes)}.`)
    }
    chunks.push(value)
    total += value.byteLength
  }
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}
