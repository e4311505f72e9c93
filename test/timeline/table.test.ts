import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toTimelineEvents } from '../../src/timeline/events.ts'
import { eventTable, Flag, laneIndex } from '../../src/timeline/table.ts'
import { datasetArb, datasetWith, eventsArb, inTimeOrder, item, lanesOf } from '../fixtures/events.ts'

const groupings = ['actor', 'category', 'none'] as const

describe('eventTable', () => {
  it('holds each event\'s bounds in typed columns, row i being the i-th event in time order', () => {
    fc.assert(
      fc.property(datasetArb(60), (dataset) => {
        const items = toTimelineEvents(dataset)
        const table = eventTable(items)
        expect(table.length).toBe(items.length)
        expect(table.items).toBe(items)
        expect(Array.from(table.start)).toEqual(items.map((i) => i.start))
        expect(Array.from(table.end)).toEqual(items.map((i) => i.end))
        expect(table.start.every((start, i) => i === 0 || start >= table.start[i - 1]!)).toBe(true)
      }),
      { numRuns: 50 },
    )
  })

  it('sets one flag bit each for a dot, planned, disputed, one of and cancelled', () => {
    const items = toTimelineEvents(datasetWith([
      { id: 'day', edtf: '2016-09-17' },
      { id: 'planned-day', edtf: '2016-09-17', status: 'planned' },
      { id: 'cancelled-day', edtf: '2016-09-17', status: 'cancelled' },
      { id: 'alleged-day', edtf: '2016-09-17', actors: ['russia'], alleged: true },
      { id: 'disputed-day', edtf: '2016-09-17', certainty: 'disputed' },
      { id: 'one-of', edtf: '[2016-09-17..2016-09-18]' },
      { id: 'ongoing-day', edtf: '2016-09-17', status: 'ongoing' },
      { id: 'span', edtf: '2016-09-17/2016-09-19' },
      { id: 'planned-month', edtf: '2016-09', status: 'planned' },
      { id: 'cancelled-disputed-one-of', edtf: '[2016-09-17..2016-09-18]', status: 'cancelled', certainty: 'disputed' },
    ]))
    const table = eventTable(items)
    const flagsOf = (id: string) => table.flags[table.rowOf(id)]
    expect(flagsOf('day')).toBe(Flag.dot)
    expect(flagsOf('planned-day')).toBe(Flag.dot | Flag.planned)
    expect(flagsOf('cancelled-day')).toBe(Flag.dot | Flag.cancelled)
    expect(flagsOf('alleged-day')).toBe(Flag.dot | Flag.disputed)
    expect(flagsOf('disputed-day')).toBe(Flag.dot | Flag.disputed)
    expect(flagsOf('one-of')).toBe(Flag.oneOf)
    expect(flagsOf('ongoing-day')).toBe(0)
    expect(flagsOf('span')).toBe(0)
    expect(flagsOf('planned-month')).toBe(Flag.planned)
    expect(flagsOf('cancelled-disputed-one-of')).toBe(Flag.oneOf | Flag.cancelled | Flag.disputed)
    // Five bits, none shared.
    expect(Object.values(Flag).reduce((all, bit) => all | bit, 0)).toBe(31)
  })

  it('draws an event whose end comes before its start as a moment at its start', () => {
    const items = inTimeOrder([item('backwards', 5_000, 1_000), item('forwards', 6_000, 7_000)])
    const table = eventTable(items)
    expect(Array.from(table.start)).toEqual([5_000, 6_000])
    expect(Array.from(table.end)).toEqual([5_000, 7_000])
    // Its lane reads the clamped end too.
    const [lane] = laneIndex(table, null, 'none', (k) => k)
    expect(Array.from(lane!.ends)).toEqual([5_000, 7_000])
    expect(Array.from(lane!.sortedEnds)).toEqual([5_000, 7_000])
  })

  it('finds the first row of an id, as a search would, and -1 for an id it does not hold', () => {
    const table = eventTable([item('a', 1, 2), item('b', 2, 3), item('a', 3, 4), item('c', 4, 5), item('b', 5, 6)])
    expect(table.rowOf('a')).toBe(0)
    expect(table.rowOf('b')).toBe(1)
    expect(table.rowOf('c')).toBe(3)
    expect(table.rowOf('d')).toBe(-1)
    expect(eventTable([]).rowOf('a')).toBe(-1)
  })
})

