import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketCounts, bucketOf, bucketSpan, DensityCache, levelFor, type CountBy, type Sorted } from '../../src/timeline/density.ts'
import { eventTable, laneIndex, type LaneIndex } from '../../src/timeline/table.ts'
import { day, eventsArb, inTimeOrder, item, lanesOf, origin } from '../fixtures/events.ts'

/** Events overlapping bucket b at `level`, [b·2^L, (b+1)·2^L), or starting in it: each event looked at. */
function bruteForce(lane: LaneIndex, level: number, first: number, n: number, by: CountBy): number[] {
  const span = 2 ** level
  const counts: number[] = []
  for (let i = 0; i < n; i++) {
    const [b0, b1] = [(first + i) * span, (first + i + 1) * span]
    let count = 0
    for (let p = 0; p < lane.rows.length; p++) {
      const [start, end] = [lane.starts[p]!, lane.ends[p]!]
      if (by === 'overlap' ? start < b1 && end >= b0 : start >= b0 && start < b1) count++
    }
    counts.push(count)
  }
  return counts
}

/** Where two arrays of counts differ: [index, got, expected], the first few. */
const mismatches = (got: ArrayLike<number>, expected: ArrayLike<number>) =>
  Array.from({ length: Math.max(got.length, expected.length) }, (_, i) => [i, got[i], expected[i]]).filter(([, a, b]) => a !== b).slice(0, 5)

/** Levels from buckets of a few ms to buckets of about a year. */
const levelArb = fc.constantFrom(0, 1, 3, 10, 22, 27, 30, 34, 36)

/** 64 buckets at `level` around the start and around the end of the lane's k-th event (k taken modulo its length). */
function near(lane: LaneIndex, level: number, k: number): Array<[number, number]> {
  const p = k % lane.rows.length
  return [lane.starts[p]!, lane.ends[p]!].map((t) => [bucketOf(t, level) - 32, 64])
}

const groupings = ['actor', 'category', 'none'] as const

describe('levelFor', () => {
  it('picks buckets one to two px wide at any zoom of a ms per px or more', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), (msPerPx) => {
        const px = bucketSpan(levelFor(msPerPx)) / msPerPx
        expect(px).toBeGreaterThanOrEqual(1)
        expect(px).toBeLessThan(2)
      }),
      { numRuns: 200 },
    )
    expect(levelFor(1024)).toBe(10)
    expect(levelFor(1025)).toBe(11)
    // Finer than a ms per px, a bucket is still one ms.
    expect(levelFor(0.01)).toBe(0)
  })

  it('puts an instant in the bucket whose span holds it, before 1970 too', () => {
    expect(bucketOf(0, 10)).toBe(0)
    expect(bucketOf(1023, 10)).toBe(0)
    expect(bucketOf(1024, 10)).toBe(1)
    expect(bucketOf(-1, 10)).toBe(-1)
    expect(bucketOf(-1024, 10)).toBe(-1)
    expect(bucketOf(-1025, 10)).toBe(-2)
  })
})

describe('bucketCounts', () => {
  it.each(groupings)('counts in each bucket the events that overlap it, or start in it, at any level, in every lane (group by %s)', (groupBy) => {
    fc.assert(
      fc.property(eventsArb(150, 1), fc.array(levelArb, { minLength: 1, maxLength: 3 }), fc.nat(), (items, levels, k) => {
        for (const lane of laneIndex(eventTable(items), null, groupBy, (k) => k)) {
          for (const level of levels) {
            for (const [first, n] of near(lane, level, k)) {
              expect(mismatches(bucketCounts(lane, level, first, n, 'overlap'), bruteForce(lane, level, first, n, 'overlap'))).toEqual([])
              expect(mismatches(bucketCounts(lane, level, first, n, 'start'), bruteForce(lane, level, first, n, 'start'))).toEqual([])
            }
          }
        }
      }),
      { numRuns: 20 },
    )
  })

  it('counts an event in a bucket it ends at the first ms of, and not in one it ends just before', () => {
    const level = 10
    const b = bucketOf(origin, level) + 5
    const b0 = b * bucketSpan(level)
    const items = inTimeOrder([item('before', b0 - 3000, b0 - 1), item('at', b0 - 2000, b0), item('last-ms', b0 + 1023, b0 + 5000), item('next', b0 + 1024, b0 + 1024)])
    const [lane] = laneIndex(eventTable(items), null, 'none', (k) => k)
    expect(Array.from(bucketCounts(lane!, level, b - 1, 3))).toEqual([2, 2, 2])
    expect(Array.from(bucketCounts(lane!, level, b, 1))).toEqual([2])
    expect(Array.from(bucketCounts(lane!, level, b - 3, 5, 'start'))).toEqual([1, 1, 0, 1, 1])
    // Overlap is the default.
    expect(Array.from(bucketCounts(lane!, level, b, 2))).toEqual(Array.from(bucketCounts(lane!, level, b, 2, 'overlap')))
    expect(Array.from(bucketCounts(lane!, level, b, 0))).toEqual([])
  })

  it('counts each event once by its start at every level, and each bucket as the sum of its two halves', () => {
    fc.assert(
      fc.property(eventsArb(150, 1), fc.constantFrom(...groupings), (items, groupBy) => {
        for (const lane of laneIndex(eventTable(items), null, groupBy, (k) => k)) {
          for (const level of [24, 27, 31, 35, 40]) {
            const first = bucketOf(lane.starts[0]!, level)
            const n = bucketOf(lane.starts[lane.starts.length - 1]!, level) - first + 1
            const counts = bucketCounts(lane, level, first, n, 'start')
            expect(counts.reduce((a, b) => a + b, 0)).toBe(lane.rows.length)
            // Level L + 1 from buckets first/2 on, against the pairs below it.
            const up = bucketCounts(lane, level + 1, Math.floor(first / 2), Math.ceil(n / 2) + 1, 'start')
            const below = bucketCounts(lane, level, 2 * Math.floor(first / 2), 2 * up.length, 'start')
            expect(mismatches(up, Array.from(up, (_, i) => below[2 * i]! + below[2 * i + 1]!))).toEqual([])
            expect(up.reduce((a, b) => a + b, 0)).toBe(lane.rows.length)
          }
        }
      }),
      { numRuns: 30 },
    )
  })

  it('counts by start, over all actor lanes, each event once for each lane it is in', () => {
    fc.assert(
      fc.property(eventsArb(200, 1), fc.constantFrom(24, 27, 33, 45), (items, level) => {
        const lanes = laneIndex(eventTable(items), null, 'actor', (k) => k)
        const first = bucketOf(items[0]!.start, level)
        const n = bucketOf(items[items.length - 1]!.start, level) - first + 1
        const total = lanes.reduce((sum, lane) => sum + bucketCounts(lane, level, first, n, 'start').reduce((a, b) => a + b, 0), 0)
        expect(total).toBe(items.reduce((sum, e) => sum + lanesOf(e, 'actor').length, 0))
      }),
      { numRuns: 50 },
    )
  })
})

