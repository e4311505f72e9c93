import type { FromWorker } from '../../src/worker/prepare-file.ts'
// The worker's script, built as a file of its own next to the element's (Vite's `?worker&url`).
import workerScript from '../../src/worker/worker.ts?worker&url'
import { Superseded } from './source-loader.ts'
import { saying } from '../../src/validate/say.ts'

/**
 * Past this many bytes, a JSON file is read in a worker: parsing 2 MB takes the main thread
 * about 10 ms, and a file of 100,000 events (60 MB) over a second. Below it, the worker's code
 * is never fetched.
 */
export const workerThreshold = 2_000_000

type Draft = Extract<FromWorker, { type: 'draft' }>

const workerUrl = new URL(workerScript, import.meta.url)

/** The Trusted Types API, where the browser has it. */
type TrustedTypes = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown } }

/** The name of the Trusted Types policy that lets the worker's script through: a page that enforces Trusted Types allows it. */
export const trustedTypesPolicy = 'diplomatic-timeline'

let policy: { createScriptURL(url: string): unknown } | null | undefined

/**
 * The worker's URL as a page enforcing Trusted Types accepts it: through a policy that passes
 * this one URL and nothing else. Null when the page does not allow the policy.
 */
function scriptUrl(): string | null {
  const types = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes
  if (!types) return workerUrl.href
  if (policy === undefined) {
    try {
      policy = types.createPolicy(trustedTypesPolicy, {
        createScriptURL: (url) => {
          if (url !== workerUrl.href) throw new TypeError(`${trustedTypesPolicy} passes only its worker's URL, not ${url}`)
          return url
        },
      })
    } catch {
      policy = null
    }
  }
  return policy && (policy.createScriptURL(workerUrl.href) as string)
}

/**
 * One file read in a worker (src/worker/worker.ts): the worker is started, and sent the file once
 * it has said it is ready, so that a worker that cannot start (a page whose policy forbids it, a
 * missing file) costs nothing but the wait: the file is still the page's to read itself.
 */
export class FileWorker {
  private readonly worker: Worker
  private readonly messages: FromWorker[] = []
  private wake?: () => void
  private failure?: Error

  private constructor() {
    const url = scriptUrl()
    if (url === null) throw new Error(`the page's Trusted Types do not allow the policy "${trustedTypesPolicy}"`)
    // A module worker from the element's own origin, as a strict Content-Security-Policy allows ('self').
    this.worker = new Worker(url, { type: 'module', name: 'diplomatic-timeline' })
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      this.messages.push(event.data)
      this.wake?.()
    }
    this.worker.onerror = (event) => {
      event.preventDefault()
      this.end(new Error(event.message || 'the worker could not start'))
    }
    this.worker.onmessageerror = () => this.end(new Error('a message from the worker could not be read'))
  }

  /** A worker starting, or null when none can be made here: the caller reads the file itself. */
  static create(): FileWorker | null {
    try {
      return new FileWorker()
    } catch {
      return null
    }
  }

  /** Whether the worker has started; false when it could not, or was stopped first. */
  async started(): Promise<boolean> {
    try {
      await this.next('ready')
      return true
    } catch (error) {
      this.end(error as Error)
      return false
    }
  }

  /** Sends the file (moved to the worker, not copied), and gives what drawing reads of it, with the file back. */
  async read(bytes: Uint8Array): Promise<Draft> {
    // Only a whole buffer moves; a view into a larger one is copied out first.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
    this.worker.postMessage({ bytes: own }, [own.buffer as ArrayBuffer])
    return this.next('draft')
  }

  /** The problems the full check found: none when the data is valid. */
  async problems(): Promise<Extract<FromWorker, { type: 'checked' }>['problems']> {
    const { problems, said } = await this.next('checked')
    // Each with its words for other languages again, which came beside it.
    return problems.map((p, i) => saying(p, said[i]))
  }

  /** Stops the worker; a read or check awaited rejects with `Superseded`. */
  stop(): void {
    this.end(new Superseded())
  }

  private end(failure: Error): void {
    if (this.failure) return
    this.worker.terminate()
    this.failure = failure
    this.wake?.()
  }

  private async next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    for (;;) {
      const message = this.messages.shift()
      if (message?.type === 'failed') throw new Error(message.message)
      if (message) {
        if (message.type !== type) throw new Error(`the worker sent "${message.type}" where "${type}" was due`)
        return message as Extract<FromWorker, { type: T }>
      }
      if (this.failure) throw this.failure
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
  }
}
