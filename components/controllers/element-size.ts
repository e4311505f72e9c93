import type { ReactiveController, ReactiveControllerHost } from 'lit'

/**
 * Watches the element's box: its width, given to the element on the next frame (setting it inside
 * the observer's callback changes the height and loops the observer), and its height while it
 * shows a timeline, which a new load keeps so that the page does not jump.
 */
export class ElementSize implements ReactiveController {
  /** The element's height when it last showed a timeline. */
  shownHeight = 0
  private observer?: ResizeObserver

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    /** Whether the element shows a timeline now. */
    private readonly showing: () => boolean,
    private readonly width: () => number,
    private readonly setWidth: (width: number) => void,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0)
      if (this.showing()) this.shownHeight = entry?.contentRect.height ?? 0
      if (width !== this.width()) requestAnimationFrame(() => this.setWidth(width))
    })
    this.observer.observe(this.host)
  }

  hostDisconnected(): void {
    this.observer?.disconnect()
  }
}
