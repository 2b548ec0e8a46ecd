// Sync benchmark (npm run bench): team projects on Hocuspocus, each figure beside a floor measured in the same run.
//   1. Propagation: 20 simulated members edit one project through two team-server instances joined by Redis (half
//      the members on each); every write is timed until each of the 19 others sees it. Floor: the same writes as raw
//      Yjs updates through a bare WebSocket relay on loopback (no auth, no checks, no Redis, no persistence).
//   2. Server memory per project: the team server (a child process) holding 10 projects of 20 sources each, against
//      a child process holding only the same Yjs documents.
//   3. Initial sync of a 200-source project: a fresh Gloss library joining it (checks every record, writes SQLite),
//      against a raw provider fetching the same document.
// Redis is started here when redis-server is installed; otherwise the propagation figure runs on one instance and
// says so. Prints figures; asserts nothing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket, { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { newId, nowIso } from '../../src/core/ids'
import { formatInvite, newToken } from '../../src/core/sync/invite'
import { projectDocName } from '../../src/core/sync/names'
import { entityMap, writeEntity, writeMeta } from '../../src/core/sync/project-doc'
import type { HighlightRecord, SourceRecord } from '../../src/core/sync/records'
import { startTeamServer, type TeamServer } from '../../src/main/sync/server/server'
import { createBackend } from '../../src/main/services'
import { tempDir, removeTempDirs } from '../../src/main/db/test-temp'

const ROOT = join(__dirname, '..', '..')
const SAMPLE = readFileSync(join(ROOT, 'resources/putin-xi-sco-summit.txt'), 'utf8')
  .split(/\n+/)
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 40)

const MEMBERS = 20
const ROUNDS = 5
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const ms = (n: number): string => `${n.toFixed(1)} ms`
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => done(port))
    })
  })
}

// ----------------------------------------------------------------------------------------------- records

const t = nowIso()
function source(id: string, by: string, paragraphs: number, seed: number): SourceRecord {
  return {
    id, title: `Source ${seed}`, authors: ['A. Writer'], publisher: 'Bench', publishedAt: '2026-11-30', url: `https://example.org/${seed}`,
    accessedAt: null, fileName: null, lang: 'en', excerpt: null, format: 'html', warnings: [],
    paragraphs: Array.from({ length: paragraphs }, (_, i) => ({ id: `p-${(seed * 1000 + i).toString(36).padStart(11, '0')}`, index: i, kind: 'p' as const, text: SAMPLE[(seed + i) % SAMPLE.length] })),
    createdAt: t, updatedAt: t, deletedAt: null, addedAt: t, removedAt: null, by
  }
}
function highlight(articleId: string, text: string, by: string): HighlightRecord {
  return {
    id: newId(), articleId, color: 'yellow', comment: 'bench',
    targets: [{ paragraphId: `p-${(1 * 1000).toString(36).padStart(11, '0')}`, quote: { type: 'TextQuoteSelector', exact: text.slice(0, 20), prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 20 } }],
    createdAt: t, updatedAt: t, deletedAt: null, by
  }
}

/** A project document with `sources` sources (and one highlight each), made by member `by`. */
function projectState(projectId: string, by: string, sources: number, paragraphs: number): { update: Uint8Array; articleIds: string[] } {
  const doc = new Y.Doc()
  const articleIds: string[] = []
  doc.transact(() => {
    writeMeta(doc, { id: projectId, title: 'Bench project', createdAt: t, updatedAt: t, deletedAt: null })
    for (let i = 0; i < sources; i++) {
      const s = source(newId(), by, paragraphs, i + 1)
      articleIds.push(s.id)
      writeEntity(doc, 'sources', s, by)
      writeEntity(doc, 'highlights', highlight(s.id, s.paragraphs[0].text, by), by)
    }
  })
  return { update: Y.encodeStateAsUpdate(doc), articleIds }
}

// ------------------------------------------------------------------------------------------------ clients

interface Client {
  doc: Y.Doc
  destroy(): void
}

