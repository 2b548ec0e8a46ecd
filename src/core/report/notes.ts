// Report step "notes": which notes a report holds (selected once), and each note's content as report blocks with
// its paragraph references numbered in order of appearance.

import type { Note, PMNode, ParagraphRefAttrs } from '../model'
import { PARAGRAPH_REF_NODE } from '../model'
import { isTextblock, refAttrs } from '../notes/refs'
import type { InlineMark, NoteBlock, NoteInline, ReportNote, ReportSubject } from './model'

/** Keeps only http, https and mailto links (no javascript:, data:, file: …). */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const href = raw.trim()
  if (/[\u0000-\u001F\u007F\s]/.test(href)) return null
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null
}

const MARKS: Record<string, InlineMark> = {
  bold: 'bold',
  strong: 'bold',
  italic: 'italic',
  em: 'italic',
  underline: 'underline',
  strike: 'strike',
  code: 'code'
}

interface NoteBuildCtx {
  /** Registers a paragraphRef met in traversal order; returns its citation number. */
  nextCitation: (attrs: ParagraphRefAttrs) => number
  /** After the reference just registered: the number of its quotation's flag, if it is not verified. */
  flagAfter?: () => number | null
}

function inlines(node: PMNode, ctx: NoteBuildCtx): NoteInline[] {
  const out: NoteInline[] = []
  const walk = (n: PMNode): void => {
    if (n.type === 'text') {
      if (!n.text) return
      const marks: InlineMark[] = []
      let href: string | null = null
      for (const m of n.marks ?? []) {
        const k = MARKS[m.type]
        if (k && !marks.includes(k)) marks.push(k)
        if (m.type === 'link') href = safeHref(m.attrs?.href)
      }
      out.push({ type: 'text', text: n.text, marks, href })
    } else if (n.type === PARAGRAPH_REF_NODE) {
      out.push({ type: 'citation', n: ctx.nextCitation(refAttrs(n)) })
      const flag = ctx.flagAfter?.()
      if (flag) out.push({ type: 'quoteFlag', n: flag })
    }
    else if (n.type === 'hardBreak') out.push({ type: 'break' })
    else n.content?.forEach(walk)
  }
  node.content?.forEach(walk)
  return out
}

function blocks(nodes: PMNode[] | undefined, ctx: NoteBuildCtx): NoteBlock[] {
  const out: NoteBlock[] = []
  for (const n of nodes ?? []) {
    switch (n.type) {
      case 'heading': {
        const raw = Number(n.attrs?.level)
        const level = (raw >= 1 && raw <= 3 ? Math.floor(raw) : 3) as 1 | 2 | 3
        out.push({ type: 'heading', level, content: inlines(n, ctx) })
        break
      }
      case 'codeBlock': {
        const lang = n.attrs?.language
        const text = (n.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? '\n' : '')).join('')
        out.push({ type: 'code', text, language: typeof lang === 'string' && lang ? lang : null })
        // paragraphRefs cannot live in code blocks; nothing to number.
        break
      }
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        const style = n.type === 'bulletList' ? 'bullet' : n.type === 'orderedList' ? 'ordered' : 'task'
        const start = Number(n.attrs?.start)
        out.push({
          type: 'list',
          style,
          start: Number.isInteger(start) && start >= 0 ? start : 1,
          items: (n.content ?? []).map((item) => ({
            checked: style === 'task' ? item.attrs?.checked === true : null,
            blocks: isTextblock(item) ? [{ type: 'paragraph', content: inlines(item, ctx) }] : blocks(item.content, ctx)
          }))
        })
        break
      }
      case 'blockquote':
        out.push({ type: 'blockquote', blocks: blocks(n.content, ctx) })
        break
      case 'horizontalRule':
        out.push({ type: 'rule' })
        break
      default:
        if (n.type === 'paragraph' || isTextblock(n)) out.push({ type: 'paragraph', content: inlines(n, ctx) })
        else out.push(...blocks(n.content, ctx))
    }
  }
  return out
}

function blocksEmpty(bs: NoteBlock[]): boolean {
  return bs.every((b) => {
    if (b.type === 'paragraph' || b.type === 'heading')
      return b.content.every((i) => i.type === 'break' || (i.type === 'text' && !i.text.trim()))
    if (b.type === 'blockquote') return blocksEmpty(b.blocks)
    if (b.type === 'list') return b.items.every((it) => blocksEmpty(it.blocks))
    if (b.type === 'code') return !b.text.trim()
    return false
  })
}

function citesArticle(doc: PMNode | null, articleId: string): boolean {
  if (!doc) return false
  const stack = [doc]
  while (stack.length) {
    const n = stack.pop()!
    if (n.type === PARAGRAPH_REF_NODE && refAttrs(n).articleId === articleId) return true
    if (n.content) stack.push(...n.content)
  }
  return false
}

const byAge = (a: Note, b: Note): number => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)

export interface SelectedNote {
  note: Note
  role: ReportNote['role']
}

/**
 * The notes of a report, in order. An article: its analysis note(s), then the notes that cite it, each group oldest
 * first. A note: that note. A project: the project's notes, oldest first.
 */
export function selectNotes(subject: ReportSubject, notes: Note[]): SelectedNote[] {
  if (subject.kind === 'note') return notes.filter((n) => n.id === subject.noteId).map((note) => ({ note, role: 'exported' as const }))
  if (subject.kind === 'project')
    return notes
      .filter((n) => n.projectId === subject.projectId)
      .sort(byAge)
      .map((note) => ({ note, role: 'project' as const }))
  const own = notes.filter((n) => n.articleId === subject.articleId).sort(byAge)
  const others = notes.filter((n) => n.articleId !== subject.articleId && citesArticle(n.doc, subject.articleId)).sort(byAge)
  return [...own.map((note) => ({ note, role: 'analysis' as const })), ...others.map((note) => ({ note, role: 'citing' as const }))]
}

/** A reference met in a note, in traversal order (its number is its position + 1). */
export interface PendingCitation {
  note: Note
  attrs: ParagraphRefAttrs
}

/**
 * The selected notes as report notes; every paragraph reference is numbered in order and collected in `pending`.
 * `flagAt` (the integrity step) gives the flag to put after a note's reference, by its order in the note.
 */
export function buildNotes(
  selected: SelectedNote[],
  flagAt?: (noteId: string, ordinal: number) => number | null
): { notes: ReportNote[]; pending: PendingCitation[] } {
  const pending: PendingCitation[] = []
  const out = selected.map(({ note, role }): ReportNote => {
    if (!note.doc) {
      const unavailable = note.readOnlyReason ?? 'This note could not be read.'
      return { id: note.id, title: note.title, role, blocks: [], empty: true, unavailable }
    }
    let ordinal = -1
    const ctx: NoteBuildCtx = {
      nextCitation: (attrs) => (ordinal++, pending.push({ note, attrs })),
      flagAfter: flagAt ? () => flagAt(note.id, ordinal) : undefined
    }
    const bs = blocks(note.doc.content, ctx)
    return { id: note.id, title: note.title, role, blocks: bs, empty: blocksEmpty(bs), unavailable: null }
  })
  return { notes: out, pending }
}
