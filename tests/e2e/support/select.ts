// Real mouse selection: find a phrase inside an element, then press, drag and release the mouse across it,
// exactly as a person would (no programmatic Selection API).
import type { Locator, Page } from '@playwright/test'

/** Viewport coordinates of the start and end of `phrase` inside `container` (first occurrence). */
export async function phraseBounds(container: Locator, phrase: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const box = await container.evaluate((el, text) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    let full = ''
    const nodes: { node: Text; start: number }[] = []
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: full.length })
      full += (n as Text).data
    }
    const at = full.indexOf(text)
    if (at < 0) return null
    const locate = (offset: number): [Text, number] => {
      const hit = [...nodes].reverse().find((x) => x.start <= offset)!
      return [hit.node, offset - hit.start]
    }
    const range = document.createRange()
    range.setStart(...locate(at))
    range.setEnd(...locate(at + text.length))
    const rects = range.getClientRects()
    const first = rects[0]
    const last = rects[rects.length - 1]
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
  }, phrase)
  if (!box) throw new Error(`Phrase not found on the page: "${phrase}"`)
  return box
}

/** Drag-selects `phrase` (may span several paragraphs when `container` holds them all). */
export async function dragSelect(page: Page, container: Locator, phrase: string): Promise<void> {
  await container.scrollIntoViewIfNeeded()
  const { x1, y1, x2, y2 } = await phraseBounds(container, phrase)
  await page.mouse.move(x1, y1)
  await page.mouse.down()
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 5 })
  await page.mouse.move(x2, y2, { steps: 5 })
  await page.mouse.up()
}
