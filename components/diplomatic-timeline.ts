import { LitElement, html, nothing, svg, type PropertyDeclaration, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { guard } from 'lit/directives/guard.js'
import { repeat } from 'lit/directives/repeat.js'
import { scaleUtc, type ScaleTime } from 'd3-scale'
import { pointer, select } from 'd3-selection'
import { brushX, type BrushBehavior } from 'd3-brush'
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom'
import type { EventDataset } from '../src/model/index.ts'
import { DensityCounter } from '../src/timeline/density.ts'
import { binPaths, type BinPath } from '../src/timeline/draw.ts'
import { formatDayRange } from '../src/dates/format.ts'
import { asOf, drawable, initialWindow, overviewSpan, reachOf, toTimelineEventsIfLoaded, type TimelineEvent } from '../src/timeline/events.ts'
import { allFacetCounts, applyFilters, filtering, noFilters, type Facet, type Filters } from '../src/timeline/filter.ts'
import { byLaneLabel, drawnAsDot, drawnAt, eachLane, GroupBy, insideLabelX, labelGap, layout, type Layout, type Mark } from '../src/timeline/layout.ts'
import { safeHref } from '../src/timeline/links.ts'
import { stripBom } from '../src/validate/bom.ts'
import type { Problem, ValidationResult } from '../src/validate/index.ts'
import { atStart } from '../src/validate/at-start.ts'
import { problemCount } from '../src/validate/problem-count.ts'
import { styles } from './diplomatic-timeline.styles.ts'
import { messageOf } from '../src/message-of.ts'

type Ready = {
  state: 'ready'
  dataset: EventDataset
  items: TimelineEvent[]
  /** An event by its id: selection, hover, details and reveal look events up here, not through the list. */
  byId: (id: string) => TimelineEvent | undefined
  asOf: { ms: number; label: string } | null
  window: [number, number] | null
  /** From the first start to the last end: how far the window can pan. */
  extent: [number, number] | null
  /** The overview strip's domain (see overviewSpan). */
  span: [number, number] | null
  /** A lane's name: an actor's short name for an actor id, else the key itself (a category). */
  laneLabel: (key: string) => string
}
type Load =
  | { state: 'empty' }
  | { state: 'loading' }
  | Ready
  /**
   * `previous` is the last valid data, still shown under the alert, so a bad edit loses nothing on
   * screen. `placeless`: the problem is with the whole load (a network failure), at no place in a text.
   */
  | { state: 'error'; title: string; problems: Problem[]; placeless: boolean; previous?: Ready }

export interface TimelineSelectDetail {
  id: string | null
}
export interface TimelineRangeChangeDetail {
  /** ISO 8601 instants (UTC) of the window's edges. */
  start: string
  end: string
}

const rowHeight = 22
const laneHeader = 16
const axisHeight = 28
const overviewHeight = 28
const densityLaneHeight = 30
/** Above this many events in view, lanes are drawn as density rather than one mark each. */
const maxMarks = 150
/** Rows on a page of the list view. */
const listPage = 200
const hour = 3_600_000
const century = 100 * 365.25 * 86_400_000

/** How a relation reads from its "from" event, and from its "to" event. */
const relationVerbs: Record<string, string> = {
  accuses: 'accuses', denies: 'denies', confirms: 'confirms', 'responds-to': 'responds to',
  'follows-up': 'follows up', 'follows-from': 'follows from', 'part-of': 'part of',
}
const relationVerbsPassive: Record<string, string> = {
  accuses: 'accused by', denies: 'denied by', confirms: 'confirmed by', 'responds-to': 'answered by',
  'follows-up': 'followed up by', 'follows-from': 'led to', 'part-of': 'includes',
}

const chipFacets = ['category', 'status', 'certainty'] as const

/**
 * Validation (the JSON Schema validator, the messages, the general EDTF grammar) is a separate
 * module, fetched after the first paint (see ingest): the timeline is drawn first, and checked
 * while it shows.
 */
const loadValidator = () => import('../src/validate/index.ts')

/** What the zoom's limits follow: the data, the width and the window at zoom 1. */
const zoomLimitInputs = ['load', 'width', 'start', 'end'] as const

/** After the next paint, or soon in a hidden page, which paints nothing. */
const afterPaint = () => new Promise<void>((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve))
  setTimeout(resolve, 100)
})

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
  @state() private transform: ZoomTransform = zoomIdentity
  @state() private listView = false
  /** The first event the list view shows: it shows a page of them, as thousands of rows would take seconds to build. */
  @state() private listStart = 0
  @state() private filters: Filters = noFilters
  @state() private hover: { id: string; x: number; y: number } | null = null
  /** The data last found valid. Data on screen that is not this one is still being checked. */
  private valid?: Ready
  /** The request whose data `valid` is: an older check that ends later does not replace it. */
  private validRequest = 0

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

  /**
   * Settles once the data last given (by `data` or `src`) has been validated, with its problems:
   * none when it is valid; past the first 1,000, one last problem counts the rest (add them up
   * with `problemCount`). The timeline is drawn before that, as soon as the data can be. A failure
   * of the whole load (the file could not be fetched, the validator could not be loaded) is one
   * problem at line 1, column 1, with no place in any text; the alert shows it without one.
   * @example const problems = await timeline.validation
   */
  validation: Promise<Problem[]> = Promise.resolve([])

  private request = 0
  private shown: readonly TimelineEvent[] = []
  private counts = new Map<Facet, Map<string, number>>()
  /** Every value of each chip facet in the data, so a chip stays (at 0) when other filters empty it. */
  private facetValues = new Map<Facet, string[]>()
  /** The overview's bars, drawn again when the data, the filters, the width or the strip's span change. */
  private overviewBars?: { scale: ScaleTime<number, number>; paths: BinPath[] }
  private resizeObserver?: ResizeObserver
  private zoomBehavior?: ZoomBehavior<SVGSVGElement, unknown>
  private brush?: BrushBehavior<unknown>
  private userZoom = false
  private rangeChanged = false
  /**
   * A selected event to bring into view after the next render: 'user' when the user chose it (a
   * click or a key), so that moving the window is their action too; 'page' when the page set it.
   */
  private pendingReveal: false | 'user' | 'page' = false
  /** Widths of characters measured so far: the first 128 in an array, the rest in a map. */
  private asciiWidths = new Float64Array(128).fill(NaN)
  private widths = new Map<string, number>()
  private measureContext?: CanvasRenderingContext2D | null

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration) {
    super.requestUpdate(name, oldValue, options)
    // New data is read in the next update; until then `validation` already stands for its check.
    if (name === 'data' || name === 'src') {
      const before = this.validation
      const next: Promise<Problem[]> = this.updateComplete.then(() => (this.validation === next ? before : this.validation))
      this.validation = next
    }
  }

  /** Set by zoom and pan input: the update it asks for waits for the next animation frame. */
  private nextFrame = false

  protected override async scheduleUpdate(): Promise<unknown> {
    if (this.nextFrame) await new Promise((resolve) => requestAnimationFrame(resolve))
    this.nextFrame = false
    return super.scheduleUpdate()
  }

  override connectedCallback() {
    super.connectedCallback()
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0)
      // Next frame: re-rendering inside the observer's callback changes our height and loops it.
      if (width !== this.width) requestAnimationFrame(() => (this.width = width))
    })
    this.resizeObserver.observe(this)
    // A web font that arrives after the first render changes every label's width.
    document.fonts?.addEventListener('loadingdone', this.onFontsLoaded)
    if (this.syncUrl) {
      window.addEventListener('hashchange', this.onHashChange)
      this.onHashChange()
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.resizeObserver?.disconnect()
    document.fonts?.removeEventListener('loadingdone', this.onFontsLoaded)
    window.removeEventListener('hashchange', this.onHashChange)
  }

  protected override willUpdate(changed: PropertyValues) {
    // The first render knows its width, rather than drawing once at zero and again at once.
    if (this.width === 0) this.width = Math.floor(this.getBoundingClientRect().width)
    if (changed.has('data') && this.data !== undefined) this.validation = this.ingest({ value: this.data }, 'the data property')
    else if (changed.has('src') && this.src) this.validation = this.fetchSource(this.src)
    if (changed.has('selected')) this.pendingReveal = this.selected === null ? false : this.pendingReveal || 'page'
    if (changed.has('load') || changed.has('filters')) {
      const items = this.ready?.items ?? []
      this.shown = applyFilters(items, this.filters)
      this.counts = allFacetCounts(items, this.filters)
      if (changed.has('load')) {
        // Every value in the data, filtered or not: a chip stays (at 0) when other filters empty it.
        const all = filtering(this.filters) ? allFacetCounts(items, noFilters) : this.counts
        this.facetValues = new Map(chipFacets.map((f) => [f, [...(all.get(f)?.keys() ?? [])].sort()]))
      }
      this.overviewBars = undefined
      this.listStart = 0
    }
    // The list's page holds the selected event.
    if (['selected', 'load', 'filters'].some((p) => changed.has(p)) && this.selected !== null) {
      const index = this.shown.findIndex((i) => i.id === this.selected)
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
    this.attachZoom()
    this.attachBrush()
    // The limits follow the data, the width and the window at zoom 1 (the start and end attributes).
    if (zoomLimitInputs.some((p) => changed.has(p)) && this.zoomBehavior) this.limitZoom(this.zoomBehavior)
    // Before the zoom behaviour is attached (the first render), the reveal waits until now.
    this.revealPending()
  }

  /** Brings a selected event into view, once the plot can zoom. */
  private revealPending() {
    if (!this.pendingReveal || this.width === 0 || !this.zoomBehavior) return
    const byUser = this.pendingReveal === 'user'
    this.pendingReveal = false
    this.reveal(this.selected, byUser)
  }

  /** The labels' font, read from the computed style once, not on every frame (reading it forces a style pass). */
  private fontCache?: string
  private get font() {
    return (this.fontCache ??= getComputedStyle(this).font || '13px system-ui, sans-serif')
  }

  /** Labels were cut to widths measured in a web font's fallback: measured and cut again once it has loaded. */
  private onFontsLoaded = () => {
    this.fontCache = undefined
    this.widths.clear()
    this.asciiWidths.fill(NaN)
    this.plotMemo = undefined
    this.requestUpdate()
  }

  /** The data on screen: the current data, or the last valid data while the current is in error. */
  private get ready(): Ready | undefined {
    const load = this.load
    return load.state === 'ready' ? load : load.state === 'error' ? load.previous : undefined
  }

  /** Fetches `src` again, as after the file was saved; the timeline stays on screen meanwhile. */
  reload(): Promise<void> {
    if (!this.src) return Promise.resolve()
    this.validation = this.fetchSource(this.src)
    return this.validation.then(() => undefined)
  }

  /** The window shown at zoom 1: the start/end attributes, or one fitted to the events. */
  private get baseDomain(): [number, number] | null {
    const given = [Date.parse(`${this.start}T00:00:00Z`), Date.parse(`${this.end}T00:00:00Z`) + 86_400_000]
    if (given[0]! < given[1]!) return given as [number, number]
    return this.ready?.window ?? null
  }

  /** The plot's lanes and marks, kept while the events shown, the window, the width and the grouping stay: hovering and selecting reuse them. */
  private plotMemo?: { key: readonly unknown[]; model: ReturnType<DiplomaticTimeline['layOutPlot']> }

  private plotModel(load: Ready, x: ScaleTime<number, number>, width: number) {
    const key = [load, this.shown, x, width, this.groupBy] as const
    if (!this.plotMemo || this.plotMemo.key.some((k, i) => k !== key[i])) this.plotMemo = { key, model: this.layOutPlot(load, x, width) }
    return this.plotMemo.model
  }

  private layOutPlot(load: Ready, x: ScaleTime<number, number>, width: number) {
    const [d0, d1] = x.domain().map(Number) as [number, number]
    const span = d1 - d0
    // Only events in or next to the window are laid out, so a pan has labels ready at the edges.
    const near = this.shown.filter((i) => i.end >= d0 - span && i.start <= d1 + span)
    const inView = near.filter((i) => i.end >= d0 && i.start <= d1)
    const laneLabel = load.laneLabel
    const dense = inView.length > maxMarks
    const laid: Layout = dense
      ? { lanes: [], marks: [], height: 0 }
      : layout(near, { groupBy: this.groupBy, x: (ms) => x(ms), rowHeight, lanePadding: 2, laneHeader, measure: this.measure, laneLabel, minMarkWidth: 10, right: width })
    // Density needs no margin for labels: its lanes and counts are of the events in view.
    const lanesDense = dense ? this.densityLanes(inView, x, width, laneLabel) : []
    const plotHeight = dense ? lanesDense.length * densityLaneHeight : laid.height
    // Thousands of bins drawn as a few paths, one per shade, not an element each.
    const densityPaths = binPaths(lanesDense.map((lane, i) => ({ y: i * densityLaneHeight + 15, height: 12, bins: lane.bins })), 'opacity')
    return { dense, laid, lanesDense, densityPaths, plotHeight }
  }

  // Each d3 UTC scale, copies included, builds its own tick formats: made once per width, window and zoom.
  private scales?: { width: number; start?: number; end?: number; transform: ZoomTransform; base: ScaleTime<number, number>; x: ScaleTime<number, number> }

  private scalesNow() {
    const width = Math.max(this.width, 1)
    const domain = this.baseDomain
    let s = this.scales
    if (!s || s.width !== width || s.start !== domain?.[0] || s.end !== domain?.[1]) {
      const base = scaleUtc().range([0, width])
      if (domain) base.domain(domain)
      s = this.scales = { width, start: domain?.[0], end: domain?.[1], transform: zoomIdentity, base, x: base }
    }
    if (s.transform !== this.transform) {
      s.transform = this.transform
      s.x = this.transform.rescaleX(s.base)
    }
    return s
  }

  /** The scale at zoom 1; shared, so not to be changed. */
  private get baseScale(): ScaleTime<number, number> {
    return this.scalesNow().base
  }

  /** The scale of the window shown; shared, so not to be changed. */
  private get x(): ScaleTime<number, number> {
    return this.scalesNow().x
  }

  /** Zoom from about a century to about an hour; pan no further than a window past the events. */
  private limitZoom(zoom: ZoomBehavior<SVGSVGElement, unknown>) {
    zoom.scaleExtent(this.scaleExtent())
    const extent = this.ready?.extent
    const width = Math.max(this.width, 1)
    if (!extent) return void zoom.translateExtent([[-Infinity, -Infinity], [Infinity, Infinity]])
    const base = this.baseScale
    zoom.translateExtent([[Math.min(base(extent[0]), 0) - width, -Infinity], [Math.max(base(extent[1]), width) + width, Infinity]])
  }

  /** From about a century to about an hour across the plot, so nobody gets lost. */
  private scaleExtent(): [number, number] {
    const domain = this.baseDomain
    const span = domain ? domain[1] - domain[0] : century
    return [Math.min(1, span / century), Math.max(1, span / hour)]
  }

  // Text width as the sum of its characters' widths, each measured once in the drawn font: label
  // elision tries many prefixes per frame, and measuring each with the canvas would cost far more.
  private measure = (text: string) => {
    let width = 0
    // By code unit, not for…of: this runs for every label cut on every zoom frame.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code < 128) {
        const w = this.asciiWidths[code]!
        width += Number.isNaN(w) ? (this.asciiWidths[code] = this.charWidth(text[i]!)) : w
        continue
      }
      // A character beyond the first 65,536 is two code units, measured together.
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length
      const char = pair ? text.slice(i, i + 2) : text[i]!
      if (pair) i++
      let w = this.widths.get(char)
      if (w === undefined) this.widths.set(char, (w = this.charWidth(char)))
      width += w
    }
    return width
  }

  private charWidth(char: string): number {
    this.measureContext ??= document.createElement('canvas').getContext('2d')
    if (!this.measureContext) return 7
    this.measureContext.font = this.font
    return this.measureContext.measureText(char).width
  }

  override render() {
    const load = this.load
    if (load.state === 'loading') return html`<p role="status">Loading timeline…</p>`
    const ready = this.ready
    const alert = load.state === 'error' ? this.renderProblems(load, ready !== undefined) : nothing
    if (!ready) return alert
    // The details read every field of an event: shown once the data is known to be valid. They
    // change with the selection, the data and the locale, not with each zoom frame.
    const selected = ready === this.valid && this.selected !== null ? ready.byId(this.selected) : undefined
    return html`${alert}<div @keydown=${this.onHostKey}>
      <div class="toolbar" part="toolbar">
        <h2>${ready.dataset.title}</h2>
        <span class="controls">
          <input type="search" placeholder="Search events" aria-label="Search events and quotes"
            .value=${this.filters.query} @input=${this.onSearch} />
          <button @click=${() => this.zoomBy(1.5)} aria-label="Zoom in" title="Zoom in (+)">+</button>
          <button @click=${() => this.zoomBy(1 / 1.5)} aria-label="Zoom out" title="Zoom out (−)">−</button>
          <button @click=${this.fit} aria-label="Fit all events" title="Fit (0)">Fit</button>
          <button @click=${() => (this.listView = !this.listView)} aria-pressed=${this.listView ? 'true' : 'false'}>List</button>
        </span>
      </div>
      ${this.renderFilters(ready)}
      ${this.listView ? this.renderList(this.shown) : html`${this.renderOverview(ready)}${this.renderPlot(ready)}`}
      ${this.renderTooltip(ready)}
      ${selected ? guard([selected, ready, this.locale], () => this.renderDetails(selected, ready)) : nothing}
    </div>`
  }

  private renderProblems({ title, problems, placeless }: Extract<Load, { state: 'error' }>, keptPrevious: boolean) {
    return html`<div part="error" role="alert">
      <strong>${title}</strong>${keptPrevious ? html` <span>Showing the last valid version.</span>` : nothing}
      <ul>
        ${problems.slice(0, 5).map((p) => html`<li>${placeless ? '' : `line ${p.line}, column ${p.column}: `}${p.message}</li>`)}
      </ul>
      ${problems.length > 5 ? html`<p>…and ${problemCount(problems) - 5} more.</p>` : nothing}
    </div>`
  }

  private renderFilters(load: Ready) {
    // The chips and the actor list change with the data and the filters, not with each zoom frame.
    return html`<div class="filters" part="filters">
      ${guard([load, this.counts, this.facetValues, this.filters], () => this.renderChoices(load))}
      <span class="shown"><span aria-live="polite">${this.shown.length} of ${load.items.length} events shown</span>${this.windowLabel()}</span>
    </div>`
  }

  private renderChoices(load: Ready) {
    const actorNames = new Map(load.dataset.actors.map((a) => [a.id, a.name]))
    const actorCounts = this.counts.get('actor') ?? new Map<string, number>()
    const chosenActor = [...this.filters.actor][0] ?? ''
    return html`<select aria-label="Actor" @change=${this.onActor}>
        <option value="" ?selected=${chosenActor === ''}>All actors</option>
        ${[...actorNames].filter(([id]) => actorCounts.has(id) || id === chosenActor).map(
          ([id, name]) => html`<option value=${id} ?selected=${id === chosenActor}>${name} (${actorCounts.get(id) ?? 0})</option>`,
        )}
      </select>
      ${chipFacets.map((facet) => {
        const counts = this.counts.get(facet) ?? new Map<string, number>()
        const values = this.facetValues.get(facet) ?? []
        return html`<span role="group" aria-label=${facet}>${values.map((value) => {
          const on = this.filters[facet].has(value)
          return html`<button class="chip" aria-pressed=${on ? 'true' : 'false'} data-facet=${facet} data-value=${value}
            @click=${() => this.toggle(facet, value)}>${value}<span class="count">${counts.get(value) ?? 0}</span></button>`
        })}</span>`
      })}`
  }

  /** " · 31 Aug – 25 Sep 2016": the window in words, since day ticks name no month or year. */
  private windowLabel() {
    if (this.width === 0 || this.listView) return nothing
    const [start, end] = this.x.domain().map(Number) as [number, number]
    return html`<span class="window"> · ${formatDayRange(start, end)}</span>`
  }

  private renderOverview(load: Ready) {
    const width = Math.max(this.width, 1)
    const scale = this.overviewScale(load)
    if (!scale) return nothing
    if (this.overviewBars?.scale !== scale) {
      // Starts only: one long background period would otherwise fill every bin. A UTC scale is
      // linear in ms, so one multiply-add places each start.
      const [e0, e1] = scale.domain().map(Number) as [number, number]
      const k = width / Math.max(1, e1 - e0)
      const counter = new DensityCounter(width, 3)
      const shown = this.shown
      for (let i = 0; i < shown.length; i++) counter.add((shown[i]!.start - e0) * k, (shown[i]!.start - e0) * k)
      const bins = counter.bins()
      this.overviewBars = { scale, paths: binPaths([{ y: 2, height: overviewHeight - 4, bins }], 'height') }
    }
    return html`<svg class="overview" part="overview" width=${width} height=${overviewHeight} aria-hidden="true">
      <rect class="frame" x="0.5" y="0.5" width=${width - 1} height=${overviewHeight - 1}></rect>
      ${this.overviewBars.paths.map((p) => svg`<path class="bars" fill-opacity=${p.opacity} d=${p.d}></path>`)}
      <g class="brush"></g>
    </svg>`
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

  private renderPlot(load: Ready) {
    const width = this.width
    if (width === 0) return nothing
    const x = this.x
    const { dense, laid, lanesDense, densityPaths, plotHeight } = this.plotModel(load, x, width)
    const lanesHeight = Math.max(plotHeight, rowHeight * 2)
    // Below the lanes: room for the "as of" label, clear of every mark.
    const height = axisHeight + lanesHeight + 18
    // Ticks too close to an edge would have their labels cut in half.
    const ticks = x.ticks(Math.max(2, Math.floor(width / 90))).filter((t) => x(t) >= 24 && x(t) <= width - 24)
    const tickFormat = x.tickFormat()
    const visible = laid.marks.filter((m) => m.x2 >= -50 && m.x1 <= width + 10)
    const active = visible.some((m) => m.item.id === this.selected) ? `mark-${this.selected}` : nothing
    return html`<svg class="plot" part="plot" width=${width} height=${height} viewBox="0 0 ${width} ${height}"
        role="application" tabindex="0" aria-activedescendant=${active}
        aria-label="Timeline of ${this.shown.length} events. Arrow keys move between events in time order, Home and End go to the first and last, Enter shows details, plus and minus zoom, Shift with the arrows or Page Up and Page Down pan."
        @keydown=${this.onKey} @click=${this.onPlotClick} @pointermove=${this.onPointerMove} @pointerleave=${this.onPointerLeave}>
      <defs>
        <pattern id="dt-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
        </pattern>
      </defs>
      <g class="axis">${ticks.map((t) => svg`<g class="tick" transform="translate(${x(t)},0)">
          <line y1=${axisHeight - 6} y2=${height}></line>
          <text y=${axisHeight - 10} text-anchor="middle">${tickFormat(t)}</text></g>`)}</g>
      <g transform="translate(0,${axisHeight})">
        ${densityPaths.map((p) => svg`<path class="density" fill-opacity=${p.opacity} d=${p.d}></path>`)}
        ${dense
          ? lanesDense.map((lane, i) => svg`<g class="lane dense" transform="translate(0,${i * densityLaneHeight})">
              <line class="lane-rule" x1="0" x2=${width} y1="0" y2="0"></line>
              <text class="lane-label" x="4" y="12">${lane.label} · ${lane.count}</text></g>`)
          : laid.lanes.map((lane) => svg`<g class="lane">
              <line class="lane-rule" x1="0" x2=${width} y1=${lane.y} y2=${lane.y}></line>
              <text class="lane-label" x="4" y=${lane.y + 12}>${lane.label}</text></g>`)}
        ${load.asOf === null ? nothing : svg`<g class="as-of" transform="translate(${x(load.asOf.ms)},0)">
          <line y1="0" y2=${lanesHeight + 4}></line>
          ${x(load.asOf.ms) > width - 110
            ? svg`<text x="-4" text-anchor="end" y=${lanesHeight + 14}>as of ${load.asOf.label}</text>`
            : svg`<text x="4" y=${lanesHeight + 14}>as of ${load.asOf.label}</text>`}</g>`}
        <!-- Relations under the marks: labels, with their halo, stay legible where a relation crosses them. -->
        ${this.relationPaths(load, laid)}
        ${this.renderMarks(visible)}
      </g>
    </svg>`
  }

  private densityLanes(items: TimelineEvent[], x: ScaleTime<number, number>, width: number, laneLabel: (key: string) => string) {
    const lanes = new Map<string, DensityCounter>()
    // A UTC time scale is linear in ms: map with one multiply-add instead of a scale call per end.
    const [d0, d1] = x.domain().map(Number) as [number, number]
    const k = width / (d1 - d0)
    // The ends, for the lane visitor, in a typed array: a fractional number held in a variable
    // that a closure shares is allocated at every write, twice per event.
    const ends = new Float64Array(2)
    const count = (key: string) => {
      let lane = lanes.get(key)
      if (!lane) lanes.set(key, (lane = new DensityCounter(width, 4)))
      lane.add(ends[0]!, ends[1]!)
    }
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!
      ends[0] = (item.start - d0) * k
      ends[1] = (item.end + 1 - d0) * k
      eachLane(item, this.groupBy, count)
    }
    return [...lanes.keys()].sort(byLaneLabel(laneLabel)).map((key) => {
      const lane = lanes.get(key)!
      return { key, label: laneLabel(key), count: lane.added, bins: lane.bins() }
    })
  }

  /**
   * An event in several lanes has a mark in each; only the first carries the id that
   * aria-activedescendant names. Keyed by lane and event: as a zoom or pan moves marks in and out
   * of view, the others keep their elements and only move, rather than each taking on its
   * neighbour's text, label and classes.
   */
  private renderMarks(marks: Mark[]) {
    const named = new Set<string>()
    // repeat's keys must be unique, and data not yet checked may repeat an id within a lane.
    const keys = new Set<string>()
    const keyOf = (mark: Mark) => {
      let key = `${mark.lane}\n${mark.item.id}`
      for (let n = 2; keys.has(key); n++) key = `${mark.lane}\n${mark.item.id}\n${n}`
      keys.add(key)
      return key
    }
    return repeat(marks, keyOf, (mark) => {
      const first = !named.has(mark.item.id)
      named.add(mark.item.id)
      return this.renderMark(mark, first)
    })
  }

  private renderMark(mark: Mark, named: boolean) {
    const { item } = mark
    const wide = mark.x2 - mark.x1 > 12
    const bar = wide && !mark.dot
    const classes = ['mark', item.status, item.shape, item.id === this.selected ? 'selected' : ''].join(' ')
    const cy = mark.y + rowHeight / 2 - 2
    return svg`<g class=${classes} part="mark" id=${named ? `mark-${item.id}` : nothing} data-event-id=${item.id} role="button" aria-label=${this.accessibleName(item)}>
      ${wide && mark.dot ? svg`<rect class="extent" x=${mark.x1} y=${cy - 6} width=${mark.x2 - mark.x1} height="12" rx="3"></rect>` : nothing}
      ${bar
        ? svg`<rect class="body" x=${mark.x1} y=${cy - 6} width=${mark.x2 - mark.x1} height="12" rx="3"></rect>`
        : svg`<circle class="body" cx=${mark.cx} cy=${cy} r="5"></circle>`}
      ${item.disputed ? svg`<g transform="translate(${bar ? mark.x2 - 2 : mark.cx + 4},${cy - 7})"><circle class="badge" r="5"></circle><text class="badge-text" text-anchor="middle" y="3" aria-hidden="true">!</text></g>` : nothing}
      ${!mark.label
        ? nothing
        : mark.labelSide === 'left'
          ? svg`<text x=${mark.x1 - labelGap} y=${cy + 4} text-anchor="end" aria-hidden="true">${mark.label}</text>`
          : mark.labelSide === 'inside'
          ? svg`<text class="inside" x=${insideLabelX(mark)} y=${cy + 4} aria-hidden="true">${mark.label}</text>`
          : svg`<text x=${mark.x2 + labelGap} y=${cy + 4} aria-hidden="true">${mark.label}</text>`}
    </g>`
  }

  /** "19 Sep 2016 — UN aid convoy attacked — occurred — attribution disputed" */
  private accessibleName(item: TimelineEvent): string {
    return `${item.dateLabel} — ${item.event.title} — ${item.status}${item.disputed ? ' — attribution disputed' : ''}`
  }

  private relationPaths(load: Ready, laid: Layout) {
    const selected = this.selected
    if (!selected) return nothing
    const at = new Map<string, Mark>()
    for (const m of laid.marks) if (!at.has(m.item.id)) at.set(m.item.id, m)
    const links = (load.dataset.relations ?? []).filter((r) => r.from === selected || r.to === selected)
    return links.map((r) => {
      const [a, b] = [at.get(r.from), at.get(r.to)]
      if (!a || !b) return nothing
      const [x1, y1, x2, y2] = [a.cx, a.y + rowHeight / 2 - 2, b.cx, b.y + rowHeight / 2 - 2]
      const bend = Math.min(60, Math.abs(x2 - x1) / 2 + 20)
      return svg`<path class="relation" d="M${x1},${y1} C${x1},${y1 - bend} ${x2},${y2 - bend} ${x2},${y2}"></path>`
    })
  }

  private renderTooltip(load: Ready) {
    const hover = this.hover
    const item = hover && load.byId(hover.id)
    if (!hover || !item) return nothing
    // 18rem wide at most: keep it inside the element, whatever its width.
    const left = Math.max(0, Math.min(hover.x + 12, this.width - 290))
    return html`<div class="tooltip" part="tooltip" role="tooltip" data-left=${left} data-top=${hover.y + 14}>
      <strong>${item.event.title}</strong><br />
      ${item.event.date.text ? `“${item.event.date.text}” → ` : ''}${item.dateLabel}
    </div>`
  }

  private renderDetails(item: TimelineEvent, { dataset, byId }: Ready) {
    const e = item.event
    const actors = new Map(dataset.actors.map((a) => [a.id, a]))
    const sources = new Map(dataset.sources.map((s) => [s.id, s]))
    const relations = (dataset.relations ?? []).filter((r) => r.from === e.id || r.to === e.id)
    const numbers = new Intl.NumberFormat(this.locale)
    return html`<section part="details" aria-label="Event details">
      <h3>${e.title}</h3>
      ${e.summary ? html`<p>${e.summary}</p>` : nothing}
      <dl>
        <dt>Date</dt><dd>${e.date.text ? html`“${e.date.text}” → ` : nothing}${item.dateLabel} <small>(${item.date.precision} precision${item.date.shape === 'one-of' ? ', one day in the range' : ''}${item.date.approximate ? ', approximate' : ''}${item.date.uncertain ? ', uncertain' : ''})</small></dd>
        <dt>Status</dt><dd>${e.status}</dd>
        <dt>Certainty</dt><dd>${e.certainty}</dd>
        ${e.participants?.length ? html`<dt>Actors</dt><dd>${e.participants.map((p, i) => html`${i ? ', ' : ''}${actors.get(p.actor)?.name ?? p.actor} (${p.role}${p.attribution ? `, ${p.attribution}` : ''})`)}</dd>` : nothing}
        ${e.location ? html`<dt>Where</dt><dd>${e.location.name}</dd>` : nothing}
        ${e.fatalities ? html`<dt>Killed</dt><dd>${e.fatalities.approximate ? 'about ' : ''}${numbers.format(e.fatalities.best)}${e.fatalities.group ? ` (${e.fatalities.group})` : ''}</dd>` : nothing}
      </dl>
      ${(e.evidence ?? []).map((q) => {
        const s = sources.get(q.source)
        const safe = safeHref(s?.url)
        return html`<blockquote>“${q.quote}”<br /><small>— ${safe ? html`<a href=${safe} rel="noopener noreferrer" target="_blank">${s?.headline}</a>` : s?.headline}${s?.publisher ? `, ${s.publisher}` : ''}${s ? `, ${s.datePublished}` : ''}</small></blockquote>`
      })}
      ${relations.length ? html`<h4>Related events</h4><ul class="related">${relations.map((r) => {
        const outgoing = r.from === e.id
        const other = outgoing ? r.to : r.from
        return html`<li>${(outgoing ? relationVerbs : relationVerbsPassive)[r.type]}
          <button class="linklike" data-related-id=${other} @click=${() => this.choose(other)}>${byId(other)?.event.title ?? other}</button></li>`
      })}</ul>` : nothing}
    </section>`
  }

  private renderList(items: readonly TimelineEvent[]) {
    // A page that holds an event: it goes back to the first whenever the events shown change.
    const start = this.listStart
    const end = Math.min(items.length, start + listPage)
    const rows = items.slice(start, end)
    return html`<table part="list">
      <caption class="sr-only">Events in time order</caption>
      <thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Certainty</th></tr></thead>
      <tbody>${rows.map((i) => html`<tr data-event-id=${i.id}>
        <td>${i.dateLabel}</td>
        <td><button class="linklike" @click=${() => this.choose(i.id)}>${i.event.title}</button></td>
        <td>${i.status}</td><td>${i.certainty}${i.disputed ? ', attribution disputed' : ''}</td></tr>`)}</tbody>
    </table>
    ${items.length > listPage
      ? html`<p class="more">Events ${start + 1}–${end} of ${items.length}.
          <button ?disabled=${start === 0} @click=${() => (this.listStart = Math.max(0, start - listPage))}>Earlier</button>
          <button ?disabled=${end >= items.length} @click=${() => (this.listStart = end)}>Later</button></p>`
      : nothing}`
  }

  private choose(id: string | null) {
    if (id === this.selected) return
    this.selected = id
    this.pendingReveal = id === null ? false : 'user'
    if (this.syncUrl) history.replaceState(history.state, '', id ? `#event=${encodeURIComponent(id)}` : location.pathname + location.search)
    this.dispatchEvent(new CustomEvent<TimelineSelectDetail>('timeline-select', { detail: { id }, bubbles: true, composed: true }))
  }

  private onHashChange = () => {
    const match = /(?:^#|&)event=([^&]+)/.exec(location.hash)
    if (match) this.selected = decodeURIComponent(match[1]!)
  }

  private onPlotClick = (event: MouseEvent) => {
    const mark = (event.target as Element).closest('[data-event-id]')
    if (mark) return this.choose(mark.getAttribute('data-event-id'))
    const plot = event.currentTarget as SVGSVGElement
    // Where lanes are drawn as density, a click zooms in on that spot.
    if (this.plotMemo?.model.dense && this.zoomBehavior) {
      const box = plot.getBoundingClientRect()
      this.userZoom = true
      select(plot).call(this.zoomBehavior.scaleBy, 4, [event.clientX - box.left, event.clientY - box.top])
    }
  }

  private onPointerMove = (event: PointerEvent) => {
    const id = (event.target as Element).closest('[data-event-id]')?.getAttribute('data-event-id')
    const host = this.getBoundingClientRect()
    this.hover = id ? { id, x: event.clientX - host.left, y: event.clientY - host.top } : null
  }

  private onPointerLeave = () => (this.hover = null)

  private onSearch = (event: Event) => {
    this.filters = { ...this.filters, query: (event.target as HTMLInputElement).value }
  }

  private onActor = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value
    this.filters = { ...this.filters, actor: new Set(value ? [value] : []) }
  }

  private toggle(facet: Exclude<Facet, 'actor'>, value: string) {
    const next = new Set(this.filters[facet])
    if (!next.delete(value)) next.add(value)
    this.filters = { ...this.filters, [facet]: next }
  }

  private onHostKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.selected !== null) {
      event.preventDefault()
      this.choose(null)
    }
  }

  private onKey = (event: KeyboardEvent) => {
    const items = this.shown
    const index = items.findIndex((i) => i.id === this.selected)
    const go = (i: number) => {
      const item = items[Math.max(0, Math.min(items.length - 1, i))]
      if (item) this.choose(item.id)
    }
    const pan = (fraction: number) => this.panBy(fraction)
    // Shift with the arrows pans; the arrows alone walk the events in time order.
    if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault()
      return this.panBy(event.key === 'ArrowLeft' ? -0.2 : 0.2)
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
      '+': () => this.zoomBy(1.5),
      '=': () => this.zoomBy(1.5),
      '-': () => this.zoomBy(1 / 1.5),
      '0': () => this.fit(),
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

  private attachZoom() {
    const plot = this.plot as (SVGSVGElement & { __zoom?: ZoomTransform }) | null
    if (!plot) return void (this.zoomBehavior = undefined)
    // d3-zoom keeps the transform on the element; keep it in step when the element resets it (new data, Fit).
    if (this.zoomBehavior && plot.__zoom) return void (plot.__zoom = this.transform)
    this.zoomBehavior = d3zoom<SVGSVGElement, unknown>()
      .filter((event: Event) => {
        // Clicks on marks select; the wheel, drags and pinches elsewhere zoom and pan.
        if (event.type === 'mousedown' && (event.target as Element).closest('.mark')) return false
        return (!(event as MouseEvent).ctrlKey || event.type === 'wheel') && !(event as MouseEvent).button
      })
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        // Wheel and pointer events come faster than frames: draw once per frame, at the latest transform.
        if (event.sourceEvent) this.nextFrame = true
        this.transform = event.transform
        if (event.sourceEvent || this.userZoom) this.rangeChanged = true
      })
      .on('end', () => {
        this.userZoom = false
        if (!this.rangeChanged) return
        this.rangeChanged = false
        // Once the new window is drawn: a zoom can end inside an update (a selection brought into view).
        void this.updateComplete.then(() => {
          const [start, end] = this.x.domain()
          this.dispatchEvent(new CustomEvent<TimelineRangeChangeDetail>('timeline-range-change', {
            detail: { start: start!.toISOString(), end: end!.toISOString() }, bubbles: true, composed: true,
          }))
        })
      })
    this.limitZoom(this.zoomBehavior)
    select(plot).call(this.zoomBehavior).on('dblclick.zoom', null)
    plot.__zoom = this.transform
  }

  /** Keeps the overview's brush on the plot's window, and lets a brush gesture set the window. */
  private attachBrush() {
    const g = this.renderRoot.querySelector<SVGGElement>('svg.overview .brush')
    const load = this.ready
    if (!g || !load) return
    const width = Math.max(this.width, 1)
    const all = this.overviewScale(load)
    if (!all) return
    const fresh = !this.brush || !(g as unknown as { __brush?: unknown }).__brush
    if (fresh) {
      // Moves made here (brush.move without an event) come with no sourceEvent: only the user's gestures act.
      this.brush = brushX<unknown>().on('brush end', (event: { type: string; selection: [number, number] | null; sourceEvent: Event | null }) => {
        const current = this.brushScale
        if (!event.sourceEvent || !current) return
        if (event.selection) return this.showWindow(current.invert(event.selection[0]).getTime(), current.invert(event.selection[1]).getTime())
        if (event.type !== 'end') return
        // A click without a drag: d3 clears its brush. Centre the window there, and draw the brush again.
        const [x0, x1] = this.x.domain().map(Number) as [number, number]
        const at = current.invert(pointer(event.sourceEvent, g)[0]).getTime()
        this.brushSelection = undefined
        this.showWindow(at - (x1 - x0) / 2, at + (x1 - x0) / 2)
        this.requestUpdate()
      })
    }
    // Setting up the brush builds its DOM: only when it is new or the strip changed width.
    if (fresh || this.brushWidth !== width) {
      this.brush!.extent([[0, 0], [width, overviewHeight]])
      select(g).call(this.brush!)
      this.brushWidth = width
    }
    this.brushScale = all
    const [d0, d1] = this.x.domain()
    let selection: [number, number] | null = [Math.max(0, all(d0!)), Math.min(width, all(d1!))]
    // The strip holds the window, so the brush is never cut; a window narrower than two of its pixels gets two.
    if (selection[1] <= selection[0]) selection = null
    else if (selection[1] - selection[0] < 2) {
      const mid = (selection[0] + selection[1]) / 2
      selection = [Math.max(0, mid - 1), Math.min(width, mid + 1)]
    }
    const shown = this.brushSelection
    const same = (a: [number, number] | null, b: [number, number] | null) =>
      a === b || (a !== null && b !== null && Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) < 0.5)
    if (!fresh && shown !== undefined && same(shown, selection)) return
    select(g).call(this.brush!.move, selection)
    this.brushSelection = selection
  }

  private brushWidth = 0
  /** What the brush shows (null: nothing), or undefined when it must be drawn again. */
  private brushSelection?: [number, number] | null
  private brushScale?: ScaleTime<number, number>

  /** Sets the plot's window to [start, end] (UTC ms), as a user action. */
  private showWindow(start: number, end: number) {
    const plot = this.plot
    if (!plot || !this.zoomBehavior || end <= start) return
    const base = this.baseScale
    // d3-zoom clamps scaleBy and translateBy to its limits, but not a transform set outright.
    const [kMin, kMax] = this.scaleExtent()
    const width = Math.max(1, this.width)
    const k = Math.min(kMax, Math.max(kMin, width / (base(end) - base(start))))
    this.userZoom = true
    // Centred on the middle of [start, end], which it shows exactly unless a limit applied.
    select(plot).call(this.zoomBehavior.transform, zoomIdentity.translate(width / 2, 0).scale(k).translate(-base((start + end) / 2), 0))
  }

  /** Brings an event into view when it is outside the window, keeping the zoom. */
  private reveal(id: string | null, byUser: boolean) {
    const item = id === null ? undefined : this.ready?.byId(id)
    const plot = this.plot
    if (!item || !plot || !this.zoomBehavior) return
    const [d0, d1] = this.x.domain().map(Number) as [number, number]
    // Where its mark is drawn: a day's dot sits at midday, which a window of a few hours can miss.
    const at = drawnAt(item)
    if (at >= d0 && at <= d1) return
    const mid = drawnAsDot(item) ? at : item.start + Math.min(item.end - item.start, (d1 - d0) / 2) / 2
    // A selection set by the page (the attribute, a deep link) moves the window without a range-change event.
    this.userZoom = byUser
    select(plot).call(this.zoomBehavior.translateTo, this.baseScale(mid), 0)
  }

  private zoomBy(factor: number) {
    const plot = this.plot
    if (!plot || !this.zoomBehavior) return
    this.userZoom = true
    select(plot).call(this.zoomBehavior.scaleBy, factor)
  }

  private panBy(fraction: number) {
    const plot = this.plot
    if (!plot || !this.zoomBehavior) return
    this.userZoom = true
    select(plot).call(this.zoomBehavior.translateBy, (-fraction * Math.max(this.width, 1)) / this.transform.k, 0)
  }

  private fit = () => {
    const plot = this.plot
    this.userZoom = true
    if (plot && this.zoomBehavior) select(plot).call(this.zoomBehavior.transform, zoomIdentity)
    else this.transform = zoomIdentity
  }

  private async fetchSource(src: string): Promise<Problem[]> {
    const request = ++this.request
    if (!this.ready) this.load = { state: 'loading' }
    let text: string
    try {
      const response = await fetch(src)
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim())
      // Dev servers and single-page apps answer a wrong path with their HTML page rather than a 404.
      if (/html/i.test(response.headers.get('content-type') ?? '')) {
        throw new Error('the server sent a web page instead of JSON; is the path right?')
      }
      text = await response.text()
    } catch (error) {
      if (request !== this.request) return this.validation
      // fetch rejects with a TypeError when no answer can be read: no network, no server, or CORS.
      const reason = error instanceof TypeError
        ? `no answer could be read (${error.message}); is the address right, the server up, and does it let this page read the file (CORS)?`
        : messageOf(error)
      return this.fail(`Could not load ${src}`, [atStart(reason)], this.valid, true)
    }
    // Newer data came meanwhile: its validation is the one that counts.
    return request === this.request ? this.ingest({ text }, src) : this.validation
  }

  /**
   * Draws new data at once when it has what drawing reads, then checks it fully after the first
   * paint, a few hundred events at a time. Data with problems gives way to the last valid data,
   * under an alert that lists the problems.
   */
  private async ingest(input: { value: unknown } | { text: string }, origin: string): Promise<Problem[]> {
    const request = ++this.request
    // Fetched and compiled after the first paint, so as not to slow it; at once when a selected
    // event's details wait for the check.
    const early = this.selected !== null ? loadValidator() : undefined
    // A failed load is reported where it is awaited, below, not as an unhandled rejection meanwhile.
    early?.catch(() => undefined)
    let value: unknown
    if ('text' in input) {
      try {
        value = JSON.parse(stripBom(input.text))
      } catch {
        // The validator says where the syntax breaks.
      }
    } else value = input.value
    // Drawn before the check when it has what drawing reads and its dates need no more than the
    // common EDTF forms; otherwise drawn once the check (which loads the full grammar) passes.
    const prepared = drawable(value) ? this.prepare(value) : null
    const drafted = prepared ? this.display(prepared) : undefined
    if (!drafted && !this.ready) this.load = { state: 'loading' }

    // Between two steps of a long check the browser draws frames and handles input. A check goes
    // on when newer data arrives: if the newer data has problems, this may be the last valid one.
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve))
    let result: ValidationResult
    try {
      await this.updateComplete
      await afterPaint()
      const { validateDatasetInSteps, validateValueInSteps } = await (early ?? loadValidator())
      result = 'text' in input
        ? await validateDatasetInSteps(input.text, pause, 8, value)
        : await validateValueInSteps(input.value, pause)
    } catch (error) {
      if (request !== this.request) return this.validation
      const reason = messageOf(error)
      // Nothing can say whether the data shown is valid: it stays, rather than a blank box.
      return this.fail(`Could not check the timeline data in ${origin}`, [atStart(`the validator did not load (${reason})`)], this.ready, true)
    }
    const current = request === this.request
    if (result.ok && request > this.validRequest) {
      this.validRequest = request
      // Once validated, the full grammar is loaded: every date resolves.
      const ready = drafted ?? (current ? this.display(this.prepare(result.dataset)!) : this.prepare(result.dataset)!)
      this.valid = ready
      // Only a selected event's details wait for it: nothing else on screen changes.
      if (this.selected !== null) this.requestUpdate()
      // Newer data already failed: this is now the last valid version to show under its alert.
      if (!current && this.load.state === 'error' && this.load.previous !== ready) this.load = { ...this.load, previous: ready }
    } else if (!result.ok && current) {
      const count = problemCount(result.problems)
      this.fail(`The timeline data in ${origin} has ${count === 1 ? 'a problem' : `${count} problems`}`, result.problems)
    }
    return current ? result.problems : this.validation
  }

  /** Shows the problems over `previous`: by default the last data found valid. */
  private fail(title: string, problems: Problem[], previous = this.valid, placeless = false): Problem[] {
    this.load = { state: 'error', title, problems, placeless, previous }
    return problems
  }

  /** What drawing a dataset needs: its events resolved and sorted, the "as of" day and the windows; null while a date needs the full EDTF grammar. */
  private prepare(dataset: EventDataset): Ready | null {
    const now = asOf(dataset)
    const items = toTimelineEventsIfLoaded(dataset, {}, now)
    if (!items) return null
    // One pass over the events for the extent, the first window and the overview's span.
    const reach = reachOf(items, now?.ms)
    // Sorted by start: the first starts first.
    const extent: [number, number] | null = items.length ? [items[0]!.start, reach.lastEnd] : null
    const window = initialWindow(items, reach)
    const actors = new Map(dataset.actors.map((a) => [a.id, a.shortName ?? a.name]))
    const laneLabel = (key: string) => actors.get(key) ?? key
    // Indexed when first asked: a first render with nothing selected or hovered looks nothing up,
    // and an index of thousands of ids is a sizeable allocation.
    let index: Map<string, TimelineEvent> | undefined
    const byId = (id: string) => {
      if (!index) {
        index = new Map()
        // The first event of an id, as a search would find it, should unvalidated data repeat one.
        for (let i = 0; i < items.length; i++) if (!index.has(items[i]!.id)) index.set(items[i]!.id, items[i]!)
      }
      return index.get(id)
    }
    return { state: 'ready', dataset, items, byId, asOf: now, extent, window, span: overviewSpan(items, window, reach), laneLabel }
  }

  /** Shows prepared data, and returns it as shown. */
  private display(prepared: Ready): Ready {
    // A new version of the same data keeps the user's zoom; other data starts fitted.
    const same = this.ready?.dataset.id === prepared.dataset.id
    const ready = same ? { ...prepared, window: this.ready!.window } : prepared
    this.load = ready
    if (!same) this.transform = zoomIdentity
    if (!same && this.selected !== null) this.pendingReveal ||= 'page'
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
