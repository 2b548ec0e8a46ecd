// The team server's check of every update before it is applied: the update is first applied to a shadow copy of the
// document; what it changed (changedEntities) must be allowed for the sender's role (core/sync/roles.ts) and leave
// every changed entity valid (core/sync/records.ts, note-doc.ts). Only then does Hocuspocus apply it to the real
// document and pass it on. A refused update never reaches the real document, any member, or the disk.
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { readMeta, rawEntity, readEntity, changedEntities, type ChangedEntities } from '../../../core/sync/project-doc'
import { readNoteDoc } from '../../../core/sync/note-doc'
import { parseDocName, type DocName } from '../../../core/sync/names'
import { refusal } from '../../../core/sync/roles'
import type { Role } from '../../../core/sync/records'

/** Hocuspocus message types (its MessageType enum) that the gate needs. */
const SYNC = 0
const SYNC_REPLY = 4
const BROADCAST_STATELESS = 6
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

export class UpdateRefused extends Error {
  /** Hocuspocus closes the connection with this code and reason. */
  readonly code = 4403
  constructor(readonly reason: string) {
    super(reason)
  }
}

/** A shadow of one document, kept equal to it (every update the real document gets is applied here too). */
export class Gate {
  private shadow: Y.Doc
  private readonly name: DocName
  private readonly onReal = (update: Uint8Array): void => Y.applyUpdate(this.shadow, update)

  constructor(private readonly real: Y.Doc, docName: string) {
    const name = parseDocName(docName)
    if (!name) throw new Error(`not a Gloss document: ${docName}`)
    this.name = name
    this.shadow = this.copy()
    real.on('update', this.onReal)
  }

  private copy(): Y.Doc {
    const d = new Y.Doc({ gc: true })
    Y.applyUpdate(d, Y.encodeStateAsUpdate(this.real))
    return d
  }

  destroy(): void {
    this.real.off('update', this.onReal)
    this.shadow.destroy()
  }

  /**
   * Checks one raw Hocuspocus message from a member. Throws UpdateRefused with the reason when it must not be
   * applied (the shadow is then rebuilt from the real document, so nothing of it remains).
   */
  checkMessage(message: Uint8Array, role: Role, memberId: string, readOnly: boolean): void {
    const decoder = decoding.createDecoder(message)
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type === BROADCAST_STATELESS) throw new UpdateRefused('members cannot broadcast messages to each other through the team server')
    if (type !== SYNC && type !== SYNC_REPLY) return
    const syncType = decoding.readVarUint(decoder)
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return
    // A reader's connection is read-only: Hocuspocus itself refuses (and says so to the sender) without applying.
    if (readOnly) return
    const update = decoding.readVarUint8Array(decoder)
    const reason = this.check(update, role, memberId)
    if (reason) {
      this.shadow.destroy()
      this.shadow = this.copy()
      throw new UpdateRefused(reason)
    }
  }

  /** Applies the update to the shadow and says why it is refused, or null. */
  private check(update: Uint8Array, role: Role, memberId: string): string | null {
    let changed: ChangedEntities | null = null
    let touched = false
    const watch = (tr: Y.Transaction): void => {
      touched = true
      if (this.name.kind === 'project') changed = changedEntities(tr)
    }
    this.shadow.on('afterTransaction', watch)
    try {
      Y.applyUpdate(this.shadow, update)
    } catch (error) {
      return `the update could not be read (${(error as Error).message.slice(0, 100)})`
    } finally {
      this.shadow.off('afterTransaction', watch)
    }
    if (!touched) return null
    if (this.name.kind === 'note') {
      const why = refusal(role, memberId, { kind: 'note', key: this.name.noteId, before: {}, after: {} })
      if (why) return why
      const note = readNoteDoc(this.shadow)
      return note.ok ? null : `the note would be invalid: ${note.reason}`
    }
    return changed ? this.checkProject(changed, role, memberId) : null
  }

  private checkProject(c: ChangedEntities, role: Role, memberId: string): string | null {
    if (c.foreign.length) return `the update adds something a Gloss project does not have ("${c.foreign[0].slice(0, 40)}")`
    for (const r of c.removed) {
      const why = refusal(role, memberId, { kind: r.kind, key: r.key, before: rawEntity(this.real, r.kind, r.key), after: undefined })
      if (why) return why
    }
    if (c.meta) {
      const why = refusal(role, memberId, { kind: 'meta', key: 'meta', before: {}, after: {} })
      if (why) return why
      const meta = readMeta(this.shadow)
      if (!meta?.ok) return `the project's details would be invalid: ${meta ? meta.reason : 'missing'}`
      if (meta.value.id !== this.name.projectId) return "the project's details name another project"
    }
    for (const [kind, keys] of c.entities) {
      for (const key of keys) {
        const after = rawEntity(this.shadow, kind, key)
        const why = refusal(role, memberId, { kind, key, before: rawEntity(this.real, kind, key), after })
        if (why) return why
        const checked = readEntity(this.shadow, kind, key, this.name.projectId)
        if (checked && !checked.ok) return `${kind.replace(/s$/, '')} ${key.slice(0, 30)}: ${checked.reason}`
      }
    }
    return null
  }
}
