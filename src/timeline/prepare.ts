import type { EventDataset } from '../model/index.ts'
import { asOf, columnsToTimelineEvents, initialWindow, overviewSpan, reachOf, toTimelineEventsIfLoaded, type EventColumns, type TimelineEvent } from './events.ts'
import { eventTable, type EventTable } from './table.ts'

/** A dataset ready to draw: its events resolved, sorted and in columns, and the windows it opens on. */
export interface Prepared {
  /** The dataset; its events are in `items`. */
  dataset: Omit<EventDataset, 'events'>
  items: TimelineEvent[]
  /** The events as typed columns, row i being items[i]: what zooming, density and hit-testing read. */
  table: EventTable
  /** An event by its id: selection, hover, details and reveal look events up here, not through the list. */
  byId: (id: string) => TimelineEvent | undefined
  asOf: { ms: number; label: string } | null
  window: [number, number] | null
  /** From the first start to the last end: how far the window can pan. */
  extent: [number, number] | null
  /** The overview strip's domain (see overviewSpan). */
  span: [number, number] | null
  /** A lane's name: an actor's short name for an actor id, else the key itself (a category). */
  laneLabel: (key: string) => string
}

/**
 * What drawing a dataset needs: its events resolved and sorted, the "as of" day and the windows;
 * null while a date needs the full EDTF grammar (see dates/edtf-grammar.ts).
 */
export function prepareDataset(dataset: EventDataset): Prepared | null {
  const now = asOf(dataset)
  const items = toTimelineEventsIfLoaded(dataset, {}, now)
  return items && prepareItems(dataset, items, now)
}

/** As `prepareDataset`, for a dataset whose events are columns (an Arrow file): only what drawing reads is built. */
export function prepareColumns(about: Omit<EventDataset, 'events'>, columns: EventColumns): Prepared | null {
  const now = asOf(about)
  const items = columnsToTimelineEvents(columns, now?.ms)
  return items && prepareItems(about, items, now)
}

function prepareItems(dataset: Omit<EventDataset, 'events'>, items: TimelineEvent[], now: { ms: number; label: string } | null): Prepared {
  // One pass over the events for the extent, the first window and the overview's span.
  const reach = reachOf(items, now?.ms)
  // Sorted by start: the first starts first.
  const extent: [number, number] | null = items.length ? [items[0]!.start, reach.lastEnd] : null
  const window = initialWindow(items, reach)
  const actors = new Map(dataset.actors.map((a) => [a.id, a.shortName ?? a.name]))
  const laneLabel = (key: string) => actors.get(key) ?? key
  const table = eventTable(items)
  const byId = (id: string) => items[table.rowOf(id)]
  return { dataset, items, table, byId, asOf: now, extent, window, span: overviewSpan(items, window, reach), laneLabel }
}
