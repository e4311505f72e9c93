import { DateShape, quickBounds, type QuickBounds } from '../dates/edtf.ts'
import type { Event, EventDataset } from '../model/index.ts'
import { toTimelineEventsIfLoaded, type EventColumns } from './events.ts'

// A dataset as a worker sends it to the page: what drawing reads of each event as arrays (their
// dates already read), every event in time order, and where each event lies in the file's bytes,
// so that the page builds an event only when it is read, from its own bytes. Plain data and typed
// arrays: it crosses to the page by structured clone, its typed arrays moved, not copied.

/**
 * Strings one after another in one string, row i from offsets[i] to offsets[i + 1]: a message
 * carries one string, which costs the page a copy, rather than thousands it would each rebuild.
 */
export interface PackedStrings {
  text: string
  offsets: Uint32Array
}

/** Values of a facet, each row's as a code into the few distinct ones. */
export interface CodedStrings {
  values: string[]
  codes: Uint32Array
}

/** What drawing reads of a dataset, in columns; row i is the i-th event in time order. */
export interface DatasetColumns {
  /** The dataset without its events. */
  about: Omit<EventDataset, 'events'>
  length: number
  id: PackedStrings
  title: PackedStrings
  category: CodedStrings
  status: CodedStrings
  certainty: CodedStrings
  edtf: PackedStrings
  /** Each event's distinct actors, joined by `actorSeparator`. */
  actors: PackedStrings
  /** 1 where some participant's role is only alleged. */
  alleged: Uint8Array
  /** Each date's bounds, as `QuickBounds` holds them, and its shape and qualifiers in bits (see `packShape`). */
  earliest: Float64Array
  latest: Float64Array
  shape: Uint8Array
  /** Byte offsets of each event in the file: [start, end) of row i at 2i and 2i + 1. */
  spans: Uint32Array
  /** Some date is in a form only the general EDTF grammar reads: the page loads it before it reads those dates. */
  grammar: boolean
}

const actorSeparator = '\u001f'
const shapes = [DateShape.point, DateShape.span, DateShape.oneOf, DateShape.allOf] as const
const approximateBit = 4
const uncertainBit = 8

const packShape = (b: QuickBounds) => shapes.indexOf(b.shape) | (b.approximate ? approximateBit : 0) | (b.uncertain ? uncertainBit : 0)

/**
 * The columns of a dataset that has what drawing reads (see `drawable`), its events sorted and
 * those whose dates do not resolve left out, as the page's own reading does. `spans` are the
 * events' byte ranges in the file, in the file's order (see `eventSpans`). Null when a date
 * needs the general EDTF grammar and it is not loaded.
 */
export function datasetColumns(dataset: EventDataset, spans: Uint32Array): DatasetColumns | null {
  const items = toTimelineEventsIfLoaded(dataset)
  if (!items) return null
  const at = new Map<Event, number>()
  for (let i = 0; i < dataset.events.length; i++) at.set(dataset.events[i]!, i)
  const n = items.length
  const [id, title, edtf, actors] = [packer(n), packer(n), packer(n), packer(n)]
  const [category, status, certainty] = [coder(n), coder(n), coder(n)]
  const columns: DatasetColumns = {
    about: withoutEvents(dataset),
    length: n,
    id: id.packed, title: title.packed, category: category.coded, status: status.coded, certainty: certainty.coded, edtf: edtf.packed, actors: actors.packed,
    alleged: new Uint8Array(n),
    earliest: new Float64Array(n), latest: new Float64Array(n), shape: new Uint8Array(n),
    spans: new Uint32Array(2 * n),
    grammar: false,
  }
  const bounds: QuickBounds = { earliest: 0, latest: 0, shape: DateShape.point, approximate: false, uncertain: false }
  for (let row = 0; row < n; row++) {
    const item = items[row]!
    const event = item.event
    id.add(item.id)
    title.add(item.title)
    category.add(row, item.category)
    status.add(row, item.status)
    certainty.add(row, item.certainty)
    edtf.add(event.date.edtf)
    actors.add(item.actors.join(actorSeparator))
    columns.alleged[row] = event.participants?.some((p) => p.attribution === 'alleged') ? 1 : 0
    if (!quickBounds(event.date.edtf, bounds)) {
      // Resolved already, by the general grammar, when the items were made.
      const { earliest, latest, shape, approximate, uncertain } = item.date
      Object.assign(bounds, { earliest, latest, shape, approximate, uncertain })
      columns.grammar = true
    }
    columns.earliest[row] = bounds.earliest
    columns.latest[row] = bounds.latest
    columns.shape[row] = packShape(bounds)
    const from = at.get(event)!
    columns.spans[2 * row] = spans[2 * from]!
    columns.spans[2 * row + 1] = spans[2 * from + 1]!
  }
  for (const packed of [id, title, edtf, actors]) packed.done()
  return columns
}

