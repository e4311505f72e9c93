import { html, nothing, svg } from 'lit'
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

/** 16 × 16 outlines in the text's colour, shown in place of a button's word in a narrow element. */
const icons = {
  fit: svg`<path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"></path>`,
  list: svg`<path d="M5.5 3.5H14M5.5 8H14M5.5 12.5H14M2 3.5h.5M2 8h.5M2 12.5h.5"></path>`,
  legend: svg`<circle cx="3" cy="4" r="1.6"></circle><rect x="1.4" y="10.4" width="3.2" height="3.2"></rect><path d="M7 4h7M7 12h7"></path>`,
  download: svg`<path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2 11.5V14h12v-2.5"></path>`,
}

// A wide element shows the word; a narrow one the icon, the word staying the button's name (its aria-label).
const iconAndWord = (icon: keyof typeof icons, word: string) =>
  html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${icons[icon]}</svg><span class="word">${word}</span>`

/** The dataset's title, the search box, the zoom buttons, the switches to the list view and the legend, and the downloads. */
export function toolbarPart({ title, query, listView, legend, downloads, downloadError, messages: m, on }: ToolbarInput) {
  // The box is as wide as its placeholder ("Rechercher des événements"), which a fixed width cut:
  // sized in characters by its size attribute, as a strict CSP blocks style attributes.
  const placeholder = m.format('searchPlaceholder')
  return html`<div class="toolbar" part="toolbar">
  <h2>${title}</h2>
  <span class="controls">
    <input type="search" placeholder=${placeholder} size=${Math.max(20, placeholder.length + 2)} aria-label=${m.format('searchLabel')} .value=${query} @input=${on.search} />
    <button @click=${(e: Event) => on.zoom(1.5, e)} aria-label=${m.format('zoomIn')} title=${m.format('zoomInTitle')}>+</button>
    <button @click=${(e: Event) => on.zoom(1 / 1.5, e)} aria-label=${m.format('zoomOut')} title=${m.format('zoomOutTitle')}>−</button>
    <button class="compact" @click=${on.fit} aria-label=${m.format('fitLabel')} title=${m.format('fitTitle')}>${iconAndWord('fit', m.format('fit'))}</button>
    <button class="compact" @click=${on.list} aria-pressed=${listView ? 'true' : 'false'} aria-label=${m.format('list')} title=${m.format('list')}>${iconAndWord('list', m.format('list'))}</button>
    <button class="compact" @click=${on.legend} aria-pressed=${legend ? 'true' : 'false'} aria-label=${m.format('legend')} title=${m.format('legend')}>${iconAndWord('legend', m.format('legend'))}</button>
    <details class="downloads" part="downloads">
      <summary class="compact" aria-label=${m.format('download')} title=${m.format('download')}>${iconAndWord('download', m.format('download'))}</summary>
      <div class="menu">
        <button ?disabled=${listView} @click=${(e: Event) => on.download('svg', e)}>${m.format('picture', { type: 'SVG' })}</button>
        <button ?disabled=${listView} @click=${(e: Event) => on.download('png', e)}>${m.format('picture', { type: 'PNG' })}</button>
        ${downloads.map((f) => html`<button @click=${(e: Event) => on.download(f.id, e)}>${nameOf(m, 'format', f.id, f.label)}</button>`)}
        ${downloadError ? html`<p class="error" role="alert">${downloadError}</p>` : nothing}
      </div>
    </details>
  </span>
</div>`
}
