// Find in article (Ctrl/Cmd+F in the reader): matches computed on the article's text by core/search/find (so
// paragraphs the virtual list has not drawn are found too), painted in the drawn paragraphs, and the current one
// scrolled to — drawing its paragraph first when it is far away.
import { computed, shallowRef, watch } from 'vue'
import type { Article } from '@core/model'
import { findInParagraphs, findSpansByParagraph, firstMatchFrom, stepMatch, type FindMatch, type FindSpan } from '@core/search/find'

export interface FindDeps {
  article: () => Article | null
  /** First paragraph on screen (the search starts there). */
  firstVisibleParagraph: () => number
  /** Scrolls the match into view (drawing its paragraph when needed). */
  scrollTo: (match: FindMatch) => Promise<void> | void
}

/** Above this many paragraphs the search waits for a pause in typing. */
const BIG = 3000

export function useReaderFind(deps: FindDeps) {
  const open = shallowRef(false)
  const query = shallowRef('')
  const matches = shallowRef<readonly FindMatch[]>([])
  const truncated = shallowRef(false)
  const current = shallowRef(-1)
  /** Bumped to ask the find bar to take the focus (and select its text). */
  const focusSeq = shallowRef(0)

  const spans = computed<ReadonlyMap<string, readonly FindSpan[]>>((previous) =>
    open.value ? findSpansByParagraph(matches.value, current.value, previous) : new Map()
  )

  let timer: ReturnType<typeof setTimeout> | undefined

  function run(fromTop: boolean): void {
    const a = deps.article()
    const q = query.value
    if (!a || !q.trim()) {
      matches.value = []
      truncated.value = false
      current.value = -1
      return
    }
    const r = findInParagraphs(a.paragraphs, q)
    matches.value = Object.freeze(r.matches)
    truncated.value = r.truncated
    current.value = r.matches.length ? firstMatchFrom(r.matches, fromTop ? 0 : deps.firstVisibleParagraph()) : -1
    if (current.value >= 0) void deps.scrollTo(r.matches[current.value])
  }

  watch(query, () => {
    clearTimeout(timer)
    const big = (deps.article()?.paragraphs.length ?? 0) > BIG
    if (big) timer = setTimeout(() => run(false), 180)
    else run(false)
  })

  // Another article: search it from its top.
  watch(
    () => deps.article(),
    (a, old) => {
      if (a?.id !== old?.id) close()
      else if (open.value) run(false)
    }
  )

  function show(prefill = ''): void {
    if (prefill && prefill !== query.value) query.value = prefill
    open.value = true
    focusSeq.value++
  }

  function close(): void {
    clearTimeout(timer)
    open.value = false
    current.value = -1
    matches.value = []
    query.value = ''
  }

  function step(direction: 1 | -1): void {
    clearTimeout(timer)
    if (timer !== undefined && matches.value.length === 0 && query.value.trim()) run(false)
    const next = stepMatch(matches.value.length, current.value, direction)
    if (next < 0) return
    current.value = next
    void deps.scrollTo(matches.value[next])
  }

  /** "3 of 17", "No matches", "1 of 10,000+" ('' while nothing is typed). */
  const status = computed(() => {
    if (!query.value.trim()) return ''
    const n = matches.value.length
    if (!n) return 'No matches'
    const total = `${n.toLocaleString('en-US')}${truncated.value ? '+' : ''}`
    return `${(current.value + 1).toLocaleString('en-US')} of ${total}`
  })

  return { open, query, matches, current, spans, status, focusSeq, show, close, step }
}

export type ReaderFind = ReturnType<typeof useReaderFind>
