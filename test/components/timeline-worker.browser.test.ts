import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import { workerThreshold } from '../../components/controllers/file-worker.ts'
import { syntheticDataset } from '../../bench/synthetic.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { validateDataset } from '../../src/validate/index.ts'
import { json, sampleDataset } from '../fixtures/dataset.ts'

/** The count line: how many events the timeline holds, once it has drawn them. */
const shown = (el: DiplomaticTimeline) => el.shadowRoot!.querySelector('.shown [aria-live]')?.textContent ?? ''
const alert = (el: DiplomaticTimeline) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ') ?? ''

/** A dataset of synthetic events whose JSON is past the size the element reads in a worker. */
function large(): { data: EventDataset; text: string } {
  const data = syntheticDataset(4500, 3)
  const text = JSON.stringify(data)
  expect(text.length).toBeGreaterThan(workerThreshold)
  return { data, text }
}

/** The workers the page starts, and those it stops; `start` can put another script in place of the element's. */
function watchWorkers(start?: (url: string | URL) => string | URL) {
  const made: Worker[] = []
  const stopped: Worker[] = []
  const Original = window.Worker
  vi.stubGlobal('Worker', class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(start ? start(url) : url, options)
      made.push(this)
    }
    override terminate() {
      stopped.push(this)
      super.terminate()
    }
  })
  return { made, stopped }
}

/** A worker that starts but never says it is ready, as one still busy would: the test decides what comes first. */
const stuck = () => served('', 'text/javascript')

/** Serves `text` at a URL of its own for the test's span. */
const urls: string[] = []
function served(text: string, type = 'application/json'): string {
  const url = URL.createObjectURL(new Blob([text], { type }))
  urls.push(url)
  return url
}

function timeline(src: string): DiplomaticTimeline {
  const el = document.createElement('diplomatic-timeline')
  el.src = src
  document.body.append(el)
  return el
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
  for (const url of urls.splice(0)) URL.revokeObjectURL(url)
})

describe('<diplomatic-timeline> reading a large file in a worker', () => {
  it('draws it, finds it valid, shows an event read back from the file, and stops the worker', async () => {
    const workers = watchWorkers()
    const { data, text } = large()
    const el = timeline(served(text))
    expect(await el.validation).toEqual([])
    await expect.poll(() => shown(el)).toBe('4500 of 4500 events shown')
    expect(workers.made).toHaveLength(1)
    expect(workers.stopped).toEqual(workers.made)
    const event = data.events.find((e) => e.evidence?.length && e.summary)!
    el.selected = event.id
    await expect.poll(() => el.shadowRoot!.querySelector('[part="details"] h3')?.textContent).toBe(event.title)
    const details = el.shadowRoot!.querySelector('[part="details"]')!.textContent!
    expect(details).toContain(event.summary)
    expect(details).toContain(event.evidence![0]!.quote)
  })

  it('lists a large file\'s problems at their lines, as the page\'s own check does', async () => {
    watchWorkers()
    const { data } = large()
    ;(data.events[4000]! as { status: string }).status = 'rumoured'
    const text = JSON.stringify(data, null, 1)
    const first = validateDataset(text).problems[0]!
    const el = timeline(served(text))
    const problems = await el.validation
    expect(problems[0]).toEqual(first)
    await expect.poll(() => alert(el)).toContain(`line ${first.line}`)
    expect(alert(el)).toContain('rumoured')
  })

  it('drops the worker\'s reading when data is given meanwhile, and keeps the data', async () => {
    const workers = watchWorkers(stuck)
    const el = timeline(served(large().text))
    await expect.poll(() => workers.made.length).toBe(1)
    const data = sampleDataset()
    el.data = data
    expect(await el.validation).toEqual([])
    await expect.poll(() => workers.stopped).toEqual(workers.made)
    await el.updateComplete
    expect([...el.shadowRoot!.querySelectorAll('svg.plot [data-event-id]')].map((m) => m.getAttribute('data-event-id')).sort())
      .toEqual(data.events.map((e) => e.id).sort())
  })

  it('stops the worker when the element is removed, and reads the file again when it is put back', async () => {
    const first = stuck()
    const workers = watchWorkers((url) => (workers.made.length === 0 ? first : url))
    const el = timeline(served(large().text))
    await expect.poll(() => workers.made.length).toBe(1)
    el.remove()
    await expect.poll(() => workers.stopped).toEqual(workers.made)
    document.body.append(el)
    await expect.poll(() => shown(el)).toBe('4500 of 4500 events shown')
    expect(await el.validation).toEqual([])
    expect(workers.made).toHaveLength(2)
  })

  it('reads the file itself where the worker cannot start', async () => {
    const workers = watchWorkers(() => '/no-such-worker.js')
    const el = timeline(served(large().text))
    await expect.poll(() => shown(el)).toBe('4500 of 4500 events shown')
    expect(await el.validation).toEqual([])
    expect(workers.made).toHaveLength(1)
    expect(alert(el)).toBe('')
  })

  it('reads a small file itself, starting no worker', async () => {
    const workers = watchWorkers()
    const el = timeline(served(json(sampleDataset())))
    expect(await el.validation).toEqual([])
    await expect.poll(() => shown(el)).toBe('2 of 2 events shown')
    expect(workers.made).toHaveLength(0)
  })
})
