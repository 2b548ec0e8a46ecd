// Page object for the Gloss window: acts like a person (real mouse drags, clicks, keys).
import { expect, type Locator, type Page } from '@playwright/test'

export const SAMPLE_TITLE = /putin xi sco summit/i

export interface Point {
  x: number
  y: number
}

export class GlossApp {
  readonly article: Locator
  readonly paragraphs: Locator
  readonly panel: Locator

  constructor(readonly page: Page) {
    this.article = page.getByRole('article')
    this.paragraphs = this.article.locator('[data-paragraph-id]')
    this.panel = page.getByRole('complementary', { name: 'Highlights' })
  }

  /** From the library, opens the article whose title matches. */
  async openArticle(title: RegExp | string = SAMPLE_TITLE): Promise<void> {
    await this.page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: title }).first().click()
    await expect(this.paragraphs.first()).toBeVisible()
  }

  paragraph(index: number): Locator {
    return this.article.locator(`[data-paragraph-index="${index}"]`)
  }

  marks(id?: string): Locator {
    return this.article.locator(id ? `mark[data-highlight-id="${id}"]` : 'mark[data-highlight-id]')
  }

  /**
   * Screen coordinates of a character boundary in paragraph `index` (0-based), `offset` UTF-16 units into
   * its text: just inside the character after it (side 'start') or before it (side 'end').
   */
  async charPoint(index: number, offset: number, side: 'start' | 'end'): Promise<Point> {
    return this.page.evaluate(
      ({ index, offset, side }) => {
        const text = document.querySelector(`[data-paragraph-index="${index}"] .para-text`)
        if (!text) throw new Error(`paragraph ${index} not found`)
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT)
        const target = side === 'start' ? offset : offset - 1
        let seen = 0
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent!.length
          if (target < seen + len) {
            const range = document.createRange()
            range.setStart(node, target - seen)
            range.setEnd(node, target - seen + 1)
            const r = range.getClientRects()[0]
            return { x: side === 'start' ? r.left + 1 : r.right - 1, y: r.top + r.height / 2 }
          }
          seen += len
        }
        throw new Error(`offset ${offset} is past the end of paragraph ${index}`)
      },
      { index, offset, side }
    )
  }

  /** Offset of `phrase` in paragraph `index`'s text (throws when absent). */
  async offsetOf(index: number, phrase: string): Promise<number> {
    const text = (await this.paragraph(index).locator('.para-text').textContent()) ?? ''
    const at = text.indexOf(phrase)
    if (at < 0) throw new Error(`"${phrase}" is not in paragraph ${index + 1}`)
    return at
  }

  /**
   * Scrolls the reader with the mouse wheel, as a person does, until paragraph `index` (0-based) is drawn, then centres
   * it. The reader is a virtual list: a paragraph far from the screen is not in the DOM until one scrolls to it.
   */
  async scrollToParagraph(index: number): Promise<void> {
    const reader = this.page.getByRole('region', { name: 'Reader' })
    const box = (await reader.boundingBox())!
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    for (let attempt = 0; attempt < 400 && !(await this.paragraph(index).count()); attempt++) {
      const drawn = await this.paragraphs.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.paragraphIndex)))
      const below = drawn.length > 0 && Math.min(...drawn) > index
      const distance = drawn.length ? Math.min(Math.abs(Math.min(...drawn) - index), Math.abs(Math.max(...drawn) - index)) : 10
      await this.page.mouse.wheel(0, (below ? -1 : 1) * Math.min(6000, Math.max(300, distance * 60)))
      await this.page.waitForTimeout(30)
    }
    await this.paragraph(index).evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }))
  }

  /** Drags the real mouse from one text position to another, as a person selects text. */
  async dragSelect(from: { index: number; offset: number }, to: { index: number; offset: number }): Promise<void> {
    if (!(await this.paragraph(from.index).count())) await this.scrollToParagraph(from.index)
    // Centre the start paragraph (a drag that starts at the reader's top edge would auto-scroll the page) and wait
    // until nothing moves it any more: a reveal or smooth scroll still running would shift the text under the mouse.
    await this.paragraph(from.index).evaluate(async (el) => {
      const frame = (): Promise<number> => new Promise((done) => requestAnimationFrame(() => done(el.getBoundingClientRect().top)))
      for (let attempt = 0; attempt < 20; attempt++) {
        el.scrollIntoView({ block: 'center', behavior: 'instant' })
        const tops = [await frame(), await frame(), await frame(), await frame()]
        if (tops.every((t) => Math.abs(t - tops[0]) < 0.5)) return
      }
    })
    const a = await this.charPoint(from.index, from.offset, 'start')
    const b = await this.charPoint(to.index, to.offset, 'end')
    const mouse = this.page.mouse
    await mouse.move(a.x, a.y)
    await mouse.down()
    await mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 })
    await mouse.move(b.x, b.y, { steps: 4 })
    await mouse.up()
  }

  /** Selects `phrase` inside paragraph `index` with the mouse. */
  async selectPhrase(index: number, phrase: string): Promise<void> {
    const at = await this.offsetOf(index, phrase)
    await this.dragSelect({ index, offset: at }, { index, offset: at + phrase.length })
    await expect.poll(() => this.page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(phrase)
  }

  async highlightPhrase(index: number, phrase: string, color: 'yellow' | 'green' | 'blue' | 'red' = 'yellow'): Promise<string> {
    await this.selectPhrase(index, phrase)
    await this.page.getByRole('button', { name: `Highlight ${color}`, exact: true }).click()
    const mark = this.paragraph(index).locator('mark[data-highlight-id]', { hasText: phrase }).last()
    await expect(mark).toBeVisible()
    return (await mark.getAttribute('data-highlight-id'))!
  }

  /** Clicks the first mark of a highlight, which opens its toolbar. */
  async clickMark(id: string): Promise<void> {
    await this.marks(id).first().click()
    await expect(this.page.getByRole('toolbar', { name: 'Edit highlight' })).toBeVisible()
  }

  /** Clicks the top bar's "Import…" and picks a file in the file chooser that opens, as a person does. */
  async importThroughPicker(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByRole('banner').getByRole('button', { name: 'Import…', exact: true }).click()
    await (await chooser).setFiles(file)
  }

  /** The reader's header (title, byline, source, actions). */
  get header(): Locator {
    return this.page.getByRole('region', { name: 'Reader' }).locator('header')
  }

  /** The library's list items. */
  get libraryItems(): Locator {
    return this.page.getByRole('list', { name: 'Articles' }).getByRole('listitem')
  }

  /** Goes back to the library (from the reader): to all sources, or to the project that is open. */
  async backToLibrary(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Library' }).click()
    await expect(this.page.getByRole('navigation', { name: 'Library sections' })).toBeVisible()
  }

  /**
   * Drops a file on the window as a person drags it from the file manager (the overlay shows while dragging): its
   * text, or its bytes in base64 for binary files (PDF, EPUB, Word).
   */
  async dropFile(file: { name: string; mimeType: string; text?: string; base64?: string }): Promise<void> {
    const transfer = await this.page.evaluateHandle(({ name, mimeType, text, base64 }) => {
      const dt = new DataTransfer()
      const body = base64 !== undefined ? Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) : (text ?? '')
      dt.items.add(new File([body], name, { type: mimeType }))
      return dt
    }, file)
    await this.page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
    await expect(this.page.getByText('Drop to import', { exact: true })).toBeVisible()
    await this.page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
    await expect(this.page.getByText('Drop to import', { exact: true })).toBeHidden()
  }

  /** The "Import from web address" dialog. */
  get webImportDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import from web address' })
  }

  /** Highlights the selection (made before) in `color` and returns the new highlight's id. */
  async highlightSelection(color: 'yellow' | 'green' | 'blue' | 'red' = 'yellow'): Promise<string> {
    const before = new Set(await this.marks().evaluateAll((els) => els.map((el) => el.getAttribute('data-highlight-id'))))
    await this.page.getByRole('button', { name: `Highlight ${color}`, exact: true }).click()
    await expect.poll(async () => (await this.marks().evaluateAll((els) => els.map((el) => el.getAttribute('data-highlight-id')))).some((id) => !before.has(id))).toBe(true)
    const ids = await this.marks().evaluateAll((els) => els.map((el) => el.getAttribute('data-highlight-id')!))
    return ids.find((id) => !before.has(id))!
  }

  toast(text: string | RegExp): Locator {
    return this.page.locator('.toast', { hasText: text })
  }

  // ---- library sidebar and projects ----

  /** The library's sidebar: all sources, the projects, the tag manager. */
  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Library sections' })
  }

  /** A project in the sidebar (a button named by its title). */
  projectButton(title: string): Locator {
    return this.sidebar.getByRole('button', { name: title, exact: true })
  }

  /** Creates a project from the sidebar ("+", type the title, Enter); the project opens. */
  async createProject(title: string): Promise<void> {
    await this.sidebar.getByRole('button', { name: 'New project' }).first().click()
    await expect(this.page.getByRole('textbox', { name: 'New project title' })).toBeFocused()
    await this.page.keyboard.type(title)
    await this.page.keyboard.press('Enter')
    await expect(this.page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  }

  /** Shows a project (from the library). */
  async openProject(title: string): Promise<void> {
    await this.projectButton(title).click()
    await expect(this.page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  }

  /** A source of the list shown in the library (all sources or a project's). */
  libraryItem(title: string | RegExp): Locator {
    return this.libraryItems.filter({ has: this.page.getByRole('button', { name: typeof title === 'string' ? `Open ${title}` : title }) })
  }
}
