#!/usr/bin/env node
// The Electron preload runs sandboxed: at run time it can require 'electron' and nothing else (no npm packages, no
// Node built-ins, no other chunk). Run after `electron-vite build`; fails when out/preload/index.js requires more.
import { readFileSync } from 'node:fs'

const file = new URL('../out/preload/index.js', import.meta.url)
let src
try {
  src = readFileSync(file, 'utf8')
} catch {
  console.error('Preload check: out/preload/index.js is missing (run electron-vite build first).')
  process.exit(1)
}
const required = [...src.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)|\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)|^\s*import\s[^;]*?from\s*["'`]([^"'`]+)["'`]/gm)].map(
  (m) => m[1] ?? m[2] ?? m[3]
)
const other = [...new Set(required.filter((name) => name !== 'electron'))]
if (other.length) {
  console.error(`Preload check failed: out/preload/index.js requires ${other.map((n) => `"${n}"`).join(', ')}; a sandboxed preload may require only "electron".`)
  process.exit(1)
}
console.log(`Preload check: out/preload/index.js requires only "electron" (${(src.length / 1024).toFixed(1)} KB).`)