describe('DensityCache', () => {
  /** A view: a level, its first bucket and how many; each next view pans, zooms or counts the other way. */
  const stepArb = fc.record({
    kind: fc.constantFrom('pan', 'pan', 'level', 'by', 'jump'),
    amount: fc.integer({ min: -400, max: 400 }),
    n: fc.integer({ min: 1, max: 300 }),
  })

  it('gives the counts bucketCounts gives, for views inside and outside what it kept', () => {
    fc.assert(
      fc.property(eventsArb(150, 1), fc.array(stepArb, { minLength: 1, maxLength: 20 }), (items, steps) => {
        const lanes = laneIndex(eventTable(items), null, 'actor', (k) => k)
        const cache = new DensityCache()
        let view = { level: 27, first: bucketOf(origin, 27), n: 200, by: 'overlap' as CountBy }
        for (const step of steps) {
          if (step.kind === 'pan') view = { ...view, first: view.first + step.amount }
          else if (step.kind === 'level') {
            const level = Math.max(0, Math.min(40, view.level + Math.sign(step.amount || 1)))
            view = { ...view, level, first: Math.floor((view.first * 2 ** view.level) / 2 ** level), n: step.n }
          } else if (step.kind === 'by') view = { ...view, by: view.by === 'overlap' ? 'start' : 'overlap' }
          else view = { ...view, first: bucketOf(origin + step.amount * 2 * day, view.level), n: step.n }
          for (const lane of lanes) {
            const got = cache.counts(lane, view.level, view.first, view.n, view.by)
            const expected = bucketCounts(lane, view.level, view.first, view.n, view.by)
            expect(mismatches(got, expected)).toEqual([])
          }
        }
      }),
      { numRuns: 30 },
    )
  })

  it('keeps a level\'s counts for the view and a view either side, and counts again past them', () => {
    // A recording of which spans are counted: the events' arrays are read only by counting.
    const reads: number[] = []
    const lane = laneIndex(eventTable(inTimeOrder([item('a', origin, origin + 30 * day), item('b', origin + 40 * day, origin + 41 * day)])), null, 'none', (k) => k)[0]!
    const watched: Sorted = { starts: lane.starts, get sortedEnds() { reads.push(1); return lane.sortedEnds } }
    const cache = new DensityCache()
    const level = 30
    const first = bucketOf(origin, level)
    const expectCounts = (f: number, n: number, by: CountBy = 'overlap') =>
      expect(Array.from(cache.counts(watched, level, f, n, by))).toEqual(Array.from(bucketCounts(lane, level, f, n, by)))
    expectCounts(first, 4)
    expect(reads.length).toBe(1)
    // Panning by up to a view either way, or a smaller view, counts nothing again.
    expectCounts(first - 4, 4)
    expectCounts(first + 4, 4)
    expectCounts(first + 1, 2)
    expect(reads.length).toBe(1)
    // Past the kept span, or at another level or count, it counts again.
    expectCounts(first + 5, 4)
    expect(reads.length).toBe(2)
    expectCounts(first + 5, 4, 'start')
    expectCounts(first + 5, 4, 'overlap')
    expect(reads.length).toBe(3)
  })
})
