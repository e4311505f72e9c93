import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toTimelineEvents, type TimelineEvent } from '../../src/timeline/events.ts'
import { after, atOrAfter, countInWindow, inWindow } from '../../src/timeline/query.ts'
import { eventTable, laneIndex, type LaneIndex } from '../../src/timeline/table.ts'
import { datasetWith, day, eventsArb, inTimeOrder, item, origin } from '../fixtures/events.ts'

/** The positions of a lane's events that reach into [t0, t1], found by looking at each. */
const bruteForce = (lane: LaneIndex, t0: number, t1: number): number[] =>
  Array.from(lane.rows.keys()).filter((p) => lane.starts[p]! <= t1 && lane.ends[p]! >= t0)

/** Checks both queries against the brute force, and that the positions come in time order, each once. */
function expectWindow(lane: LaneIndex, t0: number, t1: number) {
  const found = Array.from(inWindow(lane, t0, t1))
  expect(found).toEqual(bruteForce(lane, t0, t1))
  expect(found.every((p, i) => i === 0 || p > found[i - 1]!)).toBe(true)
  expect(countInWindow(lane, t0, t1)).toBe(found.length)
}

const lanesOf = (items: TimelineEvent[]) => laneIndex(eventTable(items), null, 'actor', (k) => k)

/** Windows over the events' span, and windows whose edges sit on an event's start or end, or 1 ms either side. */
const windowsFor = (items: TimelineEvent[]) => {
  const edges = items.flatMap((e) => [e.start, Math.max(e.start, e.end)]).flatMap((t) => [t - 1, t, t + 1])
  const anywhere = fc.integer({ min: origin - 400 * day, max: origin + 1500 * day })
  const time = edges.length ? fc.oneof(anywhere, fc.constantFrom(...edges)) : anywhere
  return fc.oneof(
    fc.tuple(time, time).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a])),
    time.map((t): [number, number] => [t, t]),
  )
}

const sortedArb = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 40 }).map((values) => Float64Array.from(values).sort())

