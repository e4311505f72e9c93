import { peakOf, type Bin } from './density.ts'

/** A row of density bins to draw, in CSS px. */
export interface BinRow {
  y: number
  height: number
  bins: Bin[]
}

const tenth = (v: number) => Math.round(v * 10) / 10

/**
 * A row of bins as one SVG path of bars standing on the row's bottom, each as tall as its share
 * of the row's busiest bin (at least 2 px) and one px narrower than its slot, so that neighbours
 * read as separate: thousands of bins make one element. '' when there are none.
 */
export function barsPath(row: BinRow): string {
  const peak = peakOf(row.bins)
  let d = ''
  for (const bin of row.bins) {
    const w = tenth(Math.max(1, bin.width - 1))
    const h = tenth(Math.max(2, row.height * Math.min(1, bin.count / peak)))
    d += `M${tenth(bin.x)} ${tenth(row.y + row.height - h)}h${w}v${h}h${-w}z`
  }
  return d
}
