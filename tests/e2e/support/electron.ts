// Is the Electron binary present? Checked without starting a download: electron's path.txt names the binary
// inside node_modules/electron/dist (Electron 42+ fetches it on first launch, which cannot happen on this machine).
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '..', '..', '..')

export function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules', 'electron')
  const pathTxt = join(dir, 'path.txt')
  if (!existsSync(pathTxt)) return null
  const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

export const ELECTRON_SKIP_REASON =
  'Electron binary not present (node_modules/electron/dist is empty and cannot be downloaded on this machine); ' +
  'this spec runs the real desktop app wherever Electron is installed.'
