/** What bench/page.ts exposes on window for bench/run.ts to call through Playwright. */
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

declare global {
  interface Window {
    /** Draws and validates another dataset of the same size (one per round, each in its own decade), then removes it. */
    benchWarmUp?: (round: number) => Promise<void>
    /** Creates the element with the page's dataset and returns ms until it is drawn. */
    benchFirstRender?: () => Promise<number>
    /** After benchFirstRender: ms from setting the data until its validation settled, and the problems found. */
    benchValidation?: () => Promise<{ ms: number; problems: number }>
    benchStats?: () => BenchStats
    /** BenchStats.axis alone, cheap enough to read while frames are being timed. */
    benchAxis?: () => string
    /** Starts recording the time between animation frames. */
    benchStartFrames?: () => void
    /** Waits for pending renders, stops recording and returns the frame durations in ms. */
    benchStopFrames?: () => Promise<number[]>
  }
}
