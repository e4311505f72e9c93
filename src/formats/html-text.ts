import { decodeHTML, escapeAttribute, escapeText } from 'entities'

// HTML from other tools (TimelineJS headlines and text, media credits) as the plain text the
// model holds: read with a small scanner that knows tags, comments and quoted attribute values,
// never with a DOM, so nothing in it is ever run or fetched.

/** Elements whose content is not text a reader sees: dropped with it. */
const hidden = new Set(['script', 'style', 'template', 'iframe', 'object', 'svg', 'noembed', 'noframes'])

/** Elements that stand apart from the text around them by a blank line. */
const paragraphs = new Set([
  'p', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'ul', 'ol', 'dl', 'figure', 'hr',
  'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'address', 'details', 'form', 'fieldset',
])

/** Elements that start and end on a line of their own. */
const lines = new Set(['div', 'li', 'dt', 'dd', 'tr', 'figcaption', 'caption', 'summary', 'thead', 'tbody', 'tfoot'])

/**
 * What a pass writes, in pieces, knowing how many line breaks it ends in, so that a block's end
 * and the next one's start make one boundary, not two (and without reading back what it wrote).
 */
class Out {
  private readonly pieces: string[] = []
  private breaks = 0

  add(text: string): void {
    if (text === '') return
    this.pieces.push(text)
    let breaks = 0
    let i = text.length - 1
    for (; i >= 0; i--) {
      if (text[i] === '\n') breaks++
      else if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') break
    }
    this.breaks = i < 0 ? this.breaks + breaks : breaks
  }

  /** Ends what is written in at least `n` line breaks. */
  breakTo(n: number): void {
    if (this.breaks < n) this.add('\n'.repeat(n - this.breaks))
  }

  toString(): string {
    return this.pieces.join('')
  }
}

const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c)

/** The index after the `>` that ends the tag whose name ends at `i`, skipping quoted attribute values; the text's length when it never ends. */
function tagEnd(html: string, i: number): number {
  for (; i < html.length; i++) {
    const c = html[i]
    if (c === '>') return i + 1
    if (c === '=') {
      let j = i + 1
      while (html[j] === ' ' || html[j] === '\t' || html[j] === '\n' || html[j] === '\r') j++
      const quote = html[j]
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1)
        if (close === -1) return html.length
        i = close
      }
    }
  }
  return html.length
}

/** One pass over the text: every tag, comment and hidden element removed, block boundaries made line breaks; entities left as written. */
function strip(html: string): string {
  const out = new Out()
  let i = 0
  let lower: string | undefined
  while (i < html.length) {
    const open = html.indexOf('<', i)
    if (open === -1) {
      out.add(html.slice(i))
      break
    }
    out.add(html.slice(i, open))
    const next = html[open + 1]
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4)
      i = close === -1 ? html.length : close + 3
    } else if (isLetter(next) || next === '/') {
      const closing = next === '/'
      const nameStart = open + (closing ? 2 : 1)
      const name = /^[^\s/>]*/.exec(html.slice(nameStart, nameStart + 32))![0].toLowerCase()
      i = tagEnd(html, nameStart + name.length)
      if (!closing && hidden.has(name)) {
        // The element's content, up to its own end tag, goes with it.
        const end = (lower ??= html.toLowerCase()).indexOf(`</${name}`, i)
        i = end === -1 ? html.length : tagEnd(html, end + name.length + 2)
      } else if (name === 'br') out.add('\n')
      else if (paragraphs.has(name)) out.breakTo(2)
      else if (lines.has(name)) out.breakTo(1)
      else if (name === 'td' || name === 'th') out.add(' ')
    } else if (next === '!' || next === '?') {
      // A doctype, CDATA or processing instruction: a "bogus comment" up to the next ">".
      const close = html.indexOf('>', open)
      i = close === -1 ? html.length : close + 1
    } else {
      // A "<" that starts no tag ("a < b") is text.
      out.add('<')
      i = open + 1
    }
  }
  return out.toString()
}

/** A tag, end tag, comment or declaration still in the text. */
const markup = /<[A-Za-z/!?]/

/** Passes enough for markup nested as far as people write it; a text nested deeper is adversarial, and each pass reads it all. */
const passes = 3

/** White space tidied: lines kept, runs of spaces made one, no space at a line's ends, at most one blank line, none around. */
export const tidy = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

/**
 * HTML as plain text: tags removed (and the content of script, style and the like), `<br>`,
 * paragraphs and other blocks made line breaks, entities decoded, white space tidied. Markup is
 * removed again where removing some formed more ("<<b>b>" is ""), so that what remains never
 * holds a tag; entities are decoded last: "&lt;b&gt;" stays the text "<b>". A pure string function.
 * @example htmlToText('<p>Romney <a href="…">swept</a> New&nbsp;Hampshire</p><p>Next</p>') // "Romney swept New Hampshire\n\nNext"
 */
export function htmlToText(html: string): string {
  let text = html
  for (let pass = 0; pass < passes && markup.test(text); pass++) text = strip(text)
  // What deeper nesting leaves: a "<" that would start a tag is dropped, and the rest stays text.
  return tidy(decodeHTML(text.replace(/<+(?=[A-Za-z/!?])/g, '')))
}

/** Plain text as HTML that shows it: special characters escaped, blank lines made paragraphs and line breaks `<br>`. */
export function textToHtml(text: string): string {
  return tidy(text)
    .split(/\n\n/)
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeText(p).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

/** Plain text escaped for HTML (&, <, > and no-break spaces), as written. */
export const escapeHtml = (text: string): string => escapeText(text)

/** Text escaped for an HTML attribute value in double quotes. */
export const escapeHtmlAttribute = (text: string): string => escapeAttribute(text)
