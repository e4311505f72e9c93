import { describe, expect, it } from 'vitest'
import { barsPath } from '../../src/timeline/draw.ts'
import { startBins } from '../../src/timeline/density.ts'

/** The rectangles of a path of `M x y h w v h h -w z` commands, as [x, y, width, height]. */
const rects = (d: string) =>
  [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/g)].map((m) => {
    const [x, y, w, h, back] = m.slice(1, 6).map(Number) as [number, number, number, number, number]
    expect(back).toBe(-w)
    return [x, y, w, h] as [number, number, number, number]
  })

describe('barsPath', () => {
  const row = { y: 2, height: 4, bins: [{ x: 0, width: 4, count: 4 }, { x: 8, width: 4, count: 1 }, { x: 12, width: 4, count: 2 }] }

  it('draws bins as bars standing on the row\'s bottom, as tall as their share of the busiest, at least 2 px, one px apart', () => {
    // The peak fills the row (y 2 to 6); a quarter of it would be 1 px, so it is 2.
    expect(rects(barsPath(row))).toEqual([[0, 2, 3, 4], [8, 4, 3, 2], [12, 4, 3, 2]])
  })

  it('keeps thousands of bins in one path', () => {
    const bins = Array.from({ length: 3000 }, (_, i) => ({ x: i * 3, width: 3, count: 1 + (i % 50) }))
    expect(rects(barsPath({ y: 0, height: 20, bins })).length).toBe(3000)
  })

  it('gives an empty path for no bins, and keeps a narrow bin at least a px wide', () => {
    expect(barsPath({ y: 0, height: 4, bins: [] })).toBe('')
    expect(rects(barsPath({ y: 0, height: 4, bins: [{ x: 1.25, width: 0.5, count: 1 }] }))).toEqual([[1.3, 0, 1, 4]])
  })
})

describe('startBins', () => {
  const day = 86_400_000
  const starts = Float64Array.from([0, 0.5, 1, 2.99, 3, 9.99, 10].map((d) => d * day))

  it('counts each start once, in the bin of its pixel, the last bin holding the strip\'s end', () => {
    // 10 days over 10 px in 2 px bins: [0, 2) days, [2, 4), … and the end, day 10, in the last.
    expect(startBins(starts, 0, 10 * day, 10, 2)).toEqual([
      { x: 0, width: 2, count: 3 },
      { x: 2, width: 2, count: 2 },
      { x: 8, width: 2, count: 2 },
    ])
  })

  it('leaves out the starts outside the strip', () => {
    expect(startBins(starts, 3 * day, 9 * day, 6, 3).reduce((n, b) => n + b.count, 0)).toBe(1)
    expect(startBins(new Float64Array(0), 0, day, 100, 3)).toEqual([])
  })
})
