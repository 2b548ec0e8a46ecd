// Quote integrity for the note in the editor: after every save (and when a cited source is updated) the note's
// quotations are checked against their paragraphs by the backend; the editor marks each one and the notes pane lists
// the problems. The only caller of checkNoteQuotes. (The note's JSON is the save's own, reused block by block.)
import { computed, shallowRef } from 'vue'
import type { Editor } from '@tiptap/core'
import { checkTooltip, quoteProblems } from '@core/analysis/integrityText'
import { quoteRanges } from '@core/analysis/quoteRanges'
import type { NoteQuoteCheck } from '@core/analysis/types'
import type { PMNode } from '@core/model'
import { api } from '@renderer/api'
import { docToJSON } from '@renderer/editor/docJson'
import type { QuoteMark } from '@renderer/editor/QuoteIntegrity'

export interface QuoteCheckDeps {
  editor: () => Editor | null
  noteId: () => string | null
}

/** Checks wait this long after the last request (a burst of saves is checked once). */
const DEBOUNCE_MS = 250

export function useQuoteChecks(deps: QuoteCheckDeps) {
  const checks = shallowRef<readonly NoteQuoteCheck[]>([])
  const problems = computed(() => quoteProblems(checks.value.map((c, index) => ({ ...c, index }))))
  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0
  /** Editors that show marks now. */
  const painted = new WeakSet<Editor>()

  function paint(): void {
    const e = deps.editor()
    if (!e || e.isDestroyed) return
    const list = checks.value
    // Nothing to mark and nothing marked: no transaction at all.
    if (!list.length && !painted.has(e)) return
    const ranges = list.length ? quoteRanges(docToJSON(e.state.doc) as unknown as PMNode, list) : []
    const marks: QuoteMark[] = []
    ranges.forEach((r, index) => {
      if (r) marks.push({ ...r, status: list[index].status, title: checkTooltip(list[index]), index })
    })
    e.commands.setQuoteChecks(marks)
    if (marks.length) painted.add(e)
    else painted.delete(e)
  }

  async function run(): Promise<void> {
    const id = deps.noteId()
    const mine = ++seq
    if (!id) {
      checks.value = []
      paint()
      return
    }
    try {
      const list = await api.checkNoteQuotes(id)
      if (mine !== seq || deps.noteId() !== id) return
      checks.value = Object.freeze(list)
      paint()
    } catch {
      /* a hint only: the note works without it */
    }
  }

  /** Checks the open note again shortly (after a save, a source update, another note opened). */
  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(() => void run(), DEBOUNCE_MS)
  }

  /** Forgets the marks at once (another note is about to show). */
  function clear(): void {
    clearTimeout(timer)
    seq++
    checks.value = []
  }

  /** Puts the cursor on a listed quotation (selects it) and brings it into view. */
  function focus(index: number): void {
    const e = deps.editor()
    const c = checks.value[index]
    if (!e || !c) return
    const [r] = quoteRanges(docToJSON(e.state.doc) as unknown as PMNode, [c])
    if (!r) return
    e.chain().focus().setTextSelection(r).scrollIntoView().run()
  }

  function dispose(): void {
    clearTimeout(timer)
    seq++
  }

  return { checks, problems, schedule, clear, focus, paint, dispose }
}

export type QuoteChecks = ReturnType<typeof useQuoteChecks>
