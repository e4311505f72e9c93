import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import { json, sampleDataset } from '../fixtures/dataset.ts'
import { writeArrow } from '../../src/formats/arrow.ts'

const status = (el: DiplomaticTimeline) => el.shadowRoot?.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim()
const marks = (el: DiplomaticTimeline) => [...new Set([...el.shadowRoot!.querySelectorAll('svg.plot [data-event-id]')].map((m) => m.getAttribute('data-event-id')))]

/** A response whose body the test sends piece by piece; the request's signal is kept to see whether it was aborted. */
function stream(headers: Record<string, string> = {}) {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
  const encoder = new TextEncoder()
  return {
    response: new Response(body, { headers: { 'content-type': 'application/json', ...headers } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  }
}

/** Replaces fetch with one that answers each call with the next of `answers`, and keeps each call's signal. */
function serve(...answers: Array<() => Response | Promise<Response>>) {
  const signals: AbortSignal[] = []
  const spy = vi.spyOn(window, 'fetch').mockImplementation((_input, init) => {
    signals.push(init!.signal!)
    const answer = answers.shift()
    if (!answer) throw new Error('no answer left for this request')
    // Like a real fetch: an abort rejects the request that is still waiting for its answer.
    return new Promise<Response>((resolve, reject) => {
      init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      void Promise.resolve(answer()).then(resolve, reject)
    })
  })
  return { signals, spy }
}

/** A dataset's JSON padded with an `x-` field to `bytes`, so that its size shows in MB. */
function padded(bytes: number): string {
  const data = { ...sampleDataset(), 'x-padding': '' }
  data['x-padding'] = ' '.repeat(Math.max(0, bytes - json(data).length))
  return json(data)
}

/** The sample dataset with its first event only (and no relation, which would point at the other). */
function oneEvent() {
  const data = sampleDataset()
  data.events = data.events.slice(0, 1)
  data.relations = []
  return data
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.replaceChildren()
})

describe('<diplomatic-timeline> loading src', () => {
  it('shows the bytes read of the whole while a file streams in, then draws it', async () => {
    const text = padded(300_000)
    const body = stream({ 'content-length': String(text.length) })
    serve(() => body.response)
    const el = document.createElement('diplomatic-timeline')
    el.src = '/big.json'
    document.body.append(el)
    await el.updateComplete
    expect(status(el)).toBe('Loading timeline…')
    body.send(text.slice(0, 150_000))
    await expect.poll(() => status(el)).toBe('Loading timeline… 0.2 MB of 0.3 MB read.')
    body.send(text.slice(150_000))
    body.end()
    await expect.poll(() => marks(el).sort()).toEqual(['convoy-attack', 'us-blames-russia'])
    expect(await el.validation).toEqual([])
    expect(status(el)).toBeUndefined()
  })

  it('aborts a load when src changes, and the other when the element is removed, drawing neither late answer', async () => {
    const [first, second, again] = [stream(), stream(), stream()]
    const { signals } = serve(() => first.response, () => second.response, () => again.response)
    const el = document.createElement('diplomatic-timeline')
    el.src = '/first.json'
    document.body.append(el)
    await expect.poll(() => signals.length).toBe(1)
    el.src = '/second.json'
    await expect.poll(() => signals.length).toBe(2)
    expect(signals[0]!.aborted).toBe(true)
    expect(signals[1]!.aborted).toBe(false)
    el.remove()
    expect(signals[1]!.aborted).toBe(true)
    // What the first server sends afterwards is never read as data.
    try {
      first.send(json(sampleDataset()))
      first.end()
    } catch {
      // The aborted stream may refuse it: either way nothing is drawn.
    }
    // Put back, the element loads its src again, and draws that.
    document.body.append(el)
    await expect.poll(() => signals.length).toBe(3)
    const data = oneEvent()
    again.send(json(data))
    again.end()
    await expect.poll(() => marks(el)).toEqual([data.events[0]!.id])
    expect(await el.validation).toEqual([])
  })

  it('drops a file still on its way when data is given, and keeps the data', async () => {
    const slow = stream()
    const { signals } = serve(() => slow.response)
    const el = document.createElement('diplomatic-timeline')
    el.src = '/slow.json'
    document.body.append(el)
    await expect.poll(() => signals.length).toBe(1)
    const data = oneEvent()
    el.data = data
    await el.updateComplete
    expect(signals[0]!.aborted).toBe(true)
    await expect.poll(() => marks(el)).toEqual([data.events[0]!.id])
    expect(await el.validation).toEqual([])
  })

  it('says when nothing has arrived for a while, and tries again on request', async () => {
    const silent = stream()
    const { spy } = serve(() => silent.response, () => new Response(json(sampleDataset()), { headers: { 'content-type': 'application/json' } }))
    const el = document.createElement('diplomatic-timeline')
    el.stallTimeout = 50
    el.src = '/silent.json'
    document.body.append(el)
    const retry = () => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Retry')
    await expect.poll(() => el.shadowRoot?.textContent ?? '').toContain('Nothing has arrived from /silent.json')
    retry()!.click()
    await expect.poll(() => marks(el).sort()).toEqual(['convoy-attack', 'us-blames-russia'])
    expect(spy).toHaveBeenCalledTimes(2)
    expect(retry()).toBeUndefined()
  })

  it('says the server never answered, rather than waiting in silence', async () => {
    serve(() => new Promise<Response>(() => undefined))
    const el = document.createElement('diplomatic-timeline')
    el.stallTimeout = 50
    el.src = '/never.json'
    document.body.append(el)
    await expect.poll(() => el.shadowRoot?.textContent ?? '').toContain('Nothing has arrived from /never.json')
  })

  it('draws an Arrow file named by src, checks it, and shows the details of an event read from it', async () => {
    const data = sampleDataset()
    const bytes = writeArrow(data)
    const url = URL.createObjectURL(new Blob([bytes as BlobPart]))
    try {
      const el = document.createElement('diplomatic-timeline')
      el.selected = 'convoy-attack'
      el.src = url
      document.body.append(el)
      await expect.poll(() => marks(el).sort()).toEqual(['convoy-attack', 'us-blames-russia'])
      expect(await el.validation).toEqual([])
      await expect.poll(() => el.shadowRoot!.querySelector('[part="details"] h3')?.textContent).toBe(data.events[0]!.title)
      expect(el.shadowRoot!.querySelector('[part="details"]')!.textContent).toContain(data.events[0]!.evidence![0]!.quote)
    } finally {
      URL.revokeObjectURL(url)
    }
  })

  it('says what is wrong with an Arrow file that is not a dataset', async () => {
    const url = URL.createObjectURL(new Blob([new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0, 9, 9])]))
    try {
      const el = document.createElement('diplomatic-timeline')
      el.src = url
      document.body.append(el)
      await expect.poll(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '').toContain(`Could not read ${url}`)
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain('not a readable Arrow IPC file')
    } finally {
      URL.revokeObjectURL(url)
    }
  })
})
