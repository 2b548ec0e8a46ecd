import { defineConfig } from '@playwright/test'
import { findChromium, NO_CHROMIUM } from './src/main/export/browser'

// CHROMIUM_PATH, then a system Chromium (never `playwright install` here), then Playwright's own browser.
const found = findChromium()
if (!found) process.stderr.write(`Playwright: ${NO_CHROMIUM}\n`)
const executablePath = found?.path

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker: each test runs its own server and browser, and the machine has two cores.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  }
})
