import type { Bin } from './density.ts'

/** A row of density bins to draw, in canvas px. */
export interface BinRow {
  y: number
  height: number
  bins: Bin[]
  /** The largest count in the row, which draws at full strength. */
  peak: number
}

/** The part of CanvasRenderingContext2D this needs, so Node tests can pass a recorder. */
export type Canvas2D = Pick<CanvasRenderingContext2D, 'clearRect' | 'fillRect' | 'fillStyle' | 'globalAlpha' | 'setTransform'>

/**
 * Draws density rows: `opacity` shades each bin by its count (lanes); `height` draws a bar
 * chart from each row's bottom (the overview). A pure function of the rows and the colour.
 */
export function drawBins(ctx: Canvas2D, rows: readonly BinRow[], color: string, style: 'opacity' | 'height', pixelRatio = 1): void {
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0)
  ctx.clearRect(0, 0, 1e6, 1e6)
  ctx.fillStyle = color
  for (const row of rows) {
    for (const bin of row.bins) {
      const share = bin.count / row.peak
      if (style === 'opacity') {
        ctx.globalAlpha = 0.15 + 0.85 * share
        ctx.fillRect(bin.x, row.y, Math.max(1, bin.width - 0.5), row.height)
      } else {
        const h = Math.max(2, row.height * share)
        ctx.globalAlpha = 0.6
        ctx.fillRect(bin.x, row.y + row.height - h, Math.max(1, bin.width - 0.5), h)
      }
    }
  }
  ctx.globalAlpha = 1
}
