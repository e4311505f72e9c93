import type { ReactiveElement } from 'lit'

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/**
 * Returns the ms from just before `draw` starts until what it drew is on screen: `draw` settles
 * when the library says it has rendered, then two animation frames pass. The first lets a
 * ResizeObserver report the width and the drawing follow it; the second shows that drawing. The
 * timeline, the reference element and the peers are all timed by this.
 */
export async function timeDraw(draw: (start: number) => Promise<unknown>): Promise<number> {
  performance.mark('bench:start')
  const start = performance.now()
  await draw(start)
  performance.mark('bench:update-complete')
  await nextFrame()
  performance.mark('bench:first-frame')
  await nextFrame()
  performance.mark('bench:drawn')
  return performance.now() - start
}

/** Appends the element `create` makes (and `fill` gives its data), and times it as far as `updateComplete`, then two frames. */
export function timeFirstRender<E extends ReactiveElement>(parent: Element, create: () => E, fill?: (el: E, start: number) => void): Promise<number> {
  return timeDraw((start) => {
    const el = create()
    parent.append(el)
    fill?.(el, start)
    return el.updateComplete
  })
}

/** performance.memory.usedJSHeapSize after a forced GC (Chromium with --expose-gc); null elsewhere. */
export function heapAfterGc(): number | null {
  ;(window as { gc?: () => void }).gc?.()
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory
  return memory ? memory.usedJSHeapSize : null
}
