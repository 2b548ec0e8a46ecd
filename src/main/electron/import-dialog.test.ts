// File → Import File… (the native open dialog, in main), without the Electron binary: `electron` is a small fake,
// the backend and the PDF reader are real. A password-protected PDF is named in the message, with where to import it
// so that Gloss can ask for its password; the other files still come in.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { handPdf } from '../../../tests/support/pdf'

const electron = vi.hoisted(() => ({ showOpenDialog: vi.fn(), showMessageBox: vi.fn() }))
vi.mock('electron', () => ({ dialog: { showOpenDialog: electron.showOpenDialog, showMessageBox: electron.showMessageBox } }))

const { importReport, importWithDialog } = await import('./import-dialog')
const { openBackend, removeTempDirs } = await import('../services/test-helpers')

const dirs: string[] = []
afterEach(() => {
  removeTempDirs()
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
  electron.showOpenDialog.mockReset()
  electron.showMessageBox.mockReset()
})

const memo = (password?: string): Uint8Array =>
  handPdf({ password, pages: [[{ text: 'Confidential memo', x: 72, top: 90, size: 18, bold: true }, { text: 'The meeting moves to Thursday.', x: 72, top: 130 }]] })

function files(entries: Record<string, Uint8Array | string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-import-dialog-'))
  dirs.push(dir)
  return Object.entries(entries).map(([name, body]) => {
    const path = join(dir, name)
    writeFileSync(path, body)
    return path
  })
}

describe('Import File… in the desktop app', () => {
  it('imports what it can and names a password-protected PDF, with where to import it', async () => {
    const { backend } = openBackend()
    const before = (await backend.listArticles()).length
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: files({ 'notes.md': '# Notes\n\nA line.', 'locked.pdf': memo('pw') }) })
    const win = {} as import('electron').BrowserWindow
    expect(await importWithDialog(win, backend)).toBe(1)
    expect((await backend.listArticles()).length).toBe(before + 1)
    expect(electron.showMessageBox).toHaveBeenCalledTimes(1)
    const shown = electron.showMessageBox.mock.calls[0][1] as { message: string; detail: string }
    expect(shown.message).toBe('“locked.pdf” is password-protected.')
    expect(shown.detail).toBe('Import it from the window (Import file… in the library, or drop it on the window) and Gloss asks for its password.')
    await backend.close()
  })

  it('says nothing when every file came in', async () => {
    const { backend } = openBackend()
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: files({ 'memo.pdf': memo() }) })
    expect(await importWithDialog({} as import('electron').BrowserWindow, backend)).toBe(1)
    expect(electron.showMessageBox).not.toHaveBeenCalled()
    await backend.close()
  })
})

describe('importReport', () => {
  it('lists failures in their own words and the locked PDFs by name', () => {
    expect(importReport([], [])).toBeNull()
    expect(importReport(['a.txt: The file is empty.'], [])).toEqual({ message: 'One file could not be imported.', detail: 'a.txt: The file is empty.' })
    expect(importReport([], ['a.pdf', 'b.pdf'])).toEqual({
      message: '2 PDFs are password-protected: “a.pdf”, “b.pdf”.',
      detail: 'Import them from the window (Import file… in the library, or drop them on the window) and Gloss asks for their passwords.'
    })
    const both = importReport(['scan.pdf: This PDF is a scan.'], ['a.pdf'])!
    expect(both.message).toBe('2 files could not be imported.')
    expect(both.detail.split('\n')).toEqual([
      'scan.pdf: This PDF is a scan.',
      '',
      '“a.pdf” is password-protected. Import it from the window (Import file… in the library, or drop it on the window) and Gloss asks for its password.'
    ])
  })
})
