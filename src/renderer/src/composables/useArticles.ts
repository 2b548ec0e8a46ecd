// The article cache: every article the window has loaded, once, shared by the reader and the notes pane (chips'
// numbers and tooltips, `[[`). Articles are immutable here: frozen paragraphs, never wrapped in Vue proxies
// (markRaw), replaced whole when they change (details edited, text updated). Reads are reactive per article id.
import { markRaw, shallowReactive } from 'vue'
import type { Article, ArticleSummary, Paragraph } from '@core/model'
import { api } from '@renderer/api'

/** How many articles stay cached besides those in use (the open one is always kept by the reader). */
const KEEP = 8

const entries = new Map<string, Article>()
const inflight = new Map<string, Promise<Article>>()
/** Bumped per article id on every change, so reactive readers of `peek` follow it. */
const versions = shallowReactive(new Map<string, number>())
const byId = new WeakMap<readonly Paragraph[], Map<string, Paragraph>>()

function bump(id: string): void {
  versions.set(id, (versions.get(id) ?? 0) + 1)
}

/** Freezes an article's paragraphs and keeps Vue from proxying it. */
export function freezeArticle(a: Article): Article {
  for (const p of a.paragraphs) {
    if (p.marks) Object.freeze(p.marks)
    Object.freeze(p)
  }
  Object.freeze(a.paragraphs)
  return markRaw(a)
}

function store(a: Article): Article {
  entries.delete(a.id)
  entries.set(a.id, a)
  while (entries.size > KEEP) {
    const oldest = entries.keys().next().value as string
    entries.delete(oldest)
    bump(oldest)
  }
  bump(a.id)
  return a
}

export const articles = {
  /** The cached article (reactive: re-read when it is loaded, replaced or dropped), without loading it. */
  peek(id: string): Article | undefined {
    versions.get(id)
    return entries.get(id)
  },

  /**
   * The article, from the cache or the backend (one request per article however many ask at once). `fresh` asks the
   * backend again unless a request is already on its way (the reader opening an article: another window may have
   * changed it).
   */
  load(id: string, opts: { fresh?: boolean } = {}): Promise<Article> {
    const known = entries.get(id)
    if (known && !(opts.fresh && !inflight.has(id))) {
      // Most recently used last.
      entries.delete(id)
      entries.set(id, known)
      return Promise.resolve(known)
    }
    let p = inflight.get(id)
    if (!p) {
      p = api.getArticle(id).then(
        (a) => {
          if (inflight.get(id) === p) inflight.delete(id)
          return store(freezeArticle(a))
        },
        (err: unknown) => {
          if (inflight.get(id) === p) inflight.delete(id)
          throw err
        }
      )
      inflight.set(id, p)
    }
    return p
  },

  /** Forgets an article (its text was replaced, or it was deleted): the next load fetches it again. */
  invalidate(id: string): void {
    inflight.delete(id)
    if (entries.delete(id) || versions.has(id)) bump(id)
  },

  /** New details of a cached article (edited, or updated from its source): a new object, same paragraphs. */
  applyDetails(summary: ArticleSummary): Article | undefined {
    const a = entries.get(summary.id)
    if (!a) return undefined
    const { title, authors, publisher, publishedAt, url, accessedAt, fileName, lang, excerpt, format, updatedAt } = summary
    return store(markRaw({ ...a, title, authors, publisher, publishedAt, url, accessedAt, fileName, lang, excerpt, format, updatedAt }))
  },

  /** A paragraph of an article by id (an index built once per paragraph list). */
  paragraph(paragraphs: readonly Paragraph[], id: string): Paragraph | undefined {
    let map = byId.get(paragraphs)
    if (!map) {
      map = new Map(paragraphs.map((p) => [p.id, p]))
      byId.set(paragraphs, map)
    }
    return map.get(id)
  }
}

export function useArticles(): typeof articles {
  return articles
}
