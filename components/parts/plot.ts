import { html, nothing, svg } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { ScaleTime } from 'd3-scale'
import { formatDayRange } from '../../src/dates/format.ts'
import type { Relation } from '../../src/model/index.ts'
import type { TimelineEvent } from '../../src/timeline/events.ts'
import { LaneMode, type Hit, type PlotFrame } from '../../src/timeline/frame.ts'
import { insideLabelX, labelGap, type Mark } from '../../src/timeline/layout.ts'
import { timeAxis, type AxisTick } from '../../src/timeline/axis.ts'
import type { Messages } from '../../src/i18n/index.ts'
import { dateLabelOf, nameOf, saidDateOf } from './words.ts'
import type { RelationsInput } from './relations.ts'
import { textBox } from './text-box.ts'

/** A row of labelled marks: 24 px, each mark's target at least that tall (WCAG 2.5.8). */
export const rowHeight = 24
export const laneHeader = 16
export const axisHeight = 40
export const densityLaneHeight = 30
export const tickHeight = 8

/** The height at which a mark's body, its label and its relations' ends are centred, in px from the lanes' top. */
export const middleOf = (mark: Pick<Mark, 'y'>): number => mark.y + rowHeight / 2 - 2

/** The lanes' height: at least two rows, so that an empty plot still shows its axis and "as of" line. */
export const lanesHeightOf = (frame: PlotFrame): number => Math.max(frame.height, rowHeight * 2)

/** What the pointer is over: an event, or a bucket of a density lane in the window of scale `window`; where, from the element's top-left. */
export type Hover = ({ id: string } | { bucket: Extract<Hit, { count: number }>; window: ScaleTime<number, number> }) & { x: number; y: number }

export interface PlotInput {
  frame: PlotFrame
  x: ScaleTime<number, number>
  asOf: { ms: number; label: string } | null
  relations: readonly Relation[]
  selected: string | null
  /** How many events the filters let through. */
  shown: number
  /** The locale the axis is labelled in. */
  locale: string
  /** The words, in the locale (they may differ from it where a page gave its own). */
  messages: Messages
  /** Time runs right to left: the frame, laid out left to right, is drawn mirrored (text is not). */
  reversed: boolean
  /** The width of text in the element's font at a size in px, and the size labels are drawn at: relations' verbs keep clear of what is drawn. */
  measureAt: (text: string, px: number) => number
  labelPx: number
  /** The lanes' least height, in px: held through a zoom or pan, so that the page under the plot stays put (see View.moving). */
  lanesAtLeast?: number
  /** Draws the selected event's relations (components/parts/relations.ts, fetched with the details); none until it has arrived. */
  drawRelations?: (input: RelationsInput) => unknown
  on: { key: (e: KeyboardEvent) => void; click: (e: MouseEvent) => void; pointerMove: (e: PointerEvent) => void; pointerLeave: () => void }
}

/**
 * Where the frame's left-to-right positions go on the screen: the same place, or, when time runs
 * right to left, their mirror image. Text is never mirrored: a label the layout put after a mark
 * ends before its mirrored mark, so what the layout kept apart stays apart.
 */
export interface Mirror {
  /** A position on the screen. */
  x(u: number): number
  /** The screen's left edge of the span [u1, u2]. */
  left(u1: number, u2: number): number
  /** The text-anchor of text that runs from a point towards later time ('start'), or towards earlier ('end'). */
  anchor(toward: 'start' | 'end'): 'start' | 'end'
  /** +1, or -1 when mirrored: a step towards later time on the screen. */
  sense: 1 | -1
}

const mirrorOf = (width: number, reversed: boolean): Mirror => reversed
  ? { x: (u) => width - u, left: (_u1, u2) => width - u2, anchor: (t) => (t === 'start' ? 'end' : 'start'), sense: -1 }
  : { x: (u) => u, left: (u1) => u1, anchor: (t) => t, sense: 1 }

/**
 * The time plot: the axis, the lanes, the "as of" line, relations and labelled marks in SVG over
 * a canvas that holds the unlabelled marks and density (see controllers/plot-canvas.ts). A
 * function of its input: it does no data work.
 */
