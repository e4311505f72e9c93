import { describe, expect, it } from 'vitest'
import { eventFields } from '../../src/editor/event-fields.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

/** A valid event, with a custom field on a participant and on itself. */
const event = sampleDataset().events[0]! as unknown as Record<string, unknown>

describe('the form\'s reading of an event', () => {
  it('takes every field of a valid event, and finds nothing it cannot show', () => {
    expect(eventFields(event)).toEqual({
      id: 'convoy-attack', title: 'Aid convoy attacked', summary: '',
      date: { edtf: '2016-09-19', text: 'Monday', anchor: 'ap' },
      status: 'occurred', certainty: 'reported', category: 'humanitarian', kind: 'occurrence',
      participants: [{ index: 0, actor: 'russia', role: 'perpetrator', attribution: 'alleged' }],
      fatalities: { best: 20, approximate: true, group: 'civilians' },
      evidence: [{ index: 0, source: 'ap', quote: 'a deadly attack on an aid convoy' }],
      unreadable: [],
    })
  })

  it('names a list that is not one, and gives the form no rows for it', () => {
    for (const [value, what] of [['abc', 'the text "abc"'], [{}, 'an object'], [5, 'the number 5']] as const) {
      const fields = eventFields({ ...event, participants: value, evidence: value })
      expect(fields.participants).toBeNull()
      expect(fields.evidence).toBeNull()
      expect(fields.unreadable).toEqual([`participants is not a list but ${what}: edit it in the text`, `evidence is not a list but ${what}: edit it in the text`])
    }
  })

  it('skips an item that is not an object, keeping the others at their index', () => {
    const fields = eventFields({ ...event, participants: [null, { actor: 'usa', role: 'accuser' }], evidence: [7] })
    expect(fields.participants).toEqual([{ index: 1, actor: 'usa', role: 'accuser', attribution: undefined }])
    expect(fields.evidence).toEqual([])
    expect(fields.unreadable).toEqual([
      'participants item 1 is not an object but null: edit it in the text',
      'evidence item 1 is not an object but the number 7: edit it in the text',
    ])
  })

  it('leaves a date, fatalities or text field of the wrong type to the text, saying which', () => {
    const fields = eventFields({ ...event, title: 12, date: '2016-09-19', fatalities: { best: 'twenty' }, participants: [{ actor: 3, role: 'perpetrator' }] })
    expect(fields.title).toBe('')
    expect(fields.date).toBeNull()
    expect(fields.fatalities).toEqual({ best: undefined, approximate: false, group: undefined })
    expect(fields.participants).toEqual([{ index: 0, actor: undefined, role: 'perpetrator', attribution: undefined }])
    expect(fields.unreadable).toEqual([
      'title is not text but the number 12: edit it in the text',
      'date is not an object but the text "2016-09-19": edit it in the text',
      'participants item 1 actor is not text but the number 3: edit it in the text',
      'fatalities best is not a number but the text "twenty": edit it in the text',
    ])
  })

  it('reads fatalities that are not an object as null, and none as undefined', () => {
    expect(eventFields({ ...event, fatalities: 20 }).fatalities).toBeNull()
    expect(eventFields({ ...event, fatalities: undefined }).fatalities).toBeUndefined()
  })
})
