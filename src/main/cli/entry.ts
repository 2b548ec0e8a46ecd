// CLI entry (out/main/cli.js): `gloss <command> …`; see run.ts.
import { runCli } from './run'

runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`gloss: ${(error as Error)?.stack ?? String(error)}\n`)
    process.exitCode = 1
  }
)
