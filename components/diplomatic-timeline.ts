import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { scaleUtc } from 'd3-scale'
import { select } from 'd3-selection'
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom'
import type { EventDataset } from '../src/model/index.ts'
import { asOf, initialWindow, toTimelineEvents, type TimelineEvent } from '../src/timeline/events.ts'
import { GroupBy, labelGap, layout, type Layout, type Mark } from '../src/timeline/layout.ts'
import { validateDataset, type Problem } from '../src/validate/index.ts'

type Load =
  | { state: 'empty' }
  | { state: 'loading' }
  | {
      state: 'ready'
      dataset: EventDataset
      items: TimelineEvent[]
      asOf: { ms: number; label: string } | null
      window: [number, number] | null
    }
  | { state: 'error'; title: string; problems: Problem[] }

export interface TimelineSelectDetail {
  id: string | null
}

/** How a relation reads from its "from" event, and from its "to" event. */
const relationVerbs: Record<string, string> = {
  accuses: 'accuses', denies: 'denies', confirms: 'confirms', 'responds-to': 'responds to',
  'follows-up': 'follows up', 'follows-from': 'follows from', 'part-of': 'part of',
}
const relationVerbsPassive: Record<string, string> = {
  accuses: 'accused by', denies: 'denied by', confirms: 'confirmed by', 'responds-to': 'answered by',
  'follows-up': 'followed up by', 'follows-from': 'led to', 'part-of': 'includes',
}

const rowHeight = 22
const lanePadding = 6
const laneHeader = 16
const axisHeight = 28
const day = 86_400_000

/**
 * An embeddable timeline of diplomatic and conflict events.
 *
 * ```html
 * <diplomatic-timeline src="data/syria-truce-2016-09.json"></diplomatic-timeline>
 * ```
 *
 * @fires timeline-select - the user selected an event, or cleared the selection; detail `{ id }`
 * @csspart error - the message shown when the data cannot be loaded
 * @csspart plot - the SVG time plot
 * @csspart mark - one event's mark
 * @csspart details - the panel about the selected event
 * @csspart list - the list view of the events
 * @cssproperty --dt-font - font family
 * @cssproperty --dt-fg - text colour
 * @cssproperty --dt-muted - secondary text and grid colour
 * @cssproperty --dt-bg - background colour
 * @cssproperty --dt-accent - marks and focus colour
 * @cssproperty --dt-planned - colour of planned events
 * @cssproperty --dt-disputed - colour of the disputed-attribution badge
 * @cssproperty --dt-error - colour of error messages
 */
@customElement('diplomatic-timeline')
export class DiplomaticTimeline extends LitElement {
  static override styles = css`
    :host {
      --_fg: var(--dt-fg, #1d1d1f);
      --_muted: var(--dt-muted, #5f6368);
      --_bg: var(--dt-bg, #fff);
      --_accent: var(--dt-accent, #1f5fbf);
      --_planned: var(--dt-planned, #7a4fb5);
      --_disputed: var(--dt-disputed, #b3261e);
      display: block;
      font: 13px/1.4 var(--dt-font, system-ui, sans-serif);
      color: var(--_fg);
      background: var(--_bg);
      container-type: inline-size;
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_fg: var(--dt-fg, #e8e8ea);
        --_muted: var(--dt-muted, #a0a4ab);
        --_bg: var(--dt-bg, #17181a);
        --_accent: var(--dt-accent, #7fb0ff);
        --_planned: var(--dt-planned, #c3a4f0);
        --_disputed: var(--dt-disputed, #ff8a80);
      }
    }
    [part='error'] { color: var(--dt-error, #a4161a); border: 1px solid currentColor; padding: 0.5rem 1rem; }
    .toolbar { display: flex; gap: 0.25rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.25rem; }
    .toolbar h2 { font-size: 1rem; margin: 0 auto 0 0; }
    button { font: inherit; color: var(--_fg); background: transparent; border: 1px solid var(--_muted); border-radius: 4px; padding: 0.1rem 0.5rem; min-width: 2rem; min-height: 1.75rem; cursor: pointer; }
    button:focus-visible, .plot:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
    .plot { display: block; width: 100%; touch-action: none; cursor: grab; user-select: none; }
    .plot text { fill: var(--_fg); }
    .tick line, .lane-rule { stroke: var(--_muted); stroke-opacity: 0.3; }
    .tick text, .lane-label { fill: var(--_muted); font-size: 11px; }
    .mark { cursor: pointer; }
    .mark .body { fill: var(--_accent); stroke: var(--_accent); stroke-width: 1.5; }
    .mark.one-of .body { fill: url(#dt-hatch); fill-opacity: 1; }
    .mark.planned .body { fill: var(--_bg); stroke: var(--_planned); stroke-dasharray: 3 2; }
    .mark.cancelled .body { fill: var(--_bg); stroke: var(--_muted); stroke-dasharray: 1 2; }
    .mark.selected .body { stroke: var(--_fg); stroke-width: 2.5; }
    .mark .badge { fill: var(--_disputed); }
    .mark .badge-text { fill: var(--_bg); font-size: 9px; font-weight: 700; }
    .hatch-line { stroke: var(--_accent); stroke-width: 2; }
    .as-of line { stroke: var(--_planned); stroke-dasharray: 4 3; }
    .as-of text { fill: var(--_planned); font-size: 11px; }
    .relation { fill: none; stroke: var(--_fg); stroke-opacity: 0.6; stroke-width: 1.25; }
    [part='details'] { border-top: 1px solid var(--_muted); padding: 0.5rem 0; }
    [part='details'] h3 { margin: 0 0 0.25rem; font-size: 1rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; margin: 0.25rem 0; }
    dt { color: var(--_muted); }
    dd { margin: 0; }
    blockquote { margin: 0.25rem 0; padding-left: 0.75rem; border-left: 3px solid var(--_muted); }
    h4 { margin: 0.5rem 0 0.15rem; font-size: 0.9rem; }
    .related { margin: 0; padding-left: 1.1rem; }
    .linklike { text-align: left; border: none; padding: 0; min-height: 0; color: var(--_accent); text-decoration: underline; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.2rem 0.4rem; border-bottom: 1px solid color-mix(in srgb, var(--_muted) 30%, transparent); vertical-align: top; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `

