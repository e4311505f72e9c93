import type { ReactiveControllerHost } from 'lit'

/** The parts shown only after some input (a selection: its details and relations; the List button): each is fetched when first shown. */
const loaders = {
  details: () => import('./details.ts'),
  list: () => import('./list.ts'),
  relations: () => import('./relations.ts'),
}
type Loaders = typeof loaders
type Part<K extends keyof Loaders> = Awaited<ReturnType<Loaders[K]>>

/** The host's messages, which the first paint has only some of (see Messages.complete). */
export interface LaterWords {
  complete(): boolean
  /** Fetches the others, and gives the host its messages with every message. */
  load(): Promise<unknown>
}

/**
 * The parts the first paint does without, fetched when first shown with the messages they need:
 * `get` gives a part once both have arrived, and until then fetches them and has the host update
 * when they arrive. The host's `updateComplete` waits for what is under way (`settled`), so that
 * a page or a test that sets `selected` and awaits it finds the details drawn.
 * @example const details = this.later.get('details') // undefined for a moment, then the module
 */
export class LaterParts {
  private readonly parts = new Map<keyof Loaders, unknown>()
  private readonly asked = new Set<keyof Loaders>()
  private words?: Promise<unknown>
  private readonly pending = new Set<Promise<unknown>>()

  constructor(private readonly host: ReactiveControllerHost, private readonly messages: LaterWords) {}

  /** A part, or undefined while it or its messages are fetched (a failed fetch is tried again at the next update). */
  get<K extends keyof Loaders>(name: K): Part<K> | undefined {
    if (!this.parts.has(name) && !this.asked.has(name)) {
      this.asked.add(name)
      void this.wait(loaders[name]().then(
        (part) => {
          this.parts.set(name, part)
          this.host.requestUpdate()
        },
        () => void this.asked.delete(name),
      ))
    }
    if (this.messages.complete()) return this.parts.get(name) as Part<K> | undefined
    this.words ??= this.wait(this.messages.load().catch(() => undefined).finally(() => (this.words = undefined)))
    return undefined
  }

  /** Has `settled` wait for `work` too. */
  private wait<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work)
    const done = () => void this.pending.delete(work)
    work.then(done, done)
    return work
  }

  /** Whether anything is under way. */
  get busy(): boolean {
    return this.pending.size > 0
  }

  /** Settles once what is under way has arrived or failed. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled(this.pending)
  }
}
