#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .cache/electron-sqlite/<electron>-<platform>-<arch>/better_sqlite3.node,
// leaving node_modules/better-sqlite3 (Node's ABI: tests, CLI, web mode) untouched. Electron's main process loads the
// result through better-sqlite3's `nativeBinding` option. Runs once per Electron version (start.mjs calls it before
// launching Electron); later runs return at once.
//
// Strategy: copy the better-sqlite3 package to a scratch folder, then try its prebuilt binary for the Electron runtime
// (prebuild-install), else compile it against Electron's headers (node-gyp). Both need the network once.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const target = electronBindingPath(root, electronVersion)

function electronBindingPath(rootDir, version) {
  return join(rootDir, '.cache', 'electron-sqlite', `${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node')
}

function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], timeout: 10 * 60_000 })
}

function nodeGypPath() {
  const candidates = [
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    '/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'
  ].filter(Boolean)
  return candidates.find((p) => existsSync(p))
}

if (existsSync(target)) process.exit(0)

console.log(`Gloss: building the SQLite module for Electron ${electronVersion} (once)…`)
const scratch = join(root, '.cache', 'electron-sqlite', 'scratch')
rmSync(scratch, { recursive: true, force: true })
mkdirSync(scratch, { recursive: true })
const pkg = join(root, 'node_modules', 'better-sqlite3')
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) cpSync(join(pkg, entry), join(scratch, entry), { recursive: true })

let built = false
try {
  run(process.execPath, [join(root, 'node_modules/prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, `--platform=${process.platform}`], scratch)
  built = existsSync(join(scratch, 'build/Release/better_sqlite3.node'))
} catch {
  console.log('Gloss: no prebuilt binary; compiling against Electron headers instead.')
}
if (!built) {
  const gyp = nodeGypPath()
  if (!gyp) {
    console.error('Gloss: node-gyp not found; cannot build better-sqlite3 for Electron.')
    process.exit(1)
  }
  run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], scratch)
}
mkdirSync(dirname(target), { recursive: true })
copyFileSync(join(scratch, 'build/Release/better_sqlite3.node'), target)
rmSync(scratch, { recursive: true, force: true })
console.log(`Gloss: SQLite module for Electron ready (${target}).`)
