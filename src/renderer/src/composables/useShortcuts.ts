// Keyboard helpers: platform-aware shortcut labels for tooltips, and "is the user typing?" checks.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** "Ctrl+Shift+E" on Linux/Windows, "⇧⌘E" on macOS. Input uses "Mod" for Ctrl/Cmd. */
export function shortcutLabel(keys: string): string {
  const parts = keys.split('+')
  if (!isMac) return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)).join('+')
  const map: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' }
  return parts.map((p) => map[p] ?? p).join('')
}

/** "Export… (Ctrl+Shift+E)" for title attributes. */
export function withShortcut(label: string, keys: string): string {
  return `${label} (${shortcutLabel(keys)})`
}

/** Ctrl on Linux/Windows, Cmd on macOS. */
export function isMod(e: KeyboardEvent | MouseEvent): boolean {
  return isMac ? e.metaKey : e.ctrlKey
}

/** True when keystrokes belong to a text field or rich-text editor, not to the app. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(type)
  }
  return false
}
