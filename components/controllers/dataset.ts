import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { ArrowDataset } from '../../src/formats/arrow.ts'
import { detectFormat } from '../../src/formats/catalogue.ts'
import { messagesFor, type MessageKey, type Messages } from '../../src/i18n/index.ts'
import { messageOf } from '../../src/message-of.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { drawable } from '../../src/timeline/events.ts'
import { prepareColumns, prepareDataset, type Prepared } from '../../src/timeline/prepare.ts'
import { atStart } from '../../src/validate/at-start.ts'
import { stripBom } from '../../src/validate/bom.ts'
import type { Problem, ValidationResult } from '../../src/validate/index.ts'
import { problemCount } from '../../src/validate/problem-count.ts'
import type { FileWorker } from './file-worker.ts'
import { LoadFailure, SourceLoader, Superseded } from './source-loader.ts'

export type Ready = Prepared & { state: 'ready' }

/**
 * A message of the catalogue and its values (some of them messages too), worded when shown: in the
 * element's language then, so that a change of locale re-words an alert already on screen.
 * @example wordsOf({ key: 'readFailed', values: { origin: 'a.json' } }, messagesFor('fr')) // "Impossible de lire a.json"
 */
export interface Said {
  readonly key: MessageKey
  readonly values?: Readonly<Record<string, string | number | Said>>
}

/** A `Said` in the words of `messages`. */
export function wordsOf({ key, values = {} }: Said, messages: Messages): string {
  const filled = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'object' ? wordsOf(value, messages) : value]))
  return messages.format(key, filled)
}

export type Load =
  | { state: 'empty' }
  | { state: 'loading' }
  | Ready
  /**
   * `previous` is the last valid data, still shown under the alert, so a bad edit loses nothing on
   * screen. `reason`: the problem is with the whole load (a network failure), at no place in a
   * text; it is shown in place of `problems`, which say it in English for `validation`.
   */
  | { state: 'error'; title: Said; problems: Problem[]; reason?: Said | string; previous?: Ready }

const asReady = (prepared: Prepared | null): Ready | null => prepared && { ...prepared, state: 'ready' }

/**
 * Validation (the JSON Schema validator, the messages, the general EDTF grammar) is a separate
 * module, fetched after the first paint (see ingest): the timeline is drawn first, and checked
 * while it shows.
 */
const loadValidator = () => import('../../src/validate/index.ts')

/** Past this many bytes, a fetched file is big enough that reading it is said before it is done. Below `workerThreshold`. */
const largeFile = 1_000_000

/**
 * The worker's client and what reads the columns it sends, fetched for a large JSON file only;
 * null when they do not load, and the page reads the file itself.
 */
const loadWorkerClient = () => Promise.all([import('./file-worker.ts'), import('../../src/timeline/transfer.ts')])
  .then(([{ FileWorker, workerThreshold }, { eventColumnsOf }]) => ({ FileWorker, workerThreshold, eventColumnsOf }), () => null)
type WorkerClient = NonNullable<Awaited<ReturnType<typeof loadWorkerClient>>>

/** After the next paint, or soon in a hidden page, which paints nothing. */
const afterPaint = () => new Promise<void>((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve))
  setTimeout(resolve, 100)
})

/** After the tasks already waiting: input, and a frame when one is due. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve))

/** Where data came from: its address or file name, or null for the element's `data` property. */
type Origin = string | null

/** The title of a file that could not be read. */
const readFailed = (origin: string): Said => ({ key: 'readFailed', values: { origin } })

/** What the dataset controller reads of its element. */
export interface DatasetHost extends ReactiveControllerHost {
  readonly selected: string | null
  /** The check of the data given last (see DiplomaticTimeline.validation). */
  readonly validation: Promise<Problem[]>
  stallTimeout: number
}

/**
 * The element's data: loading it (the newest request wins), drawing it as soon as it has the
 * shape of a dataset, checking it in steps after the first paint, and keeping the last valid
 * version under the alert when newer data has problems. The state itself is the element's
 * (`get`, `set`), so that its updates follow it; `show` puts prepared data on screen.
 */
