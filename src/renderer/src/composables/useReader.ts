// The reader store: the open article, its anchored highlights (indexed by paragraph) and backlinks, with the commands
// that change them — load, reveal a paragraph or highlight, put/drop a highlight, preview a suggested place. State
// is shallow and immutable (frozen arrays of frozen highlights, the article from the shared cache), so opening an
// article with 1,000 highlights costs no deep reactivity, and a change to one highlight repaints only its paragraphs.
import { computed, markRaw, shallowRef } from 'vue'
import { indexByParagraph, type HighlightIndex } from '@core/anchoring/by-paragraph'
import { sortInDocumentOrder } from '@core/anchoring/order'
import type { AnchoredHighlight, Article, ArticleSummary, BacklinkMap, HighlightColor, HighlightSegmentTarget, ResolvedSegment } from '@core/model'
import { api } from '@renderer/api'
import { articles } from './useArticles'
import { errorMessage } from './useToasts'
import { workspace } from './useWorkspace'

export interface RevealRequest {
  articleId: string
  paragraphId: string
  /** When set, reveal this highlight's first mark (and open its toolbar) rather than the whole paragraph. */
  highlightId?: string
}

/** What a mounted reader view does for the store (ReaderView registers itself). */
export interface ReaderViewHandle {
  reveal(req: RevealRequest): Promise<void> | void
  /** Brings a paragraph into view without flashing it, if it is not on screen. */
  show(paragraphId: string): void
}

/** A highlight's suggested place painted in the reader (dashed) while its "Accept" action is hovered or focused. */
export interface PlacePreview {
  highlightId: string
  segments: readonly ResolvedSegment[]
}

const EMPTY: readonly AnchoredHighlight[] = Object.freeze([])

const article = shallowRef<Article | null>(null)
const loading = shallowRef(false)
const error = shallowRef<string | null>(null)
const highlights = shallowRef<readonly AnchoredHighlight[]>(EMPTY)
const backlinks = shallowRef<Readonly<BacklinkMap>>(Object.freeze({}))
const preview = shallowRef<PlacePreview | null>(null)
/** Highlights being created: painted at once, until the backend's answer replaces them (ids start with PENDING). */
const pending = shallowRef<readonly AnchoredHighlight[]>(EMPTY)

/** The id prefix of a highlight not stored yet (its marks carry no data-highlight-id: nothing can act on it). */
export const PENDING = 'pending-'
let pendingSeq = 0

/** Highlights per paragraph id; unchanged paragraphs keep their list (same array) from one change to the next. */
const byParagraph = computed<HighlightIndex>((previous) =>
  indexByParagraph(pending.value.length ? [...highlights.value, ...pending.value] : highlights.value, previous)
)
/** Highlights by id. */
const byId = computed(() => new Map(highlights.value.map((h) => [h.id, h])))

function freezeHighlight(h: AnchoredHighlight): AnchoredHighlight {
  if (Object.isFrozen(h)) return h
  return Object.freeze(markRaw(h))
}
function setHighlights(list: readonly AnchoredHighlight[]): void {
  highlights.value = Object.freeze(list.map(freezeHighlight))
}

let loadToken = 0
let view: ReaderViewHandle | null = null
let waitingReveal: RevealRequest | null = null

async function load(id: string | null): Promise<void> {
  const token = ++loadToken
  preview.value = null
  pending.value = EMPTY
  if (!id) {
    article.value = null
    setHighlights(EMPTY)
    backlinks.value = {}
    error.value = null
    loading.value = false
    return
  }
  if (article.value?.id !== id) {
    article.value = null
    setHighlights(EMPTY)
    backlinks.value = {}
  }
  loading.value = true
  error.value = null
  try {
    const [a, list, links] = await Promise.all([
      articles.load(id, { fresh: true }),
      api.listHighlights(id),
      api.getBacklinks(id).catch(() => ({}) as BacklinkMap)
    ])
    if (token !== loadToken) return
    article.value = a
    setHighlights(list)
    backlinks.value = Object.freeze(links)
  } catch (err) {
    if (token !== loadToken) return
    error.value = errorMessage(err)
  } finally {
    if (token === loadToken) loading.value = false
  }
  if (token === loadToken) flushReveal()
}

function flushReveal(): void {
  const req = waitingReveal
  if (!req || !view || loading.value || article.value?.id !== req.articleId) return
  waitingReveal = null
  void view.reveal(req)
}

