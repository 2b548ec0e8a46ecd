import { X509Certificate, generateKeyPairSync, sign } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GlossError } from '../../core/api'
import { decodeText } from '../../core/import/decode'
import { ONLY_HTTP_MESSAGE } from '../../core/import/url'
import { USER_AGENT, fetchPage, httpStatusMessage, networkErrorMessage, sniffContentType } from './fetch-page'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

const routes = new Map<string, Handler>()
const requests: http.IncomingHttpHeaders[] = []
/** Bytes written by the endless streams before the client went away. */
const streamed = { bytes: 0, closed: false }
let server: http.Server
let base = ''

function html(body: string, head = ''): string {
  return `<!DOCTYPE html><html><head>${head}<title>T</title></head><body>${body}</body></html>`
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.headers)
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (route) route(req, res)
    else {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<p>missing</p>')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  for (let i = 1; i <= 6; i++) {
    routes.set(`/chain/${i}`, (_req, res) => {
      res.writeHead(i % 2 ? 302 : 301, { location: i === 6 ? '/page' : `/chain/${i + 1}`, 'set-cookie': `step=${i}; Path=/` })
      res.end()
    })
  }
  routes.set('/page', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(html('<p>Final page 😀</p>'))
  })
  routes.set('/headers', (req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end(JSON.stringify(req.headers))
  })
  routes.set('/to-file', (_req, res) => {
    res.writeHead(302, { location: 'file:///etc/passwd' })
    res.end()
  })
  routes.set('/to-js', (_req, res) => {
    res.writeHead(307, { location: 'javascript:alert(1)' })
    res.end()
  })
  routes.set('/relative', (_req, res) => {
    res.writeHead(303, { location: '../page?from=relative' })
    res.end()
  })
  for (const status of [401, 403, 410, 429, 500, 502, 503]) {
    routes.set(`/status/${status}`, (_req, res) => {
      res.writeHead(status, { 'content-type': 'text/html' })
      res.end('<p>error page</p>')
    })
  }
  routes.set('/silent', () => {
    // never answers
  })
  routes.set('/stall', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.write('<p>the start and then nothing')
  })
  routes.set('/endless', (_req, res) => {
    streamed.bytes = 0
    streamed.closed = false
    res.writeHead(200, { 'content-type': 'text/plain' })
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk)) streamed.bytes += chunk.length
      if (!res.destroyed) streamed.bytes += chunk.length
    }
    res.on('drain', pump)
    res.on('close', () => {
      streamed.closed = true
    })
    pump()
  })
  routes.set('/declared-huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) })
    res.write('a')
  })
  routes.set('/gzip-bomb', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
    const gz = zlib.createGzip()
    gz.pipe(res)
    const zeros = Buffer.alloc(1024 * 1024, 0x20)
    const pump = (): void => {
      while (!res.destroyed && gz.write(zeros));
    }
    gz.on('drain', pump)
    res.on('close', () => gz.destroy())
    pump()
  })
  routes.set('/image', (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' })
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  })
  routes.set('/json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.end('{}')
  })
  routes.set('/untyped-html', (_req, res) => {
    res.writeHead(200, {})
    res.end(html('<p>no type</p>'))
  })
  routes.set('/octet-pdf', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' })
    res.end('%PDF-1.7\n%âãÏÓ\n')
  })
  routes.set('/octet-binary', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' })
    res.end(Buffer.from([0, 1, 2, 3, 4, 5, 0xff, 0xfe]))
  })
  routes.set('/markdown', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/x-markdown' })
    res.end('# Title\n')
  })
  // windows-1251 bytes for "Привет, мир"; the header says windows-1251, the <meta> says koi8-r.
  routes.set('/cyrillic', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset="windows-1251"' })
    res.end(Buffer.concat([Buffer.from(html('<p>', '<meta charset="koi8-r">').replace(/<\/body><\/html>$/, '')), Buffer.from('cff0e8e2e5f22c20ece8f0', 'hex'), Buffer.from('</p></body></html>')]))
  })
  routes.set('/cyrillic-meta', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end(Buffer.concat([Buffer.from('<!doctype html><meta charset="windows-1251"><p>'), Buffer.from('cff0e8e2e5f22c20ece8f0', 'hex')]))
  })
  const compressed = (encoding: string, data: Buffer): Buffer =>
    encoding === 'gzip' ? zlib.gzipSync(data) : encoding === 'deflate' ? zlib.deflateSync(data) : zlib.brotliCompressSync(data)
  for (const encoding of ['gzip', 'deflate', 'br']) {
    routes.set(`/${encoding}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding })
      res.end(compressed(encoding, Buffer.from(html(`<p>${encoding} body ${'é'.repeat(1000)}</p>`))))
    })
  }
  routes.set('/zstd', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' })
    res.end('zzzz')
  })
  routes.set('/bad-gzip', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
    res.end('this is not gzip')
  })
  routes.set('/reset', (req) => {
    req.socket.destroy()
  })
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function failure(promise: Promise<unknown>, code = 'import_rejected'): Promise<string> {
  try {
    await promise
  } catch (e) {
    expect(e).toBeInstanceOf(GlossError)
    expect((e as GlossError).code).toBe(code)
    return (e as GlossError).message
  }
  throw new Error('expected fetchPage to fail')
}

describe('fetchPage: success', () => {
  it('fetches a page: status, type, charset, bytes, time', async () => {
    const page = await fetchPage(`${base}/page`)
    expect(page).toMatchObject({ requestedUrl: `${base}/page`, finalUrl: `${base}/page`, status: 200, contentType: 'text/html', charset: 'utf-8' })
    expect(new TextDecoder().decode(page.bytes)).toContain('<p>Final page 😀</p>')
    expect(Date.parse(page.fetchedAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(page.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('follows a chain of 5 redirects; finalUrl is the last; no cookies are kept', async () => {
    const first = requests.length
    const page = await fetchPage(`${base}/chain/2`)
    expect(page.finalUrl).toBe(`${base}/page`)
    expect(page.requestedUrl).toBe(`${base}/chain/2`)
    expect(page.status).toBe(200)
    const sent = requests.slice(first)
    expect(sent).toHaveLength(6)
    expect(sent.every((h) => h.cookie === undefined)).toBe(true)
  })

  it('resolves relative redirects', async () => {
    expect((await fetchPage(`${base}/relative`)).finalUrl).toBe(`${base}/page?from=relative`)
  })

  it('sends a browser-like User-Agent and Accept, and asks for compression', async () => {
    const page = await fetchPage(`${base}/headers`)
    const headers = JSON.parse(new TextDecoder().decode(page.bytes)) as Record<string, string>
    expect(headers['user-agent']).toBe(USER_AGENT)
    expect(headers['user-agent']).toMatch(/^Mozilla\/5\.0 .*Chrome\//)
    expect(headers.accept).toMatch(/^text\/html,application\/xhtml\+xml,/)
    expect(headers['accept-encoding']).toBe('gzip, deflate, br')
    expect(headers.cookie).toBeUndefined()
  })

  for (const encoding of ['gzip', 'deflate', 'br']) {
    it(`decodes a ${encoding} response`, async () => {
      const page = await fetchPage(`${base}/${encoding}`)
      expect(new TextDecoder().decode(page.bytes)).toContain(`<p>${encoding} body ${'é'.repeat(1000)}</p>`)
    })
  }

  it('hands the header charset to decodeText, which prefers it to <meta>', async () => {
    const page = await fetchPage(`${base}/cyrillic`)
    expect(page.charset).toBe('windows-1251')
    const decoded = decodeText(page.bytes, { charset: page.charset, html: page.contentType === 'text/html' })
    expect(decoded.encoding).toBe('windows-1251')
    expect(decoded.text).toContain('<p>Привет, мир</p>')
    const metaOnly = await fetchPage(`${base}/cyrillic-meta`)
    expect(metaOnly.charset).toBeNull()
    expect(decodeText(metaOnly.bytes, { charset: metaOnly.charset, html: true }).text).toContain('<p>Привет, мир')
  })

  it('sniffs a missing or octet-stream type (HTML, PDF) and maps aliases', async () => {
    expect((await fetchPage(`${base}/untyped-html`)).contentType).toBe('text/html')
    expect((await fetchPage(`${base}/octet-pdf`)).contentType).toBe('application/pdf')
    expect((await fetchPage(`${base}/markdown`)).contentType).toBe('text/markdown')
  })
})

describe('fetchPage: refusals', () => {
  it('refuses a sixth redirect', async () => {
    expect(await failure(fetchPage(`${base}/chain/1`))).toBe(
      `The address ${base}/chain/1 redirects too many times (more than 5); Gloss stopped following it.`
    )
    expect(await failure(fetchPage(`${base}/chain/5`, { maxRedirects: 1 }))).toMatch(/more than 1\)/)
  })

  it('refuses redirects to file: and javascript: addresses', async () => {
    expect(await failure(fetchPage(`${base}/to-file`))).toBe(
      `The address ${base}/to-file redirects to a file: address, which Gloss does not follow. ${ONLY_HTTP_MESSAGE}`
    )
    expect(await failure(fetchPage(`${base}/to-js`))).toMatch(/redirects to a javascript: address, which Gloss does not follow/)
  })

  it('refuses addresses that are not http(s) before any request', async () => {
    expect(await failure(fetchPage('file:///etc/passwd'))).toBe(ONLY_HTTP_MESSAGE)
    expect(await failure(fetchPage('   '))).toMatch(/Enter a web address/)
  })

  it('explains HTTP errors', async () => {
    expect(await failure(fetchPage(`${base}/nothing-here`))).toBe('The page was not found (HTTP 404).')
    expect(await failure(fetchPage(`${base}/status/500`))).toBe('The server had an internal error (HTTP 500). Try again later.')
    expect(await failure(fetchPage(`${base}/status/502`))).toBe('The server had a problem (HTTP 502). Try again later.')
    expect(await failure(fetchPage(`${base}/status/401`))).toMatch(/requires signing in \(HTTP 401\)/)
    expect(await failure(fetchPage(`${base}/status/403`))).toMatch(/refused access to the page \(HTTP 403\)/)
    expect(await failure(fetchPage(`${base}/status/410`))).toBe('The page has been removed (HTTP 410).')
    expect(await failure(fetchPage(`${base}/status/429`))).toMatch(/too many requests \(HTTP 429\)/)
    expect(await failure(fetchPage(`${base}/status/503`))).toMatch(/unavailable at the moment \(HTTP 503\)/)
    expect(httpStatusMessage(418)).toBe('The server refused the request (HTTP 418).')
    expect(httpStatusMessage(304)).toBe('The server gave an unexpected response (HTTP 304).')
  })

  it('refuses content types that are not pages', async () => {
    expect(await failure(fetchPage(`${base}/image`))).toBe('This address gives an image (image/png), not a page Gloss can import.')
    expect(await failure(fetchPage(`${base}/json`))).toBe('This address gives data (JSON) (application/json), not a page Gloss can import.')
    expect(await failure(fetchPage(`${base}/octet-binary`))).toBe(
      'This address gives a binary file (application/octet-stream), not a page Gloss can import.'
    )
    expect(await failure(fetchPage(`${base}/page`, { accept: ['application/pdf'] }))).toMatch(/\(text\/html\), not a page/)
  })

  it('refuses a compression it cannot read, and a damaged one', async () => {
    expect(await failure(fetchPage(`${base}/zstd`))).toBe('The server 127.0.0.1 compressed the page in a way Gloss cannot read (zstd).')
    expect(await failure(fetchPage(`${base}/bad-gzip`))).toBe(
      'The server 127.0.0.1 sent a damaged compressed response, so Gloss could not read the page.'
    )
  })

  it('times out when the server never answers, naming the address', async () => {
    const started = Date.now()
    expect(await failure(fetchPage(`${base}/silent`, { timeoutMs: 300 }))).toBe(
      `Gloss stopped waiting for ${base}/silent after 0.3 seconds: the server did not send the page in time.`
    )
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('times out when the body stalls (the limit covers the whole download)', async () => {
    expect(await failure(fetchPage(`${base}/stall`, { timeoutMs: 300 }))).toMatch(/^Gloss stopped waiting for .*\/stall after 0\.3 seconds/)
  })

  it('stops an endless body at maxBytes, quickly and without buffering the rest', async () => {
    const maxBytes = 1024 * 1024
    const started = Date.now()
    const heapBefore = process.memoryUsage().arrayBuffers
    expect(await failure(fetchPage(`${base}/endless`, { maxBytes }))).toBe(
      'This page is too large to import: it is larger than the limit of 1.0 MB.'
    )
    expect(Date.now() - started).toBeLessThan(5000)
    await expect.poll(() => streamed.closed, { timeout: 5000 }).toBe(true)
    // What the server managed to write: the limit plus socket buffers, not an unbounded stream.
    expect(streamed.bytes).toBeLessThan(maxBytes + 16 * 1024 * 1024)
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(64 * 1024 * 1024)
  })

  it('refuses a declared Content-Length over the limit without reading it', async () => {
    expect(await failure(fetchPage(`${base}/declared-huge`))).toBe('This page is too large to import: it is 50.0 MB and the limit is 20.0 MB.')
  })

  it('stops a gzip bomb at maxBytes of decoded data', async () => {
    const started = Date.now()
    expect(await failure(fetchPage(`${base}/gzip-bomb`, { maxBytes: 4 * 1024 * 1024 }))).toMatch(/larger than the limit of 4\.0 MB/)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('is cancelled by its signal, before or during the request', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    expect(await failure(fetchPage(`${base}/silent`, { signal: controller.signal }), 'cancelled')).toBe(`The download of ${base}/silent was cancelled.`)
    const during = new AbortController()
    setTimeout(() => during.abort(), 100)
    expect(await failure(fetchPage(`${base}/stall`, { signal: during.signal }), 'cancelled')).toMatch(/was cancelled\.$/)
    expect(await failure(fetchPage(`${base}/page`, { signal: AbortSignal.abort() }), 'cancelled')).toMatch(/was cancelled\.$/)
  })

  it('explains a refused connection (closed port)', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    expect(await failure(fetchPage(`http://127.0.0.1:${port}/`))).toBe(
      'The server 127.0.0.1 refused the connection. The site may be down, or the address may have the wrong port.'
    )
  })

  it('explains a connection the server drops', async () => {
    expect(await failure(fetchPage(`${base}/reset`))).toBe('The connection to 127.0.0.1 was interrupted (closed by the server or the network). Try again.')
  })

  it('explains a DNS failure for a .invalid host (or, with no DNS answer here, a timeout that names the address)', async () => {
    const message = await failure(fetchPage('http://gloss-test.invalid/page', { timeoutMs: 5000 }))
    expect([
      'Gloss could not find the server gloss-test.invalid. Check the address and your internet connection.',
      'Gloss stopped waiting for http://gloss-test.invalid/page after 5 seconds: the server did not send the page in time.'
    ]).toContain(message)
  })
})

