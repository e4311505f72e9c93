import { describe, expect, it } from 'vitest'
import { paintBins, type Pixels } from '../../src/timeline/draw.ts'

const canvas = (width: number, height: number): Pixels => ({ width, height, data: new Uint8ClampedArray(width * height * 4) })
/** The RGBA bytes of one pixel. */
const at = (p: Pixels, x: number, y: number) => [...p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4)]
/** Which columns of a pixel row are painted, as a string of # and . */
const columns = (p: Pixels, y: number) => Array.from({ length: p.width }, (_, x) => (at(p, x, y)[3]! > 0 ? '#' : '.')).join('')

describe('paintBins', () => {
  const rows = [{ y: 2, height: 4, peak: 4, bins: [{ x: 0, width: 4, count: 4 }, { x: 8, width: 4, count: 1 }] }]
  const blue = [0x12, 0x34, 0x56, 1] as const

  it('shades lane bins by their share of the busiest bin, half a pixel apart', () => {
    const p = canvas(16, 8)
    paintBins(p, rows, blue, 'opacity')
    expect(at(p, 0, 2)).toEqual([0x12, 0x34, 0x56, 255])
    // One event of a peak of four: 0.15 + 0.85 / 4 of full strength.
    expect(at(p, 8, 5)).toEqual([0x12, 0x34, 0x56, Math.round(255 * (0.15 + 0.85 / 4))])
    expect(columns(p, 3)).toBe('###.....###.....')
    expect(columns(p, 1)).toBe('.'.repeat(16))
    expect(columns(p, 6)).toBe('.'.repeat(16))
  })

  it('draws overview bins as bars standing on the row\'s bottom', () => {
    const p = canvas(16, 8)
    paintBins(p, rows, blue, 'height')
    // The peak bin fills the row; the bin of one event is a bar of a quarter of it (at least 2 px).
    expect([2, 3, 4, 5].map((y) => columns(p, y))).toEqual(['###.............', '###.............', '###.....###.....', '###.....###.....'])
    expect(at(p, 0, 5)[3]).toBe(Math.round(255 * 0.6))
  })

  it('scales to device pixels, keeps to the canvas and clears what was painted before', () => {
    const p = canvas(16, 8)
    paintBins(p, [{ y: 0, height: 2, peak: 1, bins: [{ x: 2, width: 2, count: 1 }, { x: 6, width: 10, count: 1 }] }], blue, 'opacity', 2)
    expect(columns(p, 0)).toBe('....###.....####')
    expect(columns(p, 3)).toBe('....###.....####')
    // Narrower than a device pixel: still one.
    paintBins(p, [{ y: 0, height: 1, peak: 1, bins: [{ x: 1, width: 0.2, count: 1 }] }], blue, 'opacity', 1)
    expect(columns(p, 0)).toBe('.#..............')
    expect(columns(p, 4)).toBe('.'.repeat(16))
    paintBins(p, [], blue, 'opacity', 2, false)
    expect(p.data.some((byte) => byte !== 0)).toBe(true)
    paintBins(p, [], blue, 'opacity', 2)
    expect(p.data.every((byte) => byte === 0)).toBe(true)
  })

  it('takes the colour\'s own alpha into account', () => {
    const p = canvas(16, 8)
    paintBins(p, rows, [255, 0, 0, 0.5], 'opacity')
    expect(at(p, 0, 2)).toEqual([255, 0, 0, 128])
  })
})

