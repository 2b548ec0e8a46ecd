#!/usr/bin/env node
// `npm run bench`: speed and memory figures (not timed tests). Runs the TypeScript benchmarks through tsx (backend,
// import, anchoring, analysis, sync), then the editor typing-latency benchmark in Chromium when it exists.
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
if (status === 0) status = run(['--expose-gc', '--import', 'tsx', 'scripts/bench/sync.ts'])
if (status === 0 && existsSync(join(root, 'scripts/bench-editor.mjs'))) status = run(['scripts/bench-editor.mjs'])
process.exit(status)
