import type { ReactiveController, ReactiveControllerHost } from 'lit'

/** What the address says to select, or null when it says nothing (or nothing readable). */
export function selectionInHash(hash: string): string | null {
  const match = /(?:^#|&)event=([^&]+)/.exec(hash)
  if (!match) return null
  try {
    return decodeURIComponent(match[1]!)
  } catch {
    // A malformed address (a broken escape) is ignored, never thrown.
    return null
  }
}

/**
 * Keeps the selection in the page's address (#event=id) while `enabled()`: the address selects
 * on load and on every change of it, and a selection made by the user is written back.
 */
export class UrlSync implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly enabled: () => boolean,
    private readonly select: (id: string) => void,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    if (!this.enabled()) return
    window.addEventListener('hashchange', this.read)
    this.read()
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.read)
  }

  /** Writes the user's selection into the address, in place of the entry shown. */
  write(id: string | null): void {
    if (this.enabled()) history.replaceState(history.state, '', id ? `#event=${encodeURIComponent(id)}` : location.pathname + location.search)
  }

  private read = () => {
    const id = selectionInHash(location.hash)
    if (id !== null) this.select(id)
  }
}
