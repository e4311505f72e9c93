import type { TimelineEvent } from './events.ts'
import { drawnAsDot, eachLane, byLaneLabel, type GroupBy } from './layout.ts'

/** What a mark shows of an event, one bit each, read by canvas drawing and hit-testing without the event object. */
export const Flag = { dot: 1, planned: 2, disputed: 4, oneOf: 8, cancelled: 16 } as const

/**
 * The events as columns: row `i` is `items[i]`, in time order (toTimelineEvents sorts them).
 * Zooming, density and hit-testing read the typed arrays; only the events drawn with a label,
 * the details and the list read the objects.
 */
export interface EventTable {
  readonly length: number
  readonly items: readonly TimelineEvent[]
  /** Inclusive UTC bounds in ms. */
  readonly start: Float64Array
  readonly end: Float64Array
  readonly flags: Uint8Array
  /** A row by event id: the first row of an id, as a search would find it, should unchecked data repeat one. */
  rowOf(id: string): number
}

/** The table of events sorted by time. */
export function eventTable(items: readonly TimelineEvent[]): EventTable {
  const n = items.length
  const start = new Float64Array(n)
  const end = new Float64Array(n)
  const flags = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    start[i] = item.start
    // Data drawn before it is checked may end before it starts: it is drawn as a moment.
    end[i] = Math.max(item.start, item.end)
    flags[i] = (drawnAsDot(item) ? Flag.dot : 0) | (item.status === 'planned' ? Flag.planned : 0) | (item.disputed ? Flag.disputed : 0)
      | (item.shape === 'one-of' ? Flag.oneOf : 0) | (item.status === 'cancelled' ? Flag.cancelled : 0)
  }
  // Made when first asked: a first render with nothing selected looks nothing up.
  let index: Map<string, number> | undefined
  const rowOf = (id: string) => {
    if (!index) {
      index = new Map()
      for (let i = 0; i < n; i++) if (!index.has(items[i]!.id)) index.set(items[i]!.id, i)
    }
    return index.get(id) ?? -1
  }
  return { length: n, items, start, end, flags, rowOf }
}

/**
 * Events of one length class in a lane: their positions in the lane, and their starts, both in
 * time order. Every event of the class lasts less than `span` ms, so the events that reach a
 * window start at most `span` before it: a binary search finds them, however many there are.
 */
export interface LengthClass {
  span: number
  positions: Uint32Array
  starts: Float64Array
  /** The class's ends, sorted: with its starts, they count its events in any window (see density.ts). */
  sortedEnds: Float64Array
}

/** One lane's events, indexed for the window query and density (see query.ts and density.ts). */
export interface LaneIndex {
  key: string
  label: string
  /** Table rows, in time order. */
  rows: Uint32Array
  /** Their starts (sorted) and ends (in the same order). */
  starts: Float64Array
  ends: Float64Array
  /** The ends sorted: with the starts, they count the events overlapping any span in two binary searches. */
  sortedEnds: Float64Array
  /** The lane's events by length, shortest first. */
  classes: readonly LengthClass[]
}

/**
 * The lanes of the rows shown (all rows when `rows` is null), in the order they are drawn: by
 * their labels. An event is in each of its lanes (one per actor when grouped by actor).
 * Built once per dataset, filter or grouping; every frame then queries it in O(log n).
 */
export function laneIndex(table: EventTable, rows: Uint32Array | null, groupBy: GroupBy, laneLabel: (key: string) => string): LaneIndex[] {
  const byLane = new Map<string, number[]>()
  const count = rows ? rows.length : table.length
  let row = 0
  const add = (key: string) => {
    let list = byLane.get(key)
    if (!list) byLane.set(key, (list = []))
    list.push(row)
  }
  for (let i = 0; i < count; i++) {
    row = rows ? rows[i]! : i
    eachLane(table.items[row]!, groupBy, add)
  }
  return [...byLane.keys()].sort(byLaneLabel(laneLabel)).map((key) => lane(table, key, laneLabel(key), Uint32Array.from(byLane.get(key)!)))
}

function lane(table: EventTable, key: string, label: string, rows: Uint32Array): LaneIndex {
  const n = rows.length
  const starts = new Float64Array(n)
  const ends = new Float64Array(n)
  // Length classes by powers of two: an event lasting d ms is in class ceil(log2(d + 2)).
  const classOf = new Uint8Array(n)
  const sizes = new Uint32Array(64)
  for (let p = 0; p < n; p++) {
    const r = rows[p]!
    starts[p] = table.start[r]!
    ends[p] = table.end[r]!
    const c = Math.min(63, Math.ceil(Math.log2(ends[p]! - starts[p]! + 2)))
    classOf[p] = c
    sizes[c]!++
  }
  const classes: LengthClass[] = []
  const byClass: Array<LengthClass | undefined> = []
  for (let c = 0; c < 64; c++) {
    if (sizes[c] === 0) continue
    const made = { span: 2 ** c, positions: new Uint32Array(sizes[c]!), starts: new Float64Array(sizes[c]!), sortedEnds: new Float64Array(sizes[c]!) }
    classes.push(made)
    byClass[c] = made
  }
  const filled = new Uint32Array(64)
  for (let p = 0; p < n; p++) {
    const c = classOf[p]!
    const k = filled[c]!++
    byClass[c]!.positions[k] = p
    byClass[c]!.starts[k] = starts[p]!
    byClass[c]!.sortedEnds[k] = ends[p]!
  }
  for (const c of classes) c.sortedEnds.sort()
  return { key, label, rows, starts, ends, sortedEnds: Float64Array.from(ends).sort(), classes }
}
