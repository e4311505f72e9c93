import type { MessageKey } from '../i18n/en.ts'
import { messagesFor, type Messages } from '../i18n/messages.ts'
import type { MessageValues } from '../i18n/message-format.ts'
import type { DatePart, ResolvedDate } from './edtf.ts'
import { defaultLocale } from './locale.ts'

export interface LabelOptions {
  /**
   * A BCP 47 locale: month names, the order of a date's fields, digits and the words around
   * dates. British English ("19 Sep 2016") by default. Intl throws a RangeError on one that is
   * not a language tag (see `usableLocale`).
   */
  locale?: string
  /** The words around dates ("c. …", "… or …", "from …"): `messagesFor(locale)` by default, or the element's, with a page's strings. */
  messages?: Messages
}

/** The precisions Intl writes: a date of each is one call to a formatter. */
type Field = 'day' | 'month' | 'year' | 'time'

const fieldOptions: Record<Field, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  year: { year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
}

const romanDigits: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
const roman = (n: number): string => romanDigits.reduce((out, [value, letters]) => {
  for (; n >= value; n -= value) out += letters
  return out
}, '')

/**
 * Dates in one locale with one set of messages: Intl writes the fields and shares them across a
 * range (formatRange), in UTC and the Gregorian calendar; years are written here, as Intl
 * writes a year before the common era as its era's year without the era ("44" for -0044).
 */
class Writer {
  private readonly formats = new Map<Field, Intl.DateTimeFormat>()
  private readonly lists = new Map<'conjunction' | 'disjunction', Intl.ListFormat>()
  private readonly years: Intl.NumberFormat
  private readonly numbers: Intl.NumberFormat
  /** The catalogue's month names in place of Intl's, or null. */
  private readonly months: string[] | null

  constructor(readonly locale: string, readonly messages: Messages) {
    this.years = new Intl.NumberFormat(locale, { useGrouping: false, minimumIntegerDigits: 4 })
    this.numbers = new Intl.NumberFormat(locale, { useGrouping: false })
    const months = messages.text.monthsShort.split(/\s+/).filter(Boolean)
    this.months = months.length === 12 ? months : null
  }

  say(key: MessageKey, values: MessageValues): string {
    return this.messages.format(key, values)
  }

  /** A whole number as the locale writes it, ungrouped: "2010". */
  number(n: number): string {
    return this.numbers.format(n)
  }

  /** A UTC date to the field: "19 Sep 2016", "Sep 2016", "2016", "10:30". */
  one(ms: number, field: Field): string {
    return this.format(field).formatToParts(ms).map((part) => this.piece(part, ms)).join('')
  }

  /**
   * The days or months from `a` to `b` (ms) as one label, the fields they share written once:
   * "17–18 Sep 2016", "30 Aug – 2 Sep 2016"; with `either`, one of the two: "17 or 18 Sep 2016".
   */
  range(a: number, b: number, field: 'day' | 'month', either = false): string {
    const parts = this.format(field).formatRangeToParts(a, b)
    const first = parts.findIndex((p) => p.source === 'startRange')
    const last = parts.findLastIndex((p) => p.source === 'endRange')
    if (first < 0 || last < 0) return this.one(a, field)
    const startEnd = parts.findLastIndex((p) => p.source === 'startRange') + 1
    const endStart = parts.findIndex((p) => p.source === 'endRange')
    const text = (from: number, to: number) => parts.slice(from, to).map((p) => this.piece(p, p.source === 'endRange' ? b : a)).join('')
    const [start, end] = [text(first, startEnd), text(endStart, last + 1)]
    let middle: string
    if (either) middle = this.say('eitherDay', { first: start, second: end })
    else {
      // One field a side ("17–18", "Sep–Oct") or more ("30 Aug – 2 Sep"), as the catalogue sets its dashes; else Intl's.
      const fields = (from: number, to: number) => parts.slice(from, to).filter((p) => p.type !== 'literal').length
      const key = fields(first, startEnd) === 1 && fields(endStart, last + 1) === 1 ? 'range' : 'spacedRange'
      middle = this.messages.text[key] ? this.say(key, { start, end }) : start + text(startEnd, endStart) + end
    }
    return text(0, first) + middle + text(last + 1, parts.length)
  }

  /** Labels joined as the locale joins a list: "a, b or c", "a, b and c". */
  list(labels: string[], type: 'conjunction' | 'disjunction'): string {
    let format = this.lists.get(type)
    if (!format) this.lists.set(type, (format = new Intl.ListFormat(this.locale, { type })))
    return format.format(labels)
  }

  private format(field: Field): Intl.DateTimeFormat {
    let format = this.formats.get(field)
    if (!format) this.formats.set(field, (format = new Intl.DateTimeFormat(this.locale, { ...fieldOptions[field], timeZone: 'UTC', calendar: 'gregory' })))
    return format
  }

  /** A part of a date Intl wrote, with the astronomical year (at least four digits: "0099", "-0044") and the catalogue's month names. */
  private piece(part: Intl.DateTimeFormatPart, ms: number): string {
    if (part.type === 'year') return this.years.format(new Date(ms).getUTCFullYear())
    if (part.type === 'month' && this.months) return this.months[new Date(ms).getUTCMonth()]!
    return part.value
  }
}

