// Dragging library sources (onto a project in the sidebar): the payload is the ids of the dragged sources.
export const SOURCES_DRAG_TYPE = 'application/x-gloss-sources'

export function writeSourceDrag(data: DataTransfer, ids: string[], label: string): void {
  data.setData(SOURCES_DRAG_TYPE, JSON.stringify(ids))
  data.setData('text/plain', label)
  data.effectAllowed = 'copy'
}

/** The dragged source ids, or null when the drag is not one of library sources. */
export function readSourceDrag(data: DataTransfer | null): string[] | null {
  if (!data || ![...data.types].includes(SOURCES_DRAG_TYPE)) return null
  try {
    const ids: unknown = JSON.parse(data.getData(SOURCES_DRAG_TYPE))
    return Array.isArray(ids) && ids.length && ids.every((x) => typeof x === 'string' && x) ? (ids as string[]) : null
  } catch {
    return null
  }
}
