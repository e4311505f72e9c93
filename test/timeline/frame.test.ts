import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketSpan, DensityCache, levelFor } from '../../src/timeline/density.ts'
import { toTimelineEvents, type TimelineEvent } from '../../src/timeline/events.ts'
import { hitTest, LaneMode, plotFrame, type DensityLane, type FrameOptions, type PlotFrame } from '../../src/timeline/frame.ts'
import type { GroupBy } from '../../src/timeline/layout.ts'
import { eventTable, Flag, laneIndex, type EventTable, type LaneIndex } from '../../src/timeline/table.ts'
import { datasetWith, day, elementOptions, eventsArb, inTimeOrder, isoDay, item, lanesOf, origin, reaches } from '../fixtures/events.ts'

interface View { t0: number; t1: number; width: number }

function frameOf(items: TimelineEvent[], view: View, more: Partial<FrameOptions> = {}, rows: Uint32Array | null = null) {
  const o = elementOptions(more)
  const table = eventTable(items)
  const lanes = laneIndex(table, rows, o.groupBy, (k) => k)
  return { table, lanes, o, frame: plotFrame(table, lanes, view, new DensityCache(), o) }
}

/** The rows of a lane's events that reach into [t0, t1] (inclusive ms), in time order, found by looking at each event. */
const inView = (table: EventTable, lane: LaneIndex, groupBy: GroupBy, t0: number, t1: number, rows: Uint32Array | null = null) =>
  (rows ? Array.from(rows) : table.items.map((_, r) => r)).filter((r) => lanesOf(table.items[r]!, groupBy).includes(lane.key) && reaches(table.items[r]!, t0, t1))

/** Events of a lane overlapping [b0, b1] (inclusive ms) that `keep` lets through, looked at one by one. */
function overlapping(table: EventTable, lane: LaneIndex, b0: number, b1: number, keep: (e: TimelineEvent) => boolean = () => true): number {
  let count = 0
  for (let p = 0; p < lane.rows.length; p++) if (lane.starts[p]! <= b1 && lane.ends[p]! >= b0 && keep(table.items[lane.rows[p]!]!)) count++
  return count
}

/** How many of a lane's events that `keep` lets through overlap each of a strip's buckets, event by event: +1 at its first bucket, -1 past its last. */
function countsByEvent(table: EventTable, lane: LaneIndex, d: DensityLane, keep: (e: TimelineEvent) => boolean): number[] {
  const n = d.counts.length
  const steps = new Array<number>(n + 1).fill(0)
  for (let p = 0; p < lane.rows.length; p++) {
    const [first, last] = [Math.floor((lane.starts[p]! - d.t0) / d.span), Math.floor((lane.ends[p]! - d.t0) / d.span)]
    if (last < 0 || first >= n || !keep(table.items[lane.rows[p]!]!)) continue
    steps[Math.max(0, first)]!++
    steps[Math.min(n, last + 1)]!--
  }
  let count = 0
  return steps.slice(0, n).map((step) => (count += step))
}

/** The span of an event's length class: the least power of two of ms at least its length + 2 (see table.ts), found by doubling. */
function classSpan(e: { start: number; end: number }): number {
  let span = 1
  while (span < Math.max(e.start, e.end) - e.start + 2) span *= 2
  return span
}

/** Whether an event is long beside a window of `span` ms: its length class can last longer than the window. */
const longBeside = (span: number) => (e: { start: number; end: number }): boolean => classSpan(e) > span

const laneOf = (frame: PlotFrame, key: string) => frame.lanes.findIndex((l) => l.key === key)