describe('laneIndex', () => {
  it('orders lanes by their labels, not by their keys or by which comes first', () => {
    const items = toTimelineEvents(datasetWith([
      { id: 'k', edtf: '2016-09-17', actors: ['kerry'] },
      { id: 'r', edtf: '2016-09-18', actors: ['russia'] },
      { id: 'u', edtf: '2016-09-19', actors: ['usa'] },
      { id: 'none', edtf: '2016-09-20' },
    ]))
    const labels: Record<string, string> = { usa: 'America', russia: 'Russia', kerry: 'Secretary Kerry', '(no actor)': '(no actor)' }
    const lanes = laneIndex(eventTable(items), null, 'actor', (k) => labels[k]!)
    expect(lanes.map((l) => [l.key, l.label])).toEqual([['(no actor)', '(no actor)'], ['usa', 'America'], ['russia', 'Russia'], ['kerry', 'Secretary Kerry']])
  })

  it.each(groupings)('puts each row shown in each of its lanes, once, in time order (group by %s)', (groupBy) => {
    fc.assert(
      fc.property(
        eventsArb(120).chain((items) => fc.tuple(fc.constant(items), fc.option(fc.subarray(items.map((_, i) => i)), { nil: null }))),
        ([items, shown]) => {
          const table = eventTable(items)
          const lanes = laneIndex(table, shown === null ? null : Uint32Array.from(shown), groupBy, (k) => k.toUpperCase())
          const rows = shown ?? items.map((_, i) => i)
          const expected = new Map<string, number[]>()
          for (const r of rows) {
            for (const key of lanesOf(items[r]!, groupBy)) {
              if (!expected.has(key)) expected.set(key, [])
              expected.get(key)!.push(r)
            }
          }
          expect(lanes.map((l) => l.key).sort()).toEqual([...expected.keys()].sort())
          for (const lane of lanes) {
            expect(lane.label).toBe(lane.key.toUpperCase())
            expect(Array.from(lane.rows)).toEqual(expected.get(lane.key))
            expect(Array.from(lane.starts)).toEqual(Array.from(lane.rows, (r) => table.start[r]))
            expect(Array.from(lane.ends)).toEqual(Array.from(lane.rows, (r) => table.end[r]))
          }
          for (let i = 1; i < lanes.length; i++) expect(lanes[i - 1]!.label.localeCompare(lanes[i]!.label)).toBeLessThan(0)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('puts an event with no actor in the "(no actor)" lane when grouped by actor, and an event with two in both of theirs', () => {
    const items = toTimelineEvents(datasetWith([{ id: 'alone', edtf: '2016-09-17' }, { id: 'talks', edtf: '2016-09-18', actors: ['usa', 'russia'] }]))
    const table = eventTable(items)
    const lanes = laneIndex(table, null, 'actor', (k) => k)
    expect(lanes.map((l) => [l.key, Array.from(l.rows, (r) => items[r]!.id)])).toEqual([['(no actor)', ['alone']], ['russia', ['talks']], ['usa', ['talks']]])
  })

  it('sorts each lane\'s ends apart from its starts, and puts each event in one length class shorter than the class\'s span', () => {
    fc.assert(
      fc.property(eventsArb(200), fc.constantFrom(...groupings), (items, groupBy) => {
        const table = eventTable(items)
        for (const lane of laneIndex(table, null, groupBy, (k) => k)) {
          const n = lane.rows.length
          expect(Array.from(lane.sortedEnds)).toEqual(Array.from(lane.ends).sort((a, b) => a - b))
          expect(lane.starts.every((start, p) => p === 0 || start >= lane.starts[p - 1]!)).toBe(true)
          const seen = new Array<number>(n).fill(0)
          const wrong: string[] = []
          for (let c = 0; c < lane.classes.length; c++) {
            const { span, positions, starts } = lane.classes[c]!
            if (c > 0 && span <= lane.classes[c - 1]!.span) wrong.push(`class ${c}: span ${span} after ${lane.classes[c - 1]!.span}`)
            if (positions.length === 0) wrong.push(`class ${c}: empty`)
            for (let k = 0; k < positions.length; k++) {
              const p = positions[k]!
              seen[p]!++
              const length = lane.ends[p]! - lane.starts[p]!
              // One power of two of lengths per class: shorter than its span, longer than half of it less 2 ms.
              if ((k > 0 && p <= positions[k - 1]!) || starts[k] !== lane.starts[p] || !(length < span) || !(length + 2 > span / 2)) {
                wrong.push(`class of span ${span}, position ${p}: lasts ${length}, starts ${starts[k]} (lane: ${lane.starts[p]})`)
              }
            }
          }
          expect(wrong).toEqual([])
          expect(seen.every((times) => times === 1)).toBe(true)
        }
      }),
      { numRuns: 50 },
    )
  })
})
