import { Emphasis } from './emphasis.ts'
import type { TimelineEvent } from './events.ts'

export const GroupBy = { actor: 'actor', category: 'category', none: 'none' } as const
export type GroupBy = (typeof GroupBy)[keyof typeof GroupBy]

export interface Lane {
  key: string
  label: string
  rows: number
  /** Top of the lane, in px from the top of the plot. */
  y: number
  height: number
}

/** One drawn mark: an event in one lane (an event with several actors gets one per actor lane). */
export interface Mark {
  item: TimelineEvent
  lane: string
  row: number
  /** Where the mark's time runs, in px: its day for a dot. */
  x1: number
  x2: number
  /** A dot (see `drawnAsDot`) rather than a bar. */
  dot: boolean
  /** Where relations meet the mark: the middle of a dot, near the start of a bar. */
  cx: number
  y: number
  /** The label to draw, already cut to the room it has; empty when there is none. */
  label: string
  /**
   * Right of the mark; left of it when the plot's right edge would cut it shorter there; inside a
   * bar, from where the bar enters the plot, when more of it fits there (see `insideLabelX`).
   */
  labelSide: 'right' | 'left' | 'inside'
  /** How wide the label is drawn, in px (bold for a key event, smaller inside a bar); 0 when there is none. See `labelSpan`. */
  labelWidth: number
  /** Several events on the same day, drawn as one mark (its `item` is the first of them) until opened: see LayoutOptions.grouping. */
  group?: { key: string; count: number }
}

/**
 * Many events on one day in a lane (nine statements on 20 September) are one mark with their
 * count, rather than a stack of rows, until the user opens it or zooms in far enough to read them.
 */
export interface Grouping {
  /** How many same-day events make a group. */
  min: number
  /** Whether a group (lane and day) is open, given how wide its day is drawn, in px. */
  open: (key: string, dayWidth: number) => boolean
  /** Whether an event's group is always open: the selected event's, and those of the events related to it (their arrows need both ends). */
  keep?: (item: TimelineEvent) => boolean
  /** The group's label: "9 events". */
  label: (count: number) => string
}

/** Width of text in px. Past `limit` it may stop adding and return any width over `limit`: a long text costs what fits, not its length. */
export type Measure = (text: string, limit?: number) => number

export interface LayoutOptions {
  groupBy: GroupBy
  /** Maps UTC ms to px. */
  x: (ms: number) => number
  rowHeight: number
  lanePadding: number
  /** Room at the top of each lane for its name, in px. */
  laneHeader?: number
  /** Width of text in px, for label room; it may stop adding once the width is past `limit`. */
  measure: Measure
  laneLabel: (key: string) => string
  /** Smallest width a point mark takes, in px. */
  minMarkWidth: number
  /** Right edge of the plot in px: labels are cut there. */
  right: number
  grouping?: Grouping
}

export interface Layout {
  lanes: Lane[]
  marks: Mark[]
  height: number
}

/**
 * An event at one day or less is a point in time: drawn as a dot in the middle of its day (or
 * hour, or minute), where a span, a "one of" range, a month or a year, or something still going
 * on, is a bar.
 */
export const drawnAsDot = (item: TimelineEvent): boolean =>
  item.shape === 'point' && item.status !== 'ongoing' && item.end - item.start < 86_400_000

/** The instant where an event is drawn: the middle of a dot, the start of a bar. */
export const drawnAt = (item: TimelineEvent): number => (drawnAsDot(item) ? (item.start + item.end + 1) / 2 : item.start)

/** Room between the ends of a bar and a label drawn inside it; at the end, room for a disputed badge too. */
const insidePad = 6
const badgePad = 12

/** A label inside a bar is drawn this much smaller than the others (`.mark > text.inside`), so as to fit the bar's height. */
export const insideFontScale = 0.85

/**
 * A key event's label is drawn bold (`.mark.key > text`), while `measure` gives the regular
 * weight's width: bold is up to this much wider in the usual sans-serif faces (DejaVu Sans, 13 %).
 */
export const keyFontScale = 1.15

/** `measure` for text drawn bold: the regular width scaled up, read no further than the limit allows. */
const boldOf = (measure: Measure): Measure => (text, limit) => measure(text, limit === undefined ? undefined : limit / keyFontScale) * keyFontScale

/** Where a label inside a bar starts: at the bar's start, or at the plot's left edge when the bar begins before it. */
export const insideLabelX = (mark: Pick<Mark, 'x1'>): number => Math.max(mark.x1, 0) + insidePad

/**
 * `full` (`fullWidth` px) cut to `room` px, when that shows more of it than `label` (`width` px)
 * does; else null. A plain function, not a closure over the label: layout runs on every zoom frame.
 */
