// Characters typed between a click and the field it opens (e.g. "Tag" on a selection: the highlight is saved first,
// then its tag field appears): kept and handed to that field, so a quick typist loses nothing.
import { isEditableTarget } from './useShortcuts'

export interface Typed {
  /** Entries finished with Enter, in order. */
  entered: string[]
  /** What was typed after the last Enter. */
  text: string
}

export interface TypeBuffer {
  /** Stops listening and returns what was typed. */
  stop(): Typed
}

export function bufferTyping(): TypeBuffer {
  const entered: string[] = []
  let text = ''
  const onKey = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || isEditableTarget(e.target)) return
    if (e.key.length === 1) text += e.key
    else if (e.key === 'Backspace') text = text.slice(0, -1)
    else if (e.key === 'Enter' && text.trim()) {
      entered.push(text.trim())
      text = ''
    } else return
    e.preventDefault()
    e.stopPropagation()
  }
  window.addEventListener('keydown', onKey, true)
  return {
    stop() {
      window.removeEventListener('keydown', onKey, true)
      return { entered, text }
    }
  }
}
