import { scaleUtc, type ScaleTime } from 'd3-scale'
import { startBins } from '../../src/timeline/density.ts'
import { barsPath } from '../../src/timeline/draw.ts'

/**
 * The overview strip's scale and bars, each made again only when what it follows changes: the
 * scale with its domain and the width, the bars with the scale and the events shown.
 */
export class OverviewStrip {
  private cached?: { start: number; end: number; width: number; scale: ScaleTime<number, number> }
  private bars?: { scale: ScaleTime<number, number>; starts: Float64Array; height: number; d: string }

  /**
   * The strip's scale: the data's span (see overviewSpan), widened to the window at zoom 1 and
   * to the window shown, so that the brush always lies inside the strip. Shared, so not to be changed.
   */
  scale(span: [number, number], base: [number, number], window: [number, number], width: number): ScaleTime<number, number> {
    const start = Math.min(span[0], base[0], window[0])
    const end = Math.max(span[1], base[1], window[1])
    const c = this.cached
    if (!c || c.start !== start || c.end !== end || c.width !== width) {
      this.cached = { start, end, width, scale: scaleUtc().domain([start, end]).range([0, width]) }
    }
    return this.cached!.scale
  }

  /** The bars' path: how many events start in each few pixels (starts only, as one long background period would otherwise fill every bin). */
  path(scale: ScaleTime<number, number>, starts: Float64Array, height: number): string {
    const b = this.bars
    if (!b || b.scale !== scale || b.starts !== starts || b.height !== height) {
      const [e0, e1] = scale.domain().map(Number) as [number, number]
      const bins = startBins(starts, e0, e1, scale.range()[1]!, 3)
      this.bars = { scale, starts, height, d: barsPath({ y: 2, height: height - 4, bins }) }
    }
    return this.bars!.d
  }
}
