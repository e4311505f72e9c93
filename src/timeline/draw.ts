import { peakOf, type Bin } from './density.ts'

/** A row of density bins to draw, in CSS px. */
export interface BinRow {
  y: number
  height: number
  bins: Bin[]
}

/** Some bins drawn as one SVG path of rectangles, at one opacity. */
export interface BinPath {
  opacity: number
  d: string
}

/** How many strengths lane density is shaded in: each is one path, however many lanes and bins. */
export const densityLevels = 8

const tenth = (v: number) => Math.round(v * 10) / 10

/**
 * Density rows as a few SVG paths of rectangles, each bin one px narrower than its slot so that
 * neighbours read as separate. `opacity`: a full-height bar per bin, shaded by its share of the
 * row's peak (its largest count, drawn at full strength) in `densityLevels` steps (lanes); `height`: bars standing on the row's bottom, as
 * tall as their share (the overview). Thousands of bins make a handful of elements, not one each.
 */
export function binPaths(rows: readonly BinRow[], style: 'opacity' | 'height'): BinPath[] {
  const levels: string[][] = style === 'opacity' ? Array.from({ length: densityLevels }, () => []) : [[]]
  for (const row of rows) {
    const peak = peakOf(row.bins)
    for (const bin of row.bins) {
      const share = Math.min(1, bin.count / peak)
      const w = tenth(Math.max(1, bin.width - 1))
      if (style === 'opacity') {
        const level = Math.max(1, Math.ceil(share * densityLevels)) - 1
        levels[level]!.push(`M${tenth(bin.x)} ${row.y}h${w}v${row.height}h${-w}z`)
      } else {
        const h = tenth(Math.max(2, row.height * share))
        levels[0]!.push(`M${tenth(bin.x)} ${tenth(row.y + row.height - h)}h${w}v${h}h${-w}z`)
      }
    }
  }
  const opacity = (level: number) => (style === 'opacity' ? tenth(100 * (0.15 + (0.85 * (level + 1)) / densityLevels)) / 100 : 0.6)
  return levels.flatMap((parts, level) => (parts.length ? [{ opacity: opacity(level), d: parts.join('') }] : []))
}
