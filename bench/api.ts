/** What the pages under bench/ expose on window for bench/run.ts to call through Playwright. */
export interface BenchStats {
  /** Elements in the timeline's shadow root. */
  domNodes: number
  /** performance.memory.usedJSHeapSize after a forced GC; null outside Chromium. */
  heapBytes: number | null
  /** Text of the element's error alert, if it shows one. */
  alert: string | null
  /** The axis tick labels, to tell whether zoom or pan moved the view. */
  axis: string
  /** The plot's visible part and its top edge (the axis strip, where no mark is), in viewport pixels. */
  plot: { x: number; y: number; width: number; height: number; top: number } | null
}

/** What happened while input was being given: the time between animation frames, and the main thread's long tasks. */
export interface BenchInteraction {
  /** ms between successive animation frames. */
  frames: number[]
  /** Durations in ms of the tasks the browser reported as long (over 50 ms). */
  longTasks: number[]
}

declare global {
  interface Window {
    /** Draws and validates another dataset of the same size (one per round, each in its own decade), then removes it. */
    benchWarmUp?: (round: number) => Promise<void>
    /** Draws the page's dataset (the timeline, the reference element or a peer) and returns ms until it is on screen. */
    benchFirstRender?: () => Promise<number>
    /** The JS heap in bytes after a forced GC; null outside Chromium. */
    benchHeap?: () => number | null
    /** On a peer's page: how many event marks it drew. */
    benchMarks?: () => number
    /** After benchFirstRender: ms from setting the data until its validation settled, and the problems found. */
    benchValidation?: () => Promise<{ ms: number; problems: number }>
    /** After benchFirstRender of a file named by `src`: the durations of the main thread's long tasks from `src` until the check ended. */
    benchLoadTasks?: () => Promise<number[]>
    benchStats?: () => BenchStats
    /** BenchStats.axis once the element has drawn what it was last asked to. */
    benchAxis?: () => Promise<string>
    /** Starts recording frames and long tasks. */
    benchStartFrames?: () => void
    /** Waits for pending renders, stops recording and returns what was recorded. */
    benchStopFrames?: () => Promise<BenchInteraction>
  }
}
