import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { readLink, writeLink, type LinkState } from '../../src/timeline/link.ts'

/**
 * Keeps the view in the page's address while `enabled()` (see src/timeline/link.ts): the
 * selected event, the window, the filters and the search. The address sets the view when the
 * element connects and whenever it changes (back and forward included); the user's changes are
 * written back, a selection as a new history entry, a zoom, a filter or the search in place of
 * the entry shown, so that back goes from selection to selection, not from frame to frame.
 */
export class UrlSync implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly enabled: () => boolean,
    /** Shows the view the address describes; `first` when the element has just connected. */
    private readonly apply: (state: LinkState, first: boolean) => void,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    if (!this.enabled()) return
    window.addEventListener('hashchange', this.read)
    window.addEventListener('popstate', this.read)
    this.apply(readLink(location.hash), true)
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.read)
    window.removeEventListener('popstate', this.read)
  }

  /** Writes the view into the address: as a new history entry when `entry`, else in place of the one shown. */
  write(state: LinkState, entry: boolean): void {
    if (!this.enabled()) return
    const hash = writeLink(state)
    if (hash === location.hash) return
    const url = hash || location.pathname + location.search
    if (entry) history.pushState(history.state, '', url)
    else history.replaceState(history.state, '', url)
  }

  private read = () => this.apply(readLink(location.hash), false)
}
