import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openBackend, removeTempDirs, tempDir } from '../services/test-helpers'
import { MAX_BODY_BYTES, startWebServer, type WebServer } from './server'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(server: WebServer, opts: { method?: string; path: string; host?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: opts.host ?? `127.0.0.1:${server.port}`, ...opts.headers }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', reject)
    if (opts.body !== undefined) {
      if (opts.chunked) {
        const buf = Buffer.from(opts.body)
        const step = 1024 * 1024
        for (let i = 0; i < buf.length; i += step) req.write(buf.subarray(i, i + step))
      } else req.write(opts.body)
    }
    req.end()
  })
}

function api(server: WebServer, method: string, args: unknown[], headers: Record<string, string> = {}): Promise<Reply> {
  return send(server, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-gloss-token': server.token, ...headers },
    body: JSON.stringify({ args })
  })
}

let server: WebServer
let close: () => void
let rendererDir: string

beforeEach(async () => {
  const root = tempDir()
  rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title><script type="module" src="/assets/app.js"></script>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("gloss")')
  writeFileSync(join(rendererDir, 'assets', 'style.css'), 'body{}')
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET')
  const { backend } = openBackend()
  server = await startWebServer({ backend, port: 0, host: '127.0.0.1', rendererDir })
  close = () => backend.close()
})

afterEach(async () => {
  await server.close()
  close()
  removeTempDirs()
})

describe('web server', () => {
  it('prints a URL with a 256-bit token on 127.0.0.1', () => {
    expect(server.token).toMatch(/^[0-9a-f]{64}$/)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
  })

  it('serves index.html for / with security headers and assets with their mime types', async () => {
    const index = await send(server, { path: '/?token=abc' })
    expect(index.status).toBe(200)
    expect(index.body).toMatch(/<title>Gloss<\/title>/)
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(index.headers['cache-control']).toBe('no-store')
    const csp = Object.fromEntries(
      String(index.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')])
    )
    expect(csp).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'"
    })
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect(index.headers['referrer-policy']).toBe('no-referrer')
    expect((await send(server, { path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await send(server, { path: '/assets/style.css' })).headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await send(server, { path: '/localhost-too', host: `localhost:${server.port}` })).status).toBe(404)
    expect((await send(server, { path: '/', host: `localhost:${server.port}` })).status).toBe(200)
  })

  it('answers 403 to any foreign Host header (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `0.0.0.0:${server.port}`]) {
      expect((await send(server, { path: '/', host })).status).toBe(403)
      expect((await api(server, 'listArticles', [], { host })).status).toBe(403)
    }
  })

  it('blocks directory traversal and hidden files', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%00', '/..\\secret.txt', '/.hidden', '/assets']) {
      const r = await send(server, { path })
      expect(r.status, path).toBe(404)
      expect(r.body).not.toMatch(/SECRET/)
    }
  })

  it('requires the token on the API: 401 without it or with a wrong one, 200 with it', async () => {
    const none = await send(server, { method: 'POST', path: '/api/listArticles', headers: { 'content-type': 'application/json' }, body: '{"args":[]}' })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/token/) } })
    const wrong = await api(server, 'listArticles', [], { 'x-gloss-token': 'f'.repeat(64) })
    expect(wrong.status).toBe(401)
    const short = await api(server, 'listArticles', [], { 'x-gloss-token': 'abc' })
    expect(short.status).toBe(401)
    const ok = await api(server, 'listArticles', [])
    expect(ok.status).toBe(200)
    expect(ok.headers['cache-control']).toBe('no-store')
    const env = JSON.parse(ok.body)
    expect(env.ok).toBe(true)
    expect(env.result[0].paragraphCount).toBe(18)
  })

  it('returns backend errors as envelopes, and 400 for bad JSON or a missing args list', async () => {
    expect(JSON.parse((await api(server, 'getArticle', ['nope'])).body)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(JSON.parse((await api(server, 'saveFile', [{}])).body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const headers = { 'content-type': 'application/json', 'x-gloss-token': server.token }
    const bad = await send(server, { method: 'POST', path: '/api/listArticles', headers, body: '{"args": [' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not valid JSON/) } })
    expect((await send(server, { method: 'POST', path: '/api/listArticles', headers, body: '{"argz": []}' })).status).toBe(400)
    const text = await send(server, { method: 'POST', path: '/api/listArticles', headers: { ...headers, 'content-type': 'text/plain' }, body: '{"args":[]}' })
    expect(text.status).toBe(415)
    expect((await send(server, { path: '/api/listArticles', headers })).status).toBe(405)
    expect((await send(server, { method: 'POST', path: '/api/../index.html', headers, body: '{"args":[]}' })).status).toBe(404)
  })

  it('answers 413 to a body over the limit, declared or streamed, and stays usable', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x20)
    const headers = { 'content-type': 'application/json', 'x-gloss-token': server.token }
    const declared = await send(server, { method: 'POST', path: '/api/importText', headers, body: big })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body).error.message).toMatch(/too large/)
    const streamed = await send(server, { method: 'POST', path: '/api/importText', headers: { ...headers, 'transfer-encoding': 'chunked' }, body: big, chunked: true })
    expect(streamed.status).toBe(413)
    expect((await api(server, 'listArticles', [])).status).toBe(200)
  })
})
