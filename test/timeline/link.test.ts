import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { noFilters, type Filters } from '../../src/timeline/filter.ts'
import { readLink, writeLink, type LinkState } from '../../src/timeline/link.ts'

const day = 86_400_000
const at = (iso: string) => Date.parse(iso)

describe('a view as an address', () => {
  it('is short and readable', () => {
    const filters: Filters = { ...noFilters, category: new Set(['military', 'diplomacy']), query: 'aid convoy, Aleppo' }
    const link = writeLink({ event: 'convoy-attack', window: [at('2016-09-14T00:00Z'), at('2016-09-22T00:00Z')], filters })
    expect(link).toBe('#event=convoy-attack&from=2016-09-14&to=2016-09-21&category=military,diplomacy&q=aid%20convoy,%20Aleppo')
    expect(writeLink({ event: null, window: null, filters: noFilters })).toBe('')
  })

  it('reads back to the view it was written from: days for a window of two days or more, minutes below', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/)
    const values = (list: string[]) => fc.subarray(list).map((v) => new Set(v))
    fc.assert(
      fc.property(
        fc.option(fc.oneof(id, fc.string({ minLength: 1 })), { nil: null }),
        fc.option(fc.oneof(
          fc.tuple(fc.integer({ min: -20_000, max: 40_000 }), fc.integer({ min: 2, max: 4000 })).map(([d, n]) => [d * day, (d + n) * day] as [number, number]),
          fc.tuple(fc.integer({ min: 0, max: 30_000_000 }), fc.integer({ min: 1, max: 2879 })).map(([m, n]) => [m * 60_000, (m + n) * 60_000] as [number, number]),
        ), { nil: null }),
        values(['usa', 'russia', 'un-security-council']), values(['military', 'diplomacy']), values(['planned', 'occurred']), values(['disputed']),
        fc.string(),
        (event, window, actor, category, status, certainty, query) => {
          const state: LinkState = { event, window, filters: { actor, category, status, certainty, query } }
          expect(readLink(writeLink(state))).toEqual(state)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('writes a window of days off midnight as the days its label shows', () => {
    const link = writeLink({ event: null, window: [at('2016-09-13T21:00Z'), at('2016-09-21T02:00Z')], filters: noFilters })
    expect(link).toBe('#from=2016-09-14&to=2016-09-20')
    // A window under two days that ends at midnight ends there, not a day later.
    const short = writeLink({ event: null, window: [at('2016-09-14T18:00Z'), at('2016-09-15T00:00Z')], filters: noFilters })
    expect(short).toBe('#from=2016-09-14T18:00Z&to=2016-09-15T00:00Z')
    expect(readLink(short).window).toEqual([at('2016-09-14T18:00Z'), at('2016-09-15T00:00Z')])
  })

  it('ignores what is broken or unknown, and reads the rest, never throwing', () => {
    expect(readLink('#event=%E0%A4%A&q=Gen%C3%A8ve').event).toBeNull()
    expect(readLink('#event=%E0%A4%A&q=Gen%C3%A8ve').filters.query).toBe('Genève')
    expect(() => readLink('#%&&=&event&from=%')).not.toThrow()
    expect(readLink('#event=a&from=2016-02-31&to=2016-03-02').window).toBeNull()
    expect(readLink('#from=2016-09-21&to=2016-09-14').window).toBeNull()
    expect(readLink('#from=yesterday&to=2016-09-14').window).toBeNull()
    // Read as the timeline reads dates: a month is from its first day through its last.
    expect(readLink('#from=2016-09&to=2016-10').window).toEqual([at('2016-09-01T00:00Z'), at('2016-11-01T00:00Z')])
    expect(readLink('#from=2016-09-14~&to=2016-09-21').window).toBeNull()
    expect(readLink('#from=2016-09-14T06:00Z&to=2016-09-14T08:30Z').window).toEqual([at('2016-09-14T06:00Z'), at('2016-09-14T08:30Z')])
    const read = readLink('#colour=red&status=planned,,occurred&event=&q=')
    expect(read.event).toBeNull()
    expect([...read.filters.status]).toEqual(['planned', 'occurred'])
    expect(read.filters.query).toBe('')
    expect(readLink('').filters).toEqual(noFilters)
  })
})
