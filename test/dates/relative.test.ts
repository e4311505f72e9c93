import { describe, expect, it } from 'vitest'
import '../../src/dates/edtf-grammar.ts'
import { resolveEdtf } from '../../src/dates/edtf.ts'
import { resolveRelativePhrase } from '../../src/dates/relative.ts'

/** Published on Tuesday 20 September 2016. */
const published = '2016-09-20'
const past = (phrase: string, on = published) => resolveRelativePhrase(phrase, on)
const future = (phrase: string, on = published) => resolveRelativePhrase(phrase, on, { tense: 'future' })

describe('resolveRelativePhrase: weekdays', () => {
  it('a weekday earlier in the week is the most recent one', () => {
    expect(past('Monday')).toBe('2016-09-19')
    expect(past('Sunday')).toBe('2016-09-18')
  })

  it('the weekday of publication is the publication day itself, in either tense', () => {
    expect(past('Tuesday')).toBe('2016-09-20')
    expect(future('Tuesday')).toBe('2016-09-20')
    expect(past('this Tuesday')).toBe('2016-09-20')
  })

  it('a weekday in the past tense looks back, in the future tense looks ahead', () => {
    expect(past('Friday')).toBe('2016-09-16')
    expect(future('Friday')).toBe('2016-09-23')
    expect(future('Sunday')).toBe('2016-09-25')
  })

  it('"last" and "next" override the tense, even for the publication weekday', () => {
    expect(future('last Friday')).toBe('2016-09-16')
    expect(past('next Friday')).toBe('2016-09-23')
    expect(past('last Tuesday')).toBe('2016-09-13')
    expect(past('next Tuesday')).toBe('2016-09-27')
  })

  it('a possessive, a leading "on", any case and extra spaces are ignored', () => {
    for (const phrase of ["Monday's", 'Monday’s', 'MONDAY', 'monday', 'on Monday', '  Monday  ']) {
      expect(past(phrase), phrase).toBe('2016-09-19')
    }
  })

  it('a future weekday crosses the year boundary', () => {
    expect(future('Friday', '2016-12-31')).toBe('2017-01-06')
    expect(past('Friday', '2016-12-31')).toBe('2016-12-30')
  })
})

describe('resolveRelativePhrase: weekends', () => {
  it('"over the weekend" is one of the last Saturday and Sunday', () => {
    expect(past('over the weekend')).toBe('[2016-09-17..2016-09-18]')
    expect(past('the weekend')).toBe('[2016-09-17..2016-09-18]')
    expect(past('during the weekend')).toBe('[2016-09-17..2016-09-18]')
    expect(past('  Over   the Weekend  ')).toBe('[2016-09-17..2016-09-18]')
  })

  it('"this weekend" and "the weekend" in the future are the coming Saturday and Sunday', () => {
    expect(future('this weekend')).toBe('[2016-09-24..2016-09-25]')
    expect(future('the weekend')).toBe('[2016-09-24..2016-09-25]')
  })

  it('"last weekend" and "next weekend" ignore the tense', () => {
    expect(future('last weekend')).toBe('[2016-09-17..2016-09-18]')
    expect(past('next weekend')).toBe('[2016-09-24..2016-09-25]')
  })

  it('published on a Saturday, the past weekend is that Saturday, the future one that weekend', () => {
    expect(past('over the weekend', '2016-09-17')).toBe('[2016-09-17..2016-09-17]')
    expect(future('the weekend', '2016-09-17')).toBe('[2016-09-17..2016-09-18]')
  })

  it('published on a Sunday, the past weekend is that weekend, the future one that Sunday', () => {
    expect(past('over the weekend', '2016-09-18')).toBe('[2016-09-17..2016-09-18]')
    expect(future('the weekend', '2016-09-18')).toBe('[2016-09-18..2016-09-18]')
  })
})

