import type { Bin } from './density.ts'

/** A row of density bins to draw, in CSS px. */
export interface BinRow {
  y: number
  height: number
  bins: Bin[]
  /** The largest count in the row, which draws at full strength. */
  peak: number
}

/** RGBA pixels, row by row, as a canvas's ImageData holds them. */
export interface Pixels {
  width: number
  height: number
  data: Uint8ClampedArray
}

/** A colour as red, green, blue (0–255) and alpha (0–1). */
export type Rgba = readonly [number, number, number, number]

// Pixels are written four bytes at a time; the byte order of a 32-bit word depends on the machine.
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
const word = (r: number, g: number, b: number, a: number) =>
  (littleEndian ? (a << 24) | (b << 16) | (g << 8) | r : (r << 24) | (g << 16) | (b << 8) | a) >>> 0

/**
 * Paints density rows into `pixels`, cleared first unless `clear` is false (a buffer just made): `opacity` shades each bin by its count
 * (lanes); `height` draws a bar chart from each row's bottom (the overview). Rows and bins are
 * in CSS px, `pixels` in device px. Bins never overlap, so each is a plain fill: thousands of
 * bins cost a few typed-array fills rather than a canvas call each.
 */
export function paintBins(pixels: Pixels, rows: readonly BinRow[], color: Rgba, style: 'opacity' | 'height', pixelRatio = 1, clear = true): void {
  const { width, height, data } = pixels
  const words = new Uint32Array(data.buffer, data.byteOffset, width * height)
  // A new buffer is already clear; not touching it spares the memory the bins leave empty.
  if (clear) words.fill(0)
  const [r, g, b, alpha] = color
  const fill = (x: number, y: number, w: number, h: number, a: number) => {
    // A bin covers the device pixels wholly inside it (one at least), so a gap of half a CSS pixel stays visible.
    const x0 = Math.max(0, Math.round(x * pixelRatio))
    const x1 = Math.min(width, Math.max(x0 + 1, Math.floor((x + w) * pixelRatio)))
    const y0 = Math.max(0, Math.round(y * pixelRatio))
    const y1 = Math.min(height, Math.round((y + h) * pixelRatio))
    if (x1 <= x0) return
    const value = word(r, g, b, Math.round(255 * alpha * a))
    for (let row = y0; row < y1; row++) words.fill(value, row * width + x0, row * width + x1)
  }
  for (const row of rows) {
    for (const bin of row.bins) {
      const share = bin.count / row.peak
      // Half a pixel apart, so that neighbouring bins read as separate.
      const w = Math.max(1, bin.width - 0.5)
      if (style === 'opacity') fill(bin.x, row.y, w, row.height, 0.15 + 0.85 * share)
      else {
        const h = Math.max(2, row.height * share)
        fill(bin.x, row.y + row.height - h, w, h, 0.6)
      }
    }
  }
}
