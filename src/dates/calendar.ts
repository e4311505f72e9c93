// date-fns works in the local time zone unless given a UTCDate, whose getters and setters are UTC.
// Every date-fns call in this project starts from a day made here, so no local zone can shift a day.
import { UTCDate } from '@date-fns/utc'

/** A UTC calendar day from ISO "YYYY-MM-DD" (years may be signed or longer), or null if there is no such day. */
export function utcCalendarDay(isoDate: string): Date | null {
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])]
  const date = new UTCDate(0)
  date.setFullYear(year, month, day)
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : null
}
