import { html } from 'lit'

export interface ToolbarInput {
  title: string
  query: string
  listView: boolean
  on: { search: (e: Event) => void; zoom: (factor: number, e: Event) => void; fit: (e: Event) => void; list: () => void }
}

/** The dataset's title, the search box, the zoom buttons and the switch to the list view. */
export const toolbarPart = ({ title, query, listView, on }: ToolbarInput) => html`<div class="toolbar" part="toolbar">
  <h2>${title}</h2>
  <span class="controls">
    <input type="search" placeholder="Search events" aria-label="Search events and quotes" .value=${query} @input=${on.search} />
    <button @click=${(e: Event) => on.zoom(1.5, e)} aria-label="Zoom in" title="Zoom in (+)">+</button>
    <button @click=${(e: Event) => on.zoom(1 / 1.5, e)} aria-label="Zoom out" title="Zoom out (−)">−</button>
    <button @click=${on.fit} aria-label="Fit all events" title="Fit (0)">Fit</button>
    <button @click=${on.list} aria-pressed=${listView ? 'true' : 'false'}>List</button>
  </span>
</div>`