export class DatasetController implements ReactiveController {
  /** The data last found valid. Data on screen that is not this one is still being checked. */
  valid?: Ready
  readonly loader: SourceLoader
  private request = 0
  /** The request whose data `valid` is: an older check that ends later does not replace it. */
  private validRequest = 0
  /** A load of `src` was stopped when the element left the page: it starts again when the element is back. */
  private interrupted = false
  /** The worker reading a large file, while it does. */
  private worker?: FileWorker

  constructor(
    private readonly host: DatasetHost,
    private readonly get: () => Load,
    private readonly set: (load: Load) => void,
    private readonly show: (prepared: Ready) => Ready,
  ) {
    host.addController(this)
    this.loader = new SourceLoader(host, () => host.stallTimeout)
  }

  hostDisconnected(): void {
    // The loader stops a load under way (closing its connection); it starts again if the element comes back.
    this.interrupted = (this.loader.progress !== null && !this.loader.progress.preparing) || this.worker !== undefined
    this.stopWorker()
  }

  private stopWorker(): void {
    this.worker?.stop()
    this.worker = undefined
  }

  /** Whether a load of `src` was stopped by the element's removal, and is to start again now that it is back. */
  resume(): boolean {
    const resume = this.interrupted
    this.interrupted = false
    return resume
  }

  /** The data on screen: the current data, or the last valid data while the current is in error. */
  get ready(): Ready | undefined {
    const load = this.get()
    return load.state === 'ready' ? load : load.state === 'error' ? load.previous : undefined
  }

  /** Data given directly: a file still on its way is dropped, and its connection closed. */
  fromData(value: unknown): Promise<Problem[]> {
    this.loader.cancel()
    this.stopWorker()
    return this.ingest({ value }, null)
  }

  /** Loads `src`, asking the server again when `revalidate`, then reads it as its first bytes say. */
  async fetchSource(src: string, revalidate = false): Promise<Problem[]> {
    const request = ++this.request
    this.stopWorker()
    if (!this.ready) this.set({ state: 'loading' })
    let bytes: Uint8Array
    try {
      bytes = await this.loader.load(src, revalidate)
    } catch (error) {
      // Replaced by newer data, whose check is the one that counts; or stopped by the element's
      // removal, which leaves nothing to check until it is back (see connectedCallback).
      if (request !== this.request) return this.host.validation
      if (error instanceof Superseded) return []
      this.loader.done()
      // fetch rejects with a TypeError when no answer can be read: no network, no server, or CORS.
      const reason: Said | string = error instanceof TypeError ? { key: 'noAnswer', values: { error: error.message } } : error instanceof LoadFailure ? error.said : messageOf(error)
      return this.failWhole({ key: 'loadFailed', values: { url: src } }, reason, this.valid)
    }
    if (request !== this.request) return this.host.validation
    const format = detectFormat({ bytes, name: src }).id
    // A large file: "preparing" is drawn before the page is busy reading it, while the worker's client is fetched for JSON.
    const client = format === 'json' && bytes.length > largeFile ? loadWorkerClient() : null
    if (bytes.length > largeFile) await afterPaint()
    const workers = await client
    // Newer data came meanwhile: its validation is the one that counts.
    if (request !== this.request) return this.host.validation
    if (workers && bytes.length > workers.workerThreshold) return this.ingestInWorker(bytes, src, workers)
    const checked = format === 'arrow' ? this.ingestArrow(bytes, src) : format === 'json' ? this.ingest({ text: new TextDecoder().decode(bytes) }, src) : this.ingestImported(bytes, src)
    this.loader.done()
    return checked
  }

