// Names of the Yjs documents a shared project is made of, as the team server and every member know them:
//   gloss/<projectId>                 the project: its details, sources, highlights, tags, note titles, members
//   gloss/<projectId>/note/<noteId>   one shared note's text (TipTap's XML fragment)
// Ids are ULIDs, so a name can never climb out of its project (no "/", "..", or other characters).

/** A ULID: 26 Crockford base-32 characters, as newId() makes them. */
export const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/

export const isUlid = (value: unknown): value is string => typeof value === 'string' && ULID.test(value)

/** The field of a note document that holds its text (TipTap's Collaboration extension uses 'default'). */
export const NOTE_FIELD = 'default'

export type DocName = { kind: 'project'; projectId: string } | { kind: 'note'; projectId: string; noteId: string }

export const projectDocName = (projectId: string): string => `gloss/${projectId}`
export const noteDocName = (projectId: string, noteId: string): string => `gloss/${projectId}/note/${noteId}`

/** Reads a document name; null for anything that is not exactly one of the two forms. */
export function parseDocName(name: unknown): DocName | null {
  if (typeof name !== 'string' || name.length > 100) return null
  const parts = name.split('/')
  if (parts[0] !== 'gloss' || !isUlid(parts[1])) return null
  if (parts.length === 2) return { kind: 'project', projectId: parts[1] }
  if (parts.length === 4 && parts[2] === 'note' && isUlid(parts[3])) return { kind: 'note', projectId: parts[1], noteId: parts[3] }
  return null
}
