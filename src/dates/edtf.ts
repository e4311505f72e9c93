import type { Parsed, ParsedDate } from 'edtf'
import { messageOf } from '../message-of.ts'

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

/** The date as a message quotes it, cut short when long. */
const quoted = (text: string) => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`

/** An interval, or a range in a set, that ends before it starts: said the same by both paths. */
const backwards = (text: string, what: string): DateResult => ({ ok: false, message: `invalid EDTF date ${quoted(text)}: ${what} ends before it starts` })

/** Beyond ±8.64e15 ms (20 April 271821 BC to 13 September 275760), a JavaScript date is NaN: the timeline cannot place it. */
const placeable = (ms: number) => Math.abs(ms) <= 8.64e15
const placeableYears = 'outside the years a timeline can place (-271820 to 275759)'

/** Longer than any date needs; the grammar's time grows faster than the length (10,000 spaces in a set: seconds). */
const maxLength = 200

/** How many digits a year written with "Y" has ("Y-13798000000": 11), leading zeros aside; 0 for any other date. */
function digitsOfYear(text: string): number {
  if (text.charCodeAt(0) !== 89 /* Y */) return 0
  let i = text.charCodeAt(1) === 45 /* - */ ? 2 : 1
  while (text.charCodeAt(i) === 48 /* 0 */) i++
  const first = i
  while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++
  return i - first
}

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
  const raw = messageOf(error)
  const at = /col (\d+)/.exec(raw)
  if (at) {
    const column = Number(at[1])
    const found = text[column - 1]
    return `invalid EDTF date ${quoted(text)}: unexpected ${found === undefined ? 'end' : JSON.stringify(found)} at character ${column}`
  }
  return `invalid EDTF date ${quoted(text)}`
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

/** A plain date's fields, read by `scanPart` into this one object rather than a new one per date. */
const scanned: DatePart = { earliest: 0, latest: 0, precision: Precision.day, approximate: false, uncertain: false }

/**
 * One plain date in `text` from `from` to `to` ("2016", "2016-09", "2016-09-19", each perhaps
 * followed by ~ ? or %), read character by character into `scanned`; false when it is not one or
 * is impossible (30 February): the general path explains those.
 */
function scanPart(text: string, from: number, to: number): boolean {
  let end = to
  const q = text.charCodeAt(end - 1)
  scanned.approximate = q === 126 /* ~ */ || q === 37 /* % */
  scanned.uncertain = q === 63 /* ? */ || q === 37
  if (scanned.approximate || scanned.uncertain) end--
  const length = end - from
  if (length !== 4 && length !== 7 && length !== 10) return false
  const year = digitsAt(text, from, from + 4)
  if (year < 0) return false
  if (length === 4) {
    scanned.earliest = at(year, 0, 1)
    scanned.latest = at(year + 1, 0, 1) - 1
    scanned.precision = Precision.year
    return true
  }
  const month = text.charCodeAt(from + 4) === 45 /* - */ ? digitsAt(text, from + 5, from + 7) : -1
  if (month < 1 || month > 12) return false
  if (length === 7) {
    scanned.earliest = at(year, month - 1, 1)
    scanned.latest = at(year, month, 1) - 1
    scanned.precision = Precision.month
    return true
  }
  const day = text.charCodeAt(from + 7) === 45 ? digitsAt(text, from + 8, from + 10) : -1
  if (day < 1 || day > daysIn(year, month)) return false
  scanned.earliest = at(year, month - 1, day)
  scanned.latest = scanned.earliest + 86_399_999
  scanned.precision = Precision.day
  return true
}

/** The part `scanPart` read, as an object of its own; null when it read none. */
const quickPart = (text: string, from: number, to: number): DatePart | null => (scanPart(text, from, to) ? { ...scanned } : null)

/** What a date in a common form spans, without the parts `resolveEdtf` describes it by. */
export interface QuickBounds {
  earliest: number
  latest: number
  shape: DateShape
  approximate: boolean
  uncertain: boolean
}

/** Where `readQuick` found a common form: the text's sides (an interval's ends, a range's ends) and the form. */
interface QuickForm {
  shape: DateShape
  /** Offsets of the first side, or of the whole date; from === to for an open or unknown start. */
  from: number
  to: number
  /** Offsets of the second side (an interval's end, a range's end); unused for a point. */
  from2: number
  to2: number
}
const form: QuickForm = { shape: DateShape.point, from: 0, to: 0, from2: 0, to2: 0 }

/** ".." is an open end, "" an unknown one: both leave that side of an interval without a part. */
const noSide = (text: string, from: number, to: number): boolean =>
  to === from || (to - from === 2 && text.charCodeAt(from) === 46 && text.charCodeAt(from + 1) === 46)

/**
 * Reads the forms nearly every event has (plain dates, intervals of them, and one-of ranges such
 * as "[2016-09-17..2016-09-18]") into `out`, and where their sides are into `form`, allocating
 * nothing: 'ok', 'backwards' when it ends before it starts, or null for any other form (the
 * general path reads those, and explains what is wrong).
 */
function readQuick(text: string, out: QuickBounds): 'ok' | 'backwards' | null {
  const n = text.length
  if (n < 4) return null
  const slash = text.indexOf('/')
  if (slash !== -1) {
    if (text.indexOf('/', slash + 1) !== -1) return null
    const noStart = noSide(text, 0, slash)
    const noEnd = noSide(text, slash + 1, n)
    if (noStart && noEnd) return null
    form.shape = DateShape.span
    form.from = 0
    form.to = noStart ? 0 : slash
    form.from2 = slash + 1
    form.to2 = noEnd ? slash + 1 : n
    let startEarliest = NaN
    let approximate = false
    let uncertain = false
    if (!noStart) {
      if (!scanPart(text, 0, slash)) return null
      out.earliest = scanned.earliest
      out.latest = scanned.latest
      startEarliest = scanned.earliest
      approximate = scanned.approximate
      uncertain = scanned.uncertain
    }
    if (!noEnd) {
      if (!scanPart(text, slash + 1, n)) return null
      if (noStart) out.earliest = scanned.earliest
      out.latest = scanned.latest
      approximate ||= scanned.approximate
      uncertain ||= scanned.uncertain
      if (!noStart && scanned.latest < startEarliest) return 'backwards'
    }
    out.shape = DateShape.span
    out.approximate = approximate
    out.uncertain = uncertain
    return 'ok'
  }
  if (text.charCodeAt(0) === 91 /* [ */) {
    const dots = text.indexOf('..')
    if (text.charCodeAt(n - 1) !== 93 /* ] */ || dots === -1) return null
    // The grammar wants both ends of a range unqualified and of one precision.
    if (!scanPart(text, 1, dots) || scanned.approximate || scanned.uncertain) return null
    const earliest = scanned.earliest
    const precision = scanned.precision
    if (!scanPart(text, dots + 2, n - 1) || scanned.approximate || scanned.uncertain || scanned.precision !== precision) return null
    form.shape = DateShape.oneOf
    form.from = 1
    form.to = dots
    form.from2 = dots + 2
    form.to2 = n - 1
    if (scanned.latest < earliest) return 'backwards'
    out.earliest = earliest
    out.latest = scanned.latest
    out.shape = DateShape.oneOf
    out.approximate = false
    out.uncertain = false
    return 'ok'
  }
  if (!scanPart(text, 0, n)) return null
  form.shape = DateShape.point
  form.from = 0
  form.to = n
  out.earliest = scanned.earliest
  out.latest = scanned.latest
  out.shape = DateShape.point
  out.approximate = scanned.approximate
  out.uncertain = scanned.uncertain
  return 'ok'
}

/**
 * The bounds, shape and qualifiers of a date in one of the common forms, into `out`; false for any
 * other form and for a date that ends before it starts (`resolveEdtf` says what is wrong), and
 * then `out` holds nothing to read. For thousands of dates at once: nothing is allocated.
 * @example quickBounds('2016-09-19', out) // true; out.earliest === Date.UTC(2016, 8, 19)
 */
export const quickBounds = (text: string, out: QuickBounds): boolean => readQuick(text, out) === 'ok'

const bounds: QuickBounds = { earliest: 0, latest: 0, shape: DateShape.point, approximate: false, uncertain: false }

/**
 * The common forms (see `readQuick`) resolved without the edtf package's grammar: the same result
 * as the general path, at a fraction of the cost, and with no grammar loaded. Null for anything else.
 */
function quick(text: string): DateResult | null {
  const found = readQuick(text, bounds)
  if (found === null) return null
  if (found === 'backwards') return backwards(text, form.shape === DateShape.span ? 'the interval' : 'a range in the set')
  if (form.shape === DateShape.point) return { ok: true, date: combine(text, DateShape.point, [quickPart(text, form.from, form.to)]) }
  const [first, second] = [form.from === form.to ? null : quickPart(text, form.from, form.to), form.from2 === form.to2 ? null : quickPart(text, form.from2, form.to2)]
  if (form.shape === DateShape.span) return { ok: true, date: combine(text, DateShape.span, [first, second], !first, !second) }
  return { ok: true, date: combine(text, DateShape.oneOf, [{ ...first!, latest: second!.latest, range: true }], false, false) }
}

/**
 * The general path of `resolveEdtf`, through the edtf package's grammar; exported for tests that
 * compare the two paths. A date the timeline could not place (its bounds are not JavaScript
 * times) is refused; so is a year of more digits than such a date has, or a text longer than any
 * date, before the grammar spends seconds reading it.
 */
export function resolveInGeneral(text: string): DateResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, message: 'empty EDTF date' }
  const digits = digitsOfYear(text)
  if (digits > 6) return { ok: false, message: `invalid EDTF date ${quoted(text)}: a year of ${digits} digits is ${placeableYears}` }
  if (text.length > maxLength) return { ok: false, message: `invalid EDTF date ${quoted(text)}: ${text.length} characters, where a date has at most ${maxLength}` }
  let parsed: Parsed
  try {
    if (!grammar) return { ok: false, message: `${quoted(text)} needs the general EDTF grammar, which is not loaded`, grammarNeeded: true }
    parsed = grammar.parse(text)
  } catch (error) {
    return { ok: false, message: syntaxMessage(text, error) }
  }
  const result = fromParsed(text, parsed)
  if (!result.ok) return result
  const { date } = result
  const inRange = placeable(date.earliest) && placeable(date.latest) && date.parts.every((p) => !p || (placeable(p.earliest) && placeable(p.latest)))
  return inRange ? result : { ok: false, message: `invalid EDTF date ${quoted(text)}: ${placeableYears}` }
}

/** A parsed date resolved: its parts' bounds and precision, and how they combine. */
function fromParsed(text: string, parsed: Parsed): DateResult {
  try {
    if (parsed.type === 'Interval') {
      // An open end ("..") parses as ±Infinity, an unknown one ("") as null.
      const [start, end] = parsed.values.map((v) => (v !== null && typeof v === 'object' ? part(v) : null)) as [DatePart | null, DatePart | null]
      if (!start && !end) return { ok: false, message: `invalid EDTF date ${quoted(text)}: an interval needs at least one end` }
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
    return { ok: false, message: `invalid EDTF date ${quoted(text)}: ${messageOf(error)}` }
  }
}
