// "Edit details…": the user's corrections to an article's title, authors, publisher, date and address. The backend
// checks and tidies them (dates, addresses) and answers with the stored article; the reader header and the library
// then show them at once.
import type { UpdateDetailsRequest } from '@core/api'
import type { ArticleSummary } from '@core/model'
import { api } from '@renderer/api'
import { refreshLibrary, replaceInLibrary } from './useLibrary'
import { applyDetails } from './useReader'

export type DetailsDraft = Omit<UpdateDetailsRequest, 'id'>

/** Saves the details; throws the backend's error (a message for the dialog to show) when they cannot be saved. */
export async function saveArticleDetails(id: string, draft: DetailsDraft): Promise<ArticleSummary> {
  const summary = await api.updateArticleDetails({ id, ...draft })
  applyDetails(summary)
  replaceInLibrary(summary)
  void refreshLibrary()
  return summary
}

/** The form's text for a set of details (authors one per line; empty fields for missing values). */
export function draftFrom(a: Pick<ArticleSummary, 'title' | 'authors' | 'publisher' | 'publishedAt' | 'url'>) {
  return { title: a.title, authors: a.authors.join('\n'), publisher: a.publisher ?? '', publishedAt: a.publishedAt ?? '', url: a.url ?? '' }
}

/** The request for the form's text: one author a line, blank fields as null. */
export function draftToRequest(form: ReturnType<typeof draftFrom>): DetailsDraft {
  const orNull = (s: string): string | null => (s.trim() ? s.trim() : null)
  return {
    title: form.title.trim(),
    authors: form.authors
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    publisher: orNull(form.publisher),
    publishedAt: orNull(form.publishedAt),
    url: orNull(form.url)
  }
}
