import type { ReactiveControllerHost } from 'lit'
import { scaleUtc, type ScaleTime } from 'd3-scale'
import type { ZoomBehavior, ZoomTransform } from 'd3-zoom'
import type { BrushBehavior } from 'd3-brush'
import type { TimelineEvent } from '../../src/timeline/events.ts'
import { drawnAsDot, drawnAt } from '../../src/timeline/layout.ts'
import { splitTouchByAxis } from './touch-axis.ts'

/** d3's zoom and brush behaviours: fetched after the first paint, which draws without them. */
const loadInteraction = () => import('./interaction.ts')
type Interaction = Awaited<ReturnType<typeof loadInteraction>>

/** What the view reads of its element. */
export interface ViewInputs {
  /** The plot's width in px. */
  width: () => number
  /** The window at zoom 1 (UTC ms), or null without events. */
  baseDomain: () => [number, number] | null
  /** How far the window may pan: the events' span, or null. */
  extent: () => [number, number] | null
  /** The overview strip's scale, or null without events. */
  overviewScale: () => ScaleTime<number, number> | null
  overviewHeight: number
  /** Whether time runs right to left (see the element's `time-direction`). */
  reversed: () => boolean
  /** The user moved the window (not the page): called once the new window is drawn. */
  rangeChanged: (start: Date, end: Date) => void
}

const hour = 3_600_000
const century = 100 * 365.25 * 86_400_000

/** Events that come faster than frames (the wheel, drags, pinches): their updates wait for the next frame. */
const discrete = new Set(['click', 'keydown'])

/**
 * The window shown: the zoom transform and the scales made from it, d3-zoom on the plot and
 * d3-brush on the overview. Whether the user moved the window or the page did is told by
 * d3's `sourceEvent`: commands made for the user pass the user's event along, and only those
 * (and the user's own gestures) fire a range change.
 */
