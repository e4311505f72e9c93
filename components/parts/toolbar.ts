import { html, nothing } from 'lit'

export interface ToolbarInput {
  title: string
  query: string
  listView: boolean
  legend: boolean
  /** The data formats offered for download: id and label. */
  downloads: ReadonlyArray<{ id: string; label: string }>
  /** Why the last download failed, or "". */
  downloadError: string
  on: { search: (e: Event) => void; zoom: (factor: number, e: Event) => void; fit: (e: Event) => void; list: () => void; legend: () => void; download: (what: string, e: Event) => void }
}

/** The dataset's title, the search box, the zoom buttons, the switches to the list view and the legend, and the downloads. */
export const toolbarPart = ({ title, query, listView, legend, downloads, downloadError, on }: ToolbarInput) => html`<div class="toolbar" part="toolbar">
  <h2>${title}</h2>
  <span class="controls">
    <input type="search" placeholder="Search events" aria-label="Search events and quotes" .value=${query} @input=${on.search} />
    <button @click=${(e: Event) => on.zoom(1.5, e)} aria-label="Zoom in" title="Zoom in (+)">+</button>
    <button @click=${(e: Event) => on.zoom(1 / 1.5, e)} aria-label="Zoom out" title="Zoom out (−)">−</button>
    <button @click=${on.fit} aria-label="Fit all events" title="Fit (0)">Fit</button>
    <button @click=${on.list} aria-pressed=${listView ? 'true' : 'false'}>List</button>
    <button @click=${on.legend} aria-pressed=${legend ? 'true' : 'false'}>Legend</button>
    <details class="downloads" part="downloads">
      <summary>Download</summary>
      <div class="menu">
        <button ?disabled=${listView} @click=${(e: Event) => on.download('svg', e)}>Picture (SVG)</button>
        <button ?disabled=${listView} @click=${(e: Event) => on.download('png', e)}>Picture (PNG)</button>
        ${downloads.map((f) => html`<button @click=${(e: Event) => on.download(f.id, e)}>${f.label}</button>`)}
        ${downloadError ? html`<p class="error" role="alert">${downloadError}</p>` : nothing}
      </div>
    </details>
  </span>
</div>`
