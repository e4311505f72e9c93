import type { Parsed, ParsedDate } from 'edtf'

/**
 * The general EDTF grammar (the edtf package): parses any form, and bounds dates the shortcut
 * below does not cover (seasons, times, unspecified digits). It is installed by
 * importing `edtf-grammar.ts`, so a page that only meets the common forms never loads it.
 */
export interface Grammar {
  parse(text: string): Parsed
  bounds(date: ParsedDate): [number, number]
}
let grammar: Grammar | undefined

/** Installs the general grammar (see `edtf-grammar.ts`). */
export function useGrammar(g: Grammar): void {
  grammar = g
}

/** How finely a date is known, coarsest first. */
export const Precision = {
  millennium: 'millennium',
  century: 'century',
  decade: 'decade',
  year: 'year',
  season: 'season',
  month: 'month',
  day: 'day',
  time: 'time',
} as const
export type Precision = (typeof Precision)[keyof typeof Precision]

/** point: one date; span: lasted from start to end; one-of: one unknown date among several; all-of: each of several dates. */
export const DateShape = { point: 'point', span: 'span', oneOf: 'one-of', allOf: 'all-of' } as const
export type DateShape = (typeof DateShape)[keyof typeof DateShape]

/** One calendar date or time with its bounds in UTC milliseconds (both inclusive). */
export interface DatePart {
  earliest: number
  latest: number
  precision: Precision
  approximate: boolean
  uncertain: boolean
  /** In a one-of set, a member that is itself a range ("2016-09-17..2016-09-18"): any date in it. */
  range?: boolean
}

/** An EDTF date resolved to bounds, precision and shape. Bounds are UTC ms, inclusive. */
export interface ResolvedDate extends DatePart {
  edtf: string
  shape: DateShape
  /** point: one part; span: start and end (null when open or unknown); one-of: each candidate. */
  parts: Array<DatePart | null>
  /** The span has no known start or end ("../2016-09-18", "2016-09-17/.."): bounds stop at the known end. */
  openStart: boolean
  openEnd: boolean
}

/** `grammarNeeded`: the form is valid only if the general grammar, not yet loaded, says so. */
export type DateResult = { ok: true; date: ResolvedDate } | { ok: false; message: string; grammarNeeded?: true }

const precisionOf = (date: ParsedDate): Precision => {
  if (date.type === 'Season') return Precision.season
  if (date.values.length > 3) return Precision.time
  const digits = date.unspecified ?? 0
  // edtf marks unspecified digits in a bit mask: bits 0-3 the year's digits, 4-5 month, 6-7 day.
  if (digits & 0b0011) return Precision.millennium
  if (digits & 0b0100) return Precision.century
  if (digits & 0b1000) return Precision.decade
  if (digits & 0b110000) return Precision.year
  if (digits & 0b11000000) return Precision.month
  return ([Precision.year, Precision.month, Precision.day] as const)[date.values.length - 1] ?? Precision.day
}

/** edtf rolls an impossible day over (29 Feb 2015 → 1 Mar); this refuses it instead. */
function checkDay(date: ParsedDate): void {
  const [year, month, day] = date.values
  if (date.type !== 'Date' || day === undefined || (date.unspecified ?? 0) & 0b11110000) return
  // edtf counts months from 0.
  if (day > daysIn(year!, month! + 1)) throw new RangeError(`there is no day ${day} in that month`)
}

/**
 * The UTC instant a day starts (month 0–11, or 12 for January of the next year), in the
 * proleptic Gregorian calendar as Date.UTC, but by arithmetic: no call into the engine, and
 * years 0–99 are not read as 1900–1999. NaN outside the range a Date can hold.
 * The day count is Howard Hinnant's days_from_civil (https://howardhinnant.github.io/date_algorithms.html).
 */
function at(year: number, month: number, day: number): number {
  if (month > 11) [year, month] = [year + 1, month - 12]
  const y = month < 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month < 2 ? month + 10 : month - 2) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  const ms = (era * 146_097 + dayOfEra - 719_468) * 86_400_000
  return Math.abs(ms) <= 8.64e15 ? ms : NaN
}

const daysIn = (year: number, month: number) =>
  month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** Bounds of a plain year, month or day, without building the edtf package's date object (whose bounds are a day off in year 0). */
