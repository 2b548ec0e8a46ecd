// The `[[` suggestion list, grouped by where each paragraph comes from (the note's article or the source open in
// the reader, the project's other sources, the rest of the library) and labelled for a person. Pure.
import type { ParagraphSuggestion } from '../api/results'

export interface SuggestionGroup {
  scope: ParagraphSuggestion['scope']
  /** "In “Grain memo”", "In this project", "Elsewhere in the library". */
  label: string
  /** The options of the group, with their index in the flat list (keyboard navigation runs over the flat list). */
  items: { item: ParagraphSuggestion; index: number }[]
}

const ORDER: ParagraphSuggestion['scope'][] = ['article', 'project', 'library']

/**
 * Groups options by scope, in scope order, keeping each group's order. `inProject` says whether the note belongs to
 * a project (the library group then reads "Elsewhere in the library", else "Other sources").
 */
export function groupSuggestions(items: readonly ParagraphSuggestion[], inProject: boolean): SuggestionGroup[] {
  const groups: SuggestionGroup[] = []
  for (const scope of ORDER) {
    const members = items.map((item, index) => ({ item, index })).filter((x) => x.item.scope === scope)
    if (!members.length) continue
    const label =
      scope === 'article'
        ? `In “${members[0].item.shortTitle}”`
        : scope === 'project'
          ? 'In this project'
          : inProject
            ? 'Elsewhere in the library'
            : 'Other sources'
    groups.push({ scope, label, items: members })
  }
  return groups
}
