// The native menu. Items send commands to the renderer, which owns the matching actions and shortcuts; Import runs
// the native open dialog in the main process.
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../core/api/wire'

export function buildMenu(send: (command: MenuCommand) => void, importFiles: () => Promise<void>): Menu {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import File…', accelerator: 'CmdOrCtrl+O', click: () => void importFiles() },
        { label: 'Import from Web Address…', accelerator: 'CmdOrCtrl+Shift+O', click: () => send('import-url') },
        { label: 'Paste Text as Article…', accelerator: 'CmdOrCtrl+Shift+V', click: () => send('paste') },
        { type: 'separator' },
        { label: 'Edit Details…', click: () => send('edit-details') },
        { label: 'New Note', accelerator: 'CmdOrCtrl+Alt+N', click: () => send('new-note') },
        { label: 'Export Report…', accelerator: 'CmdOrCtrl+Shift+E', click: () => send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        // The renderer owns Ctrl/Cmd+K (search; in the notes editor it adds a link): show it, do not steal it.
        { label: 'Search Articles and Notes…', accelerator: 'CmdOrCtrl+K', registerAccelerator: false, click: () => send('find') }
      ]
    },
    {
      label: 'View',
      submenu: [
        { label: 'Toggle Dark Theme', accelerator: 'CmdOrCtrl+Shift+L', click: () => send('toggle-theme') },
        { type: 'separator' },
        // The renderer owns these keys too (they work in web mode): shown here, not taken.
        { label: 'Who Said What', accelerator: 'CmdOrCtrl+Alt+Q', registerAccelerator: false, click: () => send('quotes') },
        { label: 'Entities', accelerator: 'CmdOrCtrl+Alt+E', registerAccelerator: false, click: () => send('entities') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'F1', registerAccelerator: false, click: () => send('shortcuts') }] }
  ]
  return Menu.buildFromTemplate(template)
}
