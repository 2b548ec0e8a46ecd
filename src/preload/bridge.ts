// Types of what the preload exposes (no runtime code: shared with the renderer's typecheck). The wire types
// themselves (Envelope, channel names, menu commands) live in the core contract: src/core/api/wire.ts.
import type { ApiMethod, Envelope, MenuCommand } from '../core/api'

export interface GlossBridge {
  invoke(method: ApiMethod, args: unknown[]): Promise<Envelope>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Runs `task` (e.g. flushing unsaved notes) before the window closes; the window waits for it (at most 3 s). */
  onBeforeClose(task: () => Promise<void>): () => void
}