export function plotPart({ frame, x, asOf, relations, selected, shown, locale, messages: m, reversed, measureAt, labelPx, drawRelations, lanesAtLeast = 0, on }: PlotInput) {
  const width = frame.width
  const at = mirrorOf(width, reversed)
  const lanesHeight = Math.max(lanesHeightOf(frame), lanesAtLeast)
  // Below the lanes: room for the "as of" label, clear of every mark.
  const height = axisHeight + lanesHeight + 18
  const axis = timeAxis(frame.t0, frame.t1, width, locale)
  // Ticks too close to an edge would have their labels cut in half.
  const ticks = axis.minor.filter((t) => x(t.ms) >= 24 && x(t.ms) <= width - 24)
  const visible = frame.marks.filter((m) => m.x2 >= -50 && m.x1 <= width + 10)
  const active = visible.some((m) => m.item.id === selected) ? `mark-${selected}` : nothing
  // Unlabelled marks and density are drawn on the canvas under the SVG (see controllers/plot-canvas.ts).
  return html`<div class="plot-area"><div class="plot-canvas-box"><canvas class="plot-canvas" aria-hidden="true"></canvas></div><svg class="plot" part="plot" width=${width} height=${height} viewBox="0 0 ${width} ${height}"
      role="application" tabindex="0" aria-activedescendant=${active}
      aria-label=${m.format('plotLabel', { count: shown })}
      @keydown=${on.key} @click=${on.click} @pointermove=${on.pointerMove} @pointerleave=${on.pointerLeave}>
    <defs>
      <marker id="dt-arrow" class="arrowhead" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0,0 L8,4 L0,8 z"></path>
      </marker>
      <pattern id="dt-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
      </pattern>
    </defs>
    <g class="axis">${ticks.map((t) => svg`<g class="tick" transform="translate(${at.x(x(t.ms))},0)">
        <line y1=${axisHeight - 6} y2=${height}></line>
        <text y=${axisHeight - 10} text-anchor="middle">${t.label}</text></g>`)}
      ${majorLabels(axis.major, x, width).map(({ x: from, label, start }) => svg`<g class="period" transform="translate(${at.x(from)},0)">
        ${start ? svg`<line y1="2" y2=${height}></line>` : nothing}<text x=${4 * at.sense} y="12" text-anchor=${at.anchor('start')}>${label}</text></g>`)}</g>
    <g transform="translate(0,${axisHeight})">
      ${frame.lanes.map((lane) => svg`<g class=${lane.mode === LaneMode.marks ? 'lane' : lane.mode === LaneMode.density ? 'lane dense' : 'lane ticks'}>
            <line class="lane-rule" x1="0" x2=${width} y1=${lane.y} y2=${lane.y}></line>
            <text class="lane-label" x=${at.x(4)} y=${lane.y + 12} text-anchor=${at.anchor('start')}>${laneLabel(lane, m)}</text></g>`)}
      ${asOf === null ? nothing : svg`<g class="as-of" transform="translate(${at.x(x(asOf.ms))},0)">
        <line y1="0" y2=${lanesHeight + 4}></line>
        ${at.x(x(asOf.ms)) > width - 110
          ? svg`<text x="-4" text-anchor="end" y=${lanesHeight + 14}>${asOfText(asOf.ms, m)}</text>`
          : svg`<text x="4" y=${lanesHeight + 14}>${asOfText(asOf.ms, m)}</text>`}</g>`}
      <!-- Relations under the marks: labels, with their halo, stay legible where a relation crosses them. -->
      ${selected && drawRelations
        ? drawRelations({ relations, marks: frame.marks, selected, messages: m, width, height: lanesHeight + 18, screen: at, measureAt, labelPx, texts: laneTexts(frame, asOf && { ms: asOf.ms, at: at.x(x(asOf.ms)) }, lanesHeight, at, m, measureAt) })
        : nothing}
      ${renderMarks(visible, selected, m, at)}
    </g>
  </svg></div>`
}

/** Roughly how wide a period's label is, in px (11 px text): enough to tell whether it fits before the next period starts. */
const labelWidth = (label: string) => label.length * 6.5 + 8

/**
 * The periods' labels on the axis's top row: each at its period's start, the first kept at the
 * left edge while its period is in view (the right edge once drawn mirrored), and left out where the next period's label would cover it.
 * `start` says whether the period starts in view (its boundary is drawn).
 */
