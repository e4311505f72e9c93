import { html, nothing } from 'lit'
import type { Messages } from '../../src/i18n/index.ts'
import { nameOf } from './words.ts'

export interface ToolbarInput {
  title: string
  query: string
  listView: boolean
  legend: boolean
  /** The data formats offered for download: id and label. */
  downloads: ReadonlyArray<{ id: string; label: string }>
  /** Why the last download failed, or "". */
  downloadError: string
  messages: Messages
  on: { search: (e: Event) => void; zoom: (factor: number, e: Event) => void; fit: (e: Event) => void; list: () => void; legend: () => void; download: (what: string, e: Event) => void }
}

/** The dataset's title, the search box, the zoom buttons, the switches to the list view and the legend, and the downloads. */
export const toolbarPart = ({ title, query, listView, legend, downloads, downloadError, messages: m, on }: ToolbarInput) => html`<div class="toolbar" part="toolbar">
  <h2>${title}</h2>
  <span class="controls">
    <input type="search" placeholder=${m.format('searchPlaceholder')} aria-label=${m.format('searchLabel')} .value=${query} @input=${on.search} />
    <button @click=${(e: Event) => on.zoom(1.5, e)} aria-label=${m.format('zoomIn')} title=${m.format('zoomInTitle')}>+</button>
    <button @click=${(e: Event) => on.zoom(1 / 1.5, e)} aria-label=${m.format('zoomOut')} title=${m.format('zoomOutTitle')}>−</button>
    <button @click=${on.fit} aria-label=${m.format('fitLabel')} title=${m.format('fitTitle')}>${m.format('fit')}</button>
    <button @click=${on.list} aria-pressed=${listView ? 'true' : 'false'}>${m.format('list')}</button>
    <button @click=${on.legend} aria-pressed=${legend ? 'true' : 'false'}>${m.format('legend')}</button>
    <details class="downloads" part="downloads">
      <summary>${m.format('download')}</summary>
      <div class="menu">
        <button ?disabled=${listView} @click=${(e: Event) => on.download('svg', e)}>${m.format('picture', { type: 'SVG' })}</button>
        <button ?disabled=${listView} @click=${(e: Event) => on.download('png', e)}>${m.format('picture', { type: 'PNG' })}</button>
        ${downloads.map((f) => html`<button @click=${(e: Event) => on.download(f.id, e)}>${nameOf(m, 'format', f.id, f.label)}</button>`)}
        ${downloadError ? html`<p class="error" role="alert">${downloadError}</p>` : nothing}
      </div>
    </details>
  </span>
</div>`
