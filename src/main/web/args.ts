// Command-line options of web mode.
import { defaultDataDir } from '../paths'

export interface WebArgs {
  port: number
  dataDir: string
  open: boolean
}

export class UsageError extends Error {}

/** "--port=4477" -> ["--port", "4477"]. */
export function splitEquals(argv: string[]): string[] {
  return argv.flatMap((a) => (/^--[a-z-]+=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]))
}

export function parseWebArgs(rawArgv: string[], env: NodeJS.ProcessEnv = process.env): WebArgs {
  const argv = splitEquals(rawArgv)
  const args: WebArgs = { port: 0, dataDir: defaultDataDir(env), open: true }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value.`)
      return v
    }
    if (a === '--port') {
      const v = value()
      const n = Number(v)
      if (!/^\d+$/.test(v) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${v}").`)
      args.port = n
    } else if (a === '--data-dir') args.dataDir = value()
    else if (a === '--no-open') args.open = false
    else if (a === '--open') args.open = true
    else if (a === '--web') continue
    else throw new UsageError(`Unknown option "${a}". Options: --port N, --data-dir DIR, --open, --no-open.`)
  }
  return args
}
