// Test fixture (run by concurrency.test.ts as its own Node process through tsx, never imported by the app):
// one backend on a data folder that imports files and saves a note in a loop, through dispatch like the app does.
// Usage: node --import tsx src/main/services/test-writer.ts DATA_DIR LABEL COUNT START_AT_MS
// Prints one JSON line: { imported: string[], noteId, revision, failures: string[] }.
import { resolve } from 'node:path'
import type { ImportResult } from '../../core/api'
import type { Note, PMNode } from '../../core/model'
import { createBackend } from '.'
import { dispatch } from './dispatch'

const [dataDir, label, countArg, startArg] = process.argv.slice(2)
const count = Number(countArg)
const startAt = Number(startArg)

function doc(text: string): PMNode {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

async function main(): Promise<void> {
  const backend = createBackend({
    dataDir,
    mode: 'web',
    resourcesDir: resolve(__dirname, '..', '..', '..', 'resources'),
    pdf: async () => new Uint8Array()
  })
  const failures: string[] = []
  const imported: string[] = []
  const call = async <T>(method: string, args: unknown[]): Promise<T | null> => {
    const env = await dispatch(backend, method, args)
    if (env.ok) return env.result as T
    failures.push(`${method}: ${env.error.message}`)
    return null
  }
  const note = await call<Note>('createNote', [{ title: `Notes of ${label}`, articleId: null }])
  let revision = note?.revision ?? 0
  // Start together with the other writers.
  await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())))
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 200 }, (_, j) => `Paragraph ${j} of ${label} ${i}: the pipeline deal stalled again.`).join('\n\n')
    const text = `# ${label} ${i}\n\n${body}\n`
    const r = await call<ImportResult>('importFile', [{ name: `${label}-${i}.md`, base64: Buffer.from(text).toString('base64') }])
    if (r) imported.push(r.article.id)
    if (note) {
      const saved = await call<{ ok: boolean; note?: { revision: number } }>('saveNote', [
        { id: note.id, doc: doc(`${label} saved ${i}`), baseRevision: revision }
      ])
      if (saved?.ok && saved.note) revision = saved.note.revision
      else if (saved) failures.push(`saveNote ${i}: conflict`)
    }
  }
  backend.close()
  process.stdout.write(`${JSON.stringify({ imported, noteId: note?.id ?? null, revision, failures })}\n`)
}

void main()
