// Awareness (Yjs's presence protocol) for team projects: who is online in a project and which source each is reading
// (the project document's awareness), and colleagues' carets in a shared note (each note document's awareness, as
// @tiptap/extension-collaboration-caret sets it: { user: { name, color }, cursor: { anchor, head } }).
//
// Awareness states come from colleagues' machines, so they are as untrusted as any remote value: every state is
// rebuilt field by field from what Gloss expects (names tidied and capped, colours #rrggbb only, ids Gloss ids only,
// positions of the shape Yjs writes) before it reaches the backend's callers or the screen. Pure code (lib0 only).
import * as encoding from 'lib0/encoding'

/** Colours for members (carets, presence dots): distinct, readable on the light and the dark theme. */
export const MEMBER_COLOURS = ['#c2410c', '#1d4ed8', '#15803d', '#7e22ce', '#b45309', '#0f766e', '#be123c', '#4d7c0f'] as const

/** A member's colour: the same on every machine (derived from the member id). */
export function memberColour(memberId: string): string {
  let h = 2166136261
  for (let i = 0; i < memberId.length; i++) h = Math.imul(h ^ memberId.charCodeAt(i), 16777619)
  return MEMBER_COLOURS[(h >>> 0) % MEMBER_COLOURS.length]
}

export const MAX_PRESENCE_NAME = 60

/** A display name from a colleague: control and bidirectional-override characters out, spaces folded, capped. */
export function cleanName(raw: unknown): string {
  if (typeof raw !== 'string') return ''
  return (
    raw
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_PRESENCE_NAME)
  )
}

/** Ids as Gloss makes them (ULIDs; the sample's and older ones are of the same letters): nothing else is passed on. */
const isId = (v: string): boolean => /^[A-Za-z0-9_-]{1,64}$/.test(v)
const isColour = (v: unknown): v is string => typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isUint = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff * 1024

/** A Yjs relative position as JSON (what Y.RelativePosition serialises to), rebuilt; null when it is not one. */
export interface RelPos {
  type: { client: number; clock: number } | null
  tname: string | null
  item: { client: number; clock: number } | null
  assoc: number
}

function cleanId(v: unknown): { client: number; clock: number } | null | undefined {
  if (v === null || v === undefined) return null
  if (!isObject(v) || !isUint(v.client) || !isUint(v.clock)) return undefined
  return { client: v.client, clock: v.clock }
}

export function cleanRelPos(v: unknown): RelPos | null {
  if (!isObject(v)) return null
  const type = cleanId(v.type)
  const item = cleanId(v.item)
  if (type === undefined || item === undefined) return null
  const tname = v.tname === null || v.tname === undefined ? null : typeof v.tname === 'string' && v.tname.length <= 100 ? v.tname : undefined
  if (tname === undefined) return null
  const assoc = v.assoc === undefined ? 0 : v.assoc
  if (typeof assoc !== 'number' || !Number.isInteger(assoc) || Math.abs(assoc) > 1) return null
  if (!type && !item && !tname) return null
  return { type, tname, item, assoc }
}

/** A colleague's caret in a note, as the caret extension reads it. */
export interface CaretState {
  user: { name: string; color: string }
  cursor: { anchor: RelPos; head: RelPos } | null
}

/** A note awareness state from anyone, rebuilt; null when it says nothing Gloss can show. */
export function cleanCaret(state: unknown): CaretState | null {
  if (!isObject(state) || !isObject(state.user)) return null
  const name = cleanName(state.user.name) || 'Colleague'
  const color = isColour(state.user.color) ? state.user.color.toLowerCase() : MEMBER_COLOURS[0]
  let cursor: CaretState['cursor'] = null
  if (isObject(state.cursor)) {
    const anchor = cleanRelPos(state.cursor.anchor)
    const head = cleanRelPos(state.cursor.head)
    if (anchor && head) cursor = { anchor, head }
  }
  return { user: { name, color }, cursor }
}

/** A project awareness state: which member this is and which source (article id) they are reading. */
export interface PresenceState {
  memberId: string
  reading: string | null
}

export function cleanPresence(state: unknown): PresenceState | null {
  if (!isObject(state) || typeof state.memberId !== 'string' || !isId(state.memberId)) return null
  const reading = typeof state.reading === 'string' && isId(state.reading) ? state.reading : null
  return { memberId: state.memberId, reading }
}

/** One client's awareness entry. A null state says the client is gone. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: object | null
}

/** Encodes entries in y-protocols' awareness update format (what applyAwarenessUpdate reads). */
export function encodeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId)
    encoding.writeVarUint(e, x.clock)
    encoding.writeVarString(e, JSON.stringify(x.state))
  }
  return encoding.toUint8Array(e)
}
