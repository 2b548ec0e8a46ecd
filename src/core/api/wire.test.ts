import { describe, expect, it } from 'vitest'
import { ERROR_CODES, GlossError } from '../errors'
import { CHANNELS, MENU_COMMANDS, fromWire, isMenuCommand } from './wire'

describe('wire', () => {
  it('turns a wire error back into a GlossError; an unknown code or a missing message cannot pass as ours', () => {
    for (const code of ERROR_CODES) {
      const e = fromWire({ code, message: 'Plain words.' })
      expect(e).toBeInstanceOf(GlossError)
      expect([e.code, e.message]).toEqual([code, 'Plain words.'])
    }
    expect(fromWire({ code: 'EACCES', message: 'denied' }).code).toBe('internal')
    expect(fromWire({ code: 'not_found' }).message).toMatch(/could not describe/)
    expect(fromWire(null).code).toBe('internal')
  })

  it('names each channel once, and lets only known menu commands through', () => {
    expect(new Set(Object.values(CHANNELS)).size).toBe(Object.keys(CHANNELS).length)
    expect(CHANNELS.invoke).toBe('gloss:invoke')
    for (const c of MENU_COMMANDS) expect(isMenuCommand(c)).toBe(true)
    for (const c of ['quit', '', 42, null, 'import ']) expect(isMenuCommand(c)).toBe(false)
  })
})
