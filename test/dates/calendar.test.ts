import { describe, expect, it } from 'vitest'
import { utcCalendarDay } from '../../src/dates/calendar.ts'

const fields = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()]

describe('utcCalendarDay', () => {
  it('reads an ISO day as the start of that UTC day', () => {
    const day = utcCalendarDay('2016-09-20')!
    expect(fields(day)).toEqual([2016, 9, 20, 0, 0, 0, 0])
    expect(day.getTime()).toBe(Date.UTC(2016, 8, 20))
    expect(day.getDay()).toBe(2) // Tuesday
  })

  it('rejects impossible and malformed days', () => {
    for (const text of ['2016-02-30', '2015-02-29', '2016-13-01', '2016-9-20', '20160920', 'yesterday', '', '2016-09-20T00:00']) {
      expect(utcCalendarDay(text), text).toBeNull()
    }
  })

  it('reads 29 February in a leap year and year 1 as written', () => {
    expect(fields(utcCalendarDay('2016-02-29')!).slice(0, 3)).toEqual([2016, 2, 29])
    expect(fields(utcCalendarDay('0001-01-01')!).slice(0, 3)).toEqual([1, 1, 1])
  })

  it('reads the DST-change days in Los Angeles', () => {
    expect(fields(utcCalendarDay('2016-03-13')!).slice(0, 3)).toEqual([2016, 3, 13])
    expect(fields(utcCalendarDay('2016-11-06')!).slice(0, 3)).toEqual([2016, 11, 6])
  })

  it('reads a day that the local zone skipped', () => {
    const day = utcCalendarDay('1994-12-31')
    expect(day).not.toBeNull()
    expect(fields(day!).slice(0, 3)).toEqual([1994, 12, 31])
  })
})
