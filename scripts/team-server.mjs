#!/usr/bin/env node
// `npm run team-server -- --port 8080 --data-dir DIR [--redis redis://HOST:PORT]`: the Gloss team server, built when needed.
import { join } from 'node:path'
import { ensureFreshBuild, ROOT, runNode } from './ensure-build.mjs'

if (!ensureFreshBuild({ entry: 'team-server.js' })) process.exit(1)
await runNode(join(ROOT, 'out', 'main', 'team-server.js'), process.argv.slice(2))
