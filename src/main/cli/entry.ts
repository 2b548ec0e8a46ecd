// CLI entry (out/main/cli.js): `gloss <command> …`; see run.ts. Never prints a stack unless GLOSS_DEBUG=1.
import { runCli } from './run'

runCli(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`gloss: ${message.replace(/\s*\n\s*/g, ' ').trim() || 'Something went wrong inside Gloss.'}\n`)
    if (process.env.GLOSS_DEBUG === '1') process.stderr.write(`gloss: details: ${(error as Error)?.stack ?? String(error)}\n`)
    process.exitCode = 1
  }
)
