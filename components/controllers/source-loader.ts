import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { messagesFor, type MessageKey } from '../../src/i18n/index.ts'

/** How far a load has come: bytes read, of how many when the server says, and whether it has stopped moving. */
export interface LoadProgress {
  url: string
  received: number
  /** From Content-Length; null when the server does not say (or compresses). */
  total: number | null
  /** The whole body has arrived: it is being read as a dataset. */
  preparing: boolean
  /** No byte has arrived for the element's stall time. */
  stalled: boolean
}

/** A load that a newer one, or the element's removal, replaced: nothing to report. */
export class Superseded extends Error {
  constructor() {
    super('replaced by a newer load')
  }
}

/** Progress is told to the host at most this often, in ms: a fast load is a few frames, not one render per chunk. */
const reportEvery = 100

/** A load that failed for a reason the element says in its own language: `said` is the catalogue's message and its values, `message` the same in English. */
export class LoadFailure extends Error {
  constructor(readonly said: { key: MessageKey; values?: Readonly<Record<string, string>> }) {
    super(messagesFor('en').format(said.key, said.values))
  }
}

/**
 * Fetches a dataset's bytes for an element: the newest request wins, and an older one is aborted,
 * closing its connection, as is any load when the element leaves the page. The body is read as
 * a stream, so that the element can show the bytes read and say when nothing has come for a while.
 */
export class SourceLoader implements ReactiveController {
  /** The load under way, or null. */
  progress: LoadProgress | null = null
  private controller?: AbortController
  private stallTimer?: ReturnType<typeof setTimeout>
  private lastReport = 0

  constructor(
    private readonly host: ReactiveControllerHost,
    /** How long, in ms, a load may receive nothing before it is said to have stalled. */
    private readonly stallAfter: () => number,
  ) {
    host.addController(this)
  }

  hostDisconnected(): void {
    this.cancel()
  }

  /** Stops the load under way, if any: its promise rejects with `Superseded`. */
  cancel(): void {
    this.controller?.abort(new Superseded())
    this.controller = undefined
    clearTimeout(this.stallTimer)
    if (this.progress) {
      this.progress = null
      this.host.requestUpdate()
    }
  }

  /**
   * The bytes at `url`. `revalidate` asks the server again even when the browser holds a fresh
   * copy, as after the file was saved. Rejects with `Superseded` when replaced, and with an Error
   * that says what went wrong otherwise.
   */
  async load(url: string, revalidate = false): Promise<Uint8Array> {
    this.cancel()
    const controller = (this.controller = new AbortController())
    const { signal } = controller
    const progress: LoadProgress = (this.progress = { url, received: 0, total: null, preparing: false, stalled: false })
    this.watch(progress)
    this.host.requestUpdate()
    try {
      const response = await fetch(url, { signal, cache: revalidate ? 'no-cache' : 'default' })
      const status = `${response.status} ${response.statusText}`.trim()
      if (!response.ok) throw new LoadFailure({ key: 'serverAnswered', values: { status } })
      // Dev servers and single-page apps answer a wrong path with their HTML page rather than a 404.
      if (/html/i.test(response.headers.get('content-type') ?? '')) {
        throw new LoadFailure({ key: 'serverSentPage' })
      }
      const length = Number(response.headers.get('content-length'))
      // A compressed body's length is of the compressed bytes, not of those read.
      progress.total = length > 0 && !response.headers.get('content-encoding') ? length : null
      const bytes = await this.read(response, progress, signal)
      progress.preparing = true
      this.host.requestUpdate()
      return bytes
    } catch (error) {
      if (signal.aborted) throw new Superseded()
      throw error
    } finally {
      clearTimeout(this.stallTimer)
      if (this.controller === controller) this.controller = undefined
    }
  }

  /** The load is over (drawn or failed): nothing more to show. */
  done(): void {
    if (!this.progress || this.controller) return
    this.progress = null
    this.host.requestUpdate()
  }

  private async read(response: Response, progress: LoadProgress, signal: AbortSignal): Promise<Uint8Array> {
    if (!response.body) return new Uint8Array(await response.arrayBuffer())
    const reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    for (;;) {
      const { done, value } = await reader.read()
      if (signal.aborted) throw new Superseded()
      if (done) break
      chunks.push(value)
      progress.received += value.byteLength
      this.watch(progress)
      const now = performance.now()
      if (now - this.lastReport >= reportEvery) {
        this.lastReport = now
        this.host.requestUpdate()
      }
    }
    if (chunks.length === 1) return chunks[0]!
    const bytes = new Uint8Array(progress.received)
    let at = 0
    for (const chunk of chunks) {
      bytes.set(chunk, at)
      at += chunk.byteLength
    }
    return bytes
  }

  /** (Re)starts the clock that says the load has stalled when nothing more arrives in time. */
  private watch(progress: LoadProgress) {
    clearTimeout(this.stallTimer)
    if (progress.stalled) {
      progress.stalled = false
      this.host.requestUpdate()
    }
    this.stallTimer = setTimeout(() => {
      if (this.progress !== progress) return
      progress.stalled = true
      this.host.requestUpdate()
    }, this.stallAfter())
  }
}