function plainBounds(date: ParsedDate): [number, number] | null {
  if (date.type !== 'Date' || date.unspecified || date.values.length > 3) return null
  const [year, month, day] = date.values as [number, number | undefined, number | undefined]
  if (month === undefined) return [at(year, 0, 1), at(year + 1, 0, 1) - 1]
  if (day === undefined) return [at(year, month, 1), at(year, month + 1, 1) - 1]
  const start = at(year, month, day)
  return [start, start + 86_399_999]
}

function part(date: ParsedDate & { timeZone?: string }): DatePart {
  checkDay(date)
  if (date.values.length > 3 && date.timeZone === undefined) {
    throw new RangeError('a time needs a zone, such as Z or +02:00')
  }
  // Only the grammar gives parsed dates, so it is loaded.
  const [earliest, latest] = plainBounds(date) ?? grammar!.bounds(date)
  return {
    earliest,
    latest,
    precision: precisionOf(date),
    approximate: Boolean(date.approximate),
    uncertain: Boolean(date.uncertain),
  }
}

const order = Object.values(Precision)
const coarser = (a: Precision, b: Precision) => (order.indexOf(a) <= order.indexOf(b) ? a : b)

/** An interval, or a range in a set, that ends before it starts: said the same by both paths. */
const backwards = (text: string, what: string): DateResult => ({ ok: false, message: `invalid EDTF date "${text}": ${what} ends before it starts` })

function combine(edtfText: string, shape: DateShape, parts: Array<DatePart | null>, openStart = false, openEnd = false): ResolvedDate {
  let earliest = Infinity
  let latest = -Infinity
  let precision: Precision | undefined
  let approximate = false
  let uncertain = false
  for (const p of parts) {
    if (!p) continue
    if (p.earliest < earliest) earliest = p.earliest
    if (p.latest > latest) latest = p.latest
    precision = precision === undefined ? p.precision : coarser(precision, p.precision)
    approximate ||= p.approximate
    uncertain ||= p.uncertain
  }
  // A span runs from its start's start to its end's end, even when one end is coarser.
  if (shape === DateShape.span) {
    if (parts[0]) earliest = parts[0].earliest
    if (parts[1]) latest = parts[1].latest
  }
  return { edtf: edtfText, shape, parts, openStart, openEnd, earliest, latest, precision: precision!, approximate, uncertain }
}

function syntaxMessage(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  const at = /col (\d+)/.exec(raw)
  if (at) {
    const column = Number(at[1])
    const found = text[column - 1]
    return `invalid EDTF date "${text}": unexpected ${found === undefined ? 'end' : JSON.stringify(found)} at character ${column}`
  }
  return `invalid EDTF date "${text}"`
}

/**
 * Resolves an EDTF string (levels 0 and 1, and level-2 sets) to UTC bounds, precision and shape.
 * Never throws.
 * @example resolveEdtf('[2016-09-17..2016-09-18]') // { ok: true, date: { shape: 'one-of', precision: 'day', … } }
 */
export function resolveEdtf(text: string): DateResult {
  // The common forms are read faster than a cache could look them up.
  const quickly = typeof text === 'string' ? quick(text) : null
  if (quickly) return quickly
  let result = cache.get(text)
  if (!result) {
    result = resolveInGeneral(text)
    // Not kept: the answer changes once the grammar is loaded.
    if (!result.ok && result.grammarNeeded) return result
    if (cache.size >= cacheSize) cache.clear()
    cache.set(text, result)
  }
  return result
}

// Datasets repeat the same dates many times, and the EDTF grammar is slow to run.
const cache = new Map<string, DateResult>()
const cacheSize = 50_000

