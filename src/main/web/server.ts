// Web mode's loopback HTTP bridge: the built renderer as static files, plus POST /api/<method> guarded by a
// per-launch token. Only 127.0.0.1 is bound; the Host header is checked too (DNS-rebinding defence).
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HTTP_API_PREFIX, type ApiErrorCode, type Envelope } from '../../core/api'
import type { BackendApi } from '../services'
import { dispatch } from '../services/dispatch'
import { RENDERER_CSP } from '../renderer-csp'
import { mimeType, readStatic } from './static'

export const MAX_BODY_BYTES = 50 * 1024 * 1024

export const CSP = RENDERER_CSP

export interface WebServerOptions {
  backend: BackendApi
  port: number
  host?: '127.0.0.1'
  rendererDir: string
  /** For tests: a fixed token. Default: 32 random bytes, hex. */
  token?: string
}

export interface WebServer {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra })
  res.end(body)
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope): void {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' })
}

function fail(res: ServerResponse, status: number, code: ApiErrorCode, message: string): void {
  sendEnvelope(res, status, { ok: false, error: { code, message } })
}

/**
 * Answers without reading the body: the rest of it is drained (so the client gets to read the answer) and the
 * connection is closed afterwards; a client that keeps sending far past the limit is cut off.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  res.setHeader('Connection', 'close')
  fail(res, status, 'invalid_input', message)
  let drained = 0
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length
    if (drained > 2 * MAX_BODY_BYTES) req.destroy()
  })
  req.resume()
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Reads the body up to `limit` bytes; resolves null (and stops reading) when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        over = true
        chunks.length = 0
        req.off('data', onData)
        resolveBody(null)
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => {
      if (!over) resolveBody(Buffer.concat(chunks))
    })
    req.on('aborted', () => {
      if (!over) resolveBody(null)
    })
    req.on('error', reject)
  })
}

const TOO_LARGE = `The request is too large (limit ${MAX_BODY_BYTES / 1024 / 1024} MiB). Import a smaller file.`

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, opts: { backend: BackendApi; token: string }): Promise<void> {
  if (!tokenMatches(req.headers['x-gloss-token'], opts.token)) {
    refuse(req, res, 401, 'This request was refused: the Gloss launch token is missing or wrong. Open Gloss with the address printed when it started.')
    return
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json') {
    refuse(req, res, 415, 'Requests to Gloss must be sent as JSON (Content-Type: application/json).')
    return
  }
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    refuse(req, res, 413, TOO_LARGE)
    return
  }
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body === null) {
    refuse(req, res, 413, TOO_LARGE)
    return
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    fail(res, 400, 'invalid_input', 'The request body is not valid JSON.')
    return
  }
  const args = (parsed as { args?: unknown } | null)?.args
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(args)) {
    fail(res, 400, 'invalid_input', 'The request body must be a JSON object with an "args" list.')
    return
  }
  sendEnvelope(res, 200, await dispatch(opts.backend, method, args))
}

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1'
  const token = opts.token ?? randomBytes(32).toString('hex')
  let port = opts.port
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  const server = createServer((req, res) => {
    void (async () => {
      const hostHeader = (req.headers.host ?? '').toLowerCase()
      if (!allowedHosts().has(hostHeader)) {
        send(res, 403, 'Forbidden: Gloss only answers requests addressed to 127.0.0.1 or localhost.', 'text/plain; charset=utf-8')
        req.resume()
        return
      }
      const url = new URL(req.url ?? '/', `http://${hostHeader}`)
      const method = url.pathname.startsWith(HTTP_API_PREFIX) ? url.pathname.slice(HTTP_API_PREFIX.length) : null
      if (method !== null && /^[A-Za-z]{1,64}$/.test(method)) {
        if (req.method !== 'POST') {
          fail(res, 405, 'invalid_input', 'Gloss API requests must use POST.')
          req.resume()
          return
        }
        await handleApi(req, res, method, { backend: opts.backend, token })
        return
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        const found = method !== null ? null : await readStatic(opts.rendererDir, url.pathname)
        if (found) {
          const type = mimeType(found.file)
          const cache = type.startsWith('text/html') ? { 'Cache-Control': 'no-store' } : { 'Cache-Control': 'no-cache' }
          res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(found.body.length), ...cache })
          res.end(req.method === 'HEAD' ? undefined : found.body)
          return
        }
      }
      req.resume()
      send(res, 404, 'Not found.', 'text/plain; charset=utf-8')
    })().catch((error: unknown) => {
      process.stderr.write(`Gloss web server: ${(error as Error)?.stack ?? String(error)}\n`)
      if (!res.headersSent) fail(res, 500, 'internal', 'Something went wrong inside Gloss. Details were written to its log.')
      else res.destroy()
    })
  })
  server.requestTimeout = 10 * 60_000

  return new Promise((resolveStart, reject) => {
    server.once('error', reject)
    server.listen(opts.port, host, () => {
      server.off('error', reject)
      port = (server.address() as AddressInfo).port
      resolveStart({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          })
      })
    })
  })
}
