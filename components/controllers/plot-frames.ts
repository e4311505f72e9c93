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
}

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
    const key = [i.table, i.lanes, i.shown, i.x, i.width, i.selected, i.groupBy]
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
    })
  }

  /** Text is measured anew (a web font arrived): the next frame is laid out again. */
  forget(): void {
    this.last = undefined
  }
}
