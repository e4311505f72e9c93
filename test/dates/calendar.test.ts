import { describe, expect, it } from 'vitest'
import { utcCalendar, utcCalendarDay } from '../../src/dates/calendar.ts'

const fields = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()]

describe('utcCalendar', () => {
  it('shows the UTC calendar fields of an instant as local fields', () => {
    expect(fields(utcCalendar(Date.UTC(2016, 8, 19)))).toEqual([2016, 9, 19, 0, 0, 0, 0])
    expect(fields(utcCalendar(Date.UTC(2016, 8, 19, 23, 59, 59, 999)))).toEqual([2016, 9, 19, 23, 59, 59, 999])
  })

  it('keeps years below 100 as they are', () => {
    const ms = new Date(0).setUTCFullYear(1, 0, 1)
    expect(fields(utcCalendar(ms))).toEqual([1, 1, 1, 0, 0, 0, 0])
  })

  it('keeps the day on the DST-change days in Los Angeles', () => {
    expect(fields(utcCalendar(Date.UTC(2016, 2, 13))).slice(0, 3)).toEqual([2016, 3, 13])
    expect(fields(utcCalendar(Date.UTC(2016, 10, 6))).slice(0, 3)).toEqual([2016, 11, 6])
  })

  it('keeps a wall-clock time that the local zone skips at a DST change', () => {
    expect(fields(utcCalendar(Date.UTC(2016, 2, 13, 2, 30)))).toEqual([2016, 3, 13, 2, 30, 0, 0])
  })

  it('keeps a calendar day that the local zone skipped', () => {
    expect(fields(utcCalendar(Date.UTC(1994, 11, 31))).slice(0, 3)).toEqual([1994, 12, 31])
  })
})

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
