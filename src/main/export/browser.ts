// Where Chromium is, for PDF reports (web mode, CLI), web mode's window and the tests: CHROMIUM_PATH, then a system
// Chromium or Chrome, then Playwright's own download. Never downloads anything.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'
]

export const NO_CHROMIUM =
  'No Chromium was found. Install it (Debian/Ubuntu: "sudo apt install chromium"), point CHROMIUM_PATH at a Chromium or Chrome ' +
  'executable, or fetch Playwright\'s own with "npx playwright install chromium".'

export interface FoundBrowser {
  path: string
  /** Where it was found. */
  from: 'CHROMIUM_PATH' | 'system' | 'playwright'
}

/** Playwright's own Chromium, when it has been installed (`npx playwright install chromium`). */
function playwrightChromium(): string | null {
  try {
    const { chromium } = createRequire(__filename)('playwright-core') as typeof import('playwright-core')
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/** The Chromium to use, or null (then NO_CHROMIUM says how to get one). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundBrowser | null {
  const fromEnv = env.CHROMIUM_PATH?.trim()
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, from: 'CHROMIUM_PATH' }
  const system = SYSTEM.find((p) => existsSync(p))
  if (system) return { path: system, from: 'system' }
  const own = playwrightChromium()
  return own ? { path: own, from: 'playwright' } : null
}
