import { LitElement, html, nothing, type PropertyDeclaration, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { guard } from 'lit/directives/guard.js'
import type { ScaleTime } from 'd3-scale'
import { laneIndex, type LaneIndex } from '../src/timeline/table.ts'
import { allFacetCounts, filtering, noFilters, toggled, type Facet, type Filters } from '../src/timeline/filter.ts'
import { indexAmong, shownOf, type Shown } from '../src/timeline/shown.ts'
import { GroupBy } from '../src/timeline/layout.ts'
import type { Problem } from '../src/validate/index.ts'
import { styles } from './diplomatic-timeline.styles.ts'
import { overviewPart } from './parts/overview.ts'
import { chipFacets, filtersPart } from './parts/filters.ts'
import { loadingPart, problemsPart } from './parts/messages.ts'
import { lanesHeightOf, plotPart, tooltipPart, type Hover } from './parts/plot.ts'
import { toolbarPart } from './parts/toolbar.ts'
import { legendPart } from './parts/legend.ts'
import { LaterParts } from './parts/later.ts'
import { legendOf } from '../src/timeline/legend.ts'
import { defaultLocale, directionOf, usableLocale } from '../src/dates/locale.ts'
import { languageFor, loadLanguage, messagesFor, type Messages, type Strings } from '../src/i18n/index.ts'
import { OverviewStrip } from './controllers/overview-strip.ts'
import { PlotInput } from './controllers/plot-input.ts'
import { PlotFrames } from './controllers/plot-frames.ts'
import { PlotCanvas } from './controllers/plot-canvas.ts'
import { View } from './controllers/view.ts'
import { TextMeasure } from './controllers/text-measure.ts'
import { DatasetController, type Load, type Ready } from './controllers/dataset.ts'
import { UrlSync } from './controllers/url-sync.ts'
import type { LinkState } from '../src/timeline/link.ts'
import type { Relation } from '../src/model/index.ts'
import { ElementSize } from './controllers/element-size.ts'
import type { DrawnView } from './controllers/downloads.ts'
import { formatById, formats } from '../src/formats/catalogue.ts'
import { messageOf } from '../src/message-of.ts'

/** The data formats the toolbar offers for download. */
const dataDownloads = formats.filter((f) => f.writes).map((f) => ({ id: f.id, label: f.label }))

export interface TimelineSelectDetail {
  id: string | null
}
export interface TimelineRangeChangeDetail {
  /** ISO 8601 instants (UTC) of the window's edges. */
  start: string
  end: string
}

const overviewHeight = 28

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
  /** The events related to the selected one, made again only when the selection or the relations change: the frame is laid out again when it changes. */
  private relatedTo = (() => {
    let last: { selected: string | null; relations: unknown; ids: ReadonlySet<string> } | undefined
    return (selected: string | null, relations: readonly Relation[] = []): ReadonlySet<string> => {
      if (last?.selected !== selected || last.relations !== relations) {
        const ids = new Set(relations.flatMap((r) => (r.from === selected ? [r.to] : r.to === selected ? [r.from] : [])))
        last = { selected, relations, ids }
      }
      return last.ids
    }
  })()
  /** A group of same-day events' label ("8 events"), made once per catalogue: the frame is laid out again when it changes. */
  private groupLabel = (() => {
    let last: { messages: Messages; label: (count: number) => string } | undefined
    return (messages: Messages) => {
      if (last?.messages !== messages) last = { messages, label: (count: number) => messages.format('groupCount', { count }) }
      return last.label
    }
  })()
  /**
   * The lanes' height held through a zoom or pan: their rows change with nearly every step, and
   * each change would move the whole page under the plot (and lay it out again) at each frame.
   */
  private heldLanes = 0
  /** The groups of same-day events the user opened (see src/timeline/layout.ts, Grouping). */
  @state() private openedGroups: ReadonlySet<string> = new Set()
  /** Whether the legend is shown under the plot (the Legend button). */
  @state() private legendShown = true
  /** Why the last download failed, shown in the menu. */
  @state() private downloadError = ''
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

  /**
   * BCP 47 locale of every date, number and word: the words come from the nearest catalogue
   * (en, fr, ar, ru, es; fr-CA reads French, a language without one English); one that is not a
   * language tag falls back to en-GB, with a warning. With `strings`, a page supplies another language.
   */
  @property({ attribute: 'locale' }) locale = defaultLocale
  /** The locale in use: `locale`, or the default when that is not a language tag. */
  private localeInUse = defaultLocale

  /**
   * Words in place of the catalogue's, by message key (see the README's Languages): to change a
   * few, or, with `locale`, to supply a language the element has no catalogue for.
   * @example timeline.strings = { searchPlaceholder: 'Search the truce', shownCount: '{shown} of {total} shown' }
   */
  @property({ attribute: false }) strings?: Strings
  /** The words for `localeInUse`, with `strings` over them. */
  @state() private messages: Messages = messagesFor(defaultLocale)

  /**
   * Which way time runs across the plot: `ltr` (earlier on the left), `rtl` (earlier on the
   * right), or `auto`, which follows the element's writing direction (its `dir`, its `locale`, or
   * an ancestor's `dir`), as Material 2 has timelines do; Material 3 keeps charts left to right,
   * which `ltr` gives in any page. Drags follow the screen, and so do ← and →; ↑ and ↓ walk the
   * events in time order. An ancestor's `dir` changed later shows at the element's next update
   * (`requestUpdate()` asks for one); the element's own `dir` shows at once.
   */
  @property({ attribute: 'time-direction' }) timeDirection: 'auto' | 'ltr' | 'rtl' = 'auto'
  /** Whether time runs right to left, as `timeDirection` says: worked out at each update. */
  private timeReversed = false
  /**
   * The element's writing direction when its locale sets it: a page's `locale="ar"` turns the
   * element right to left, and `locale="fr"` in an Arabic page left to right. Its own `dir`
   * comes first, and without either it follows the page.
   */
  private direction: 'ltr' | 'rtl' | null = null

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

  private url = new UrlSync(this, () => this.syncUrl, (link, first) => this.applyLink(link, first))
  /** A window the address asked for, shown once the plot can zoom. */
  private pendingWindow: [number, number] | null = null
  /** The user moved the window (or a link set it): the address carries it. */
  private windowInLink = false
  /** The data: its loading, drawing and checking. */
  private input = new DatasetController(this, () => this.load, (load) => (this.load = load), (prepared) => this.display(prepared))
  private size = new ElementSize(this, () => this.ready !== undefined, () => this.width, (width) => (this.width = width))
  /** The events the filters let through. */
  private shown: Shown = shownOf(undefined, noFilters)
  /** The lanes of the events shown, indexed for every frame's queries. */
  private lanes: LaneIndex[] = []
  private canvas = new PlotCanvas(this)
  private view: View = new View(this, {
    width: () => this.width,
    baseDomain: () => this.baseDomain,
    extent: () => this.ready?.extent ?? null,
    overviewScale: () => (this.ready ? this.overviewScale(this.ready) : null),
    overviewHeight,
    reversed: () => this.timeReversed,
    rangeChanged: (start, end) => {
      this.windowInLink = true
      this.writeLink(false)
      this.dispatchEvent(new CustomEvent<TimelineRangeChangeDetail>('timeline-range-change', {
        detail: { start: start.toISOString(), end: end.toISOString() }, bubbles: true, composed: true,
      }))
    },
  })
  /** A web font that arrives after the first render changes every label's width: the plot is laid out again. */
  private text = new TextMeasure(this, () => this.frames.forget())
  private frames = new PlotFrames((text) => this.text.measure(text))
  /** The view downloads read: the frame drawn last, the data, whether it is valid. */
  private drawnView = (): DrawnView | undefined => {
    const ready = this.ready
    return ready && {
      frame: this.listView ? undefined : this.frames.last, title: ready.dataset.title, sources: ready.dataset.sources,
      dataset: () => ({ ...ready.dataset, events: ready.items.map((item) => item.event) }), valid: ready === this.input.valid, asOf: ready.asOf !== null,
    }
  }
  /** Every value of each chip facet in the data, so a chip stays (at 0) when other filters empty it. */
  private facetValues = new Map<Facet, string[]>()
  private strip = new OverviewStrip()
  /** The plot's keys, clicks and pointer. */
  private plotInput = new PlotInput({
    selected: () => this.selected,
    shownItems: () => this.shown.items,
    selectedIndex: () => (this.selected === null ? -1 : this.shownIndexOf(this.selected)),
    itemAt: (row) => this.ready?.items[row],
    frame: () => this.frames.last,
    plot: () => this.renderRoot.querySelector<SVGSVGElement>('svg.plot'),
    box: () => this.getBoundingClientRect(),
    window: () => this.x,
    view: this.view,
    hover: () => this.hover,
    setHover: (hover) => (this.hover = hover),
    choose: (id, event) => this.choose(id, event),
    showDetails: () => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="details"]')?.scrollIntoView({ block: 'nearest' })),
    openGroup: (key) => (this.openedGroups = new Set([...this.openedGroups, key])),
    reversed: () => this.timeReversed,
  })
  /** The details and the list, fetched when first shown, with the messages the first paint did without. */
  private later = new LaterParts(this, { complete: () => this.messages.complete, load: () => this.completeMessages() })
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

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete()
    // A part fetched for what is shown has arrived, and is drawn.
    while (this.later.busy) {
      await this.later.settled()
      complete = await super.getUpdateComplete()
    }
    return complete
  }

  /** The element's own `dir` too: under `time-direction="auto"`, time follows it. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'dir']
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value)
    if (name === 'dir') this.requestUpdate()
  }

  override connectedCallback() {
    super.connectedCallback()
    if (this.input.resume() && this.src) this.validation = this.input.fetchSource(this.src)
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('locale')) this.localeInUse = usableLocale(this.locale)
    const localeGiven = this.hasAttribute('locale') || this.locale !== defaultLocale
    this.direction = this.hasAttribute('dir') || !localeGiven ? null : directionOf(this.localeInUse)
    // `auto` follows the writing direction, which an ancestor's dir can change at any time: read at each update.
    const rtl = this.direction ? this.direction === 'rtl' : this.matches(':dir(rtl)')
    this.timeReversed = this.timeDirection === 'rtl' || (this.timeDirection !== 'ltr' && rtl)
    if (changed.has('locale') || changed.has('strings')) {
      this.messages = messagesFor(this.localeInUse, this.strings)
      // Another language's words are fetched first: English shows meanwhile, for a moment. English's
      // messages the first paint does without are fetched when first needed, or at once to check a page's strings.
      if (this.messages.language !== languageFor(this.localeInUse) || (this.strings && !this.messages.complete)) this.completeMessages().catch(() => undefined)
    }
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
    // The user's filters and search, in the address in place of the entry shown.
    if (changed.has('filters') && changed.get('filters') !== undefined) this.writeLink(false)
    // Positioned through the CSSOM: a strict style-src blocks style attributes, not style properties.
    const tip = this.renderRoot.querySelector<HTMLElement>('.tooltip')
    if (tip) tip.style.translate = `${tip.dataset.left}px ${tip.dataset.top}px`
    const loading = this.renderRoot.querySelector<HTMLElement>('.loading')
    if (loading) loading.style.minHeight = `${loading.dataset.minHeight}px`
    this.canvas.draw(this.renderRoot.querySelector('canvas.plot-canvas'), this.frames.last, this.timeReversed)
    // The zoom's limits follow the data, the width and the window at zoom 1 (the start and end attributes).
    this.view.sync(this.renderRoot.querySelector('svg.plot'), this.renderRoot.querySelector('svg.overview .brush'), zoomLimitInputs.some((p) => changed.has(p)))
    // Before the zoom behaviour is attached (the first render), the reveal waits until now.
    this.revealPending()
  }

  /** The scale of the window shown; shared, so not to be changed. */
  private get x(): ScaleTime<number, number> {
    return this.view.x
  }

  /** Shows the window a link asked for, then brings a selected event into view, once the plot can zoom. */
  private revealPending() {
    if (this.width === 0 || !this.view.ready) return
    if (this.pendingWindow) {
      const [start, end] = this.pendingWindow
      this.pendingWindow = null
      this.view.show(start, end)
    }
    if (!this.pendingReveal) return
    const { event } = this.pendingReveal
    this.pendingReveal = false
    const item = this.selected === null ? undefined : this.ready?.byId(this.selected)
    // A selection set by the page (the attribute, a deep link) moves the window without a range-change event.
    if (item) this.view.reveal(item, event)
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

  /**
   * The current view as a picture for a story: SVG with its text as text, or PNG at twice its
   * size; with the title, the window, a legend of the encodings in view and a line naming the
   * sources. Rejects, saying why, when no plot is drawn (no data yet, or the list view).
   * @example const blob = await timeline.exportPicture('png')
   */
  async exportPicture(type: 'svg' | 'png' = 'svg'): Promise<Blob> {
    const [downloads] = await Promise.all([import('./controllers/downloads.ts'), this.completeMessages()])
    return downloads.picture(this, this.drawnView(), type, this.messages)
  }

  /** The (valid) data in a format the timeline writes: json, arrow, csv, ical, jsonld, timelinejs (see the README's formats). */
  async exportData(format: string): Promise<Blob> {
    const [downloads] = await Promise.all([import('./controllers/downloads.ts'), this.completeMessages()])
    return downloads.data(this.drawnView(), format, this.messages)
  }

  /** Fetches the messages the first paint did without (another language's, English's later ones): the details, the list and downloads need them. */
  private async completeMessages(): Promise<void> {
    if (this.messages.complete && this.messages.language === languageFor(this.localeInUse)) return
    // Without the page's language, English.
    await loadLanguage(languageFor(this.localeInUse)).catch(() => loadLanguage('en'))
    this.messages = messagesFor(this.localeInUse, this.strings)
  }

  /** The window shown at zoom 1: the start/end attributes, or one fitted to the events. */
  private get baseDomain(): [number, number] | null {
    const given = [Date.parse(`${this.start}T00:00:00Z`), Date.parse(`${this.end}T00:00:00Z`) + 86_400_000]
    if (given[0]! < given[1]!) return given as [number, number]
    return this.ready?.window ?? null
  }

  /** Where an event is among those shown, in time order; -1 when it is not shown. */
  private shownIndexOf(id: string): number {
    return indexAmong(this.shown, this.ready?.table.rowOf(id) ?? -1)
  }

  override render() {
    const load = this.load
    const dir = this.direction ?? nothing
    if (load.state === 'loading') return html`<div dir=${dir}>${loadingPart(this.input.loader.progress, this.messages, this.size.shownHeight, this.stallTimeout, () => void this.reload())}</div>`
    const ready = this.ready
    const alert = load.state === 'error' ? problemsPart(load, ready !== undefined, this.messages, this) : nothing
    if (!ready) return html`<div dir=${dir}>${alert}</div>`
    // The details read every field of an event: shown once the data is known to be valid. They
    // change with the selection, the data and the locale, not with each zoom frame.
    const selected = ready === this.input.valid && this.selected !== null ? ready.byId(this.selected) : undefined
    const details = selected && this.later.get('details')
    // The tooltip of the selected event would say again what its details say, over its neighbours' labels.
    return html`<div dir=${dir} @keydown=${this.plotInput.onHostKey}>${alert}
      ${toolbarPart({ title: ready.dataset.title, query: this.filters.query, listView: this.listView, legend: this.legendShown, downloads: dataDownloads, downloadError: this.downloadError, messages: this.messages, on: this.toolbarActions })}
      ${filtersPart({
        actors: ready.dataset.actors, counts: this.shown.counts, facetValues: this.facetValues, filters: this.filters, shown: this.shown.items.length, total: ready.items.length,
        window: this.width === 0 || this.listView ? null : (this.x.domain().map(Number) as [number, number]), on: { actor: this.onActor, toggle: this.toggle },
        messages: this.messages,
      })}
      ${this.listView ? this.later.get('list')?.listPart(this.shown.items, this.listStart, listPage, this.choose, (start) => (this.listStart = start), this.messages) : html`${this.renderOverview(ready)}${this.renderPlot(ready)}`}
      ${tooltipPart(this.hover && 'id' in this.hover && this.hover.id === this.selected && details ? null : this.hover, ready.byId, this.width, this.messages)}
      ${selected && details ? guard([selected, ready, this.messages], () => details.detailsPart(selected, ready, this.messages, this.detailsActions)) : nothing}
    </div>`
  }

  private renderOverview(load: Ready) {
    const scale = this.overviewScale(load)
    if (!scale) return nothing
    return overviewPart(Math.max(this.width, 1), overviewHeight, this.strip.path(scale, this.shown.starts, overviewHeight), this.timeReversed)
  }

  /** The overview strip's scale (see OverviewStrip.scale); null without events. */
  private overviewScale(load: Ready): ScaleTime<number, number> | null {
    if (!load.span) return null
    return this.strip.scale(load.span, this.baseDomain ?? load.span, this.x.domain().map(Number) as [number, number], Math.max(this.width, 1))
  }

  private renderPlot(ready: Ready) {
    if (this.width === 0) return nothing
    const x = this.x
    const frame = this.frames.frame({
      table: ready.table, lanes: this.lanes, shown: this.shown, x, width: this.width, groupBy: this.groupBy,
      selected: this.selected === null ? -1 : ready.table.rowOf(this.selected), opened: this.openedGroups, groupLabel: this.groupLabel(this.messages),
      related: this.relatedTo(this.selected, ready.dataset.relations),
    })
    this.heldLanes = this.view.moving ? Math.max(this.heldLanes, lanesHeightOf(frame)) : 0
    const legend = this.legendShown ? guard([frame, ready.asOf !== null, this.messages], () => legendPart(legendOf(frame, ready.asOf !== null), this.messages)) : nothing
    return html`${plotPart({
      frame,
      x, asOf: ready.asOf, relations: ready.dataset.relations ?? [], selected: this.selected, shown: this.shown.items.length, locale: this.localeInUse, messages: this.messages,
      reversed: this.timeReversed, measureAt: this.text.measureAt, labelPx: this.text.fontSize,
      drawRelations: this.selected === null ? undefined : this.later.get('relations')?.relationPaths, lanesAtLeast: this.heldLanes,
      on: { key: this.plotInput.onKey, click: this.plotInput.onClick, pointerMove: this.plotInput.onPointerMove, pointerLeave: this.plotInput.onPointerLeave },
    })}${legend}`
  }

  /** The user chose an event (or none) by `event`: a click or a key. */
  private choose = (id: string | null, event: Event) => {
    if (id === this.selected) return
    this.selected = id
    this.pendingReveal = id === null ? false : { event }
    this.writeLink(true)
    this.dispatchEvent(new CustomEvent<TimelineSelectDetail>('timeline-select', { detail: { id }, bubbles: true, composed: true }))
    if (id !== null) void this.updateComplete.then(() => this.clearOfSheet(id))
  }

  /** On a phone the details are a sheet over the plot's lower part: the page scrolls the chosen mark above it. */
  private clearOfSheet(id: string) {
    const sheet = this.renderRoot.querySelector<HTMLElement>('[part="details"]')
    const mark = this.renderRoot.querySelector(`#mark-${CSS.escape(id)}`)
    if (!sheet || !mark || getComputedStyle(sheet).position !== 'sticky') return
    const below = mark.getBoundingClientRect().bottom + 8 - sheet.getBoundingClientRect().top
    if (below > 0) window.scrollBy({ top: below })
  }

  private onSearch = (event: Event) => {
    this.filters = { ...this.filters, query: (event.target as HTMLInputElement).value }
  }

  private onActor = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value
    this.filters = { ...this.filters, actor: new Set(value ? [value] : []) }
  }

  private toggle = (facet: Exclude<Facet, 'actor'>, value: string) => (this.filters = toggled(this.filters, facet, value))

  /** The details' related events, and their close button, which deselects as Escape does. */
  private detailsActions = {
    choose: (id: string, event: Event) => this.choose(id, event),
    close: (event: Event) => this.choose(null, event),
  }

  private toolbarActions = {
    search: this.onSearch,
    zoom: (factor: number, event: Event) => this.view.zoomBy(factor, event),
    fit: (event: Event) => this.view.fit(event),
    list: () => (this.listView = !this.listView),
    legend: () => (this.legendShown = !this.legendShown),
    download: (what: string, event: Event) => void this.download(what, event),
  }

  /** Downloads the view as a picture, or the data in a format; a failure is said where the menu is. */
  private async download(what: string, event: Event) {
    const menu = (event.currentTarget as HTMLElement).closest('details')
    const name = this.ready?.dataset.id ?? 'timeline'
    this.downloadError = ''
    try {
      const picture = what === 'svg' || what === 'png'
      const blob = picture ? await this.exportPicture(what) : await this.exportData(what)
      ;(await import('./controllers/downloads.ts')).save(blob, `${name}${picture ? `.${what}` : formatById(what)!.extensions[0]}`)
      if (menu) menu.open = false
    } catch (error) {
      this.downloadError = messageOf(error)
    }
  }

  /** The view as the address carries it: as a new history entry for a selection (`entry`), else in place. */
  private writeLink(entry: boolean) {
    const window = this.windowInLink && this.ready ? (this.x.domain().map(Number) as [number, number]) : null
    this.url.write({ event: this.selected, window, filters: this.filters }, entry)
  }

  /**
   * Shows the view an address describes. When the element connects, only what the address names
   * changes; on back and forward, the whole view follows the address.
   */
  private applyLink({ event, window, filters }: LinkState, first: boolean) {
    if (event !== null || !first) this.selected = event
    if (!first || filtering(filters)) this.filters = filters
    if (window) {
      this.pendingWindow = window
      this.windowInLink = true
    }
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
