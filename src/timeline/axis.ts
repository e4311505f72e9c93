import { utcDay, utcHour, utcMinute, utcMonday, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time'

// The time axis in two rows, as vis-timeline and most calendars draw it: ticks at the zoom's unit
// (hours, days, weeks, months, years) labelled by what changes from one to the next ("Tue 20"),
// and above them a row that names the period they fall in ("September 2016"), its first label
// kept at the left edge while that period is in view. Labels come from Intl in the element's
// locale, in UTC like every date here.

export interface AxisTick {
  ms: number
  label: string
}

export interface TimeAxis {
  minor: AxisTick[]
  /** The periods in view, the first one starting at or before the window's start; empty at the coarsest levels. */
  major: AxisTick[]
}

type Format = Intl.DateTimeFormatOptions

interface Level {
  /** The tick interval and roughly how long one step is, in ms. */
  every: TimeInterval | CountableTimeInterval
  step: number
  minor: Format
  /** The enclosing period and how it is named; none past the months. */
  major?: { every: TimeInterval; format: Format }
}

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const dayOf: Format = { weekday: 'short', day: '2-digit', month: 'long', year: 'numeric' }
const monthOf: Format = { month: 'long', year: 'numeric' }
const time: Format = { hour: '2-digit', minute: '2-digit' }
const weekday: Format = { weekday: 'short', day: '2-digit' }

/** The levels, finest first: the axis takes the finest whose ticks are far enough apart for their labels (see spacingOf). */
const levels: Level[] = [
  ...[1, 5, 15, 30].map((n): Level => ({ every: utcMinute.every(n)!, step: n * minute, minor: time, major: { every: utcDay, format: dayOf } })),
  ...[1, 3, 6, 12].map((n): Level => ({ every: utcHour.every(n)!, step: n * hour, minor: time, major: { every: utcDay, format: dayOf } })),
  { every: utcDay, step: day, minor: weekday, major: { every: utcMonth, format: monthOf } },
  { every: utcDay.every(2)!, step: 2 * day, minor: weekday, major: { every: utcMonth, format: monthOf } },
  { every: utcMonday, step: 7 * day, minor: weekday, major: { every: utcMonth, format: monthOf } },
  { every: utcMonth, step: 30 * day, minor: { month: 'long' }, major: { every: utcYear, format: { year: 'numeric' } } },
  { every: utcMonth.every(3)!, step: 91 * day, minor: { month: 'short' }, major: { every: utcYear, format: { year: 'numeric' } } },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10_000, 100_000].map((n): Level => ({ every: utcYear.every(n)!, step: n * 365.25 * day, minor: { year: 'numeric' } })),
]

/** Formats, one per locale and level, made once: a zoom redraws the axis every frame. */
const formats = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string, options: Format): Intl.DateTimeFormat {
  const key = `${locale}\n${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })))
  return format
}

/** Ticks closer than this, in px, would crowd their labels. */
export const minSpacing = 56

/** Roughly how wide a label of the axis's 11 px text is, per character, and the room kept between two. */
const charWidth = 6.5
const labelRoom = 10

/**
 * How far apart a level's ticks must be for their labels not to touch in a locale: its longest
 * label over a fortnight of days, a year of months or a few years, at `charWidth` a character,
 * and never less than `minSpacing` ("الخميس، 01" needs 75 px where "Thu 01" fits in 56).
 */
const spacings = new Map<string, number>()
function spacingOf(level: Level, locale: string): number {
  const key = `${locale}\n${levels.indexOf(level)}`
  let spacing = spacings.get(key)
  if (spacing === undefined) {
    const format = formatter(locale, level.minor)
    // Every weekday, every month, a late hour: the longest names in the locale.
    const samples = [...Array(14).keys()].map((i) => new Date(Date.UTC(2016, 8, 1 + i, 23, 55)))
    for (let m = 0; m < 12; m++) samples.push(new Date(Date.UTC(2016, m, 28, 23, 55)))
    const longest = Math.max(...samples.map((d) => format.format(d).length))
    spacings.set(key, (spacing = Math.max(minSpacing, longest * charWidth + labelRoom)))
  }
  return spacing
}

/** The axis drawn last: hovering and selecting redraw the plot without moving the window. */
let last: { t0: number; t1: number; width: number; locale: string; axis: TimeAxis } | undefined

/** The two rows of the axis for the window [t0, t1) ms drawn `width` px wide. */
export function timeAxis(t0: number, t1: number, width: number, locale: string): TimeAxis {
  if (last && last.t0 === t0 && last.t1 === t1 && last.width === width && last.locale === locale) return last.axis
  const axis = axisOf(t0, t1, width, locale)
  last = { t0, t1, width, locale, axis }
  return axis
}

function axisOf(t0: number, t1: number, width: number, locale: string): TimeAxis {
  const perPx = (t1 - t0) / Math.max(1, width)
  // The least spacing first: the locale's labels are worked out only for levels it lets through.
  const level = levels.find((l) => l.step / perPx >= minSpacing && l.step / perPx >= spacingOf(l, locale)) ?? levels.at(-1)!
  const minor = formatter(locale, level.minor)
  const ticks = level.every.range(new Date(t0), new Date(t1)).map((d) => ({ ms: +d, label: minor.format(d) }))
  if (!level.major) return { minor: ticks, major: [] }
  const major = formatter(locale, level.major.format)
  const periods = level.major.every.range(level.major.every.floor(new Date(t0)), new Date(t1))
  return { minor: ticks, major: periods.map((d) => ({ ms: +d, label: major.format(d) })) }
}
