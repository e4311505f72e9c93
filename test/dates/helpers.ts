import '../../src/dates/edtf-grammar.ts'
import { resolveEdtf, type ResolvedDate } from '../../src/dates/edtf.ts'
import { formatDate, type LabelOptions } from '../../src/dates/format.ts'

/** The resolved date for a string that must parse; fails the test with the message otherwise. */
export function resolved(text: string): ResolvedDate {
  const result = resolveEdtf(text)
  if (!result.ok) throw new Error(`expected "${text}" to resolve, got: ${result.message}`)
  return result.date
}

/** The message for a string that must not parse. */
export function rejection(text: string): string {
  const result = resolveEdtf(text)
  if (result.ok) throw new Error(`expected "${text}" to be rejected, it resolved to ${JSON.stringify(result.date)}`)
  return result.message
}

export const label = (text: string, options?: LabelOptions): string => formatDate(resolved(text), options)

/** First and last millisecond of a UTC calendar day (month is 1-based here, unlike Date.UTC). */
export const utcDay = (year: number, month: number, day: number): [number, number] => {
  const start = new Date(0)
  start.setUTCFullYear(year, month - 1, day)
  const end = new Date(0)
  end.setUTCFullYear(year, month - 1, day + 1)
  return [start.getTime(), end.getTime() - 1]
}
