#!/usr/bin/env node
// Import directions, written down as data and enforced (VS Code style):
//   core      -> nothing above it: no electron, vue, Node built-ins, jsdom/dompurify, DOM globals, main/renderer code
//   renderer  -> core, its own files, vue/tiptap; never electron, Node built-ins or src/main
//   preload   -> electron + core contract only
//   main      -> core, Node, electron (only in src/main/index.ts and src/main/electron/**); never renderer code
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const RULES = [
  {
    layer: 'src/core',
    forbid: [/^electron$/, /^vue$/, /^@vue\//, /^@tiptap\//, /^node:/, /^(fs|path|os|crypto|child_process|http|url)$/, /^jsdom$/, /^dompurify$/, /^better-sqlite3$/, /\/main\//, /\/renderer\//, /\/preload\//],
    globals: [/\bwindow\./, /\bdocument\./, /\blocalStorage\b/]
  },
  { layer: 'src/renderer', forbid: [/^electron$/, /^node:/, /^better-sqlite3$/, /^jsdom$/, /\/main\//, /src\/main/] },
  { layer: 'src/preload', forbid: [/^vue$/, /^node:/, /\/main\//, /\/renderer\//] },
  { layer: 'src/main', forbid: [/\/renderer\//, /^vue$/], electronOnly: ['src/main/index.ts', 'src/main/electron/'] }
]

function files(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...files(p))
    else if (/\.(ts|vue|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p)
  }
  return out
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g
const problems = []
for (const rule of RULES) {
  for (const file of files(join(root, rule.layer))) {
    const rel = relative(root, file)
    const isTest = /\.test\.ts$/.test(rel)
    const src = readFileSync(file, 'utf8')
    for (const m of src.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]
      // Tests of the core may read fixtures from disk.
      if (isTest && /^node:/.test(spec)) continue
      if (rule.forbid.some((re) => re.test(spec))) problems.push(`${rel}: imports "${spec}" (not allowed in ${rule.layer})`)
      if (rule.electronOnly && spec === 'electron' && !rule.electronOnly.some((p) => rel === p || rel.startsWith(p))) {
        problems.push(`${rel}: imports "electron" outside the Electron shell (src/main/index.ts, src/main/electron/)`)
      }
    }
    if (rule.globals && !isTest) {
      // Comments and string literals are not code: "word/document.xml" names a file, not the DOM.
      const code = src
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
        .replace(/\/\/.*$/gm, '')
      for (const re of rule.globals) if (re.test(code)) problems.push(`${rel}: uses a DOM global (${re.source}) in ${rule.layer}`)
    }
  }
}

if (problems.length) {
  console.error(`Layer check failed (${problems.length}):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log('Layer check: core, renderer, preload and main import only what their layer allows.')