describe('after and atOrAfter', () => {
  it('find the first index in [lo, hi) whose value is past, or at least, the one sought', () => {
    fc.assert(
      fc.property(
        sortedArb.chain((sorted) =>
          fc.tuple(fc.constant(sorted), fc.integer({ min: -22, max: 22 }), fc.nat(sorted.length), fc.nat(sorted.length)),
        ),
        ([sorted, value, a, b]) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          const first = (test: (v: number) => boolean) => {
            for (let i = lo; i < hi; i++) if (test(sorted[i]!)) return i
            return hi
          }
          expect(after(sorted, value, lo, hi)).toBe(first((v) => v > value))
          expect(atOrAfter(sorted, value, lo, hi)).toBe(first((v) => v >= value))
          // Without bounds, the whole array.
          expect(after(sorted, value)).toBe(sorted.filter((v) => v <= value).length)
          expect(atOrAfter(sorted, value)).toBe(sorted.filter((v) => v < value).length)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('look only between lo and hi, even when the value sought lies outside them', () => {
    const sorted = Float64Array.from([1, 2, 2, 2, 3, 5, 8])
    expect(after(sorted, 2, 0, 2)).toBe(2)
    expect(atOrAfter(sorted, 2, 2, 7)).toBe(2)
    expect(after(sorted, 0, 3, 6)).toBe(3)
    expect(atOrAfter(sorted, 9, 1, 4)).toBe(4)
    expect(after(sorted, 2, 4, 4)).toBe(4)
  })
})

describe('countInWindow and inWindow', () => {
  it('find the events that reach into a window, as a look at each event does, in time order and each once', () => {
    fc.assert(
      fc.property(eventsArb(200).chain((items) => fc.tuple(fc.constant(items), fc.array(windowsFor(items), { minLength: 1, maxLength: 6 }))), ([items, windows]) => {
        for (const lane of lanesOf(items)) for (const [t0, t1] of windows) expectWindow(lane, t0, t1)
      }),
      { numRuns: 60 },
    )
  })

  it('count an event that ends at the window\'s start or starts at its end, and none that misses either by 1 ms', () => {
    const [t0, t1] = [origin + 10 * day, origin + 20 * day]
    const items = inTimeOrder([
      item('ends-at-start', t0 - day, t0),
      item('starts-at-end', t1, t1 + day),
      item('ends-just-before', t0 - day, t0 - 1),
      item('starts-just-after', t1 + 1, t1 + day),
      item('moment-at-start', t0, t0),
      item('moment-at-end', t1, t1),
      item('spans-it', t0 - 900 * day, t1 + 900 * day),
      item('inside', t0 + 3, t0 + 5),
    ])
    const [lane] = laneIndex(eventTable(items), null, 'none', (k) => k)
    const ids = (t0: number, t1: number) => Array.from(inWindow(lane!, t0, t1), (p) => items[lane!.rows[p]!]!.id).sort()
    expect(ids(t0, t1)).toEqual(['ends-at-start', 'inside', 'moment-at-end', 'moment-at-start', 'spans-it', 'starts-at-end'])
    expect(countInWindow(lane!, t0, t1)).toBe(6)
    expectWindow(lane!, t0, t1)
    // A window of one instant holds what reaches that instant.
    expect(ids(t0, t0)).toEqual(['ends-at-start', 'moment-at-start', 'spans-it'])
    expect(countInWindow(lane!, t0, t0)).toBe(3)
    expect(ids(t0 + 4, t0 + 4)).toEqual(['inside', 'spans-it'])
    expect(ids(t0 + 2, t0 + 2)).toEqual(['spans-it'])
  })

  it('find a long event that spans the whole window among many short ones, whatever their number', () => {
    const short = Array.from({ length: 180 }, (_, i) => item(`s${i}`, origin + i * 3_600_000, origin + i * 3_600_000 + (i % 7)))
    const items = inTimeOrder([item('war', origin - 5 * 365 * day, origin + 5 * 365 * day), item('week', origin - 3 * day, origin + 4 * day), ...short])
    const [lane] = lanesOf(items)
    // Moments, hours and years: several length classes in one lane.
    expect(lane!.classes.length).toBeGreaterThanOrEqual(4)
    for (const [t0, t1] of [[origin + 200 * 3_600_000, origin + 300 * 3_600_000], [origin + 50 * 3_600_000 + 3, origin + 50 * 3_600_000 + 3], [origin - 4 * day, origin - 4 * day + 1]] as const) {
      const ids = Array.from(inWindow(lane!, t0, t1), (p) => items[lane!.rows[p]!]!.id)
      expect(ids).toContain('war')
      expectWindow(lane!, t0, t1)
    }
    expect(Array.from(inWindow(lane!, origin + 5 * 365 * day + 1, origin + 6 * 365 * day))).toEqual([])
  })

  it('place open-ended dates by the day they know, at the window\'s edges', () => {
    const items = toTimelineEvents(datasetWith([
      { id: 'from', edtf: '2016-09-17/..' },
      { id: 'until', edtf: '../2016-09-18' },
      { id: 'one-of', edtf: '[2016-09-17..2016-09-18]' },
      { id: 'year', edtf: '2016' },
      { id: 'day', edtf: '2016-09-19' },
    ]))
    const [lane] = laneIndex(eventTable(items), null, 'none', (k) => k)
    const ids = (t0: number, t1: number) => Array.from(inWindow(lane!, t0, t1), (p) => items[lane!.rows[p]!]!.id).sort()
    const [d17, d18, d19] = [Date.UTC(2016, 8, 17), Date.UTC(2016, 8, 18), Date.UTC(2016, 8, 19)]
    expect(ids(d17, d17)).toEqual(['from', 'one-of', 'year'])
    expect(ids(d18 - 1, d18 - 1)).toEqual(['from', 'one-of', 'year'])
    expect(ids(d18, d18)).toEqual(['one-of', 'until', 'year'])
    expect(ids(d19 - 1, d19)).toEqual(['day', 'one-of', 'until', 'year'])
    expect(ids(d19, d19 + day)).toEqual(['day', 'year'])
    expect(ids(Date.UTC(2017, 0, 1), Date.UTC(2018, 0, 1))).toEqual([])
    for (const [t0, t1] of [[d17 - 1, d17 - 1], [d17, d19], [d18 - 1, d18], [Date.UTC(2016, 0, 1), Date.UTC(2016, 11, 31)]] as const) expectWindow(lane!, t0, t1)
  })

  it('find nothing in an empty lane, and nothing before or after every event', () => {
    const items = inTimeOrder([item('a', origin, origin + day), item('b', origin + 2 * day, origin + 2 * day)])
    const [lane] = lanesOf(items)
    expect(Array.from(inWindow(lane!, origin - day, origin - 1))).toEqual([])
    expect(countInWindow(lane!, origin - day, origin - 1)).toBe(0)
    expect(countInWindow(lane!, origin + 2 * day + 1, origin + 3 * day)).toBe(0)
    expect(Array.from(inWindow(lane!, origin + day + 1, origin + 2 * day - 1))).toEqual([])
    expect(laneIndex(eventTable([]), null, 'none', (k) => k)).toEqual([])
  })
})