function longerCut(full: string, fullWidth: number, label: string, width: number, room: number, measure: Measure): string | null {
  if (room <= width) return null
  const cut = elide(full, room, measure, fullWidth)
  return cut.length > label.length ? cut : null
}

/** Space between a mark and its label, and between one label and the next mark in a row. */
export const labelGap = 4
const gap = 6

/**
 * Where a mark's label is drawn, [from, to] in px along the plot, left to right; null when it has
 * none. What is drawn near marks (a relation's verb) keeps clear of it.
 */
export function labelSpan(mark: Pick<Mark, 'x1' | 'x2' | 'label' | 'labelSide' | 'labelWidth'>): [number, number] | null {
  if (!mark.label) return null
  if (mark.labelSide === 'left') return [mark.x1 - labelGap - mark.labelWidth, mark.x1 - labelGap]
  const from = mark.labelSide === 'inside' ? insideLabelX(mark) : mark.x2 + labelGap
  return [from, from + mark.labelWidth]
}

/** Calls `visit` with each lane an event is drawn in: one per actor, its category, or the one lane. */
export function eachLane(item: TimelineEvent, groupBy: GroupBy, visit: (key: string) => void): void {
  if (groupBy !== 'actor') return visit(groupBy === 'category' ? item.category : 'all')
  if (item.actors.length === 0) return visit('(no actor)')
  for (let i = 0; i < item.actors.length; i++) visit(item.actors[i]!)
}

/** Lanes in the order they are drawn: by their labels, as a reader looks one up. */
export const byLaneLabel = (laneLabel: (key: string) => string) => (a: string, b: string): number => laneLabel(a).localeCompare(laneLabel(b))

/**
 * Cuts a label to fit `room` px at a word boundary, ending it with an ellipsis; '' when not even
 * one word fits. Whole words keep what is shown a part of each mark's accessible name. `width`,
 * when known, is the whole text's.
 */
export function elide(text: string, room: number, measure: Measure, width = measure(text, room)): string {
  if (width <= room) return text
  const ellipsis = measure('…')
  // How many characters can fit at most: found by doubling, so that a long text is read only as
  // far as the room reaches, never in full.
  let high = 16
  while (high < text.length && measure(text.slice(0, high), room) + ellipsis <= room) high *= 2
  let low = 0
  high = Math.min(high, text.length)
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (measure(text.slice(0, mid), room) + ellipsis <= room) low = mid
    else high = mid - 1
  }
  const cut = text.slice(0, low)
  // Unless the cut falls just before a space, it ends inside a word: drop that part-word.
  const whole = (/\s/.test(text[low] ?? '') ? cut : cut.replace(/\S*$/, '')).trimEnd()
  return whole === '' ? '' : whole + '…'
}

/**
 * Places events in lanes and packs them into rows so marks never overlap, each with room for its
 * whole label before the next mark in its row. A label the plot's right edge cuts goes left of its
 * mark, or inside its bar, wherever more of it fits, and is cut at a word to that room. Events
 * must be sorted by start (toTimelineEvents does).
 */
export function layout(items: readonly TimelineEvent[], options: LayoutOptions): Layout {
  const byLane = new Map<string, TimelineEvent[]>()
  for (const item of items) {
    eachLane(item, options.groupBy, (key) => {
      let lane = byLane.get(key)
      if (!lane) byLane.set(key, (lane = []))
      lane.push(item)
    })
  }
  const lanes: Lane[] = []
  const marks: Mark[] = []
  let y = 0
  for (const key of [...byLane.keys()].sort(byLaneLabel(options.laneLabel))) {
    const laid = layoutLane(byLane.get(key)!, key, options.laneLabel(key), y, options)
    lanes.push(laid.lane)
    for (const mark of laid.marks) marks.push(mark)
    y += laid.lane.height
  }
  return { lanes, marks, height: y }
}

/**
 * One lane of `layout`, its top at `y`: the events (sorted by start) packed into rows, each mark
 * with room for its label. Lanes are laid out one by one, so that each can be drawn in its own way.
 */
