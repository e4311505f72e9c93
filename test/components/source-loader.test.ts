import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { SourceLoader, Superseded } from '../../components/controllers/source-loader.ts'

/** An element as the loader sees it: it counts the updates asked for. */
function host() {
  const controllers: ReactiveController[] = []
  const h = {
    updates: 0,
    controllers,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void h.updates++,
    updateComplete: Promise.resolve(true),
  }
  return h as typeof h & ReactiveControllerHost
}

/** Answers each fetch with a body the test sends piece by piece, and keeps each request's signal. */
function server(headers: Record<string, string> = {}) {
  const requests: Array<{ signal: AbortSignal; send: (bytes: number[]) => void; end: () => void }> = []
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
    let controller!: ReadableStreamDefaultController<Uint8Array>
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
    const signal = init.signal!
    // As a real fetch does: an abort errors the body being read.
    signal.addEventListener('abort', () => controller.error(signal.reason))
    requests.push({ signal, send: (bytes) => controller.enqueue(new Uint8Array(bytes)), end: () => controller.close() })
    return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json', ...headers } }))
  })
  return requests
}

afterEach(() => vi.unstubAllGlobals())

describe('loading a source', () => {
  it('gives the bytes in order, with the bytes read of the length the server said', async () => {
    const requests = server({ 'content-length': '5' })
    const loader = new SourceLoader(host(), () => 60_000)
    const loading = loader.load('/data.json')
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    requests[0]!.send([1, 2])
    await vi.waitFor(() => expect(loader.progress).toMatchObject({ received: 2, total: 5, preparing: false }))
    requests[0]!.send([3, 4, 5])
    requests[0]!.end()
    expect(Array.from(await loading)).toEqual([1, 2, 3, 4, 5])
    expect(loader.progress).toMatchObject({ received: 5, preparing: true })
    loader.done()
    expect(loader.progress).toBeNull()
  })

  it('is cancelled: the load rejects as superseded, its request is aborted and nothing is left on show', async () => {
    const requests = server()
    const h = host()
    const loader = new SourceLoader(h, () => 60_000)
    const loading = loader.load('/data.json')
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    requests[0]!.send([1])
    loader.cancel()
    await expect(loading).rejects.toBeInstanceOf(Superseded)
    expect(requests[0]!.signal.aborted).toBe(true)
    expect(loader.progress).toBeNull()
  })

  it('is cancelled by a newer load, and by the element leaving the page', async () => {
    const requests = server()
    const h = host()
    const loader = new SourceLoader(h, () => 60_000)
    const first = loader.load('/first.json')
    await vi.waitFor(() => expect(requests).toHaveLength(1))
    const second = loader.load('/second.json')
    await expect(first).rejects.toBeInstanceOf(Superseded)
    expect(requests[0]!.signal.aborted).toBe(true)
    await vi.waitFor(() => expect(requests).toHaveLength(2))
    expect(loader.progress?.url).toBe('/second.json')
    for (const c of h.controllers) c.hostDisconnected?.()
    await expect(second).rejects.toBeInstanceOf(Superseded)
    expect(requests[1]!.signal.aborted).toBe(true)
  })

  it('says it has stalled when nothing arrives for the time given, and no longer once bytes come', async () => {
    const requests = server()
    let stallAfter = 20
    const loader = new SourceLoader(host(), () => stallAfter)
    const loading = loader.load('/slow.json')
    await vi.waitFor(() => expect(loader.progress?.stalled).toBe(true))
    // Long enough now that the bytes sent are seen before the load could stall again.
    stallAfter = 60_000
    requests[0]!.send([7])
    await vi.waitFor(() => expect(loader.progress).toMatchObject({ received: 1, stalled: false }))
    requests[0]!.end()
    expect(Array.from(await loading)).toEqual([7])
  })

  it('says what the server answered instead of a dataset', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('missing', { status: 404, statusText: 'Not Found' })))
    await expect(new SourceLoader(host(), () => 60_000).load('/gone.json')).rejects.toThrow('the server answered 404 Not Found')
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html></html>', { headers: { 'content-type': 'text/html' } })))
    await expect(new SourceLoader(host(), () => 60_000).load('/app')).rejects.toThrow('the server sent a web page instead of JSON')
  })
})
