import { describe, expect, it } from 'vitest'
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
  ])('refuses %s', (_, value) => {
    expect(drawable(value())).toBe(false)
  })
})

describe('toTimelineEventsIfLoaded', () => {
  it('gives the events as toTimelineEvents does when every date is in a common form', () => {
    const data = sampleDataset()
    expect(toTimelineEventsIfLoaded(data)?.map((i) => [i.id, i.start, i.end, i.label])).toEqual(toTimelineEvents(data).map((i) => [i.id, i.start, i.end, i.label]))
  })
})
