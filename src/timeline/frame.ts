import { bucketOf, bucketSpan, levelFor, type DensityCache } from './density.ts'
import type { TimelineEvent } from './events.ts'
import { eachLane, layoutLane, type GroupBy, type Grouping, type Lane, type Mark, type Measure } from './layout.ts'
import { after, countClasses, countInWindow, inWindow, longFrom } from './query.ts'
import { Flag, type EventTable, type LaneIndex } from './table.ts'

/**
 * How a lane is drawn at the current zoom: labelled, focusable SVG marks where few events are in
 * view; unlabelled marks on canvas where they are many but still apart; density where denser.
 */
export const LaneMode = { marks: 'marks', ticks: 'ticks', density: 'density' } as const
export type LaneMode = (typeof LaneMode)[keyof typeof LaneMode]

export interface FrameLane extends Lane {
  mode: LaneMode
  /** Events in view in the lane. */
  count: number
  /**
   * Of those, the events longer than the window (a war beside a week of talks), when they are
   * drawn apart, as a band of density along the lane's top, so that they neither crowd out the
   * shorter events nor hide them under one shade; 0 when every event is drawn by `mode`.
   */
  long: number
}

/** A lane's unlabelled marks, in order of `x1`; `y` is each mark's top. */
export interface TickLane {
  lane: number
  x1: Float64Array
  x2: Float64Array
  y: Float64Array
  flags: Uint8Array
  /** Table rows. */
  rows: Uint32Array
  /** The widest mark, in px: hit-testing looks back that far from the pointer. */
  widest: number
  /** Every mark's height, in px. */
  height: number
}

/** A lane's density: bucket i covers [x0 + i·step, x0 + (i+1)·step) in px and [t0 + i·span, t0 + (i+1)·span) in ms. */
export interface DensityLane {
  lane: number
  /** Top and height of the strip, in px. */
  y: number
  height: number
  t0: number
  span: number
  x0: number
  step: number
  counts: Int32Array
  /** The largest count in view, drawn at full strength. */
  peak: number
  /** A band of a lane's long events (see FrameLane.long), rather than the lane's own density. */
  long: boolean
}

/** Everything one view of the plot draws, as plain data: SVG renders `lanes` and `marks`, canvas draws `ticks` and `density`. */
export interface PlotFrame {
  t0: number
  t1: number
  width: number
  lanes: FrameLane[]
  marks: Mark[]
  ticks: TickLane[]
  density: DensityLane[]
  height: number
}

export interface FrameOptions {
  groupBy: GroupBy
  measure: Measure
  rowHeight: number
  lanePadding: number
  laneHeader: number
  minMarkWidth: number
  /** Labelled marks in view at most, over all lanes: the lanes with fewest events get them first. */
  maxMarks: number
  /** A lane with more events in view than one per this many px is drawn as density. */
  tickSpacing: number
  /** Height of a row of unlabelled marks, and how many such rows a lane has at most. */
  tickHeight: number
  tickRows: number
  densityHeight: number
  /** The selected event's row, or -1: always drawn as a labelled mark when in view. */
  selected: number
  /** Same-day events drawn as one mark until opened (see layout.ts); the selected event's group is kept open too. */
  grouping?: Grouping
}

/** Width of an unlabelled dot, and the least width of an unlabelled bar, in px. */
const tickDot = 6
const tickBar = 4

/**
 * The plot for the window [t0, t1) ms across `width` px, lane by lane. The work grows with the
 * lanes, the marks drawn and the pixels, not with the events: counts come from binary searches,
 * the events laid out are those in view, and density is counted per bucket (see density.ts).
 */
