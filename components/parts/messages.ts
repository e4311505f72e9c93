import { html, nothing } from 'lit'
import type { Messages } from '../../src/i18n/index.ts'
import type { Problem } from '../../src/validate/index.ts'
import { problemCount } from '../../src/validate/problem-count.ts'
import { wordsOf, type Said } from '../controllers/dataset.ts'
import type { LoadProgress } from '../controllers/source-loader.ts'

/** Megabytes to one decimal in a locale ("1.2 MB", "1,2 Mo"); made once per locale, as a load redraws its progress ten times a second. */
const megabytes = new Map<string, Intl.NumberFormat>()
const inMB = (bytes: number, locale: string) => {
  let format = megabytes.get(locale)
  if (!format) megabytes.set(locale, (format = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })))
  return format.format(bytes / 1e6)
}

/** What a load has read so far, as one sentence. */
function progress(p: LoadProgress | null, m: Messages): string {
  if (!p || p.received === 0) return m.format('loading')
  const received = inMB(p.received, m.locale)
  if (p.preparing) return m.format('loadingPreparing', { size: received })
  return p.total ? m.format('loadingReadOf', { received, total: inMB(p.total, m.locale) }) : m.format('loadingRead', { received })
}

/** What a load has read so far; after a while with nothing new, a way to try again. The box keeps the height the timeline had. */
export function loadingPart(p: LoadProgress | null, m: Messages, minHeight: number, stallTimeout: number, retry: () => void) {
  return html`<div class="loading" data-min-height=${minHeight}>
    <p role="status">${progress(p, m)}</p>
    ${p?.stalled ? html`<p>${m.format('stalled', { url: p.url, seconds: Math.round(stallTimeout / 1000) })} <button @click=${retry}>${m.format('retry')}</button></p>` : nothing}
  </div>`
}

/** The module that words the validator's problems in other languages, once fetched: a page needs it only to show one. */
let problemWords: typeof import('../../src/validate/words/problem-words.ts') | undefined

let fetching: Promise<unknown> | undefined
const toRedraw = new Set<() => void>()

type Host = { requestUpdate(): void }
/** Each host's call to draw again, made once: the words' module keeps those it will call, and a render asks for each problem. */
const redraws = new WeakMap<Host, () => void>()
function redrawOf(host: Host): () => void {
  let redraw = redraws.get(host)
  if (!redraw) redraws.set(host, (redraw = () => host.requestUpdate()))
  return redraw
}

/** A problem in the element's language once its words have arrived, and the host has drawn the alert again; in English meanwhile. */
function problemMessage(p: Problem, m: Messages, host: Host): string {
  if (!p.said || m.language === 'en') return p.message
  const arrived = redrawOf(host)
  if (problemWords) return problemWords.problemMessage(p, m, arrived) ?? p.message
  // One fetch at a time, after which each host that asked draws again; a failed one is tried again at the next render.
  toRedraw.add(arrived)
  fetching ??= import('../../src/validate/words/problem-words.ts').then(
    (words) => {
      problemWords = words
      for (const redraw of toRedraw) redraw()
    },
    () => undefined,
  ).finally(() => {
    fetching = undefined
    toRedraw.clear()
  })
  return p.message
}

/**
 * The alert for data that could not be loaded (why, in the element's words) or has problems: the
 * first five with their places (as an editor numbers its lines), and how many more. The
 * validator's problems are in the element's language once their words have arrived (`host` then draws them).
 */
export function problemsPart({ title, problems, reason }: { title: Said; problems: readonly Problem[]; reason?: Said | string }, keptPrevious: boolean, m: Messages, host: { requestUpdate(): void }) {
  return html`<div part="error" role="alert">
    <strong>${wordsOf(title, m)}</strong>${keptPrevious ? html` <span>${m.format('keptPrevious')}</span>` : nothing}
    <ul>
      ${reason !== undefined
        ? html`<li>${typeof reason === 'string' ? reason : wordsOf(reason, m)}</li>`
        : problems.slice(0, 5).map((p) => html`<li>${m.format('problemAt', { line: String(p.line), column: String(p.column), message: problemMessage(p, m, host) })}</li>`)}
    </ul>
    ${problems.length > 5 ? html`<p>${m.format('moreProblems', { count: problemCount(problems) - 5 })}</p>` : nothing}
  </div>`
}
