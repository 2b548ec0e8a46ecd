#!/usr/bin/env node
// `npm run gloss -- <command>`: the command-line interface (import, list, export…), built when needed.
import { join } from 'node:path'
import { ensureFreshBuild, ROOT, runNode } from './ensure-build.mjs'

if (!ensureFreshBuild({ entry: 'cli.js' })) process.exit(1)
await runNode(join(ROOT, 'out', 'main', 'cli.js'), process.argv.slice(2))