export function plotFrame(table: EventTable, lanes: readonly LaneIndex[], view: { t0: number; t1: number; width: number }, cache: DensityCache, o: FrameOptions): PlotFrame {
  const { t0, t1, width } = view
  const span = Math.max(1, t1 - t0)
  const k = width / span
  const x = (ms: number) => (ms - t0) * k
  // The window is [t0, t1): an event that starts just as it ends is the next window's.
  const last = t1 - 1
  const counts = lanes.map((lane) => countInWindow(lane, t0, last))
  // Length classes from which events are long beside the window, and how many of those are in view.
  const splits = lanes.map((lane) => longFrom(lane, span))
  const longs = lanes.map((lane, i) => countClasses(lane, t0, last, splits[i]!, lane.classes.length))
  const modes = chooseModes(counts, longs, width, o)
  const frame: PlotFrame = { t0, t1, width, lanes: [], marks: [], ticks: [], density: [], height: 0 }
  const selected = o.selected >= 0 && table.end[o.selected]! >= t0 && table.start[o.selected]! <= last ? table.items[o.selected] : undefined
  const kept = o.grouping?.keep
  const grouping = o.grouping && { ...o.grouping, keep: (item: TimelineEvent) => item === selected || (kept?.(item) ?? false) }
  const laneOptions = { x, rowHeight: o.rowHeight, lanePadding: o.lanePadding, laneHeader: o.laneHeader, measure: o.measure, minMarkWidth: o.minMarkWidth, right: width, grouping }
  let y = 0
  for (let i = 0; i < lanes.length; i++) {
    const lane = lanes[i]!
    const { mode, apart } = modes[i]!
    const index = frame.lanes.length
    // The classes drawn by the lane's mode: all, or the short ones when the long are drawn apart.
    const classes = { from: 0, to: apart ? splits[i]! : lane.classes.length }
    const long = apart ? longs[i]! : 0
    let height: number
    let pinned = selected !== undefined && inLane(selected, o.groupBy, lane.key)
    if (mode === LaneMode.marks) {
      // Events just outside the window too, so that a pan has their labels ready; unless there are too many.
      const nearBy = countClasses(lane, t0 - span, t1 + span, classes.from, classes.to) <= 4 * o.maxMarks
      const positions = nearBy ? inWindow(lane, t0 - span, t1 + span, classes) : inWindow(lane, t0, last, classes)
      if (positions.length === 0 && long === 0) continue
      const laid = layoutLane(Array.from(positions, (p) => table.items[lane.rows[p]!]!), lane.key, lane.label, y, laneOptions)
      for (const mark of laid.marks) {
        frame.marks.push(mark)
        if (mark.item === selected) pinned = false
      }
      height = laid.lane.height
      frame.lanes.push({ ...laid.lane, mode, count: counts[i]!, long })
    } else {
      height = mode === LaneMode.ticks ? ticks(frame, table, lane, classes, index, y, x, o) : density(frame, lane, classes, index, y, view, k, cache, o)
      frame.lanes.push({ key: lane.key, label: lane.label, rows: 1, y, height, mode, count: counts[i]!, long })
    }
    if (long > 0) band(frame, lane, splits[i]!, index, y, view, k, cache, o)
    // The selected event stays drawn, labelled and reachable, in a lane that does not label it.
    if (pinned) {
      const mark = layoutLane([selected!], lane.key, lane.label, y, laneOptions).marks[0]!
      // In its lane's first row, or as low as the lane lets its body (12 px about the row's middle) reach.
      const lowest = y + height - o.rowHeight / 2 - 4
      frame.marks.push(mark.y > lowest ? { ...mark, y: lowest } : mark)
    }
    y += height
  }
  frame.height = y
  return frame
}

/**
 * Labelled marks to the lanes with the fewest events in view while the budget lasts; in a lane
 * past it whose long events are many, those are set apart and the rest tried again; then
 * unlabelled marks where they are apart, and density elsewhere.
 */
