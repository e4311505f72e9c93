import { describe, expect, it } from 'vitest'
import { binPaths, densityLevels } from '../../src/timeline/draw.ts'

/** The rectangles of a path of `M x y h w v h h -w z` commands, as [x, y, width, height]. */
const rects = (d: string) =>
  [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h(-?[\d.]+)z/g)].map((m) => {
    const [x, y, w, h, back] = m.slice(1, 6).map(Number) as [number, number, number, number, number]
    expect(back).toBe(-w)
    return [x, y, w, h] as [number, number, number, number]
  })

describe('binPaths', () => {
  const rows = [{ y: 2, height: 4, bins: [{ x: 0, width: 4, count: 4 }, { x: 8, width: 4, count: 1 }, { x: 12, width: 4, count: 2 }] }]

  it('shades lane bins by their share of the busiest bin, one path per shade, one px apart', () => {
    const paths = binPaths(rows, 'opacity')
    expect(paths.map((p) => p.opacity)).toEqual([0.363, 0.575, 1])
    expect(paths.map((p) => rects(p.d))).toEqual([[[8, 2, 3, 4]], [[12, 2, 3, 4]], [[0, 2, 3, 4]]])
    expect(paths.every((p) => p.d === rects(p.d).map(([x, y, w, h]) => `M${x} ${y}h${w}v${h}h${-w}z`).join(''))).toBe(true)
  })

  it('keeps to a few paths however many lanes and bins there are', () => {
    const many = Array.from({ length: 40 }, (_, lane) => ({
      y: lane * 30,
      height: 12,
      bins: Array.from({ length: 300 }, (_, i) => ({ x: i * 4, width: 4, count: 1 + ((i * 7 + lane) % 100) })),
    }))
    const paths = binPaths(many, 'opacity')
    expect(paths.length).toBe(densityLevels)
    expect(paths.reduce((n, p) => n + rects(p.d).length, 0)).toBe(40 * 300)
    // The faintest shade still shows; the busiest is full strength.
    expect(paths[0]!.opacity).toBeGreaterThanOrEqual(0.15)
    expect(paths.at(-1)!.opacity).toBe(1)
  })

  it('draws overview bins as bars standing on the row\'s bottom, at least 2 px tall', () => {
    const [bars, ...rest] = binPaths(rows, 'height')
    expect(rest).toEqual([])
    expect(bars!.opacity).toBe(0.6)
    // The peak fills the row (y 2 to 6); a quarter of it would be 1 px, so it is 2.
    expect(rects(bars!.d)).toEqual([[0, 2, 3, 4], [8, 4, 3, 2], [12, 4, 3, 2]])
  })

  it('gives no path for no bins, and keeps a narrow bin at least a px wide', () => {
    expect(binPaths([], 'opacity')).toEqual([])
    expect(binPaths([{ y: 0, height: 4, bins: [] }], 'height')).toEqual([])
    const [narrow] = binPaths([{ y: 0, height: 4, bins: [{ x: 1.25, width: 0.5, count: 1 }] }], 'opacity')
    expect(rects(narrow!.d)).toEqual([[1.3, 0, 1, 4]])
  })
})
