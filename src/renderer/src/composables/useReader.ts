// The open article and what the reader shows on it: paragraphs, anchored highlights, backlinks.
// One shared store so the reader, the highlights panel and the top bar see the same state.
import { reactive } from 'vue'
import type { AnchoredHighlight, Article, ArticleSummary, BacklinkMap } from '@core/model'
import { sortInDocumentOrder } from '@core/anchoring/order'
import { api } from '@renderer/api'
import { errorMessage } from './useToasts'
import { on, workspace } from './useWorkspace'

export interface RevealRequest {
  articleId: string
  paragraphId: string
  /** When set, reveal this highlight's first mark (and select it) rather than the whole paragraph. */
  highlightId?: string
  seq: number
}

export const reader = reactive({
  article: null as Article | null,
  loading: false,
  error: null as string | null,
  highlights: [] as AnchoredHighlight[],
  backlinks: {} as BacklinkMap,
  /** A reveal waiting for its article to be loaded and rendered (handled by ReaderView). */
  pendingReveal: null as RevealRequest | null
})

let loadToken = 0
let revealSeq = 0

export async function loadArticle(id: string | null): Promise<void> {
  const token = ++loadToken
  if (!id) {
    reader.article = null
    reader.highlights = []
    reader.backlinks = {}
    reader.error = null
    reader.loading = false
    return
  }
  if (reader.article?.id !== id) {
    reader.article = null
    reader.highlights = []
    reader.backlinks = {}
  }
  reader.loading = true
  reader.error = null
  try {
    const [article, highlights, backlinks] = await Promise.all([
      api.getArticle(id),
      api.listHighlights(id),
      api.getBacklinks(id).catch(() => ({}) as BacklinkMap)
    ])
    if (token !== loadToken) return
    reader.article = article
    reader.highlights = highlights
    reader.backlinks = backlinks
  } catch (err) {
    if (token !== loadToken) return
    reader.error = errorMessage(err)
  } finally {
    if (token === loadToken) reader.loading = false
  }
}

/** New details of the open article (edited, or updated from its source): the header shows them at once. */
export function applyDetails(summary: ArticleSummary): void {
  const a = reader.article
  if (!a || a.id !== summary.id) return
  const { title, authors, publisher, publishedAt, url, accessedAt, fileName, lang, excerpt, format, updatedAt } = summary
  Object.assign(a, { title, authors, publisher, publishedAt, url, accessedAt, fileName, lang, excerpt, format, updatedAt })
}

export async function refreshHighlights(): Promise<void> {
  const id = reader.article?.id
  if (!id) return
  const list = await api.listHighlights(id)
  if (reader.article?.id === id) reader.highlights = list
}

export async function refreshBacklinks(): Promise<void> {
  const id = reader.article?.id
  if (!id) return
  try {
    const map = await api.getBacklinks(id)
    if (reader.article?.id === id) reader.backlinks = map
  } catch {
    /* backlinks are a convenience; keep the old ones */
  }
}

/** Scroll to a paragraph (or highlight) and flash it, opening its article first if needed. */
export function requestReveal(req: Omit<RevealRequest, 'seq'>): void {
  if (workspace.articleId !== req.articleId) workspace.articleId = req.articleId
  reader.pendingReveal = { ...req, seq: ++revealSeq }
}

/** Wires the store to the workspace: loads the article on change, listens to reveal/notesSaved. */
export function initReaderStore(): () => void {
  const offs = [
    on('reveal', ({ articleId, paragraphId }) => requestReveal({ articleId, paragraphId })),
    on('notesSaved', () => void refreshBacklinks()),
    on('highlightsChanged', ({ articleId }) => {
      // Changes made elsewhere (e.g. the notes pane) — ours already updated the list.
      if (articleId === reader.article?.id && !localChange) void refreshHighlights()
    })
  ]
  return () => offs.forEach((off) => off())
}

let localChange = false
/** Emits highlightsChanged for a change this store already applied (so it is not fetched again). */
export function markLocalChange<T>(fn: () => T): T {
  localChange = true
  try {
    return fn()
  } finally {
    localChange = false
  }
}

/** Highlights in document order: by first placed segment; orphans (nothing placed) last, oldest first. */
export function sortedHighlights(list: AnchoredHighlight[], article: Article | null): AnchoredHighlight[] {
  return sortInDocumentOrder(list, article?.paragraphs ?? [])
}