function chooseModes(counts: readonly number[], longs: readonly number[], width: number, o: FrameOptions): Array<{ mode: LaneMode; apart: boolean }> {
  const modes: Array<{ mode: LaneMode; apart: boolean }> = []
  let budget = o.maxMarks
  for (const i of counts.map((_, i) => i).sort((a, b) => counts[a]! - counts[b]!)) {
    const apart = counts[i]! > budget && longs[i]! > 0
    const n = apart ? counts[i]! - longs[i]! : counts[i]!
    if (n <= budget) {
      modes[i] = { mode: LaneMode.marks, apart }
      budget -= n
    } else modes[i] = { mode: n * o.tickSpacing <= width ? LaneMode.ticks : LaneMode.density, apart }
  }
  return modes
}

const inLane = (item: Parameters<typeof eachLane>[0], groupBy: GroupBy, key: string) => {
  let found = false
  eachLane(item, groupBy, (k) => (found ||= k === key))
  return found
}

/** Packs a lane's events in view into a few rows of unlabelled marks; returns the lane's height. */
function ticks(frame: PlotFrame, table: EventTable, lane: LaneIndex, classes: Classes, index: number, y: number, x: (ms: number) => number, o: FrameOptions): number {
  const positions = inWindow(lane, frame.t0, frame.t1 - 1, classes)
  const n = positions.length
  const t: TickLane = { lane: index, x1: new Float64Array(n), x2: new Float64Array(n), y: new Float64Array(n), flags: new Uint8Array(n), rows: new Uint32Array(n), widest: 0, height: o.tickHeight - 2 }
  const rowEnds = new Float64Array(o.tickRows).fill(-Infinity)
  let used = 1
  const top = y + o.laneHeader + o.lanePadding
  for (let i = 0; i < n; i++) {
    const row = lane.rows[positions[i]!]!
    const flags = table.flags[row]!
    let x1 = x(table.start[row]!)
    let x2 = x(table.end[row]! + 1)
    if (flags & Flag.dot) [x1, x2] = [(x1 + x2) / 2 - tickDot / 2, (x1 + x2) / 2 + tickDot / 2]
    else x2 = Math.max(x2, x1 + tickBar)
    // The first row free at its start; when none is, the row that frees up first.
    let r = 0
    for (let j = 1; j < o.tickRows && rowEnds[r]! + 1 > x1; j++) if (rowEnds[j]! < rowEnds[r]!) r = j
    rowEnds[r] = Math.max(rowEnds[r]!, x2)
    used = Math.max(used, r + 1)
    t.x1[i] = x1
    t.x2[i] = x2
    t.y[i] = top + r * o.tickHeight
    t.flags[i] = flags
    t.rows[i] = row
    t.widest = Math.max(t.widest, x2 - x1)
  }
  // In time order a day's dot, at its middle, comes before the bars that start that day: hit-testing
  // searches by x1, so the marks are put in its order (a few hundred at most).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => t.x1[a]! - t.x1[b]!)
  for (const column of [t.x1, t.x2, t.y, t.flags, t.rows]) column.set(order.map((i) => column[i]!))
  frame.ticks.push(t)
  return o.laneHeader + used * o.tickHeight + 2 * o.lanePadding
}

type Classes = { from: number; to: number }

/** The window's buckets at about one to two px each. */
function buckets(view: { t0: number; t1: number }, k: number) {
  const level = levelFor(1 / k)
  const span = bucketSpan(level)
  const first = bucketOf(view.t0, level)
  return { level, span, first, n: bucketOf(view.t1, level) - first + 1 }
}

/** Counts of the events of classes [from, to) per bucket: the lane's, less the other classes', whichever is fewer to count. */
function classCounts(lane: LaneIndex, classes: Classes, b: ReturnType<typeof buckets>, cache: DensityCache): Int32Array {
  if (classes.from === 0 && classes.to === lane.classes.length) return cache.counts(lane, b.level, b.first, b.n)
  const counts = new Int32Array(b.n)
  const direct = classes.to - classes.from <= lane.classes.length - (classes.to - classes.from)
  if (!direct) counts.set(cache.counts(lane, b.level, b.first, b.n))
  for (let c = 0; c < lane.classes.length; c++) {
    const inside = c >= classes.from && c < classes.to
    if (inside !== direct) continue
    const part = cache.counts(lane.classes[c]!, b.level, b.first, b.n)
    for (let i = 0; i < b.n; i++) counts[i]! += direct ? part[i]! : -part[i]!
  }
  return counts
}

