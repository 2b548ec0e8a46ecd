import { afterEach, describe, expect, it, vi } from 'vitest'
import { GlossError } from '../../core/api'
import type { BackendApi } from '.'
import { dispatch } from './dispatch'
import { openBackend, removeTempDirs } from './test-helpers'

afterEach(() => {
  removeTempDirs()
  vi.restoreAllMocks()
})

describe('dispatch', () => {
  it('wraps results in an ok envelope', async () => {
    const { backend } = openBackend()
    const env = await dispatch(backend, 'listArticles', [])
    expect(env.ok).toBe(true)
    if (env.ok) expect((env.result as unknown[]).length).toBe(1)
    expect(await dispatch(backend, 'deleteArticle', [(await backend.listArticles())[0].id])).toEqual({ ok: true, result: null })
    backend.close()
  })

  it('refuses unknown methods, saveFile and prototype names', async () => {
    const { backend } = openBackend()
    for (const m of ['dropTables', 'saveFile', 'constructor', '__proto__', 'close']) {
      const env = await dispatch(backend, m, [])
      expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Unknown request/) } })
    }
    backend.close()
  })

  it('validates arguments before calling the backend', async () => {
    const { backend } = openBackend()
    const spy = vi.spyOn(backend, 'createHighlight')
    const env = await dispatch(backend, 'createHighlight', [{ articleId: 'x', color: 'purple', targets: [] }])
    expect(env).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(spy).not.toHaveBeenCalled()
    expect(await dispatch(backend, 'getArticle', 'not-a-list')).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    backend.close()
  })

  it('passes the backend clean copies: only the fields the schema knows, defaults filled in', async () => {
    const { backend } = openBackend()
    const spy = vi.spyOn(backend, 'createNote')
    const env = await dispatch(backend, 'createNote', [{ title: 'Free note', admin: true, __proto__: { polluted: 1 } }])
    expect(env).toMatchObject({ ok: true, result: { title: 'Free note', articleId: null } })
    expect(spy).toHaveBeenCalledTimes(1)
    const [received] = spy.mock.calls[0]
    expect(received).toEqual({ title: 'Free note', articleId: null })
    expect(Object.keys(received)).toEqual(['title', 'articleId'])
    expect(Object.getPrototypeOf(received)).toBe(Object.prototype)
    backend.close()
  })

  it('answers with messages that name the method and the field', async () => {
    const { backend } = openBackend()
    expect(await dispatch(backend, 'renameNote', [{ id: 'n1', title: ' ' }])).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'renameNote: title must not be empty' }
    })
    expect(await dispatch(backend, 'getArticle', [])).toEqual({ ok: false, error: { code: 'invalid_input', message: 'getArticle: expects 1 argument, got 0' } })
    const big = Buffer.alloc(25 * 1024 * 1024, 0x61).toString('base64')
    expect(await dispatch(backend, 'importFile', [{ name: 'big.txt', base64: big }])).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'This file is too large to import: it is 25.0 MB and the limit is 20.0 MB.' }
    })
    backend.close()
  })

  it('keeps GlossError codes and messages; hides other errors behind a safe internal error', async () => {
    const { backend } = openBackend()
    expect(await dispatch(backend, 'getArticle', ['01UNKNOWN'])).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const broken = {
      ...backend,
      listArticles: async () => {
        throw new Error('SQLITE_CORRUPT: secret path /home/x/gloss.db')
      },
      getNote: async () => {
        throw new GlossError('conflict', 'Plain words.')
      }
    } as BackendApi
    const env = await dispatch(broken, 'listArticles', [])
    expect(env).toMatchObject({ ok: false, error: { code: 'internal' } })
    if (!env.ok) expect(env.error.message).not.toMatch(/SQLITE|secret/)
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/SQLITE_CORRUPT/))
    expect(await dispatch(broken, 'getNote', ['x'])).toEqual({ ok: false, error: { code: 'conflict', message: 'Plain words.' } })
    backend.close()
  })
})
