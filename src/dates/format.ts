import { utcFormat, type TimeLocaleObject } from 'd3-time-format'
import type { DatePart, Precision, ResolvedDate } from './edtf.ts'

export interface LabelOptions {
  /** A d3-time-format locale for month names; English short names ("19 Sep 2016") by default. */
  locale?: TimeLocaleObject
}

/** The day and month formatters of one locale. */
type Formats = Record<'day' | 'dayMonth' | 'month' | 'time', (d: Date) => string>
const makeFormats = (utc: (specifier: string) => (d: Date) => string): Formats =>
  ({ day: utc('%-d'), dayMonth: utc('%-d %b'), month: utc('%b'), time: utc('%H:%M') })
const defaults = makeFormats(utcFormat)
const formats = new WeakMap<TimeLocaleObject, Formats>()

function formatsOf(locale: TimeLocaleObject | undefined): Formats {
  if (!locale) return defaults
  let f = formats.get(locale)
  if (!f) formats.set(locale, (f = makeFormats((specifier) => locale.utcFormat(specifier))))
  return f
}

/** The astronomical year, at least four digits: "0000", "-0044", "2016", "12345". */
function year(ms: number): string {
  const y = new Date(ms).getUTCFullYear()
  return (y < 0 ? '-' : '') + String(Math.abs(y)).padStart(4, '0')
}

/** A UTC date in one of the label shapes; d3-time-format writes days and months, years are written here (d3 wraps them at 10,000). */
function fmt(ms: number, shape: 'year' | 'month' | 'month-year' | 'day' | 'day-month' | 'day-month-year' | 'time', f: Formats): string {
  const d = new Date(ms)
  switch (shape) {
    case 'year': return year(ms)
    case 'month': return f.month(d)
    case 'month-year': return `${f.month(d)} ${year(ms)}`
    case 'day': return f.day(d)
    case 'day-month': return f.dayMonth(d)
    case 'day-month-year': return `${f.dayMonth(d)} ${year(ms)}`
    case 'time': return `${f.dayMonth(d)} ${year(ms)} ${f.time(d)} UTC`
  }
}

const shapes = {
  millennium: 'year',
  century: 'year',
  decade: 'year',
  year: 'year',
  season: 'month-year',
  month: 'month-year',
  day: 'day-month-year',
  time: 'time',
} as const satisfies Record<Precision, Parameters<typeof fmt>[1]>

function plain(p: DatePart, locale: Formats): string {
  const y = new Date(p.earliest).getUTCFullYear()
  if (p.precision === 'decade') return `${Math.floor(y / 10) * 10}s`
  if (p.precision === 'century') return `${Math.floor(y / 100) * 100}s`
  if (p.precision === 'millennium') return `${Math.floor(y / 1000) * 1000}–${Math.floor(y / 1000) * 1000 + 999}`
  if (p.precision === 'season') return `${fmt(p.earliest, 'month', locale)}–${fmt(p.latest, 'month-year', locale)}`
  return fmt(p.earliest, shapes[p.precision], locale)
}

const qualify = (text: string, p: Pick<DatePart, 'approximate' | 'uncertain'>) =>
  `${p.approximate ? 'c. ' : ''}${text}${p.uncertain ? '?' : ''}`

/** "17–18 Sep 2016", "30 Aug – 2 Sep 2016", "Sep–Oct 2016": shared trailing fields are written once. */
function between(a: DatePart, b: DatePart, locale: Formats): string {
  const [left, right] = [qualify(plain(a, locale), a), qualify(plain(b, locale), b)]
  if (left === right) return left
  const qualified = a.approximate || a.uncertain || b.approximate || b.uncertain
  if (a.precision !== b.precision || qualified || (a.precision !== 'day' && a.precision !== 'month')) return `${left} – ${right}`
  const same = (shape: 'day' | 'month-year' | 'year') => fmt(a.earliest, shape, locale) === fmt(b.earliest, shape, locale)
  if (a.precision === 'day' && same('month-year')) {
    return same('day') ? right : `${fmt(a.earliest, 'day', locale)}–${right}`
  }
  if (same('year')) {
    return `${fmt(a.earliest, a.precision === 'day' ? 'day-month' : 'month', locale)}${a.precision === 'day' ? ' – ' : '–'}${right}`
  }
  return `${left} – ${right}`
}

const partLabel = (p: DatePart, locale: Formats) =>
  p.range ? between({ ...p, latest: p.earliest }, { ...p, earliest: p.latest }, locale) : qualify(plain(p, locale), p)

/**
 * A label for a resolved date, chosen by its precision and shape.
 * @example formatDate(resolveEdtf('2016-09-17/2016-09-18').date) // "17–18 Sep 2016"
 */
export function formatDate(date: ResolvedDate, options: LabelOptions = {}): string {
  const locale = formatsOf(options.locale)
  if (date.shape === 'point') return partLabel(date.parts[0]!, locale)
  if (date.shape === 'span' && date.parts.length === 2) {
    const [start, end] = date.parts
    if (start && end) return between(start, end, locale)
    if (start) return `from ${partLabel(start, locale)}`
    if (end) return `until ${partLabel(end, locale)}`
  }
  const parts = date.parts.filter((p): p is DatePart => p !== null)
  if (date.shape === 'one-of') {
    const prefix = date.openStart ? 'on or before ' : date.openEnd ? 'on or after ' : ''
    if (parts.length === 1 && parts[0]!.range) {
      const only = parts[0]!
      const days = Math.round((only.latest - only.earliest) / 86_400_000)
      const choice = between({ ...only, latest: only.earliest }, { ...only, earliest: only.latest }, locale)
      return prefix + (days === 2 && only.precision === 'day' ? choice.replace(/ ?– ?/, ' or ') : `one day in ${choice}`)
    }
    return prefix + list(parts.map((p) => partLabel(p, locale)), 'or')
  }
  return list(parts.map((p) => partLabel(p, locale)), 'and')
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
  return between(day(start), day(Math.max(start, end - 1)), formatsOf(options.locale))
}

const list = (labels: string[], conjunction: string) =>
  labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ${conjunction} ${labels.at(-1)}` : labels[0] ?? ''
