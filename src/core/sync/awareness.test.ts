import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { cleanCaret, cleanName, cleanPresence, encodeAwareness, memberColour, MEMBER_COLOURS } from './awareness'

const pos = { type: { client: 7, clock: 3 }, tname: null, item: null, assoc: 0 }

describe('awareness from colleagues', () => {
  it('names lose control and direction-override characters, fold spaces and are capped', () => {
    expect(cleanName('  Ana\u202e\u0007  Lopez\n')).toBe('Ana Lopez')
    expect(cleanName('x'.repeat(500))).toHaveLength(60)
    expect(cleanName(42)).toBe('')
  })

  it('a caret is rebuilt field by field: colours #rrggbb only, positions of the shape Yjs writes, nothing else kept', () => {
    expect(cleanCaret({ user: { name: 'Ben', color: '#1D4ED8', onclick: 'x' }, cursor: { anchor: pos, head: pos }, extra: '<img>' })).toEqual({
      user: { name: 'Ben', color: '#1d4ed8' },
      cursor: { anchor: pos, head: pos }
    })
    const hostile = cleanCaret({ user: { name: '', color: 'red;background:url(javascript:x)' }, cursor: { anchor: { type: { client: -1, clock: 'a' } }, head: pos } })
    expect(hostile).toEqual({ user: { name: 'Colleague', color: MEMBER_COLOURS[0] }, cursor: null })
    expect(cleanCaret({ cursor: { anchor: pos, head: pos } })).toBeNull()
    expect(cleanCaret(null)).toBeNull()
    expect(cleanCaret({ user: { name: 'B' }, cursor: { anchor: { ...pos, assoc: 5 }, head: pos } })?.cursor).toBeNull()
  })

  it('presence keeps only a member id and an id-shaped source', () => {
    expect(cleanPresence({ memberId: '01HZX3M7K2Q9V8W6Y5T4R3S2P1', reading: '../../etc', name: 'spoof' })).toEqual({ memberId: '01HZX3M7K2Q9V8W6Y5T4R3S2P1', reading: null })
    expect(cleanPresence({ memberId: 'a b' })).toBeNull()
  })

  it('colours are the same on every machine for a member', () => {
    expect(memberColour('01HZX3M7K2Q9V8W6Y5T4R3S2P1')).toBe(memberColour('01HZX3M7K2Q9V8W6Y5T4R3S2P1'))
    expect(new Set(Array.from({ length: 40 }, (_, i) => memberColour(`member-${i}`))).size).toBeGreaterThan(4)
  })

  it("encodes y-protocols' awareness update format (read back by applyAwarenessUpdate)", () => {
    const awareness = new Awareness(new Y.Doc())
    applyAwarenessUpdate(awareness, encodeAwareness([{ clientId: 99, clock: 2, state: { user: { name: 'Ben', color: '#15803d' }, cursor: null } }]), 'test')
    expect(awareness.getStates().get(99)).toEqual({ user: { name: 'Ben', color: '#15803d' }, cursor: null })
    applyAwarenessUpdate(awareness, encodeAwareness([{ clientId: 99, clock: 3, state: null }]), 'test')
    expect(awareness.getStates().has(99)).toBe(false)
    awareness.destroy()
  })
})