export function majorLabels(periods: readonly AxisTick[], x: ScaleTime<number, number>, width: number): Array<{ x: number; label: string; start: boolean }> {
  const placed: Array<{ x: number; label: string; start: boolean }> = []
  periods.forEach((period, i) => {
    const from = Math.max(0, x(period.ms))
    const next = i + 1 < periods.length ? x(periods[i + 1]!.ms) : Infinity
    if (from >= width) return
    if (Math.min(next, width) - from >= labelWidth(period.label)) placed.push({ x: from, label: period.label, start: x(period.ms) >= 0 })
    else if (x(period.ms) >= 0) placed.push({ x: from, label: '', start: true })
  })
  return placed
}

/**
 * An event in several lanes has a mark in each; only the first carries the id that
 * aria-activedescendant names. Keyed by lane and event: as a zoom or pan moves marks in and out
 * of view, the others keep their elements and only move, rather than each taking on its
 * neighbour's text, label and classes.
 */
function renderMarks(marks: Mark[], selected: string | null, m: Messages, at: Mirror) {
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
    if (mark.group) return renderGroup(mark, m, at)
    const first = !named.has(mark.item.id)
    named.add(mark.item.id)
    return renderMark(mark, first, selected, m, at)
  })
}

/** A mark's label, beside it (before or after it in time) or inside its bar, as layout placed it. */
function labelOf(mark: Mark, cy: number, at: Mirror) {
  if (!mark.label) return nothing
  if (mark.labelSide === 'left') return svg`<text x=${at.x(mark.x1 - labelGap)} y=${cy + 4} text-anchor=${at.anchor('end')} aria-hidden="true">${mark.label}</text>`
  if (mark.labelSide === 'inside') return svg`<text class="inside" x=${at.x(insideLabelX(mark))} y=${cy + 4} text-anchor=${at.anchor('start')} aria-hidden="true">${mark.label}</text>`
  return svg`<text x=${at.x(mark.x2 + labelGap)} y=${cy + 4} text-anchor=${at.anchor('start')} aria-hidden="true">${mark.label}</text>`
}

/**
 * The row a mark stands in about its body, at least 24 px each way (WCAG 2.5.8's target size):
 * rows are 24 px apart, so no two marks' rows overlap. Unpainted, under the mark.
 */
function hitArea(mark: Mark, cy: number, at: Mirror) {
  const [l, r] = [Math.min(mark.x1, mark.cx - 12), Math.max(mark.x2, mark.cx + 12)]
  return svg`<rect class="hit" x=${at.left(l, r)} y=${cy - rowHeight / 2} width=${r - l} height=${rowHeight}></rect>`
}

/** Several events on one day as one larger dot labelled with their count (its visible words begin its name): a click opens it (see layout.ts, Grouping). */
function renderGroup(mark: Mark, m: Messages, at: Mirror) {
  const { item, group } = mark
  const cy = middleOf(mark)
  return svg`<g class=${`mark group ${item.emphasis}`} part="mark" data-group=${group!.key} role="button" aria-label=${m.format('groupMark', { count: group!.count, date: dateLabelOf(item, m) })}>
    ${hitArea(mark, cy, at)}
    ${mark.x2 - mark.x1 > 12 ? svg`<rect class="extent" x=${at.left(mark.x1, mark.x2)} y=${cy - 6} width=${mark.x2 - mark.x1} height="12" rx="3"></rect>` : nothing}
    <circle class="body" cx=${at.x(mark.cx)} cy=${cy} r="8"></circle>
    ${labelOf(mark, cy, at)}
  </g>`
}

