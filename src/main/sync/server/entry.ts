// `npm run team-server -- --port 8080 --data-dir DIR [--host ADDRESS] [--redis redis://HOST:PORT]`
// Prints one line with the address members connect to (ws://127.0.0.1:PORT), then serves until stopped.
import { resolve } from 'node:path'
import { startTeamServer } from './server'

const USAGE = `Usage: npm run team-server -- --port PORT --data-dir DIR [--host ADDRESS] [--redis redis://HOST:PORT]
  --port 0 picks a free port. The server listens on 127.0.0.1 unless --host says otherwise; serve a team through a
  reverse proxy with TLS (wss://). With --redis, several instances sharing one data folder serve the same projects.
`

function parseArgs(argv: string[]): { port: number; dataDir: string; host?: string; redis?: string } {
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]
    let value: string | undefined
    if (a.includes('=')) [a, value] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
    if (!['--port', '--data-dir', '--host', '--redis'].includes(a)) throw new Error(`Unknown option "${a}".`)
    value ??= argv[++i]
    if (value === undefined) throw new Error(`${a} needs a value.`)
    flags.set(a, value)
  }
  const port = Number(flags.get('--port') ?? '8080')
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a whole number from 0 to 65535.')
  const dataDir = flags.get('--data-dir')
  if (!dataDir) throw new Error('--data-dir is needed: the folder where the server keeps its projects.')
  const redis = flags.get('--redis')
  if (redis !== undefined && !/^rediss?:\/\/[^\s]+$/.test(redis)) throw new Error('--redis must be an address like redis://127.0.0.1:6379.')
  return { port, dataDir: resolve(dataDir), host: flags.get('--host'), redis }
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`team-server: ${(error as Error).message}\n${USAGE}`)
    process.exit(2)
  }
  const verbose = process.env.GLOSS_DEBUG === '1'
  const server = await startTeamServer({ ...args, log: verbose ? (l) => process.stderr.write(`team-server: ${l}\n`) : undefined })
  process.stdout.write(`Gloss team server listening on ${server.url} (data in ${args.dataDir}${args.redis ? `, Redis ${args.redis}` : ''})\n`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: Error) => {
  process.stderr.write(`team-server: ${error.message}\n`)
  process.exit(1)
})
