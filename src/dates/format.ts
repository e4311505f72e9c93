import { format, type Locale } from 'date-fns'
import { enGB } from 'date-fns/locale/en-GB'
import { utcCalendar } from './calendar.ts'
import type { DatePart, Precision, ResolvedDate } from './edtf.ts'

export interface LabelOptions {
  /** A date-fns locale for month names; British English ("19 Sep 2016") by default. */
  locale?: Locale
}

const patterns: Record<Precision, string> = {
  millennium: 'uuuu',
  century: 'uuuu',
  decade: 'uuuu',
  year: 'uuuu',
  season: 'MMM uuuu',
  month: 'MMM uuuu',
  day: 'd MMM uuuu',
  time: "d MMM uuuu HH:mm 'UTC'",
}

const fmt = (ms: number, pattern: string, locale: Locale) => format(utcCalendar(ms), pattern, { locale })

function plain(p: DatePart, locale: Locale): string {
  const year = new Date(p.earliest).getUTCFullYear()
  if (p.precision === 'decade') return `${Math.floor(year / 10) * 10}s`
  if (p.precision === 'century') return `${Math.floor(year / 100) * 100}s`
  if (p.precision === 'millennium') return `${Math.floor(year / 1000) * 1000}–${Math.floor(year / 1000) * 1000 + 999}`
  if (p.precision === 'season') return `${fmt(p.earliest, 'MMM', locale)}–${fmt(p.latest, 'MMM uuuu', locale)}`
  return fmt(p.earliest, patterns[p.precision], locale)
}

const qualify = (text: string, p: Pick<DatePart, 'approximate' | 'uncertain'>) =>
  `${p.approximate ? 'c. ' : ''}${text}${p.uncertain ? '?' : ''}`

/** "17–18 Sep 2016", "30 Aug – 2 Sep 2016", "Sep–Oct 2016": shared trailing fields are written once. */
function between(a: DatePart, b: DatePart, locale: Locale): string {
  const [left, right] = [qualify(plain(a, locale), a), qualify(plain(b, locale), b)]
  if (left === right) return left
  const qualified = a.approximate || a.uncertain || b.approximate || b.uncertain
  if (a.precision !== b.precision || qualified || (a.precision !== 'day' && a.precision !== 'month')) return `${left} – ${right}`
  const same = (pattern: string) => fmt(a.earliest, pattern, locale) === fmt(b.earliest, pattern, locale)
  if (a.precision === 'day' && same('MMM uuuu')) {
    return same('d') ? right : `${fmt(a.earliest, 'd', locale)}–${right}`
  }
  if (same('uuuu')) {
    return `${fmt(a.earliest, a.precision === 'day' ? 'd MMM' : 'MMM', locale)}${a.precision === 'day' ? ' – ' : '–'}${right}`
  }
  return `${left} – ${right}`
}

const partLabel = (p: DatePart, locale: Locale) =>
  p.range ? between({ ...p, latest: p.earliest }, { ...p, earliest: p.latest }, locale) : qualify(plain(p, locale), p)

/**
 * A label for a resolved date, chosen by its precision and shape.
 * @example formatDate(resolveEdtf('2016-09-17/2016-09-18').date) // "17–18 Sep 2016"
 */
export function formatDate(date: ResolvedDate, options: LabelOptions = {}): string {
  const locale = options.locale ?? enGB
  if (date.shape === 'point') return partLabel(date.parts[0]!, locale)
  if (date.shape === 'span' && date.parts.length === 2) {
    const [start, end] = date.parts
    if (start && end) return between(start, end, locale)
    if (start) return `from ${partLabel(start, locale)}`
    if (end) return `until ${partLabel(end, locale)}`
  }
  const parts = date.parts.filter((p): p is DatePart => p !== null)
  if (date.shape === 'one-of') {
    if (parts.length === 1 && parts[0]!.range) {
      const only = parts[0]!
      const days = Math.round((only.latest - only.earliest) / 86_400_000)
      const choice = between({ ...only, latest: only.earliest }, { ...only, earliest: only.latest }, locale)
      const prefix = date.openStart ? 'on or before ' : date.openEnd ? 'on or after ' : ''
      return prefix + (days === 2 && only.precision === 'day' ? choice.replace(/ ?– ?/, ' or ') : `one day in ${choice}`)
    }
    const prefix = date.openStart ? 'on or before ' : date.openEnd ? 'on or after ' : ''
    return prefix + list(parts.map((p) => partLabel(p, locale)), 'or')
  }
  return list(parts.map((p) => partLabel(p, locale)), 'and')
}

const list = (labels: string[], conjunction: string) =>
  labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ${conjunction} ${labels.at(-1)}` : labels[0] ?? ''
