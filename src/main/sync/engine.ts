// Client sync, in the backend: keeps each shared project's Yjs documents (the project, and one per shared note) in
// step with the local SQLite library — which stays the store the app reads — and with the team server.
//
//   local write  -> triggers fill sync_outbox (same transaction) -> flush(): each changed row is read back as a
//                   record, checked (schema and role), written into the document; the Yjs update is appended to
//                   sync_updates in the same write transaction; the provider sends it when connected.
//   remote update-> the provider applies it to the document -> in one write transaction (BEGIN IMMEDIATE), with the
//                   triggers quiet: the update is appended to sync_updates, and every entity it touched is read from
//                   the document, checked with the same schemas as the API and an import, and written to SQLite.
//                   A value that fails is left out (and counted), never written.
// Offline, everything keeps working: documents are rebuilt from sync_updates at start, and on reconnect Yjs's sync
// exchanges what each side misses. Local updates count as pending until the server acknowledges them.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { fromBase64, toBase64 } from 'lib0/buffer'
import WebSocket from 'ws'
import { applyAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { GlossError } from '../../core/errors'
import { newId, nowIso } from '../../core/ids'
import type { Note, NoteSummary, PMNode } from '../../core/model'
import { parseStoredDoc } from '../../core/notes/doc'
import { formatInvite, newToken, parseInvite, teamServerUrl } from '../../core/sync/invite'
import { noteDocName, parseDocName, projectDocName } from '../../core/sync/names'
import { checkNoteDoc, readNoteDoc, writeNoteDoc } from '../../core/sync/note-doc'
import { changedEntities, entityKeys, entityMap, rawEntity, readEntity, readMeta, writeEntity, writeMeta, type ChangedEntities } from '../../core/sync/project-doc'
import { parseMessage, REFUSALS, ServerMessage, type ClientRequest } from '../../core/sync/protocol'
import {
  checkEntity,
  check,
  ProjectMetaRecord,
  tagLinkKey,
  type EntityKind,
  type InviteRole,
  type MemberRecord,
  type RecordOf,
} from '../../core/sync/records'
import { cleanCaret, cleanName, cleanPresence, encodeAwareness, memberColour, type AwarenessEntry } from '../../core/sync/awareness'
import { refusal } from '../../core/sync/roles'
import { achRowToRecord, lostSave, nextVersion, sameAchContent } from '../../core/sync/ach-record'
import { conflictedCopyTitle } from '../../core/analysis/ach'
import type { CollabNote, CollabSyncReply, CollabSyncRequest, PresenceMember, SyncChanges, SyncStatus } from '../../core/sync/status'

export type { SyncStatus, SyncChanges }
import { writeTx, type DB } from '../db/database'
import { getNote } from '../db/notes'
import { getMatrixRow, insertMatrix, type AchRow } from '../db/ach'
import * as store from './local-store'
import * as rows from './rows'

const LOCAL = Symbol('gloss-local')
const LOAD = Symbol('gloss-load')
/** Carets from this member's own editors, passed on to the note's awareness. */
const EDITOR = Symbol('gloss-editor')
/** Change events remembered for the app (older ones: it reloads everything). */
const MAX_EVENTS = 500

/** The entities a colleague's change is applied to, in the order they depend on one another (members are the server's). */
const APPLIED_KINDS = ['sources', 'tags', 'highlights', 'tagLinks', 'notes', 'achMatrices'] as const

type SyncEventKind = 'articles' | 'notes' | 'carets' | 'projects' | 'presence' | 'status' | 'ach'

interface SharedDoc {
  name: string
  projectId: string
  noteId: string | null
  doc: Y.Doc
  provider: HocuspocusProvider | null
  /** Highest sync_updates id this document holds (what an acknowledgement covers). */
  maxId: number
  changes: ChangedEntities | null
  noteTouched: boolean
  refused: string | null
  /** True when a remote update could not be written to SQLite (it is then applied again from the document). */
  needsRepair: boolean
}

export interface SyncEngineOptions {
  /** Name shown to colleagues (default: the user's login name). */
  memberName?: string
  log?: (line: string) => void
}

type Pending = { resolve: (m: ServerMessage) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }

export class SyncEngine {
  private readonly docs = new Map<string, SharedDoc>()
  private readonly sockets = new Map<string, HocuspocusProviderWebsocket>()
  private readonly requests = new Map<string, Pending>()
  private readonly welcomed = new Map<string, (memberId: string) => void>()
  private rejected = 0
  private timer: ReturnType<typeof setInterval> | null = null
  private closed = false
  /** Change events for the app (colleagues' changes, presence, carets, connection), newest last. */
  private seq = 0
  private events: { seq: number; kind: keyof Omit<SyncChanges, 'seq' | 'reset'>; id: string }[] = []
  private readonly waiters = new Set<() => void>()
  /** The source this member has open (shown to colleagues in the projects it belongs to). */
  private reading: string | null = null

  constructor(
    private readonly db: DB,
    private readonly opts: SyncEngineOptions = {}
  ) {}

  private log(line: string): void {
    this.opts.log?.(line)
  }

  // ------------------------------------------------------------------------------------------ lifecycle

  /** Opens every shared project's documents from the local log (no network). */
  open(): void {
    for (const l of store.links(this.db)) this.openProject(l.projectId)
  }

  /** Connects every shared project and keeps flushing local writes (web mode and the desktop app). */
  start(): void {
    this.open()
    for (const l of store.links(this.db)) this.connect(l.projectId)
    if (!this.timer) {
      this.timer = setInterval(() => {
        try {
          this.flush()
        } catch (error) {
          this.log(`sync: flush failed: ${(error as Error).message}`)
        }
      }, 1000)
      this.timer.unref?.()
    }
  }

  async close(): Promise<void> {
    this.closed = true
    for (const wake of [...this.waiters]) wake()
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    for (const sd of this.docs.values()) {
      sd.provider?.destroy()
      sd.doc.destroy()
    }
    this.docs.clear()
    for (const s of this.sockets.values()) s.destroy()
    this.sockets.clear()
    for (const p of this.requests.values()) clearTimeout(p.timer)
    this.requests.clear()
  }

  isShared(projectId: string | null | undefined): boolean {
    return !!projectId && !!store.link(this.db, projectId)
  }

  // ------------------------------------------------------------------------------------------ documents

  private openDoc(name: string): SharedDoc {
    const existing = this.docs.get(name)
    if (existing) return existing
    const parsed = parseDocName(name)
    if (!parsed) throw new Error(`not a Gloss document name: ${name}`)
    const sd: SharedDoc = {
      name,
      projectId: parsed.projectId,
      noteId: parsed.kind === 'note' ? parsed.noteId : null,
      doc: new Y.Doc(),
      provider: null,
      maxId: 0,
      changes: null,
      noteTouched: false,
      refused: null,
      needsRepair: false
    }
    const stored = store.loadUpdates(this.db, name)
    if (stored.length) {
      Y.applyUpdate(sd.doc, Y.mergeUpdates(stored.map((u) => u.data)), LOAD)
      sd.maxId = stored[stored.length - 1].id
    }
    sd.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === LOCAL || tr.origin === LOAD) return
      if (sd.noteId) sd.noteTouched = true
      else sd.changes = mergeChanges(sd.changes, changedEntities(tr))
    })
    sd.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(sd, update, origin))
    this.docs.set(name, sd)
    return sd
  }

  private openProject(projectId: string): SharedDoc {
    const sd = this.openDoc(projectDocName(projectId))
    for (const name of store.docNamesOf(this.db, projectDocName(projectId))) if (name !== sd.name) this.openDoc(name)
    return sd
  }

  private onUpdate(sd: SharedDoc, update: Uint8Array, origin: unknown): void {
    if (origin === LOAD || this.closed) return
    if (origin === LOCAL) {
      // Inside the write transaction that made the change (flush, saveSharedNote).
      sd.maxId = store.appendUpdate(this.db, sd.name, update, 'local')
      return
    }
    const touched = this.touchedBy(sd)
    try {
      writeTx(this.db, () => {
        store.setApplying(this.db, true)
        try {
          sd.maxId = store.appendUpdate(this.db, sd.name, update, 'remote')
          this.applyRemote(sd)
        } finally {
          store.setApplying(this.db, false)
        }
      })
      for (const [kind, id] of touched) this.emit(kind, id)
    } catch (error) {
      // Busy beyond the timeout, disk full…: the document holds the update; it is written again from there.
      sd.needsRepair = true
      this.log(`sync: a colleague's change to ${sd.name} could not be stored yet: ${(error as Error).message}`)
    }
  }


  // ------------------------------------------------------------------------------------------ change events

  /** What the pending remote transactions of a document touch, as change events (read before they are applied). */
  private touchedBy(sd: SharedDoc): [SyncEventKind, string][] {
    const out: [SyncEventKind, string][] = [['projects', sd.projectId]]
    if (sd.noteId) {
      out.push(['notes', sd.noteId])
      return out
    }
    for (const [kind, keys] of sd.changes?.entities ?? []) {
      for (const key of keys) {
        if (kind === 'sources') out.push(['articles', key])
        else if (kind === 'notes') out.push(['notes', key])
        else if (kind === 'achMatrices') out.push(['ach', key])
        else if (kind === 'highlights') {
          const articleId = rawEntity(sd.doc, 'highlights', key)?.articleId
          if (typeof articleId === 'string') out.push(['articles', articleId])
        }
      }
    }
    return out
  }

  private emit(kind: SyncEventKind, id: string): void {
    if (this.closed) return
    const last = this.events[this.events.length - 1]
    if (last && last.kind === kind && last.id === id) last.seq = ++this.seq
    else this.events.push({ seq: ++this.seq, kind, id })
    if (this.events.length > MAX_EVENTS) this.events.splice(0, this.events.length - MAX_EVENTS)
    for (const wake of [...this.waiters]) wake()
  }

  /**
   * Resolves with what changed after `since` (colleagues' changes written to SQLite, presence, carets, connection) as
   * soon as anything has, or after `timeoutMs` with nothing. `reset` means: more changed than is remembered, reload all.
   */
  async waitForChanges(since: number, timeoutMs: number): Promise<SyncChanges> {
    if (since > this.seq) since = 0
    if (since === this.seq && !this.closed) {
      await new Promise<void>((done) => {
        const wake = (): void => {
          clearTimeout(timer)
          this.waiters.delete(wake)
          done()
        }
        const timer = setTimeout(wake, timeoutMs)
        this.waiters.add(wake)
      })
    }
    const out: SyncChanges = { seq: this.seq, reset: since > 0 && (this.events[0]?.seq ?? Infinity) > since + 1 && this.seq > since, articles: [], notes: [], carets: [], projects: [], presence: [], status: [], ach: [] }
    for (const e of this.events) if (e.seq > since && !out[e.kind].includes(e.id)) out[e.kind].push(e.id)
    return out
  }

  // ------------------------------------------------------------------------------------------ presence

  /** Says which source this member has open (null: none); colleagues in its shared projects see it. */
  setReading(articleId: string | null): void {
    this.reading = articleId
    for (const sd of this.docs.values()) if (!sd.noteId) this.announce(sd)
  }

  /** Puts this member's presence into a project document's awareness (who, and the source open, if in the project). */
  private announce(sd: SharedDoc): void {
    const awareness = sd.provider?.awareness
    const l = store.link(this.db, sd.projectId)
    if (!awareness || !l?.memberId) return
    const reading = this.reading && this.db.prepare('SELECT 1 FROM project_sources WHERE project_id = ? AND article_id = ? AND deleted_at IS NULL').get(sd.projectId, this.reading) ? this.reading : null
    const now = awareness.getLocalState() as { memberId?: string; reading?: string | null } | null
    if (now?.memberId === l.memberId && now.reading === reading) return
    awareness.setLocalState({ memberId: l.memberId, reading })
  }

  /** Colleagues online in a shared project now (connected to its team server), each with the source they have open. */
  presence(projectId: string): PresenceMember[] {
    const l = store.link(this.db, projectId)
    if (!l) throw new GlossError('not_found', 'This project is not shared.')
    const sd = this.docs.get(projectDocName(projectId))
    const awareness = sd?.provider?.awareness
    if (!sd || !awareness || !sd.provider?.isAuthenticated) return []
    const members = new Map(this.members(projectId).map((m) => [m.id, m]))
    const seen = new Map<string, PresenceMember>()
    for (const [clientId, raw] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue
      const p = cleanPresence(raw)
      const m = p && members.get(p.memberId)
      if (!p || !m || m.removedAt || p.memberId === l.memberId) continue
      const title = p.reading
        ? ((this.db.prepare('SELECT a.title FROM articles a JOIN project_sources s ON s.article_id = a.id WHERE a.id = ? AND s.project_id = ? AND a.deleted_at IS NULL').get(p.reading, projectId) as { title: string } | undefined)?.title ?? null)
        : null
      const entry: PresenceMember = { memberId: m.id, name: cleanName(m.name) || 'A colleague', role: m.role, color: memberColour(m.id), reading: title === null ? null : { articleId: p.reading!, title } }
      if (!seen.has(m.id) || (!seen.get(m.id)!.reading && entry.reading)) seen.set(m.id, entry)
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  // ------------------------------------------------------------------------------------------ co-editing

  /** Opens a shared note for live editing: its document whole, and who this member is (name, colour, may edit). */
  collabOpen(noteId: string): CollabNote {
    if (!this.isSharedNote(noteId)) throw new GlossError('invalid_input', 'This note is not shared live (its project is not shared, or you left it).')
    const { project_id: projectId } = this.db.prepare('SELECT project_id FROM notes WHERE id = ?').get(noteId) as { project_id: string }
    const l = store.link(this.db, projectId)!
    const sd = this.openNote(projectId, noteId)
    const why = refusal(l.role, l.memberId ?? '', { kind: 'note', key: noteId, before: {}, after: {} })
    return {
      noteId,
      projectId,
      state: toBase64(Y.encodeStateAsUpdate(sd.doc)),
      user: { name: cleanName(l.memberName) || 'You', color: memberColour(l.memberId ?? l.projectId) },
      readOnlyReason: why
    }
  }

  /**
   * One exchange with an editor holding a shared note: its edits (a Yjs update, checked like a colleague's: the note
   * must stay valid and the member's role must allow it) are applied and written to SQLite in one transaction; the
   * answer is what the editor lacks (from its state vector) and colleagues' carets.
   */
  collabSync(req: CollabSyncRequest): CollabSyncReply {
    if (!this.isSharedNote(req.noteId)) throw new GlossError('invalid_input', 'This note is not shared live any more (you may have left its project).')
    const { project_id: projectId } = this.db.prepare('SELECT project_id FROM notes WHERE id = ?').get(req.noteId) as { project_id: string }
    const sd = this.openNote(projectId, req.noteId)
    const l = store.link(this.db, projectId)!
    const bytes = (b64: string, what: string): Uint8Array => {
      try {
        return fromBase64(b64)
      } catch {
        throw new GlossError('invalid_input', `The note's ${what} could not be read.`)
      }
    }
    if (req.update) {
      const update = bytes(req.update, 'changes')
      const why = refusal(l.role, l.memberId ?? '', { kind: 'note', key: req.noteId, before: {}, after: {} })
      if (why) throw new GlossError('invalid_input', `This note was not saved. ${why}.`)
      // Checked on a copy first: a change that would leave the note invalid never reaches the document.
      const fork = new Y.Doc()
      Y.applyUpdate(fork, Y.encodeStateAsUpdate(sd.doc))
      try {
        Y.applyUpdate(fork, update)
      } catch (error) {
        throw new GlossError('invalid_input', `The note's changes could not be read (${(error as Error).message.slice(0, 100)}).`)
      }
      const checked = readNoteDoc(fork)
      fork.destroy()
      if (!checked.ok) throw new GlossError('invalid_input', `The note could not be saved: ${checked.reason}.`)
      writeTx(this.db, () => {
        Y.applyUpdate(sd.doc, update, LOCAL)
        store.setApplying(this.db, true)
        try {
          const revision = rows.applyNoteDoc(this.db, req.noteId, checked.value, nowIso())
          if (revision !== null) store.saveRevisionState(this.db, req.noteId, revision, Y.encodeStateAsUpdate(sd.doc))
        } finally {
          store.setApplying(this.db, false)
        }
      })
      this.emit('notes', req.noteId)
    }
    const awareness = sd.provider?.awareness
    if (awareness && req.caret) {
      const caret = req.caret.state === null ? null : cleanCaret(req.caret.state)
      const state = caret && { ...caret, user: { name: cleanName(l.memberName) || 'Colleague', color: memberColour(l.memberId ?? l.projectId) } }
      applyAwarenessUpdate(awareness, encodeAwareness([{ clientId: req.clientId, clock: req.caret.clock, state }]), EDITOR)
    }
    const carets: AwarenessEntry[] = []
    if (awareness) {
      for (const [clientId, raw] of awareness.getStates()) {
        if (clientId === req.clientId || clientId === awareness.clientID) continue
        const c = cleanCaret(raw)
        if (c?.cursor) carets.push({ clientId, clock: awareness.meta.get(clientId)?.clock ?? 0, state: c })
      }
    }
    let sv: Uint8Array
    try {
      sv = req.stateVector ? bytes(req.stateVector, 'state') : new Uint8Array([0])
      const missing = Y.encodeStateAsUpdate(sd.doc, sv)
      return { update: missing.length > 2 ? toBase64(missing) : '', carets: toBase64(encodeAwareness(carets)), clients: carets.map((c) => c.clientId) }
    } catch (error) {
      if (error instanceof GlossError) throw error
      throw new GlossError('invalid_input', "The note's state could not be read.")
    }
  }

  // ------------------------------------------------------------------------------------ remote -> SQLite

  private reject(sd: SharedDoc, what: string, reason: string): void {
    this.rejected++
    this.log(`sync: left out ${what} from ${sd.name}: ${reason}`)
  }

  /** Writes what the last remote transactions touched (call in a write transaction with the triggers quiet). */
  private applyRemote(sd: SharedDoc): void {
    const now = nowIso()
    if (sd.noteId) {
      if (!sd.noteTouched) return
      sd.noteTouched = false
      this.applyNote(sd, now)
      return
    }
    const changes = sd.changes
    sd.changes = null
    if (!changes) return
    if (changes.foreign.length) this.reject(sd, 'unknown content', changes.foreign.join(', '))
    if (changes.meta) this.applyMeta(sd)
    for (const kind of APPLIED_KINDS) {
      for (const key of changes.entities.get(kind) ?? []) this.applyEntity(sd, kind, key, now)
    }
  }

  private applyMeta(sd: SharedDoc): boolean {
    const meta = readMeta(sd.doc)
    if (!meta) return false
    if (!meta.ok || meta.value.id !== sd.projectId) {
      this.reject(sd, "the project's details", meta.ok ? 'they name another project' : meta.reason)
      return false
    }
    rows.applyProjectMeta(this.db, meta.value)
    return true
  }

  private applyEntity(sd: SharedDoc, kind: EntityKind, key: string, now: string): void {
    if (kind === 'members') return
    const r = readEntity(sd.doc, kind, key, sd.projectId)
    if (!r) return
    if (!r.ok) return this.reject(sd, `${kind} ${key.slice(0, 30)}`, r.reason)
    if (!this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(sd.projectId) && !this.applyMeta(sd)) return
    switch (kind) {
      case 'sources': {
        const s = r.value as RecordOf['sources']
        rows.applySource(this.db, sd.projectId, s, now)
        // Highlights and tags that arrived before their source.
        for (const hk of entityKeys(sd.doc, 'highlights')) {
          if (rawEntity(sd.doc, 'highlights', hk)?.articleId === s.id) this.applyEntity(sd, 'highlights', hk, now)
        }
        this.applyLinksTo(sd, 'article', s.id, now)
        return
      }
      case 'highlights':
        if (rows.applyHighlight(this.db, r.value as RecordOf['highlights'])) this.applyLinksTo(sd, 'highlight', key, now)
        return
      case 'tags':
        rows.applyTag(this.db, r.value as RecordOf['tags'])
        for (const lk of entityKeys(sd.doc, 'tagLinks')) if (lk.startsWith(`${key}:`)) this.applyEntity(sd, 'tagLinks', lk, now)
        return
      case 'tagLinks': {
        const l = r.value as RecordOf['tagLinks']
        if (!this.db.prepare('SELECT 1 FROM tags WHERE id = ?').get(l.tagId)) {
          const tag = readEntity(sd.doc, 'tags', l.tagId)
          if (!tag?.ok) return
          rows.applyTag(this.db, tag.value)
        }
        rows.applyTagLink(this.db, l)
        return
      }
      case 'notes': {
        rows.applyNoteMeta(this.db, sd.projectId, r.value as RecordOf['notes'])
        const noteDoc = this.docs.get(noteDocName(sd.projectId, key))
        if (noteDoc) this.applyNote(noteDoc, now)
        else this.openNote(sd.projectId, key)
        return
      }
      case 'achMatrices':
        return this.applyAchMatrix(sd, r.value as RecordOf['achMatrices'], now)
    }
  }

  /**
   * Stores a colleague's matrix (see core/sync/ach-record.ts for why a matrix is last-writer-wins). A save of this
   * member's that the incoming one never saw — not yet sent, or sent at the same time as it — is kept first as a
   * conflicted copy (a new matrix of the project, shared in turn), so nothing a user saw as saved is lost.
   */
  private applyAchMatrix(sd: SharedDoc, m: RecordOf['achMatrices'], now: string): void {
    const row = getMatrixRow(this.db, m.id)
    if (row && row.project_id !== sd.projectId) return this.reject(sd, `achMatrices ${m.id}`, 'it has the id of a matrix of another project')
    const held = rows.achVersion(this.db, m.id)
    if (row && held?.version === m.version) return
    const unsent = !!this.db.prepare("SELECT 1 FROM sync_outbox WHERE kind = 'ach' AND key = ?").get(m.id)
    const l = store.link(this.db, sd.projectId)
    const mayWrite = l?.role === 'owner' || l?.role === 'editor'
    if (row && mayWrite && !sameAchContent(row, m)) {
      if (unsent || lostSave(held, m, l?.memberId ?? '')) this.keepAchCopy(row, now)
    }
    if (!row || !sameAchContent(row, m) || row.updated_at !== m.updatedAt) rows.applyAchMatrix(this.db, m)
    rows.setAchVersion(this.db, m.id, { version: m.version, editedBy: m.editedBy })
    if (unsent) store.clearOutbox(this.db, 'ach', m.id)
  }

  /** This member's own version of a matrix, as a new matrix "(conflicted copy …)" of its project; sent on the next flush. */
  private keepAchCopy(row: AchRow, now: string): void {
    if (row.deleted_at) return
    const id = newId()
    const title = conflictedCopyTitle(row.title)
    let doc = row.doc
    try {
      doc = JSON.stringify({ ...(JSON.parse(row.doc) as object), title })
    } catch {
      // Kept as it was: the copy then opens as damaged, its content untouched.
    }
    insertMatrix(this.db, { id, projectId: row.project_id, title, doc, docVersion: row.doc_version }, now)
    this.db.prepare("INSERT INTO sync_outbox (kind, key, at) VALUES ('ach', ?, ?) ON CONFLICT DO NOTHING").run(id, now)
    this.log(`sync: a colleague's save of matrix ${row.id} replaced one made here at the same time; this one is kept as ${id}`)
  }

  private applyLinksTo(sd: SharedDoc, kind: 'article' | 'highlight', targetId: string, now: string): void {
    for (const lk of entityKeys(sd.doc, 'tagLinks')) if (lk.endsWith(`:${kind}:${targetId}`)) this.applyEntity(sd, 'tagLinks', lk, now)
  }

  private applyNote(sd: SharedDoc, now: string): void {
    const note = readNoteDoc(sd.doc)
    if (!note.ok) return this.reject(sd, 'a note', note.reason)
    if (!this.db.prepare('SELECT 1 FROM notes WHERE id = ?').get(sd.noteId)) return
    const revision = rows.applyNoteDoc(this.db, sd.noteId!, note.value, now)
    if (revision !== null) store.saveRevisionState(this.db, sd.noteId!, revision, Y.encodeStateAsUpdate(sd.doc))
  }

  /** Opens (and connects, when the project is) a shared note's document. */
  private openNote(projectId: string, noteId: string): SharedDoc {
    const had = this.docs.has(noteDocName(projectId, noteId))
    const sd = this.openDoc(noteDocName(projectId, noteId))
    if (!had && this.docs.get(projectDocName(projectId))?.provider) this.attach(sd)
    return sd
  }

  /** Writes every entity of the project document to SQLite again (after a failed remote write). */
  private repair(): void {
    for (const sd of this.docs.values()) {
      if (!sd.needsRepair) continue
      writeTx(this.db, () => {
        store.setApplying(this.db, true)
        try {
          if (sd.noteId) {
            sd.noteTouched = true
          } else {
            const all: ChangedEntities = { meta: true, entities: new Map(), foreign: [], removed: [] }
            for (const kind of APPLIED_KINDS) all.entities.set(kind, new Set(entityKeys(sd.doc, kind)))
            sd.changes = all
          }
          this.applyRemote(sd)
          sd.maxId = store.appendUpdate(this.db, sd.name, Y.encodeStateAsUpdate(sd.doc), 'remote')
        } finally {
          store.setApplying(this.db, false)
        }
      })
      sd.needsRepair = false
    }
  }

  // ------------------------------------------------------------------------------------ local -> document

  /**
   * Mirrors local writes (the outbox) into the shared documents. A change the member's role does not allow is put
   * back as the document has it, and its reason is thrown (GlossError) once everything else is mirrored.
   */
  flush(): void {
    this.repair()
    if (!store.hasOutbox(this.db)) return
    const refusals: string[] = []
    writeTx(this.db, () => {
      for (const { kind, key } of store.outbox(this.db)) {
        if (this.mirror(kind, key, refusals)) store.clearOutbox(this.db, kind, key)
      }
    })
    if (refusals.length) throw new GlossError('invalid_input', refusals[0])
  }

  /** Mirrors one outbox entry. Returns false to keep it for later (the member's id is not known yet). */
  private mirror(kind: string, key: string, refusals: string[]): boolean {
    const writes: { projectId: string; kind: EntityKind | 'meta'; raw: Record<string, unknown> }[] = []
    const shared = (projectId: string | null): projectId is string => !!projectId && !!store.link(this.db, projectId)
    switch (kind) {
      case 'project': {
        const meta = rows.projectMeta(this.db, key)
        if (meta && shared(key)) writes.push({ projectId: key, kind: 'meta', raw: meta })
        break
      }
      case 'source':
        for (const p of rows.sharedProjectsOfArticle(this.db, key)) {
          const s = rows.sourceRow(this.db, key, p)
          if (s) writes.push({ projectId: p, kind: 'sources', raw: s })
        }
        break
      case 'membership': {
        const [p, a] = key.split(':')
        const s = shared(p) ? rows.sourceRow(this.db, a, p) : null
        if (s) writes.push({ projectId: p, kind: 'sources', raw: s })
        break
      }
      case 'highlight': {
        const h = rows.highlightRow(this.db, key)
        if (h) for (const p of rows.sharedProjectsOfArticle(this.db, h.articleId as string)) writes.push({ projectId: p, kind: 'highlights', raw: h })
        break
      }
      case 'tag': {
        const t = rows.tagRow(this.db, key)
        if (t) for (const p of this.projectsUsingTag(key)) writes.push({ projectId: p, kind: 'tags', raw: t })
        break
      }
      case 'tag_link': {
        const [tagId, targetKind, targetId] = key.split(':')
        const l = rows.tagLinkRow(this.db, tagId, targetKind, targetId)
        const t = rows.tagRow(this.db, tagId)
        if (l && t) {
          for (const p of this.projectsOfTarget(targetKind, targetId)) {
            writes.push({ projectId: p, kind: 'tags', raw: t })
            writes.push({ projectId: p, kind: 'tagLinks', raw: l })
          }
        }
        break
      }
      case 'ach': {
        const row = getMatrixRow(this.db, key)
        if (row && shared(row.project_id)) writes.push({ projectId: row.project_id, kind: 'achMatrices', raw: {} })
        break
      }
      case 'note': {
        const n = rows.noteMetaRow(this.db, key)
        if (n && shared(n.projectId)) {
          const { projectId, ...meta } = n
          writes.push({ projectId: projectId!, kind: 'notes', raw: meta })
        }
        break
      }
    }
    for (const w of writes) {
      const l = store.link(this.db, w.projectId)!
      if (!l.memberId) return false
      const sd = this.openProject(w.projectId)
      if (w.kind === 'achMatrices') w.raw = this.achToShare(sd, key, l.memberId)
      const why = this.write(sd, l, w.kind, w.raw)
      if (why) refusals.push(why)
      else if (w.kind === 'achMatrices' && rawEntity(sd.doc, 'achMatrices', key)?.version === w.raw.version) {
        rows.setAchVersion(this.db, key, { version: w.raw.version as string, editedBy: w.raw.editedBy as string })
      }
      if (w.kind === 'notes' && !why) this.shareNoteText(w.projectId, w.raw.id as string)
    }
    return true
  }

  /**
   * A matrix row as the record to write: a new version on top of the one the document holds, or — when the row
   * says what the document already does — that version unchanged (nothing is written).
   */
  private achToShare(sd: SharedDoc, key: string, memberId: string): Record<string, unknown> {
    const row = getMatrixRow(this.db, key)!
    const before = readEntity(sd.doc, 'achMatrices', key, sd.projectId)
    if (before?.ok && sameAchContent(row, before.value) && row.updated_at === before.value.updatedAt) {
      const { version, history, editedBy } = before.value
      return achRowToRecord(row, { version, history, editedBy })
    }
    return achRowToRecord(row, nextVersion(before?.ok ? before.value : null, newId(), memberId))
  }

  private projectsOfTarget(kind: string, targetId: string): string[] {
    if (kind === 'article') return rows.sharedProjectsOfArticle(this.db, targetId)
    const h = rows.highlightRow(this.db, targetId)
    return h ? rows.sharedProjectsOfArticle(this.db, h.articleId as string) : []
  }

  private projectsUsingTag(tagId: string): string[] {
    const targets = this.db.prepare('SELECT target_kind, target_id FROM tag_links WHERE tag_id = ?').all(tagId) as { target_kind: string; target_id: string }[]
    return [...new Set(targets.flatMap((t) => this.projectsOfTarget(t.target_kind, t.target_id)))]
  }

  /** Checks and writes one record into a project document. Returns the refusal, if any (the row is then put back). */
  private write(sd: SharedDoc, l: store.ProjectLink, kind: EntityKind | 'meta', raw: Record<string, unknown>): string | null {
    if (kind === 'meta') {
      const meta = check(ProjectMetaRecord, raw)
      if (!meta.ok) return null
      const why = refusal(l.role, l.memberId!, { kind: 'meta', key: 'meta', before: {}, after: {} })
      if (why) {
        this.putBack(sd, 'meta', sd.projectId)
        return why
      }
      sd.doc.transact(() => writeMeta(sd.doc, meta.value), LOCAL)
      return null
    }
    const key = kind === 'tagLinks' ? tagLinkKey(raw as never) : (raw.id as string)
    const before = rawEntity(sd.doc, kind, key)
    const record = checkEntity(kind, key, { ...raw, by: before?.by ?? l.memberId }, sd.projectId)
    if (!record.ok) {
      this.log(`sync: ${kind} ${key} is not shared: ${record.reason}`)
      return null
    }
    const after = { ...(before ?? {}), ...(record.value as object), by: before?.by ?? l.memberId }
    if (before && Object.entries(record.value as object).every(([k, v]) => k === 'by' || JSON.stringify(before[k]) === JSON.stringify(v))) return null
    const why = refusal(l.role, l.memberId!, { kind, key, before, after: after as Record<string, unknown> })
    if (why) {
      this.putBack(sd, kind, key)
      return why
    }
    sd.doc.transact(() => writeEntity(sd.doc, kind, record.value as RecordOf[typeof kind], l.memberId!), LOCAL)
    return null
  }

  /** Undoes a refused local change: the row becomes what the document says (or is tombstoned when it has none). */
  private putBack(sd: SharedDoc, kind: EntityKind | 'meta', key: string): void {
    const now = nowIso()
    store.setApplying(this.db, true)
    try {
      if (kind === 'meta') {
        if (!this.applyMeta(sd)) this.db.prepare('UPDATE projects SET deleted_at = NULL WHERE id = ?').run(sd.projectId)
        return
      }
      const r = readEntity(sd.doc, kind, key, sd.projectId)
      if (r?.ok && kind === 'achMatrices') {
        // The document's version as it is, without the rule for concurrent saves: a refused edit is not a save.
        const m = r.value as RecordOf['achMatrices']
        rows.applyAchMatrix(this.db, m)
        rows.setAchVersion(this.db, key, { version: m.version, editedBy: m.editedBy })
        return
      }
      if (r?.ok) return this.applyEntity(sd, kind, key, now)
      if (kind === 'achMatrices') this.db.prepare('UPDATE ach_matrices SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, key)
      if (kind === 'highlights') this.db.prepare('UPDATE highlights SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, key)
      else if (kind === 'sources') this.db.prepare('UPDATE project_sources SET deleted_at = ? WHERE project_id = ? AND article_id = ?').run(now, sd.projectId, key)
      else if (kind === 'notes') this.db.prepare('UPDATE notes SET deleted_at = ? WHERE id = ?').run(now, key)
      else if (kind === 'tagLinks') {
        const [tagId, k, target] = key.split(':')
        this.db.prepare('UPDATE tag_links SET deleted_at = ? WHERE tag_id = ? AND target_kind = ? AND target_id = ?').run(now, tagId, k, target)
      }
    } finally {
      store.setApplying(this.db, false)
    }
  }

  /** A project note's text moves into its own document (once: when the project is shared, or the note made). */
  private shareNoteText(projectId: string, noteId: string): void {
    const row = this.db.prepare('SELECT doc, doc_version, shared, revision FROM notes WHERE id = ?').get(noteId) as
      | { doc: string; doc_version: number; shared: number; revision: number }
      | undefined
    if (!row || row.shared) return
    const sd = this.openNote(projectId, noteId)
    const { doc } = parseStoredDoc(row.doc, row.doc_version)
    const checked = doc ? checkNoteDoc(doc) : null
    if (checked?.ok && sd.doc.getXmlFragment('default').length === 0) writeNoteDoc(sd.doc, checked.value, LOCAL)
    store.setApplying(this.db, true)
    this.db.prepare('UPDATE notes SET shared = 1 WHERE id = ?').run(noteId)
    store.setApplying(this.db, false)
    store.saveRevisionState(this.db, noteId, row.revision, Y.encodeStateAsUpdate(sd.doc))
  }

  // --------------------------------------------------------------------------------------- shared notes

  /** Whether a note's text lives in a shared document. */
  isSharedNote(noteId: string): boolean {
    const r = this.db.prepare('SELECT shared, project_id FROM notes WHERE id = ? AND deleted_at IS NULL').get(noteId) as { shared: number; project_id: string | null } | undefined
    return !!r?.shared && this.isShared(r.project_id)
  }

  /**
   * Saves a shared note: the editor's document becomes the note's Yjs document with the fewest changes
   * (y-prosemirror), from the revision the editor started from — so a colleague's text that arrived meanwhile
   * stays. When it had to be merged, `merged` is the note as it is now (both texts); the revision returned is the
   * editor's own, so its next save merges again from there.
   */
  saveSharedNote(req: { id: string; baseRevision: number; doc: PMNode }): { ok: true; note: NoteSummary; merged?: Note } | { ok: false; conflict: true; current: Note } {
    const checked = checkNoteDoc(req.doc)
    if (!checked.ok) throw new GlossError('invalid_input', `The note could not be saved: ${checked.reason}.`)
    return writeTx(this.db, () => {
      const row = this.db.prepare('SELECT project_id, revision FROM notes WHERE id = ? AND deleted_at IS NULL').get(req.id) as
        | { project_id: string; revision: number }
        | undefined
      if (!row) throw new GlossError('not_found', 'This note no longer exists (it may have been deleted).')
      const l = store.link(this.db, row.project_id)!
      const why = refusal(l.role, l.memberId ?? '', { kind: 'note', key: req.id, before: {}, after: {} })
      if (why) throw new GlossError('invalid_input', `This note was not saved. ${why}.`)
      const sd = this.openNote(row.project_id, req.id)
      const now = nowIso()
      let viewRevision: number | null = null
      if (req.baseRevision === row.revision) {
        writeNoteDoc(sd.doc, checked.value, LOCAL)
      } else {
        const base = store.revisionState(this.db, req.id, req.baseRevision)
        if (!base) return { ok: false as const, conflict: true as const, current: getNote(this.db, req.id)! }
        const fork = new Y.Doc()
        Y.applyUpdate(fork, base)
        const sv = Y.encodeStateVector(fork)
        writeNoteDoc(fork, checked.value)
        // The editor's own view (its base plus its edits) gets a revision of its own, then the merge the next one.
        this.db.prepare('UPDATE notes SET revision = revision + 1 WHERE id = ?').run(req.id)
        viewRevision = row.revision + 1
        store.saveRevisionState(this.db, req.id, viewRevision, Y.encodeStateAsUpdate(fork))
        Y.applyUpdate(sd.doc, Y.encodeStateAsUpdate(fork, sv), LOCAL)
        fork.destroy()
      }
      const merged = readNoteDoc(sd.doc)
      if (!merged.ok) throw new GlossError('invalid_input', `The note could not be saved: ${merged.reason}.`)
      store.setApplying(this.db, true)
      try {
        const revision = rows.applyNoteDoc(this.db, req.id, merged.value, now)!
        store.saveRevisionState(this.db, req.id, revision, Y.encodeStateAsUpdate(sd.doc))
      } finally {
        store.setApplying(this.db, false)
      }
      const note = getNote(this.db, req.id)!
      const { doc: _d, docVersion: _v, text: _t, readOnlyReason: _r, ...summary } = note
      if (viewRevision === null) return { ok: true as const, note: summary }
      return { ok: true as const, note: { ...summary, revision: viewRevision }, merged: note }
    })
  }

  // ----------------------------------------------------------------------------------------- connection

  private socketFor(server: string): HocuspocusProviderWebsocket {
    let s = this.sockets.get(server)
    if (!s) {
      s = new HocuspocusProviderWebsocket({ url: server, WebSocketPolyfill: WebSocket, delay: 500, minDelay: 200, factor: 1.5, maxDelay: 5_000, messageReconnectTimeout: 15_000 })
      this.sockets.set(server, s)
    }
    return s
  }

  private tokenFor(projectId: string): string {
    const l = store.link(this.db, projectId)
    if (!l) return '{}'
    return JSON.stringify(l.mode === 'create' ? { create: l.token, name: l.memberName } : { member: l.token, name: l.memberName })
  }

  private attach(sd: SharedDoc): void {
    if (sd.provider || this.closed) return
    const l = store.link(this.db, sd.projectId)
    if (!l) return
    sd.provider = new HocuspocusProvider({
      websocketProvider: this.socketFor(l.server),
      name: sd.name,
      document: sd.doc,
      token: () => this.tokenFor(sd.projectId),
      onAuthenticationFailed: ({ reason }) => {
        sd.refused = REFUSALS[reason] ?? `The team server refused the connection (${reason.slice(0, 80)}).`
        this.safe(() => store.updateLink(this.db, sd.projectId, { lastError: sd.refused }))
        this.emit('status', sd.projectId)
      },
      onAuthenticated: () => {
        sd.refused = null
        this.emit('status', sd.projectId)
      },
      onStatus: () => this.emit('status', sd.projectId),
      onSynced: () => this.emit('status', sd.projectId),
      onAwarenessChange: () => this.emit(sd.noteId ? 'carets' : 'presence', sd.noteId ?? sd.projectId),
      onClose: ({ event }) => {
        // The server closed this document's connection for a reason it names (a member removed meanwhile).
        const why = REFUSALS[event?.reason ?? '']
        if (!why) return
        sd.refused = why
        this.safe(() => store.updateLink(this.db, sd.projectId, { lastError: why }))
        this.emit('status', sd.projectId)
      },
      onStateless: ({ payload }) => this.onStateless(sd, payload),
      onUnsyncedChanges: ({ number }) => {
        if (number !== 0 || !sd.provider?.isSynced) return
        this.safe(() => {
          store.ack(this.db, sd.name, sd.maxId)
          store.updateLink(this.db, sd.projectId, { lastSyncedAt: nowIso(), lastError: null })
        })
        this.emit('status', sd.projectId)
      }
    })
    sd.provider.attach()
  }

  private safe(fn: () => void): void {
    if (this.closed || !this.db.open) return
    try {
      writeTx(this.db, fn)
    } catch (error) {
      this.log(`sync: ${(error as Error).message}`)
    }
  }

  private onStateless(sd: SharedDoc, payload: string): void {
    const m = parseMessage(ServerMessage, payload)
    if (!m) return
    if (m.type === 'welcome') {
      const l = store.link(this.db, sd.projectId)
      if (!l) return
      if (l.memberId !== m.memberId || l.mode !== 'member' || l.role !== m.role) {
        this.safe(() => store.updateLink(this.db, sd.projectId, { memberId: m.memberId, role: m.role, mode: 'member' }))
      }
      this.welcomed.get(sd.projectId)?.(m.memberId)
      if (!sd.noteId) this.announce(sd)
      return
    }
    const pending = this.requests.get(m.id ?? '')
    if (!pending) return
    this.requests.delete(m.id!)
    clearTimeout(pending.timer)
    if (m.type === 'error') pending.reject(new GlossError('invalid_input', m.message))
    else pending.resolve(m)
  }

  /** Connects a shared project's documents (the project, then its notes). */
  connect(projectId: string): void {
    const sd = this.openProject(projectId)
    this.attach(sd)
    for (const other of this.docs.values()) if (other.projectId === projectId && other !== sd) this.attach(other)
    for (const noteId of entityKeys(sd.doc, 'notes')) this.openNote(projectId, noteId)
  }

  private disconnect(projectId: string): void {
    for (const [name, sd] of this.docs) {
      if (sd.projectId !== projectId) continue
      sd.provider?.destroy()
      sd.doc.destroy()
      this.docs.delete(name)
    }
  }

  private request(projectId: string, req: ClientRequest, timeoutMs = 15_000): Promise<ServerMessage> {
    const sd = this.docs.get(projectDocName(projectId))
    if (!sd?.provider) return Promise.reject(new GlossError('invalid_input', 'This project is not connected to its team server.'))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.requests.delete(req.id)
        reject(new GlossError('internal', 'The team server did not answer in time. Check that it is running and try again.'))
      }, timeoutMs)
      this.requests.set(req.id, { resolve, reject, timer })
      sd.provider!.sendStateless(JSON.stringify(req))
    })
  }

  /** Resolves with the member id once the server has welcomed this member into the project. */
  private awaitWelcome(projectId: string, timeoutMs: number): Promise<string> {
    const l = store.link(this.db, projectId)
    if (l?.memberId && l.mode === 'member' && this.docs.get(projectDocName(projectId))?.provider?.isAuthenticated) return Promise.resolve(l.memberId)
    return new Promise((resolve, reject) => {
      const started = Date.now()
      const tick = setInterval(() => {
        const sd = this.docs.get(projectDocName(projectId))
        if (sd?.refused) done(new GlossError('invalid_input', sd.refused))
        else if (Date.now() - started > timeoutMs) done(new GlossError('internal', `Gloss could not reach the team server at ${l?.server}. Check the address and that the server is running.`))
      }, 50)
      const done = (error: Error | null, memberId?: string): void => {
        clearInterval(tick)
        this.welcomed.delete(projectId)
        if (error) reject(error)
        else resolve(memberId!)
      }
      this.welcomed.set(projectId, (memberId) => done(null, memberId))
    })
  }

  /** Waits until every document of the project is synced with the server and nothing local is unacknowledged. */
  async waitSynced(projectId: string, timeoutMs = 30_000): Promise<void> {
    const started = Date.now()
    for (;;) {
      this.flush()
      const mine = [...this.docs.values()].filter((d) => d.projectId === projectId)
      const refused = mine.find((d) => d.refused)
      if (refused) throw new GlossError('invalid_input', refused.refused!)
      if (mine.every((d) => d.provider?.isSynced && d.provider.unsyncedChanges === 0) && !store.hasOutbox(this.db)) return
      if (Date.now() - started > timeoutMs) {
        const l = store.link(this.db, projectId)
        throw new GlossError('internal', `Gloss could not finish syncing with the team server at ${l?.server ?? '?'} (it may be offline). Your changes are kept and sent later.`)
      }
      await new Promise((r) => setTimeout(r, 25))
    }
  }

  // -------------------------------------------------------------------------------------------- the API

  /**
   * Shares a project on a team server (the first time: it is put there, with this member as its owner, its notes'
   * text moving into shared documents) and makes an invite for a colleague with `role`.
   */
  async shareProject(req: { projectId: string; server: string; role: InviteRole; name?: string }): Promise<{ invite: string; memberId: string }> {
    const server = teamServerUrl(req.server)
    if (!server) throw new GlossError('invalid_input', 'The team server address must start with ws:// or wss:// (for example ws://127.0.0.1:8080).')
    const project = this.db.prepare('SELECT id FROM projects WHERE id = ? AND deleted_at IS NULL').get(req.projectId)
    if (!project) throw new GlossError('not_found', 'This project does not exist (it may have been deleted).')
    let l = store.link(this.db, req.projectId)
    if (l && l.server !== server) throw new GlossError('invalid_input', `This project is shared on another team server (${l.server}).`)
    if (l && l.role !== 'owner') throw new GlossError('invalid_input', 'Only the member who shared this project can invite colleagues.')
    if (!l) {
      writeTx(this.db, () =>
        store.insertLink(this.db, { projectId: req.projectId, server, token: newToken(), mode: 'create', memberId: null, memberName: req.name ?? this.memberName(), role: 'owner' })
      )
      l = store.link(this.db, req.projectId)!
    }
    this.connect(req.projectId)
    try {
      await this.awaitWelcome(req.projectId, 15_000)
    } catch (error) {
      if (l.mode === 'create') {
        this.disconnect(req.projectId)
        writeTx(this.db, () => this.db.prepare('DELETE FROM sync_projects WHERE project_id = ?').run(req.projectId))
      }
      throw error
    }
    if (l.mode === 'create') this.pushAll(req.projectId)
    await this.waitSynced(req.projectId)
    const answer = await this.request(req.projectId, { type: 'invite', id: newId(), role: req.role, name: '' })
    if (answer.type !== 'invite') throw new GlossError('internal', 'The team server gave an unexpected answer.')
    return { invite: formatInvite({ server, project: req.projectId, role: answer.role, token: answer.token }), memberId: answer.memberId }
  }

  /** Everything of a project into its document (when it is first shared). */
  private pushAll(projectId: string): void {
    writeTx(this.db, () => {
      const put = (kind: string, key: string): void => {
        this.db.prepare("INSERT INTO sync_outbox (kind, key, at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT DO NOTHING").run(kind, key)
      }
      put('project', projectId)
      const articles = rows.projectArticleIds(this.db, projectId)
      for (const a of articles) put('membership', `${projectId}:${a}`)
      const highlights = rows.highlightIdsOfArticles(this.db, articles)
      for (const h of highlights) put('highlight', h)
      for (const t of rows.tagLinksOf(this.db, highlights, articles)) put('tag_link', `${t.tag_id}:${t.target_kind}:${t.target_id}`)
      for (const n of rows.noteIdsOfProject(this.db, projectId)) put('note', n)
      for (const m of rows.achIdsOfProject(this.db, projectId)) put('ach', m)
    })
    this.flush()
  }

  /** Joins a project from an invite: it is fetched whole (sources, highlights, tags, notes) into this library. */
  async joinProject(req: { invite: string; name?: string }): Promise<string> {
    const invite = parseInvite(req.invite)
    const existing = this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(invite.project)
    if (existing) {
      throw new GlossError(
        'conflict',
        store.link(this.db, invite.project) ? 'You have joined this project already.' : 'This library already has this project (it was shared from here).'
      )
    }
    writeTx(this.db, () =>
      store.insertLink(this.db, { projectId: invite.project, server: invite.server, token: invite.token, mode: 'member', memberId: null, memberName: req.name ?? this.memberName(), role: invite.role })
    )
    this.connect(invite.project)
    try {
      await this.awaitWelcome(invite.project, 15_000)
      await this.waitSynced(invite.project)
      // The notes' documents are opened as their titles arrive; wait for them too.
      await this.waitSynced(invite.project)
    } catch (error) {
      this.disconnect(invite.project)
      if (!this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(invite.project)) {
        writeTx(this.db, () => this.db.prepare('DELETE FROM sync_projects WHERE project_id = ?').run(invite.project))
      }
      throw error
    }
    if (!this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(invite.project)) {
      throw new GlossError('internal', 'The team server sent no project for this invite.')
    }
    return invite.project
  }

  /** Connects every shared project, sends and receives everything, and disconnects ("gloss sync --once"). */
  async syncOnce(timeoutMs = 30_000): Promise<SyncStatus[]> {
    this.open()
    this.flush()
    const ids = store.links(this.db).map((l) => l.projectId)
    for (const id of ids) this.connect(id)
    const problems: string[] = []
    for (const id of ids) {
      try {
        await this.waitSynced(id, timeoutMs)
        await this.waitSynced(id, timeoutMs)
      } catch (error) {
        problems.push((error as Error).message)
      }
    }
    const status = this.status()
    if (problems.length) throw new GlossError('internal', problems[0])
    return status
  }

  status(): SyncStatus[] {
    return store.links(this.db).map((l) => {
      const mine = [...this.docs.values()].filter((d) => d.projectId === l.projectId)
      const project = mine.find((d) => !d.noteId)
      const refused = mine.find((d) => d.refused)?.refused ?? null
      const title = (this.db.prepare('SELECT title FROM projects WHERE id = ?').get(l.projectId) as { title: string } | undefined)?.title ?? ''
      const connected = !!project?.provider?.isAuthenticated
      const synced = connected && mine.every((d) => d.provider?.isSynced && d.provider.unsyncedChanges === 0)
      return {
        projectId: l.projectId,
        title,
        server: l.server,
        role: l.role,
        memberId: l.memberId,
        state: refused ? 'refused' : synced ? 'synced' : connected ? 'syncing' : project?.provider ? 'connecting' : 'offline',
        pendingChanges: store.pendingCount(this.db, [...new Set([...mine.map((d) => d.name), projectDocName(l.projectId)])]),
        lastSyncedAt: l.lastSyncedAt,
        error: refused ?? l.lastError,
        rejected: this.rejected
      }
    })
  }

  members(projectId: string): MemberRecord[] {
    if (!store.link(this.db, projectId)) throw new GlossError('not_found', 'This project is not shared.')
    const sd = this.openProject(projectId)
    return entityKeys(sd.doc, 'members')
      .map((k) => readEntity(sd.doc, 'members', k))
      .filter((r): r is { ok: true; value: MemberRecord } => !!r?.ok)
      .map((r) => r.value)
  }

  async removeMember(projectId: string, memberId: string): Promise<void> {
    const l = store.link(this.db, projectId)
    if (!l) throw new GlossError('not_found', 'This project is not shared.')
    if (l.role !== 'owner') throw new GlossError('invalid_input', 'Only the member who shared this project can remove members.')
    this.connect(projectId)
    await this.awaitWelcome(projectId, 15_000)
    await this.request(projectId, { type: 'remove', id: newId(), memberId })
  }

  /** Stops syncing a project here; the library keeps it as a local project (notes keep their last text). */
  leaveProject(projectId: string): void {
    this.disconnect(projectId)
    writeTx(this.db, () => {
      if (!store.leave(this.db, projectId)) throw new GlossError('not_found', 'This project is not shared.')
      store.setApplying(this.db, true)
      this.db.prepare('UPDATE notes SET shared = 0 WHERE project_id = ?').run(projectId)
      store.setApplying(this.db, false)
    })
  }

  private memberName(): string {
    if (this.opts.memberName) return this.opts.memberName
    const user = process.env.USER ?? process.env.USERNAME ?? ''
    return user.slice(0, 100)
  }

  /** For tests and the bench: the in-memory document of a project or note. */
  docFor(name: string): Y.Doc | null {
    return this.docs.get(name)?.doc ?? null
  }

  /** Writes each document's acknowledged log as one snapshot (start-up housekeeping). */
  compactAll(): void {
    writeTx(this.db, () => {
      for (const sd of this.docs.values()) store.compact(this.db, sd.name, Y.encodeStateAsUpdate(sd.doc), sd.maxId)
    })
  }
}

function mergeChanges(a: ChangedEntities | null, b: ChangedEntities): ChangedEntities {
  if (!a) return b
  for (const [kind, keys] of b.entities) {
    const set = a.entities.get(kind) ?? new Set<string>()
    for (const k of keys) set.add(k)
    a.entities.set(kind, set)
  }
  return { meta: a.meta || b.meta, entities: a.entities, foreign: [...a.foreign, ...b.foreign], removed: [...a.removed, ...b.removed] }
}

export { entityMap }
