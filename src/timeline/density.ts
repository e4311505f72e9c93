/** One bin of a density strip: how many events overlap [x, x + width) in px. */
export interface Bin {
  x: number
  width: number
  count: number
}

/**
 * Counts, per bin of `binWidth` px across [0, width), the spans [x1, x2] added to it, for
 * drawing a lane as density when it holds too many marks to draw one by one. A
 * difference array makes each span O(1), however wide it is, and nothing is allocated per span:
 * a lane of thousands of events costs one typed array.
 */
export class DensityCounter {
  /** Whole counts: a running sum of them stays a small integer, which V8 does not allocate. */
  private readonly delta: Int32Array
  private readonly n: number
  /** How many spans were added, in view or not. */
  added = 0

  constructor(
    private readonly width: number,
    private readonly binWidth = 4,
  ) {
    this.n = Math.max(1, Math.ceil(width / binWidth))
    this.delta = new Int32Array(this.n + 1)
  }

  add(x1: number, x2: number): void {
    this.added++
    if (x2 < 0 || x1 >= this.width) return
    const from = Math.max(0, Math.floor(x1 / this.binWidth))
    const to = Math.min(this.n - 1, Math.floor(Math.max(x1, x2 - 0.001) / this.binWidth))
    this.delta[from]! += 1
    this.delta[to + 1]! -= 1
  }

  /** The bins that hold at least one span, left to right. */
  bins(): Bin[] {
    const bins: Bin[] = []
    let running = 0
    for (let i = 0; i < this.n; i++) {
      running += this.delta[i]!
      if (running > 0) bins.push({ x: i * this.binWidth, width: this.binWidth, count: running })
    }
    return bins
  }
}

/** The largest count among the bins; 1 when there are none, so that shares stay finite. */
export const peakOf = (bins: readonly Bin[]): number => bins.reduce((peak, b) => (b.count > peak ? b.count : peak), 1)
