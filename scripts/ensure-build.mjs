// Shared by start.mjs and gloss.mjs: rebuilds out/ (electron-vite build) when it is missing or older than any
// file under src/ or resources/ (or the build config). A lock keeps two launches from building at once.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'out')
const STAMP = join(OUT, '.build-stamp')
const LOCK = join(ROOT, '.cache', 'build.lock')
const INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json', 'tsconfig.node.json', 'tsconfig.web.json']

function newestMtime(path) {
  let st
  try {
    st = statSync(path)
  } catch {
    return 0
  }
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

export function buildIsFresh() {
  if (!existsSync(STAMP)) return false
  const built = statSync(STAMP).mtimeMs
  return INPUTS.every((p) => newestMtime(join(ROOT, p)) <= built)
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function acquireLock() {
  mkdirSync(dirname(LOCK), { recursive: true })
  const deadline = Date.now() + 5 * 60_000
  for (;;) {
    try {
      mkdirSync(LOCK)
      return true
    } catch {
      // Another launch is building. A lock older than 5 minutes is stale (a killed build).
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000) rmSync(LOCK, { recursive: true, force: true })
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) return false
      sleep(500)
    }
  }
}

/** Builds when needed. Returns true when out/ is usable; prints why not otherwise. */
export function ensureFreshBuild({ entry }) {
  if (process.env.GLOSS_NO_BUILD === '1') {
    if (existsSync(join(OUT, 'main', entry))) return true
    process.stderr.write(`Gloss has not been built (out/main/${entry} is missing) and GLOSS_NO_BUILD=1 forbids building. Run "npm run build".\n`)
    return false
  }
  if (buildIsFresh()) return true
  if (!acquireLock()) {
    process.stderr.write('Gloss: another build has held the lock for 5 minutes; remove .cache/build.lock if no build is running.\n')
    return false
  }
  try {
    if (buildIsFresh()) return true // built by the launch we waited for
    const started = new Date()
    const bin = join(ROOT, 'node_modules', '.bin', 'electron-vite')
    if (!existsSync(bin)) {
      process.stderr.write('Gloss cannot build itself: node_modules/.bin/electron-vite is missing. Run "npm install" first.\n')
      return false
    }
    process.stderr.write('Building Gloss…\n')
    // Build output goes to stderr so that stdout stays free for the line with the URL.
    const result = spawnSync(bin, ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 2, 2] })
    if (result.status !== 0) {
      process.stderr.write(`Gloss: the build failed${result.error ? ` (${result.error.message})` : ''}; see the messages above.\n`)
      return false
    }
    mkdirSync(OUT, { recursive: true })
    writeFileSync(STAMP, `${started.toISOString()}\n`)
    // Stamp with the start time: a file saved during the build triggers another build next time.
    utimesSync(STAMP, started, started)
    return true
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

/** Runs `node file args` with inherited stdio, forwarding SIGINT/SIGTERM; exits with the child's code. */
export async function runNode(file, args) {
  const { spawn } = await import('node:child_process')
  const child = spawn(process.execPath, [file, ...args], { cwd: process.cwd(), stdio: 'inherit' })
  const forward = (signal) => () => {
    if (child.exitCode === null) child.kill(signal)
  }
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  child.on('error', (error) => {
    process.stderr.write(`Gloss could not start ${file}: ${error.message}\n`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
