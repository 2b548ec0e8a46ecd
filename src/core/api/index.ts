// The one typed contract between the UI and the backend.
// Electron serves it over IPC (preload + contextBridge); web mode serves it over a loopback HTTP bridge.
// The renderer uses it through src/renderer/src/api.ts and never knows which transport is underneath.
//
//   methods.ts   one entry per method: argument schemas (valibot) and result type; GlossApi and API_METHODS follow
//   validate.ts  validateArgs: the argument check dispatch runs on every call
//   results.ts   result types
//   wire.ts      channel names, HTTP route, Envelope, WireError, menu commands
//   fields.ts    the field schemas and their messages
// Errors (GlossError and the code list) and limits belong to the core (../errors.ts, ../limits.ts); re-exported here.
export * from './methods'
export * from './results'
export * from './wire'
export { validateArgs } from './validate'
export { ERROR_CODES, GlossError, isErrorCode, isGlossError, type ErrorCode as ApiErrorCode } from '../errors'