/** Everything a frame promises about its lanes, marks, ticks, density and bands, checked against the events one by one. */
function expectConsistent(table: EventTable, lanes: readonly LaneIndex[], view: View, frame: PlotFrame, o: FrameOptions, rows: Uint32Array | null = null) {
  const { t0, t1, width } = view
  const span = Math.max(1, t1 - t0)
  const k = width / span
  const x = (ms: number) => (ms - t0) * k
  const long = longBeside(span)
  expect([frame.t0, frame.t1, frame.width]).toEqual([t0, t1, width])
  // Lanes one below the other, in the lanes' order, the frame as tall as they are together.
  const tops = frame.lanes.map((_, i) => frame.lanes.slice(0, i).reduce((y, l) => y + l.height, 0))
  expect(frame.lanes.map((l) => l.y)).toEqual(tops)
  expect(frame.height).toBe(frame.lanes.reduce((y, l) => y + l.height, 0))
  const keys = frame.lanes.map((l) => l.key)
  expect(keys).toEqual(lanes.map((l) => l.key).filter((key) => keys.includes(key)))
  // The window is half-open: its last ms is t1 - 1.
  const inWindow = new Map(lanes.map((lane) => [lane.key, inView(table, lane, o.groupBy, t0, t1 - 1, rows)]))
  expect(lanes.filter((lane) => inWindow.get(lane.key)!.length > 0 && !keys.includes(lane.key))).toEqual([])
  // Labelled marks to the lanes with fewest events in view first (ties in the lanes' order) while the budget lasts. A lane
  // whose events do not all fit sets its long events apart, if it has any in view, and is tried again with the rest; what is
  // not labelled is unlabelled marks where they are 6 px apart, density where denser.
  const expected = new Map<string, { mode: LaneMode; count: number; long: number }>()
  let budget = o.maxMarks
  for (const lane of [...lanes].sort((a, b) => inWindow.get(a.key)!.length - inWindow.get(b.key)!.length)) {
    const count = inWindow.get(lane.key)!.length
    const longs = inWindow.get(lane.key)!.filter((r) => long(table.items[r]!)).length
    const apart = count > budget && longs > 0
    const n = apart ? count - longs : count
    const mode = n <= budget ? LaneMode.marks : n * o.tickSpacing <= width ? LaneMode.ticks : LaneMode.density
    if (mode === LaneMode.marks) budget -= n
    expected.set(lane.key, { mode, count, long: apart ? longs : 0 })
  }
  expect(frame.lanes.map((l) => ({ key: l.key, mode: l.mode, count: l.count, long: l.long }))).toEqual(frame.lanes.map((l) => ({ key: l.key, ...expected.get(l.key)! })))
  const used = frame.lanes.filter((l) => l.mode === LaneMode.marks).reduce((n, l) => n + l.count - l.long, 0)
  expect(used).toBeLessThanOrEqual(o.maxMarks)
  /** Buckets of a power of two of ms, one to two px wide, from the one holding t0 to the one holding t1, counting the events `keep` lets through. */
  const expectBuckets = (d: DensityLane, source: LaneIndex, keep: (e: TimelineEvent) => boolean) => {
    expect(d.span).toBe(bucketSpan(levelFor(span / width)))
    if (span / width >= 1) {
      expect(d.step).toBeGreaterThanOrEqual(1 - 1e-9)
      expect(d.step).toBeLessThan(2)
    }
    expect(Number.isInteger(d.t0 / d.span)).toBe(true)
    expect(d.t0).toBeLessThanOrEqual(t0)
    expect(d.t0 + d.span).toBeGreaterThan(t0)
    expect(d.t0 + (d.counts.length - 1) * d.span).toBeLessThanOrEqual(t1)
    expect(d.t0 + d.counts.length * d.span).toBeGreaterThan(t1)
    expect(d.x0).toBeCloseTo(x(d.t0), 6)
    expect(d.step).toBeCloseTo(d.span * k, 9)
    expect(Array.from(d.counts)).toEqual(countsByEvent(table, source, d, keep))
    expect(d.peak).toBe(Math.max(1, ...d.counts))
  }
  const selected = o.selected >= 0 && reaches(table.items[o.selected]!, t0, t1 - 1) ? table.items[o.selected]! : undefined
  frame.lanes.forEach((lane, index) => {
    const source = lanes.find((l) => l.key === lane.key)!
    // What the lane's mode draws: all its events, or the short ones when the long are set apart.
    const drawn = (e: TimelineEvent) => lane.long === 0 || !long(e)
    const shown = inWindow.get(lane.key)!.filter((r) => drawn(table.items[r]!))
    const marks = frame.marks.filter((m) => m.lane === lane.key)
    expect(marks.filter((m) => typeof m.label !== 'string')).toEqual([])
    // Long events set apart are a band 3 px tall along the lane's top, under its name, of the long events over each bucket.
    const bands = frame.density.filter((d) => d.lane === index && d.long)
    expect(bands.length).toBe(lane.long > 0 ? 1 : 0)
    if (lane.long > 0) {
      expect([bands[0]!.y, bands[0]!.height]).toEqual([lane.y + o.laneHeader - 3, 3])
      expectBuckets(bands[0]!, source, long)
    }
    if (lane.mode === LaneMode.marks) {
      // Each mark's whole row is inside the lane, below its name.
      expect(marks.filter((m) => m.y < lane.y + o.laneHeader + o.lanePadding || m.y > lane.y + lane.height - o.rowHeight).map((m) => m.item.id)).toEqual([])
      // Each event in view that the lane draws has its mark, once; the others are just outside, ready for a pan. A long
      // event set apart has none, unless it is the selected event in view.
      const marked = new Set(marks.map((m) => m.item))
      expect(marked.size).toBe(marks.length)
      expect(shown.filter((r) => !marked.has(table.items[r]!))).toEqual([])
      expect(marks.filter((m) => !reaches(m.item, t0 - span, t1 + span)).map((m) => m.item.id)).toEqual([])
      expect(marks.filter((m) => !drawn(m.item) && m.item !== selected).map((m) => m.item.id)).toEqual([])
      expect(lane.height).toBe(o.laneHeader + lane.rows * o.rowHeight + 2 * o.lanePadding)
      expect(frame.ticks.some((t) => t.lane === index) || frame.density.some((d) => d.lane === index && !d.long)).toBe(false)
      return
    }
    expect(lane.rows).toBe(1)
    // Only the selected event has a labelled mark in a lane drawn without labels: in the lane's first row, or as low as
    // the lane lets its body (12 px about 2 px above the row's middle) reach, below the lane's name.
    const pinned = selected && lanesOf(selected, o.groupBy).includes(lane.key) ? [selected] : []
    expect(marks.map((m) => m.item)).toEqual(pinned)
    for (const m of marks) {
      expect(m.y).toBe(Math.min(lane.y + o.laneHeader + o.lanePadding, lane.y + lane.height - o.rowHeight / 2 - 4))
      const middle = m.y + o.rowHeight / 2 - 2
      expect(middle - 6).toBeGreaterThanOrEqual(lane.y + o.laneHeader)
      expect(middle + 6).toBeLessThanOrEqual(lane.y + lane.height)
    }
    if (lane.mode === LaneMode.ticks) {
      const ticks = frame.ticks.filter((t) => t.lane === index)
      expect(ticks.length).toBe(1)
      const t = ticks[0]!
      // One mark for each event in view that the lane draws, in order of their left edges.
      expect(Array.from(t.rows).sort((a, b) => a - b)).toEqual(shown)
      expect(Array.from(t.x1).filter((x1, i) => i > 0 && x1 < t.x1[i - 1]!)).toEqual([])
      expect(t.height).toBe(o.tickHeight - 2)
      const top = lane.y + o.laneHeader + o.lanePadding
      const rowEnds = new Array<number>(o.tickRows).fill(-Infinity)
      let usedRows = 1
      // Each mark's place and row, packed in time order, as the doc comments say; the marks that differ, listed.
      const at = new Map(Array.from(t.rows, (r, i) => [r, i]))
      const wrong: string[] = []
      for (const r of shown) {
        const i = at.get(r)!
        const [start, end] = [table.start[r]!, table.end[r]!]
        const dot = (table.flags[r]! & Flag.dot) !== 0
        const middle = (x(start) + x(end + 1)) / 2
        const [x1, x2] = dot ? [middle - 3, middle + 3] : [x(start), Math.max(x(end + 1), x(start) + 4)]
        const id = table.items[r]!.id
        if (t.flags[i] !== table.flags[r] || Math.abs(t.x1[i]! - x1) > 1e-6 || Math.abs(t.x2[i]! - x2) > 1e-6) wrong.push(`${id}: ${t.x1[i]}–${t.x2[i]}, expected ${x1}–${x2}`)
        // The first row free at the mark's start (1 px apart), or the row that frees up first.
        const row = (t.y[i]! - top) / o.tickHeight
        const free = rowEnds.findIndex((e) => e + 1 <= t.x1[i]!)
        const expected = free >= 0 ? free : rowEnds.indexOf(Math.min(...rowEnds))
        if (row !== expected) wrong.push(`${id}: row ${row}, expected ${expected}`)
        rowEnds[row] = Math.max(rowEnds[row]!, t.x2[i]!)
        usedRows = Math.max(usedRows, row + 1)
      }
      expect(wrong).toEqual([])
      expect(t.widest).toBe(Math.max(0, ...Array.from(t.x2, (x2, i) => x2 - t.x1[i]!)))
      expect(lane.height).toBe(o.laneHeader + usedRows * o.tickHeight + 2 * o.lanePadding)
      return
    }
    const strips = frame.density.filter((d) => d.lane === index && !d.long)
    expect(strips.length).toBe(1)
    const d = strips[0]!
    expect(lane.height).toBe(o.densityHeight)
    expect([d.y, d.height]).toEqual([lane.y + o.laneHeader - 1, o.densityHeight - o.laneHeader - 3])
    expectBuckets(d, source, drawn)
  })
  // Every mark belongs to a lane drawn, and the selected event in view is among them in each of its lanes.
  expect(frame.marks.filter((m) => !keys.includes(m.lane))).toEqual([])
  if (selected) expect(lanesOf(selected, o.groupBy).filter((key) => !frame.marks.some((m) => m.item === selected && m.lane === key))).toEqual([])
  // Nothing else is drawn on canvas: a lane's ticks or density, and a band where long events are apart.
  expect(frame.ticks.length + frame.density.length).toBe(frame.lanes.filter((l) => l.mode !== LaneMode.marks).length + frame.lanes.filter((l) => l.long > 0).length)
}

