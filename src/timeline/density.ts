/** One bin of a density strip: how many events overlap [x, x + width) in px. */
export interface Bin {
  x: number
  width: number
  count: number
}

/**
 * Counts, per bin of `binWidth` px across [0, width), the spans [x1, x2] that overlap it;
 * for drawing a lane as density when it holds too many marks to draw one by one.
 */
export function density(spans: Iterable<{ x1: number; x2: number }>, width: number, binWidth = 4): Bin[] {
  const n = Math.max(1, Math.ceil(width / binWidth))
  // A difference array makes each span O(1), however wide it is.
  const delta = new Float64Array(n + 1)
  for (const { x1, x2 } of spans) {
    if (x2 < 0 || x1 >= width) continue
    const from = Math.max(0, Math.floor(x1 / binWidth))
    const to = Math.min(n - 1, Math.floor(Math.max(x1, x2 - 0.001) / binWidth))
    delta[from]! += 1
    delta[to + 1]! -= 1
  }
  const bins: Bin[] = []
  let running = 0
  for (let i = 0; i < n; i++) {
    running += delta[i]!
    if (running > 0) bins.push({ x: i * binWidth, width: binWidth, count: running })
  }
  return bins
}
