// What the app and the CLI are told about a shared project's sync.
import type { Role } from './records'

export interface SyncStatus {
  projectId: string
  title: string
  server: string
  role: Role
  memberId: string | null
  /** 'synced': connected and nothing waiting; 'syncing': connected, changes in flight; 'offline'; 'refused': the server said no. */
  state: 'synced' | 'syncing' | 'connecting' | 'offline' | 'refused'
  /** Local changes the team server has not acknowledged yet (they are kept, and sent on reconnect). */
  pendingChanges: number
  lastSyncedAt: string | null
  /** Why the server refused, or the last problem, in words. */
  error: string | null
  /** Values from colleagues left out because they failed the checks (since this backend started). */
  rejected: number
}

/** What changed since the app last asked (waitForChanges): ids of what to reload. */
export interface SyncChanges {
  /** The newest change's number: ask again with it. */
  seq: number
  /** More changed than the backend remembers: reload everything shown. */
  reset: boolean
  /** Sources whose text, details or highlights changed (from a colleague). */
  articles: string[]
  /** Notes whose text or title changed (a colleague, or another window of this app). */
  notes: string[]
  /** Shared notes where colleagues' carets moved (or they came or went). */
  carets: string[]
  /** Shared projects that changed in any way. */
  projects: string[]
  /** Shared projects where who is online, or what they read, changed. */
  presence: string[]
  /** Shared projects whose connection changed (connected, offline, synced). */
  status: string[]
  /** ACH matrices a colleague made, changed or deleted (a conflicted copy kept here shows as its project's change). */
  ach: string[]
}

/** A colleague online in a shared project now. */
export interface PresenceMember {
  memberId: string
  name: string
  role: Role
  /** #rrggbb, the same on every machine (carets use it too). */
  color: string
  /** The source they have open, when it is one of the project's. */
  reading: { articleId: string; title: string } | null
}

/** A shared note opened for live editing. */
export interface CollabNote {
  noteId: string
  projectId: string
  /** The note's Yjs document whole (base64). */
  state: string
  /** How colleagues see this member's caret. */
  user: { name: string; color: string }
  /** Why this member may not change the note (their role), or null. */
  readOnlyReason: string | null
}

export interface CollabSyncRequest {
  noteId: string
  /** The editor's Yjs client id (its carets are passed on under it). */
  clientId: number
  /** The editor's state vector (base64): the answer holds what it lacks. */
  stateVector: string
  /** The editor's own changes since its last exchange (a Yjs update, base64), if any. */
  update?: string
  /** The editor's caret (awareness clock and state; null state: gone), when it changed. */
  caret?: { clock: number; state: unknown }
}

export interface CollabSyncReply {
  /** What the editor lacks (a Yjs update, base64), or ''. */
  update: string
  /** Colleagues' carets in this note (an awareness update, base64). */
  carets: string
  /** The client ids of those carets (others the editor shows are gone). */
  clients: number[]
}
