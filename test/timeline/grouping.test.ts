import { describe, expect, it } from 'vitest'
import { layoutLane, type Grouping } from '../../src/timeline/layout.ts'
import { day, item, origin } from '../fixtures/events.ts'

const measure = (text: string) => text.length * 7
const dot = (id: string, days: number) => item(id, origin + days * day, origin + (days + 1) * day - 1, { shape: 'point', label: id })
const options = (grouping: Grouping, pxPerDay = 40) => ({ x: (ms: number) => ((ms - origin) / day) * pxPerDay, rowHeight: 20, lanePadding: 4, measure, minMarkWidth: 10, right: 1200, grouping })
const grouping = (more: Partial<Grouping> = {}): Grouping => ({ min: 3, open: () => false, label: (n) => `${n} events`, ...more })

describe('many events on one day', () => {
  // Five statements on day 2, two on day 5, one bar starting on day 2.
  const items = [dot('a', 2), dot('b', 2), dot('c', 2), dot('d', 2), dot('e', 2), item('bar', origin + 2 * day, origin + 4 * day), dot('f', 5), dot('g', 5)]

  it('are one mark with their count, in one row, while fewer stay marks of their own', () => {
    const { marks, lane } = layoutLane(items, 'diplomacy', 'diplomacy', 0, options(grouping()))
    expect(marks.map((m) => [m.item.id, m.group?.count ?? 1, m.label])).toEqual([['a', 5, '5 events'], ['bar', 1, 'bar'], ['f', 1, 'f'], ['g', 1, 'g']])
    expect(marks[0]!.group!.key).toBe(`diplomacy\n${origin + 2 * day}`)
    expect(lane.rows).toBeLessThan(layoutLane(items, 'diplomacy', 'diplomacy', 0, options(grouping({ min: 99 }))).lane.rows)
  })

  it('open when the user opened them, when a day is drawn wide, or for an event kept in view', () => {
    const ids = (g: Grouping, px?: number) => layoutLane(items, 'x', 'x', 0, options(g, px)).marks.map((m) => m.item.id)
    const all = ['a', 'b', 'c', 'd', 'e', 'bar', 'f', 'g']
    expect(ids(grouping({ open: (key) => key === `x\n${origin + 2 * day}` }))).toEqual(all)
    expect(ids(grouping({ open: (_, width) => width >= 300 }), 300)).toEqual(all)
    expect(ids(grouping({ keep: (i) => i.id === 'c' }))).toEqual(all)
  })
})
