// What paragraph-reference chips need to know about the world outside the editor: the paragraphs and titles of the
// cited articles (for current numbers, tooltips and "Short title ¶12" labels), the backend's check of each reference
// (ok / changed / orphan), which note is open (its article and project scope the `[[` suggestion) and which
// sources it cites. One context per notes pane; chips read it reactively. Articles come from the window's article
// cache (useArticles), the one the reader uses: the open article is never fetched twice, and its paragraphs are
// kept frozen, outside Vue's reactivity.
import { markRaw, reactive } from 'vue'
import type { ParagraphSuggestion } from '@core/api'
import { shortTitle } from '@core/details/display'
import type { CheckedRef, NoteSummary, Paragraph, ParagraphRefAttrs, RefStatus } from '@core/model'
import { MAX_QUERY } from '@core/limits'
import { chipsNameSources } from '@core/notes/chips'
import { api } from '@renderer/api'
import { articles } from '@renderer/composables/useArticles'
import { workspace } from '@renderer/composables/useWorkspace'

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
  /** Titles of the loaded articles, per article id. */
  titles: Record<string, string>
  /** The open note's article and project (null: none open). */
  note: Pick<NoteSummary, 'id' | 'articleId' | 'projectId'> | null
  /** The articles the open note cites now (kept up to date by the CitedSources extension). */
  cited: string[]
  setNote(note: Pick<NoteSummary, 'id' | 'articleId' | 'projectId'> | null): void
  setCited(articleIds: string[]): void
  /** The short title a chip shows before ¶N, or null when chips read "¶N" (the note cites only its own article). */
  chipTitle(articleId: string): string | null
  /**
   * The `[[` options for `query`: the open note's article (else the source open in the reader) first, then the
   * note's project, then the library. Answers resolve in order: a slow older query never replaces a newer one.
   */
  suggest(query: string): Promise<ParagraphSuggestion[]>
  /** Why the last suggestion failed, or null. */
  suggestError: string | null
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
  let latest: Promise<ParagraphSuggestion[]> | null = null
  const ctx: RefContext = reactive({
    paragraphs: {},
    titles: {},
    checked: {},
    note: null,
    cited: [],
    suggestError: null,
    setNote(note) {
      ctx.note = note ? { id: note.id, articleId: note.articleId, projectId: note.projectId } : null
    },
    setCited(articleIds) {
      if (articleIds.join() !== ctx.cited.join()) ctx.cited = articleIds
    },
    chipTitle(articleId: string): string | null {
      if (!chipsNameSources(ctx.note?.articleId ?? null, ctx.cited)) return null
      const title = ctx.titles[articleId]
      return title ? shortTitle(title, 32) : null
    },
    suggest(query: string): Promise<ParagraphSuggestion[]> {
      const note = ctx.note
      const request = api
        .suggestParagraphs({
          query: query.slice(0, MAX_QUERY),
          articleId: note?.articleId ?? workspace.articleId,
          projectId: note?.projectId ?? null,
          limit: 30
        })
        .then(
          (items) => {
            ctx.suggestError = null
            return items
          },
          (err: unknown) => {
            ctx.suggestError = `Paragraphs could not be searched: ${err instanceof Error ? err.message : String(err)}`
            return [] as ParagraphSuggestion[]
          }
        )
      latest = request
      const mine = request
      // An older answer arriving after a newer query started gives way to the newer one.
      return request.then((items) => (latest && latest !== mine ? latest : items))
    },
    loadParagraphs(articleId: string): Promise<Paragraph[] | null> {
      const known = ctx.paragraphs[articleId]
      if (known !== undefined) return Promise.resolve(known)
      let p = pending.get(articleId)
      if (!p) {
        p = articles
          .load(articleId)
          .then((a) => {
            ctx.titles[articleId] = a.title
            return a.paragraphs as Paragraph[]
          })
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
