// The worker that reads large JSON files for the timeline (see prepare-file.ts and
// components/controllers/file-worker.ts). It says it is ready, then reads the one file it is sent.
import { messageOf } from '../message-of.ts'
import { prepareFile, type FromWorker } from './prepare-file.ts'

/** The worker's side of its channel: typed here, as the project's types describe a page, not a worker. */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<{ bytes: Uint8Array }>) => void) | null
  postMessage(message: FromWorker, transfer?: Transferable[]): void
}

scope.onmessage = (event) => {
  prepareFile(event.data.bytes, (message, transfer) => scope.postMessage(message, transfer)).catch((error: unknown) =>
    scope.postMessage({ type: 'failed', message: messageOf(error) }),
  )
}
scope.postMessage({ type: 'ready' })
