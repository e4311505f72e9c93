import { LitElement, html, nothing, type PropertyDeclaration, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { guard } from 'lit/directives/guard.js'
import { scaleUtc, type ScaleTime } from 'd3-scale'
import { DensityCache, startBins } from '../src/timeline/density.ts'
import { barsPath } from '../src/timeline/draw.ts'
import { hitTest, plotFrame, type Hit, type PlotFrame } from '../src/timeline/frame.ts'
import { laneIndex, type LaneIndex } from '../src/timeline/table.ts'
import { allFacetCounts, filtering, noFilters, type Facet, type Filters } from '../src/timeline/filter.ts'
import { indexAmong, shownOf, type Shown } from '../src/timeline/shown.ts'
import { drawnAsDot, drawnAt, GroupBy } from '../src/timeline/layout.ts'
import type { Problem } from '../src/validate/index.ts'
import { styles } from './diplomatic-timeline.styles.ts'
import { detailsPart } from './parts/details.ts'
import { listPart } from './parts/list.ts'
import { overviewPart } from './parts/overview.ts'
import { chipFacets, filtersPart } from './parts/filters.ts'
import { loadingPart, problemsPart } from './parts/messages.ts'
import { axisHeight, densityLaneHeight, laneHeader, plotPart, rowHeight, tickHeight, tooltipPart, type Hover } from './parts/plot.ts'
import { PlotCanvas } from './controllers/plot-canvas.ts'
import { View } from './controllers/view.ts'
import { TextMeasure } from './controllers/text-measure.ts'
import { DatasetController, type Load, type Ready } from './controllers/dataset.ts'
import { UrlSync } from './controllers/url-sync.ts'

export interface TimelineSelectDetail {
  id: string | null
}
export interface TimelineRangeChangeDetail {
  /** ISO 8601 instants (UTC) of the window's edges. */
  start: string
  end: string
}

const overviewHeight = 28
/** Labelled marks in view at most: past this, the lanes with the most events are drawn on canvas, unlabelled or as density. */
const maxMarks = 150
/** A lane with more events in view than one per this many px is drawn as density rather than as unlabelled marks. */
const tickSpacing = 6

/** Rows on a page of the list view: thousands of rows would take seconds to build. */
const listPage = 200

/** What the zoom's limits follow: the data, the width and the window at zoom 1. */
const zoomLimitInputs = ['load', 'width', 'start', 'end'] as const

/**
 * An embeddable, explorable timeline of diplomatic and conflict events.
 *
 * ```html
 * <diplomatic-timeline src="data/syria-truce-2016-09.json" group-by="category" sync-url></diplomatic-timeline>
 * ```
 *
 * @fires timeline-select - the user selected an event or cleared the selection; detail `{ id }`
 * @fires timeline-range-change - the user zoomed or panned; detail `{ start, end }` as ISO instants, once the new window is drawn
 * @csspart error - the message shown when the data cannot be loaded
 * @csspart toolbar - title, search and zoom buttons
 * @csspart filters - the filter chips and the count of events shown
 * @csspart overview - the strip of event counts over the events' span, with a brush on the window shown
 * @csspart plot - the SVG time plot
 * @csspart mark - one event's mark
 * @csspart tooltip - the hover tooltip
 * @csspart details - the panel about the selected event
 * @csspart list - the table view of the events
 * @cssproperty --dt-font - font family
 * @cssproperty --dt-fg - text colour
 * @cssproperty --dt-muted - secondary text, grid and the overview's bars
 * @cssproperty --dt-bg - background colour
 * @cssproperty --dt-accent - marks, density, chips and focus colour
 * @cssproperty --dt-planned - planned events and the "as of" line
 * @cssproperty --dt-disputed - the disputed-attribution badge
 * @cssproperty --dt-error - error messages
 */
@customElement('diplomatic-timeline')
export class DiplomaticTimeline extends LitElement {
  static override styles = styles

  @state() private load: Load = { state: 'empty' }
  @state() private width = 0
  @state() private listView = false
  /** The first event the list view shows: it shows a page of them, as thousands of rows would take seconds to build. */
  @state() private listStart = 0
  @state() private filters: Filters = noFilters
  /** What the pointer is over: an event, or a bucket of a density lane. */
  @state() private hover: Hover | null = null

  /** URL of a dataset JSON file to fetch and validate. */
  @property({ attribute: 'src' }) src?: string

  /** The dataset itself, as an alternative to `src`. */
  @property({ attribute: false }) data?: unknown

  /** Lanes: one per actor (an event appears in each of its actors' lanes), per category, or one. */
  @property({ attribute: 'group-by' }) groupBy: GroupBy = GroupBy.category

  /** Id of the selected event, whose details are shown. */
  @property({ attribute: 'selected' }) selected: string | null = null

  /** First day of the initial window (YYYY-MM-DD); by default the window fits the events. */
  @property({ attribute: 'start' }) start?: string

  /** Last day of the initial window (YYYY-MM-DD). */
  @property({ attribute: 'end' }) end?: string

  /** BCP 47 locale for numbers; dates use British English month names. */
  @property({ attribute: 'locale' }) locale = 'en-GB'

  /** Keep the selection in the page address (#event=id), and select from it on load. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false

  /** Milliseconds a load of `src` may receive nothing before the element says so and offers to try again. */
  @property({ type: Number, attribute: 'stall-timeout' }) stallTimeout = 15_000

  /**
   * Settles once the data last given (by `data` or `src`) has been validated, with its problems:
   * none when it is valid; past the first 1,000, one last problem counts the rest (add them up
   * with `problemCount`). The timeline is drawn before that, as soon as the data can be. A failure
   * of the whole load (the file could not be fetched, the validator could not be loaded) is one
   * problem at line 1, column 1, with no place in any text; the alert shows it without one.
   * @example const problems = await timeline.validation
   */
  validation: Promise<Problem[]> = Promise.resolve([])

  private url = new UrlSync(this, () => this.syncUrl, (id) => (this.selected = id))
  /** The data: its loading, drawing and checking. */
  private input = new DatasetController(this, () => this.load, (load) => (this.load = load), (prepared) => this.display(prepared))
  /** The element's height when it last showed a timeline: a new load keeps it, so the page does not jump. */
  private shownHeight = 0
  /** The events the filters let through. */
  private shown: Shown = shownOf(undefined, noFilters)
  /** The lanes of the events shown, indexed for every frame's queries. */
  private lanes: LaneIndex[] = []
  private densityCache = new DensityCache()
  private canvas = new PlotCanvas(this)
  private view: View = new View(this, {
    width: () => this.width,
    baseDomain: () => this.baseDomain,
    extent: () => this.ready?.extent ?? null,
    overviewScale: () => (this.ready ? this.overviewScale(this.ready) : null),
    overviewHeight,
    rangeChanged: (start, end) => this.dispatchEvent(new CustomEvent<TimelineRangeChangeDetail>('timeline-range-change', {
      detail: { start: start.toISOString(), end: end.toISOString() }, bubbles: true, composed: true,
    })),
  })
  /** A web font that arrives after the first render changes every label's width: the plot is laid out again. */
  private text = new TextMeasure(this, () => (this.plotMemo = undefined))
  /** Every value of each chip facet in the data, so a chip stays (at 0) when other filters empty it. */
  private facetValues = new Map<Facet, string[]>()
  /** The overview's bars, drawn again when the data, the filters, the width or the strip's span change. */
  private overviewBars?: { scale: ScaleTime<number, number>; d: string }
  private resizeObserver?: ResizeObserver
  /**
   * A selected event to bring into view after the next render, with the event by which the user
   * chose it (a click or a key), so that moving the window is their action too; none when the page set it.
   */
  private pendingReveal: false | { event: Event | undefined } = false
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration) {
    super.requestUpdate(name, oldValue, options)
    // New data is read in the next update; until then `validation` already stands for its check.
    if (name === 'data' || name === 'src') {
      const before = this.validation
      const next: Promise<Problem[]> = this.updateComplete.then(() => (this.validation === next ? before : this.validation))
      this.validation = next
    }
  }

  protected override async scheduleUpdate(): Promise<unknown> {
    // Zoom and pan input comes faster than frames: draw once per frame, at the latest window.
    if (this.view.nextFrame) await new Promise((resolve) => requestAnimationFrame(resolve))
    this.view.nextFrame = false
    return super.scheduleUpdate()
  }

  override connectedCallback() {
    super.connectedCallback()
    if (this.input.resume() && this.src) this.validation = this.input.fetchSource(this.src)
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0)
      if (this.ready) this.shownHeight = entry?.contentRect.height ?? 0
      // Next frame: re-rendering inside the observer's callback changes our height and loops it.
      if (width !== this.width) requestAnimationFrame(() => (this.width = width))
    })
    this.resizeObserver.observe(this)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.resizeObserver?.disconnect()
  }

  protected override willUpdate(changed: PropertyValues) {
    // The first render knows its width, rather than drawing once at zero and again at once.
    if (this.width === 0) this.width = Math.floor(this.getBoundingClientRect().width)
    // The data given last wins.
    if (changed.has('data') && this.data !== undefined) this.validation = this.input.fromData(this.data)
    else if (changed.has('src') && this.src) this.validation = this.input.fetchSource(this.src)
    // A count under the pointer is of a bucket the new window no longer has.
    if (this.hover && 'bucket' in this.hover && this.hover.window !== this.x) this.hover = null
    if (changed.has('selected')) this.pendingReveal = this.selected === null ? false : this.pendingReveal || { event: undefined }
    if (changed.has('load') || changed.has('filters')) {
      const items = this.ready?.items ?? []
      this.shown = shownOf(this.ready?.table, this.filters)
      if (changed.has('load')) {
        // Every value in the data, filtered or not: a chip stays (at 0) when other filters empty it.
        const all = filtering(this.filters) ? allFacetCounts(items, noFilters) : this.shown.counts
        this.facetValues = new Map(chipFacets.map((f) => [f, [...(all.get(f)?.keys() ?? [])].sort()]))
      }
      this.overviewBars = undefined
      this.listStart = 0
    }
    if (changed.has('load') || changed.has('filters') || changed.has('groupBy')) {
      const ready = this.ready
      this.lanes = ready ? laneIndex(ready.table, this.shown.rows, this.groupBy, ready.laneLabel) : []
    }
    // The list's page holds the selected event.
    if (['selected', 'load', 'filters'].some((p) => changed.has(p)) && this.selected !== null) {
      const index = this.shownIndexOf(this.selected)
      if (index >= 0 && (index < this.listStart || index >= this.listStart + listPage)) this.listStart = index - (index % listPage)
    }
    // In this update: the window it moves to is drawn now, not in a second update after this one.
    // After it (in updated) when the zoom is about to be set up again there: its limits follow
    // these inputs, and after new data resets the transform, d3's copy on the plot is set to it there.
    if (!zoomLimitInputs.some((p) => changed.has(p))) this.revealPending()
  }

  protected override updated(changed: PropertyValues) {
    // Positioned through the CSSOM: a strict style-src blocks style attributes, not style properties.
    const tip = this.renderRoot.querySelector<HTMLElement>('.tooltip')
    if (tip) tip.style.translate = `${tip.dataset.left}px ${tip.dataset.top}px`
    const loading = this.renderRoot.querySelector<HTMLElement>('.loading')
    if (loading) loading.style.minHeight = `${loading.dataset.minHeight}px`
    this.canvas.draw(this.renderRoot.querySelector('canvas.plot-canvas'), this.plotMemo?.model)
    // The zoom's limits follow the data, the width and the window at zoom 1 (the start and end attributes).
    this.view.sync(this.renderRoot.querySelector('svg.plot'), this.renderRoot.querySelector('svg.overview .brush'), zoomLimitInputs.some((p) => changed.has(p)))
    // Before the zoom behaviour is attached (the first render), the reveal waits until now.
    this.revealPending()
  }

  /** Brings an event into view when it is outside the window, keeping the zoom; as the user's action when `event` is theirs. */
  private reveal(id: string | null, event: Event | undefined) {
    const item = id === null ? undefined : this.ready?.byId(id)
    if (!item) return
    const [d0, d1] = this.x.domain().map(Number) as [number, number]
    // Where its mark is drawn: a day's dot sits at midday, which a window of a few hours can miss.
    const at = drawnAt(item)
    if (at >= d0 && at <= d1) return
    // A selection set by the page (the attribute, a deep link) moves the window without a range-change event.
    this.view.centre(drawnAsDot(item) ? at : item.start + Math.min(item.end - item.start, (d1 - d0) / 2) / 2, event)
  }

  /** The scale of the window shown; shared, so not to be changed. */
  private get x(): ScaleTime<number, number> {
    return this.view.x
  }

  /** Brings a selected event into view, once the plot can zoom. */
  private revealPending() {
    if (!this.pendingReveal || this.width === 0 || !this.view.ready) return
    const { event } = this.pendingReveal
    this.pendingReveal = false
    this.reveal(this.selected, event)
  }

  /** The data on screen: the current data, or the last valid data while the current is in error. */
  private get ready(): Ready | undefined {
    return this.input.ready
  }

  /** Fetches `src` again, as after the file was saved; the timeline stays on screen meanwhile. */
  reload(): Promise<void> {
    if (!this.src) return Promise.resolve()
    // Asked of the server again, not answered from the browser's cache: the file has changed.
    this.validation = this.input.fetchSource(this.src, true)
    return this.validation.then(() => undefined)
  }

  /** The window shown at zoom 1: the start/end attributes, or one fitted to the events. */
  private get baseDomain(): [number, number] | null {
    const given = [Date.parse(`${this.start}T00:00:00Z`), Date.parse(`${this.end}T00:00:00Z`) + 86_400_000]
    if (given[0]! < given[1]!) return given as [number, number]
    return this.ready?.window ?? null
  }

  /** The plot's frame, kept while the lanes, the window, the width and the selection stay: hovering reuses it. */
  private plotMemo?: { key: readonly unknown[]; model: PlotFrame }

  private plotModel(load: Ready, x: ScaleTime<number, number>, width: number): PlotFrame {
    const key = [load, this.lanes, x, width, this.selected] as const
    if (!this.plotMemo || this.plotMemo.key.some((k, i) => k !== key[i])) this.plotMemo = { key, model: this.layOutPlot(load, x, width) }
    return this.plotMemo.model
  }

  /** Each lane drawn as fits the events it has in view (see plotFrame); the selected event, when shown, always as a labelled mark. */
  private layOutPlot(load: Ready, x: ScaleTime<number, number>, width: number): PlotFrame {
    const [t0, t1] = x.domain().map(Number) as [number, number]
    const selected = this.selected === null ? -1 : load.table.rowOf(this.selected)
    return plotFrame(load.table, this.lanes, { t0, t1, width }, this.densityCache, {
      groupBy: this.groupBy, measure: this.text.measure, rowHeight, lanePadding: 2, laneHeader, minMarkWidth: 10, maxMarks, tickSpacing,
      tickHeight, tickRows: 3, densityHeight: densityLaneHeight, selected: indexAmong(this.shown, selected) >= 0 ? selected : -1,
    })
  }

  /** Where an event is among those shown, in time order; -1 when it is not shown. */
  private shownIndexOf(id: string): number {
    return indexAmong(this.shown, this.ready?.table.rowOf(id) ?? -1)
  }

  override render() {
    const load = this.load
    if (load.state === 'loading') return loadingPart(this.input.loader.progress, this.locale, this.shownHeight, this.stallTimeout, () => void this.reload())
    const ready = this.ready
    const alert = load.state === 'error' ? problemsPart(load, ready !== undefined) : nothing
    if (!ready) return alert
    // The details read every field of an event: shown once the data is known to be valid. They
    // change with the selection, the data and the locale, not with each zoom frame.
    const selected = ready === this.input.valid && this.selected !== null ? ready.byId(this.selected) : undefined
    return html`${alert}<div @keydown=${this.onHostKey}>
      <div class="toolbar" part="toolbar">
        <h2>${ready.dataset.title}</h2>
        <span class="controls">
          <input type="search" placeholder="Search events" aria-label="Search events and quotes"
            .value=${this.filters.query} @input=${this.onSearch} />
          <button @click=${(e: Event) => this.view.zoomBy(1.5, e)} aria-label="Zoom in" title="Zoom in (+)">+</button>
          <button @click=${(e: Event) => this.view.zoomBy(1 / 1.5, e)} aria-label="Zoom out" title="Zoom out (−)">−</button>
          <button @click=${(e: Event) => this.view.fit(e)} aria-label="Fit all events" title="Fit (0)">Fit</button>
          <button @click=${() => (this.listView = !this.listView)} aria-pressed=${this.listView ? 'true' : 'false'}>List</button>
        </span>
      </div>
      ${filtersPart({
        actors: ready.dataset.actors, counts: this.shown.counts, facetValues: this.facetValues, filters: this.filters, shown: this.shown.items.length, total: ready.items.length,
        window: this.width === 0 || this.listView ? null : (this.x.domain().map(Number) as [number, number]), on: { actor: this.onActor, toggle: this.toggle },
      })}
      ${this.listView ? listPart(this.shown.items, this.listStart, listPage, this.choose, (start) => (this.listStart = start)) : html`${this.renderOverview(ready)}${this.renderPlot(ready)}`}
      ${tooltipPart(this.hover, ready.byId, this.width, this.locale)}
      ${selected ? guard([selected, ready, this.locale], () => detailsPart(selected, ready, this.locale, this.choose)) : nothing}
    </div>`
  }

  private renderOverview(load: Ready) {
    const scale = this.overviewScale(load)
    if (!scale) return nothing
    if (this.overviewBars?.scale !== scale) {
      // Starts only: one long background period would otherwise fill every bin.
      const [e0, e1] = scale.domain().map(Number) as [number, number]
      const bins = startBins(this.shown.starts, e0, e1, Math.max(this.width, 1), 3)
      this.overviewBars = { scale, d: barsPath({ y: 2, height: overviewHeight - 4, bins }) }
    }
    return overviewPart(Math.max(this.width, 1), overviewHeight, this.overviewBars.d)
  }

  private overview?: { start: number; end: number; width: number; scale: ScaleTime<number, number> }

  /**
   * The overview strip's scale: the data's span (see overviewSpan), widened to the window at zoom
   * 1 and to the window shown, so that the brush always lies inside the strip; null without
   * events. Made again only when that domain or the width changes; shared, so not to be changed.
   */
  private overviewScale(load: Ready): ScaleTime<number, number> | null {
    if (!load.span) return null
    const width = Math.max(this.width, 1)
    const base = this.baseDomain ?? load.span
    const [w0, w1] = this.x.domain().map(Number) as [number, number]
    const start = Math.min(load.span[0], base[0], w0)
    const end = Math.max(load.span[1], base[1], w1)
    const o = this.overview
    if (!o || o.start !== start || o.end !== end || o.width !== width) {
      this.overview = { start, end, width, scale: scaleUtc().domain([start, end]).range([0, width]) }
    }
    return this.overview!.scale
  }

  private renderPlot(ready: Ready) {
    if (this.width === 0) return nothing
    const x = this.x
    return plotPart({
      frame: this.plotModel(ready, x, this.width), x, asOf: ready.asOf, relations: ready.dataset.relations ?? [], selected: this.selected, shown: this.shown.items.length,
      on: { key: this.onKey, click: this.onPlotClick, pointerMove: this.onPointerMove, pointerLeave: this.onPointerLeave },
    })
  }

  /** What is on the canvas under a pointer: an unlabelled mark or a density bucket. */
  private hitAt(event: MouseEvent): Hit {
    const plot = this.plot
    const frame = this.plotMemo?.model
    if (!plot || !frame) return null
    const box = plot.getBoundingClientRect()
    return hitTest(frame, event.clientX - box.left, event.clientY - box.top - axisHeight)
  }

  /** The user chose an event (or none) by `event`: a click or a key. */
  private choose = (id: string | null, event: Event) => {
    if (id === this.selected) return
    this.selected = id
    this.pendingReveal = id === null ? false : { event }
    this.url.write(id)
    this.dispatchEvent(new CustomEvent<TimelineSelectDetail>('timeline-select', { detail: { id }, bubbles: true, composed: true }))
  }

  private onPlotClick = (event: MouseEvent) => {
    const mark = (event.target as Element).closest('[data-event-id]')
    if (mark) return this.choose(mark.getAttribute('data-event-id'), event)
    const hit = this.hitAt(event)
    if (hit && 'row' in hit) return this.choose(this.ready?.items[hit.row]?.id ?? null, event)
    const plot = event.currentTarget as SVGSVGElement
    // On a lane drawn as density, a click zooms in on that spot.
    if (hit && !hit.long) {
      const box = plot.getBoundingClientRect()
      this.view.zoomBy(4, event, [event.clientX - box.left, event.clientY - box.top])
    }
  }

  private onPointerMove = (event: PointerEvent) => {
    const host = this.getBoundingClientRect()
    const [x, y] = [event.clientX - host.left, event.clientY - host.top]
    const id = (event.target as Element).closest('[data-event-id]')?.getAttribute('data-event-id')
    if (id) return void (this.hover = { id, x, y })
    const hit = this.hitAt(event)
    const row = hit && 'row' in hit ? this.ready?.items[hit.row] : undefined
    if (row) this.hover = { id: row.id, x, y }
    else if (hit && 'count' in hit) this.hover = { bucket: hit, window: this.x, x, y }
    else if (this.hover) this.hover = null
  }

  private onPointerLeave = () => (this.hover = null)

  private onSearch = (event: Event) => {
    this.filters = { ...this.filters, query: (event.target as HTMLInputElement).value }
  }

  private onActor = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value
    this.filters = { ...this.filters, actor: new Set(value ? [value] : []) }
  }

  private toggle = (facet: Exclude<Facet, 'actor'>, value: string) => {
    const next = new Set(this.filters[facet])
    if (!next.delete(value)) next.add(value)
    this.filters = { ...this.filters, [facet]: next }
  }

  private onHostKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.selected !== null) {
      event.preventDefault()
      this.choose(null, event)
    }
  }

  private onKey = (event: KeyboardEvent) => {
    const items = this.shown.items
    const index = this.selected === null ? -1 : this.shownIndexOf(this.selected)
    const go = (i: number) => {
      const item = items[Math.max(0, Math.min(items.length - 1, i))]
      if (item) this.choose(item.id, event)
    }
    const pan = (fraction: number) => this.view.panBy(fraction, event)
    // Shift with the arrows pans; the arrows alone walk the events in time order.
    if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault()
      return pan(event.key === 'ArrowLeft' ? -0.2 : 0.2)
    }
    const keys: Record<string, () => void> = {
      ArrowRight: () => go(index + 1),
      ArrowDown: () => go(index + 1),
      ArrowLeft: () => go(index === -1 ? items.length - 1 : index - 1),
      ArrowUp: () => go(index === -1 ? items.length - 1 : index - 1),
      Home: () => go(0),
      End: () => go(items.length - 1),
      PageUp: () => pan(-0.5),
      PageDown: () => pan(0.5),
      '+': () => this.view.zoomBy(1.5, event),
      '=': () => this.view.zoomBy(1.5, event),
      '-': () => this.view.zoomBy(1 / 1.5, event),
      '0': () => this.view.fit(event),
      Enter: () => (index === -1 ? go(0) : this.renderRoot.querySelector<HTMLElement>('[part="details"]')?.scrollIntoView({ block: 'nearest' })),
    }
    const action = keys[event.key]
    if (action) {
      event.preventDefault()
      action()
    }
  }

  private get plot() {
    return this.renderRoot.querySelector<SVGSVGElement>('svg.plot')
  }

  /** Shows prepared data, and returns it as shown. */
  private display(prepared: Ready): Ready {
    // A new version of the same data keeps the user's zoom; other data starts fitted.
    const same = this.ready?.dataset.id === prepared.dataset.id
    const ready = same ? { ...prepared, window: this.ready!.window } : prepared
    this.load = ready
    if (!same) this.view.reset()
    if (!same && this.selected !== null) this.pendingReveal ||= { event: undefined }
    return ready
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diplomatic-timeline': DiplomaticTimeline
  }
  interface HTMLElementEventMap {
    'timeline-select': CustomEvent<TimelineSelectDetail>
    'timeline-range-change': CustomEvent<TimelineRangeChangeDetail>
  }
}
