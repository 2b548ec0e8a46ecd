// Lines that are page furniture, not the article: what Readability sometimes leaves inside the content it keeps
// (share bars, "Advertisement", "Related: …" links, sign-up prompts). Only short blocks are ever dropped.
import type { Block } from '../types'

const FURNITURE = new RegExp(
  '^(?:' +
    [
      'advertisement', 'advertising', 'ad', 'ads', 'sponsored(?: content)?', 'paid content', 'promoted',
      'skip to (?:main )?content', 'skip (?:to )?navigation', 'skip ad', 'jump to (?:main )?content',
      'share(?: this)?(?: (?:article|story|page|post|video))?', 'share on \\w+', 'share via \\w+', 'tweet(?: this)?',
      'e-?mail(?: this)?(?: (?:article|story|link))?', 'print(?: this)?(?: (?:article|story|page))?', 'copy (?:the )?link',
      'link copied', 'save(?: (?:article|story|for later))?', 'bookmark', 'gift (?:this )?article',
      '(?:read|see|view) (?:more|also|next|full story)', '(?:get|sign up for|subscribe to) .{0,60}newsletter.{0,40}', 'continue reading', 'keep reading', 'read the full (?:story|article)',
      'related(?: articles| stories| content| coverage| links| posts| reading)?', 'recommended(?: for you| stories| articles)?',
      'most (?:read|popular|viewed|shared)', 'trending(?: now| stories)?', 'more (?:from|on) .{1,40}', 'more stories',
      'follow us(?: on .{1,40})?', 'follow .{1,40} on (?:twitter|facebook|x|instagram|linkedin)',
      'sign up(?: for .{1,60})?', 'subscribe(?: now| today| here| to .{1,60})?', '(?:our |the )?newsletters?',
      'log ?in', 'log ?out', 'sign in', 'sign out', 'register', 'create (?:a free )?account', 'my account',
      'comments?', '\\d+ comments?', '(?:view|show|hide|load|read) (?:all )?comments?', 'leave a comment', 'add a comment',
      'listen to (?:this )?(?:article|story)', 'listen', 'play video', 'watch', 'click here.{0,60}', 'back to top',
      'accept(?: all)?(?: cookies)?', 'we use cookies.{0,200}', 'cookie (?:policy|settings|preferences)',
      'manage (?:cookies|preferences|consent)', 'privacy policy', 'terms (?:of (?:use|service)|and conditions)',
      'facebook', 'twitter', 'linkedin', 'whatsapp', 'pinterest', 'reddit', 'flipboard', 'email', 'copy', 'x',
      'toggle caption', 'hide caption', 'show caption', 'enlarge (?:this )?image', 'slideshow(?: \\(? ?\\d+ (?:images|photos) ?\\)?)?',
      'photos?', 'gallery', 'video', 'audio', 'image', 'expand', 'close', 'menu', 'search', 'loading\\.*', 'open in app'
    ].join('|') +
    ')[.:!…]*$',
  'i'
)

/** "Related: Some headline" / "READ MORE: …" lines made of a link. */
const LINK_LEAD = /^(?:related|read more|read also|also read|see also|more|for more(?:,? read)?|watch|listen|recommended|opinion|explainer)\s*[:|–—-]\s*/i

function linkShare(b: Block): number {
  let covered = 0
  for (const m of b.marks ?? []) if (m.type === 'link') covered += m.end - m.start
  return b.text.length ? covered / b.text.length : 0
}

/** Text that is markup leaking into the page (a run of CSS class names): one long "word" of lower-case and hyphens. */
const CLASS_SOUP = /^[a-z0-9]+(?:-[a-z0-9]+){3,}$/

/** True for a block that is page furniture rather than part of the article. */
export function isFurniture(b: Block): boolean {
  if (b.kind === 'pre' || b.kind === 'tr') return false
  const text = b.text.trim()
  if (text.length <= 80 && FURNITURE.test(text)) return true
  if (b.kind === 'figure' || b.kind === 'figcaption') return false
  if (text.length <= 200 && LINK_LEAD.test(text) && linkShare(b) >= 0.5) return true
  if (text.length > 30 && !text.includes(' ') && CLASS_SOUP.test(text)) return true
  return false
}

/** Caption buttons that sites leave at the end of a caption's text ("… Chuck Burton/AP hide caption"). */
const CAPTION_TAIL = /\s+(?:hide|toggle|show) caption$/i

/** How far back a repeated block is looked for (captions and credits are often printed twice in a row). */
const REPEAT_WINDOW = 4
const REPEAT_MAX = 300

/**
 * The article's blocks without page furniture: furniture lines, caption buttons, blocks repeated within a few
 * blocks (a caption printed for two screen sizes), and image alt texts that repeat a neighbouring caption.
 */
export function dropFurniture(blocks: Block[]): Block[] {
  const out: Block[] = []
  for (const raw of blocks) {
    let b = raw
    if (CAPTION_TAIL.test(b.text)) {
      const text = b.text.replace(CAPTION_TAIL, '')
      b = { ...b, text, marks: b.marks?.filter((m) => m.end <= text.length) }
      if (!b.marks?.length) delete b.marks
    }
    if (!b.text || isFurniture(b)) continue
    const recent = out.slice(-REPEAT_WINDOW)
    // A block said again just before (exactly, or inside a longer one: a caption, then its credit line alone).
    const said = (r: Block): boolean => r.text === b.text || (b.text.length >= 12 && r.text.includes(b.text))
    if (b.text.length <= REPEAT_MAX && b.kind !== 'tr' && recent.some(said)) continue
    out.push(b)
  }
  // …and one that the caption right after it says.
  return out.filter((b, i) => !(b.kind === 'figure' && out.slice(i + 1, i + 3).some((n) => n.kind !== 'figure' && n.text.includes(b.text))))
}
