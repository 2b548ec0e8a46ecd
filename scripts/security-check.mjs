#!/usr/bin/env node
// Electron security audit with electronegativity (offline). It exits 0 even when it finds problems, so we read its
// CSV ourselves: any HIGH or CRITICAL finding fails, and so does any MEDIUM finding that is not reviewed below.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version

/** Reviewed findings: check id + file -> why it is acceptable. */
const REVIEWED = {
  'PRELOAD_JS_CHECK src/main/index.ts': 'The preload exposes one bridge through contextBridge, with whitelisted methods only.',
  'AUXCLICK_JS_CHECK src/main/index.ts': 'setWindowOpenHandler denies every new window (middle-click included); http(s) links go to the system browser.',
  'AUXCLICK_JS_CHECK src/main/electron/pdf.ts': 'The PDF window runs with JavaScript disabled and denies new windows and navigation.',
  'OPEN_EXTERNAL_JS_CHECK src/main/index.ts': 'openExternal only receives http(s)/mailto URLs (isExternalLink in electron/security.ts).',
  'CSP_GLOBAL_CHECK src/main/electron/security.ts': 'The CSP string is assembled from an array; the tool cannot parse it statically.',
  'CSP_GLOBAL_CHECK src/renderer/index.html': "style-src allows 'unsafe-inline' for Vue/TipTap style attributes; scripts are 'self' only."
}

const dir = mkdtempSync(join(tmpdir(), 'gloss-eneg-'))
const csv = join(dir, 'out.csv')
const run = spawnSync(join(root, 'node_modules/.bin/electronegativity'), ['-i', join(root, 'src'), '-e', electronVersion, '-o', csv], {
  encoding: 'utf8'
})
let text
try {
  text = readFileSync(csv, 'utf8')
} catch {
  console.error(`electronegativity produced no report:\n${run.stdout}\n${run.stderr}`)
  process.exit(1)
} finally {
  setTimeout(() => rmSync(dir, { recursive: true, force: true }), 0)
}

const rows = text.trim().split('\n').slice(1).filter(Boolean).map((line) => {
  const cells = line.match(/("([^"]*)"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').trim())
  return { id: cells[0], severity: cells[1], file: relative(root, cells[3]), location: cells[4], description: cells[6] }
})

const failures = []
for (const r of rows) {
  const key = `${r.id} ${r.file}`
  const reviewed = REVIEWED[key]
  const serious = r.severity === 'HIGH' || r.severity === 'CRITICAL'
  if (serious || (r.severity === 'MEDIUM' && !reviewed)) failures.push(`${r.severity} ${r.id} ${r.file}:${r.location} — ${r.description}`)
  else console.log(`  reviewed  ${r.severity.padEnd(6)} ${key}${reviewed ? ` — ${reviewed}` : ''}`)
}
if (failures.length) {
  console.error(`Security check failed (${failures.length}):\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
console.log(`Security check: electronegativity found no HIGH/CRITICAL issue and no unreviewed MEDIUM one (${rows.length} reviewed findings).`)
