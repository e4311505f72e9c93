import { describe, expect, it } from 'vitest'
import { resolveEdtf } from '../../src/dates/edtf.ts'
import { drawable, toTimelineEvents, toTimelineEventsIfLoaded } from '../../src/timeline/events.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

/** The sample dataset with one change made by `edit`, as loosely typed as data from outside. */
const edited = (edit: (d: Record<string, any>) => void) => {
  const data = sampleDataset() as unknown as Record<string, any>
  edit(data)
  return data
}

describe('drawable: what may be drawn before validation', () => {
  it('accepts a valid dataset, and one whose problems drawing does not read', () => {
    expect(drawable(sampleDataset())).toBe(true)
    expect(drawable(edited((d) => (d.events[0].status = 'planed')))).toBe(true)
    expect(drawable(edited((d) => (d.events[0].participants[0].actor = 'nobody')))).toBe(true)
    expect(drawable(edited((d) => (d.events[0].date.edtf = 'not a date')))).toBe(true)
  })

  it.each([
    ['not an object', () => null],
    ['an array', () => []],
    ['a title that is not text', () => edited((d) => (d.title = 42))],
    ['events that are not a list', () => edited((d) => (d.events = {}))],
    ['an event that is not an object', () => edited((d) => (d.events[1] = 'event'))],
    ['an event title that is not text', () => edited((d) => (d.events[0].title = ['a']))],
    ['a date without EDTF text', () => edited((d) => (d.events[0].date = { text: 'Monday' }))],
    ['a date phrase that is not text', () => edited((d) => (d.events[0].date.text = 5))],
    ['participants that are not a list', () => edited((d) => (d.events[0].participants = 'usa'))],
    ['a participant without an actor id', () => edited((d) => (d.events[0].participants[0] = { role: 'target' }))],
    ['an attribution that is not text', () => edited((d) => (d.events[0].participants[0].attribution = true))],
    ['a quote that is not text', () => edited((d) => (d.events[0].evidence = [{ source: 'ap', quote: null }]))],
    ['tags that are not text', () => edited((d) => (d.events[0].tags = [1]))],
    ['an actor name that is not text', () => edited((d) => (d.actors[0].name = { en: 'US' }))],
    ['a short name that is not text', () => edited((d) => (d.actors[0].shortName = 1))],
    ['a source without a publication date', () => edited((d) => delete d.sources[0].datePublished)],
    ['relations that are not a list', () => edited((d) => (d.relations = 'none'))],
    ['a relation without a type', () => edited((d) => (d.relations = [{ from: d.events[0].id, to: d.events[1].id }]))],
    ['an actor without an id', () => edited((d) => delete d.actors[1].id)],
    ['a source id that is not text', () => edited((d) => (d.sources[0].id = 7))],
  ])('refuses %s', (_, value) => {
    expect(drawable(value())).toBe(false)
  })
})

// This file does not import dates/edtf-grammar.ts: only the common EDTF forms resolve here.
describe('toTimelineEventsIfLoaded', () => {
  it('gives the events as toTimelineEvents does when every date is in a common form', () => {
    const data = sampleDataset()
    expect(toTimelineEventsIfLoaded(data)?.map((i) => i.id)).toEqual(['convoy-attack', 'us-blames-russia'])
    expect(toTimelineEventsIfLoaded(data)?.map((i) => [i.id, i.start, i.end, i.label])).toEqual(toTimelineEvents(data).map((i) => [i.id, i.start, i.end, i.label]))
  })

  it('gives null while a date needs the general grammar, where toTimelineEvents leaves that event out', () => {
    const data = sampleDataset()
    data.events[0]!.date = { edtf: '2016-21' }
    expect(toTimelineEventsIfLoaded(data)).toBeNull()
    expect(toTimelineEvents(data).map((i) => i.id)).toEqual(['us-blames-russia'])
  })
})

describe('toTimelineEvents dates', () => {
  it('give each event the bounds and shape its EDTF resolves to, and the full date, built once', () => {
    const data = sampleDataset()
    const template = data.events[0]!
    const dates = ['2016-09-19', '2016-09~', '2016-09-17/2016-09-19', '../2016-09-20', '2016-09-17/..', '[2016-09-17..2016-09-18]', '2011?', '2016-09-19%']
    data.events = dates.map((edtf, i) => ({ ...template, id: `e${i}`, date: { edtf } }))
    data.relations = []
    const items = toTimelineEvents(data)
    expect(items).toHaveLength(dates.length)
    for (const item of items) {
      const resolved = resolveEdtf(item.event.date.edtf)
      if (!resolved.ok) throw new Error(resolved.message)
      expect([item.start, item.end, item.shape], item.event.date.edtf).toEqual([resolved.date.earliest, resolved.date.latest, resolved.date.shape])
      // Asked for twice, the same object: built once.
      expect(item.date).toEqual(resolved.date)
      expect(item.date).toBe(item.date)
    }
    expect(items.find((i) => i.event.date.edtf === '2016-09~')!.label).toBe(`~ ${template.title}`)
    expect(items.find((i) => i.event.date.edtf === '2016-09-19%')!.label).toBe(`~? ${template.title}`)
    expect(items.find((i) => i.event.date.edtf === '2016-09~')!.dateLabel).toBe('c. Sep 2016')
  })

  it('keep the date they were placed by when the page edits the event afterwards', () => {
    const data = sampleDataset()
    const [item] = toTimelineEvents(data).filter((i) => i.id === 'convoy-attack')
    data.events.find((e) => e.id === 'convoy-attack')!.date.edtf = 'not a date'
    expect(item!.date.earliest).toBe(item!.start)
    expect(item!.dateLabel).toBe('19 Sep 2016')
  })
})

describe('toTimelineEvents order', () => {
  it('is by start, then end, then id, however the events are listed', () => {
    const data = sampleDataset()
    const template = data.events[0]!
    const dates = ['2016-09-19', '2016-09', '2016-09-17/2016-09-19', '2016-09-19', '2016', '2016-09-17', '2016-09-19/2016-09-20', '2016-09-19']
    data.events = dates.map((edtf, i) => ({ ...template, id: `e${(i * 5) % dates.length}`, date: { edtf } }))
    data.relations = []
    const items = toTimelineEvents(data)
    const expected = [...items].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    expect(items.map((i) => i.id)).toEqual(expected.map((i) => i.id))
    expect(items.map((i) => i.event.date.edtf)).toEqual(['2016', '2016-09', '2016-09-17', '2016-09-17/2016-09-19', '2016-09-19', '2016-09-19', '2016-09-19', '2016-09-19/2016-09-20'])
    const reversed = { ...data, events: [...data.events].reverse() }
    expect(toTimelineEvents(reversed).map((i) => i.id)).toEqual(items.map((i) => i.id))
  })
})
