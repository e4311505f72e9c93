import '../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../components/diplomatic-timeline.ts'
import type { BenchStats } from './api.ts'
import { pageDataset } from './dataset.ts'
import { heapAfterGc, nextFrame, timeDraw, timeFirstRender } from './timing.ts'

const params = new URLSearchParams(location.search)
const n = Number(params.get('n') ?? '1000')
/** An Arrow file of the dataset to load through `src` instead of setting `data`. */
const src = params.get('src')
// Built before any clock starts: only the element's own work is timed.
const dataset = src ? undefined : pageDataset(n)
const stage = document.querySelector<HTMLElement>('#stage')!
let element: DiplomaticTimeline | undefined

/** When the element's data validation settled, timed as it happens rather than when asked. */
let validated: Promise<{ ms: number; problems: number }> | undefined

window.benchWarmUp = async (round) => {
  // Another dataset, in another decade: the code is compiled and run, no date or label is cached.
  const el = document.createElement('diplomatic-timeline')
  stage.append(el)
  el.data = pageDataset(n, 2, 1990 - 10 * round)
  await el.updateComplete
  const problems = await el.validation
  // A warm-up on data the element refuses would warm up the error path instead.
  if (problems.length > 0) throw new Error(`the warm-up dataset ${round} has ${problems.length} problems: ${problems[0]!.message}`)
  await nextFrame()
  await nextFrame()
  el.remove()
}

window.benchFirstRender = async () => {
  element?.remove()
  if (src) return timeSrcRender(src)
  return timeFirstRender(stage, () => document.createElement('diplomatic-timeline'), (el, start) => {
    element = el
    el.data = dataset
    validated = el.validation.then((problems) => ({ ms: performance.now() - start, problems: problems.length }))
  })
}

/** The main thread's long tasks from setting `src` until the check ended. */
let loadTasks: Promise<number[]> | undefined

/** From setting `src` until the timeline is drawn: the fetch, reading the file and the first render, then two frames. */
function timeSrcRender(url: string): Promise<number> {
  return timeDraw(async (start) => {
    const tasks: number[] = []
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)))
    observer.observe({ type: 'longtask' })
    const el = document.createElement('diplomatic-timeline')
    element = el
    el.src = url
    stage.append(el)
    validated = el.validation.then((problems) => ({ ms: performance.now() - start, problems: problems.length }))
    loadTasks = validated.then(async () => {
      // Drawn after the check too, when the check is what made the data drawable.
      await el.updateComplete
      await nextFrame()
      tasks.push(...observer.takeRecords().map((entry) => entry.duration))
      observer.disconnect()
      return tasks
    })
    // Drawn once the plot is there: until then the element shows its loading state, or an error.
    while (!el.shadowRoot?.querySelector('svg.plot, [role="alert"]')) await el.updateComplete.then(nextFrame)
  })
}

window.benchValidation = () => validated!
window.benchLoadTasks = () => loadTasks!
window.benchHeap = heapAfterGc

const axis = () => [...(element?.shadowRoot?.querySelectorAll('.tick text') ?? [])].map((t) => t.textContent).join('|')

window.benchAxis = async () => {
  await element?.updateComplete
  return axis()
}

window.benchStats = (): BenchStats => {
  const root = element?.shadowRoot ?? null
  const heapBytes = heapAfterGc()
  const svg = root?.querySelector('svg.plot')
  let plot: BenchStats['plot'] = null
  if (svg) {
    const box = svg.getBoundingClientRect()
    const view = stage.getBoundingClientRect()
    const [left, top] = [Math.max(box.left, view.left), Math.max(box.top, view.top)]
    const [right, bottom] = [Math.min(box.right, view.right, innerWidth), Math.min(box.bottom, view.bottom, innerHeight)]
    plot = { x: left, y: top, width: right - left, height: bottom - top, top: box.top }
  }
  return {
    domNodes: root?.querySelectorAll('*').length ?? 0,
    heapBytes,
    alert: root?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
    axis: axis(),
    plot,
  }
}

let frames: number[] = []
let longTasks: number[] = []
let observer: PerformanceObserver | undefined
let recording = false
let last = 0

const tick = (time: number) => {
  if (!recording) return
  if (last) frames.push(time - last)
  last = time
  requestAnimationFrame(tick)
}

window.benchStartFrames = () => {
  frames = []
  longTasks = []
  last = 0
  recording = true
  observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)))
  observer.observe({ type: 'longtask' })
  requestAnimationFrame(tick)
}

window.benchStopFrames = async () => {
  await element?.updateComplete
  await nextFrame()
  await nextFrame()
  recording = false
  // Entries not yet handed to the callback.
  longTasks.push(...(observer?.takeRecords().map((entry) => entry.duration) ?? []))
  observer?.disconnect()
  return { frames, longTasks }
}
