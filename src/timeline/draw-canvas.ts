import type { DensityLane, PlotFrame } from './frame.ts'
import { Flag } from './table.ts'

/** The few calls of a 2D canvas context that drawing makes: a test can record them. */
export type Canvas2D = Pick<CanvasRenderingContext2D, 'setTransform' | 'clearRect' | 'beginPath' | 'rect' | 'arc' | 'moveTo' | 'fill' | 'stroke' | 'fillRect'> & {
  fillStyle: CanvasRenderingContext2D['fillStyle']
  strokeStyle: CanvasRenderingContext2D['strokeStyle']
  globalAlpha: number
  lineWidth: number
}

/** Colours resolved from the element's custom properties. */
export interface CanvasColors {
  accent: string
  planned: string
  muted: string
}

/** How many strengths density is shaded in, as in the SVG it replaces: one fill each. */
export const densityShades = 8

/** The opacity of density shade `level` (0 to densityShades - 1). */
export const shadeOpacity = (level: number): number => 0.15 + (0.85 * (level + 1)) / densityShades

/**
 * Draws the frame's unlabelled marks and density, a pure function of the frame: the same frame
 * gives the same calls. `ratio` is the device pixel ratio; the frame is in CSS px from the lanes'
 * top-left. Runs of buckets of one shade are one rectangle, and each shade is filled once.
 * `reversed` mirrors the drawing, for time that runs right to left (the canvas holds no text).
 */
export function drawFrame(ctx: Canvas2D, frame: PlotFrame, colors: CanvasColors, ratio: number, height: number, reversed = false): void {
  ctx.setTransform(reversed ? -ratio : ratio, 0, 0, ratio, reversed ? frame.width * ratio : 0, 0)
  ctx.clearRect(0, 0, frame.width, height)
  // A lane's density in the accent; the band of its long events quieter, in the muted colour.
  drawDensity(ctx, frame.width, frame.density.filter((d) => !d.long), colors.accent, 1)
  drawDensity(ctx, frame.width, frame.density.filter((d) => d.long), colors.muted, 0.5)
  ctx.globalAlpha = 1
  ctx.lineWidth = 1.5
  // Planned marks are hollow, in their own colour; cancelled ones muted; the rest filled.
  for (const [style, fill, test] of [
    [colors.accent, true, (f: number) => !(f & (Flag.planned | Flag.cancelled))],
    [colors.muted, true, (f: number) => (f & Flag.cancelled) !== 0],
    [colors.planned, false, (f: number) => (f & Flag.planned) !== 0 && !(f & Flag.cancelled)],
  ] as const) {
    ctx.beginPath()
    for (const t of frame.ticks) {
      for (let i = 0; i < t.x1.length; i++) {
        const flags = t.flags[i]!
        if (!test(flags)) continue
        const [x1, x2, y] = [t.x1[i]!, t.x2[i]!, t.y[i]!]
        if (flags & Flag.dot) {
          const r = Math.min(t.height, x2 - x1) / 2
          ctx.moveTo((x1 + x2) / 2 + r, y + t.height / 2)
          ctx.arc((x1 + x2) / 2, y + t.height / 2, r, 0, 2 * Math.PI)
        } else ctx.rect(x1, y, x2 - x1, t.height)
      }
    }
    if (fill) {
      ctx.fillStyle = style
      ctx.fill()
    } else {
      ctx.strokeStyle = style
      ctx.stroke()
    }
  }
}

/** Density rows, shaded by each bucket's share of its row's peak (at `strength` times the shade's opacity): runs of one shade are one rectangle, and each shade one fill. */
function drawDensity(ctx: Canvas2D, width: number, rows: readonly DensityLane[], color: string, strength: number) {
  // One pass over the buckets gathers each shade's runs (x, y, width, height); then each shade is one fill.
  const runs: number[][] = Array.from({ length: densityShades }, () => [])
  for (const d of rows) {
    let [from, shade] = [0, -1]
    for (let i = 0; i <= d.counts.length; i++) {
      const count = i < d.counts.length ? d.counts[i]! : 0
      const level = count === 0 ? -1 : Math.max(1, Math.ceil((count / d.peak) * densityShades)) - 1
      if (level === shade) continue
      if (shade >= 0) {
        const x = Math.max(0, d.x0 + from * d.step)
        runs[shade]!.push(x, d.y, Math.max(1, Math.min(width, d.x0 + i * d.step) - x), d.height)
      }
      ;[from, shade] = [i, level]
    }
  }
  ctx.fillStyle = color
  for (let shade = 0; shade < densityShades; shade++) {
    const r = runs[shade]!
    if (r.length === 0) continue
    ctx.beginPath()
    for (let k = 0; k < r.length; k += 4) ctx.rect(r[k]!, r[k + 1]!, r[k + 2]!, r[k + 3]!)
    ctx.globalAlpha = shadeOpacity(shade) * strength
    ctx.fill()
  }
}
