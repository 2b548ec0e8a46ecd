// Team projects, as two analysts do it: a team server (`npm run team-server -- --port 0`) and two Gloss web-mode
// instances on their own libraries, each in its own browser context. Ana shares a project through "Share project…"
// and copies the invite; Ben pastes it into "Join project…"; both see the sync state and each other online (with the
// source each reads); a matrix Ana makes shows in Ben's open Competing hypotheses tab; a highlight Ana makes shows in
// Ben's reader within a second; both type in one project note at the same time, see each other's carets with names,
// and end with the same text, and undo takes back only one's own words; the server stops (both say Offline, writing
// goes on) and comes back (the words arrive); the owner removes a member (who is told why), who then leaves the
// project (kept as his own).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, type Browser, type Locator, type Page } from '@playwright/test'
import { expect, startServer, stop, type Running } from './fixtures'
import { GlossApp, SAMPLE_TITLE } from './pages/GlossApp'

const ROOT = resolve(__dirname, '..', '..')
const PROJECT = 'Summit assessment'

function startTeamServer(dataDir: string, port = 0): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['scripts/team-server.mjs', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, GLOSS_NO_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  let out = ''
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the team server did not start: ${out}`)), 30_000)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /ws:\/\/127\.0\.0\.1:\d+/.exec(out)
      if (m) {
        clearTimeout(timer)
        done({ child, url: m[0] })
      }
    })
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => fail(new Error(`the team server exited (${code}): ${out}`)))
  })
}

interface Analyst {
  page: Page
  app: GlossApp
}

interface Team {
  server: string
  ana: Analyst
  ben: Analyst
  /** Stops the team server (as a crash or a network cut would look to members). */
  stopServer(): Promise<void>
  /** Starts it again on the same address and data folder. */
  restartServer(): Promise<void>
}

const test = base.extend<{ team: Team }>({
  team: async ({ browser }: { browser: Browser }, use) => {
    const dirs = ['team', 'ana', 'ben'].map((n) => mkdtempSync(join(tmpdir(), `gloss-e2e-${n}-`)))
    let server = await startTeamServer(dirs[0])
    const running: Running[] = [await startServer(dirs[1]), await startServer(dirs[2])]
    const analysts: Analyst[] = []
    for (const r of running) {
      const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
      const page = await context.newPage()
      await page.goto(r.url)
      analysts.push({ page, app: new GlossApp(page) })
    }
    const url = server.url
    await use({
      server: url,
      ana: analysts[0],
      ben: analysts[1],
      stopServer: () => stop(server.child),
      restartServer: async () => {
        server = await startTeamServer(dirs[0], Number(new URL(url).port))
      }
    })
    for (const a of analysts) await a.page.context().close()
    for (const r of running) await stop(r.child)
    await stop(server.child)
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
})

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(tmpdir(), `sync-${name}.png`) })
const syncState = (page: Page): Locator => page.getByRole('status', { name: /^Sync: / }).first()

test('two analysts share a project live: invite, join, a matrix, presence, a highlight within a second, one note written together, offline, removal, leave', async ({ team }) => {
  const { ana, ben } = team
  // Ana: a project with the sample in it.
  await ana.app.createProject(PROJECT)
  await ana.page.getByRole('button', { name: 'Add from library…' }).first().click()
  const add = ana.page.getByRole('dialog', { name: `Add sources to “${PROJECT}”` })
  await add.getByRole('checkbox', { name: SAMPLE_TITLE }).check()
  await add.getByRole('button', { name: 'Add source' }).click()
  await expect(ana.app.projectButton(PROJECT)).toHaveAccessibleDescription('1 source')

  // Share project…: a wrong address is put into words; then the server, her name, the role; the invite, copied.
  await ana.page.getByRole('button', { name: 'Share project…' }).click()
  const share = ana.page.getByRole('dialog', { name: `Share “${PROJECT}”` })
  await expect(share.getByRole('textbox', { name: 'Team server' })).toBeFocused()
  await ana.page.keyboard.type('http://example.org')
  await share.getByRole('button', { name: 'Share and make invite' }).click()
  await expect(share.getByRole('alert')).toContainText('starts with ws:// or wss://')
  await share.getByRole('textbox', { name: 'Team server' }).fill(team.server)
  await share.getByRole('textbox', { name: 'Your name' }).fill('Ana')
  await share.getByRole('radio', { name: /Editor/ }).check()
  await shot(ana.page, 'share-dialog')
  await share.getByRole('button', { name: 'Share and make invite' }).click()
  const inviteBox = share.getByRole('textbox', { name: /Invite for a new editor/ })
  await expect(inviteBox).toHaveValue(/^gloss-invite:/)
  await share.getByRole('button', { name: 'Copy' }).click()
  await expect(share.getByRole('button', { name: 'Copied' })).toBeVisible()
  const invite = await ana.page.evaluate(() => navigator.clipboard.readText())
  expect(invite).toBe(await inviteBox.inputValue())
  await expect(share.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('Owner')
  await shot(ana.page, 'share-invite')
  await share.getByRole('button', { name: 'Done' }).click()
  await expect(syncState(ana.page)).toHaveAccessibleName(/Sync: Connected/)

  // Ben: Join project… in the sidebar; a bad invite is refused in words, the real one opens the project.
  await ben.page.getByRole('button', { name: 'Join project…' }).click()
  const join = ben.page.getByRole('dialog', { name: 'Join a shared project' })
  await expect(join.getByRole('textbox', { name: 'Invite' })).toBeFocused()
  await ben.page.keyboard.type('gloss-invite:nonsense')
  await join.getByRole('textbox', { name: 'Your name' }).fill('Ben')
  await join.getByRole('button', { name: 'Join project' }).click()
  await expect(join.getByRole('alert')).toBeVisible()
  await join.getByRole('textbox', { name: 'Invite' }).fill(invite)
  await join.getByRole('button', { name: 'Join project' }).click()
  await expect(join).toBeHidden()
  await expect(ben.page.getByRole('heading', { level: 2, name: PROJECT })).toBeVisible()
  await expect(ben.app.libraryItems).toHaveCount(1)
  await expect(syncState(ben.page)).toHaveAccessibleName(/Sync: Connected/)

  // A matrix Ana makes in Competing hypotheses shows in Ben's tab, which he had open, by itself.
  const achTab = (page: Page): Locator => page.getByRole('tabpanel', { name: 'Competing hypotheses' })
  await ana.page.getByRole('tab', { name: 'Competing hypotheses' }).click()
  await ben.page.getByRole('tab', { name: 'Competing hypotheses' }).click()
  await expect(achTab(ben.page).getByRole('heading', { name: 'No matrices yet' })).toBeVisible()
  await achTab(ana.page).getByRole('button', { name: 'New matrix…' }).first().click()
  await ana.page.keyboard.type('What does Beijing want?')
  await ana.page.keyboard.press('Enter')
  await expect(achTab(ana.page).getByRole('heading', { level: 3, name: 'What does Beijing want?' })).toBeVisible()
  await expect(achTab(ben.page).getByText('What does Beijing want?').first()).toBeVisible({ timeout: 5000 })
  await shot(ben.page, 'ach-shared')
  for (const { page } of [ana, ben]) await page.getByRole('tab', { name: /^Sources/ }).click()

  // Ana sees Ben among the members, and both read the sample: each sees the other online, reading it.
  await ana.app.openArticle()
  await ben.app.openArticle()
  await expect(ana.page.getByRole('group', { name: /Online now: Ben, reading “Putin Xi SCO summit/i })).toBeVisible()
  await expect(ben.page.getByRole('group', { name: /Online now: Ana, reading “Putin Xi SCO summit/i })).toBeVisible()
  await shot(ben.page, 'reader-presence')

  // A highlight Ana makes shows in Ben's reader within a second.
  const id = await ana.app.highlightPhrase(0, 'Russian President Vladimir Putin', 'green')
  const started = Date.now()
  await expect(ben.app.marks(id)).toBeVisible({ timeout: 3000 })
  expect(Date.now() - started).toBeLessThan(1000)
  await expect(ben.app.marks(id).first()).toHaveText('Russian President Vladimir Putin')

  // Back in the library: the project says who is online and how the sync stands, with Sync now.
  await ben.app.backToLibrary()
  await expect(ben.page.getByRole('group', { name: /Online now: Ana/ })).toBeVisible()
  await ben.page.getByRole('button', { name: 'Sync now' }).click()
  await expect(ben.page.getByText('In step with the team server.')).toBeVisible()
  await shot(ben.page, 'project-shared')

  // A project note: Ana makes it, it arrives in Ben's project, and both open it.
  await ana.app.backToLibrary()
  await ana.page.getByRole('tab', { name: /Notes/ }).click()
  await ana.page.getByRole('tabpanel', { name: 'Notes' }).getByRole('button', { name: 'New note' }).first().click()
  await expect(notesEditor(ana.page)).toBeVisible()
  await expect(live(ana.page)).toBeVisible()
  await ben.page.getByRole('tab', { name: /Notes/ }).click()
  await ben.page.getByRole('tabpanel', { name: 'Notes' }).getByRole('button', { name: 'Open note Untitled note' }).click()
  await expect(notesEditor(ben.page)).toBeVisible()
  await expect(live(ben.page)).toBeVisible()

  // Ana starts the note; Ben sees it arrive, and adds a paragraph below.
  await notesEditor(ana.page).click()
  await ana.page.keyboard.type('Summary.', { delay: 10 })
  await expect.poll(() => noteText(ben.page)).toBe('Summary.')
  // A writer's pause: Yjs groups keystrokes less than half a second apart into one undo step.
  await ana.page.waitForTimeout(700)
  await notesEditor(ben.page).click()
  await ben.page.keyboard.press('ControlOrMeta+End')
  await ben.page.keyboard.press('Enter')
  await expect.poll(() => noteText(ana.page)).toBe('Summary.\n')
  // (Ana's caret stays where she stopped, at the end of her sentence.)

  // Both type at once; each sees the other's caret with their name; both end with the same text.
  await Promise.all([ana.page.keyboard.type(' Alpha from Ana.', { delay: 15 }), ben.page.keyboard.type('Beta from Ben.', { delay: 15 })])
  await expect(caretLabel(ana.page, 'Ben')).toBeVisible()
  await expect(caretLabel(ben.page, 'Ana')).toBeVisible()
  await expect(live(ana.page)).toHaveAccessibleName(/editing live with Ben/)
  await expect(live(ben.page)).toHaveAccessibleName(/editing live with Ana/)
  const both = 'Summary. Alpha from Ana.\nBeta from Ben.'
  await expect.poll(() => noteText(ana.page)).toBe(both)
  await expect.poll(() => noteText(ben.page)).toBe(both)
  await shot(ana.page, 'coedit-ana')
  await shot(ben.page, 'coedit-ben')
  // Saved in the library (the header says so), where search, backlinks and reports read it.
  await expect(ana.page.getByRole('region', { name: 'Notes' }).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  // Undo is per member: Ana's undo takes back her own words only, on both screens.
  // (Yjs groups her keystrokes into a few steps: undo until her sentence is gone, never touching Ben's.)
  for (let i = 0; i < 8 && (await noteText(ana.page)).split('\n')[0] !== 'Summary.'; i++) {
    await notesEditor(ana.page).press('ControlOrMeta+z')
    await ana.page.waitForTimeout(150)
  }
  await expect.poll(() => noteText(ben.page)).toBe('Summary.\nBeta from Ben.')
  expect(await noteText(ana.page)).toBe('Summary.\nBeta from Ben.')
  await shot(ben.page, 'coedit-undo')

  // Ben (an editor, in the dark theme) sees the members; only the owner makes invites or removes anyone.
  await ben.page.keyboard.press('ControlOrMeta+Shift+L')
  await ben.app.backToLibrary()
  await ben.page.getByRole('button', { name: 'Members…' }).click()
  const members = ben.page.getByRole('dialog', { name: `Share “${PROJECT}”` })
  await expect(members.getByText('Only the project’s owner can invite colleagues. You are editor here.')).toBeVisible()
  await expect(members.getByRole('listitem')).toHaveText([/Ana\s*Owner/, /Ben \(you\)\s*Editor/])
  await expect(members.getByRole('button', { name: /Remove/ })).toHaveCount(0)
  await shot(ben.page, 'members-dark')
  await members.getByRole('button', { name: 'Close' }).last().click()
  await shot(ben.page, 'project-dark')

  // The team server goes away: both say so in words, and Ana keeps writing; her words are kept and arrive at Ben's
  // when the server is back.
  await team.stopServer()
  await expect(syncState(ana.page)).toHaveAccessibleName(/Sync: Offline\. .*your edits are kept/)
  await expect(syncState(ben.page)).toHaveAccessibleName(/Sync: Offline/)
  await expect(live(ana.page)).toHaveAccessibleName(/offline: your edits are kept/)
  await notesEditor(ana.page).click()
  await ana.page.keyboard.press('ControlOrMeta+End')
  await ana.page.keyboard.press('Enter')
  await ana.page.keyboard.type('Written offline.')
  await expect(ana.page.getByRole('region', { name: 'Notes' }).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()
  await shot(ana.page, 'offline')
  await team.restartServer()
  await expect(syncState(ana.page)).toHaveAccessibleName(/Sync: Connected/, { timeout: 20_000 })
  await ben.page.getByRole('tab', { name: /Notes/ }).click()
  await ben.page.getByRole('tabpanel', { name: 'Notes' }).getByRole('button', { name: 'Open note Untitled note' }).click()
  await expect.poll(() => noteText(ben.page), { timeout: 20_000 }).toBe('Summary.\nBeta from Ben.\nWritten offline.')

  // Ana removes Ben: the server stops serving him at once, and his Gloss says why.
  await ana.app.backToLibrary()
  await ana.page.getByRole('button', { name: 'Members…' }).click()
  const anaMembers = ana.page.getByRole('dialog', { name: `Share “${PROJECT}”` })
  await anaMembers.getByRole('button', { name: 'Remove Ben' }).click()
  await anaMembers.getByRole('button', { name: 'Confirm: remove Ben' }).click()
  await expect(ana.page.getByText('Removed Ben from the project. Their invite no longer works.')).toBeVisible()
  await expect(anaMembers.getByText('Removed: Ben')).toBeVisible()
  await anaMembers.getByRole('button', { name: 'Done' }).or(anaMembers.getByRole('button', { name: 'Close' }).last()).first().click()
  await ben.app.backToLibrary()
  await expect(syncState(ben.page)).toHaveAccessibleName(/Sync: Not syncing\. You were removed from this shared project/)
  await shot(ben.page, 'removed')

  // Ben leaves it: the project stays in his library as his own, no longer synced.
  await ben.page.getByRole('button', { name: 'Project actions' }).click()
  await ben.page.getByRole('menuitem', { name: 'Leave shared project…' }).click()
  const leave = ben.page.getByRole('dialog', { name: 'Leave the shared project?' })
  await leave.getByRole('button', { name: 'Leave project' }).click()
  await expect(leave).toBeHidden()
  await expect(ben.page.getByText(/Left the shared project “Summit assessment”/)).toBeVisible()
  await expect(syncState(ben.page)).toHaveCount(0)
  await expect(ben.page.getByRole('heading', { level: 2, name: PROJECT })).toBeVisible()
  await ben.page.getByRole('tab', { name: /Sources/ }).click()
  await expect(ben.app.libraryItems).toHaveCount(1)
  await expect(ben.page.getByRole('button', { name: 'Share project…' })).toBeVisible()
})

const notesEditor = (page: Page): Locator => page.getByRole('textbox', { name: 'Analyst notes' })
const live = (page: Page): Locator => page.getByRole('region', { name: 'Notes' }).getByRole('status', { name: /^Shared note/ })
const caretLabel = (page: Page, name: string): Locator => notesEditor(page).locator('.collaboration-carets__label', { hasText: name })
/** The note's text as the editor shows it (carets' name labels left out). */
const noteText = (page: Page): Promise<string> =>
  notesEditor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove())
    return [...copy.children].map((block) => (block.textContent ?? '').trim()).join('\n')
  })
