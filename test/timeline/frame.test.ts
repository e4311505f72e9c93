import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketSpan, DensityCache, levelFor } from '../../src/timeline/density.ts'
import { toTimelineEvents, type TimelineEvent } from '../../src/timeline/events.ts'
import { hitTest, LaneMode, plotFrame, type FrameOptions, type PlotFrame } from '../../src/timeline/frame.ts'
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

/** The rows of a lane's events in view, in time order, found by looking at each event. */
const inView = (table: EventTable, lane: LaneIndex, groupBy: GroupBy, t0: number, t1: number, rows: Uint32Array | null = null) =>
  (rows ? Array.from(rows) : table.items.map((_, r) => r)).filter((r) => lanesOf(table.items[r]!, groupBy).includes(lane.key) && reaches(table.items[r]!, t0, t1))

/** Events overlapping [b0, b1] (inclusive ms) in a lane, looked at one by one. */
function overlapping(lane: LaneIndex, b0: number, b1: number): number {
  let count = 0
  for (let p = 0; p < lane.rows.length; p++) if (lane.starts[p]! <= b1 && lane.ends[p]! >= b0) count++
  return count
}

const laneOf = (frame: PlotFrame, key: string) => frame.lanes.findIndex((l) => l.key === key)

/** Everything a frame promises about its lanes, marks, ticks and density, checked against the events one by one. */
function expectConsistent(table: EventTable, lanes: readonly LaneIndex[], view: View, frame: PlotFrame, o: FrameOptions, rows: Uint32Array | null = null) {
  const { t0, t1, width } = view
  const span = Math.max(1, t1 - t0)
  const k = width / span
  const x = (ms: number) => (ms - t0) * k
  expect([frame.t0, frame.t1, frame.width]).toEqual([t0, t1, width])
  // Lanes one below the other, in the lanes' order, the frame as tall as they are together.
  const tops = frame.lanes.map((_, i) => frame.lanes.slice(0, i).reduce((y, l) => y + l.height, 0))
  expect(frame.lanes.map((l) => l.y)).toEqual(tops)
  expect(frame.height).toBe(frame.lanes.reduce((y, l) => y + l.height, 0))
  const keys = frame.lanes.map((l) => l.key)
  expect(keys).toEqual(lanes.map((l) => l.key).filter((key) => keys.includes(key)))
  const counts = new Map(lanes.map((lane) => [lane.key, inView(table, lane, o.groupBy, t0, t1, rows)]))
  expect(lanes.filter((lane) => counts.get(lane.key)!.length > 0 && !keys.includes(lane.key))).toEqual([])
  // Labelled marks to the lanes with fewest events in view while the budget lasts.
  const marksCounts = frame.lanes.filter((l) => l.mode === LaneMode.marks).map((l) => l.count)
  const otherCounts = frame.lanes.filter((l) => l.mode !== LaneMode.marks).map((l) => l.count)
  const used = marksCounts.reduce((a, b) => a + b, 0)
  expect(used).toBeLessThanOrEqual(o.maxMarks)
  if (otherCounts.length > 0) {
    expect(Math.max(0, ...marksCounts)).toBeLessThanOrEqual(Math.min(...otherCounts))
    expect(used + Math.min(...otherCounts)).toBeGreaterThan(o.maxMarks)
  }
  const selected = o.selected >= 0 && reaches(table.items[o.selected]!, t0, t1) ? table.items[o.selected]! : undefined
  frame.lanes.forEach((lane, index) => {
    const shown = counts.get(lane.key)!
    expect(lane.count).toBe(shown.length)
    const marks = frame.marks.filter((m) => m.lane === lane.key)
    // Each mark starts below the lane's name and above its bottom; in a labelled lane, its whole row is inside.
    const bottom = lane.mode === LaneMode.marks ? lane.y + lane.height - o.rowHeight : lane.y + lane.height - 1
    expect(marks.filter((m) => m.y < lane.y + o.laneHeader + o.lanePadding || m.y > bottom || typeof m.label !== 'string')).toEqual([])
    if (lane.mode === LaneMode.marks) {
      // Each event in view has its mark; the others are just outside, ready for a pan.
      const marked = new Set(marks.map((m) => m.item))
      expect(shown.filter((r) => !marked.has(table.items[r]!))).toEqual([])
      expect(marks.filter((m) => !reaches(m.item, t0 - span, t1 + span)).map((m) => m.item.id)).toEqual([])
      expect(lane.height).toBe(o.laneHeader + lane.rows * o.rowHeight + 2 * o.lanePadding)
      expect(frame.ticks.some((t) => t.lane === index) || frame.density.some((d) => d.lane === index)).toBe(false)
      return
    }
    expect(lane.rows).toBe(1)
    expect(lane.mode).toBe(lane.count * o.tickSpacing <= width ? LaneMode.ticks : LaneMode.density)
    // Only the selected event has a labelled mark in a lane drawn without labels.
    const pinned = selected && lanesOf(selected, o.groupBy).includes(lane.key) ? [selected] : []
    expect(marks.map((m) => m.item)).toEqual(pinned)
    if (lane.mode === LaneMode.ticks) {
      const ticks = frame.ticks.filter((t) => t.lane === index)
      expect(ticks.length).toBe(1)
      const t = ticks[0]!
      expect(Array.from(t.rows)).toEqual(shown)
      expect(t.height).toBe(o.tickHeight - 2)
      const top = lane.y + o.laneHeader + o.lanePadding
      const rowEnds = new Array<number>(o.tickRows).fill(-Infinity)
      let usedRows = 1
      // Each mark's place and row, as the doc comments say; the marks that differ, listed.
      const wrong: string[] = []
      shown.forEach((r, i) => {
        const [start, end] = [table.start[r]!, table.end[r]!]
        const dot = (table.flags[r]! & Flag.dot) !== 0
        const middle = (x(start) + x(end + 1)) / 2
        const [x1, x2] = dot ? [middle - 3, middle + 3] : [x(start), Math.max(x(end + 1), x(start) + 4)]
        if (t.flags[i] !== table.flags[r] || Math.abs(t.x1[i]! - x1) > 1e-6 || Math.abs(t.x2[i]! - x2) > 1e-6) wrong.push(`mark ${i}: ${t.x1[i]}–${t.x2[i]}, expected ${x1}–${x2}`)
        // The first row free at the mark's start (1 px apart), or the row that frees up first.
        const row = (t.y[i]! - top) / o.tickHeight
        const free = rowEnds.findIndex((e) => e + 1 <= t.x1[i]!)
        const expected = free >= 0 ? free : rowEnds.indexOf(Math.min(...rowEnds))
        if (row !== expected) wrong.push(`mark ${i}: row ${row}, expected ${expected}`)
        rowEnds[row] = Math.max(rowEnds[row]!, t.x2[i]!)
        usedRows = Math.max(usedRows, row + 1)
      })
      expect(wrong).toEqual([])
      expect(t.widest).toBe(Math.max(0, ...Array.from(t.x2, (x2, i) => x2 - t.x1[i]!)))
      expect(lane.height).toBe(o.laneHeader + usedRows * o.tickHeight + 2 * o.lanePadding)
      return
    }
    const strips = frame.density.filter((d) => d.lane === index)
    expect(strips.length).toBe(1)
    const d = strips[0]!
    expect(lane.height).toBe(o.densityHeight)
    expect([d.y, d.height]).toEqual([lane.y + o.laneHeader - 1, o.densityHeight - o.laneHeader - 3])
    // Buckets of a power of two of ms, one to two px wide, from the one holding t0 to the one holding t1.
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
    const source = lanes.find((l) => l.key === lane.key)!
    expect(Array.from(d.counts)).toEqual(Array.from(d.counts, (_, i) => overlapping(source, d.t0 + i * d.span, d.t0 + (i + 1) * d.span - 1)))
    expect(d.peak).toBe(Math.max(1, ...d.counts))
  })
  // Every mark belongs to a lane drawn, and the selected event in view is among them in each of its lanes.
  expect(frame.marks.filter((m) => !keys.includes(m.lane))).toEqual([])
  if (selected) expect(lanesOf(selected, o.groupBy).filter((key) => !frame.marks.some((m) => m.item === selected && m.lane === key))).toEqual([])
  expect(frame.ticks.length + frame.density.length).toBe(frame.lanes.filter((l) => l.mode !== LaneMode.marks).length)
}

