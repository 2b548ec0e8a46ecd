// The desktop app itself: launches the real Electron build (out/main/index.js) with a throwaway data folder and walks
// the same flow as the web-mode specs, plus what only Electron does: security settings, IPC, native save dialog,
// printToPDF. Skipped, with the reason printed, where the Electron binary is absent (this CI machine).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { ELECTRON_SKIP_REASON, electronBinary, ROOT } from './support/electron'
import { GlossApp } from './pages/GlossApp'

const binary = electronBinary()
if (!binary) console.warn(`[electron.spec] skipped: ${ELECTRON_SKIP_REASON}`)

test.describe('Electron desktop app', () => {
  test.skip(!binary, ELECTRON_SKIP_REASON)

  let app: ElectronApplication
  let win: Page
  let dataDir: string

  test.beforeAll(() => {
    // better-sqlite3 for Electron's ABI, kept apart from Node's build (what `npm start` does before launching).
    execFileSync(process.execPath, [join(ROOT, 'scripts/electron-sqlite.mjs')], { stdio: 'inherit' })
  })

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gloss-electron-'))
    app = await electron.launch({ executablePath: binary!, args: [ROOT, '--data-dir', dataDir], cwd: ROOT })
    win = await app.firstWindow()
  })

  test.afterEach(async () => {
    await app?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('window is locked down: no Node in the page, only the bridge, IPC validated, no navigation', async () => {
    const globals = await win.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: typeof window.glossBridge?.invoke
    }))
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'function' })
    // A method outside the contract never reaches the main process.
    const refused = await win.evaluate(() =>
      window.glossBridge!.invoke('dropDatabase' as never, []).then(() => 'accepted', (e: Error) => e.message)
    )
    expect(refused).toContain('Unknown API method')
    // Invalid arguments are refused with a specific message.
    const invalid = await win.evaluate(() => window.glossBridge!.invoke('getArticle', [42]))
    expect(invalid.ok).toBe(false)
    // Navigation away from the app is blocked.
    const before = win.url()
    // (not an http link: those are handed to the system browser, which a test must not open)
    await win.evaluate(() => (window.location.href = 'file:///etc/hostname'))
    await win.waitForTimeout(500)
    expect(win.url()).toBe(before)
  })

  test('reads the sample, highlights, cites it in a note and exports a PDF through the save dialog', async () => {
    const gloss = new GlossApp(win)
    await gloss.openArticle()
    await expect(gloss.paragraphs).toHaveCount(18)
    await gloss.highlightPhrase(0, 'Vladimir Putin and Chinese President Xi Jinping')

    const notes = win.getByRole('textbox', { name: 'Analyst notes' })
    await notes.click()
    await win.keyboard.type('The meeting is framed as a first since the invasion ')
    await win.keyboard.type('[[Denisov')
    await win.getByRole('option').first().waitFor()
    await win.keyboard.press('Enter')
    const chip = notes.locator('[data-paragraph-ref]')
    await expect(chip).toHaveCount(1)
    const cited = gloss.article.locator(`[data-paragraph-id="${await chip.getAttribute('data-paragraph-ref')}"]`)
    await gloss.paragraph(17).scrollIntoViewIfNeeded()
    await chip.click()
    await expect(cited).toBeInViewport()
    await expect(cited).toHaveAttribute('data-backlink-count', '1')

    // Export through the native save dialog (stubbed in the main process, as Joplin's E2E does).
    const out = join(dataDir, 'report.pdf')
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog
    }, out)
    await win.getByRole('button', { name: /^Export/ }).first().click()
    await win.getByRole('radio', { name: /PDF/ }).check()
    await win.getByRole('dialog').getByRole('button', { name: /^Export/ }).click()
    await expect.poll(() => existsSync(out), { timeout: 30_000 }).toBe(true)
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')

    // Closing the window right after typing still saves: main waits for the renderer's flush.
    await notes.click()
    await win.keyboard.press('End')
    await win.keyboard.type(' Saved on close.')
    await app.close()
    app = await electron.launch({ executablePath: binary!, args: [ROOT, '--data-dir', dataDir], cwd: ROOT })
    win = await app.firstWindow()
    const again = new GlossApp(win)
    await again.openArticle()
    await expect(win.getByRole('textbox', { name: 'Analyst notes' })).toContainText('Saved on close.')
    await expect(again.marks()).toHaveCount(1)
  })
})
