// What each role may change in a shared project — one rule set, used by the team server (which refuses an update
// that breaks it) and by each member's backend (which refuses the local change before it is sent).
//   owner, editor  everything but the member list (the team server keeps that), ACH matrices included (like notes)
//   commenter      highlights (with their comments): new ones, and changes to their own
//   reader         nothing
// For everyone: an entity is never removed from its map (deletes are tombstones), and `by` — who made an entity — is
// set once, to the member making it.
import type { EntityKind, Role } from './records'

export interface EntityChange {
  kind: EntityKind | 'meta' | 'note'
  key: string
  /** The entity's fields before the change (undefined: it is new). */
  before: Record<string, unknown> | undefined
  /** After the change (undefined: removed from its map). */
  after: Record<string, unknown> | undefined
}

const HAS_MAKER: ReadonlySet<string> = new Set(['sources', 'highlights', 'notes', 'achMatrices'])

const ROLE_WORDS: Record<Role, string> = {
  owner: 'the owner',
  editor: 'an editor',
  commenter: 'a commenter: you can add highlights and comments, and change your own',
  reader: 'a reader: you can read this project but not change it'
}

/** Why `memberId` (with `role`) may not make this change, or null when it may. */
export function refusal(role: Role, memberId: string, c: EntityChange): string | null {
  const refuse = (why: string): string => `${why} (you are ${ROLE_WORDS[role]})`
  if (c.kind === 'members') return 'The member list is kept by the team server; no member can change it directly.'
  if (c.after === undefined) return 'Nothing is removed from a shared project outright: deletes are kept as tombstones.'
  if (HAS_MAKER.has(c.kind)) {
    const byBefore = c.before?.by
    const byAfter = c.after.by
    if (c.before === undefined ? byAfter !== memberId : byAfter !== byBefore) return 'Who made an entry cannot be changed or borrowed.'
  }
  // A matrix says who saved it last (a member's own engine relies on it to keep a save that a concurrent one hid):
  // it becomes the sender, or stays as it was (the sender's save lost to one the server had already).
  if (c.kind === 'achMatrices' && c.after.editedBy !== memberId && (c.before === undefined || c.after.editedBy !== c.before.editedBy)) {
    return 'Who saved a matrix last cannot be borrowed.'
  }
  if (role === 'owner' || role === 'editor') return null
  if (role === 'reader') return refuse('This change was not allowed')
  // Commenter.
  if (c.kind !== 'highlights') return refuse('This change was not allowed')
  if (c.before !== undefined && c.before.by !== memberId) return refuse("A colleague's highlight can only be changed by editors")
  return null
}
