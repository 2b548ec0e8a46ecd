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
