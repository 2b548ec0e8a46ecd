// Types of what the preload exposes (no runtime code: shared with the renderer's typecheck).
import type { ApiMethod } from '../core/api'

/** Commands the native menu sends to the renderer. */
export type MenuCommand = 'import' | 'paste' | 'export' | 'new-note' | 'toggle-theme' | 'find' | 'library-changed' | 'shortcuts'

/** Wire envelope: IPC results come back as { ok, result } or { ok: false, error } so GlossError survives. */
export type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } }

export interface GlossBridge {
  invoke(method: ApiMethod, args: unknown[]): Promise<Envelope>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Runs `task` (e.g. flushing unsaved notes) before the window closes; the window waits for it (at most 3 s). */
  onBeforeClose(task: () => Promise<void>): () => void
}
