import { DateShape } from '../dates/edtf.ts'
import { LaneMode, type PlotFrame } from './frame.ts'
import { Flag } from './table.ts'

/** The encodings a view can show, each one entry of a legend. */
export const LegendKey = {
  key: 'key',
  context: 'context',
  day: 'day',
  group: 'group',
  span: 'span',
  oneOf: 'one-of',
  approximate: 'approximate',
  uncertain: 'uncertain',
  planned: 'planned',
  cancelled: 'cancelled',
  disputed: 'disputed',
  density: 'density',
  asOf: 'as-of',
} as const
export type LegendKey = (typeof LegendKey)[keyof typeof LegendKey]

/**
 * The encodings the view draws, in the legend's order: only those present, so that a legend
 * never explains what is not on screen. A function of the frame, like the drawing.
 */
export function legendOf(frame: PlotFrame, asOf: boolean): LegendKey[] {
  const present = new Set<LegendKey>()
  for (const { item, dot, x1, x2, group } of frame.marks) {
    // Marks just outside the window are laid out for a pan to come, not drawn in view.
    if (x2 <= 0 || x1 >= frame.width) continue
    present.add(group ? LegendKey.group : dot ? LegendKey.day : LegendKey.span)
    if (item.emphasis === 'key') present.add(LegendKey.key)
    if (item.emphasis === 'context') present.add(LegendKey.context)
    if (item.shape === DateShape.oneOf) present.add(LegendKey.oneOf)
    if (item.label.startsWith('~')) present.add(LegendKey.approximate)
    if (/^~?\?/.test(item.label)) present.add(LegendKey.uncertain)
    if (item.status === 'planned' || item.status === 'postponed') present.add(LegendKey.planned)
    if (item.status === 'cancelled') present.add(LegendKey.cancelled)
    if (item.disputed) present.add(LegendKey.disputed)
  }
  for (const lane of frame.ticks) {
    for (const flags of lane.flags) {
      present.add(flags & Flag.dot ? LegendKey.day : LegendKey.span)
      if (flags & Flag.oneOf) present.add(LegendKey.oneOf)
      if (flags & Flag.planned) present.add(LegendKey.planned)
      if (flags & Flag.cancelled) present.add(LegendKey.cancelled)
      if (flags & Flag.disputed) present.add(LegendKey.disputed)
    }
  }
  if (frame.lanes.some((lane) => lane.mode === LaneMode.density || lane.long > 0)) present.add(LegendKey.density)
  if (asOf) present.add(LegendKey.asOf)
  return (Object.values(LegendKey) as LegendKey[]).filter((key) => present.has(key))
}

/** The colours a swatch is drawn in: the element's palette (its --dt-* properties). */
export type Ink = 'fg' | 'bg' | 'accent' | 'planned' | 'disputed' | 'muted'

/** One shape of a swatch, 24 px wide and centred on y = 0: the same drawing in the legend part and in an exported picture. */
export interface SwatchShape {
  tag: 'circle' | 'rect' | 'line' | 'text'
  at: Partial<Record<'x' | 'y' | 'width' | 'height' | 'rx' | 'cx' | 'cy' | 'r' | 'x1' | 'y1' | 'x2' | 'y2', number>>
  fill?: Ink
  stroke?: Ink
  dash?: string
  /** The fill's opacity (stroke's too, a little more). */
  opacity?: number
  /** A letter's text and font size in px. */
  text?: string
  size?: number
}

const bar = (fill: Ink | undefined, stroke: Ink, dash?: string): SwatchShape => ({ tag: 'rect', at: { x: 0, y: -6, width: 24, height: 12, rx: 3 }, fill, stroke, ...(dash ? { dash } : {}) })
const letter = (text: string, fill: Ink, size: number): SwatchShape => ({ tag: 'text', at: { x: 12, y: size / 3 }, fill, text, size })

/** How a legend entry's swatch is drawn: as the plot draws that encoding. */
export function swatchOf(key: LegendKey): SwatchShape[] {
  switch (key) {
    case LegendKey.key: return [{ tag: 'circle', at: { cx: 12, cy: 0, r: 7 }, fill: 'accent' }]
    case LegendKey.context: return [{ ...bar('accent', 'accent'), opacity: 0.4 }]
    case LegendKey.day: return [{ tag: 'circle', at: { cx: 12, cy: 0, r: 5 }, fill: 'accent' }]
    case LegendKey.group: return [{ tag: 'circle', at: { cx: 12, cy: 0, r: 8 }, fill: 'accent' }]
    case LegendKey.span: return [bar('accent', 'accent')]
    case LegendKey.oneOf: return [bar(undefined, 'accent'), ...[0, 5, 10, 15, 20].map((x): SwatchShape => ({ tag: 'line', at: { x1: x, y1: 6, x2: x + 6, y2: -6 }, stroke: 'accent' }))]
    case LegendKey.approximate: return [letter('~', 'fg', 14)]
    case LegendKey.uncertain: return [letter('?', 'fg', 14)]
    case LegendKey.planned: return [bar('bg', 'planned', '3 2')]
    case LegendKey.cancelled: return [bar('bg', 'muted', '1 2')]
    case LegendKey.disputed: return [{ tag: 'circle', at: { cx: 12, cy: 0, r: 6 }, fill: 'disputed' }, letter('!', 'bg', 10)]
    case LegendKey.density: return [0, 1, 2, 3].map((i): SwatchShape => ({ tag: 'rect', at: { x: i * 6, y: -6, width: 6, height: 12 }, fill: 'accent', opacity: 0.25 + i * 0.25 }))
    case LegendKey.asOf: return [{ tag: 'line', at: { x1: 12, y1: -8, x2: 12, y2: 8 }, stroke: 'planned', dash: '4 3' }]
  }
}
