// Per-id on/off states of the reader (the active highlight, a flashing highlight or paragraph) as reactive sets:
// a paragraph reads `has(id)` for its own marks only, so switching the active highlight re-renders the one or two
// paragraphs that hold the old and the new one — a class toggled where it applies, not a prop handed to every
// paragraph. Paragraphs drawn later (scrolled into a virtual list) pick the state up as they render.
import { reactive } from 'vue'

export interface Flag {
  has(id: string): boolean
  /** Turns the flag on for `id` only (null: off everywhere). */
  set(id: string | null): void
  readonly current: string | null
}

export function createFlag(): Flag {
  const on = reactive(new Set<string>())
  let current: string | null = null
  return {
    has: (id) => on.has(id),
    set(id) {
      if (id === current) return
      if (current !== null) on.delete(current)
      current = id
      if (id !== null) on.add(id)
    },
    get current() {
      return current
    }
  }
}

/** The reader's flags: one instance per window (there is one reader). */
export const readerFlags = {
  /** The highlight whose toolbar or comment editor is open (outlined). */
  activeHighlight: createFlag(),
  /** The highlight being flashed after a reveal. */
  flashHighlight: createFlag(),
  /** The paragraph being flashed after a reveal. */
  flashParagraph: createFlag()
}