  /**
   * Reads a large JSON file in a worker, which parses and checks it while the page stays free:
   * the page draws the columns the worker sends, and trusts its check. Where no worker can start,
   * the page reads the file itself.
   */
  private async ingestInWorker(bytes: Uint8Array, origin: string, { FileWorker, eventColumnsOf }: WorkerClient): Promise<Problem[]> {
    const request = this.request
    const worker = FileWorker.create()
    this.worker = worker ?? undefined
    const started = worker !== null && (await worker.started())
    if (request !== this.request) return this.host.validation
    // Stopped as the element left the page: it reads the file again when it is back.
    if (worker && this.worker !== worker) return []
    if (!started) {
      this.worker = undefined
      this.loader.done()
      return this.ingest({ text: new TextDecoder().decode(bytes) }, origin)
    }
    let drafted: Ready | undefined
    let problems: Problem[]
    try {
      const draft = await worker.read(bytes)
      const columns = draft.columns
      // A date in a rarer form is read again for its details, by the grammar that comes with the validator.
      if (columns?.grammar) await loadValidator()
      // Reading the columns, making the events and drawing them are tasks of their own, between which the page handles input.
      const read = columns && eventColumnsOf(columns, draft.bytes)
      await nextTask()
      const prepared = request === this.request && columns && read ? asReady(prepareColumns(columns.about, read)) : null
      await nextTask()
      if (request !== this.request) return this.host.validation
      // The element left the page meanwhile (which stopped the worker): it reads the file again when it is back.
      if (this.worker !== worker) return []
      drafted = prepared ? this.show(prepared) : undefined
      this.loader.done()
      if (!drafted && !this.ready) this.set({ state: 'loading' })
      problems = await worker.problems()
    } catch (error) {
      if (request !== this.request) return this.host.validation
      if (error instanceof Superseded) return []
      this.loader.done()
      return this.failWhole(readFailed(origin), { key: 'workerFailed', values: { error: messageOf(error) } }, this.ready)
    } finally {
      worker.stop()
      if (this.worker === worker) this.worker = undefined
    }
    // Valid data has what drawing reads: this is the worker's mistake, not the file's.
    if (!drafted && problems.length === 0) return this.failWhole(readFailed(origin), { key: 'workerSentNothing' }, this.ready)
    return this.settle(request, { ok: problems.length === 0, problems }, () => drafted, origin)
  }

  /**
   * Reads a file in another tool's format (a CSV, an ACLED export, a TimelineJS timeline) through
   * the format registry, fetched now as only some pages need it: drawn once converted and valid;
   * otherwise its problems are shown at their place in that file (a CSV's row and column).
   */
  private async ingestImported(bytes: Uint8Array, origin: string): Promise<Problem[]> {
    const request = this.request
    let result: Awaited<ReturnType<typeof import('../../src/formats/registry.ts').readFile>>
    try {
      result = await (await import('../../src/formats/registry.ts')).readFile({ bytes, name: origin })
    } catch (error) {
      if (request !== this.request) return this.host.validation
      return this.failWhole(readFailed(origin), messageOf(error), this.valid)
    }
    if (request !== this.request) return this.host.validation
    if (result.ok) return this.ingest({ value: result.dataset }, origin)
    const format: Said = { key: `format.${result.format.id}` }
    return this.fail({ key: 'importProblems', values: { format, origin, count: problemCount(result.problems) } }, result.problems)
  }

  /** Reads an Arrow file (its reader is fetched now, as only some pages need it), then draws and checks it as `ingest` does. */
  private async ingestArrow(bytes: Uint8Array, origin: string): Promise<Problem[]> {
    const request = this.request
    let arrow: ArrowDataset
    try {
      arrow = (await import('../../src/formats/arrow.ts')).readArrow(bytes)
    } catch (error) {
      if (request !== this.request) return this.host.validation
      return this.failWhole(readFailed(origin), messageOf(error), this.valid)
    }
    return request === this.request ? this.ingest({ arrow }, origin) : this.host.validation
  }

