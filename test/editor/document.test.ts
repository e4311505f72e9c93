import { readFileSync } from 'node:fs'
import { applyEdits } from 'jsonc-parser'
import { describe, expect, it } from 'vitest'
import { suggestionsAt } from '../../src/editor/completions.ts'
import { append, cursorContext, eventAt, eventRanges, setValue, tokenEnd } from '../../src/editor/document.ts'
import { json, sampleDataset } from '../fixtures/dataset.ts'

const schema = JSON.parse(readFileSync(new URL('../../data/event-dataset.schema.json', import.meta.url), 'utf8'))
const text = json(sampleDataset())

describe('locating events in the text', () => {
  it('finds each event object and the event under an offset', () => {
    const ranges = eventRanges(text)
    expect(ranges.map((r) => r.id)).toEqual(['convoy-attack', 'us-blames-russia'])
    expect(text.slice(ranges[0]!.from, ranges[0]!.from + 1)).toBe('{')
    expect(eventAt(ranges, text.indexOf('"Aid convoy attacked"'))).toBe('convoy-attack')
    expect(eventAt(ranges, text.indexOf('"US blames Russia"'))).toBe('us-blames-russia')
    expect(eventAt(ranges, text.indexOf('"sources"'))).toBeNull()
  })

  it('finds none, without failing, in text nested far deeper than a dataset', () => {
    expect(eventRanges('{"events": [' + '['.repeat(100_000) + ']'.repeat(100_000) + ']}')).toEqual([])
  })

  it('still finds them when another part of the text is broken', () => {
    const broken = text.replace('"title": "Sample",', '"title": "Sample"')
    expect(eventRanges(broken).map((r) => r.id)).toEqual(['convoy-attack', 'us-blames-russia'])
  })
})

describe('editing the text', () => {
  it('changes one value and leaves every other character as it was', () => {
    const edited = applyEdits(text, setValue(text, ['events', 0, 'title'], 'Convoy hit'))
    expect(edited).toBe(text.replace('"title": "Aid convoy attacked"', '"title": "Convoy hit"'))
  })

  it('adds a missing property after the others, keeping x- fields and key order', () => {
    const edited = applyEdits(text, setValue(text, ['events', 1, 'summary'], 'A statement.'))
    const event = JSON.parse(edited).events[1]
    expect(Object.keys(event)).toEqual(['id', 'title', 'kind', 'category', 'status', 'certainty', 'date', 'participants', 'summary'])
    expect(JSON.parse(edited)['x-owner']).toEqual(sampleDataset()['x-owner'])
    expect(edited.slice(0, text.indexOf('"us-blames-russia"'))).toBe(text.slice(0, text.indexOf('"us-blames-russia"')))
  })

  it('appends to an array and removes a property', () => {
    const added = applyEdits(text, append(text, ['events', 1, 'participants'], { actor: 'usa', role: 'speaker' }))
    expect(JSON.parse(added).events[1].participants).toHaveLength(2)
    const removed = applyEdits(text, setValue(text, ['events', 0, 'fatalities'], undefined))
    expect(JSON.parse(removed).events[0].fatalities).toBeUndefined()
    expect(JSON.parse(removed).events[0]['x-note']).toBe('kept')
  })

  it('finds the end of the value at an offset, for underlining it', () => {
    const at = text.indexOf('"occurrence"')
    expect(text.slice(at, tokenEnd(text, at))).toBe('"occurrence"')
  })
})

describe('suggestions', () => {
  const at = (needle: string, shift = 1) => cursorContext(text, text.indexOf(needle) + shift)

  it('offers an enum\'s values with their descriptions at a value', () => {
    const { path, atKey } = at('"occurred"')
    expect(path).toEqual(['events', 0, 'status'])
    const suggestions = suggestionsAt(schema, path, atKey)
    expect(suggestions.map((s) => s.label)).toEqual(['occurred', 'ongoing', 'planned', 'postponed', 'cancelled'])
    expect(suggestions[2]).toMatchObject({ value: '"planned"', detail: 'It was scheduled or intended, and had not yet happened.' })
  })

  it('tells event kinds from actor kinds by where the cursor is', () => {
    expect(suggestionsAt(schema, ['actors', 0, 'kind'], false).map((s) => s.label)).toContain('armed-group')
    expect(suggestionsAt(schema, ['events', 0, 'kind'], false).map((s) => s.label)).toContain('occurrence')
  })

  it('offers the ids that a reference field can point to', () => {
    const data = sampleDataset()
    expect(suggestionsAt(schema, ['events', 0, 'participants', 0, 'actor'], false, data).map((s) => s.label)).toEqual(['usa', 'russia', 'kerry'])
    expect(suggestionsAt(schema, ['relations', 0, 'to'], false, data).map((s) => s.label)).toEqual(['convoy-attack', 'us-blames-russia'])
    expect(suggestionsAt(schema, ['events', 0, 'evidence', 0, 'source'], false, data).map((s) => s.label)).toEqual(['ap'])
  })

  it('offers the fields an object allows at a key', () => {
    expect(suggestionsAt(schema, ['events', 0, ''], true).map((s) => s.label)).toContain('certainty')
    expect(suggestionsAt(schema, ['nowhere', 0, 'x'], false)).toEqual([])
  })
})
