import { Bool, Float64, Schema, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow'
import { resolveEdtf } from '../dates/edtf.ts'
import type { Event, EventDataset } from '../model/index.ts'
import { toTimelineEvents, type EventColumns } from '../timeline/events.ts'

// A dataset as an Apache Arrow IPC file: one row per event, the fields every event has as columns
// (with its resolved bounds, for other tools), the rest of each event as JSON in `more`, and the
// dataset without its events as JSON in the schema's metadata. It reads back to the same dataset,
// its events in time order: the JSON stays the hand-edited source, the Arrow file is its fast twin.

/** The schema metadata key that holds the dataset without its events. */
export const arrowMetadataKey = 'diplomatic-timeline'

/** The event fields stored as columns; every other field goes into `more`. */
const columnFields = new Set(['id', 'title', 'summary', 'kind', 'category', 'status', 'certainty', 'date'])

/**
 * Writes a (validated) dataset as an Arrow IPC file, its events in the order the timeline draws
 * them (by time, then id; any whose date does not resolve last), so that reading it needs no sort.
 */
export function writeArrow(dataset: EventDataset): Uint8Array {
  const drawn = toTimelineEvents(dataset).map((item) => item.event)
  const placed = new Set(drawn)
  const events = [...drawn, ...dataset.events.filter((e) => !placed.has(e))]
  const n = events.length
  const strings = (pick: (e: Event) => string | undefined) => vectorFromArray(events.map((e) => pick(e) ?? null), new Utf8())
  const start = new Float64Array(n)
  const end = new Float64Array(n)
  const more: Array<string | null> = []
  for (let i = 0; i < n; i++) {
    const e = events[i]!
    const date = resolveEdtf(e.date.edtf)
    start[i] = date.ok ? date.date.earliest : NaN
    end[i] = date.ok ? date.date.latest : NaN
    const rest = Object.fromEntries(Object.entries(e).filter(([key]) => !columnFields.has(key)))
    const date_ = e.date as unknown as Record<string, unknown>
    const dateRest = Object.fromEntries(Object.entries(date_).filter(([key]) => !['edtf', 'text', 'anchor'].includes(key)))
    if (Object.keys(dateRest).length > 0) rest['x-date'] = dateRest
    more.push(Object.keys(rest).length > 0 ? JSON.stringify(rest) : null)
  }
  const table = new Table({
    id: strings((e) => e.id),
    title: strings((e) => e.title),
    summary: strings((e) => e.summary),
    // Few distinct values: dictionary-encoded, as vectorFromArray makes strings by default.
    kind: vectorFromArray(events.map((e) => e.kind)),
    category: vectorFromArray(events.map((e) => e.category)),
    status: vectorFromArray(events.map((e) => e.status)),
    certainty: vectorFromArray(events.map((e) => e.certainty)),
    edtf: strings((e) => e.date.edtf),
    date_text: strings((e) => e.date.text),
    date_anchor: strings((e) => e.date.anchor),
    start_ms: vectorFromArray(Array.from(start), new Float64()),
    end_ms: vectorFromArray(Array.from(end), new Float64()),
    more: vectorFromArray(more, new Utf8()),
    // Drawing reads these of every event; the participants themselves are in `more`.
    actors: strings((e) => (e.participants?.length ? e.participants.map((p) => p.actor).join(actorSeparator) : undefined)),
    alleged: vectorFromArray(events.map((e) => e.participants?.some((p) => p.attribution === 'alleged') ?? false), new Bool()),
  })
  const { events: _, ...about } = dataset
  const schema = new Schema(table.schema.fields, new Map([[arrowMetadataKey, JSON.stringify(about)]]))
  return tableToIPC(new Table(schema, table.batches), 'file')
}

/** A dataset read from Arrow: what it says of itself, and its events as columns. */
export interface ArrowDataset {
  /** The dataset without its events. */
  about: Omit<EventDataset, 'events'>
  events: EventColumns
}

/** Separates actor ids in the `actors` column: a character no id holds. */
const actorSeparator = '\u001f'

/**
 * Reads an Arrow IPC file written by `writeArrow` (or by any tool that keeps its columns and
 * metadata). Only the columns drawing needs are read at once; the rest of an event is read when
 * it is first asked for. Throws an Error that says what is missing when the file is not such a dataset.
 */
export function readArrow(bytes: Uint8Array): ArrowDataset {
  let table: Table
  try {
    table = tableFromIPC(bytes)
  } catch (error) {
    throw new Error(`not a readable Arrow IPC file (${error instanceof Error ? error.message : String(error)})`)
  }
  const about = table.schema.metadata.get(arrowMetadataKey)
  if (about === undefined) throw new Error(`the Arrow file has no "${arrowMetadataKey}" metadata: it was not written as an event dataset`)
  let dataset: Record<string, unknown>
  try {
    dataset = JSON.parse(about) as Record<string, unknown>
  } catch {
    throw new Error(`the Arrow file's "${arrowMetadataKey}" metadata is not JSON`)
  }
  const vector = (name: string): Vector => {
    const found: Vector | null = table.getChild(name)
    if (!found) throw new Error(`the Arrow file has no "${name}" column`)
    return found
  }
  const strings = (name: string) => stringsOf(vector(name)) as string[]
  const [summary, text, anchor, kind, more, alleged] = ['summary', 'date_text', 'date_anchor', 'kind', 'more', 'alleged'].map(vector) as Vector[]
  const actorLists = stringsOf(vector('actors'))
  const columns = {
    length: table.numRows,
    id: strings('id'),
    title: strings('title'),
    category: strings('category'),
    status: strings('status'),
    certainty: strings('certainty'),
    edtf: strings('edtf'),
  }
  const events: Array<Event | undefined> = new Array(table.numRows)
  const event = (i: number): Event => {
    const made = events[i]
    if (made) return made
    const date: Record<string, unknown> = { edtf: columns.edtf[i] }
    if (text!.get(i) !== null) date.text = text!.get(i)
    if (anchor!.get(i) !== null) date.anchor = anchor!.get(i)
    const e: Record<string, unknown> = { id: columns.id[i], title: columns.title[i] }
    if (summary!.get(i) !== null) e.summary = summary!.get(i)
    Object.assign(e, { kind: kind!.get(i), category: columns.category[i], status: columns.status[i], certainty: columns.certainty[i], date })
    const rest = more!.get(i) as string | null
    if (rest) {
      const { 'x-date': dateRest, ...others } = JSON.parse(rest) as Record<string, unknown>
      Object.assign(e, others)
      if (dateRest && typeof dateRest === 'object') Object.assign(date, dateRest)
    }
    return (events[i] = e as unknown as Event)
  }
  return {
    about: dataset as unknown as Omit<EventDataset, 'events'>,
    events: {
      ...columns,
      actors: (i) => {
        const list = actorLists[i]
        return list ? list.split(actorSeparator) : []
      },
      alleged: (i) => alleged!.get(i) === true,
      event,
    },
  }
}

const decoder = new TextDecoder()

/**
 * A column of strings (UTF-8, or a dictionary of them) as an array, null where a value is missing.
 * Arrow's own reading decodes each value on its own, and a dictionary's value once per row: here a
 * dictionary is decoded once, and a column whose bytes are all ASCII (a character a byte) in one
 * call, then cut at its offsets.
 */
function stringsOf(vector: Vector): Array<string | null> {
  const out: Array<string | null> = new Array(vector.length)
  let k = 0
  for (const data of vector.data) {
    const missing = data.nullCount > 0
    if (data.dictionary) {
      const values = stringsOf(data.dictionary)
      const indices = data.values as unknown as ArrayLike<number>
      for (let i = 0; i < data.length; i++) out[k++] = missing && !data.getValid(i) ? null : values[indices[i]!]!
      continue
    }
    const offsets = data.valueOffsets as unknown as ArrayLike<number>
    const bytes = data.values as unknown as Uint8Array
    const [first, last] = [offsets[0]!, offsets[data.length]!]
    let ascii = true
    for (let b = first; b < last && ascii; b++) ascii = bytes[b]! < 0x80
    const text = ascii ? decoder.decode(bytes.subarray(first, last)) : ''
    for (let i = 0; i < data.length; i++) {
      if (missing && !data.getValid(i)) out[k++] = null
      else out[k++] = ascii ? text.slice(offsets[i]! - first, offsets[i + 1]! - first) : decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!))
    }
  }
  return out
}

/** The whole dataset of an Arrow file, every event built: for validation and for writing it out. */
export function arrowToDataset({ about, events }: ArrowDataset): EventDataset {
  return { ...about, events: Array.from({ length: events.length }, (_, i) => events.event(i)) } as EventDataset
}

/** As `arrowToDataset`, building events for `budgetMs` at a time between pauses, so that a page stays responsive. */
export async function arrowToDatasetInSteps({ about, events }: ArrowDataset, pause: () => Promise<unknown>, budgetMs = 8): Promise<EventDataset> {
  const built: Event[] = new Array(events.length)
  let since = performance.now()
  for (let i = 0; i < events.length; i++) {
    built[i] = events.event(i)
    if ((i & 255) === 255 && performance.now() - since > budgetMs) {
      await pause()
      since = performance.now()
    }
  }
  return { ...about, events: built } as EventDataset
}