function densityLane(frame: PlotFrame, counts: Int32Array, b: ReturnType<typeof buckets>, index: number, y: number, height: number, view: { t0: number }, k: number, long: boolean) {
  let peak = 1
  for (let i = 0; i < counts.length; i++) if (counts[i]! > peak) peak = counts[i]!
  const t0 = b.first * b.span
  frame.density.push({ lane: index, y, height, t0, span: b.span, x0: (t0 - view.t0) * k, step: b.span * k, counts, peak, long })
}

/** Counts a lane's buckets in view; returns the lane's height. */
function density(frame: PlotFrame, lane: LaneIndex, classes: Classes, index: number, y: number, view: { t0: number; t1: number }, k: number, cache: DensityCache, o: FrameOptions): number {
  const b = buckets(view, k)
  densityLane(frame, classCounts(lane, classes, b, cache), b, index, y + o.laneHeader - 1, o.densityHeight - o.laneHeader - 3, view, k, false)
  return o.densityHeight
}

/** The band of a lane's long events, from class `split` on, along the lane's top under its name. */
function band(frame: PlotFrame, lane: LaneIndex, split: number, index: number, y: number, view: { t0: number; t1: number }, k: number, cache: DensityCache, o: FrameOptions) {
  const b = buckets(view, k)
  densityLane(frame, classCounts(lane, { from: split, to: lane.classes.length }, b, cache), b, index, y + o.laneHeader - 3, 3, view, k, true)
}

/** What is under a point of the plot (px, from the lanes' top-left) that SVG does not handle: an unlabelled mark's row, or a density bucket. */
export type Hit = { row: number } | { lane: number; t0: number; t1: number; count: number; long: boolean } | null

/** Finds the lane by binary search on the lanes' tops, then the mark or bucket in it. */
export function hitTest(frame: PlotFrame, x: number, y: number, slop = 2): Hit {
  const index = after(frame.lanes.map((l) => l.y), y) - 1
  const lane = frame.lanes[index]
  if (!lane || y >= lane.y + lane.height) return null
  const onBand = lane.long > 0 ? frame.density.find((d) => d.lane === index && d.long && y >= d.y - slop && y <= d.y + d.height + slop) : undefined
  // A bucket of the band with events in it; an empty one lets the point through to the lane's drawing.
  const onLong = onBand ? bucketAt(onBand, index, x) : null
  if (onLong) return onLong
  if (lane.mode === LaneMode.ticks) {
    const t = frame.ticks.find((t) => t.lane === index)!
    // The last mark that starts left of the point, then back while a mark could still reach it.
    const a = after(t.x1, x + slop)
    let best: { row: number; d: number } | null = null
    for (let i = a - 1; i >= 0 && t.x1[i]! >= x - t.widest - slop; i--) {
      if (x > t.x2[i]! + slop || y < t.y[i]! - slop || y > t.y[i]! + t.height + slop) continue
      const d = Math.abs((t.x1[i]! + t.x2[i]!) / 2 - x)
      if (!best || d < best.d) best = { row: t.rows[i]!, d }
    }
    return best && { row: best.row }
  }
  if (lane.mode === LaneMode.density) {
    return bucketAt(frame.density.find((d) => d.lane === index && !d.long)!, index, x)
  }
  return null
}

function bucketAt(d: DensityLane, lane: number, x: number): Hit {
  const i = Math.floor((x - d.x0) / d.step)
  const count = d.counts[i] ?? 0
  return count === 0 ? null : { lane, t0: d.t0 + i * d.span, t1: d.t0 + (i + 1) * d.span - 1, count, long: d.long }
}