  @state() private load: Load = { state: 'empty' }
  @state() private width = 0
  @state() private transform: ZoomTransform = zoomIdentity
  @state() private listView = false

  /** URL of a dataset JSON file to fetch and validate. */
  @property({ attribute: 'src' }) src?: string

  /** The dataset itself, as an alternative to `src`. */
  @property({ attribute: false }) data?: unknown

  /** Lanes: one per actor, per category, or a single lane. */
  @property({ attribute: 'group-by' }) groupBy: GroupBy = GroupBy.category

  /** First day of the initial window (ISO date); by default the window fits the events. */
  @property({ attribute: 'start' }) start?: string

  /** Last day of the initial window (ISO date). */
  @property({ attribute: 'end' }) end?: string

  /** Id of the selected event. */
  @property({ attribute: 'selected' }) selected: string | null = null

  private request = 0
  private resizeObserver?: ResizeObserver
  private zoomBehavior?: ZoomBehavior<SVGSVGElement, unknown>
  private measureContext?: CanvasRenderingContext2D | null

  override connectedCallback() {
    super.connectedCallback()
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0)
      if (width !== this.width) this.width = width
    })
    this.resizeObserver.observe(this)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.resizeObserver?.disconnect()
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('data') && this.data !== undefined) this.accept(JSON.stringify(this.data), 'data')
    else if (changed.has('src') && this.src) void this.fetchSource(this.src)
  }

  protected override updated() {
    const plot = this.renderRoot.querySelector<SVGSVGElement>('svg.plot')
    if (plot && !this.zoomBehavior) {
      this.zoomBehavior = d3zoom<SVGSVGElement, unknown>()
        .scaleExtent([1 / 64, 5000])
        .filter((event: Event) => !(event.type === 'mousedown' && (event.target as Element).closest('.mark')))
        .on('zoom', (event: { transform: ZoomTransform }) => (this.transform = event.transform))
      select(plot).call(this.zoomBehavior).on('dblclick.zoom', null)
    } else if (!plot) this.zoomBehavior = undefined
  }

  /** The x scale for the current zoom: the data's extent with a margin, rescaled by the transform. */
  private get x() {
    const load = this.load
    const width = Math.max(this.width, 1)
    const fitted = load.state === 'ready' ? load.window : null
    const given = [Date.parse(`${this.start}T00:00:00Z`), Date.parse(`${this.end}T00:00:00Z`) + day]
    const domain = given[0]! < given[1]! ? given : fitted
    if (!domain) return scaleUtc().range([0, width])
    return this.transform.rescaleX(scaleUtc().domain(domain).range([0, width]))
  }

  // Label widths are measured once per text, not on every zoom frame.
  private widths = new Map<string, number>()
  private measure = (text: string) => {
    let width = this.widths.get(text)
    if (width === undefined) {
      this.measureContext ??= document.createElement('canvas').getContext('2d')
      if (this.measureContext) this.measureContext.font = '13px system-ui, sans-serif'
      width = this.measureContext ? this.measureContext.measureText(text).width : text.length * 7
      this.widths.set(text, width)
    }
    return width
  }

  override render() {
    const load = this.load
    if (load.state === 'loading') return html`<p role="status">Loading timeline…</p>`
    if (load.state === 'error') {
      return html`<div part="error" role="alert">
        <strong>${load.title}</strong>
        <ul>
          ${load.problems.slice(0, 5).map((p) => html`<li>line ${p.line}, column ${p.column}: ${p.message}</li>`)}
        </ul>
        ${load.problems.length > 5 ? html`<p>…and ${load.problems.length - 5} more.</p>` : nothing}
      </div>`
    }
    if (load.state !== 'ready') return nothing
    const selected = load.items.find((i) => i.id === this.selected)
    return html`
      <div class="toolbar">
        <h2>${load.dataset.title}</h2>
        <button @click=${() => this.zoomBy(1.5)} aria-label="Zoom in">+</button>
        <button @click=${() => this.zoomBy(1 / 1.5)} aria-label="Zoom out">−</button>
        <button @click=${this.fit} aria-label="Fit all events">Fit</button>
        <button @click=${() => (this.listView = !this.listView)} aria-pressed=${this.listView}>List</button>
      </div>
      ${this.listView ? this.renderList(load.items) : this.renderPlot(load)}
      ${selected ? this.renderDetails(selected, load.dataset, load.items) : nothing}
    `
  }

  private renderPlot(load: Extract<Load, { state: 'ready' }>) {
    const x = this.x
    const actors = new Map(load.dataset.actors.map((a) => [a.id, a.shortName ?? a.name]))
    const laid: Layout = layout(load.items, {
      groupBy: this.groupBy,
      x: (ms) => x(ms),
      rowHeight,
      lanePadding: lanePadding + laneHeader / 2,
      measure: this.measure,
      laneLabel: (key) => actors.get(key) ?? key,
      minMarkWidth: 10,
      right: Math.max(this.width, 1),
    })
    const width = Math.max(this.width, 1)
    const height = axisHeight + laid.height + laneHeader / 2
    // Ticks too close to an edge would have their labels cut in half.
    const ticks = x.ticks(Math.max(2, Math.floor(width / 90))).filter((t) => x(t) >= 24 && x(t) <= width - 24)
    const tickFormat = x.tickFormat()
    const visible = laid.marks.filter((m) => m.x2 >= -200 && m.x1 <= width + 10)
    const selected = this.selected
    const related = this.relationPaths(load, laid, selected)
    return html`<svg class="plot" part="plot" width=${width} height=${height} viewBox="0 0 ${width} ${height}"
        role="application" aria-label="Timeline of ${load.items.length} events; arrow keys move between events, plus and minus zoom"
        tabindex="0" @keydown=${this.onKey}>
      <defs>
        <pattern id="dt-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
        </pattern>
      </defs>
      ${svg`<g class="axis">${ticks.map((t) => svg`<g class="tick" transform="translate(${x(t)},0)">
          <line y1=${axisHeight - 6} y2=${height}></line>
          <text y=${axisHeight - 10} text-anchor="middle">${tickFormat(t)}</text></g>`)}</g>`}
      ${svg`<g transform="translate(0,${axisHeight})">
        ${laid.lanes.map((lane) => svg`<g class="lane">
          <line class="lane-rule" x1="0" x2=${width} y1=${lane.y} y2=${lane.y}></line>
          <text class="lane-label" x="4" y=${lane.y + 12}>${lane.label}</text></g>`)}
        ${load.asOf === null ? nothing : svg`<g class="as-of" transform="translate(${x(load.asOf.ms)},0)">
          <line y1="0" y2=${laid.height}></line>
          <text x="4" y=${laid.height - 4}>as of ${load.asOf.label}</text></g>`}
        ${visible.map((mark) => this.renderMark(mark, selected))}
        ${related}
      </g>`}
    </svg>`
  }

  private renderMark(mark: Mark, selected: string | null) {
    const { item } = mark
    const event = item.event
    const wide = mark.x2 - mark.x1 > 12
    const classes = ['mark', event.status, item.date.shape, item.id === selected ? 'selected' : ''].join(' ')
    const cy = mark.y + rowHeight / 2 - 2
    const name = `${item.dateLabel} — ${event.title} — ${event.status}${item.disputed ? ' — attribution disputed' : ''}`
    return svg`<g class=${classes} part="mark" data-event-id=${item.id} role="button" aria-label=${name}
        @click=${() => this.choose(item.id)}>
      <title>${event.title}\n${event.date.text ? `${event.date.text}: ` : ''}${item.dateLabel}</title>
      ${wide
        ? svg`<rect class="body" x=${mark.x1} y=${cy - 6} width=${mark.x2 - mark.x1} height="12" rx="3"></rect>`
        : svg`<circle class="body" cx=${mark.x1 + 5} cy=${cy} r="5"></circle>`}
      ${item.disputed ? svg`<g transform="translate(${mark.x2 - 2},${cy - 7})"><circle class="badge" r="5"></circle><text class="badge-text" text-anchor="middle" y="3">!</text></g>` : nothing}
      ${mark.label ? svg`<text x=${mark.x2 + labelGap} y=${cy + 4}>${mark.label}</text>` : nothing}
    </g>`
  }

  private relationPaths(load: Extract<Load, { state: 'ready' }>, laid: Layout, selected: string | null) {
    if (!selected) return nothing
    const at = new Map<string, Mark>()
    for (const m of laid.marks) if (!at.has(m.item.id)) at.set(m.item.id, m)
    const links = (load.dataset.relations ?? []).filter((r) => r.from === selected || r.to === selected)
    return links.map((r) => {
      const [a, b] = [at.get(r.from), at.get(r.to)]
      if (!a || !b) return nothing
      const [x1, y1, x2, y2] = [a.x1 + 5, a.y + rowHeight / 2 - 2, b.x1 + 5, b.y + rowHeight / 2 - 2]
      const bend = Math.min(60, Math.abs(x2 - x1) / 2 + 20)
      return svg`<path class="relation" d="M${x1},${y1} C${x1},${y1 - bend} ${x2},${y2 - bend} ${x2},${y2}"><title>${r.from} ${r.type} ${r.to}</title></path>`
    })
  }

  private renderDetails(item: TimelineEvent, dataset: EventDataset, items: TimelineEvent[]) {
    const e = item.event
    const actors = new Map(dataset.actors.map((a) => [a.id, a]))
    const sources = new Map(dataset.sources.map((s) => [s.id, s]))
    const titles = new Map(items.map((i) => [i.id, i.event.title]))
    const relations = (dataset.relations ?? []).filter((r) => r.from === e.id || r.to === e.id)
    return html`<section part="details" aria-label="Event details">
      <h3>${e.title}</h3>
      ${e.summary ? html`<p>${e.summary}</p>` : nothing}
      <dl>
        <dt>Date</dt><dd>${e.date.text ? html`“${e.date.text}” → ` : nothing}${item.dateLabel} <small>(${item.date.precision}${item.date.shape === 'one-of' ? ', one day in the range' : ''})</small></dd>
        <dt>Status</dt><dd>${e.status}</dd>
        <dt>Certainty</dt><dd>${e.certainty}</dd>
        ${e.participants?.length ? html`<dt>Actors</dt><dd>${e.participants.map((p, i) => html`${i ? ', ' : ''}${actors.get(p.actor)?.name ?? p.actor} (${p.role}${p.attribution ? `, ${p.attribution}` : ''})`)}</dd>` : nothing}
        ${e.location ? html`<dt>Where</dt><dd>${e.location.name}</dd>` : nothing}
        ${e.fatalities ? html`<dt>Killed</dt><dd>${e.fatalities.approximate ? 'about ' : ''}${e.fatalities.best.toLocaleString('en')}${e.fatalities.group ? ` (${e.fatalities.group})` : ''}</dd>` : nothing}
      </dl>
      ${(e.evidence ?? []).map((q) => {
        const s = sources.get(q.source)
        const safe = s?.url && /^(https?:|mailto:)/i.test(s.url) ? s.url : undefined
        return html`<blockquote>“${q.quote}”<br /><small>— ${safe ? html`<a href=${safe} rel="noopener noreferrer" target="_blank">${s?.headline}</a>` : s?.headline}${s?.publisher ? `, ${s.publisher}` : ''}${s ? `, ${s.datePublished}` : ''}</small></blockquote>`
      })}
      ${relations.length ? html`<h4>Related events</h4><ul class="related">${relations.map((r) => {
        const outgoing = r.from === e.id
        const other = outgoing ? r.to : r.from
        return html`<li>${(outgoing ? relationVerbs : relationVerbsPassive)[r.type]}
          <button class="linklike" data-related-id=${other} @click=${() => this.choose(other)}>${titles.get(other) ?? other}</button></li>`
      })}</ul>` : nothing}
    </section>`
  }

  private renderList(items: TimelineEvent[]) {
    return html`<table part="list">
      <caption class="sr-only">Events in time order</caption>
      <thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Certainty</th></tr></thead>
      <tbody>${items.map((i) => html`<tr data-event-id=${i.id}>
        <td>${i.dateLabel}</td>
        <td><button class="linklike" @click=${() => this.choose(i.id)}>${i.event.title}</button></td>
        <td>${i.event.status}</td><td>${i.event.certainty}${i.disputed ? ', attribution disputed' : ''}</td></tr>`)}</tbody>
    </table>`
  }

  private choose(id: string | null) {
    if (id === this.selected) return
    this.selected = id
    this.dispatchEvent(new CustomEvent<TimelineSelectDetail>('timeline-select', { detail: { id }, bubbles: true, composed: true }))
  }

  private onKey = (event: KeyboardEvent) => {
    const load = this.load
    if (load.state !== 'ready') return
    const items = load.items
    const index = items.findIndex((i) => i.id === this.selected)
    const go = (i: number) => {
      const item = items[Math.max(0, Math.min(items.length - 1, i))]
      if (item) this.choose(item.id)
    }
    const keys: Record<string, () => void> = {
      ArrowRight: () => go(index + 1),
      ArrowDown: () => go(index + 1),
      ArrowLeft: () => go(index === -1 ? items.length - 1 : index - 1),
      ArrowUp: () => go(index === -1 ? items.length - 1 : index - 1),
      Home: () => go(0),
      End: () => go(items.length - 1),
      Escape: () => this.choose(null),
      '+': () => this.zoomBy(1.5),
      '=': () => this.zoomBy(1.5),
      '-': () => this.zoomBy(1 / 1.5),
      '0': () => this.fit(),
    }
    const action = keys[event.key]
    if (action) {
      event.preventDefault()
      action()
    }
  }

  private zoomBy(factor: number) {
    const plot = this.renderRoot.querySelector<SVGSVGElement>('svg.plot')
    if (plot && this.zoomBehavior) select(plot).call(this.zoomBehavior.scaleBy, factor)
  }

  private fit = () => {
    const plot = this.renderRoot.querySelector<SVGSVGElement>('svg.plot')
    if (plot && this.zoomBehavior) select(plot).call(this.zoomBehavior.transform, zoomIdentity)
    else this.transform = zoomIdentity
  }

  private async fetchSource(src: string) {
    const request = ++this.request
    this.load = { state: 'loading' }
    let text: string
    try {
      const response = await fetch(src)
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim())
      // Dev servers and SPAs answer a wrong path with their HTML page rather than a 404.
      if (/html/i.test(response.headers.get('content-type') ?? '')) {
        throw new Error('the server sent a web page instead of JSON; is the path right?')
      }
      text = await response.text()
    } catch (error) {
      if (request !== this.request) return
      const reason = error instanceof Error ? error.message : String(error)
      this.load = { state: 'error', title: `Could not load ${src}`, problems: [{ path: '', line: 1, column: 1, message: reason }] }
      return
    }
    if (request === this.request) this.accept(text, src)
  }

  private accept(text: string, origin: string) {
    this.request++
    const result = validateDataset(text)
    if (result.ok) {
      const items = toTimelineEvents(result.dataset)
      const now = asOf(result.dataset)
      this.load = { state: 'ready', dataset: result.dataset, items, asOf: now, window: initialWindow(items, now?.ms) }
      this.widths.clear()
      this.transform = zoomIdentity
    } else {
      const count = result.problems.length
      this.load = { state: 'error', title: `The timeline data in ${origin} has ${count === 1 ? 'a problem' : `${count} problems`}`, problems: result.problems }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diplomatic-timeline': DiplomaticTimeline
  }
  interface HTMLElementEventMap {
    'timeline-select': CustomEvent<TimelineSelectDetail>
  }
}
