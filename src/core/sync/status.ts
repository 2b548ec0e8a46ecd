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
