#!/usr/bin/env node
// `npm start`: builds when needed, then opens the desktop app (Electron) or, without Electron or with --web,
// web mode (a loopback server and the browser). Other arguments pass through (--port, --data-dir, --no-open…).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawn, spawnSync } from 'node:child_process'
import { ensureFreshBuild, ROOT, runNode } from './ensure-build.mjs'

const argv = process.argv.slice(2)
const forceWeb = argv.includes('--web')
const passArgs = argv.filter((a) => a !== '--web')

function electronBinary() {
  const pathTxt = join(ROOT, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathTxt)) return null
  const bin = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

/**
 * Electron 42+ fetches its binary on first launch rather than at `npm install`. Try that fetch once (quietly, 2 min at
 * most); where it cannot happen (no network to the download host, like this CI machine) we fall back to web mode.
 */
function fetchElectronBinary() {
  const installer = join(ROOT, 'node_modules', 'electron', 'install.js')
  if (!existsSync(installer)) return null
  process.stdout.write('Gloss: the Electron binary is not installed yet; trying to fetch it…\n')
  spawnSync(process.execPath, [installer], { cwd: ROOT, stdio: 'ignore', timeout: 120_000 })
  return electronBinary()
}

const electron = forceWeb ? null : (electronBinary() ?? fetchElectronBinary())
if (!ensureFreshBuild({ entry: electron ? 'index.js' : 'web.js' })) process.exit(1)

if (electron) {
  const sqliteScript = join(ROOT, 'scripts', 'electron-sqlite.mjs')
  if (existsSync(sqliteScript)) {
    const r = spawnSync(process.execPath, [sqliteScript], { cwd: ROOT, stdio: 'inherit' })
    if (r.status !== 0) process.exit(r.status ?? 1)
  }
  const child = spawn(electron, ['.', ...passArgs], { cwd: ROOT, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.exitCode === null && child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
} else {
  if (!forceWeb) {
    process.stdout.write('Electron is not available on this machine (no binary in node_modules/electron/dist): starting Gloss in web mode.\n')
  }
  await runNode(join(ROOT, 'out', 'main', 'web.js'), passArgs)
}
