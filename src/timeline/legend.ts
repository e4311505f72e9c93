import { DateShape } from '../dates/edtf.ts'
import { LaneMode, type PlotFrame } from './frame.ts'
import { Flag } from './table.ts'

/** The encodings a view can show, each one entry of a legend. */
export const LegendKey = {
  day: 'day',
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

/** What each entry says beside its swatch (which draws the mark, or the ~ and ?), in English. */
export const legendText: Record<LegendKey, string> = {
  day: 'a day',
  span: 'a span of time',
  'one-of': 'one unknown day in the span',
  approximate: 'approximate date',
  uncertain: 'uncertain date',
  planned: 'planned or postponed',
  cancelled: 'cancelled',
  disputed: 'attribution disputed',
  density: 'many events: darker is more',
  'as-of': 'the source’s date (“as of”)',
}

/**
 * The encodings the view draws, in the legend's order: only those present, so that a legend
 * never explains what is not on screen. A function of the frame, like the drawing.
 */
export function legendOf(frame: PlotFrame, asOf: boolean): LegendKey[] {
  const present = new Set<LegendKey>()
  for (const { item, dot } of frame.marks) {
    present.add(dot ? LegendKey.day : LegendKey.span)
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