const digitsAt = (text: string, from: number, to: number): number => {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/**
 * One plain date in `text` from `from` to `to` ("2016", "2016-09", "2016-09-19", each perhaps
 * followed by ~ ? or %), read character by character into its part; null when it is not one or
 * is impossible (30 February): the general path explains those.
 */
function quickPart(text: string, from: number, to: number): DatePart | null {
  let end = to
  const q = text.charCodeAt(end - 1)
  const approximate = q === 126 /* ~ */ || q === 37 /* % */
  const uncertain = q === 63 /* ? */ || q === 37
  if (approximate || uncertain) end--
  const length = end - from
  if (length !== 4 && length !== 7 && length !== 10) return null
  const year = digitsAt(text, from, from + 4)
  if (year < 0) return null
  if (length === 4) {
    return { earliest: at(year, 0, 1), latest: at(year + 1, 0, 1) - 1, precision: Precision.year, approximate, uncertain }
  }
  const month = text.charCodeAt(from + 4) === 45 /* - */ ? digitsAt(text, from + 5, from + 7) : -1
  if (month < 1 || month > 12) return null
  if (length === 7) {
    return { earliest: at(year, month - 1, 1), latest: at(year, month, 1) - 1, precision: Precision.month, approximate, uncertain }
  }
  const day = text.charCodeAt(from + 7) === 45 ? digitsAt(text, from + 8, from + 10) : -1
  if (day < 1 || day > daysIn(year, month)) return null
  const earliest = at(year, month - 1, day)
  return { earliest, latest: earliest + 86_399_999, precision: Precision.day, approximate, uncertain }
}

/**
 * The forms nearly every event has (plain dates, intervals of them, and one-of ranges such as
 * "[2016-09-17..2016-09-18]"), resolved without the edtf package's grammar: the same result as
 * the general path, at a fraction of the cost, and with no grammar loaded. Null for anything else.
 */
function quick(text: string): DateResult | null {
  const n = text.length
  if (n < 4) return null
  const slash = text.indexOf('/')
  if (slash !== -1) {
    if (text.indexOf('/', slash + 1) !== -1) return null
    // ".." is an open end, "" an unknown one: both leave that side without a part.
    const side = (from: number, to: number): DatePart | null | undefined =>
      to === from || (to - from === 2 && text.charCodeAt(from) === 46 && text.charCodeAt(from + 1) === 46) ? null : (quickPart(text, from, to) ?? undefined)
    const [start, end] = [side(0, slash), side(slash + 1, n)]
    if (start === undefined || end === undefined || (!start && !end)) return null
    if (start && end && end.latest < start.earliest) return backwards(text, 'the interval')
    return { ok: true, date: combine(text, DateShape.span, [start, end], !start, !end) }
  }
  if (text.charCodeAt(0) === 91 /* [ */) {
    const dots = text.indexOf('..')
    if (text.charCodeAt(n - 1) !== 93 /* ] */ || dots === -1) return null
    const [from, to] = [quickPart(text, 1, dots), quickPart(text, dots + 2, n - 1)]
    // The grammar wants both ends of a range unqualified and of one precision.
    if (!from || !to || from.approximate || from.uncertain || to.approximate || to.uncertain || from.precision !== to.precision) return null
    if (to.latest < from.earliest) return backwards(text, 'a range in the set')
    return { ok: true, date: combine(text, DateShape.oneOf, [{ ...from, latest: to.latest, range: true }], false, false) }
  }
  const only = quickPart(text, 0, n)
  return only && { ok: true, date: combine(text, DateShape.point, [only]) }
}

/** The general path of `resolveEdtf`, through the edtf package's grammar; exported for tests that compare the two paths. */
export function resolveInGeneral(text: string): DateResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, message: 'empty EDTF date' }
  let parsed: Parsed
  try {
    if (!grammar) return { ok: false, message: `"${text}" needs the general EDTF grammar, which is not loaded`, grammarNeeded: true }
    parsed = grammar.parse(text)
  } catch (error) {
    return { ok: false, message: syntaxMessage(text, error) }
  }
  try {
    if (parsed.type === 'Interval') {
      // An open end ("..") parses as ±Infinity, an unknown one ("") as null.
      const [start, end] = parsed.values.map((v) => (v !== null && typeof v === 'object' ? part(v) : null)) as [DatePart | null, DatePart | null]
      if (!start && !end) return { ok: false, message: `invalid EDTF date "${text}": an interval needs at least one end` }
      if (start && end && end.latest < start.earliest) {
        return backwards(text, 'the interval')
      }
      return { ok: true, date: combine(text, DateShape.span, [start, end], !start, !end) }
    }
    if (parsed.type === 'Set' || parsed.type === 'List') {
      const parts: DatePart[] = []
      for (const member of parsed.values) {
        if (Array.isArray(member)) {
          const [from, to] = member.map(part) as [DatePart, DatePart]
          if (to.latest < from.earliest) {
            return backwards(text, 'a range in the set')
          }
          parts.push({ ...from, latest: to.latest, precision: coarser(from.precision, to.precision), range: true })
        } else parts.push(part(member))
      }
      const shape = parsed.type === 'Set' ? DateShape.oneOf : DateShape.allOf
      return { ok: true, date: combine(text, shape, parts, Boolean(parsed.earlier), Boolean(parsed.later)) }
    }
    return { ok: true, date: combine(text, DateShape.point, [part(parsed as ParsedDate)]) }
  } catch (error) {
    return { ok: false, message: `invalid EDTF date "${text}": ${error instanceof Error ? error.message : String(error)}` }
  }
}
