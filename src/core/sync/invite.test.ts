import { describe, expect, it } from 'vitest'
import { newId } from '../ids'
import { formatInvite, newToken, parseInvite, teamServerUrl } from './invite'
import { parseDocName, noteDocName, projectDocName } from './names'
import { refusal } from './roles'

describe('invites', () => {
  it('round-trips server, project, role and a 256-bit token', () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const invite = { server: 'ws://127.0.0.1:8080/', project: newId(), role: 'commenter' as const, token }
    const text = formatInvite(invite)
    expect(text.startsWith('gloss-invite:')).toBe(true)
    expect(parseInvite(`  ${text}\n`)).toEqual({ ...invite, server: 'ws://127.0.0.1:8080' })
  })

  it('refuses what is not an invite, in words', () => {
    expect(() => parseInvite('hello')).toThrow(/not a Gloss invite/)
    expect(() => parseInvite('gloss-invite:@@@')).toThrow(/damaged/)
    const bad = formatInvite({ server: 'ws://h', project: newId(), role: 'editor', token: 'short' })
    expect(() => parseInvite(bad)).toThrow(/damaged/)
  })

  it('accepts only ws and wss server addresses', () => {
    expect(teamServerUrl('wss://team.example.org/gloss')).toBe('wss://team.example.org/gloss')
    expect(teamServerUrl('http://example.org')).toBeNull()
    expect(teamServerUrl('ws://user:pw@example.org')).toBeNull()
  })
})

describe('document names', () => {
  it('reads exactly the two forms', () => {
    const p = newId()
    const n = newId()
    expect(parseDocName(projectDocName(p))).toEqual({ kind: 'project', projectId: p })
    expect(parseDocName(noteDocName(p, n))).toEqual({ kind: 'note', projectId: p, noteId: n })
    for (const bad of [`gloss/${p}/..`, `gloss/${p}/note/../x`, 'gloss/abc', `other/${p}`, `gloss/${p}/note/${n}/x`]) expect(parseDocName(bad)).toBeNull()
  })
})

describe('roles', () => {
  const me = newId()
  const other = newId()
  const mine = { by: me, color: 'yellow' }
  const theirs = { by: other, color: 'yellow' }
  it('lets a commenter add highlights and change only their own', () => {
    expect(refusal('commenter', me, { kind: 'highlights', key: 'h', before: undefined, after: mine })).toBeNull()
    expect(refusal('commenter', me, { kind: 'highlights', key: 'h', before: mine, after: { ...mine, color: 'red' } })).toBeNull()
    expect(refusal('commenter', me, { kind: 'highlights', key: 'h', before: theirs, after: { ...theirs, color: 'red' } })).toMatch(/editors/)
    expect(refusal('commenter', me, { kind: 'sources', key: 's', before: undefined, after: { by: me } })).toMatch(/commenter/)
    expect(refusal('commenter', me, { kind: 'note', key: 'n', before: {}, after: {} })).toMatch(/commenter/)
  })
  it('lets nobody borrow a maker, remove an entity or touch the member list', () => {
    expect(refusal('editor', me, { kind: 'highlights', key: 'h', before: undefined, after: { by: other } })).toMatch(/borrowed/)
    expect(refusal('editor', me, { kind: 'highlights', key: 'h', before: theirs, after: { ...theirs, by: me } })).toMatch(/borrowed/)
    expect(refusal('owner', me, { kind: 'highlights', key: 'h', before: theirs, after: undefined })).toMatch(/tombstones/)
    expect(refusal('owner', me, { kind: 'members', key: 'm', before: undefined, after: {} })).toMatch(/team server/)
    expect(refusal('editor', me, { kind: 'highlights', key: 'h', before: theirs, after: { ...theirs, color: 'red' } })).toBeNull()
    expect(refusal('reader', me, { kind: 'highlights', key: 'h', before: undefined, after: mine })).toMatch(/reader/)
  })
})
