import TimelinesChart from 'timelines-chart'
import { pageDataset } from './dataset.ts'
import { timelinesChartData } from './peer-data.ts'
import { heapAfterGc, timeDraw } from './timing.ts'

const n = Number(new URLSearchParams(location.search).get('n') ?? '1000')
// Mapped before any clock starts, as the timeline's dataset is built before it: the library's own work is timed.
const data = timelinesChartData(pageDataset(n))
const stage = document.querySelector<HTMLElement>('#stage')!
const segments = () => stage.querySelectorAll('rect.series-segment').length

/**
 * Data set → timelines-chart's update done → two frames. The chart draws in a debounced update
 * and says nothing when it is done: its segments appear in one task, so the first mutation that
 * leaves segments in the stage marks the end of that update.
 */
window.benchFirstRender = () => timeDraw(() => new Promise<void>((drawn) => {
  new MutationObserver((_, observer) => {
    if (segments() === 0) return
    observer.disconnect()
    drawn()
  }).observe(stage, { childList: true, subtree: true })
  // In the timeline's box, in UTC like the data, coloured by status; no animation, as the timeline draws at once.
  new TimelinesChart(stage.appendChild(document.createElement('div')))
    .width(1200).maxHeight(700).useUtc(true).zQualitative(true).enableAnimations(false).data(data)
}))
window.benchHeap = heapAfterGc
window.benchMarks = segments
