// A shared project as one Yjs document, and the mapping between its records and Y types, both ways.
//
// Layout (every entity is a Y.Map of its fields, so two members changing different fields of one highlight both
// win; a field holds a plain JSON value, replaced whole):
//   meta        Y.Map   the project's id, title, times, tombstone and the layout version
//   sources     Y.Map   article id -> Y.Map of a SourceRecord (details, paragraphs, when it joined/left the project)
//   highlights  Y.Map   highlight id -> Y.Map of a HighlightRecord
//   tags        Y.Map   tag id -> Y.Map of a TagRecord
//   tagLinks    Y.Map   "tag:kind:target" -> Y.Map of a TagLinkRecord
//   notes       Y.Map   note id -> Y.Map of a NoteMetaRecord (the text lives in the note's own document)
//   achMatrices Y.Map   matrix id -> Y.Map of an AchMatrixRecord (the matrix itself one JSON field: see ach-record.ts)
//   members     Y.Map   member id -> Y.Map of a MemberRecord (written by the team server only)
// Nothing is ever removed from a map: deletes are tombstones (deletedAt / removedAt), as in SQLite.
import * as Y from 'yjs'
import { checkEntity, ENTITY_KINDS, keyOf, ProjectMetaRecord, check, type Checked, type EntityKind, type RecordOf } from './records'

export const LAYOUT_VERSION = 1
export const META = 'meta'
/** Top-level names a project document may have. */
export const PROJECT_ROOTS: ReadonlySet<string> = new Set([META, ...ENTITY_KINDS])

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export function entityMap(doc: Y.Doc, kind: EntityKind): Y.Map<Y.Map<unknown>> {
  return doc.getMap(kind)
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b))

/** Sets the fields of a Y.Map that differ from `fields` (undefined values are left out). Returns whether any changed. */
function setFields(map: Y.Map<unknown>, fields: Record<string, unknown>): boolean {
  let changed = false
  for (const [k, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (!sameValue(map.get(k), value)) {
      map.set(k, value)
      changed = true
    }
  }
  return changed
}

/** A Y value as plain JSON (a nested Y type as its toJSON). */
function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value
}

/** The fields of an entity as plain JSON, or undefined when there is no such entity (or it is not a map). */
export function rawEntity(doc: Y.Doc, kind: EntityKind, key: string): Record<string, unknown> | undefined {
  const value = entityMap(doc, kind).get(key) as unknown
  if (value === undefined) return undefined
  if (!(value instanceof Y.Map)) return { __notAMap: plain(value) }
  const out: Record<string, unknown> = {}
  for (const [k, v] of value.entries()) out[k] = plain(v)
  return out
}

/**
 * Writes a record into the document (only the fields that differ). A new entity is stamped with `by` (the member
 * who made it); an existing one keeps its maker. Returns whether anything changed. Call inside doc.transact.
 */
export function writeEntity<K extends EntityKind>(doc: Y.Doc, kind: K, record: RecordOf[K], by?: string): boolean {
  const map = entityMap(doc, kind)
  const key = keyOf(kind, record)
  const { by: _ignored, ...fields } = record as RecordOf[K] & { by?: string }
  let entity = map.get(key)
  if (!(entity instanceof Y.Map)) {
    entity = new Y.Map<unknown>()
    map.set(key, entity)
    if (by !== undefined && kind !== 'tags' && kind !== 'tagLinks' && kind !== 'members') entity.set('by', by)
    setFields(entity, fields as Record<string, unknown>)
    return true
  }
  return setFields(entity, fields as Record<string, unknown>)
}

/** One entity, checked: its clean record, the reason it is refused, or null when there is none. */
export function readEntity<K extends EntityKind>(doc: Y.Doc, kind: K, key: string, projectId?: string): Checked<RecordOf[K]> | null {
  const raw = rawEntity(doc, kind, key)
  if (raw === undefined) return null
  return checkEntity(kind, key, raw, projectId)
}

/** Keys of every entity of a kind. */
export function entityKeys(doc: Y.Doc, kind: EntityKind): string[] {
  return [...entityMap(doc, kind).keys()]
}

export function writeMeta(doc: Y.Doc, meta: ProjectMetaRecord): boolean {
  return setFields(doc.getMap(META), { ...meta, layout: LAYOUT_VERSION })
}

export function readMeta(doc: Y.Doc): Checked<ProjectMetaRecord> | null {
  const map = doc.getMap(META)
  if (map.size === 0) return null
  const layout = map.get('layout')
  if (layout !== LAYOUT_VERSION) {
    return { ok: false, reason: `was written by another version of Gloss (layout ${String(layout)}); update Gloss to read it` }
  }
  return check(ProjectMetaRecord, map.toJSON())
}

/** Entities touched by one transaction, by kind; `meta` when the project's details changed; `foreign` names roots no layout has. */
export interface ChangedEntities {
  meta: boolean
  entities: Map<EntityKind, Set<string>>
  /** Top-level names outside the layout that the transaction touched (only a foreign or hostile client makes them). */
  foreign: string[]
  /** Entities whose key was removed from its map (Gloss never does: deletes are tombstones). */
  removed: { kind: EntityKind; key: string }[]
}

const isEntityKind = (name: string): name is EntityKind => (ENTITY_KINDS as readonly string[]).includes(name)

/** What a transaction on a project document changed, from Yjs's own record of it (tr.changed). */
export function changedEntities(tr: Y.Transaction): ChangedEntities {
  const rootName = new Map<Y.AbstractType<any>, string>()
  for (const [name, type] of tr.doc.share) rootName.set(type, name)
  const out: ChangedEntities = { meta: false, entities: new Map(), foreign: [], removed: [] }
  const add = (kind: EntityKind, key: string): void => {
    let set = out.entities.get(kind)
    if (!set) out.entities.set(kind, (set = new Set()))
    set.add(key)
  }
  for (const [type, keys] of tr.changed) {
    // Walk up to the root, remembering the key directly under it.
    let t: Y.AbstractType<any> = type
    let keyUnderRoot: string | null = null
    while (t._item) {
      keyUnderRoot = t._item.parentSub
      t = t._item.parent as Y.AbstractType<any>
    }
    const name = rootName.get(t)
    if (name === undefined || !PROJECT_ROOTS.has(name)) {
      out.foreign.push(name ?? '(unnamed)')
      continue
    }
    if (name === META) {
      out.meta = true
      continue
    }
    if (!isEntityKind(name)) continue
    if (t === type) {
      // The kind's own map: entities added, replaced or removed.
      // Read through _map: on a document that has not asked for this map yet, the root is still an untyped AbstractType.
      const items = type._map
      for (const key of keys) {
        if (key === null) continue
        const item = items.get(key)
        if (!item || item.deleted) out.removed.push({ kind: name, key })
        else add(name, key)
      }
    } else if (keyUnderRoot !== null) add(name, keyUnderRoot)
  }
  return out
}