function renderMark(mark: Mark, named: boolean, selected: string | null, m: Messages, at: Mirror) {
  const { item } = mark
  const wide = mark.x2 - mark.x1 > 12
  const bar = wide && !mark.dot
  const classes = ['mark', item.status, item.shape, item.emphasis, item.id === selected ? 'selected' : ''].join(' ')
  const cy = middleOf(mark)
  return svg`<g class=${classes} part="mark" id=${named ? `mark-${item.id}` : nothing} data-event-id=${item.id} role="button" aria-label=${accessibleName(item, m)}>
    ${hitArea(mark, cy, at)}
    ${wide && mark.dot ? svg`<rect class="extent" x=${at.left(mark.x1, mark.x2)} y=${cy - 6} width=${mark.x2 - mark.x1} height="12" rx="3"></rect>` : nothing}
    ${bar
      ? svg`<rect class="body" x=${at.left(mark.x1, mark.x2)} y=${cy - 6} width=${mark.x2 - mark.x1} height="12" rx="3"></rect>`
      : svg`<circle class="body" cx=${at.x(mark.cx)} cy=${cy} r="5"></circle>`}
    ${item.disputed ? svg`<g transform="translate(${at.x(bar ? mark.x2 - 2 : mark.cx + 4)},${cy - 7})"><circle class="badge" r="5"></circle><text class="badge-text" text-anchor="middle" y="3" aria-hidden="true">!</text></g>` : nothing}
    ${labelOf(mark, cy, at)}
  </g>`
}

const names = new WeakMap<Messages, WeakMap<TimelineEvent, string>>()

/** "19 Sep 2016 — UN aid convoy attacked — occurred — attribution disputed"; made once per event and catalogue, not in each frame of a zoom. */
function accessibleName(item: TimelineEvent, m: Messages): string {
  let byItem = names.get(m)
  if (!byItem) names.set(m, (byItem = new WeakMap()))
  let name = byItem.get(item)
  if (name === undefined) {
    name = m.format(item.disputed ? 'markNameDisputed' : 'markName', { date: dateLabelOf(item, m), title: item.title, status: nameOf(m, 'status', item.status) })
    byItem.set(item, name)
  }
  return name
}

/** The boxes of the lanes' names and of the "as of" label (its line `at` px on the screen), which relations' verbs keep clear of. */
function laneTexts(frame: PlotFrame, asOf: { ms: number; at: number } | null, lanesHeight: number, at: Mirror, m: Messages, measureAt: (text: string, px: number) => number) {
  const boxes = frame.lanes.map((lane) => {
    const w = measureAt(laneLabel(lane, m), 11)
    return textBox(at.anchor('start') === 'start' ? at.x(4) : at.x(4) - w, w, lane.y + 12, 11)
  })
  if (asOf) {
    const w = measureAt(asOfText(asOf.ms, m), 11)
    boxes.push(textBox(asOf.at > frame.width - 110 ? asOf.at - 4 - w : asOf.at + 4, w, lanesHeight + 14, 11))
  }
  return boxes
}

/** A lane's name, and how many events it has in view where they are not each labelled. */
function laneLabel(lane: PlotFrame['lanes'][number], m: Messages): string {
  // Lanes by category are named by the category: in words, as the chips name it.
  const name = lane.label === lane.key ? nameOf(m, 'category', lane.key) : lane.label
  return lane.mode === LaneMode.marks && lane.long === 0 ? name : m.format('laneCount', { lane: name, count: lane.count })
}

/** The "as of" line's label: the day of the source, in the locale. */
const asOfText = (ms: number, m: Messages) => m.format('asOf', { date: formatDayRange(ms, ms + 1, { messages: m }) })


/** The tooltip: an event's title and date, or a density bucket's count. */
export function tooltipPart(hover: Hover | null, byId: (id: string) => TimelineEvent | undefined, width: number, m: Messages) {
  if (!hover) return nothing
  // 18rem wide at most: keep it inside the element, whatever its width.
  const left = Math.max(0, Math.min(hover.x + 12, width - 290))
  if ('bucket' in hover) {
    const { count, t0, t1, long } = hover.bucket
    const range = formatDayRange(t0, t1, { messages: m })
    return html`<div class="tooltip" part="tooltip" role="tooltip" data-left=${left} data-top=${hover.y + 14}>
      <strong>${m.format(long ? 'bucketLongEvents' : 'bucketEvents', { count })}</strong><br />
      ${m.format(long ? 'bucketBeyond' : 'bucketZoom', { range })}
    </div>`
  }
  const item = byId(hover.id)
  if (!item) return nothing
  return html`<div class="tooltip" part="tooltip" role="tooltip" data-left=${left} data-top=${hover.y + 14}>
    <strong>${item.title}</strong><br />
    ${saidDateOf(item, m)}
  </div>`
}