describe('resolveRelativePhrase: days, weeks, months and years', () => {
  it('yesterday, today and tomorrow are the days around publication', () => {
    expect(past('yesterday')).toBe('2016-09-19')
    expect(past('today')).toBe('2016-09-20')
    expect(past('tomorrow')).toBe('2016-09-21')
  })

  it('yesterday and tomorrow cross month, year and leap-day boundaries', () => {
    expect(past('yesterday', '2016-03-01')).toBe('2016-02-29')
    expect(past('yesterday', '2017-01-01')).toBe('2016-12-31')
    expect(past('tomorrow', '2016-12-31')).toBe('2017-01-01')
  })

  it('"earlier this month" is one of the days of the month before publication', () => {
    expect(past('earlier this month')).toBe('[2016-09-01..2016-09-19]')
  })

  it('"earlier this month" published on the 1st has no days and is null', () => {
    expect(past('earlier this month', '2016-09-01')).toBeNull()
  })

  it('"later this month" is one of the days of the month after publication', () => {
    expect(past('later this month')).toBe('[2016-09-21..2016-09-30]')
  })

  it('"later this week" runs to the Sunday ending an ISO week', () => {
    expect(past('later this week')).toBe('[2016-09-21..2016-09-25]')
    expect(past('later this week', '2016-09-25')).toBeNull()
  })

  it('"earlier this week" published on Tuesday is only the Monday', () => {
    expect(past('earlier this week')).toBe('[2016-09-19..2016-09-19]')
    expect(past('earlier this week', '2016-09-19')).toBeNull()
  })

  it('weekStartsOn moves the start of "this week"', () => {
    expect(resolveRelativePhrase('earlier this week', published, { weekStartsOn: 0 })).toBe('[2016-09-18..2016-09-19]')
    expect(resolveRelativePhrase('this week', published, { weekStartsOn: 0 })).toBe('[2016-09-18..2016-09-24]')
  })

  it('last, this and next week are Monday-to-Sunday weeks', () => {
    expect(past('last week')).toBe('[2016-09-12..2016-09-18]')
    expect(past('this week')).toBe('[2016-09-19..2016-09-25]')
    expect(past('next week')).toBe('[2016-09-26..2016-10-02]')
  })

  it('"last week" crosses the year boundary', () => {
    expect(past('last week', '2017-01-03')).toBe('[2016-12-26..2017-01-01]')
  })

  it('last, this and next month and year are months and years', () => {
    expect(past('last month')).toBe('2016-08')
    expect(past('this month')).toBe('2016-09')
    expect(past('last year')).toBe('2015')
    expect(past('next year')).toBe('2017')
    expect(past('last month', '2017-01-15')).toBe('2016-12')
    expect(past('last month', '2016-03-31')).toBe('2016-02')
  })

  it('"N days ago" is exact', () => {
    expect(past('two days ago')).toBe('2016-09-18')
    expect(past('a day ago')).toBe('2016-09-19')
  })

  it('an age ("week-old", "five-year-old", "month-old") is approximate', () => {
    expect(past('week-old')).toBe('2016-09-13~')
    expect(past('five-year-old')).toBe('2011~')
    expect(past('month-old')).toBe('2016-08~')
    expect(past('3-day-old')).toBe('2016-09-17~')
  })

  it('weeks, months and years ago are approximate', () => {
    expect(past('a week ago')).toBe('2016-09-13~')
    expect(past('two months ago')).toBe('2016-07~')
    expect(past('4 years ago')).toBe('2012~')
  })
})

describe('resolveRelativePhrase: what it does not know', () => {
  it('an unknown phrase is null', () => {
    for (const phrase of ['a while back', '', '   ', 'zillion-year-old', 'the other day']) expect(past(phrase), phrase).toBeNull()
  })

  it('a phrase that is not a string is null', () => {
    expect(resolveRelativePhrase(null as unknown as string, published)).toBeNull()
  })

  it('an invalid publication date is null', () => {
    for (const on of ['2016-02-30', 'yesterday', '2016-9-20', '', '2016-09-20T10:00:00Z']) expect(past('Monday', on), on).toBeNull()
  })
})

describe('resolveRelativePhrase: output is valid EDTF', () => {
  it('every phrase resolves to a date resolveEdtf accepts', () => {
    const phrases = [
      'Monday', 'Friday', 'over the weekend', 'earlier this month', 'later this week', 'earlier this week', 'week-old',
      'five-year-old', 'month-old', 'yesterday', 'today', 'tomorrow', 'last week', 'last month', 'two days ago', 'last year',
    ]
    for (const tense of ['past', 'future'] as const) {
      for (const phrase of phrases) {
        const edtf = resolveRelativePhrase(phrase, published, { tense })
        expect(edtf, phrase).not.toBeNull()
        expect(resolveEdtf(edtf!).ok, `${phrase} → ${edtf}`).toBe(true)
      }
    }
  })
})

describe('resolveRelativePhrase: years at the edge of the calendar', () => {
  it('a publication date in year 1 is read as year 1, not 1901', () => {
    expect(past('today', '0001-01-01')).toBe('0001-01-01')
    expect(past('yesterday', '0001-01-02')).toBe('0001-01-01')
  })

  it('the day before 1 January of year 1 is in year 0', () => {
    expect(past('yesterday', '0001-01-01')).toBe('0000-12-31')
  })
})
