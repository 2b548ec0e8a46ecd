// The preload: small and defensive. One global through contextBridge; only contract methods pass.
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS } from '../core/api'
import type { GlossBridge, MenuCommand } from './bridge'

const allowed = new Set<string>(API_METHODS)
const MENU_COMMANDS = new Set<MenuCommand>(['import', 'paste', 'export', 'new-note', 'toggle-theme', 'find', 'library-changed', 'shortcuts'])

const closeTasks = new Set<() => Promise<void>>()

const bridge: GlossBridge = {
  invoke(method, args) {
    if (!allowed.has(method)) return Promise.reject(new Error(`Unknown API method: ${String(method)}`))
    return ipcRenderer.invoke('gloss:invoke', method, args)
  },
  onMenuCommand(listener) {
    const handler = (_event: unknown, command: MenuCommand): void => {
      if (MENU_COMMANDS.has(command)) listener(command)
    }
    ipcRenderer.on('gloss:menu', handler)
    return () => ipcRenderer.removeListener('gloss:menu', handler)
  },
  onBeforeClose(task) {
    closeTasks.add(task)
    return () => closeTasks.delete(task)
  }
}

ipcRenderer.on('gloss:before-close', () => {
  void Promise.allSettled([...closeTasks].map((task) => task())).then(() => ipcRenderer.send('gloss:close-ready'))
})

contextBridge.exposeInMainWorld('glossBridge', bridge)