/** `n` one-day events (dots), `perDay` to a day from `from`, with the given fields. */
const daily = (prefix: string, n: number, perDay: number, from: number, more: Partial<TimelineEvent> = {}) =>
  Array.from({ length: n }, (_, i) => {
    const start = from + Math.floor(i / perDay) * day
    return item(`${prefix}${i}`, start, start + day - 1, { shape: 'point', label: `${prefix} event ${i}`, ...more })
  })

/** `n` events of a minute to a few hours, or a moment, evenly apart over the `days` after `origin`, all in one lane (usa, diplomacy). */
const busyLane = (n: number, days: number) =>
  Array.from({ length: n }, (_, i) => {
    const start = origin + Math.round(((i + 0.5) * days * day) / n)
    return item(`b${i}`, start, start + [0, 60_000 * (1 + (i % 50)), 3_600_000 * (1 + (i % 7))][i % 3]!, { actors: ['usa'], shape: i % 3 === 0 ? 'point' : 'span' })
  })

describe('plotFrame', () => {
  it('draws every lane as labelled marks when few events are in view', () => {
    const items = toTimelineEvents(datasetWith([
      { id: 'talks', edtf: '2016-09-09', actors: ['usa', 'russia'], title: 'Kerry and Lavrov agree a truce' },
      { id: 'truce', edtf: '2016-09-12/2016-09-19', actors: ['usa', 'russia'], title: 'Truce holds' },
      { id: 'convoy', edtf: '2016-09-19', actors: ['russia'], alleged: true, title: 'Aid convoy attacked' },
      { id: 'speech', edtf: '2016-09-21', actors: ['kerry'], title: 'Kerry at the UN' },
      { id: 'strike', edtf: '[2016-09-17..2016-09-18]', title: 'Air strike at Deir ez-Zor' },
      { id: 'later', edtf: '2016-12-01', actors: ['usa'], title: 'Out of view' },
    ]))
    const view = { t0: Date.UTC(2016, 8, 5), t1: Date.UTC(2016, 8, 25), width: 1200 }
    const { table, lanes, o, frame } = frameOf(items, view)
    expectConsistent(table, lanes, view, frame, o)
    expect(frame.lanes.map((l) => [l.key, l.mode, l.count])).toEqual([['(no actor)', 'marks', 1], ['kerry', 'marks', 1], ['russia', 'marks', 3], ['usa', 'marks', 2]])
    expect(frame.ticks).toEqual([])
    expect(frame.density).toEqual([])
    // Room for every title: each mark carries its whole label.
    for (const m of frame.marks) expect(m.label).toBe(m.item.label)
    expect(frame.marks.map((m) => `${m.lane}:${m.item.id}`).sort()).toEqual(['(no actor):strike', 'kerry:speech', 'russia:convoy', 'russia:talks', 'russia:truce', 'usa:talks', 'usa:truce'])
  })

  it('draws a lane with more events than labels can go to as unlabelled marks while they are apart, and as density when denser', () => {
    // 200 days with one event each: 7.5 px a day across 1,500 px (ticks need 6 px an event).
    const apart = daily('a', 200, 1, origin)
    const view = { t0: origin, t1: origin + 200 * day - 1, width: 1500 }
    const sparse = frameOf(apart, view, { groupBy: 'none' })
    expectConsistent(sparse.table, sparse.lanes, view, sparse.frame, sparse.o)
    expect(sparse.frame.lanes.map((l) => [l.mode, l.count])).toEqual([['ticks', 200]])
    expect(sparse.frame.marks).toEqual([])
    expect(sparse.frame.ticks[0]!.x1.length).toBe(200)
    // The same across 1,100 px: fewer than 6 px an event.
    const narrow = { ...view, width: 1100 }
    const dense = frameOf(apart, narrow, { groupBy: 'none' })
    expectConsistent(dense.table, dense.lanes, narrow, dense.frame, dense.o)
    expect(dense.frame.lanes.map((l) => [l.mode, l.count])).toEqual([['density', 200]])
    // A bucket of about a px holds one day's event, or two where a day ends in it.
    expect(dense.frame.density[0]!.peak).toBe(2)
    // 400 events in 20 days, five days of talks among them, and a month-long war over them all: longer than the window, it is set apart.
    const crowd = inTimeOrder([
      ...daily('c', 400, 20, origin),
      item('talks', origin + 2 * day, origin + 7 * day - 1, { label: 'talks' }),
      item('war', origin - 5 * day, origin + 25 * day, { label: 'war' }),
    ])
    const view20 = { t0: origin, t1: origin + 20 * day - 1, width: 600 }
    const crowded = frameOf(crowd, view20, { groupBy: 'none' })
    expectConsistent(crowded.table, crowded.lanes, view20, crowded.frame, crowded.o)
    expect(crowded.frame.lanes.map((l) => [l.mode, l.count, l.long])).toEqual([['density', 402, 1]])
    expect(crowded.frame.density.map((d) => [d.long, d.y, d.height])).toEqual([[false, 15, 11], [true, 13, 3]])
    // A bucket across midnight overlaps two days' events, and the talks; the band holds the war alone, in every bucket.
    const [density, band] = crowded.frame.density as [DensityLane, DensityLane]
    expect(density.peak).toBe(41)
    expect(band.counts.every((c) => c === 1)).toBe(true)
    expect(band.peak).toBe(1)
  })

  it('gives labelled marks to the lanes with fewest events in view first, within the budget', () => {
    const items = inTimeOrder([
      ...daily('d', 40, 2, origin, { category: 'diplomacy' }),
      ...daily('m', 100, 5, origin, { category: 'military' }),
      ...daily('h', 60, 3, origin, { category: 'humanitarian' }),
      ...daily('l', 3, 1, origin + 30 * day, { category: 'legal' }),
    ])
    const view = { t0: origin, t1: origin + 20 * day - 1, width: 1000 }
    const { table, lanes, o, frame } = frameOf(items, view, { groupBy: 'category' })
    expectConsistent(table, lanes, view, frame, o)
    // 40 + 60 labelled, within 150; 100 more would pass it. The legal lane has none in view: its events 10 days on are laid out for a pan.
    expect(frame.lanes.map((l) => [l.key, l.mode, l.count])).toEqual([['diplomacy', 'marks', 40], ['humanitarian', 'marks', 60], ['legal', 'marks', 0], ['military', 'ticks', 100]])
    expect(frame.marks.filter((m) => m.lane === 'legal').map((m) => m.item.id)).toEqual(['l0', 'l1', 'l2'])
    // With a budget of 99, only the smallest lane is labelled; 60 more would pass it.
    const tight = frameOf(items, view, { groupBy: 'category', maxMarks: 99 })
    expectConsistent(tight.table, tight.lanes, view, tight.frame, tight.o)
    expect(tight.frame.lanes.map((l) => l.mode)).toEqual(['marks', 'ticks', 'marks', 'ticks'])
    // Of two lanes as busy, when only one fits, the one drawn first.
    const even = inTimeOrder([...daily('r', 80, 4, origin, { actors: ['russia'] }), ...daily('u', 80, 4, origin, { actors: ['usa'] })])
    const tie = frameOf(even, view)
    expectConsistent(tie.table, tie.lanes, view, tie.frame, tie.o)
    expect(tie.frame.lanes.map((l) => [l.key, l.mode, l.count])).toEqual([['russia', 'marks', 80], ['usa', 'ticks', 80]])
  })

  it('keeps the selected event as a labelled mark in each of its lanes while it is in view, whether they are drawn as ticks or density', () => {
    const crowd = daily('c', 400, 20, origin, { actors: ['usa'] })
    const apart = daily('a', 200, 1, origin - 90 * day, { actors: ['russia'] })
    const both = item('both', origin + 5 * day, origin + 6 * day - 1, { shape: 'point', actors: ['usa', 'russia'], label: 'Both' })
    const items = inTimeOrder([...crowd, ...apart, both])
    const selected = items.indexOf(both)
    const view = { t0: origin - 100 * day, t1: origin + 60 * day, width: 1000 }
    const { table, lanes, o, frame } = frameOf(items, view, { selected })
    expectConsistent(table, lanes, view, frame, o)
    expect(frame.lanes.map((l) => [l.key, l.mode])).toEqual([['russia', 'ticks'], ['usa', 'density']])
    expect(frame.marks.map((m) => [m.lane, m.item.id, m.label])).toEqual([['russia', 'both', 'Both'], ['usa', 'both', 'Both']])
    // Out of view, it is not pinned in the lane drawn as density (the other lane, now labelled, has it ready for a pan).
    const later = { ...view, t0: origin + 7 * day }
    const out = frameOf(items, later, { selected })
    expectConsistent(out.table, out.lanes, later, out.frame, out.o)
    expect(out.frame.lanes.map((l) => [l.key, l.mode])).toEqual([['russia', 'marks'], ['usa', 'density']])
    expect(out.frame.marks.filter((m) => m.lane === 'usa')).toEqual([])
    // Nor in a window that ends just as it starts: it is the next window's.
    const before = { ...view, t1: both.start }
    const edge = frameOf(items, before, { selected })
    expectConsistent(edge.table, edge.lanes, before, edge.frame, edge.o)
    expect(edge.frame.lanes.map((l) => [l.key, l.mode, l.count])).toEqual([['russia', 'marks', 95], ['usa', 'ticks', 100]])
    expect(edge.frame.marks.filter((m) => m.lane === 'usa')).toEqual([])
  })

  // A first row of labelled marks starts 18 px down and is 22 px tall; a lane of one row of ticks is 28 px, of density 30 px.
  it('keeps the selected event\'s mark within its lane when the lane is drawn as ticks or density', () => {
    const items = inTimeOrder([...daily('c', 400, 20, origin, { actors: ['usa'] }), ...daily('a', 200, 1, origin - 90 * day, { actors: ['russia'] })])
    // 7.5 px a day: one row of ticks, for the 151 days of russia's events in view.
    const view = { t0: origin - 99 * day, t1: origin + 61 * day, width: 1200 }
    for (const [id, y] of [['a100', 13], ['c100', 43]] as const) {
      const selected = items.findIndex((e) => e.id === id)
      const { table, lanes, o, frame } = frameOf(items, view, { selected })
      expectConsistent(table, lanes, view, frame, o)
      expect(frame.lanes.map((l) => [l.key, l.mode, l.y, l.height])).toEqual([['russia', 'ticks', 0, 28], ['usa', 'density', 28, 30]])
      // Raised so that its body, 12 px about 9 px below its top, ends at the lane's bottom.
      expect(frame.marks.map((m) => [m.item.id, m.y])).toEqual([[id, y]])
      const m = frame.marks[0]!
      const lane = frame.lanes[laneOf(frame, m.lane)]!
      expect(m.y + 9 - 6).toBeGreaterThanOrEqual(lane.y + o.laneHeader)
      expect(m.y + 9 + 6).toBe(lane.y + lane.height)
    }
  })

  it('keeps only the rows shown in its lanes and counts', () => {
    const items = inTimeOrder([...daily('a', 30, 1, origin, { actors: ['usa'] }), ...daily('b', 30, 1, origin, { actors: ['russia'] })])
    const rows = Uint32Array.from(items.keys()).filter((r) => r % 3 !== 0)
    const view = { t0: origin, t1: origin + 30 * day, width: 800 }
    const { table, lanes, o, frame } = frameOf(items, view, {}, rows)
    expectConsistent(table, lanes, view, frame, o, rows)
    expect(frame.lanes.map((l) => l.count)).toEqual([20, 20])
    expect(frame.marks.every((m) => rows.includes(items.indexOf(m.item)))).toBe(true)
  })

  it('sets a lane\'s long events apart when its events in view pass the budget, and labels the others when they fit it', () => {
    // 148 days of talks, and three wars of a year or more over them all: 151 events in a window of 150 days, 3 of them long.
    const talks = daily('t', 148, 1, origin, { actors: ['usa'] })
    const wars = [0, 1, 2].map((i) => item(`war${i}`, origin - (100 + 50 * i) * day, origin + (300 + 100 * i) * day, { actors: ['usa'], label: `war ${i}` }))
    const items = inTimeOrder([...talks, ...wars])
    const view = { t0: origin, t1: origin + 150 * day, width: 1200 }
    const selected = items.findIndex((e) => e.id === 'war1')
    const { table, lanes, o, frame } = frameOf(items, view, { selected })
    expectConsistent(table, lanes, view, frame, o)
    expect(frame.lanes.map((l) => [l.key, l.mode, l.count, l.long])).toEqual([['usa', 'marks', 151, 3]])
    // The talks labelled, and the selected war in the first row; the three wars in a band along the lane's top.
    expect(frame.marks.filter((m) => m.item.id.startsWith('war')).map((m) => [m.item.id, m.y])).toEqual([['war1', 18]])
    expect(frame.marks.length).toBe(149)
    expect(frame.ticks).toEqual([])
    expect(frame.density.map((d) => [d.long, d.y, d.height, d.peak])).toEqual([[true, 13, 3, 3]])
    expect(frame.density[0]!.counts.every((c) => c === 3)).toBe(true)
    // With room for one more label, every event is labelled, the wars too, and there is no band.
    const roomy = frameOf(items, view, { maxMarks: 151 })
    expectConsistent(roomy.table, roomy.lanes, view, roomy.frame, roomy.o)
    expect(roomy.frame.lanes.map((l) => [l.mode, l.count, l.long])).toEqual([['marks', 151, 0]])
    expect(roomy.frame.marks.filter((m) => m.item.id.startsWith('war')).map((m) => m.item.id).sort()).toEqual(['war0', 'war1', 'war2'])
    expect(roomy.frame.density).toEqual([])
  })

  it('takes an event as long when its length class can last longer than the window, not when it can last as long', () => {
    // A window of 2^30 ms (12.4 days). An event of 2^30 - 2 ms is in the class of events under 2^30 ms; one a ms longer is not.
    const window = 2 ** 30
    const items = inTimeOrder([
      ...busyLane(20, 10),
      item('fits', origin + day, origin + day + window - 2, { actors: ['usa'] }),
      item('longer', origin + 2 * day, origin + 2 * day + window - 1, { actors: ['usa'] }),
    ])
    const view = { t0: origin, t1: origin + window, width: 800 }
    const { table, lanes, o, frame } = frameOf(items, view, { maxMarks: 0 })
    expectConsistent(table, lanes, view, frame, o)
    expect(frame.lanes.map((l) => [l.key, l.mode, l.count, l.long])).toEqual([['usa', 'ticks', 22, 1]])
    expect(frame.ticks[0]!.rows.includes(items.findIndex((e) => e.id === 'fits'))).toBe(true)
    expect(frame.ticks[0]!.rows.includes(items.findIndex((e) => e.id === 'longer'))).toBe(false)
  })

  it('lays out any events in view, lane by lane, as its counts and modes promise', () => {
    // Events over 60 days, and windows over them; or a busy 10 days in one lane, among events of a few ms to years, seen
    // across a few hundred px. With smaller budgets than the element's, every mode comes up, with long events set apart and without.
    const spread = fc.tuple(
      eventsArb(200, 1, 60),
      fc.integer({ min: -10 * day, max: 60 * day }),
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_600_000 }), fc.integer({ min: day, max: 60 * day }), fc.integer({ min: 60 * day, max: 900 * day })),
      fc.integer({ min: 100, max: 1500 }),
    )
    const busy = fc.tuple(
      fc.tuple(eventsArb(60, 1, 10), fc.integer({ min: 0, max: 200 })).map(([items, n]) => inTimeOrder([...items, ...busyLane(n, 10)])),
      fc.integer({ min: -day, max: 10 * day }),
      fc.integer({ min: 3_600_000, max: 12 * day }),
      fc.integer({ min: 100, max: 300 }),
    )
    let apart = 0
    fc.assert(
      fc.property(
        fc.oneof(spread, busy).chain(([items, from, length, width]) =>
          fc.tuple(fc.integer({ min: -1, max: items.length - 1 }), fc.boolean()).map(([selected, atStart]) => {
            // Now and then a window that ends just as the selected event starts, which leaves it to the next window.
            const t1 = atStart && selected >= 0 ? items[selected]!.start : origin + from + length
            return [items, selected, { t0: t1 - length, t1, width }] as const
          }),
        ),
        fc.constantFrom<GroupBy>('actor', 'category', 'none'),
        fc.constantFrom(150, 150, 40, 5, 0),
        ([items, selected, view], groupBy, maxMarks) => {
          const { table, lanes, o, frame } = frameOf(items, view, { groupBy, maxMarks, selected })
          expectConsistent(table, lanes, view, frame, o)
          apart += frame.lanes.filter((l) => l.long > 0).length
        },
      ),
      { numRuns: 50 },
    )
    expect(apart).toBeGreaterThan(0)
  })
})

