/**
 * Lets a vertical swipe over the plot scroll the page while a horizontal drag pans and a pinch
 * zooms. The plot asks the browser for vertical panning only (`touch-action: pan-y`); d3-zoom,
 * which cancels every touch move it handles, hears a one-finger gesture only once it is seen to
 * go sideways. Seen from the first moves past a few pixels; a second finger makes it a pinch.
 * Listens in the capture phase on the plot itself, so it runs before d3-zoom's listeners there.
 * Returns a function that removes the listeners.
 */
export function splitTouchByAxis(plot: Element, slop = 8): () => void {
  let axis: 'pending' | 'x' | 'y' = 'x'
  let x0 = 0
  let y0 = 0
  const start = (event: Event) => {
    const { touches } = event as TouchEvent
    if (touches.length > 1) return void (axis = 'x')
    axis = 'pending'
    x0 = touches[0]!.clientX
    y0 = touches[0]!.clientY
  }
  const move = (event: Event) => {
    const { touches } = event as TouchEvent
    if (touches.length > 1) axis = 'x'
    if (axis === 'pending') {
      const [dx, dy] = [Math.abs(touches[0]!.clientX - x0), Math.abs(touches[0]!.clientY - y0)]
      if (Math.max(dx, dy) >= slop) axis = dy > dx ? 'y' : 'x'
    }
    // Not d3-zoom's to cancel: the browser scrolls the page (or waits to see which way the finger goes).
    if (axis !== 'x') event.stopImmediatePropagation()
  }
  const options = { capture: true, passive: true }
  plot.addEventListener('touchstart', start, options)
  plot.addEventListener('touchmove', move, options)
  return () => {
    plot.removeEventListener('touchstart', start, options)
    plot.removeEventListener('touchmove', move, options)
  }
}
