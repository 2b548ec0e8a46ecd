import { beforeEach, describe, expect, it, vi } from 'vitest'
import { GlossError } from '@core/api'

const api = vi.hoisted(() => ({
  importProgress: vi.fn(async () => null),
  cancelImport: vi.fn(async () => ({ cancelled: true }))
}))
vi.mock('@renderer/api', () => ({ api }))

const { askPassword, cancelPassword, needsPassword, passwordPrompt, submitPassword } = await import('./usePasswordPrompt')
const { layout } = await import('./useLayout')

const WRONG = 'That password does not open this PDF. Check it and try again.'

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

beforeEach(() => {
  layout.dialog = null
  api.cancelImport.mockClear()
})

describe('askPassword', () => {
  it('opens the prompt, keeps it open with the backend’s words after a wrong password, and answers with the right one', async () => {
    const tried: string[] = []
    const attempt = vi.fn(async (password: string) => {
      tried.push(password)
      if (password !== 'open sesame') throw new GlossError('password_required', WRONG)
      return 'imported'
    })
    const answer = askPassword('briefing.pdf', 'import', (pw, job) => job.run(() => attempt(pw)))
    await Promise.resolve()
    expect(passwordPrompt).toMatchObject({ fileName: 'briefing.pdf', purpose: 'import', error: null, running: false })
    expect(layout.dialog).toBe('password')

    await submitPassword('')
    expect(passwordPrompt.error).toBe('Enter the password first.')
    expect(attempt).not.toHaveBeenCalled()

    const refused = passwordPrompt.refused
    await submitPassword('open says me')
    expect(passwordPrompt).toMatchObject({ fileName: 'briefing.pdf', error: WRONG, running: false })
    expect(passwordPrompt.refused).toBe(refused + 1)
    expect(layout.dialog).toBe('password')

    await submitPassword('open sesame')
    await expect(answer).resolves.toEqual({ value: 'imported' })
    expect(tried).toEqual(['open says me', 'open sesame'])
    expect(passwordPrompt.fileName).toBeNull()
    expect(layout.dialog).toBeNull()
  })

  it('answers null on Cancel, and nothing is tried', async () => {
    const attempt = vi.fn(async () => 'imported')
    const answer = askPassword('briefing.pdf', 'update', attempt)
    await Promise.resolve()
    expect(passwordPrompt.purpose).toBe('update')
    cancelPassword()
    await expect(answer).resolves.toBeNull()
    expect(attempt).not.toHaveBeenCalled()
    expect(passwordPrompt.fileName).toBeNull()
    expect(layout.dialog).toBeNull()
  })

  it('Cancel during a try stops its job; the prompt closes when the try ends', async () => {
    const pending = deferred<string>()
    const answer = askPassword('long.pdf', 'import', (_pw, job) => job.run(() => pending.promise))
    await Promise.resolve()
    const trying = submitPassword('pw')
    expect(passwordPrompt.running).toBe(true)
    cancelPassword()
    expect(passwordPrompt.cancelling).toBe(true)
    expect(api.cancelImport).toHaveBeenCalledTimes(1)
    expect(passwordPrompt.fileName).toBe('long.pdf')
    pending.reject(new GlossError('cancelled', 'Import cancelled.'))
    await trying
    await expect(answer).resolves.toBeNull()
    expect(passwordPrompt.fileName).toBeNull()
  })

  it('rejects with any other failure (the caller reports it), and closes', async () => {
    const answer = askPassword('scan.pdf', 'import', async () => {
      throw new GlossError('import_rejected', 'This PDF is a scan with no text layer; Gloss cannot read scanned pages yet.')
    })
    await Promise.resolve()
    await submitPassword('pw')
    await expect(answer).rejects.toMatchObject({ code: 'import_rejected' })
    expect(passwordPrompt.fileName).toBeNull()
  })

  it('asks for one file at a time: the second prompt opens when the first closes', async () => {
    const first = askPassword('a.pdf', 'import', async () => 'a')
    const second = askPassword('b.pdf', 'import', async () => 'b')
    await Promise.resolve()
    expect(passwordPrompt.fileName).toBe('a.pdf')
    const id = passwordPrompt.id
    await submitPassword('pw')
    await expect(first).resolves.toEqual({ value: 'a' })
    await vi.waitFor(() => expect(passwordPrompt.fileName).toBe('b.pdf'))
    expect(passwordPrompt.id).toBe(id + 1)
    cancelPassword()
    await expect(second).resolves.toBeNull()
  })

  it('leaves another open dialog in front alone', async () => {
    layout.dialog = 'paste'
    const answer = askPassword('a.pdf', 'import', async () => 'a')
    await Promise.resolve()
    expect(passwordPrompt.fileName).toBe('a.pdf')
    expect(layout.dialog).toBe('paste')
    cancelPassword()
    await answer
    expect(layout.dialog).toBe('paste')
  })
})

describe('needsPassword', () => {
  it('is the password_required answer only', () => {
    expect(needsPassword(new GlossError('password_required', WRONG))).toBe(true)
    expect(needsPassword(new GlossError('import_rejected', 'Damaged.'))).toBe(false)
    expect(needsPassword(new Error('password_required'))).toBe(false)
  })
})
