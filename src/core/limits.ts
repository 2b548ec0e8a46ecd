// Size limits, each defined once. The API schemas (api/methods.ts) check them at the door; services and core
// rules that need the same number import it from here, so the two can no longer drift apart.

import { MAX_IMPORT_BYTES } from './import/decode'

/** Largest file (or pasted text) accepted for import, in bytes. Defined beside the decoder that enforces it. */
export { MAX_IMPORT_BYTES }

/** Ids of articles, paragraphs, highlights and notes. */
export const MAX_ID = 200
/** File name of an imported file, as the user sees it. */
export const MAX_IMPORT_NAME = 1024
/** File name of an exported report (one path segment). */
export const MAX_EXPORT_FILE_NAME = 255
/** An exported file handed to saveFile, base64-encoded. */
export const MAX_EXPORT_BASE64 = 700 * 1024 * 1024
export const MAX_MIME_TYPE = 200

/** A note's title (checked at the door and again by the note service after collapsing whitespace). */
export const MAX_NOTE_TITLE = 200
/** An article's title (given to pasted text, or edited with "Edit details…"). */
export const MAX_ARTICLE_TITLE = 500
/** A document's password (PDF). */
export const MAX_PASSWORD = 1024
/** A project's title, and how many sources one request may add to it. */
export const MAX_PROJECT_TITLE = 200
export const MAX_PROJECT_SOURCES = 10_000
/** A tag's name. */
export { MAX_TAG_NAME } from './tags'
/** A web address to import from. */
export const MAX_URL = 2048
/** Authors of one source, and the length of one author's name. */
export const MAX_AUTHORS = 50
export const MAX_AUTHOR_NAME = 200
/** A source's publisher or site name. */
export const MAX_PUBLISHER = 300
/** A publication date as the user writes it. */
export const MAX_DATE_TEXT = 100
/** The analyst's name printed on a report. */
export const MAX_ANALYST_NAME = 200

/** A highlight's comment. */
export const MAX_COMMENT = 20_000
/** The quoted text of one highlight target (one paragraph's share): no paragraph is longer than an import. */
export const MAX_QUOTE = MAX_IMPORT_BYTES
/** Characters of context stored before and after a highlight's quote (TextQuoteSelector prefix/suffix). */
export const QUOTE_CONTEXT_CHARS = 32
/** Paragraphs one highlight may cover. */
export const MAX_TARGETS = 10_000

/** A search query, in characters. */
export const MAX_QUERY = 500
/** Most hits one search may ask for. */
export const MAX_SEARCH_HITS = 500