async function hocuspocusClient(url: string, name: string, token: string, doc = new Y.Doc()): Promise<Client & { provider: HocuspocusProvider }> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: JSON.stringify({ member: token }) })
  provider.attach()
  await new Promise<void>((done) => provider.on('synced', () => done()))
  return { doc, provider, destroy: () => (provider.destroy(), socket.destroy()) }
}

/** The floor's relay: every binary message is passed on to every other socket, nothing else. */
async function rawRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((r) => wss.once('listening', () => r()))
  wss.on('connection', (ws) => ws.on('message', (data) => { for (const c of wss.clients) if (c !== ws) c.send(data) }))
  return { url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}`, close: () => new Promise((r) => wss.close(() => r())) }
}

async function rawClient(url: string, initial: Uint8Array): Promise<Client> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, initial)
  const ws = new WebSocket(url)
  await new Promise((r) => ws.once('open', r))
  doc.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'relay') ws.send(u) })
  ws.on('message', (d: Buffer) => Y.applyUpdate(doc, new Uint8Array(d), 'relay'))
  return { doc, destroy: () => ws.close() }
}

/** Each member in turn adds a highlight; the time until each other member sees it. */
async function propagation(clients: Client[], members: string[], articleId: string, text: string): Promise<{ all: number[]; cross: number[] }> {
  const all: number[] = []
  const cross: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < clients.length; i++) {
      const h = highlight(articleId, text, members[i])
      const seen = clients.map((c, j) =>
        j === i
          ? Promise.resolve()
          : new Promise<void>((done) => {
              const map = entityMap(c.doc, 'highlights')
              const started = performance.now()
              const check = (): void => {
                if (!map.has(h.id)) return
                map.unobserve(check)
                const took = performance.now() - started
                all.push(took)
                if (i % 2 !== j % 2) cross.push(took)
                done()
              }
              map.observe(check)
            })
      )
      clients[i].doc.transact(() => writeEntity(clients[i].doc, 'highlights', h, members[i]))
      await Promise.race([Promise.all(seen), sleep(10_000)])
    }
  }
  return { all, cross }
}

// ------------------------------------------------------------------------------------------------ memory

const rssKb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)

function child(args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const c = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] })
  return new Promise((done) => {
    let out = ''
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) done({ child: c, line: out.split('\n')[0] })
    })
  })
}

// Two instances sharing one data folder both try to store a document after a change; Hocuspocus's Redis lock lets one
// do it and logs the other's refusal as an error. That is the extension working as meant: keep it out of the figures.
const consoleError = console.error.bind(console)
console.error = (...args: unknown[]): void => {
  const cause = (args[1] as { cause?: unknown } | undefined)?.cause
  if (typeof args[0] === 'string' && args[0].includes('storeDocumentHooks') && String(cause).includes('Could not acquire lock')) return
  consoleError(...args)
}

async function main(): Promise<void> {
  console.log('\nSync (team projects, Hocuspocus 3.4.4)')
  const dataDir = tempDir('gloss-bench-sync-')
  const closers: (() => Promise<void> | void)[] = []
  try {
    // ---------------------------------------------------------------- 1. propagation, 20 members, 2 instances
    const hasRedis = spawnSync('sh', ['-c', 'command -v redis-server']).status === 0
    let redisUrl: string | undefined
    let redis: ChildProcess | null = null
    const stopRedis = async (): Promise<void> => {
      const r = redis
      redis = null
      if (!r || r.exitCode !== null || r.signalCode !== null) return
      const gone = new Promise<void>((done) => r.once('exit', () => done()))
      r.kill('SIGTERM')
      await Promise.race([gone, sleep(3000)])
      if (r.exitCode === null && r.signalCode === null) r.kill('SIGKILL')
    }
    closers.push(stopRedis)
    if (hasRedis) {
      const port = await freePort()
      const r = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
      redis = r
      let said = ''
      const ready = await new Promise<boolean>((done) => {
        const timer = setTimeout(() => done(false), 10_000)
        const read = (d: Buffer): void => {
          said += d.toString()
          if (/Ready to accept connections/.test(said)) {
            clearTimeout(timer)
            done(true)
          }
        }
        r.stdout!.on('data', read)
        r.stderr!.on('data', read)
        r.once('exit', () => (clearTimeout(timer), done(false)))
      })
      if (ready) redisUrl = `redis://127.0.0.1:${port}`
      else {
        await stopRedis()
        console.log(`  Redis: skipped — redis-server did not start (${said.trim().split('\n').pop()?.slice(0, 120) ?? 'no output'}); propagation runs on one instance`)
      }
    } else {
      console.log('  Redis: skipped — redis-server is not installed (apt-get install -y redis-server); propagation runs on one instance')
    }
    const instances: TeamServer[] = []
    for (let i = 0; i < (redisUrl ? 2 : 1); i++) {
      const s = await startTeamServer({ dataDir, port: 0, redis: redisUrl })
      instances.push(s)
      closers.push(() => s.close())
    }
    const projectId = newId()
    const ownerToken = newToken()
    const owner = instances[0].store.createProject(projectId, ownerToken, 'owner')!
    const tokens = [ownerToken, ...Array.from({ length: MEMBERS - 1 }, () => newToken())]
    const members = [owner.id, ...tokens.slice(1).map((tk) => instances[0].store.addMember(projectId, 'editor', tk, '').id)]
    const { update: initial, articleIds } = projectState(projectId, owner.id, 5, 20)
    const first = await hocuspocusClient(instances[0].url, projectDocName(projectId), ownerToken)
    Y.applyUpdate(first.doc, initial)
    await sleep(300)
    const clients: Client[] = [first]
    for (let i = 1; i < MEMBERS; i++) clients.push(await hocuspocusClient(instances[i % instances.length].url, projectDocName(projectId), tokens[i]))
    await sleep(500)
    const text = SAMPLE[1]
    const gloss = await propagation(clients, members, articleIds[0], text)
    for (const c of clients) c.destroy()

    const relay = await rawRelay()
    const raws: Client[] = []
    for (let i = 0; i < MEMBERS; i++) raws.push(await rawClient(relay.url, initial))
    const floor = await propagation(raws, members, articleIds[0], text)
    for (const c of raws) c.destroy()
    await relay.close()
    const p50 = pct(gloss.all, 50)
    const p95 = pct(gloss.all, 95)
    const f50 = pct(floor.all, 50)
    const f95 = pct(floor.all, 95)
    console.log(`  propagation, ${MEMBERS} members editing one project, ${gloss.all.length} deliveries${redisUrl ? ' (2 instances + Redis)' : ' (1 instance)'}:`)
    console.log(`    p50 ${ms(p50)}, p95 ${ms(p95)}   floor (raw Yjs updates through a bare ws relay): p50 ${ms(f50)}, p95 ${ms(f95)}   ratio ${(p50 / f50).toFixed(1)}× / ${(p95 / f95).toFixed(1)}×`)
    if (gloss.cross.length) console.log(`    between instances (through Redis): p50 ${ms(pct(gloss.cross, 50))}, p95 ${ms(pct(gloss.cross, 95))}`)
    for (const s of instances.splice(0)) await s.close()
    await stopRedis()
    closers.length = 0

    // ---------------------------------------------------------------- 2. server memory per project
    const PROJECTS = 10
    const memDir = tempDir('gloss-bench-sync-mem-')
    const server = await child(['--expose-gc', '--import', 'tsx', 'src/main/sync/server/entry.ts', '--port', '0', '--data-dir', memDir])
    closers.push(() => void server.child.kill('SIGTERM'))
    const url = /ws:\/\/[\d.:]+/.exec(server.line)![0]
    await sleep(500)
    const before = rssKb(server.child.pid!)
    const states: Uint8Array[] = []
    const holders: Client[] = []
    for (let i = 0; i < PROJECTS; i++) {
      const pid = newId()
      const tk = newToken()
      // Shared by a raw client as Gloss would: create, then push.
      const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
      const doc = new Y.Doc()
      const welcome = new Promise<string>((done) => {
        const provider = new HocuspocusProvider({
          websocketProvider: socket, name: projectDocName(pid), document: doc, token: JSON.stringify({ create: tk, name: 'bench' }),
          onStateless: ({ payload }) => { const m = JSON.parse(payload) as { type: string; memberId: string }; if (m.type === 'welcome') done(m.memberId) }
        })
        provider.attach()
        holders.push({ doc, destroy: () => (provider.destroy(), socket.destroy()) })
      })
      const memberId = await welcome
      const { update } = projectState(pid, memberId, 20, 20)
      states.push(update)
      Y.applyUpdate(doc, update)
    }
    await sleep(2500)
    const after = rssKb(server.child.pid!)
    const file = join(memDir, 'states.b64')
    writeFileSync(file, states.map((s) => Buffer.from(s).toString('base64')).join('\n'))
    const floorChild = await child([
      '--expose-gc', '-e',
      `const Y=require('yjs');const fs=require('fs');const rss=()=>Number(/VmRSS:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status','utf8'))[1]);` +
        `global.gc();const b=rss();const docs=fs.readFileSync(${JSON.stringify(file)},'utf8').split('\\n').map(l=>{const d=new Y.Doc();Y.applyUpdate(d,Buffer.from(l,'base64'));return d});` +
        `setTimeout(()=>{global.gc();console.log(JSON.stringify({b,a:rss(),n:docs.length}))},1500)`
    ])
    const f = JSON.parse(floorChild.line) as { b: number; a: number; n: number }
    for (const h of holders) h.destroy()
    server.child.kill('SIGTERM')
    const perProject = (after - before) / PROJECTS / 1024
    const floorPer = (f.a - f.b) / f.n / 1024
    const size = states.reduce((n, s) => n + s.length, 0) / PROJECTS / 1024 / 1024
    console.log(`  server memory per project (20 sources × 20 paragraphs, ${size.toFixed(2)} MB of Yjs state each): ${perProject.toFixed(1)} MB RSS   floor (the bare Y.Docs in a process): ${floorPer.toFixed(1)} MB   ratio ${(perProject / floorPer).toFixed(1)}×`)
    closers.length = 0

    // ---------------------------------------------------------------- 3. initial sync of a 200-source project
    const joinDir = tempDir('gloss-bench-sync-join-')
    const big = await startTeamServer({ dataDir: joinDir, port: 0 })
    closers.push(() => big.close())
    const bigProject = newId()
    const bigOwner = newToken()
    const bo = big.store.createProject(bigProject, bigOwner, 'owner')!
    const { update: bigState } = projectState(bigProject, bo.id, 200, 30)
    big.store.appendUpdate(projectDocName(bigProject), bigState)
    const readerToken = newToken()
    big.store.addMember(bigProject, 'reader', readerToken, '')
    const rawStarted = performance.now()
    const raw = await hocuspocusClient(big.url, projectDocName(bigProject), readerToken)
    const rawMs = performance.now() - rawStarted
    raw.destroy()
    const backend = createBackend({ dataDir: tempDir('gloss-bench-sync-member-'), mode: 'web', resourcesDir: join(ROOT, 'resources'), pdf: async () => new Uint8Array() })
    const joinStarted = performance.now()
    const joined = await backend.joinProject({ invite: formatInvite({ server: big.url, project: bigProject, role: 'reader', token: readerToken }) })
    const joinMs = performance.now() - joinStarted
    await backend.close()
    console.log(
      `  initial sync of a 200-source project (${(bigState.length / 1024 / 1024).toFixed(1)} MB, ${joined.sourceCount} sources, 6,000 paragraphs): Gloss join ${ms(joinMs)}   floor (raw provider sync of the same document) ${ms(rawMs)}   ratio ${(joinMs / rawMs).toFixed(1)}×`
    )
  } finally {
    for (const c of closers.reverse()) await c()
    removeTempDirs()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
