import { describe, expect, it } from 'vitest'
import { toTimelineEvents } from '../../src/timeline/events.ts'
import { noFilters } from '../../src/timeline/filter.ts'
import { indexAmong, shownOf } from '../../src/timeline/shown.ts'
import { eventTable } from '../../src/timeline/table.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

const table = eventTable(toTimelineEvents(sampleDataset()))
const [first, second] = table.items as [(typeof table.items)[number], (typeof table.items)[number]]

describe('shownOf', () => {
  it('lets every event through unfiltered, with no row list, their starts sorted and their counts', () => {
    const shown = shownOf(table, noFilters)
    expect(shown.rows).toBeNull()
    expect(shown.items).toBe(table.items)
    expect([...shown.starts]).toEqual(table.items.map((i) => i.start))
    expect(shown.counts.get('status')).toEqual(new Map(table.items.reduce((m, i) => m.set(i.status, (m.get(i.status) ?? 0) + 1), new Map<string, number>())))
    expect([0, 1, 2, -1].map((row) => indexAmong(shown, row))).toEqual([0, 1, -1, -1])
  })

  it('keeps the rows a filter lets through, in time order, and places a row among them by binary search', () => {
    const shown = shownOf(table, { ...noFilters, status: new Set([second.status]), category: new Set([second.category]), certainty: new Set([second.certainty]) })
    expect(first.status === second.status && first.category === second.category && first.certainty === second.certainty).toBe(false)
    expect([...shown.rows!]).toEqual([1])
    expect(shown.items).toEqual([second])
    expect([...shown.starts]).toEqual([second.start])
    expect([indexAmong(shown, 1), indexAmong(shown, 0), indexAmong(shown, -1)]).toEqual([0, -1, -1])
  })

  it('shows nothing without a table', () => {
    const shown = shownOf(undefined, noFilters)
    expect([shown.items.length, shown.starts.length, indexAmong(shown, 0)]).toEqual([0, 0, -1])
  })
})