export class View {
  /** The zoom transform; null for none (zoom 1), as before d3-zoom has loaded. */
  transform: ZoomTransform | null = null
  /** Set by continuous input: the update it asks for waits for the next animation frame. */
  nextFrame = false
  /** A zoom or pan is under way (between d3-zoom's start and end): the element may hold what would jump at each step. */
  moving = false
  private d3?: Interaction
  private loading = false
  private zoom?: ZoomBehavior<SVGSVGElement, unknown>
  private plot?: SVGSVGElement & { __zoom?: ZoomTransform }
  /** Which way time ran when the zoom's limits were last set. */
  private limitedReversed?: boolean
  /** The user moved the window during the gesture under way. */
  private userMoved = false
  /** Removes the listener that keeps vertical swipes for the page (see touch-axis.ts). */
  private untouch?: () => void
  private brush?: BrushBehavior<unknown>
  private brushWidth = 0
  /** What the brush shows (null: nothing), or undefined when it must be drawn again. */
  private brushSelection?: [number, number] | null
  private brushScale?: ScaleTime<number, number>
  // Each d3 UTC scale, copies included, builds its own tick formats: made once per width, window and zoom.
  // `base`, and the transform applied to it, place time on the screen (right to left when time runs
  // so): d3-zoom and d3-brush work in them. `x` runs left to right whatever the direction: the layout and the
  // frames work in it, and only drawing mirrors it (see mirrorOf).
  private scales?: {
    width: number; start?: number; end?: number; reversed: boolean; transform: ZoomTransform | null
    base: ScaleTime<number, number>; forward: ScaleTime<number, number>; x: ScaleTime<number, number>
  }

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly inputs: ViewInputs,
  ) {}

  /** Whether the plot can zoom yet (the behaviours have loaded and been attached). */
  get ready(): boolean {
    return this.zoom !== undefined && this.plot !== undefined
  }

  /** The scale of the window shown, left to right whatever the time direction; shared, so not to be changed. */
  get x(): ScaleTime<number, number> {
    return this.scalesNow().x
  }

  /** The scale at zoom 1 as on the screen (right to left when time runs so); shared, so not to be changed. */
  private get base(): ScaleTime<number, number> {
    return this.scalesNow().base
  }

  /** +1 when time runs left to right, -1 when it runs right to left. */
  private get sense(): number {
    return this.inputs.reversed() ? -1 : 1
  }

  /** Back to the window at zoom 1, as for new data; nobody's action. */
  reset(): void {
    this.transform = null
    this.host.requestUpdate()
  }

  /**
   * After each render: attaches the behaviours to the plot and the overview rendered (fetching
   * them first, after the first paint), and sets the zoom's limits again when their inputs changed.
   */
  sync(plot: SVGSVGElement | null, brushArea: SVGGElement | null, limitsChanged: boolean): void {
    if (!this.d3) {
      if (!this.loading && plot) {
        this.loading = true
        loadInteraction().then(
          (d3) => {
            this.d3 = d3
            this.host.requestUpdate()
          },
          // The chunk did not arrive (a network error): the next render asks for it again.
          () => (this.loading = false),
        )
      }
      return
    }
    this.attachZoom(this.d3, plot)
    // The pan's limits are on the screen: they follow the direction time runs in too.
    const reversed = this.inputs.reversed()
    if ((limitsChanged || this.limitedReversed !== reversed) && this.zoom) {
      this.limit(this.zoom)
      this.limitedReversed = reversed
    }
    if (brushArea) this.attachBrush(this.d3, brushArea)
  }

  /** Zooms by `factor` about the middle, or about `point` (px in the plot). */
  zoomBy(factor: number, event?: Event, point?: [number, number]): void {
    this.run('scaleBy', factor, point, event)
  }

  /** Pans by a fraction of the window's width: later in time for a positive one, whichever way time runs. */
  panBy(fraction: number, event?: Event): void {
    this.run('translateBy', (-fraction * this.sense * Math.max(this.inputs.width(), 1)) / (this.transform?.k ?? 1), 0, event)
  }

  /** Back to the window at zoom 1, at the user's request. */
  fit(event?: Event): void {
    if (this.ready) this.run('transform', this.d3!.zoomIdentity, undefined, event)
    else this.reset()
  }

  /** Moves the window to centre `ms`, keeping the zoom. */
  centre(ms: number, event?: Event): void {
    this.run('translateTo', this.base(ms), 0, undefined, event)
  }

  /** Brings an event into view when it is outside the window, keeping the zoom; as the user's action when `event` is theirs. */
  reveal(item: TimelineEvent, event?: Event): void {
    const [d0, d1] = this.x.domain().map(Number) as [number, number]
    // Where its mark is drawn: a day's dot sits at midday, which a window of a few hours can miss.
    const at = drawnAt(item)
    if (at >= d0 && at <= d1) return
    this.centre(drawnAsDot(item) ? at : item.start + Math.min(item.end - item.start, (d1 - d0) / 2) / 2, event)
  }

  /** Sets the window to [start, end] (UTC ms). */
  show(start: number, end: number, event?: Event): void {
    if (!this.ready || end <= start) return
    const base = this.base
    // d3-zoom clamps scaleBy and translateBy to its limits, but not a transform set outright.
    const [kMin, kMax] = this.scaleExtent()
    const width = Math.max(1, this.inputs.width())
    const k = Math.min(kMax, Math.max(kMin, width / Math.abs(base(end) - base(start))))
    // Centred on the middle of [start, end], which it shows exactly unless a limit applied.
    this.run('transform', this.d3!.zoomIdentity.translate(width / 2, 0).scale(k).translate(-base((start + end) / 2), 0), undefined, event)
  }

  /** One of d3-zoom's commands on the plot, once it can zoom. */
  private run(command: 'scaleBy' | 'translateBy' | 'translateTo' | 'transform', ...args: unknown[]) {
    if (!this.ready) return
    // d3-zoom 3 takes the event behind a command as its last argument; its TypeScript types leave it out.
    ;(this.zoom![command] as (...a: unknown[]) => void)(this.d3!.select(this.plot!), ...args)
  }

  private scalesNow() {
    const width = Math.max(this.inputs.width(), 1)
    const domain = this.inputs.baseDomain()
    const reversed = this.inputs.reversed()
    let s = this.scales
    // Time turned round: the same window, seen in the mirror (d3-zoom's copy on the plot follows at the next sync).
    if (s && s.reversed !== reversed && this.transform && this.d3) {
      const { k, x, y } = this.transform
      this.transform = this.d3.zoomIdentity.translate(width * (1 - k) - x, y).scale(k)
    }
    if (!s || s.width !== width || s.start !== domain?.[0] || s.end !== domain?.[1] || s.reversed !== reversed) {
      const base = scaleUtc().range(reversed ? [width, 0] : [0, width])
      if (domain) base.domain(domain)
      const forward = reversed ? base.copy().range([0, width]) : base
      s = this.scales = { width, start: domain?.[0], end: domain?.[1], reversed, transform: null, base, forward, x: forward }
    }
    if (s.transform !== this.transform) {
      s.transform = this.transform
      const screen = this.transform ? this.transform.rescaleX(s.base) : s.base
      s.x = !this.transform ? s.forward : reversed ? screen.copy().range([0, width]) : screen
    }
    return s
  }

  /** From about a century to about an hour across the plot, so nobody gets lost. */
  private scaleExtent(): [number, number] {
    const domain = this.inputs.baseDomain()
    const span = domain ? domain[1] - domain[0] : century
    return [Math.min(1, span / century), Math.max(1, span / hour)]
  }

  /** Zoom from about a century to about an hour; pan no further than a window past the events. */
  private limit(zoom: ZoomBehavior<SVGSVGElement, unknown>) {
    zoom.scaleExtent(this.scaleExtent())
    const extent = this.inputs.extent()
    const width = Math.max(this.inputs.width(), 1)
    if (!extent) return void zoom.translateExtent([[-Infinity, -Infinity], [Infinity, Infinity]])
    const [a, b] = [this.base(extent[0]), this.base(extent[1])]
    zoom.translateExtent([[Math.min(a, b, 0) - width, -Infinity], [Math.max(a, b, width) + width, Infinity]])
  }

  private attachZoom(d3: Interaction, plot: (SVGSVGElement & { __zoom?: ZoomTransform }) | null) {
    if (!plot) return void (this.plot = undefined)
    // d3-zoom keeps the transform on the element; keep it in step when the view resets it (new data, Fit).
    if (this.zoom && this.plot === plot && plot.__zoom) return void (plot.__zoom = this.transform ?? d3.zoomIdentity)
    this.plot = plot
    this.zoom ??= d3.zoom<SVGSVGElement, unknown>()
      .filter((event: Event) => {
        // Clicks on marks select; the wheel, drags and pinches elsewhere zoom and pan.
        if (event.type === 'mousedown' && (event.target as Element).closest('.mark')) return false
        return (!(event as MouseEvent).ctrlKey || event.type === 'wheel') && !(event as MouseEvent).button
      })
      .on('start', () => (this.moving = true))
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        const source = event.sourceEvent
        // Wheel and pointer events come faster than frames: draw once per frame, at the latest transform.
        if (source && !discrete.has(source.type)) this.nextFrame = true
        if (source) this.userMoved = true
        this.transform = event.transform
        this.host.requestUpdate()
      })
      .on('end', () => {
        this.moving = false
        // What was held through the gesture is let go.
        this.host.requestUpdate()
        if (!this.userMoved) return
        this.userMoved = false
        // Once the new window is drawn: a zoom can end inside an update (a selection brought into view).
        void this.host.updateComplete.then(() => {
          const [start, end] = this.x.domain()
          this.inputs.rangeChanged(start!, end!)
        })
      })
    this.limit(this.zoom)
    this.untouch?.()
    this.untouch = splitTouchByAxis(plot)
    d3.select(plot).call(this.zoom).on('dblclick.zoom', null)
    plot.__zoom = this.transform ?? d3.zoomIdentity
  }

  /** Keeps the overview's brush on the plot's window, and lets a brush gesture set the window. */
  private attachBrush(d3: Interaction, g: SVGGElement) {
    const all = this.inputs.overviewScale()
    if (!all) return
    const width = Math.max(this.inputs.width(), 1)
    const fresh = !this.brush || !(g as unknown as { __brush?: unknown }).__brush
    if (fresh) {
      // Moves made here (brush.move without an event) come with no sourceEvent: only the user's gestures act.
      this.brush = d3.brushX<unknown>().on('brush end', (event: { type: string; selection: [number, number] | null; sourceEvent: Event | null }) => {
        const current = this.brushScale
        const source = event.sourceEvent
        if (!source || !current) return
        if (event.selection) return this.show(current.invert(event.selection[0]).getTime(), current.invert(event.selection[1]).getTime(), source)
        if (event.type !== 'end') return
        // A click without a drag: d3 clears its brush. Centre the window there, and draw the brush again.
        const [x0, x1] = this.x.domain().map(Number) as [number, number]
        const at = current.invert(d3.pointer(source, g)[0]).getTime()
        this.brushSelection = undefined
        this.show(at - (x1 - x0) / 2, at + (x1 - x0) / 2, source)
        this.host.requestUpdate()
      })
    }
    // Setting up the brush builds its DOM: only when it is new or the strip changed width.
    if (fresh || this.brushWidth !== width) {
      this.brush!.extent([[0, 0], [width, this.inputs.overviewHeight]])
      d3.select(g).call(this.brush!)
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
    d3.select(g).call(this.brush!.move, selection)
    this.brushSelection = selection
  }
}
