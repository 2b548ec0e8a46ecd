// Where things live when Gloss runs as plain Node (web mode, CLI).
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** $XDG_DATA_HOME/gloss, else ~/.local/share/gloss. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME
  return xdg && xdg.startsWith('/') ? join(xdg, 'gloss') : join(homedir(), '.local', 'share', 'gloss')
}

/**
 * The repository root, seen from a built file (out/main/web.js -> ../..) or from the sources when run through
 * tsx/vitest (src/main/* -> ../..). `here` is the caller's __dirname.
 */
export function appRoot(here: string): string {
  let dir = resolve(here)
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'resources'))) return dir
    dir = resolve(dir, '..')
  }
  return resolve(here, '..', '..')
}
