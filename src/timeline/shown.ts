import { allFacetCounts, filterRows, type Facet, type Filters } from './filter.ts'
import type { TimelineEvent } from './events.ts'
import { atOrAfter } from './query.ts'
import type { EventTable } from './table.ts'

/** The events the filters let through, in time order, and what the filters part shows of them. */
export interface Shown {
  /** Their table rows; null when no filter applies, for all of them. */
  rows: Uint32Array | null
  items: readonly TimelineEvent[]
  /** Their starts, sorted: the overview counts them by binary search. */
  starts: Float64Array
  /** For each facet and value, how many events choosing it would show. */
  counts: Map<Facet, Map<string, number>>
}

/** What the filters let through of a table's events (none without a table). */
export function shownOf(table: EventTable | undefined, filters: Filters): Shown {
  const items = table?.items ?? []
  const rows = filterRows(items, filters)
  return {
    rows,
    items: rows ? Array.from(rows, (r) => items[r]!) : items,
    starts: !table ? new Float64Array(0) : rows ? Float64Array.from(rows, (r) => table.start[r]!) : table.start,
    counts: allFacetCounts(items, filters),
  }
}

/** Where table row `row` is among the events shown, in time order (a binary search in the rows); -1 when filtered out. */
export function indexAmong(shown: Shown, row: number): number {
  const rows = shown.rows
  if (!rows || row < 0) return row < shown.items.length ? row : -1
  const at = atOrAfter(rows, row)
  return rows[at] === row ? at : -1
}
