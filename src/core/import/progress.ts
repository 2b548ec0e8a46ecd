// How an import in flight reports itself to the UI.
import type { ImportStage } from './pipeline'

export type ImportStageName = 'queued' | ImportStage | 'done' | 'failed' | 'cancelled'

export interface ImportProgress {
  jobId: string
  stage: ImportStageName
  /** Units done and in all (pages for a PDF, paragraphs while saving), when the stage counts them. */
  done: number | null
  total: number | null
  /** For 'failed': what went wrong. */
  message: string | null
}

const STAGE_WORDS: Record<ImportStageName, string> = {
  queued: 'Waiting',
  reading: 'Reading',
  extracting: 'Finding the text',
  saving: 'Saving',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled'
}

/** What each stage counts when it counts: PDF pages while reading, book chapters while extracting. */
const UNITS: Partial<Record<ImportStageName, string>> = { reading: 'pages', extracting: 'chapters', saving: 'paragraphs' }

/** "Reading: 12 of 100 pages", "Saving: 1,000 of 5,000 paragraphs" — the line a progress toast shows. */
export function describeProgress(p: ImportProgress): string {
  const words = STAGE_WORDS[p.stage]
  const unit = UNITS[p.stage]
  if (unit && p.done !== null && p.total !== null && p.total > 0) {
    return `${words}: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} ${unit}`
  }
  return p.stage === 'done' || p.stage === 'failed' || p.stage === 'cancelled' ? words : `${words}…`
}
