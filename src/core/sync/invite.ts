// Invites: what a member hands a colleague to join a shared project — the team server's address, the project, the
// role and a secret token (256 random bits; the server keeps only its SHA-256 hash). One line of text:
//   gloss-invite:<base64url of {"v":1,"server":"ws://…","project":"<ULID>","role":"editor","token":"…"}>
import * as v from 'valibot'
import { GlossError } from '../errors'
import { ULID } from './names'
import { INVITE_ROLES, type InviteRole } from './records'

export const INVITE_PREFIX = 'gloss-invite:'
/** base64url of at least 16 bytes (128 bits); Gloss makes 32. */
export const TOKEN = /^[A-Za-z0-9_-]{22,128}$/

export interface Invite {
  server: string
  project: string
  role: InviteRole
  token: string
}

/** A team server address: ws:// or wss://, host and optional port and path, nothing else. */
export function teamServerUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null
  if (url.username || url.password || url.search || url.hash) return null
  return url.href.replace(/\/$/, '')
}

const InviteSchema = v.object({
  v: v.literal(1),
  server: v.pipe(v.string(), v.maxLength(2048), v.check((s) => teamServerUrl(s) !== null)),
  project: v.pipe(v.string(), v.regex(ULID)),
  role: v.picklist(INVITE_ROLES),
  token: v.pipe(v.string(), v.regex(TOKEN))
})

const toBase64Url = (s: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const fromBase64Url = (s: string): string =>
  new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))

export function formatInvite(invite: Invite): string {
  return INVITE_PREFIX + toBase64Url(JSON.stringify({ v: 1, server: teamServerUrl(invite.server), project: invite.project, role: invite.role, token: invite.token }))
}

const NOT_AN_INVITE = 'This is not a Gloss invite. Ask the colleague who shared the project for a new one (it starts with "gloss-invite:").'

/** Reads an invite; a GlossError('invalid_input') in plain words when it is not one. */
export function parseInvite(text: string): Invite {
  const s = text.trim()
  if (!s.startsWith(INVITE_PREFIX) || s.length > 4096) throw new GlossError('invalid_input', NOT_AN_INVITE)
  let raw: unknown
  try {
    raw = JSON.parse(fromBase64Url(s.slice(INVITE_PREFIX.length)))
  } catch {
    throw new GlossError('invalid_input', 'This invite is damaged (part of it may be missing). Copy it again in full.')
  }
  const r = v.safeParse(InviteSchema, raw)
  if (!r.success) throw new GlossError('invalid_input', 'This invite is damaged or was made by another version of Gloss. Ask for a new one.')
  return { server: teamServerUrl(r.output.server)!, project: r.output.project, role: r.output.role, token: r.output.token }
}

/** A fresh token: 32 random bytes, base64url. */
export function newToken(): string {
  const bytes = new Uint8Array(32)
  globalThis.crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
