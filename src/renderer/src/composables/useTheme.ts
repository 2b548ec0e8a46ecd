// Light/dark theme: persisted in localStorage, first run follows prefers-color-scheme.
// The theme is applied as [data-theme] on <html>; theme.css does the rest.
import { workspace } from './useWorkspace'

export type Theme = 'light' | 'dark'
const KEY = 'gloss.theme'

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(KEY)
    return value === 'light' || value === 'dark' ? value : null
  } catch {
    return null
  }
}

function preferred(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

function apply(theme: Theme): void {
  workspace.theme = theme
  document.documentElement.dataset.theme = theme
}

export function initTheme(): void {
  apply(stored() ?? preferred())
  // Until the person picks a theme, follow the system setting live.
  if (typeof matchMedia === 'function') {
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
      if (!stored()) apply(e.matches ? 'dark' : 'light')
    })
  }
}

export function setTheme(theme: Theme): void {
  apply(theme)
  try {
    localStorage.setItem(KEY, theme)
  } catch {
    /* storage unavailable: the choice lasts for this session */
  }
}

export function toggleTheme(): void {
  setTheme(workspace.theme === 'dark' ? 'light' : 'dark')
}
