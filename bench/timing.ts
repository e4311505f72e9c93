import type { ReactiveElement } from 'lit'

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/**
 * Appends the element `create` makes (and `fill` gives its data), and returns the ms from just
 * before until its first render is on screen: `updateComplete`, then two animation frames. The
 * first lets a ResizeObserver report the width and the element redraw at it; the second shows
 * that drawing. The timeline and the reference element are both timed by this.
 */
export async function timeFirstRender<E extends ReactiveElement>(parent: Element, create: () => E, fill?: (el: E, start: number) => void): Promise<number> {
  performance.mark('bench:start')
  const start = performance.now()
  const el = create()
  parent.append(el)
  fill?.(el, start)
  await el.updateComplete
  performance.mark('bench:update-complete')
  await nextFrame()
  performance.mark('bench:first-frame')
  await nextFrame()
  performance.mark('bench:drawn')
  return performance.now() - start
}
