import { describe, expect, it } from 'vitest'
import { resolveRelativePhrase } from '../../src/dates/relative.ts'
import { label, resolved, utcDay } from './helpers.ts'

describe('the time zone the suite runs in', () => {
  it('is really not UTC, so a local-time leak would show', () => {
    expect(['America/Los_Angeles', 'Pacific/Kiritimati']).toContain(process.env.TZ)
    expect(new Date(Date.UTC(2016, 8, 19)).getTimezoneOffset()).not.toBe(0)
  })
})

describe('a date-only value never shifts a day, in whatever zone runs', () => {
  it.each([
    ['2016-09-19', '19 Sep 2016', [2016, 9, 19]],
    ['2016-02-29', '29 Feb 2016', [2016, 2, 29]],
    ['0001-01-01', '1 Jan 0001', [1, 1, 1]],
    ['2016-03-13', '13 Mar 2016', [2016, 3, 13]], // DST starts in Los Angeles
    ['2016-11-06', '6 Nov 2016', [2016, 11, 6]], // DST ends in Los Angeles
    ['2016-12-31', '31 Dec 2016', [2016, 12, 31]],
    ['2017-01-01', '1 Jan 2017', [2017, 1, 1]],
    ['1800-01-01', '1 Jan 1800', [1800, 1, 1]], // local mean time, offsets with seconds
    ['1994-12-31', '31 Dec 1994', [1994, 12, 31]],
  ] as const)('%s reads "%s" and starts at UTC midnight', (text, expected, [y, m, d]) => {
    const date = resolved(text)
    expect([date.earliest, date.latest]).toEqual(utcDay(y, m, d))
    expect(label(text)).toBe(expected)
  })

  it('the first day of a month keeps its month and year', () => {
    expect(label('2016-09')).toBe('Sep 2016')
    expect(label('2016-01')).toBe('Jan 2016')
    expect(label('2016')).toBe('2016')
    expect(label('2010-01-01/2010-12-31')).toBe('1 Jan – 31 Dec 2010')
  })

  it('spans and sets across DST changes keep their days', () => {
    expect(label('2016-03-12/2016-03-14')).toBe('12–14 Mar 2016')
    expect(label('[2016-11-05..2016-11-06]')).toBe('5 or 6 Nov 2016')
  })
})

describe('times keep their UTC fields in whatever zone runs', () => {
  it('a time on a DST-change day reads its UTC hour', () => {
    expect(label('2016-11-06T01:30:00Z')).toBe('6 Nov 2016 01:30 UTC')
    expect(label('2016-11-06T09:30:00Z')).toBe('6 Nov 2016 09:30 UTC')
  })

  it('a time in the hour Los Angeles skips reads its UTC hour', () => {
    expect(label('2016-03-13T02:30:00Z')).toBe('13 Mar 2016 02:30 UTC')
  })
})

describe('relative phrases never shift a day, in whatever zone runs', () => {
  it('days around the DST changes in Los Angeles', () => {
    expect(resolveRelativePhrase('tomorrow', '2016-03-12')).toBe('2016-03-13')
    expect(resolveRelativePhrase('today', '2016-03-13')).toBe('2016-03-13')
    expect(resolveRelativePhrase('yesterday', '2016-03-14')).toBe('2016-03-13')
    expect(resolveRelativePhrase('tomorrow', '2016-11-05')).toBe('2016-11-06')
    expect(resolveRelativePhrase('yesterday', '2016-11-07')).toBe('2016-11-06')
    expect(resolveRelativePhrase('over the weekend', '2016-03-14')).toBe('[2016-03-12..2016-03-13]')
    expect(resolveRelativePhrase('last week', '2016-11-08')).toBe('[2016-10-31..2016-11-06]')
  })

  it('days around a day the local zone skipped', () => {
    expect(resolveRelativePhrase('today', '1994-12-31')).toBe('1994-12-31')
    expect(resolveRelativePhrase('tomorrow', '1994-12-30')).toBe('1994-12-31')
    expect(resolveRelativePhrase('yesterday', '1995-01-01')).toBe('1994-12-31')
  })
})
