import { eventSpans } from '../formats/json-spans.ts'
import { drawable } from '../timeline/events.ts'
import { datasetColumns, transferablesOf, type DatasetColumns } from '../timeline/transfer.ts'
import { stripBom } from '../validate/bom.ts'
import { validateDatasetInSteps, type Problem } from '../validate/index.ts'

/** What the worker tells the page, in this order: it has started; what drawing reads, as soon as it has it; the problems found. */
export type FromWorker =
  | { type: 'ready' }
  /** `columns` is null when the file is not a dataset drawing can read; `bytes` is the file, handed back. */
  | { type: 'draft'; columns: DatasetColumns | null; bytes: Uint8Array }
  /** No problems: the dataset is valid. */
  | { type: 'checked'; problems: Problem[]; said: Array<Problem['said']> }
  /** The worker itself failed (not the data): a message that says how. */
  | { type: 'failed'; message: string }

export type Post = (message: FromWorker, transfer: Transferable[]) => void

const decoder = new TextDecoder()

/**
 * Reads a dataset's JSON file as the page would, off its main thread: parses it, posts the
 * columns drawing reads (the file's bytes and the typed arrays moved, not copied), then checks
 * it in full and posts the problems. The page draws the first message and trusts the second.
 */
export async function prepareFile(bytes: Uint8Array, post: Post): Promise<void> {
  const text = stripBom(decoder.decode(bytes))
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // The check says where the syntax breaks.
  }
  const spans = drawable(value) ? eventSpans(bytes) : null
  const columns = spans && drawable(value) ? datasetColumns(value, spans) : null
  post({ type: 'draft', columns, bytes }, [bytes.buffer as ArrayBuffer, ...(columns ? transferablesOf(columns) : [])])
  // Nothing else runs in this worker: the check goes on without pauses.
  const result = await validateDatasetInSteps(text, () => Promise.resolve(), Infinity, value)
  // A problem's words for other languages are not its own enumerable property (see Problem.said): they travel beside it.
  post({ type: 'checked', problems: result.problems, said: result.problems.map((p) => p.said) }, [])
}
