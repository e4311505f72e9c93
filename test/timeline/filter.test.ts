import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toTimelineEvents } from '../../src/timeline/events.ts'
import { allFacetCounts, applyFilters, facets, filtering, noFilters, toggled, type Facet, type Filters } from '../../src/timeline/filter.ts'
import { validateDataset } from '../../src/validate/index.ts'

const dataset = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!
const items = toTimelineEvents(dataset)
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((i) => i.id)

describe('filters', () => {
  it('toggle a chip\'s value on and off, leaving the other facets and the filters given as they were', () => {
    const on = toggled(noFilters, 'status', 'planned')
    expect([...on.status]).toEqual(['planned'])
    expect(on.category).toBe(noFilters.category)
    expect(noFilters.status.size).toBe(0)
    const both = toggled(on, 'status', 'occurred')
    expect([...both.status].sort()).toEqual(['occurred', 'planned'])
    expect([...toggled(both, 'status', 'planned').status]).toEqual(['occurred'])
    expect([...on.status]).toEqual(['planned'])
  })

  it('keep everything when nothing is chosen, as the same array', () => {
    expect(applyFilters(items, noFilters)).toBe(items)
  })

  it('tell whether anything is filtered: a chosen value or a word, not white space or accents alone', () => {
    expect(filtering(noFilters)).toBe(false)
    expect(filtering({ ...noFilters, query: ' \t\n' })).toBe(false)
    expect(filtering({ ...noFilters, query: '\u0301' })).toBe(false)
    expect(filtering({ ...noFilters, query: ' convoy ' })).toBe(true)
    expect(filtering({ ...noFilters, certainty: new Set(['disputed']) })).toBe(true)
  })

  it('keep events with any chosen value of a facet, and every chosen facet must match', () => {
    const planned = applyFilters(items, { ...noFilters, status: new Set(['planned']) })
    expect(ids(planned)).toEqual(['friday-meeting'])
    const either = applyFilters(items, { ...noFilters, status: new Set(['planned', 'cancelled']) })
    expect(ids(either).sort()).toEqual(['friday-meeting', 'joint-center-envisioned'])
    const both = applyFilters(items, { ...noFilters, status: new Set(['occurred']), category: new Set(['humanitarian']) })
    expect(ids(both).sort()).toEqual(['convoy-attack', 'un-suspends-aid'])
  })

  it('match an actor in any of an event\'s participants', () => {
    const kirby = applyFilters(items, { ...noFilters, actor: new Set(['kirby']) })
    expect(ids(kirby)).toEqual(['kirby-statement'])
  })

  it('search titles, summaries, date phrases and quotes, ignoring case and accents', () => {
    expect(ids(applyFilters(items, { ...noFilters, query: 'GAME CHANGER' }))).toEqual(['de-mistura-statement'])
    expect(ids(applyFilters(items, { ...noFilters, query: 'only show in town' }))).toEqual(['johnson-only-show'])
    // Only in a quote, not in any title or summary.
    expect(ids(applyFilters(items, { ...noFilters, query: 'forcing a serious discussion' }))).toEqual(['de-mistura-statement'])
    expect(applyFilters(items, { ...noFilters, query: 'Ayrault' }).length).toBeGreaterThan(0)
    expect(ids(applyFilters(items, { ...noFilters, query: 'ayráult' }))).toEqual(ids(applyFilters(items, { ...noFilters, query: 'ayrault' })))
    expect(applyFilters(items, { ...noFilters, query: 'convoy zzzz' })).toEqual([])
  })

  it('count each value as if it were chosen, under the other filters', () => {
    const humanitarian = { ...noFilters, category: new Set(['humanitarian']) }
    const counts = allFacetCounts(items, humanitarian)
    expect(Object.fromEntries(counts.get('status')!)).toEqual({ occurred: 2 })
    expect(counts.get('category')!.get('diplomacy')).toBe(items.filter((i) => i.event.category === 'diplomacy').length)
  })

  // By the definition: the count of a value is the number of events shown with that value chosen
  // in place of its facet's choice.
  const chosenAlone = (filters: Filters, facet: Facet, value: string) => applyFilters(items, { ...filters, [facet]: new Set([value]) }).length
  const values = (facet: Facet) => [...new Set(items.flatMap((i) => (facet === 'actor' ? i.actors : [i[facet]])))]

  it.each<[string, Filters]>([
    ['no filter', noFilters],
    ['a query of spaces', { ...noFilters, query: '   ' }],
    ['a status', { ...noFilters, status: new Set(['occurred']) }],
    ['an actor and a query', { ...noFilters, actor: new Set(['usa']), query: 'russia' }],
    ['two facets', { ...noFilters, category: new Set(['diplomacy']), status: new Set(['occurred', 'planned']) }],
    ['three facets and a query', { ...noFilters, actor: new Set(['russia', 'usa']), category: new Set(['diplomacy', 'military']), certainty: new Set(['reported']), query: 'truce' }],
  ])('count every value of every facet as the events shown were it chosen, with %s', (_, filters) => {
    const all = allFacetCounts(items, filters)
    for (const facet of facets) {
      const expected = Object.fromEntries(values(facet).map((v) => [v, chosenAlone(filters, facet, v)]).filter(([, n]) => n !== 0))
      expect(Object.fromEntries(all.get(facet)!), facet).toEqual(expected)
      // Each case leaves every facet something to count: a check on empty counts could not fail.
      expect(Object.keys(expected).length, facet).toBeGreaterThan(0)
    }
  })
})
