import { describe, expect, it } from 'vitest'
import { formatDayRange } from '../../src/dates/format.ts'
import '../../src/i18n/catalogues.ts'
import { messagesFor } from '../../src/i18n/messages.ts'
import { label } from './helpers.ts'

describe('formatDate: labels in British English by default', () => {
  it.each([
    ['2016-09-19', '19 Sep 2016'],
    ['2016-09', 'Sep 2016'],
    ['2011', '2011'],
    ['2016-02-29', '29 Feb 2016'],
    ['0001-01-01', '1 Jan 0001'],
    ['0099-05-05', '5 May 0099'],
  ])('a plain date %s reads "%s"', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it.each([
    ['2016-09-13~', 'c. 13 Sep 2016'],
    ['2016-09-20?', '20 Sep 2016?'],
    ['2016-09-20%', 'c. 20 Sep 2016?'],
    ['2016-?09-19', '19 Sep 2016?'],
  ])('a qualified date %s reads "%s"', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it.each([
    ['201X', '2010s'],
    ['19XX', '1900s'],
    ['2016-09-XX', 'Sep 2016'],
    ['2016-XX-XX', '2016'],
  ])('a date with unspecified digits %s reads "%s"', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it('a millennium with unspecified digits is not labelled as the century it starts with', () => {
    expect(label('1XXX')).not.toBe(label('10XX'))
  })

  it('a time reads in UTC', () => {
    expect(label('2016-09-19T10:30:00Z')).toBe('19 Sep 2016 10:30 UTC')
    expect(label('2016-09-19T10:30:00+05:00')).toBe('19 Sep 2016 05:30 UTC')
  })

  it('a season reads as the months it covers', () => {
    expect(label('2016-21')).toMatch(/^[A-Z][a-z]{2}–[A-Z][a-z]{2} 2016$/)
  })
})

describe('formatDate: spans', () => {
  it.each([
    ['2016-09-17/2016-09-18', '17–18 Sep 2016'],
    ['2016-08-30/2016-09-02', '30 Aug – 2 Sep 2016'],
    ['2015-12-30/2016-01-02', '30 Dec 2015 – 2 Jan 2016'],
    ['2016-09/2016-10', 'Sep–Oct 2016'],
    ['2016-09-17/2016-09-17', '17 Sep 2016'],
    ['2016/2017', '2016 – 2017'],
  ])('a span %s writes shared trailing fields once: "%s"', (text, expected) => {
    expect(label(text)).toBe(expected)
  })

  it('a span with an approximate start keeps both dates whole', () => {
    expect(label('2016-09-17~/2016-09-18')).toBe('c. 17 Sep 2016 – 18 Sep 2016')
  })

  it('a span with an approximate end keeps both dates whole', () => {
    expect(label('2016-09-17/2016-09-18~')).toBe('17 Sep 2016 – c. 18 Sep 2016')
  })

  it('a span of one month reads as that month', () => {
    expect(label('2016-09/2016-09')).toBe('Sep 2016')
  })

  it('a span open at the end reads "from …"', () => {
    expect(label('2016-09-17/..')).toBe('from 17 Sep 2016')
    expect(label('2016-09-17/')).toBe('from 17 Sep 2016')
    expect(label('2016-09-19~/..')).toBe('from c. 19 Sep 2016')
  })

  it('a span open at the start reads "until …"', () => {
    expect(label('../2016-09-18')).toBe('until 18 Sep 2016')
    expect(label('/2016-09-18')).toBe('until 18 Sep 2016')
  })
})

describe('formatDate: sets', () => {
  it('a one-of range of two days reads "a or b"', () => {
    expect(label('[2016-09-17..2016-09-18]')).toBe('17 or 18 Sep 2016')
    expect(label('[2016-09-30..2016-10-01]')).toBe('30 Sep or 1 Oct 2016')
    expect(label('[2015-12-31..2016-01-01]')).toBe('31 Dec 2015 or 1 Jan 2016')
  })

  it('a longer one-of range reads "one day in …"', () => {
    expect(label('[2016-09-01..2016-09-19]')).toBe('one day in 1–19 Sep 2016')
  })

  it('a one-of list joins its members with "or"', () => {
    expect(label('[2016-09-17, 2016-09-18]')).toBe('17 Sep 2016 or 18 Sep 2016')
    expect(label('[2016-09-17, 2016-09-18, 2016-09-20]')).toBe('17 Sep 2016, 18 Sep 2016 or 20 Sep 2016')
  })

  it('an open one-of set reads "on or before" or "on or after"', () => {
    expect(label('[..2016-09-18]')).toBe('on or before 18 Sep 2016')
    expect(label('[2016-09-17..]')).toBe('on or after 17 Sep 2016')
  })

  it('an all-of list joins its members with "and"', () => {
    expect(label('{2016-09-17,2016-09-18}')).toBe('17 Sep 2016 and 18 Sep 2016')
    expect(label('{2016-09-17,2016-09-18,2016-09-20}')).toBe('17 Sep 2016, 18 Sep 2016 and 20 Sep 2016')
  })

  it('a range inside an all-of list reads as a span', () => {
    expect(label('{2016-09-17..2016-09-18,2016-09-20}')).toBe('17–18 Sep 2016 and 20 Sep 2016')
  })
})

/** A label with Intl's thin and no-break spaces written as plain spaces: which space ICU puts where changes between versions. */
const spaced = (text: string, locale: string) => label(text, { locale }).replace(/[\u2009\u202f\u00a0]/g, ' ')

describe('formatDate: other languages', () => {
  // Months, field order and shared fields come from Intl; the words around dates from the catalogue.
  it.each([
    ['fr', '2016-09-19', '19 sept. 2016'],
    ['fr', '2016-09', 'sept. 2016'],
    ['fr', '2016-09-13~', 'vers le 13 sept. 2016'],
    ['fr', '2011~', 'vers 2011'],
    ['fr', '2016-09-20?', '20 sept. 2016 ?'],
    ['fr', '[2016-09-17..2016-09-18]', '17 ou 18 sept. 2016'],
    ['fr', '[2016-09-30..2016-10-01]', '30 sept. ou 1 oct. 2016'],
    ['fr', '2016-09-17/..', 'à partir du 17 sept. 2016'],
    ['fr', '2016/..', 'à partir de 2016'],
    ['fr', '../2016-09-18', 'jusqu’au 18 sept. 2016'],
    ['fr', '201X', 'années 2010'],
    ['fr', '19XX', 'XXe siècle'],
    ['fr', '2016-09-17/2016-09-18', '17–18 sept. 2016'],
    ['fr', '2015-12-30/2016-01-02', '30 déc. 2015 – 2 janv. 2016'],
    ['fr', '[2016-09-17, 2016-09-18, 2016-09-20]', '17 sept. 2016, 18 sept. 2016 ou 20 sept. 2016'],
    ['fr', '2016-09-19T10:30:00Z', '19 sept. 2016 à 10:30 UTC'],
    ['ar', '2016-09-19', '19 سبتمبر 2016'],
    ['ar', '2016-09', 'سبتمبر 2016'],
    ['ar', '2016-09-13~', 'حوالي 13 سبتمبر 2016'],
    ['ar', '2016-09-20?', '20 سبتمبر 2016؟'],
    ['ar', '[2016-09-17..2016-09-18]', '17 أو 18 سبتمبر 2016'],
    ['ar', '2016-09-17/..', 'ابتداءً من 17 سبتمبر 2016'],
    ['ar', '201X', 'عقد 2010'],
    ['ar', '2016-09-17/2016-09-18', '17–18 سبتمبر 2016'],
    ['ar', '2016-08-30/2016-09-02', '30 أغسطس – 2 سبتمبر 2016'],
    ['ar-EG', '2016-09-19', '١٩ سبتمبر ٢٠١٦'],
    ['ru', '2016-09-19', '19 сент. 2016 г.'],
    ['ru', '2016-09', 'сент. 2016 г.'],
    ['ru', '2016-09-13~', 'ок. 13 сент. 2016 г.'],
    ['ru', '[2016-09-17..2016-09-18]', '17 или 18 сент. 2016 г.'],
    ['ru', '2016-09-17/..', 'с 17 сент. 2016 г.'],
    ['ru', '../2016-09-18', 'до 18 сент. 2016 г.'],
    ['ru', '201X', '2010-е'],
    ['ru', '19XX', 'XX век'],
    ['ru', '2016-09-17/2016-09-18', '17–18 сент. 2016 г.'],
    ['ru', '2016-08-30/2016-09-02', '30 авг. – 2 сент. 2016 г.'],
    ['es', '2016-09-19', '19 sept 2016'],
    ['es', '2016-09', 'sept 2016'],
    ['es', '2016-09-13~', 'hacia el 13 sept 2016'],
    ['es', '[2016-09-17..2016-09-18]', '17 o 18 sept 2016'],
    ['es', '2016-09-17/..', 'desde el 17 sept 2016'],
    ['es', '201X', 'década de 2010'],
    ['es', '2016-09-17/2016-09-18', '17–18 sept 2016'],
    ['es', '2016-08-30/2016-09-02', '30 ago – 2 sept 2016'],
    ['es', '{2016-09-17,2016-09-18}', '17 sept 2016 y 18 sept 2016'],
    // Intl writes a year before the common era as its era's year with no era ("44" for -0044): years are written apart.
    ['en-GB', '-0044-03-15', '15 Mar -0044'],
    ['fr', '-0044-03-15', '15 mars -0044'],
    ['ru', '-0044-03-15', '15 мар. -0044 г.'],
    ['es', '0000-01-01', '1 ene 0000'],
    ['fr', 'Y12345', '12345'],
    ['en-GB', 'Y-12345', '-12345'],
    ['ar-EG', 'Y275759', '٢٧٥٧٥٩'],
  ])('in %s, %s reads "%s"', (locale, text, expected) => {
    expect(spaced(text, locale)).toBe(expected)
  })

  it('follows the order of the fields in the locale, with the shared fields written once', () => {
    expect(label('2016-09-19', { locale: 'en-US' })).toBe('Sep 19, 2016')
    expect(label('[2016-09-17..2016-09-18]', { locale: 'en-US' })).toBe('Sep 17 or 18, 2016')
    expect(label('2016-09-17/2016-09-18', { locale: 'en-US' })).toBe('Sep 17–18, 2016')
  })

  it('writes a language without a catalogue with Intl\'s months and dashes and English words', () => {
    expect(label('2016-09-17/..', { locale: 'de' })).toBe('from 17. Sept. 2016')
    expect(spaced('2016-08-30/2016-09-02', 'de')).toBe('30. Aug. – 2. Sept. 2016')
  })

  it('writes dates in the Gregorian calendar whatever calendar the locale uses by default', () => {
    expect(label('2016-09-19', { locale: 'ar-SA' })).toBe('١٩ سبتمبر ٢٠١٦')
    expect(label('2016-09-19', { locale: 'fa' })).toMatch(/سپتامبر/)
  })

  it('takes its words from the messages it is given', () => {
    const messages = messagesFor('en-GB', { approximate: 'about {date}', eitherDay: '{first} or perhaps {second}' }, () => {})
    expect(label('2016-09-13~', { messages })).toBe('about 13 Sep 2016')
    expect(label('[2016-09-17..2016-09-18]', { messages })).toBe('17 or perhaps 18 Sep 2016')
  })
})

describe('formatDate: years at the edge of the calendar', () => {
  it('year 0 is not labelled as year 1', () => {
    expect(label('0000')).not.toBe(label('0001'))
    expect(label('0000-01-01')).not.toBe('1 Jan 0001')
  })

  it('a negative year keeps its sign or its era', () => {
    expect(label('-0001')).toMatch(/^(-0*1|2 BCE?)$/)
  })

  it('a day of a year beyond four digits or before year 1 reads with its year whole, in any locale', () => {
    const at = (y: number, m: number, d: number) => new Date(0).setUTCFullYear(y, m - 1, d)
    expect(formatDayRange(at(12345, 3, 15), at(12345, 3, 16), { locale: 'fr' })).toBe('15 mars 12345')
    expect(formatDayRange(at(275759, 9, 12), at(275759, 9, 14))).toBe('12–13 Sep 275759')
    expect(formatDayRange(at(-271820, 4, 20), at(-271820, 4, 21), { locale: 'es' })).toBe('20 abr -271820')
  })
})

describe('formatDayRange: the days a window covers', () => {
  const day = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h)

  it('writes the days up to, not including, the end, sharing the month and year', () => {
    expect(formatDayRange(day(2016, 8, 31), day(2016, 9, 26))).toBe('31 Aug – 25 Sep 2016')
    expect(formatDayRange(day(2016, 9, 17), day(2016, 9, 19))).toBe('17–18 Sep 2016')
    expect(formatDayRange(day(2015, 12, 30), day(2016, 1, 2))).toBe('30 Dec 2015 – 1 Jan 2016')
  })

  it('gives one day for a window within it, at any hour', () => {
    expect(formatDayRange(day(2016, 9, 19, 3), day(2016, 9, 19, 9))).toBe('19 Sep 2016')
    expect(formatDayRange(day(2016, 9, 19, 22), day(2016, 9, 20))).toBe('19 Sep 2016')
  })

  it('writes years before the common era with their sign, and year 0 as 0000, as dates do', () => {
    expect(formatDayRange(day(-44, 3, 15), day(-44, 3, 16))).toBe(label('-0044-03-15'))
    expect(formatDayRange(day(-44, 3, 15), day(-44, 3, 18))).toBe('15–17 Mar -0044')
    // Date.UTC reads years 0–99 as 1900–1999: year 0 is set on its own.
    const year0 = (d: number) => new Date(0).setUTCFullYear(0, 0, d)
    expect(formatDayRange(year0(1), year0(3))).toBe('1–2 Jan 0000')
  })

  it('counts a window across midnight as both days', () => {
    expect(formatDayRange(day(2016, 9, 19, 22), day(2016, 9, 20, 2))).toBe('19–20 Sep 2016')
  })

  it('writes the days in a locale', () => {
    expect(formatDayRange(day(2016, 9, 17), day(2016, 10, 3), { locale: 'fr' }).replace(/\u2009/g, ' ')).toBe('17 sept. – 2 oct. 2016')
    expect(formatDayRange(day(2016, 9, 17), day(2016, 9, 19), { locale: 'ru' }).replace(/\u202f/g, ' ')).toBe('17–18 сент. 2016 г.')
  })
})
