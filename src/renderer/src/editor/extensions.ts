// The notes editor's schema and behaviour, in one list.
import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { TaskItem, TaskList } from '@tiptap/extension-list'
import { Placeholder } from '@tiptap/extensions'
import { isAllowedHref } from './links'
import { ParagraphRef } from './ParagraphRef'
import { ParagraphSuggestion } from './ParagraphSuggestion'
import { ParagraphDrop } from './ParagraphDrop'
import { CitedSources } from './CitedSources'
import { QuoteIntegrity } from './QuoteIntegrity'
import type { RefContext } from './refContext'

export const NOTES_PLACEHOLDER = 'Write your analysis… Type [[ to cite a paragraph.'

export function notesExtensions(context: RefContext): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      codeBlock: false,
      code: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: ['mailto'],
        isAllowedUri: (url) => isAllowedHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' }
      }
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    Placeholder.configure({ placeholder: NOTES_PLACEHOLDER }),
    ParagraphRef.configure({ context }),
    ParagraphSuggestion.configure({ context }),
    ParagraphDrop,
    CitedSources.configure({ context }),
    QuoteIntegrity
  ]
}