// A self-signed certificate made with node:crypto alone (DER written by hand, signed with ECDSA P-256).
function selfSignedCertificate(): { key: string; cert: string } {
  const der = (tag: number, ...parts: Buffer[]): Buffer => {
    const body = Buffer.concat(parts)
    let len: Buffer
    if (body.length < 0x80) len = Buffer.from([body.length])
    else {
      const bytes: number[] = []
      for (let n = body.length; n > 0; n >>= 8) bytes.unshift(n & 0xff)
      len = Buffer.from([0x80 | bytes.length, ...bytes])
    }
    return Buffer.concat([Buffer.from([tag]), len, body])
  }
  const seq = (...p: Buffer[]): Buffer => der(0x30, ...p)
  const oid = (dotted: string): Buffer => {
    const [a, b, ...rest] = dotted.split('.').map(Number)
    const out = [40 * a + b]
    for (const n of rest) {
      const chunk = [n & 0x7f]
      for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift(0x80 | (v & 0x7f))
      out.push(...chunk)
    }
    return der(0x06, Buffer.from(out))
  }
  const name = (cn: string): Buffer => seq(der(0x31, seq(oid('2.5.4.3'), der(0x0c, Buffer.from(cn)))))
  const time = (d: Date): Buffer => der(0x17, Buffer.from(`${d.toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`))
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'))
  const now = Date.now()
  const san = seq(oid('2.5.29.17'), der(0x04, seq(der(0x82, Buffer.from('localhost')), der(0x87, Buffer.from([127, 0, 0, 1])))))
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.from([0x01, 0x23, 0x45])),
    ecdsaSha256,
    name('localhost'),
    seq(time(new Date(now - 86_400_000)), time(new Date(now + 86_400_000))),
    name('localhost'),
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, seq(san))
  )
  const signature = sign('sha256', tbs, privateKey)
  const certDer = seq(tbs, ecdsaSha256, der(0x03, Buffer.concat([Buffer.from([0]), signature])))
  const cert = `-----BEGIN CERTIFICATE-----\n${certDer.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, cert }
}

describe('fetchPage: TLS', () => {
  it('refuses a self-signed certificate, saying it is a certificate problem and nothing was imported', async () => {
    const { key, cert } = selfSignedCertificate()
    expect(new X509Certificate(cert).subject).toBe('CN=localhost')
    const tls = https.createServer({ key, cert }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<p>secret</p>')
    })
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
    try {
      const port = (tls.address() as AddressInfo).port
      expect(await failure(fetchPage(`https://127.0.0.1:${port}/`))).toBe(
        'The secure connection to 127.0.0.1 failed because of a certificate problem: its certificate is self-signed (not issued by a trusted authority). Gloss did not import anything.'
      )
    } finally {
      tls.closeAllConnections()
      await new Promise<void>((resolve) => tls.close(() => resolve()))
    }
  })

  // Expired and wrong-name certificates need a trusted CA, which the global fetch cannot be given at run time here
  // (NODE_EXTRA_CA_CERTS is read at start-up); the mapping is tested with errors shaped as undici throws them.
  const fetchFailed = (cause: Error): TypeError => new TypeError('fetch failed', { cause })
  const coded = (code: string, message = code): Error => Object.assign(new Error(message), { code })

  it('maps certificate errors as undici reports them', () => {
    const url = new URL('https://example.com/article')
    expect(networkErrorMessage(fetchFailed(coded('CERT_HAS_EXPIRED', 'certificate has expired')), url)).toBe(
      'The secure connection to example.com failed because of a certificate problem: its certificate has expired. Gloss did not import anything.'
    )
    expect(networkErrorMessage(fetchFailed(coded('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames")), url)).toMatch(
      /certificate problem: its certificate is for a different site name\. Gloss did not import anything\.$/
    )
    expect(networkErrorMessage(fetchFailed(coded('UNABLE_TO_GET_ISSUER_CERT_LOCALLY')), url)).toMatch(/not issued by an authority Gloss trusts/)
    expect(networkErrorMessage(fetchFailed(coded('ERR_SSL_WRONG_VERSION_NUMBER')), url)).toBe(
      'The secure connection to example.com failed (ERR_SSL_WRONG_VERSION_NUMBER). Gloss did not import anything.'
    )
  })

  it('maps network errors as undici reports them', () => {
    const url = 'https://example.com/article'
    expect(networkErrorMessage(fetchFailed(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND example.com')), url)).toBe(
      'Gloss could not find the server example.com. Check the address and your internet connection.'
    )
    expect(networkErrorMessage(fetchFailed(coded('EAI_AGAIN', 'getaddrinfo EAI_AGAIN example.com')), url)).toBe(
      'Gloss could not find the server example.com. Check the address and your internet connection.'
    )
    expect(networkErrorMessage(fetchFailed(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')])), url)).toMatch(/refused the connection/)
    expect(networkErrorMessage(fetchFailed(coded('ENETUNREACH')), url)).toBe(
      'Gloss could not reach example.com: the network is unreachable. Check your internet connection.'
    )
    expect(networkErrorMessage(fetchFailed(coded('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error')), url)).toMatch(/could not connect to example\.com in time/)
    expect(networkErrorMessage(new TypeError('terminated', { cause: coded('ECONNRESET', 'read ECONNRESET') }), url)).toMatch(/was interrupted/)
    expect(networkErrorMessage(fetchFailed(new Error('bad port')), 'http://example.com:6000/')).toMatch(/cannot connect to port 6000 of example\.com/)
    expect(networkErrorMessage(fetchFailed(new Error('something odd')), url)).toBe('Gloss could not download https://example.com/article: something odd.')
  })
})

describe('sniffContentType', () => {
  it('recognises PDF, EPUB, HTML and plain text', () => {
    expect(sniffContentType(new TextEncoder().encode('%PDF-1.4'))).toBe('application/pdf')
    const epub = new Uint8Array(64)
    epub.set(new TextEncoder().encode('PK\u0003\u0004'), 0)
    epub.set(new TextEncoder().encode('mimetypeapplication/epub+zip'), 30)
    expect(sniffContentType(epub)).toBe('application/epub+zip')
    expect(sniffContentType(new TextEncoder().encode('  <!doctype html><p>x'))).toBe('text/html')
    expect(sniffContentType(new TextEncoder().encode('Just words.\n'))).toBe('text/plain')
    expect(sniffContentType(new Uint8Array([0, 1, 2]))).toBe('application/octet-stream')
    expect(sniffContentType(new Uint8Array())).toBe('application/octet-stream')
  })
})