export const reader = {
  get article(): Article | null {
    return article.value
  },
  get loading(): boolean {
    return loading.value
  },
  get error(): string | null {
    return error.value
  },
  /** The open article's highlights (frozen; change them through the commands below). */
  get highlights(): readonly AnchoredHighlight[] {
    return highlights.value
  },
  get backlinks(): Readonly<BacklinkMap> {
    return backlinks.value
  },
  get byParagraph(): HighlightIndex {
    return byParagraph.value
  },
  get preview(): PlacePreview | null {
    return preview.value
  },
  highlight(id: string): AnchoredHighlight | undefined {
    return byId.value.get(id)
  },

  /** Opens an article in the reader (null: none), or loads the open one again. */
  load,

  /**
   * Scrolls to a paragraph (or a highlight) and flashes it, opening its article first if needed; waits for the article
   * and the reader view when they are not there yet.
   */
  reveal(req: RevealRequest): void {
    if (workspace.articleId !== req.articleId) workspace.articleId = req.articleId
    waitingReveal = req
    flushReveal()
  },

  /** The reader view is mounted (returns the function to call when it unmounts). */
  attachView(handle: ReaderViewHandle): () => void {
    view = handle
    flushReveal()
    return () => {
      if (view === handle) view = null
    }
  },

  /** Adds or replaces a highlight of the open article (as the backend returned it). */
  putHighlight(h: AnchoredHighlight): void {
    if (article.value?.id !== h.articleId) return
    const list = highlights.value
    const i = list.findIndex((x) => x.id === h.id)
    const next = list.slice()
    if (i >= 0) next[i] = h
    else next.push(h)
    setHighlights(next)
  },

  /** Changes fields of a highlight held here (tags set elsewhere, for instance). */
  patchHighlight(id: string, patch: Partial<Omit<AnchoredHighlight, 'id' | 'articleId'>>): void {
    const h = byId.value.get(id)
    if (h) reader.putHighlight({ ...h, ...patch })
  },

  /** Paints a highlight being created (until dropPending): returns its temporary id. */
  addPending(articleId: string, color: HighlightColor, targets: readonly HighlightSegmentTarget[], comment = ''): string {
    const id = `${PENDING}${++pendingSeq}`
    if (article.value?.id !== articleId) return id
    const now = new Date().toISOString()
    const h: AnchoredHighlight = {
      id,
      articleId,
      color,
      comment,
      targets: [...targets],
      createdAt: now,
      updatedAt: now,
      status: 'anchored',
      resolved: targets.map((t) => ({ paragraphId: t.paragraphId, start: t.position.start, end: t.position.end }))
    }
    pending.value = Object.freeze([...pending.value, freezeHighlight(h)])
    return id
  },

  dropPending(id: string): void {
    if (pending.value.some((h) => h.id === id)) pending.value = Object.freeze(pending.value.filter((h) => h.id !== id))
  },

  dropHighlight(id: string): void {
    if (!byId.value.has(id)) return
    setHighlights(highlights.value.filter((h) => h.id !== id))
    if (preview.value?.highlightId === id) preview.value = null
  },

  /** Fetches the open article's highlights again (changed by an import of annotations, another window…). */
  async refreshHighlights(articleId = article.value?.id): Promise<void> {
    if (!articleId || article.value?.id !== articleId) return
    const list = await api.listHighlights(articleId)
    if (article.value?.id === articleId) setHighlights(list)
  },

  /** Fetches the backlink counts again (after notes were saved). */
  async refreshBacklinks(): Promise<void> {
    const id = article.value?.id
    if (!id) return
    try {
      const map = await api.getBacklinks(id)
      if (article.value?.id === id) backlinks.value = Object.freeze(map)
    } catch {
      /* backlinks are a convenience; keep the old ones */
    }
  },

  /** New details of an article (edited, or updated from its source): the header shows them at once. */
  applyDetails(summary: ArticleSummary): void {
    const updated = articles.applyDetails(summary)
    if (updated && article.value?.id === summary.id) article.value = updated
  },

  /** Paints a highlight's suggested place in the reader (null: stop), bringing it into view when it is off screen. */
  previewPlace(h: AnchoredHighlight | null): void {
    if (!h || !h.suggestion?.length) {
      preview.value = null
      return
    }
    preview.value = Object.freeze({ highlightId: h.id, segments: Object.freeze(h.suggestion.slice()) })
    view?.show(h.suggestion[0].paragraphId)
  }
}

export function useReader(): typeof reader {
  return reader
}

// ---- compatible entry points (older callers) -----------------------------------------------------------------

export const loadArticle = (id: string | null): Promise<void> => reader.load(id)
export const refreshHighlights = (): Promise<void> => reader.refreshHighlights()
export const refreshBacklinks = (): Promise<void> => reader.refreshBacklinks()
export const applyDetails = (summary: ArticleSummary): void => reader.applyDetails(summary)
export const requestReveal = (req: RevealRequest): void => reader.reveal(req)

/** Kept for App.vue's sake: the store needs no wiring any more (commands replaced the old events). */
export function initReaderStore(): () => void {
  return () => {}
}

/**
 * Highlights in document order: by first placed segment; those with nothing placed last, oldest first. Only the
 * paragraphs the highlights are in are looked up (through the article cache's index), not every paragraph.
 */
export function sortedHighlights(list: readonly AnchoredHighlight[], a: Article | null): AnchoredHighlight[] {
  if (!list.length) return []
  const ids = new Set(list.flatMap((h) => (h.resolved[0] ? [h.resolved[0].paragraphId] : [])))
  const paragraphs = a ? [...ids].flatMap((id) => articles.paragraph(a.paragraphs, id) ?? []) : []
  return sortInDocumentOrder(list as AnchoredHighlight[], paragraphs)
}