export function layoutLane(items: readonly TimelineEvent[], key: string, laneLabel: string, y: number, options: Omit<LayoutOptions, 'groupBy' | 'laneLabel'>): { lane: Lane; marks: Mark[] } {
  const { x, rowHeight, lanePadding, minMarkWidth } = options
  const bold = boldOf(options.measure)
  // Each label is measured once, here, for every side tried.
  const entries = grouped(items, key, options).map(({ item, group }) => {
    const x1 = x(item.start)
    const x2 = Math.max(x(item.end + 1), x1 + minMarkWidth)
    const label = group ? options.grouping!.label(group.count) : item.label
    // A key event's label, or the label of a group it heads, is drawn bold: it takes more room.
    const measure = item.emphasis === Emphasis.key ? bold : options.measure
    // Measured as far as a label could reach, twice the plot's width: a title of a book's length costs no more than a line.
    return { item, group, full: label, x1, x2, measure, labelWidth: measure(label, 2 * options.right - Math.min(0, x2)), row: 0 }
  })
  const marks: Mark[] = []
  // Greedy interval packing: each mark, with its wanted label, goes into the first row free at its start.
  const rowEnds: number[] = []
  for (const entry of entries) {
    const wanted = entry.x2 + labelGap + entry.labelWidth
    let row = rowEnds.findIndex((end) => end + gap <= entry.x1)
    if (row === -1) row = rowEnds.length
    rowEnds[row] = wanted
    entry.row = row
  }
  // Labels take what room their row leaves before the next mark.
  const nextInRow = new Map<(typeof entries)[number], number>()
  const lastSeen: Array<(typeof entries)[number] | undefined> = []
  for (const entry of entries) {
    const previous = lastSeen[entry.row]
    if (previous) nextInRow.set(previous, entry.x1)
    lastSeen[entry.row] = entry
  }
  const rows = Math.max(1, rowEnds.length)
  const header = options.laneHeader ?? 0
  const height = header + rows * rowHeight + lanePadding * 2
  // Where each row's last drawn mark and label end, for a label that goes left of its mark.
  const drawnTo: number[] = []
  for (const entry of entries) {
    const { measure } = entry
    const next = nextInRow.get(entry)
    const full = entry.full
    const room = Math.min(next ?? Infinity, options.right + gap) - gap - (entry.x2 + labelGap)
    const fullWidth = entry.labelWidth
    let label = elide(full, room, measure, fullWidth)
    let labelWidth = label === full ? fullWidth : measure(label)
    let labelSide: Mark['labelSide'] = 'right'
    // A mark on the plot whose label the right edge cuts, not the next mark (where the newest
    // events are): its label goes left into the row's free room when more of it fits there.
    const cutByEdge = (next ?? Infinity) >= options.right + gap && entry.x1 < options.right
    const left = cutByEdge && label !== full
      ? longerCut(full, fullWidth, label, labelWidth, entry.x1 - labelGap - Math.max(0, (drawnTo[entry.row] ?? -Infinity) + gap), measure)
      : null
    if (left !== null) {
      ;[label, labelSide] = [left, 'left']
      labelWidth = left === full ? fullWidth : measure(left)
    }
    // A bar long enough to hold more of a cut label than either side does (a period under way
    // for weeks, a "one of" range) holds it, over the bar's part on the plot. Drawn smaller, so
    // the room is scaled up to the labels' size.
    const dot = drawnAsDot(entry.item)
    const end = Math.min(entry.x2, options.right) - (entry.item.disputed ? badgePad : insidePad)
    const inside = !dot && label !== full ? longerCut(full, fullWidth, label, labelWidth, (end - insideLabelX(entry)) / insideFontScale, measure) : null
    if (inside !== null) [label, labelSide, labelWidth] = [inside, 'inside', measure(inside) * insideFontScale]
    drawnTo[entry.row] = labelSide === 'right' && label ? entry.x2 + labelGap + labelWidth : entry.x2
    marks.push({
      item: entry.item,
      lane: key,
      row: entry.row,
      x1: entry.x1,
      x2: entry.x2,
      dot,
      cx: dot ? (entry.x1 + entry.x2) / 2 : entry.x1 + minMarkWidth / 2,
      y: y + header + lanePadding + entry.row * rowHeight,
      label,
      labelSide,
      labelWidth: label ? labelWidth : 0,
      ...(entry.group ? { group: entry.group } : {}),
    })
  }
  return { lane: { key, label: laneLabel, rows, y, height }, marks }
}

/**
 * The lane's events with each closed group of same-day dots put as one entry (see Grouping).
 * Same-day dots are neighbours in time order (by start, then end), so one pass finds them.
 */
function grouped(items: readonly TimelineEvent[], lane: string, options: Pick<LayoutOptions, 'grouping' | 'x'>): Array<{ item: TimelineEvent; group?: { key: string; count: number } }> {
  const g = options.grouping
  if (!g) return items.map((item) => ({ item }))
  const out: Array<{ item: TimelineEvent; group?: { key: string; count: number } }> = []
  for (let i = 0; i < items.length; ) {
    const first = items[i]!
    let j = i + 1
    if (drawnAsDot(first)) while (j < items.length && items[j]!.start === first.start && items[j]!.end === first.end && drawnAsDot(items[j]!)) j++
    const key = `${lane}\n${first.start}`
    const run = items.slice(i, j)
    if (run.length >= g.min && !(g.keep && run.some(g.keep)) && !g.open(key, options.x(first.end + 1) - options.x(first.start))) out.push({ item: first, group: { key, count: run.length } })
    else for (const item of run) out.push({ item })
    i = j
  }
  return out
}
