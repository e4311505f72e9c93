import { DataSet } from 'vis-data/peer'
import { Timeline, type DataGroup, type DataItem } from 'vis-timeline/peer'
import 'vis-timeline/styles/vis-timeline-graph2d.min.css'
import { pageDataset } from './dataset.ts'
import { visTimelineData } from './peer-data.ts'
import { heapAfterGc, timeDraw } from './timing.ts'

const n = Number(new URLSearchParams(location.search).get('n') ?? '1000')
// Mapped before any clock starts, as the timeline's dataset is built before it: the library's own work is timed.
const { groups, items } = visTimelineData(pageDataset(n))
const stage = document.querySelector<HTMLElement>('#stage')!

/** Data set (into vis-data's DataSets) → vis-timeline's first draw done (onInitialDrawComplete) → two frames. */
window.benchFirstRender = () => timeDraw(() => new Promise<void>((drawn) => {
  const container = stage.appendChild(document.createElement('div'))
  // Stacked so that items never overlap, in the timeline's box, fitted to the items as the timeline fits its events.
  new Timeline(container, new DataSet<DataItem>(items), new DataSet<DataGroup>(groups), { height: 700, verticalScroll: true, onInitialDrawComplete: drawn })
}))
window.benchHeap = heapAfterGc
window.benchMarks = () => stage.querySelectorAll('.vis-item').length
