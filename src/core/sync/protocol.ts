// The few messages a Gloss member and the team server exchange besides Yjs's own sync: how a connection
// authenticates (the token Hocuspocus carries), and the stateless requests an owner makes (invite, remove) with their
// answers. Both sides parse what they receive with these schemas; anything else is ignored.
import * as v from 'valibot'
import { ULID } from './names'
import { INVITE_ROLES, ROLES } from './records'
import { TOKEN } from './invite'

const token = v.pipe(v.string(), v.regex(TOKEN))
const memberName = v.pipe(v.string(), v.maxLength(100))
const requestId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,40}$/))

/** What a connection presents: a member's token, or — once, for a project the server does not have yet — a new owner's. */
export const AuthToken = v.union([
  v.object({ member: token, name: v.optional(memberName) }),
  v.object({ create: token, name: memberName })
])
export type AuthToken = v.InferOutput<typeof AuthToken>

export const ClientRequest = v.variant('type', [
  v.object({ type: v.literal('invite'), id: requestId, role: v.picklist(INVITE_ROLES), name: v.optional(memberName, '') }),
  v.object({ type: v.literal('remove'), id: requestId, memberId: v.pipe(v.string(), v.regex(ULID)) })
])
export type ClientRequest = v.InferOutput<typeof ClientRequest>

export const ServerMessage = v.variant('type', [
  v.object({ type: v.literal('welcome'), memberId: v.pipe(v.string(), v.regex(ULID)), role: v.picklist(ROLES) }),
  v.object({ type: v.literal('invite'), id: requestId, token, memberId: v.pipe(v.string(), v.regex(ULID)), role: v.picklist(INVITE_ROLES) }),
  v.object({ type: v.literal('removed'), id: requestId }),
  v.object({ type: v.literal('error'), id: v.optional(requestId), message: v.pipe(v.string(), v.maxLength(500)) })
])
export type ServerMessage = v.InferOutput<typeof ServerMessage>

/** Parses a JSON message with a schema; null when it is not JSON or does not fit. */
export function parseMessage<T>(schema: v.GenericSchema<unknown, T>, text: string): T | null {
  if (text.length > 10_000) return null
  try {
    const r = v.safeParse(schema, JSON.parse(text))
    return r.success ? r.output : null
  } catch {
    return null
  }
}

/** Why the server refused a connection (the reason Hocuspocus carries to the provider), in a member's words. */
export const REFUSALS: Record<string, string> = {
  'unknown-project': 'The team server does not have this project (it may have been shared on another server).',
  'invalid-invite': 'The team server refused this invite: it is wrong, or it was revoked. Ask the project owner for a new one.',
  'member-removed': 'You were removed from this shared project, so the team server no longer accepts your invite.',
  'project-exists': 'The team server already has this project; join it with an invite instead.',
  'bad-document': 'The team server does not serve this document.'
}
