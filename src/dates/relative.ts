import {
  addDays, addMonths, addWeeks, addYears, endOfMonth, endOfWeek, format, isWeekend, nextDay,
  previousDay, startOfMonth, startOfWeek, subDays, subMonths, subWeeks, subYears,
} from 'date-fns'
import { utcCalendarDay } from './calendar.ts'

/** A day of the week, Sunday 0 to Saturday 6, as date-fns numbers them (its own type, written here so the package's types need no date-fns). */
type Day = 0 | 1 | 2 | 3 | 4 | 5 | 6

/** Whether the sentence speaks of the past ("met Monday") or the future ("will meet Friday"). */
export const Tense = { past: 'past', future: 'future' } as const
export type Tense = (typeof Tense)[keyof typeof Tense]

export interface RelativeOptions {
  /** Decides "Friday" and "the weekend" when they are not the publication day itself. Default past. */
  tense?: Tense
  /** First day of the week for "this week": 1 (Monday, ISO 8601) by default. */
  weekStartsOn?: Day
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const numbers: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
}
const units = {
  day: { shift: subDays, pattern: 'uuuu-MM-dd' },
  week: { shift: subWeeks, pattern: 'uuuu-MM-dd' },
  month: { shift: subMonths, pattern: 'uuuu-MM' },
  year: { shift: subYears, pattern: 'uuuu' },
} as const

const day = (d: Date) => format(d, 'uuuu-MM-dd')
const oneOf = (from: Date, to: Date) => `[${day(from)}..${day(to)}]`

function weekday(name: string, published: Date, tense: Tense, modifier: string): string {
  const target = weekdays.indexOf(name) as Day
  if (published.getDay() === target && modifier !== 'last' && modifier !== 'next') return day(published)
  const past = modifier === 'last' || (modifier !== 'next' && tense === 'past')
  return day(past ? previousDay(published, target) : nextDay(published, target))
}

function weekend(published: Date, tense: Tense, modifier: string): string {
  const past = modifier === 'last' || (modifier !== 'next' && tense === 'past')
  if (isWeekend(published) && modifier !== 'last' && modifier !== 'next') {
    const saturday = published.getDay() === 6 ? published : subDays(published, 1)
    return oneOf(past ? saturday : published, past ? published : addDays(saturday, 1))
  }
  const saturday = past ? previousDay(published, 6) : nextDay(published, 6)
  return oneOf(saturday, addDays(saturday, 1))
}

/**
 * Resolves a relative date phrase, read from a source's publication date, to EDTF;
 * null when the phrase is not one it knows.
 * @example resolveRelativePhrase('over the weekend', '2016-09-20') // "[2016-09-17..2016-09-18]"
 * @example resolveRelativePhrase('Friday', '2016-09-20', { tense: 'future' }) // "2016-09-23"
 */
export function resolveRelativePhrase(phrase: string, publishedOn: string, options: RelativeOptions = {}): string | null {
  const published = utcCalendarDay(publishedOn)
  if (!published || typeof phrase !== 'string') return null
  const tense = options.tense ?? Tense.past
  const weekStartsOn = options.weekStartsOn ?? 1
  const text = phrase.trim().toLowerCase().replace(/[’']s$/, '').replace(/\s+/g, ' ').replace(/^(on|over|during) /, '')
  let match: RegExpExecArray | null

  if ((match = /^(?:(last|next|this) )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.exec(text))) {
    return weekday(match[2]!, published, tense, match[1] ?? '')
  }
  if ((match = /^(?:the |(last|next|this) )?weekend$/.exec(text))) return weekend(published, tense, match[1] ?? '')
  if (text === 'today') return day(published)
  if (text === 'yesterday') return day(subDays(published, 1))
  if (text === 'tomorrow') return day(addDays(published, 1))

  if ((match = /^(earlier|later) this (week|month)$/.exec(text))) {
    const [start, end] = match[2] === 'week'
      ? [startOfWeek(published, { weekStartsOn }), endOfWeek(published, { weekStartsOn })]
      : [startOfMonth(published), endOfMonth(published)]
    const [from, to] = match[1] === 'earlier' ? [start, subDays(published, 1)] : [addDays(published, 1), end]
    if (to < from) return null
    return oneOf(from, to)
  }
  if ((match = /^(last|this|next) (week|month|year)$/.exec(text))) {
    const step = match[1] === 'last' ? -1 : match[1] === 'next' ? 1 : 0
    if (match[2] === 'week') {
      const start = startOfWeek(addWeeks(published, step), { weekStartsOn })
      return oneOf(start, addDays(start, 6))
    }
    return match[2] === 'month' ? format(addMonths(published, step), 'uuuu-MM') : format(addYears(published, step), 'uuuu')
  }
  // "week-old truce", "five-year-old conflict", "3-day-old", "two months ago"
  if ((match = /^(?:(\w+)[- ])?(day|week|month|year)s?[- ](old|ago)$/.exec(text))) {
    const count = match[1] === undefined ? 1 : /^\d+$/.test(match[1]) ? Number(match[1]) : numbers[match[1]]
    if (count === undefined) return null
    const unit = units[match[2] as keyof typeof units]
    // An age is rounded ("week-old" after eight days), so it is approximate; "N days ago" is exact.
    const approximate = match[3] === 'old' || match[2] !== 'day'
    return format(unit.shift(published, count), unit.pattern) + (approximate ? '~' : '')
  }
  return null
}
