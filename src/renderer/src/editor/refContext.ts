// What paragraph-reference chips need to know about the world outside the editor: the paragraphs of the
// cited articles (for current numbers and tooltips) and the backend's check of each reference (ok / changed /
// orphan). One context per notes pane; chips read it reactively. Articles come from the window's article cache
// (useArticles), the one the reader uses: the open article is never fetched twice, and its paragraphs are kept
// frozen, outside Vue's reactivity.
import { markRaw, reactive } from 'vue'
import type { CheckedRef, Paragraph, ParagraphRefAttrs, RefStatus } from '@core/model'
import { articles } from '@renderer/composables/useArticles'

export interface RefView {
  status: RefStatus
  /** Current display number, or null when the paragraph is gone. */
  number: number | null
  paragraph: Paragraph | null
  suggestedParagraphId: string | null
}

/** Key of a reference: the same attributes always check the same way. */
export function refKey(a: Pick<ParagraphRefAttrs, 'articleId' | 'paragraphId' | 'quote'>): string {
  return `${a.articleId}\u0000${a.paragraphId}\u0000${a.quote}`
}

export interface RefContext {
  /** Paragraphs per article id: undefined = not loaded, null = article missing or unreadable. */
  paragraphs: Record<string, Paragraph[] | null | undefined>
  /** Backend check results per refKey. */
  checked: Record<string, CheckedRef>
  /** Loads (once) and returns the paragraphs of an article; null when it cannot be loaded. */
  loadParagraphs(articleId: string): Promise<Paragraph[] | null>
  /** Replaces the check results (after load and after each save). */
  setChecked(refs: CheckedRef[]): void
  /** Forgets an article's paragraphs (re-import, delete) so they are fetched again. */
  invalidate(articleId?: string): void
  /** How a reference looks now, combining the backend check with the loaded paragraphs. */
  view(attrs: ParagraphRefAttrs): RefView
  /** Called when a chip is activated (click or Enter). */
  open(attrs: ParagraphRefAttrs): void
}

export function createRefContext(onOpen: (attrs: ParagraphRefAttrs) => void): RefContext {
  const pending = new Map<string, Promise<Paragraph[] | null>>()
  const ctx: RefContext = reactive({
    paragraphs: {},
    checked: {},
    loadParagraphs(articleId: string): Promise<Paragraph[] | null> {
      const known = ctx.paragraphs[articleId]
      if (known !== undefined) return Promise.resolve(known)
      let p = pending.get(articleId)
      if (!p) {
        p = articles
          .load(articleId)
          .then((a) => a.paragraphs as Paragraph[])
          .catch(() => null)
          .then((list) => {
            ctx.paragraphs[articleId] = list && markRaw(list)
            pending.delete(articleId)
            return list
          })
        pending.set(articleId, p)
      }
      return p
    },
    setChecked(refs: CheckedRef[]): void {
      const next: Record<string, CheckedRef> = {}
      for (const r of refs) next[refKey(r)] = r
      ctx.checked = next
    },
    invalidate(articleId?: string): void {
      if (articleId === undefined) {
        ctx.paragraphs = {}
        pending.clear()
      } else {
        delete ctx.paragraphs[articleId]
        pending.delete(articleId)
      }
    },
    view(attrs: ParagraphRefAttrs): RefView {
      const list = ctx.paragraphs[attrs.articleId]
      const paragraph = (list && articles.paragraph(list, attrs.paragraphId)) ?? null
      const checked = ctx.checked[refKey(attrs)]
      if (list === undefined && !checked) {
        return { status: 'ok', number: Number(attrs.label) || null, paragraph: null, suggestedParagraphId: null }
      }
      if (list !== undefined && !paragraph) {
        // Loaded and not there (or the article is gone): removed, whatever an older check said.
        return { status: 'orphan', number: null, paragraph: null, suggestedParagraphId: checked?.suggestedParagraphId ?? null }
      }
      const status: RefStatus = checked?.status ?? 'ok'
      const number = paragraph ? paragraph.index + 1 : (checked?.paragraphNumber ?? null)
      return { status, number, paragraph, suggestedParagraphId: checked?.suggestedParagraphId ?? null }
    },
    open(attrs: ParagraphRefAttrs): void {
      onOpen(attrs)
    }
  })
  return ctx
}