/** `n` one-day events (dots), `perDay` to a day from `from`, with the given fields. */
const daily = (prefix: string, n: number, perDay: number, from: number, more: Partial<TimelineEvent> = {}) =>
  Array.from({ length: n }, (_, i) => {
    const start = from + Math.floor(i / perDay) * day
    return item(`${prefix}${i}`, start, start + day - 1, { shape: 'point', label: `${prefix} event ${i}`, ...more })
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
    // 400 events in 20 days, and a month-long one over them all.
    const crowd = inTimeOrder([...daily('c', 400, 20, origin), item('month', origin - 5 * day, origin + 25 * day, { label: 'month' })])
    const view20 = { t0: origin, t1: origin + 20 * day - 1, width: 600 }
    const crowded = frameOf(crowd, view20, { groupBy: 'none' })
    expectConsistent(crowded.table, crowded.lanes, view20, crowded.frame, crowded.o)
    expect(crowded.frame.lanes.map((l) => [l.mode, l.count])).toEqual([['density', 401]])
    // A bucket across midnight overlaps two days' events, and the month.
    expect(crowded.frame.density[0]!.peak).toBe(41)
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
  })

  // A bug, failing here: the pinned mark is laid out as a first row of labelled marks (18 px down, 22 px tall), but the lane keeps the height of its ticks (28 px) or density (30 px).
  it('keeps the selected event\'s mark within its lane when the lane is drawn as ticks or density', () => {
    const items = inTimeOrder([...daily('c', 400, 20, origin, { actors: ['usa'] }), ...daily('a', 200, 1, origin - 90 * day, { actors: ['russia'] })])
    const selected = items.findIndex((e) => e.id === 'a100')
    // 7.5 px a day: one row of ticks.
    const view = { t0: origin - 100 * day, t1: origin + 60 * day, width: 1200 }
    const { frame } = frameOf(items, view, { selected })
    expect(frame.lanes.map((l) => [l.key, l.mode, l.y, l.height])).toEqual([['russia', 'ticks', 0, 28], ['usa', 'density', 28, 30]])
    expect(frame.marks.map((m) => [m.lane, m.item.id, m.y])).toEqual([['russia', 'a100', 18]])
    for (const m of frame.marks) {
      const lane = frame.lanes[laneOf(frame, m.lane)]!
      expect(m.y + 22).toBeLessThanOrEqual(lane.y + lane.height)
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

  it('lays out any events in view, lane by lane, as its counts and modes promise', () => {
    fc.assert(
      fc.property(
        // Events over 60 days, and windows over them: with smaller budgets than the element's, every mode comes up.
        eventsArb(200, 1, 60).chain((items) => fc.tuple(fc.constant(items), fc.integer({ min: -1, max: items.length - 1 }))),
        fc.constantFrom<GroupBy>('actor', 'category', 'none'),
        fc.integer({ min: -10 * day, max: 60 * day }),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_600_000 }), fc.integer({ min: day, max: 60 * day }), fc.integer({ min: 60 * day, max: 900 * day })),
        fc.integer({ min: 100, max: 1500 }),
        fc.constantFrom(150, 150, 40, 5, 0),
        ([items, selected], groupBy, from, length, width, maxMarks) => {
          const view = { t0: origin + from, t1: origin + from + length, width }
          const { table, lanes, o, frame } = frameOf(items, view, { groupBy, maxMarks, selected })
          expectConsistent(table, lanes, view, frame, o)
        },
      ),
      { numRuns: 50 },
    )
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

  /** Just inside and just outside each edge of each mark, with the slop of 2 px: what is hit is under the point, the nearest. */
  function expectTickEdges(frame: PlotFrame) {
    let hits = 0
    let misses = 0
    const wrong: string[] = []
    for (const t of frame.ticks) {
      for (let i = 0; i < t.x1.length; i++) {
        const [x1, x2, y1, y2] = [t.x1[i]!, t.x2[i]!, t.y[i]!, t.y[i]! + t.height]
        const [xm, ym] = [(x1 + x2) / 2, (y1 + y2) / 2]
        // Within 1e-6 px of the slop's edge, clear of rounding in x + slop.
        const [inside, outside] = [2 - 1e-6, 2.01]
        const points = [[x1 - inside, ym], [x1 - outside, ym], [x2 + inside, ym], [x2 + outside, ym], [xm, y1 - inside], [xm, y1 - outside], [xm, y2 + inside], [xm, y2 + outside], [xm, ym]] as const
        for (const [x, y] of points) {
          const expected = under(frame, x, y)
          const hit = hitTest(frame, x, y)
          if (expected.length === 0) {
            if (hit !== null) wrong.push(`(${x}, ${y}): hit ${JSON.stringify(hit)} where no mark is`)
            misses++
            continue
          }
          const nearest = Math.min(...expected.map((e) => e.d))
          const rows = expected.filter((e) => e.d === nearest).map((e) => e.row)
          if (hit === null || !('row' in hit) || !rows.includes(hit.row)) wrong.push(`(${x}, ${y}): hit ${JSON.stringify(hit)}, expected a row of ${rows}`)
          hits++
        }
      }
    }
    expect(wrong).toEqual([])
    // Both kinds of point were tried.
    expect(hits).toBeGreaterThan(0)
    expect(misses).toBeGreaterThan(0)
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

  it('finds the unlabelled mark under a point among random events drawn as bars', () => {
    fc.assert(
      fc.property(eventsArb(200, 1), fc.integer({ min: 0, max: 700 * day }), fc.integer({ min: day, max: 400 * day }), fc.integer({ min: 300, max: 1600 }), (items, from, length, width) => {
        // Spans only: dots are placed at the middle of their day (see the test marked as failing below).
        const bars = items.map((e) => ({ ...e, shape: 'span' as const }))
        const view = { t0: origin + from, t1: origin + from + length, width }
        const { table, lanes, o, frame } = frameOf(bars, view, { maxMarks: 0 })
        expectConsistent(table, lanes, view, frame, o)
        if (frame.ticks.length > 0) expectTickEdges(frame)
      }),
      { numRuns: 30 },
    )
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
    // The dot of day 0 comes first in time order (it ends first), at x 12 to 18 in the top row; the bars of day 0 start at x 0.
    expect(items[t.rows[0]!]!.id).toBe('dot0')
    expect(t.x1[0]).toBeCloseTo(12, 6)
    expect(t.x2[0]).toBeCloseTo(18, 6)
    expect(t.y[0]).toBe(18)
    for (let i = 1; i < 4; i++) expect(t.x1[i]).toBeCloseTo(0, 6)
    // 2 px left of the bars' start, 3 px into the top row, only bar0-2 is under the point.
    expect(under(frame, -2, 21).map((e) => items[e.row]!.id)).toEqual(['bar0-2'])
  })

  // A bug, failing here: hitTest's binary search takes a lane's ticks to be in order of x1 (as TickLane says), but a dot drawn at the middle of its day comes before the bars that start that day.
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
        const count = overlapping(source, bucket.t0, bucket.t1)
        const want = JSON.stringify(count === 0 ? null : { ...bucket, count })
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

  it('leaves labelled marks to the SVG: nothing is hit in a lane drawn as marks', () => {
    const items = toTimelineEvents(datasetWith([{ id: 'a', edtf: isoDay(3) }, { id: 'b', edtf: `${isoDay(2)}/${isoDay(9)}` }]))
    const view = { t0: origin, t1: origin + 10 * day, width: 500 }
    const { frame } = frameOf(items, view, { groupBy: 'none' })
    expect(frame.lanes.map((l) => l.mode)).toEqual(['marks'])
    for (const m of frame.marks) expect(hitTest(frame, (m.x1 + m.x2) / 2, m.y + 5)).toBeNull()
  })
})
