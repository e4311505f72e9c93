import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { emphasisOf } from '../../src/timeline/emphasis.ts'
import { toTimelineEvents } from '../../src/timeline/events.ts'
import { validateDataset } from '../../src/validate/index.ts'

const day = 86_400_000
const now = Date.UTC(2016, 8, 20)

describe('what a timeline draws as background, and what as the story', () => {
  it('takes the dataset\'s word first, then periods, spans of a week or more and what ended a week before the source', () => {
    expect(emphasisOf({ kind: 'period', emphasis: 'key' }, 0, 10 * day, now)).toBe('key')
    expect(emphasisOf({ kind: 'occurrence', emphasis: 'context' }, now, now + day - 1, now)).toBe('context')
    expect(emphasisOf({ kind: 'period' }, now, now + day - 1, now)).toBe('context')
    expect(emphasisOf({ kind: 'occurrence' }, now - 10 * day, now - 3 * day, now)).toBe('context')
    expect(emphasisOf({ kind: 'occurrence' }, now - 9 * day, now - 8 * day, now)).toBe('context')
    expect(emphasisOf({ kind: 'occurrence' }, now - 2 * day, now - day, now)).toBe('reported')
    expect(emphasisOf({ kind: 'meeting' }, now + 30 * day, now + 31 * day - 1, now)).toBe('reported')
    expect(emphasisOf({ kind: 'statement' }, now - 30 * day, now - 29 * day)).toBe('reported')
  })

  it('sets the article\'s background apart from the week it reports', () => {
    const syria = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!
    const emphasis = new Map(toTimelineEvents(syria).map((e) => [e.id, e.emphasis]))
    expect(emphasis.get('convoy-attack')).toBe('key')
    expect([...emphasis].filter(([, e]) => e === 'context').map(([id]) => id).sort()).toEqual(['kerry-lavrov-deal', 'syrian-civil-war'])
  })
})