describe('hitTest', () => {
  /** The rows of the unlabelled marks under a point, with the slop, looked at one by one. */
  function under(frame: PlotFrame, x: number, y: number, slop = 2) {
    const found: Array<{ row: number; d: number }> = []
    for (const t of frame.ticks) {
      const lane = frame.lanes[t.lane]!
      if (y < lane.y || y >= lane.y + lane.height) continue
      for (let i = 0; i < t.x1.length; i++) {
        if (x >= t.x1[i]! - slop && x <= t.x2[i]! + slop && y >= t.y[i]! - slop && y <= t.y[i]! + t.height + slop) found.push({ row: t.rows[i]!, d: Math.abs((t.x1[i]! + t.x2[i]!) / 2 - x) })
      }
    }
    return found
  }

  /** A strip's bucket under `x` (bucket i covers [x0 + i·step, x0 + (i+1)·step) px), with its times and count; nothing where it is empty or past the strip. */
  function bucketHit(d: DensityLane, x: number) {
    const i = Math.floor((x - d.x0) / d.step)
    const count = d.counts[i] ?? 0
    return count === 0 ? null : { lane: d.lane, t0: d.t0 + i * d.span, t1: d.t0 + (i + 1) * d.span - 1, count, long: d.long }
  }

  /**
   * What may be hit at a point, as JSON, looked for one lane at a time: a band of long events, as far as 2 px from its
   * edges, before the lane's own drawing; then the nearest unlabelled mark under the point, or a bucket of density.
   */
  function expectedHits(frame: PlotFrame, x: number, y: number, slop = 2): string[] {
    const index = frame.lanes.findIndex((l) => y >= l.y && y < l.y + l.height)
    const lane = frame.lanes[index]
    const band = frame.density.find((d) => d.lane === index && d.long && y >= d.y - slop && y <= d.y + d.height + slop)
    if (!lane) return ['null']
    // A band's bucket with events in it; an empty one lets the point through to the lane's drawing.
    const onBand = band ? bucketHit(band, x) : null
    if (onBand) return [JSON.stringify(onBand)]
    if (lane.mode === LaneMode.marks) return ['null']
    if (lane.mode === LaneMode.density) return [JSON.stringify(bucketHit(frame.density.find((d) => d.lane === index && !d.long)!, x))]
    const found = under(frame, x, y, slop)
    if (found.length === 0) return ['null']
    const nearest = Math.min(...found.map((e) => e.d))
    return found.filter((e) => e.d === nearest).map((e) => JSON.stringify({ row: e.row }))
  }

  /** Just inside and just outside each edge of each mark, with the slop of 2 px: what is hit is under the point, the nearest, unless a band of long events is. */
  function expectTickEdges(frame: PlotFrame) {
    const seen = { marks: 0, nothing: 0 }
    const wrong: string[] = []
    for (const t of frame.ticks) {
      for (let i = 0; i < t.x1.length; i++) {
        const [x1, x2, y1, y2] = [t.x1[i]!, t.x2[i]!, t.y[i]!, t.y[i]! + t.height]
        const [xm, ym] = [(x1 + x2) / 2, (y1 + y2) / 2]
        // Within 1e-6 px of the slop's edge, clear of rounding in x + slop.
        const [inside, outside] = [2 - 1e-6, 2.01]
        const points = [[x1 - inside, ym], [x1 - outside, ym], [x2 + inside, ym], [x2 + outside, ym], [xm, y1 - inside], [xm, y1 - outside], [xm, y2 + inside], [xm, y2 + outside], [xm, ym]] as const
        for (const [x, y] of points) {
          const expected = expectedHits(frame, x, y)
          const hit = JSON.stringify(hitTest(frame, x, y))
          if (!expected.includes(hit)) wrong.push(`(${x}, ${y}): hit ${hit}, expected ${expected.join(' or ')}`)
          if (expected[0]!.startsWith('{"row"')) seen.marks++
          else if (expected[0] === 'null') seen.nothing++
        }
      }
    }
    expect(wrong).toEqual([])
    // Both kinds of point were tried.
    expect(seen.marks).toBeGreaterThan(0)
    expect(seen.nothing).toBeGreaterThan(0)
  }

  /**
   * Across each band, at its middle and just inside and outside its edges with the slop: in the buckets either side of
   * each change of count, and in every 50th. Returns how many points had each kind of answer.
   */
  function expectBandHits(frame: PlotFrame) {
    const seen = { band: 0, empty: 0, lane: 0 }
    const wrong: string[] = []
    for (const d of frame.density.filter((d) => d.long)) {
      for (let i = 0; i < d.counts.length; i++) {
        if (i % 50 !== 0 && d.counts[i] === d.counts[i - 1] && d.counts[i] === d.counts[i + 1]) continue
        const x = d.x0 + (i + 0.5) * d.step
        if (x < 0 || x > frame.width) continue
        for (const y of [d.y - 2.01, d.y - 2 + 1e-6, d.y + d.height / 2, d.y + d.height + 2 - 1e-6, d.y + d.height + 2.01]) {
          const expected = expectedHits(frame, x, y)
          const hit = JSON.stringify(hitTest(frame, x, y))
          if (!expected.includes(hit)) wrong.push(`(${x}, ${y}): hit ${hit}, expected ${expected.join(' or ')}`)
          if (y < d.y - 2 || y > d.y + d.height + 2) seen.lane++
          else if (hit === 'null') seen.empty++
          else seen.band++
        }
      }
    }
    expect(wrong).toEqual([])
    return seen
  }

  it('finds the unlabelled mark under a point, as far as 2 px from its edges and no further', () => {
    // Bars of one to nine days in one lane, one-day dots in another, 160 of each in view: ticks.
    const bars = Array.from({ length: 160 }, (_, i) => item(`bar${i}`, origin + i * day, origin + (i + 1 + (i % 9)) * day - 1, { actors: ['usa'], status: i % 5 === 0 ? 'planned' : 'occurred' }))
    const dots = daily('dot', 160, 1, origin + 3 * day, { actors: ['russia'] })
    const view = { t0: origin - 12 * 3_600_000, t1: origin + 170 * day, width: 1400 }
    const { table, lanes, o, frame } = frameOf(inTimeOrder([...bars, ...dots]), view)
    expectConsistent(table, lanes, view, frame, o)
    expect(frame.lanes.map((l) => l.mode)).toEqual(['ticks', 'ticks'])
    expectTickEdges(frame)
  })

  it('finds the unlabelled mark, or the bucket of a band of long events, under a point among random events', () => {
    const seen = { on: 0, off: 0 }
    fc.assert(
      fc.property(eventsArb(200, 1), fc.integer({ min: 0, max: 700 * day }), fc.integer({ min: day, max: 400 * day }), fc.integer({ min: 300, max: 1600 }), (items, from, length, width) => {
        const view = { t0: origin + from, t1: origin + from + length, width }
        const { table, lanes, o, frame } = frameOf(items, view, { maxMarks: 0 })
        expectConsistent(table, lanes, view, frame, o)
        if (frame.ticks.length > 0) expectTickEdges(frame)
        const bands = expectBandHits(frame)
        seen.on += bands.band + bands.empty
        seen.off += bands.lane
      }),
      { numRuns: 30 },
    )
    // Events of a few ms to years, in lanes past a budget of none: their bands came up, and points on them and off them were tried.
    expect(seen.on).toBeGreaterThan(0)
    expect(seen.off).toBeGreaterThan(0)
  })

  /** 40 days at 30 px a day; each day a one-day dot and three bars of 2 to 4 days from its start: 160 events in one lane, drawn as ticks. */
  function dotsAndBars() {
    const items: TimelineEvent[] = []
    for (let d = 0; d < 40; d++) {
      items.push(item(`dot${d}`, origin + d * day, origin + (d + 1) * day - 1, { shape: 'point' }))
      for (let j = 0; j < 3; j++) items.push(item(`bar${d}-${j}`, origin + d * day, origin + (d + 2 + j) * day - 1))
    }
    const view = { t0: origin, t1: origin + 40 * day - 1, width: 1200 }
    return { items: inTimeOrder(items), view, ...frameOf(inTimeOrder(items), view, { groupBy: 'none' }) }
  }

  it('draws a one-day dot at the middle of its day, after the bars that start that day', () => {
    const { items, view, table, lanes, o, frame } = dotsAndBars()
    expectConsistent(table, lanes, view, frame, o)
    expect(frame.lanes.map((l) => l.mode)).toEqual(['ticks'])
    const t = frame.ticks[0]!
    // The bars of day 0 start at x 0; its dot, first in time order (it ends first) and so in the top row, is at x 12 to 18.
    expect(Array.from(t.rows.subarray(0, 4), (r) => items[r]!.id).sort()).toEqual(['bar0-0', 'bar0-1', 'bar0-2', 'dot0'])
    for (let i = 0; i < 3; i++) expect(t.x1[i]).toBeCloseTo(0, 6)
    expect(items[t.rows[3]!]!.id).toBe('dot0')
    expect([t.x1[3], t.x2[3], t.y[3]]).toEqual([expect.closeTo(12, 6), expect.closeTo(18, 6), 18])
    // 2 px left of the bars' start, 3 px into the top row, only bar0-2 is under the point.
    expect(under(frame, -2, 21).map((e) => items[e.row]!.id)).toEqual(['bar0-2'])
  })

  // Searching by left edge, a point left of the bars of a day would have stopped at the dot 14 px to their right.
  it('finds only a mark under the point when a one-day dot and a longer bar start on the same day', () => {
    const { items, frame } = dotsAndBars()
    expect(hitTest(frame, -2, 21)).toEqual({ row: items.findIndex((e) => e.id === 'bar0-2') })
  })

  it('finds the density bucket under a point from its first px to its last, and nothing between or beyond the lanes', () => {
    const crowd = inTimeOrder([...daily('c', 400, 20, origin, { actors: ['usa'] }), ...daily('r', 300, 30, origin + 3 * day, { actors: ['russia'] })])
    const view = { t0: origin + 0.3 * day, t1: origin + 19.6 * day, width: 700 }
    const { table, lanes, o, frame } = frameOf(crowd, view)
    expectConsistent(table, lanes, view, frame, o)
    expect(frame.lanes.map((l) => l.mode)).toEqual(['density', 'density'])
    let tried = 0
    const wrong: string[] = []
    const expectHit = (x: number, y: number, expected: (hit: ReturnType<typeof hitTest>) => boolean, what: string) => {
      const hit = hitTest(frame, x, y)
      if (!expected(hit)) wrong.push(`(${x}, ${y}): ${JSON.stringify(hit)}, expected ${what}`)
    }
    for (const d of frame.density) {
      const lane = frame.lanes[d.lane]!
      const source = lanes.find((l) => l.key === lane.key)!
      const ym = lane.y + lane.height / 2
      for (let i = 0; i < d.counts.length; i++) {
        const [left, right] = [d.x0 + i * d.step, d.x0 + (i + 1) * d.step]
        const bucket = { lane: d.lane, t0: d.t0 + i * d.span, t1: d.t0 + (i + 1) * d.span - 1 }
        const count = overlapping(table, source, bucket.t0, bucket.t1)
        const want = JSON.stringify(count === 0 ? null : { ...bucket, count, long: false })
        for (const x of [left + 1e-6, right - 1e-6]) {
          if (x < 0 || x > view.width) continue
          expectHit(x, ym, (hit) => JSON.stringify(hit) === want, want)
          tried++
        }
        // The lane's top and bottom edges: the top is in the lane, the bottom in the next.
        if (count > 0 && right - 1e-6 > 0 && left < view.width) {
          const x = Math.max(left, 0) + 1e-6
          const inLane = (hit: ReturnType<typeof hitTest>) => hit !== null && 'lane' in hit && hit.lane === d.lane
          expectHit(x, lane.y, inLane, `lane ${d.lane}`)
          expectHit(x, lane.y + lane.height - 1e-6, inLane, `lane ${d.lane}`)
          const last = d.lane + 1 === frame.lanes.length
          expectHit(x, lane.y + lane.height, (hit) => (last ? hit === null : hit === null || ('lane' in hit && hit.lane === d.lane + 1)), last ? 'nothing' : `lane ${d.lane + 1}`)
        }
      }
    }
    expect(wrong).toEqual([])
    expect(tried).toBeGreaterThan(700)
    // Above the first lane and below the last: nothing.
    expect(hitTest(frame, 100, -0.01)).toBeNull()
    expect(hitTest(frame, 100, frame.height)).toBeNull()
    expect(hitTest(frame, 100, frame.height + 50)).toBeNull()
    // Left of the first bucket and right of the last.
    expect(hitTest(frame, frame.density[0]!.x0 - 0.01, frame.lanes[0]!.y + 10)).toBeNull()
    const d = frame.density[0]!
    expect(hitTest(frame, d.x0 + d.counts.length * d.step + 0.01, frame.lanes[0]!.y + 10)).toBeNull()
  })

  it('finds a bucket of a lane\'s band of long events as far as 2 px from it, before the lane\'s ticks or density', () => {
    // Russia: 160 days of talks, drawn as ticks, and two wars with a gap between them in view. The US: 20 talks a day for
    // 20 days, drawn as density, and a war over them all.
    const items = inTimeOrder([
      ...daily('r', 160, 1, origin, { actors: ['russia'] }),
      item('war1', origin - 400 * day, origin + 60 * day - 1, { actors: ['russia'] }),
      item('war2', origin + 100 * day, origin + 500 * day, { actors: ['russia'] }),
      ...daily('u', 400, 20, origin, { actors: ['usa'] }),
      item('war3', origin - 30 * day, origin + 300 * day, { actors: ['usa'] }),
    ])
    const view = { t0: origin - 3 * day, t1: origin + 167 * day, width: 1000 }
    const { table, lanes, o, frame } = frameOf(items, view)
    expectConsistent(table, lanes, view, frame, o)
    expect(frame.lanes.map((l) => [l.key, l.mode, l.count, l.long])).toEqual([['russia', 'ticks', 162, 2], ['usa', 'density', 401, 1]])
    expect(frame.density.filter((d) => d.long).map((d) => [d.lane, d.y, d.height])).toEqual([[0, 13, 3], [1, frame.lanes[1]!.y + 13, 3]])
    // Each answer came up: a war's bucket, nothing in the gap between the wars, and the lane's own ticks or density off the band.
    const seen = expectBandHits(frame)
    expect(Object.values(seen).every((n) => n > 0)).toBe(true)
  })

  it('leaves labelled marks to the SVG: nothing is hit in a lane drawn as marks', () => {
    const items = toTimelineEvents(datasetWith([{ id: 'a', edtf: isoDay(3) }, { id: 'b', edtf: `${isoDay(2)}/${isoDay(9)}` }]))
    const view = { t0: origin, t1: origin + 10 * day, width: 500 }
    const { frame } = frameOf(items, view, { groupBy: 'none' })
    expect(frame.lanes.map((l) => l.mode)).toEqual(['marks'])
    for (const m of frame.marks) expect(hitTest(frame, (m.x1 + m.x2) / 2, m.y + 5)).toBeNull()
  })
})
