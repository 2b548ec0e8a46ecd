// The Gloss team server: Hocuspocus with
//   - authentication by invite token (hashed in team.db) per project, roles enforced on every connection (a reader's
//     connection is read-only; every other update passes the Gate: role rules and the schema),
//   - durable persistence in team.db (each update appended before it is acknowledged; the log compacted on
//     Hocuspocus's debounced store),
//   - owners' requests over stateless messages: make an invite, remove a member (whose connections close at once, on
//     every instance: the removal is written into the project document, which Redis carries to the others),
//   - optionally @hocuspocus/extension-redis, so several instances behind a load balancer serve one project.
// It serves no files and answers every plain HTTP request with 404. It listens on 127.0.0.1 unless told otherwise.
import type { AddressInfo } from 'node:net'
import { Server, type Extension, type Hocuspocus, type Document } from '@hocuspocus/server'
import { Redis } from '@hocuspocus/extension-redis'
import * as Y from 'yjs'
import { newToken } from '../../../core/sync/invite'
import { parseDocName, projectDocName, type DocName } from '../../../core/sync/names'
import { writeEntity, entityMap } from '../../../core/sync/project-doc'
import { AuthToken, ClientRequest, parseMessage, type ServerMessage } from '../../../core/sync/protocol'
import type { MemberRecord, Role } from '../../../core/sync/records'
import { Gate } from './gate'
import { TeamStore, type MemberRow } from './store'

export interface TeamServerOptions {
  dataDir: string
  port: number
  /** Address to listen on (default 127.0.0.1: put a reverse proxy with TLS in front to serve a team). */
  host?: string
  /** redis://host:port — several instances sharing one data folder and one Redis serve the same projects. */
  redis?: string
  /** Milliseconds between a change and folding the document's log (Hocuspocus's debounce; default 2000). */
  compactAfter?: number
  log?: (line: string) => void
}

export interface TeamServer {
  url: string
  port: number
  hocuspocus: Hocuspocus
  store: TeamStore
  close(): Promise<void>
}

interface Ctx {
  memberId: string
  role: Role
  projectId: string
  name: DocName
}

/** Most bytes one message may carry (a large source is up to 20 MB of text). */
const MAX_MESSAGE = 64 * 1024 * 1024
const SERVER_ORIGIN = 'gloss-team-server'

const refuse = (reason: string): { reason: string } => ({ reason })

