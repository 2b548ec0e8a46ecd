// The preload: small and defensive. One global through contextBridge; only contract methods pass.
// It runs sandboxed, so it may require nothing but 'electron': the core modules it uses are bundled into it
// (electron.vite.config.ts; scripts/check-preload.mjs checks the build).
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS } from '../core/api/methods'
import { CHANNELS, isMenuCommand } from '../core/api/wire'
import type { GlossBridge } from './bridge'

const allowed = new Set<string>(API_METHODS)

const closeTasks = new Set<() => Promise<void>>()

const bridge: GlossBridge = {
  invoke(method, args) {
    if (!allowed.has(method)) return Promise.reject(new Error(`Unknown API method: ${String(method)}`))
    return ipcRenderer.invoke(CHANNELS.invoke, method, args)
  },
  onMenuCommand(listener) {
    const handler = (_event: unknown, command: unknown): void => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(CHANNELS.menu, handler)
    return () => ipcRenderer.removeListener(CHANNELS.menu, handler)
  },
  onBeforeClose(task) {
    closeTasks.add(task)
    return () => closeTasks.delete(task)
  }
}

ipcRenderer.on(CHANNELS.beforeClose, () => {
  void Promise.allSettled([...closeTasks].map((task) => task())).then(() => ipcRenderer.send(CHANNELS.closeReady))
})

contextBridge.exposeInMainWorld('glossBridge', bridge)
