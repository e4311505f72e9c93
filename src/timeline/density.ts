import { atOrAfter } from './query.ts'

/** One bin of a density strip: how many events fall in [x, x + width) in px. */
export interface Bin {
  x: number
  width: number
  count: number
}

/**
 * Bins of `binPx` px across [0, width) over [t0, t1] ms, each counting the `starts` (sorted) in
 * it by binary search, so the work follows the pixels, not the events; empty bins are left out.
 */
export function startBins(starts: Float64Array, t0: number, t1: number, width: number, binPx: number): Bin[] {
  const msPerPx = Math.max(1, t1 - t0) / width
  const bins: Bin[] = []
  let before = atOrAfter(starts, t0)
  for (let x = 0; x < width; x += binPx) {
    // The last bin holds t1 itself.
    const upTo = atOrAfter(starts, x + binPx >= width ? t1 + 1 : t0 + (x + binPx) * msPerPx, before)
    if (upTo > before) bins.push({ x, width: binPx, count: upTo - before })
    before = upTo
  }
  return bins
}

/** The largest count among the bins; 1 when there are none, so that shares stay finite. */
export const peakOf = (bins: readonly Bin[]): number => bins.reduce((peak, b) => (b.count > peak ? b.count : peak), 1)

/**
 * Density as a pyramid of buckets: at level L, bucket b holds [b·2^L, (b+1)·2^L) in UTC ms, so
 * each bucket is the union of two at the level below and a level fits any zoom. A level is not
 * stored but counted when needed from the events' starts and ends, each sorted: two binary
 * searches per bucket, whatever the number of events, and no memory per level.
 */
export interface Sorted {
  /** The events' starts, sorted. */
  starts: Float64Array
  /** Their inclusive ends, sorted. */
  sortedEnds: Float64Array
}

/** How a bucket counts: the events that overlap it, or only those that start in it (each event once per level). */
export type CountBy = 'overlap' | 'start'

/** The level whose buckets are the smallest power-of-two span of ms at least `msPerPx` wide: one to two px each. */
export const levelFor = (msPerPx: number): number => Math.max(0, Math.ceil(Math.log2(Math.max(1, msPerPx))))

/** The width of a bucket at `level`, in ms. */
export const bucketSpan = (level: number): number => 2 ** level

/** The bucket at `level` that holds the instant `ms`. */
export const bucketOf = (ms: number, level: number): number => Math.floor(ms / bucketSpan(level))

/**
 * Counts for `n` buckets from bucket `first` at `level`. Overlap: events that start before a
 * bucket's end less those that ended before its start. Start: events that start in it. Each
 * search starts where the one before ended, as buckets go left to right.
 */
export function bucketCounts(events: Sorted, level: number, first: number, n: number, by: CountBy = 'overlap'): Int32Array {
  const counts = new Int32Array(Math.max(0, n))
  const span = bucketSpan(level)
  const { starts } = events
  const lefts = by === 'overlap' ? events.sortedEnds : starts
  let begun = atOrAfter(starts, first * span)
  let ended = atOrAfter(lefts, first * span)
  for (let i = 0; i < n; i++) {
    const b0 = (first + i) * span
    ended = atOrAfter(lefts, b0, ended)
    begun = atOrAfter(starts, b0 + span, begun)
    counts[i] = begun - ended
  }
  return counts
}

/** A level's counts over a span of buckets, kept while views fall inside it. */
interface Cached {
  level: number
  first: number
  by: CountBy
  counts: Int32Array
}

/**
 * Bucket counts that outlast a frame: counted for three times the buckets asked (the view and a
 * view either side), so that panning and small zooms within a level count nothing again, as
 * Perfetto's track cache loads more than it shows. One cache per set of sorted events.
 */
export class DensityCache {
  private cached = new WeakMap<Sorted, Cached>()

  /** The counts of buckets `first` to `first + n - 1` at `level`: a view into the kept counts. */
  counts(events: Sorted, level: number, first: number, n: number, by: CountBy = 'overlap'): Int32Array {
    let c = this.cached.get(events)
    if (!c || c.level !== level || c.by !== by || first < c.first || first + n > c.first + c.counts.length) {
      c = { level, by, first: first - n, counts: bucketCounts(events, level, first - n, 3 * n, by) }
      this.cached.set(events, c)
    }
    return c.counts.subarray(first - c.first, first - c.first + n)
  }
}
