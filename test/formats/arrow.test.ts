import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tableFromArrays, tableToIPC } from 'apache-arrow'
import { arrowToDataset, arrowToDatasetInSteps, readArrow, writeArrow } from '../../src/formats/arrow.ts'
import { detectFormat, formatOfName } from '../../src/formats/catalogue.ts'
import { asOf, columnsToTimelineEvents, toTimelineEvents } from '../../src/timeline/events.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { validateDataset } from '../../src/validate/index.ts'

const syria = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!

/** The Syria dataset with custom fields on the dataset, an event, its date and a participant. */
function withCustomFields(): EventDataset {
  const data = structuredClone(syria) as EventDataset & Record<string, unknown>
  data['x-desk'] = { editor: 'A. N. Other' }
  const event = data.events[3]! as unknown as Record<string, unknown> & { date: Record<string, unknown>; participants?: Array<Record<string, unknown>> }
  event['x-note'] = 'checked twice'
  event.date['x-phrase-checked'] = true
  if (event.participants?.[0]) event.participants[0]['x-source-row'] = 12
  // Text beyond ASCII in one column, and a value missing from another.
  data.events[1]!.title = 'اجتماع في جنيف — « Genève »'
  delete data.events[2]!.summary
  return data
}

/** The events as the timeline sorts them. */
const inDrawnOrder = (data: EventDataset) => toTimelineEvents(data).map((item) => item.event)

describe('Arrow IPC datasets', () => {
  it('read back to the dataset written, custom fields included, its events in the order the timeline draws them', () => {
    const data = withCustomFields()
    const back = arrowToDataset(readArrow(writeArrow(data)))
    expect(back).toEqual({ ...data, events: inDrawnOrder(data) })
    // The article lists its events otherwise: the order is the file's, not the dataset's.
    expect(back.events.map((e) => e.id)).not.toEqual(data.events.map((e) => e.id))
    expect(validateDataset(JSON.stringify(back)).ok).toBe(true)
  })

  it('build every event in steps, pausing between them, to the same dataset', async () => {
    // 600 events: copies of the article's, under new ids.
    const data = { ...syria, relations: [], events: Array.from({ length: 600 }, (_, i) => ({ ...syria.events[i % syria.events.length]!, id: `event-${i}` })) }
    let pauses = 0
    // A budget already spent: a pause every 256 events.
    const built = await arrowToDatasetInSteps(readArrow(writeArrow(data)), async () => void pauses++, -1)
    expect(built).toEqual({ ...data, events: inDrawnOrder(data) })
    expect(pauses).toBe(2)
  })

  it('give the timeline the same events from their columns as from the objects, each object built when read', () => {
    const arrow = readArrow(writeArrow(syria))
    const fromColumns = columnsToTimelineEvents(arrow.events, asOf(syria)?.ms)!
    const fromObjects = toTimelineEvents(syria)
    const fields = (e: (typeof fromObjects)[number]) => ({ id: e.id, start: e.start, end: e.end, label: e.label, actors: e.actors, category: e.category, status: e.status, certainty: e.certainty, disputed: e.disputed, shape: e.shape, dateLabel: e.dateLabel })
    expect(fromColumns.map(fields)).toEqual(fromObjects.map(fields))
    expect(fromColumns.map((e) => e.title)).toEqual(fromObjects.map((e) => e.event.title))
    expect(fromColumns.find((e) => e.id === 'convoy-attack')!.event).toEqual(syria.events.find((e) => e.id === 'convoy-attack'))
  })

  it('build no event\'s whole object for what a mark shows: id, title, label, date label, facets, actors', () => {
    const arrow = readArrow(writeArrow(syria))
    const built: number[] = []
    const events = { ...arrow.events, event: (row: number) => (built.push(row), arrow.events.event(row)) }
    const items = columnsToTimelineEvents(events, asOf(syria)?.ms)!
    for (const e of items) void [e.id, e.title, e.label, e.dateLabel, e.category, e.status, e.certainty, e.actors, e.disputed]
    expect(built).toEqual([])
    void items[3]!.event
    void items[3]!.event
    expect(built).toHaveLength(1)
  })

  it('are told from JSON by their first bytes, and named by .arrow, .arrows or .feather (.json and .csv name the others)', () => {
    const of = (bytes: Uint8Array) => detectFormat({ bytes }).id
    expect(of(writeArrow(syria))).toBe('arrow')
    expect(of(tableToIPC(tableFromArrays({ a: [1, 2] }), 'stream'))).toBe('arrow')
    expect(of(new TextEncoder().encode('{"id": 1}'))).toBe('json')
    expect(of(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b]))).toBe('json')
    expect(of(new Uint8Array())).toBe('json')
    expect(['big.arrow', 'big.ARROWS', 'x.feather', 'x.json', 'x.CSV', 'x.txt', 'x'].map((n) => formatOfName(n)?.id ?? null)).toEqual(['arrow', 'arrow', 'arrow', 'json', 'csv', null, null])
  })

  it('refuse, saying why, bytes that are not Arrow and Arrow tables that are not datasets', () => {
    expect(() => readArrow(new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0, 1, 2, 3]))).toThrow(/not a readable Arrow IPC file/)
    expect(() => readArrow(tableToIPC(tableFromArrays({ id: ['a'] }), 'file'))).toThrow('the Arrow file has no "diplomatic-timeline" metadata: it was not written as an event dataset')
  })

  it('keep, after the others, events whose date does not resolve, as they come', () => {
    const data = structuredClone(syria)
    data.events[0]!.date = { edtf: 'not a date' }
    data.events[5]!.date = { edtf: '2016-02-30' }
    const ids = readArrow(writeArrow(data)).events.id
    expect(Array.from(ids).slice(-2)).toEqual([data.events[0]!.id, data.events[5]!.id])
    expect(ids.length).toBe(data.events.length)
  })
})
