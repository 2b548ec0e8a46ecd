import { resolve } from 'node:path'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const core = resolve(__dirname, 'src/core')

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: { '@core': core } },
    build: {
      rollupOptions: {
        checks: { pluginTimings: false },
        input: {
          // Electron main process (the desktop shell)
          index: resolve(__dirname, 'src/main/index.ts'),
          // Web mode: the same services behind a loopback HTTP bridge (plain Node)
          web: resolve(__dirname, 'src/main/web/entry.ts'),
          // Command line: import / list / export (plain Node)
          cli: resolve(__dirname, 'src/main/cli/entry.ts'),
          // The team server for shared projects (plain Node; Hocuspocus)
          'team-server': resolve(__dirname, 'src/main/sync/server/entry.ts'),
          // The import worker: parsing runs in worker threads (piscina), off the backend's event loop
          'import-worker': resolve(__dirname, 'src/main/import/worker.ts')
        }
      }
    }
  },
  preload: {
    // The preload runs sandboxed: it can require 'electron' and nothing else, so the core modules it imports (the
    // contract's method names, with valibot) are bundled into it. scripts/check-preload.mjs checks the output.
    build: { externalizeDeps: false, rollupOptions: { checks: { pluginTimings: false } } },
    resolve: { alias: { '@core': core } }
  },
  renderer: {
    resolve: {
      alias: {
        '@renderer': resolve(__dirname, 'src/renderer/src'),
        '@core': core
      }
    },
    plugins: [vue()],
    build: { rollupOptions: { checks: { pluginTimings: false } } }
  }
})
