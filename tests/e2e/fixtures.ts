// Playwright fixtures: each test gets a fresh Gloss in web mode (its own data dir and port) and a page on it.
// The server is started exactly as a user would: `npm start -- --web --no-open --port 0 --data-dir DIR`
// (scripts/start.mjs is what `npm start` runs).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'

const ROOT = resolve(__dirname, '..', '..')
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/

export interface GlossServer {
  /** The URL printed by web mode (with the launch token). */
  url: string
  dataDir: string
  /** Stops the server and starts it again on the same data dir (a restart of the app). Returns the new URL. */
  restart(): Promise<string>
}

export interface Running {
  child: ChildProcess
  url: string
  output: () => string
}

export function startServer(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-open', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, GLOSS_NO_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  let out = ''
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      stop(child)
      reject(new Error(`Gloss web mode did not print its URL within 30 s. Output:\n${out}`))
    }, 30_000)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const match = URL_LINE.exec(out)
      if (match) {
        clearTimeout(timer)
        resolvePromise({ child, url: match[1], output: () => out })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Gloss web mode exited with code ${code} before printing its URL. Output:\n${out}`))
    })
  })
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.pid === undefined) return done()
    child.once('exit', () => done())
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      done()
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        /* already gone */
      }
      done()
    }, 5_000).unref()
  })
}

export const test = base.extend<{ gloss: GlossServer }>({
  gloss: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gloss-e2e-'))
    let running = await startServer(dataDir)
    const server: GlossServer = {
      url: running.url,
      dataDir,
      async restart() {
        await stop(running.child)
        running = await startServer(dataDir)
        server.url = running.url
        return running.url
      }
    }
    await use(server)
    await stop(running.child)
    rmSync(dataDir, { recursive: true, force: true })
  },
  page: async ({ page, gloss }, use) => {
    await page.goto(gloss.url)
    await use(page)
  }
})

export { expect }