  /**
   * Draws new data at once when it has what drawing reads, then checks it fully after the first
   * paint, a few hundred events at a time. Data with problems gives way to the last valid data,
   * under an alert that lists the problems.
   */
  private async ingest(input: { value: unknown } | { text: string } | { arrow: ArrowDataset }, origin: Origin): Promise<Problem[]> {
    const request = ++this.request
    // Fetched and compiled after the first paint, so as not to slow it; at once when a selected
    // event's details wait for the check.
    const early = this.host.selected !== null ? loadValidator() : undefined
    // A failed load is reported where it is awaited, below, not as an unhandled rejection meanwhile.
    early?.catch(() => undefined)
    let value: unknown
    if ('text' in input) {
      try {
        value = JSON.parse(stripBom(input.text))
      } catch {
        // The validator says where the syntax breaks.
      }
    } else if ('value' in input) value = input.value
    // Drawn before the check when it has what drawing reads and its dates need no more than the
    // common EDTF forms; otherwise drawn once the check (which loads the full grammar) passes.
    if ('arrow' in input) await nextTask()
    const prepared = 'arrow' in input ? asReady(prepareColumns(input.arrow.about, input.arrow.events)) : drawable(value) ? this.prepare(value) : null
    // A large file's events are made in one task and drawn in the next, between which the page handles input.
    if ('arrow' in input) await nextTask()
    if (request !== this.request) return this.host.validation
    const drafted = prepared ? this.show(prepared) : undefined
    if (!drafted && !this.ready) this.set({ state: 'loading' })

    // Between two steps of a long check the browser draws frames and handles input. A check goes
    // on when newer data arrives: if the newer data has problems, this may be the last valid one.
    let result: ValidationResult
    try {
      await this.host.updateComplete
      await afterPaint()
      const { validateDatasetInSteps, validateValueInSteps } = await (early ?? loadValidator())
      result = 'text' in input
        ? await validateDatasetInSteps(input.text, nextTask, 8, value)
        : 'arrow' in input
          ? await validateValueInSteps(await (await import('../../src/formats/arrow.ts')).arrowToDatasetInSteps(input.arrow, nextTask), nextTask)
          : await validateValueInSteps(input.value, nextTask)
    } catch (error) {
      if (request !== this.request) return this.host.validation
      const title: Said = origin === null ? { key: 'checkFailedProperty' } : { key: 'checkFailed', values: { origin } }
      // Nothing can say whether the data shown is valid: it stays, rather than a blank box.
      return this.failWhole(title, { key: 'validatorFailed', values: { error: messageOf(error) } }, this.ready)
    }
    // Once validated, the full grammar is loaded: every date resolves.
    return this.settle(request, result, () => drafted ?? (request === this.request ? this.show(this.prepare(result.dataset!)!) : this.prepare(result.dataset!)!), origin)
  }

  /**
   * Ends a load with its check: valid data becomes the last valid version (`ready` gives it, drawn
   * if it is still the current data), and the problems of invalid current data are shown over it.
   */
  private settle(request: number, result: { ok: boolean; problems: Problem[] }, ready: () => Ready | undefined, origin: Origin): Problem[] | Promise<Problem[]> {
    const current = request === this.request
    const made = result.ok && request > this.validRequest ? ready() : undefined
    if (made) {
      this.validRequest = request
      this.valid = made
      // Only a selected event's details wait for it: nothing else on screen changes.
      if (this.host.selected !== null) this.host.requestUpdate()
      // Newer data already failed: this is now the last valid version to show under its alert.
      const load = this.get()
      if (!current && load.state === 'error' && load.previous !== made) this.set({ ...load, previous: made })
    } else if (!result.ok && current) {
      const count = problemCount(result.problems)
      this.fail(origin === null ? { key: 'dataPropertyProblems', values: { count } } : { key: 'dataProblems', values: { origin, count } }, result.problems)
    }
    return current ? result.problems : this.host.validation
  }

  /** Shows the problems over `previous`: by default the last data found valid. */
  private fail(title: Said, problems: Problem[], previous = this.valid): Problem[] {
    this.set({ state: 'error', title, problems, previous })
    return problems
  }

  /** Shows a problem with the whole load over `previous`; `validation` gives it in English, as it does the validator's. */
  private failWhole(title: Said, reason: Said | string, previous: Ready | undefined): Problem[] {
    const problems = [atStart(typeof reason === 'string' ? reason : wordsOf(reason, messagesFor('en')))]
    this.set({ state: 'error', title, problems, reason, previous })
    return problems
  }

  /** `prepareDataset`, as the element's state. */
  private prepare(dataset: EventDataset): Ready | null {
    return asReady(prepareDataset(dataset))
  }
}
