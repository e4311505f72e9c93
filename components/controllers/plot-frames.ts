import type { ScaleTime } from 'd3-scale'
import { DensityCache } from '../../src/timeline/density.ts'
import { plotFrame, type PlotFrame } from '../../src/timeline/frame.ts'
import type { GroupBy } from '../../src/timeline/layout.ts'
import { indexAmong, type Shown } from '../../src/timeline/shown.ts'
import type { EventTable, LaneIndex } from '../../src/timeline/table.ts'
import { densityLaneHeight, laneHeader, rowHeight, tickHeight } from '../parts/plot.ts'

/** Labelled marks in view at most: past this, the lanes with the most events are drawn on canvas, unlabelled or as density. */
const maxMarks = 150
/** A lane with more events in view than one per this many px is drawn as density rather than as unlabelled marks. */
const tickSpacing = 6

/** What a frame is made of: the plot is laid out again when one of these changes. */
export interface FrameInputs {
  table: EventTable
  lanes: LaneIndex[]
  shown: Shown
  x: ScaleTime<number, number>
  width: number
  /** The selected event's row, or -1. */
  selected: number
  groupBy: GroupBy
  /** The groups of same-day events the user opened (see layout.ts, Grouping). */
  opened: ReadonlySet<string>
  /** The events related to the selected one, whose groups stay open so that their arrows have both ends. */
  related: ReadonlySet<string>
  /** A group's label: "9 events". */
  groupLabel: (count: number) => string
}

/** Same-day events in a lane that make one mark, and how wide a day must be drawn for the mark to open by itself. */
const groupMin = 5
const openDayWidth = 320

/**
 * The plot's frames (see plotFrame): each lane drawn as fits the events it has in view, the
 * selected event, when shown, always as a labelled mark. A frame is kept while its inputs stay,
 * so hovering and other updates reuse it; the density counts are cached across frames.
 */
export class PlotFrames {
  /** The frame drawn last: hit-testing and the canvas read it. */
  last?: PlotFrame
  private key: readonly unknown[] = []
  private readonly density = new DensityCache()

  constructor(private readonly measure: (text: string) => number) {}

  frame(i: FrameInputs): PlotFrame {
    const key = [i.table, i.lanes, i.shown, i.x, i.width, i.selected, i.groupBy, i.opened, i.related, i.groupLabel]
    if (this.last && key.every((k, n) => k === this.key[n])) return this.last
    this.key = key
    return (this.last = this.layOut(i))
  }

  /** A new frame: the costly part of a render, which hovering and other updates do not redo. */
  private layOut(i: FrameInputs): PlotFrame {
    const [t0, t1] = i.x.domain().map(Number) as [number, number]
    return plotFrame(i.table, i.lanes, { t0, t1, width: i.width }, this.density, {
      groupBy: i.groupBy, measure: this.measure, rowHeight, lanePadding: 2, laneHeader, minMarkWidth: 10, maxMarks, tickSpacing,
      tickHeight, tickRows: 3, densityHeight: densityLaneHeight, selected: indexAmong(i.shown, i.selected) >= 0 ? i.selected : -1,
      grouping: { min: groupMin, open: (key, dayWidth) => dayWidth >= openDayWidth || i.opened.has(key), keep: (item) => i.related.has(item.id), label: i.groupLabel },
    })
  }

  /** Text is measured anew (a web font arrived): the next frame is laid out again. */
  forget(): void {
    this.last = undefined
  }
}
