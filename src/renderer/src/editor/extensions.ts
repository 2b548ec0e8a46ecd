// The notes editor's schema and behaviour, in one list.
import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { TaskItem, TaskList } from '@tiptap/extension-list'
import { Placeholder } from '@tiptap/extensions'
import { isAllowedHref } from './links'
import { ParagraphRef } from './ParagraphRef'
import { ParagraphSuggestion } from './ParagraphSuggestion'
import { ParagraphDrop } from './ParagraphDrop'
import { CitedSources } from './CitedSources'
import { QuoteIntegrity } from './QuoteIntegrity'
import { DocumentEnds } from './DocumentEnds'
import { CaretBlock } from './CaretBlock'
import type { RefContext } from './refContext'

export const NOTES_PLACEHOLDER = 'Write your analysis… Type [[ to cite a paragraph.'

/** A shared note: the editor binds to its Yjs document; colleagues' carets come through the awareness. */
export interface CollabBinding {
  doc: Y.Doc
  awareness: Awareness
  user: { name: string; color: string }
}

export function notesExtensions(context: RefContext, collab?: CollabBinding): AnyExtension[] {
  return [
    StarterKit.configure({
      // A shared note's undo is Yjs's (Collaboration): it undoes only this member's own changes.
      ...(collab ? { undoRedo: false as const } : {}),
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
    QuoteIntegrity,
    DocumentEnds,
    CaretBlock,
    ...(collab
      ? [
          // Field 'default': the core's note document (core/sync/note-doc.ts) reads and checks the same fragment.
          Collaboration.configure({ document: collab.doc, field: 'default' }),
          CollaborationCaret.configure({ provider: { awareness: collab.awareness }, user: collab.user })
        ]
      : [])
  ]
}
