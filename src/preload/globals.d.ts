import type { GlossBridge } from './bridge'

declare global {
  interface Window {
    /** Present only in Electron (exposed by the preload). In web mode the renderer talks HTTP instead. */
    glossBridge?: GlossBridge
  }
}

export {}