/** Packs `n` strings, added in order. */
function packer(n: number) {
  const parts: string[] = []
  const packed: PackedStrings = { text: '', offsets: new Uint32Array(n + 1) }
  let length = 0
  return {
    packed,
    add(text: string) {
      parts.push(text)
      length += text.length
      packed.offsets[parts.length] = length
    },
    done: () => void (packed.text = parts.join('')),
  }
}

/** Codes `n` strings by their distinct values. */
function coder(n: number) {
  const coded: CodedStrings = { values: [], codes: new Uint32Array(n) }
  const codes = new Map<string, number>()
  return {
    coded,
    add(row: number, value: string) {
      let code = codes.get(value)
      if (code === undefined) codes.set(value, (code = coded.values.push(value) - 1))
      coded.codes[row] = code
    },
  }
}

/** Row by row, the strings packed. */
function unpack({ text, offsets }: PackedStrings, n: number): string[] {
  const out = new Array<string>(n)
  for (let i = 0; i < n; i++) out[i] = text.slice(offsets[i], offsets[i + 1])
  return out
}

/** Row by row, the values coded. */
function decode({ values, codes }: CodedStrings, n: number): string[] {
  const out = new Array<string>(n)
  for (let i = 0; i < n; i++) out[i] = values[codes[i]!]!
  return out
}

function withoutEvents(dataset: EventDataset): Omit<EventDataset, 'events'> {
  const { events: _, ...about } = dataset
  return about
}

/** The typed arrays of the columns: moved to the page rather than copied. */
export const transferablesOf = (c: DatasetColumns): ArrayBuffer[] =>
  [c.alleged, c.earliest, c.latest, c.shape, c.spans, c.id.offsets, c.title.offsets, c.edtf.offsets, c.actors.offsets, c.category.codes, c.status.codes, c.certainty.codes]
    .map((a) => a.buffer as ArrayBuffer)

const decoder = new TextDecoder()

/**
 * The columns as the timeline reads events from a columnar source, each event built from its
 * bytes in `file` when first read. Dates in the general grammar's forms are read again only
 * when their details are shown, so the grammar must be loaded by then (see `grammar`).
 */
export function eventColumnsOf(columns: DatasetColumns, file: Uint8Array): EventColumns {
  const { earliest, latest, shape, spans, length: n } = columns
  const { text: actors, offsets: actorOffsets } = columns.actors
  return {
    length: n,
    id: unpack(columns.id, n),
    title: unpack(columns.title, n),
    category: decode(columns.category, n),
    status: decode(columns.status, n),
    certainty: decode(columns.certainty, n),
    edtf: unpack(columns.edtf, n),
    actors: (row) => (actorOffsets[row] === actorOffsets[row + 1] ? [] : actors.slice(actorOffsets[row], actorOffsets[row + 1]).split(actorSeparator)),
    alleged: (row) => columns.alleged[row] === 1,
    bounds: (row, out) => {
      out.earliest = earliest[row]!
      out.latest = latest[row]!
      out.shape = shapes[shape[row]! & 3]!
      out.approximate = (shape[row]! & approximateBit) !== 0
      out.uncertain = (shape[row]! & uncertainBit) !== 0
    },
    event: (row) => JSON.parse(decoder.decode(file.subarray(spans[2 * row], spans[2 * row + 1]))) as Event,
  }
}