const writers = new WeakMap<Messages, Map<string, Writer>>()
function writerOf({ locale, messages }: LabelOptions): Writer {
  const tag = locale ?? messages?.locale ?? defaultLocale
  const words = messages ?? messagesFor(tag)
  let byLocale = writers.get(words)
  if (!byLocale) writers.set(words, (byLocale = new Map()))
  let writer = byLocale.get(tag)
  if (!writer) byLocale.set(tag, (writer = new Writer(tag, words)))
  return writer
}

/** A part of a date on its own, unqualified: "19 Sep 2016", "2010s", "1000–1999", "Jul–Sep 2016". */
function plain(p: DatePart, w: Writer): string {
  const y = new Date(p.earliest).getUTCFullYear()
  switch (p.precision) {
    case 'decade': return w.say('decade', { year: w.number(Math.floor(y / 10) * 10) })
    case 'century': {
      const start = Math.floor(y / 100) * 100
      const century = start / 100 + 1
      return w.say('century', { year: w.number(start), century: w.number(century), roman: century > 0 ? roman(century) : w.number(century) })
    }
    case 'millennium': {
      const start = Math.floor(y / 1000) * 1000
      return w.say('years', { start: w.number(start), end: w.number(start + 999) })
    }
    case 'season': return w.range(p.earliest, p.latest, 'month')
    case 'time': return w.say('dateTime', { date: w.one(p.earliest, 'day'), time: w.one(p.earliest, 'time') })
    default: return w.one(p.earliest, p.precision)
  }
}

/** "c. …" and "…?" around a label; the messages may choose their words by the date's precision. */
function qualify(text: string, p: Pick<DatePart, 'approximate' | 'uncertain' | 'precision'>, w: Writer): string {
  const approximate = p.approximate ? w.say('approximate', { date: text, precision: p.precision }) : text
  return p.uncertain ? w.say('uncertain', { date: approximate, precision: p.precision }) : approximate
}

/**
 * "17–18 Sep 2016", "30 Aug – 2 Sep 2016", "Sep–Oct 2016": shared trailing fields are written
 * once where both ends are plain days or months; other ends are written whole. With `either`,
 * one of the two: "17 or 18 Sep 2016".
 */
function between(a: DatePart, b: DatePart, w: Writer, either = false): string {
  const [left, right] = [qualify(plain(a, w), a, w), qualify(plain(b, w), b, w)]
  if (left === right) return left
  const qualified = a.approximate || a.uncertain || b.approximate || b.uncertain
  if (a.precision === b.precision && !qualified && (a.precision === 'day' || a.precision === 'month')) return w.range(a.earliest, b.earliest, a.precision, either)
  return either ? w.say('eitherDay', { first: left, second: right }) : w.say('span', { start: left, end: right })
}

const partLabel = (p: DatePart, w: Writer, either = false) =>
  p.range ? between({ ...p, latest: p.earliest }, { ...p, earliest: p.latest }, w, either) : qualify(plain(p, w), p, w)

/**
 * A label for a resolved date, chosen by its precision and shape, in a locale.
 * @example formatDate(resolveEdtf('2016-09-17/2016-09-18').date) // "17–18 Sep 2016"
 * @example formatDate(resolveEdtf('[2016-09-17..2016-09-18]').date, { locale: 'fr' }) // "17 ou 18 sept. 2016"
 */
export function formatDate(date: ResolvedDate, options: LabelOptions = {}): string {
  const w = writerOf(options)
  if (date.shape === 'point') return partLabel(date.parts[0]!, w)
  if (date.shape === 'span' && date.parts.length === 2) {
    const [start, end] = date.parts
    if (start && end) return between(start, end, w)
    if (start) return w.say('from', { date: partLabel(start, w), precision: start.precision })
    if (end) return w.say('until', { date: partLabel(end, w), precision: end.precision })
  }
  const parts = date.parts.filter((p): p is DatePart => p !== null)
  if (date.shape === 'one-of') {
    let label: string
    if (parts.length === 1 && parts[0]!.range) {
      const only = parts[0]!
      const days = Math.round((only.latest - only.earliest) / 86_400_000)
      label = days === 2 && only.precision === 'day' ? partLabel(only, w, true) : w.say('oneDayIn', { range: partLabel(only, w) })
    } else label = w.list(parts.map((p) => partLabel(p, w)), 'disjunction')
    const open = date.openStart ? 'onOrBefore' : date.openEnd ? 'onOrAfter' : null
    return open ? w.say(open, { date: label, precision: parts[0]?.precision }) : label
  }
  return w.list(parts.map((p) => partLabel(p, w)), 'conjunction')
}

/**
 * The UTC days from `start` up to (not including) `end`, both in ms, as one label, without
 * writing and reading an EDTF interval: for a window that moves every frame.
 * @example formatDayRange(Date.UTC(2016, 7, 31), Date.UTC(2016, 8, 26)) // "31 Aug – 25 Sep 2016"
 */
export function formatDayRange(start: number, end: number, options: LabelOptions = {}): string {
  const day = (ms: number): DatePart => {
    const earliest = Math.floor(ms / 86_400_000) * 86_400_000
    return { earliest, latest: earliest + 86_399_999, precision: 'day', approximate: false, uncertain: false }
  }
  return between(day(start), day(Math.max(start, end - 1)), writerOf(options))
}
