#!/usr/bin/env node
// `npm run bench`: speed and memory figures (not timed tests). Runs the TypeScript benchmarks through tsx (backend,
// import, anchoring, analysis), then the editor typing-latency benchmark and the reader benchmark (opening,
// highlighting, 50,000 paragraphs, typing beside bare TipTap) in Chromium.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1
let status = run(['--expose-gc', '--import', 'tsx', 'scripts/bench/backend.ts', ...process.argv.slice(2)])
if (status === 0) status = run(['--expose-gc', '--max-old-space-size=6144', '--import', 'tsx', 'scripts/bench/search.ts'])
if (status === 0) status = run(['--expose-gc', '--import', 'tsx', 'scripts/bench/import.ts'])
if (status === 0) status = run(['--expose-gc', '--import', 'tsx', 'scripts/bench/anchoring.ts'])
if (status === 0) status = run(['--expose-gc', '--import', 'tsx', 'scripts/bench/analysis.ts'])
if (status === 0 && existsSync(join(root, 'scripts/bench-editor.mjs'))) status = run(['scripts/bench-editor.mjs'])
if (status === 0) status = run(['--import', 'tsx', 'scripts/bench-reader.mjs'])
process.exit(status)
