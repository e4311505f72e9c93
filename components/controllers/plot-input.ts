import type { ScaleTime } from 'd3-scale'
import { hitTest, type Hit, type PlotFrame } from '../../src/timeline/frame.ts'
import type { TimelineEvent } from '../../src/timeline/events.ts'
import { axisHeight, type Hover } from '../parts/plot.ts'
import type { View } from './view.ts'

/** What the plot's input reads of its element, and what it asks of it. */
export interface PlotInputHost {
  selected(): string | null
  /** The events shown, in time order, and where the selected one is among them (-1 when it is not). */
  shownItems(): readonly TimelineEvent[]
  selectedIndex(): number
  /** The event at a table row. */
  itemAt(row: number): TimelineEvent | undefined
  /** The frame drawn, the plot's SVG and the element's box, to place the pointer on them. */
  frame(): PlotFrame | undefined
  plot(): SVGSVGElement | null
  box(): DOMRect
  /** The window shown: a count under the pointer belongs to it. */
  window(): ScaleTime<number, number>
  readonly view: View
  hover(): Hover | null
  setHover(hover: Hover | null): void
  /** The user chose an event (or none) by `event`. */
  choose(id: string | null, event: Event): void
  /** Scrolls the details of the selected event into view. */
  showDetails(): void
  /** Opens a group of same-day events drawn as one mark (see layout.ts, Grouping). */
  openGroup(key: string): void
  /** Whether time runs right to left: the arrows and the frame's positions follow the screen. */
  reversed(): boolean
}

/**
 * The plot's keyboard and pointer: the arrows walk the events shown in time order (at any N, as
 * the frame keeps the selected event drawn), Shift and the page keys pan, + − 0 zoom; left and
 * right follow the screen (→ is earlier when time runs right to left), up and down time; a click on
 * a mark selects it, on density zooms in, and the pointer's mark or bucket is hovered. Canvas
 * marks and buckets are found on the frame (hitTest), not by per-mark listeners.
 */
export class PlotInput {
  constructor(private readonly host: PlotInputHost) {}

  /** Escape anywhere in the element clears the selection. */
  onHostKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.host.selected() !== null) {
      event.preventDefault()
      this.host.choose(null, event)
    }
  }

  onKey = (event: KeyboardEvent) => {
    const { host } = this
    const items = host.shownItems()
    const index = host.selectedIndex()
    const go = (i: number) => {
      const item = items[Math.max(0, Math.min(items.length - 1, i))]
      if (item) host.choose(item.id, event)
    }
    const pan = (fraction: number) => host.view.panBy(fraction, event)
    const next = () => go(index + 1)
    const previous = () => go(index === -1 ? items.length - 1 : index - 1)
    const reversed = host.reversed()
    // Shift with the arrows pans; the arrows alone walk the events in time order.
    if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault()
      return pan((event.key === 'ArrowLeft') !== reversed ? -0.2 : 0.2)
    }
    const keys: Record<string, () => void> = {
      ArrowRight: reversed ? previous : next,
      ArrowDown: next,
      ArrowLeft: reversed ? next : previous,
      ArrowUp: previous,
      Home: () => go(0),
      End: () => go(items.length - 1),
      PageUp: () => pan(-0.5),
      PageDown: () => pan(0.5),
      '+': () => host.view.zoomBy(1.5, event),
      '=': () => host.view.zoomBy(1.5, event),
      '-': () => host.view.zoomBy(1 / 1.5, event),
      '0': () => host.view.fit(event),
      Enter: () => (index === -1 ? go(0) : host.showDetails()),
    }
    const action = keys[event.key]
    if (action) {
      event.preventDefault()
      action()
    }
  }

  onClick = (event: MouseEvent) => {
    const { host } = this
    const group = (event.target as Element).closest('[data-group]')
    if (group) return host.openGroup(group.getAttribute('data-group')!)
    const mark = (event.target as Element).closest('[data-event-id]')
    if (mark) return host.choose(mark.getAttribute('data-event-id'), event)
    const hit = this.hitAt(event)
    if (hit && 'row' in hit) return host.choose(host.itemAt(hit.row)?.id ?? null, event)
    // On a lane drawn as density, a click zooms in on that spot.
    if (hit && !hit.long) {
      const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect()
      host.view.zoomBy(4, event, [event.clientX - box.left, event.clientY - box.top])
    }
  }

  onPointerMove = (event: PointerEvent) => {
    const { host } = this
    const box = host.box()
    const [x, y] = [event.clientX - box.left, event.clientY - box.top]
    const id = (event.target as Element).closest('[data-event-id]')?.getAttribute('data-event-id')
    if (id) return host.setHover({ id, x, y })
    const hit = this.hitAt(event)
    const row = hit && 'row' in hit ? host.itemAt(hit.row) : undefined
    if (row) host.setHover({ id: row.id, x, y })
    else if (hit && 'count' in hit) host.setHover({ bucket: hit, window: host.window(), x, y })
    else if (host.hover()) host.setHover(null)
  }

  onPointerLeave = () => this.host.setHover(null)

  /** What is on the canvas under a pointer: an unlabelled mark or a density bucket. */
  private hitAt(event: MouseEvent): Hit {
    const plot = this.host.plot()
    const frame = this.host.frame()
    if (!plot || !frame) return null
    const box = plot.getBoundingClientRect()
    // The frame is laid out left to right; when time runs right to left, the screen is its mirror.
    const x = event.clientX - box.left
    return hitTest(frame, this.host.reversed() ? frame.width - x : x, event.clientY - box.top - axisHeight)
  }
}
