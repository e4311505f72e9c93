import type { LaneIndex } from './table.ts'

/** The first index in `sorted[lo, hi)` whose value is greater than `value`. */
export function after(sorted: ArrayLike<number>, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! > value) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The first index in `sorted[lo, hi)` whose value is at least `value`. */
export function atOrAfter(sorted: ArrayLike<number>, value: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! >= value) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * How many of a lane's events reach into [t0, t1] (inclusive ms): those starting by t1, less
 * those that ended before t0, which all started by then too. Two binary searches, whatever the count.
 */
export const countInWindow = (lane: LaneIndex, t0: number, t1: number): number =>
  after(lane.starts, t1) - atOrAfter(lane.sortedEnds, t0)

/**
 * The positions in the lane (indexes into `lane.rows`, so in time order) of the events that reach
 * into [t0, t1]: for each length class, a binary search finds the first start that can reach t0.
 * The work is the events returned, plus a few near the window's start, plus a search per class.
 */
export function inWindow(lane: LaneIndex, t0: number, t1: number, classes: { from: number; to: number } = { from: 0, to: lane.classes.length }): Uint32Array {
  const found: number[] = []
  for (let i = classes.from; i < classes.to; i++) {
    const c = lane.classes[i]!
    // Every event of the class lasts less than c.span: one that reaches t0 starts after t0 - span.
    const hi = after(c.starts, t1)
    for (let k = after(c.starts, t0 - c.span, 0, hi); k < hi; k++) {
      const p = c.positions[k]!
      if (lane.ends[p]! >= t0) found.push(p)
    }
  }
  // Classes come one after another: back into time order.
  return Uint32Array.from(found).sort()
}

/**
 * The first length class of the lane whose events can last longer than `span` ms: from there on,
 * events are long beside a window of that span (a war across a week of talks).
 */
export function longFrom(lane: LaneIndex, span: number): number {
  let i = 0
  while (i < lane.classes.length && lane.classes[i]!.span <= span) i++
  return i
}

/** How many events of length classes [from, to) reach into [t0, t1]: two binary searches per class. */
export function countClasses(lane: LaneIndex, t0: number, t1: number, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = lane.classes[i]!
    n += after(c.starts, t1) - atOrAfter(c.sortedEnds, t0)
  }
  return n
}
