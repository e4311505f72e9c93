import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { syntheticDataset } from '../../bench/synthetic.ts'
import { eventSpans } from '../../src/formats/json-spans.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { prepareColumns, prepareDataset, type Prepared } from '../../src/timeline/prepare.ts'
import { eventColumnsOf } from '../../src/timeline/transfer.ts'
import { validateDataset } from '../../src/validate/index.ts'
import { prepareFile, type FromWorker } from '../../src/worker/prepare-file.ts'
import { json } from '../fixtures/dataset.ts'
import { datasetArb, datasetWith } from '../fixtures/events.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const syriaText = readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')

/** What the worker posts for a file, in order, and what it moved rather than copied. */
async function throughWorker(text: string | Uint8Array): Promise<{ messages: FromWorker[]; moved: Transferable[][] }> {
  const messages: FromWorker[] = []
  const moved: Transferable[][] = []
  await prepareFile(typeof text === 'string' ? encoder.encode(text) : text, (message, transfer) => {
    messages.push(message)
    moved.push(transfer)
  })
  return { messages, moved }
}

/** The file prepared as the page prepares what the worker sends. */
async function preparedByWorker(text: string): Promise<{ prepared: Prepared | null; problems: unknown[] }> {
  const { messages } = await throughWorker(text)
  const draft = messages[0]!
  const checked = messages[1]!
  if (draft.type !== 'draft' || checked.type !== 'checked') throw new Error(`unexpected messages ${messages.map((m) => m.type).join(', ')}`)
  const prepared = draft.columns && prepareColumns(draft.columns.about, eventColumnsOf(draft.columns, draft.bytes))
  return { prepared, problems: checked.problems }
}

/** What the timeline reads of two preparations, side by side: they must be the same. */
function expectSame(worker: Prepared, page: Prepared): void {
  expect(Array.from(worker.table.start)).toEqual(Array.from(page.table.start))
  expect(Array.from(worker.table.end)).toEqual(Array.from(page.table.end))
  expect(Array.from(worker.table.flags)).toEqual(Array.from(page.table.flags))
  const view = (p: Prepared) => p.items.map((i) => ({
    id: i.id, start: i.start, end: i.end, shape: i.shape, title: i.title, label: i.label, actors: i.actors,
    category: i.category, status: i.status, certainty: i.certainty, disputed: i.disputed, dateLabel: i.dateLabel, event: i.event,
  }))
  expect(view(worker)).toEqual(view(page))
  expect([worker.window, worker.extent, worker.span, worker.asOf]).toEqual([page.window, page.extent, page.span, page.asOf])
  const { events: _, ...about } = page.dataset as EventDataset
  expect(worker.dataset).toEqual(about)
  for (const item of page.items) expect(worker.byId(item.id)?.id).toBe(item.id)
}

