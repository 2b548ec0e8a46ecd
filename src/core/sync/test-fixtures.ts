// Records as a colleague's Gloss would send them, for the sync tests.
import { newId } from '../ids'
import type { SourceRecord as Source } from './records'

export const now = '2026-12-01T10:00:00.000Z'
export function sourceRecord(over: Partial<Record<keyof Source, unknown>> = {}): Record<string, unknown> {
  return {
    id: newId(),
    title: 'Summit ends',
    authors: ['Jane Doe'],
    publisher: 'Reuters',
    publishedAt: '2026-11-30',
    url: 'https://example.org/story',
    accessedAt: null,
    fileName: null,
    lang: 'en',
    excerpt: null,
    format: 'html',
    warnings: [],
    paragraphs: [
      { id: 'p-00000000001', kind: 'h1', text: 'Summit ends' },
      { id: 'p-00000000002', kind: 'p', text: 'Leaders met in Tianjin.', marks: [{ type: 'link', start: 0, end: 7, href: 'https://example.org/' }] }
    ],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    addedAt: now,
    removedAt: null,
    by: 'M',
    ...over
  }
}