export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  const store = new TeamStore(opts.dataDir)
  const log = opts.log ?? (() => {})
  const gates = new Map<string, Gate>()
  const loaded = new Set<string>()

  const send = (connection: { sendStateless(payload: string): void }, message: ServerMessage): void =>
    connection.sendStateless(JSON.stringify(message))

  /** Writes a member into the project document (the list every member sees), as the server. */
  function writeMember(document: Y.Doc, m: MemberRecord): void {
    document.transact(() => writeEntity(document, 'members', m), SERVER_ORIGIN)
  }

  /** Closes every connection of members the project document marks as removed (on this instance). */
  function closeRemoved(instance: Hocuspocus, projectId: string): void {
    for (const [name, document] of instance.documents) {
      if (parseDocName(name)?.projectId !== projectId) continue
      for (const connection of document.getConnections()) {
        const ctx = connection.context as Ctx
        if (!store.isLiveMember(ctx.memberId)) connection.close({ code: 4401, reason: 'member-removed' })
      }
    }
  }

  const gloss: Extension = {
    extensionName: 'gloss',
    async onRequest({ response }) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('This is a Gloss team server. It serves no pages or files; connect to it from Gloss.\n')
      throw null
    },

    async onAuthenticate({ token, documentName, connectionConfig }) {
      const name = parseDocName(documentName)
      if (!name) throw refuse('bad-document')
      const auth = parseMessage(AuthToken, token)
      if (!auth) throw refuse('invalid-invite')
      if ('create' in auth) {
        if (name.kind !== 'project') throw refuse('unknown-project')
        const owner = store.createProject(name.projectId, auth.create, auth.name)
        if (!owner) {
          // Asking again to create a project one already owns (a retry) is a plain connection.
          const again = store.memberByToken(name.projectId, auth.create)
          if (!again || again.role !== 'owner' || again.removedAt) throw refuse('project-exists')
          return { memberId: again.id, role: again.role, projectId: name.projectId, name } satisfies Ctx
        }
        log(`project ${name.projectId} shared by ${owner.id}`)
        return { memberId: owner.id, role: owner.role, projectId: name.projectId, name, created: owner } as Ctx
      }
      if (!store.hasProject(name.projectId)) throw refuse('unknown-project')
      const member = store.memberByToken(name.projectId, auth.member)
      if (!member) throw refuse('invalid-invite')
      if (member.removedAt) throw refuse('member-removed')
      if (member.role === 'reader') connectionConfig.readOnly = true
      const named = name.kind === 'project' && !!auth.name?.trim() && store.nameMember(member.id, auth.name.trim())
      return { memberId: member.id, role: member.role, projectId: name.projectId, name, ...(named ? { named: { ...member, name: auth.name!.trim() } } : {}) } as Ctx
    },

    async onLoadDocument({ document, documentName }) {
      const state = store.loadDoc(documentName)
      if (state) Y.applyUpdate(document, state)
      return document
    },

    async afterLoadDocument({ document, documentName, instance }) {
      loaded.add(documentName)
      gates.set(documentName, new Gate(document, documentName))
      // Durable before acknowledged: Hocuspocus applies a member's update (this listener runs, synchronously) and
      // only then sends its SyncStatus.
      document.on('update', (update: Uint8Array) => store.appendUpdate(documentName, update))
      const name = parseDocName(documentName)
      if (name?.kind === 'project') {
        // A removal written by another instance (through Redis) closes the member's connections here too.
        entityMap(document, 'members').observeDeep(() => closeRemoved(instance, name.projectId))
      }
    },

    async connected({ connection, context, documentName, instance }) {
      const ctx = context as Ctx & { created?: MemberRow; named?: MemberRow }
      const m = ctx.created ?? ctx.named
      const document = instance.documents.get(documentName)
      if (m && document) writeMember(document, { id: m.id, name: m.name, role: m.role, addedAt: m.createdAt, removedAt: null })
      send(connection, { type: 'welcome', memberId: ctx.memberId, role: ctx.role })
    },

    async beforeHandleMessage({ update, documentName, context, connection }) {
      const ctx = context as Ctx
      // A removed member's open connections stop at once, even mid-stream.
      if (!store.isLiveMember(ctx.memberId)) throw Object.assign(new Error('member removed'), { code: 4401, reason: 'member-removed' })
      const gate = gates.get(documentName)
      if (!gate) return
      try {
        gate.checkMessage(update, ctx.role, ctx.memberId, connection.readOnly)
      } catch (error) {
        log(`refused an update to ${documentName} from member ${ctx.memberId}: ${(error as Error).message}`)
        throw error
      }
    },

    async onStateless({ connection, document, documentName, payload }) {
      const ctx = connection.context as Ctx
      const request = parseMessage(ClientRequest, payload)
      if (!request) return
      if (ctx.name.kind !== 'project' || documentName !== projectDocName(ctx.projectId)) return
      if (ctx.role !== 'owner') {
        send(connection, { type: 'error', id: request.id, message: 'Only the member who shared this project can invite or remove members.' })
        return
      }
      if (request.type === 'invite') {
        const token = newToken()
        const member = store.addMember(ctx.projectId, request.role, token, request.name)
        writeMember(document, { id: member.id, name: member.name, role: member.role, addedAt: member.createdAt, removedAt: null })
        send(connection, { type: 'invite', id: request.id, token, memberId: member.id, role: request.role })
        log(`invite for a new ${request.role} of ${ctx.projectId}`)
      } else {
        const at = store.removeMember(ctx.projectId, request.memberId)
        if (!at) {
          send(connection, { type: 'error', id: request.id, message: 'There is no such member in this project (or it is its owner).' })
          return
        }
        const m = entityMap(document, 'members').get(request.memberId)
        const fields = m instanceof Y.Map ? (m.toJSON() as MemberRecord) : { id: request.memberId, name: '', role: 'reader' as Role, addedAt: at }
        writeMember(document, { ...fields, removedAt: at })
        closeRemoved(server.hocuspocus, ctx.projectId)
        send(connection, { type: 'removed', id: request.id })
        log(`member ${request.memberId} removed from ${ctx.projectId}`)
      }
    },

    async onStoreDocument({ document, documentName }) {
      store.compact(documentName, Y.encodeStateAsUpdate(document))
    },

    async afterUnloadDocument({ documentName }) {
      gates.get(documentName)?.destroy()
      gates.delete(documentName)
      loaded.delete(documentName)
    }
  }

  const extensions: Extension[] = [gloss]
  if (opts.redis) {
    const u = new URL(opts.redis)
    const redis = new Redis({ host: u.hostname, port: Number(u.port || 6379), prefix: 'gloss' })
    // Both connections ready before the first document subscribes: a SUBSCRIBE queued while ioredis still runs its
    // ready check puts the connection in subscriber mode mid-check, and that document never loads.
    await redisReady(redis, opts.redis)
    extensions.push(redis)
  }

  const server = new Server(
    {
      name: 'gloss-team-server',
      port: opts.port,
      quiet: true,
      debounce: opts.compactAfter ?? 2000,
      maxDebounce: 10_000,
      extensions
    },
    { maxPayload: MAX_MESSAGE }
  )
  // Not server.listen(): Hocuspocus 3 hands Node `address`, which listen() ignores (it binds every interface).
  // Loopback unless asked otherwise.
  await new Promise<void>((done, fail) => {
    server.httpServer.once('error', fail)
    server.httpServer.listen({ port: opts.port, host: opts.host ?? '127.0.0.1' }, () => done())
  })
  const address = server.httpServer.address() as AddressInfo
  const host = address.address.includes(':') ? `[${address.address}]` : address.address
  return {
    url: `ws://${host}:${address.port}`,
    port: address.port,
    hocuspocus: server.hocuspocus,
    store,
    close: async () => {
      // Stopped means gone: members' sockets close now (they reconnect when a server is back), not at their timeout.
      for (const client of server.webSocketServer.clients) client.terminate()
      await server.destroy()
      for (const g of gates.values()) g.destroy()
      store.close()
    }
  }
}

/** Waits until the extension's two Redis connections are ready (or says plainly that Redis cannot be reached). */
async function redisReady(redis: Redis, url: string): Promise<void> {
  const ready = (c: Redis['pub']): Promise<void> =>
    new Promise((done, fail) => {
      if ((c as { status?: string }).status === 'ready') return done()
      const timer = setTimeout(() => fail(new Error(`Gloss could not reach Redis at ${url} (no answer within 10 s). Check the address and that Redis is running.`)), 10_000)
      c.once('ready', () => {
        clearTimeout(timer)
        done()
      })
    })
  try {
    await Promise.all([ready(redis.pub), ready(redis.sub)])
  } catch (error) {
    redis.pub.disconnect()
    redis.sub.disconnect()
    throw error
  }
}

export type { Document }
