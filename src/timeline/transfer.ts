import { DateShape, quickBounds, type QuickBounds } from '../dates/edtf.ts'
import type { Event, EventDataset } from '../model/index.ts'
import { toTimelineEventsIfLoaded, type EventColumns } from './events.ts'

// A dataset as a worker sends it to the page: what drawing reads of each event as arrays (their
// dates already read), every event in time order, and where each event lies in the file's bytes,
// so that the page builds an event only when it is read, from its own bytes. Plain data and typed
// arrays: it crosses to the page by structured clone, its typed arrays moved, not copied.

/** What drawing reads of a dataset, in columns; row i is the i-th event in time order. */
export interface DatasetColumns {
  /** The dataset without its events. */
  about: Omit<EventDataset, 'events'>
  length: number
  id: string[]
  title: string[]
  category: string[]
  status: string[]
  certainty: string[]
  edtf: string[]
  /** Each event's distinct actors, joined by `actorSeparator`. */
  actors: string[]
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
  const strings = () => new Array<string>(n)
  const columns: DatasetColumns = {
    about: withoutEvents(dataset),
    length: n,
    id: strings(), title: strings(), category: strings(), status: strings(), certainty: strings(), edtf: strings(), actors: strings(),
    alleged: new Uint8Array(n),
    earliest: new Float64Array(n), latest: new Float64Array(n), shape: new Uint8Array(n),
    spans: new Uint32Array(2 * n),
    grammar: false,
  }
  const bounds: QuickBounds = { earliest: 0, latest: 0, shape: DateShape.point, approximate: false, uncertain: false }
  for (let row = 0; row < n; row++) {
    const item = items[row]!
    const event = item.event
    const edtf = event.date.edtf
    columns.id[row] = item.id
    columns.title[row] = item.title
    columns.category[row] = item.category
    columns.status[row] = item.status
    columns.certainty[row] = item.certainty
    columns.edtf[row] = edtf
    columns.actors[row] = item.actors.join(actorSeparator)
    columns.alleged[row] = event.participants?.some((p) => p.attribution === 'alleged') ? 1 : 0
    if (!quickBounds(edtf, bounds)) {
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
  return columns
}

function withoutEvents(dataset: EventDataset): Omit<EventDataset, 'events'> {
  const { events: _, ...about } = dataset
  return about
}

/** The typed arrays of the columns: moved to the page rather than copied. */
export const transferablesOf = (c: DatasetColumns): ArrayBuffer[] =>
  [c.alleged, c.earliest, c.latest, c.shape, c.spans].map((a) => a.buffer as ArrayBuffer)

const decoder = new TextDecoder()

/**
 * The columns as the timeline reads events from a columnar source, each event built from its
 * bytes in `file` when first read. Dates in the general grammar's forms are read again only
 * when their details are shown, so the grammar must be loaded by then (see `grammar`).
 */
export function eventColumnsOf(columns: DatasetColumns, file: Uint8Array): EventColumns {
  const { earliest, latest, shape, spans } = columns
  return {
    length: columns.length,
    id: columns.id,
    title: columns.title,
    category: columns.category,
    status: columns.status,
    certainty: columns.certainty,
    edtf: columns.edtf,
    actors: (row) => (columns.actors[row] ? columns.actors[row].split(actorSeparator) : []),
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

