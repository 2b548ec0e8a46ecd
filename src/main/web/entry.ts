// Web mode entry (out/main/web.js): the backend behind a loopback HTTP server, for machines without Electron.
// Prints exactly one line with the URL (and its launch token) on stdout.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { findChromium } from '../export/browser'
import { chromiumPdfRenderer } from '../export/pdf-chromium'
import { appRoot } from '../paths'
import { openFailureMessage } from '../db/errors'
import { createBackend, DB_FILE } from '../services'
import { parseWebArgs, UsageError } from './args'
import { startWebServer } from './server'


function openInBrowser(url: string): void {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    process.stdout.write('No display found: open the URL above in a browser.\n')
    return
  }
  const browser = findChromium()?.path
  const [cmd, args] = browser ? [browser, [`--app=${url}`]] : ['xdg-open', [url]]
  try {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' })
    child.on('error', () => process.stdout.write('Could not open a browser: open the URL above yourself.\n'))
    child.unref()
  } catch {
    process.stdout.write('Could not open a browser: open the URL above yourself.\n')
  }
}

async function main(): Promise<void> {
  let args
  try {
    args = parseWebArgs(process.argv.slice(2))
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`gloss web: ${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  const root = appRoot(__dirname)
  const pdf = chromiumPdfRenderer()
  let backend: ReturnType<typeof createBackend>
  try {
    backend = createBackend({ dataDir: args.dataDir, mode: 'web', resourcesDir: join(root, 'resources'), pdf, sync: 'background' })
  } catch (error) {
    process.stderr.write(`${openFailureMessage(error, { dataDir: args.dataDir, file: join(args.dataDir, DB_FILE) })}\n`)
    process.exit(1)
  }
  const rendererDir = join(root, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`Gloss: the interface has not been built (${rendererDir}/index.html is missing). Run "npm run build".\n`)
  }
  let server
  try {
    server = await startWebServer({ backend, port: args.port, host: '127.0.0.1', rendererDir })
  } catch (error) {
    void backend.close()
    const e = error as NodeJS.ErrnoException
    const why = e.code === 'EADDRINUSE' ? `port ${args.port} is already in use (try --port 0 for any free port)` : e.message
    process.stderr.write(`Gloss web mode could not start: ${why}.\n`)
    process.exit(1)
  }
  process.stdout.write(`Gloss web mode: ${server.url}\n`)
  if (args.open) openInBrowser(server.url)

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    const force = setTimeout(() => process.exit(0), 5000)
    force.unref()
    void (async () => {
      await server.close().catch(() => undefined)
      await backend.close().catch(() => undefined)
      await pdf.close().catch(() => undefined)
      process.exit(0)
    })()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`Gloss web mode failed: ${message}\n`)
  if (process.env.GLOSS_DEBUG === '1') process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`)
  process.exit(1)
})
