// Screenshots for looking at a view by eye: written only when GLOSS_SHOTS names a folder, in the current theme and in
// the other one (the theme is switched back afterwards).
import type { Page } from '@playwright/test'

export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.GLOSS_SHOTS
  if (!dir) return
  const theme = (): Promise<string> => page.evaluate(() => document.documentElement.dataset.theme ?? 'light')
  const first = await theme()
  await page.screenshot({ path: `${dir}/${name}-${first}.png` })
  await page.keyboard.press('Control+Shift+L')
  await page.waitForFunction((t) => (document.documentElement.dataset.theme ?? 'light') !== t, first)
  await page.screenshot({ path: `${dir}/${name}-${await theme()}.png` })
  await page.keyboard.press('Control+Shift+L')
  await page.waitForFunction((t) => (document.documentElement.dataset.theme ?? 'light') === t, first)
}
