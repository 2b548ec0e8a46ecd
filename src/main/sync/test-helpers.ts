// Helpers for the sync tests (imported only by *.test.ts): a team server as a child process, a raw Hocuspocus client
// that sends whatever it is told to, and small document helpers.
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { afterAll, afterEach } from 'vitest'
import * as Y from 'yjs'
import type { PMNode } from '../../core/model'
import { removeTempDirs } from '../db/test-temp'

const ROOT = resolve(__dirname, '..', '..', '..')

interface Closable {
  close(): Promise<unknown> | unknown
}

/**
 * The backends and team servers a test file opens (pushed into `open` and `servers`), closed after each test, and
 * the temporary folders removed after the file.
 */
export function closedAfterEach<B extends Closable, S extends Closable>(): { open: B[]; servers: S[] } {
  const open: B[] = []
  const servers: S[] = []
  afterEach(async () => {
    for (const b of open.splice(0)) await b.close()
    for (const s of servers.splice(0)) await s.close()
  })
  afterAll(() => removeTempDirs())
  return { open, servers }
}

export const para = (text: string): PMNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })

/** The text of a note document, its paragraphs joined with line breaks. */
export function textOf(doc: PMNode | null): string {
  const out: string[] = []
  const walk = (n: PMNode): string => (n.text ?? '') + (n.content ?? []).map(walk).join('')
  for (const block of doc?.content ?? []) out.push(walk(block))
  return out.join('\n')
}

/** Retries an assertion until it passes (or the time is up, when its last failure is thrown). */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  exited: Promise<void>
  kill(signal: NodeJS.Signals): void
  close(): Promise<void>
}

/** `npm run team-server` as a child process (through tsx), on `port` (0: any); resolves once it prints its address. */
export function startServerProcess(dataDir: string, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/main/sync/server/entry.ts'), '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  return new Promise((done, fail) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => fail(new Error(`team server did not start: ${err}`)), 20_000)
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /ws:\/\/127\.0\.0\.1:(\d+)/.exec(out)
      if (!m) return
      clearTimeout(timer)
      done({
        url: `ws://127.0.0.1:${m[1]}`,
        port: Number(m[1]),
        child,
        exited,
        kill: (signal) => child.kill(signal),
        close: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          await exited
        }
      })
    })
    child.once('exit', (code) => fail(new Error(`team server exited (${code}): ${err}`)))
  })
}

export interface RawClient {
  doc: Y.Doc
  provider: HocuspocusProvider
  /** Resolves with the reason when the server closes this document's connection. */
  closed(): Promise<string>
  destroy(): void
}

/** A Hocuspocus client with no Gloss checks at all, synced before it resolves. */
export async function connectRaw(url: string, name: string, token: unknown): Promise<RawClient> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, maxAttempts: 1 })
  const doc = new Y.Doc()
  let onClose: ((reason: string) => void) | null = null
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: JSON.stringify(token),
    onClose: ({ event }) => onClose?.(event.reason || String(event.code)),
    onAuthenticationFailed: ({ reason }) => onClose?.(reason)
  })
  provider.attach()
  await new Promise<void>((done, fail) => {
    const t = setTimeout(() => fail(new Error('raw client did not sync')), 5000)
    provider.on('synced', () => {
      clearTimeout(t)
      done()
    })
  })
  return {
    doc,
    provider,
    closed: () => new Promise((done) => (onClose = done)),
    destroy: () => {
      provider.destroy()
      socket.destroy()
    }
  }
}