describe('event spans in a JSON text', () => {
  it('are the bytes of each element of the top-level "events" array, however the text is laid out', () => {
    const value = fc.jsonValue({ maxDepth: 3 })
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 8 }), fc.dictionary(fc.string().filter((k) => k !== 'events'), value, { maxKeys: 4 }),
        fc.constantFrom(undefined, 0, 2, '\t'), fc.boolean(), fc.boolean(),
        (events, others, indent, eventsFirst, bom) => {
          const document = eventsFirst ? { events, ...others } : { ...others, events }
          const bytes = encoder.encode((bom ? '\ufeff' : '') + JSON.stringify(document, null, indent))
          const spans = eventSpans(bytes)!
          expect(spans.length).toBe(2 * events.length)
          const read = events.map((_, i) => JSON.parse(decoder.decode(bytes.subarray(spans[2 * i], spans[2 * i + 1]))) as unknown)
          // JSON.stringify writes -0 as 0: compare what a round trip gives.
          expect(read).toEqual(JSON.parse(JSON.stringify(events)))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('follow JSON.parse where a key is given twice or written with escapes, and text beyond ASCII', () => {
    const text = '{"events": [1], "title": "Genève — جنيف \\"quoted\\" \\\\", "ev\\u0065nts" : [ {"a":"]}"} , "ü" ,[[]] ] }'
    const bytes = encoder.encode(text)
    const spans = eventSpans(bytes)!
    const read = [0, 1, 2].map((i) => JSON.parse(decoder.decode(bytes.subarray(spans[2 * i], spans[2 * i + 1]))) as unknown)
    expect(read).toEqual((JSON.parse(text) as { events: unknown[] }).events)
  })

  it('are null where there is no such array', () => {
    for (const text of ['[]', '"events"', '{}', '{"events": {"a": 1}}', '{"events": [1], "events": null}', '  ']) {
      expect(eventSpans(encoder.encode(text)), text).toBeNull()
    }
  })
})

describe('a file read in the worker', () => {
  it('gives the timeline what reading it on the page gives, for the Syria dataset', async () => {
    const { prepared, problems } = await preparedByWorker(syriaText)
    expect(problems).toEqual([])
    expectSame(prepared!, prepareDataset(JSON.parse(syriaText) as EventDataset)!)
  })

  it('gives the same tables for random datasets, custom fields and unsorted events included', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb(40), fc.constantFrom(undefined, 2), async (dataset, indent) => {
        const text = JSON.stringify(dataset, null, indent)
        const { prepared, problems } = await preparedByWorker(text)
        expect(problems).toEqual(validateDataset(text).problems)
        expectSame(prepared!, prepareDataset(JSON.parse(text) as EventDataset)!)
      }),
      { numRuns: 25 },
    )
  })

  it('gives the same tables for 2,000 synthetic events, and moves the file and the typed arrays rather than copying them', async () => {
    const text = JSON.stringify(syntheticDataset(2000, 7))
    const { messages, moved } = await throughWorker(text)
    const draft = messages[0] as Extract<FromWorker, { type: 'draft' }>
    expect(moved[0]).toContain(draft.bytes.buffer)
    expect(moved[0]).toContain(draft.columns!.earliest.buffer)
    expect(moved[0]).toContain(draft.columns!.spans.buffer)
    expectSame(prepareColumns(draft.columns!.about, eventColumnsOf(draft.columns!, draft.bytes))!, prepareDataset(JSON.parse(text) as EventDataset)!)
    expect(messages[1]).toEqual({ type: 'checked', problems: [], said: [] })
  })

  it('reads dates only the general grammar reads, and says so, so that the page loads it first', async () => {
    const data = datasetWith([{ id: 'season', edtf: '2016-23' }, { id: 'day', edtf: '2016-09-19' }, { id: 'unspecified', edtf: '2016-09-XX' }])
    const text = json(data)
    const { messages } = await throughWorker(text)
    const draft = messages[0] as Extract<FromWorker, { type: 'draft' }>
    expect(draft.columns!.grammar).toBe(true)
    const page = prepareDataset(JSON.parse(text) as EventDataset)!
    expectSame(prepareColumns(draft.columns!.about, eventColumnsOf(draft.columns!, draft.bytes))!, page)
    expect(page.items.map((i) => i.id).sort()).toEqual(['day', 'season', 'unspecified'])
  })

  it('sends drawable data with problems, then the problems, each where the page would place it', async () => {
    const data = datasetWith([{ id: 'a', edtf: '2016-09-19', status: 'rumoured' as 'occurred' }, { id: 'b', edtf: '2016-09-20', actors: ['nobody'] }])
    const text = json(data)
    const { prepared, problems } = await preparedByWorker(text)
    expect(prepared!.items.map((i) => i.id)).toEqual(['a', 'b'])
    expect(problems.length).toBeGreaterThan(0)
    expect(problems).toEqual(validateDataset(text).problems)
    // Each problem's words for other languages come beside it (they are not its own enumerable property).
    const { messages } = await throughWorker(text)
    const checked = messages[1] as Extract<FromWorker, { type: 'checked' }>
    expect(checked.said).toEqual(validateDataset(text).problems.map((p) => p.said))
    expect(checked.said.every((said) => typeof said?.key === 'string')).toBe(true)
  })

  it('sends nothing to draw for a file that is not JSON, a BOM and bytes that are not UTF-8 included, then where it breaks', async () => {
    for (const text of ['{"title": "x", "events": [', '\ufeff[1, 2', 'null']) {
      const { messages } = await throughWorker(text)
      expect(messages[0]).toMatchObject({ type: 'draft', columns: null })
      const checked = messages[1] as Extract<FromWorker, { type: 'checked' }>
      expect(checked.problems).toEqual(validateDataset(text).problems)
      expect(checked.problems.length).toBeGreaterThan(0)
    }
    const { messages } = await throughWorker(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))
    expect((messages[1] as Extract<FromWorker, { type: 'checked' }>).problems[0]!.message).toMatch(/JSON|syntax|token/i)
  })
})
