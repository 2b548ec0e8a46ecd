import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../paths'
import { parseWebArgs } from './args'

describe('web mode arguments', () => {
  it('parses port, data dir and open flags (also --flag=value)', () => {
    expect(parseWebArgs(['--web', '--no-open', '--port', '0', '--data-dir', '/tmp/x'], {})).toEqual({ port: 0, dataDir: '/tmp/x', open: false })
    expect(parseWebArgs(['--port=4477', '--open'], { XDG_DATA_HOME: '/data' })).toEqual({ port: 4477, dataDir: '/data/gloss', open: true })
  })

  it('refuses bad values and unknown options in words', () => {
    expect(() => parseWebArgs(['--port', 'abc'], {})).toThrow(/--port must be a number/)
    expect(() => parseWebArgs(['--port', '70000'], {})).toThrow(/--port must be a number/)
    expect(() => parseWebArgs(['--data-dir'], {})).toThrow(/--data-dir needs a value/)
    expect(() => parseWebArgs(['--verbose'], {})).toThrow(/Unknown option "--verbose"/)
  })

  it('defaults the data folder to $XDG_DATA_HOME/gloss, else ~/.local/share/gloss', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' })).toBe('/xdg/gloss')
    expect(defaultDataDir({})).toMatch(/\.local\/share\/gloss$/)
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative' })).toMatch(/\.local\/share\/gloss$/)
  })
})
