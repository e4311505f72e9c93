import { html, nothing } from 'lit'
import type { Problem } from '../../src/validate/index.ts'
import { problemCount } from '../../src/validate/problem-count.ts'
import type { LoadProgress } from '../controllers/source-loader.ts'

/** Megabytes to one decimal in a locale; made once per locale, as a load redraws its progress ten times a second. */
const megabytes = new Map<string, Intl.NumberFormat>()
const inMB = (bytes: number, locale: string) => {
  let format = megabytes.get(locale)
  if (!format) megabytes.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })))
  return `${format.format(bytes / 1e6)} MB`
}

/** What a load has read so far; after a while with nothing new, a way to try again. The box keeps the height the timeline had. */
export function loadingPart(p: LoadProgress | null, locale: string, minHeight: number, stallTimeout: number, retry: () => void) {
  const size = (bytes: number) => inMB(bytes, locale)
  const read = !p || p.received === 0 ? '' : p.preparing ? ` Preparing ${size(p.received)}…` : ` ${size(p.received)}${p.total ? ` of ${size(p.total)}` : ''} read.`
  return html`<div class="loading" data-min-height=${minHeight}>
    <p role="status">Loading timeline…${read}</p>
    ${p?.stalled ? html`<p>Nothing has arrived from ${p.url} for ${Math.round(stallTimeout / 1000)} s. <button @click=${retry}>Retry</button></p>` : nothing}
  </div>`
}

/** The alert for data that could not be loaded or has problems: the first five with their places, and how many more. */
export function problemsPart({ title, problems, placeless }: { title: string; problems: readonly Problem[]; placeless: boolean }, keptPrevious: boolean) {
  return html`<div part="error" role="alert">
    <strong>${title}</strong>${keptPrevious ? html` <span>Showing the last valid version.</span>` : nothing}
    <ul>
      ${problems.slice(0, 5).map((p) => html`<li>${placeless ? '' : `line ${p.line}, column ${p.column}: `}${p.message}</li>`)}
    </ul>
    ${problems.length > 5 ? html`<p>…and ${problemCount(problems) - 5} more.</p>` : nothing}
  </div>`
}
