import { parseTree, type Node } from 'jsonc-parser'
import '../dates/edtf-grammar.ts'
import { resolveEdtf, type DatePart } from '../dates/edtf.ts'
import { formatDate } from '../dates/format.ts'
import type { Event as DatasetEvent, EventDataset, EventDate, Source } from '../model/index.ts'
import { stripBom } from '../validate/bom.ts'
import { LineIndex, scanJson } from '../validate/json-text.ts'
import { describe, segments, show, type Problem } from '../validate/problem.ts'
import type { Codec, Imported, ReadOptions, SourcePlace } from './format.ts'
import { escapeHtml, escapeHtmlAttribute, htmlToText, textToHtml } from './html-text.ts'
import { Slugs, slug } from './slug.ts'

// TimelineJS3 (Knight Lab) timelines, read and written. Its JSON is a title slide, slides with
// date objects ({ year, month, day, hour, … } as numbers or strings of digits) and HTML text,
// and eras; its Google Sheets template is the same slides as rows (timelinejs-sheet.ts builds
// slides from them and reads them here). The writer adds what TimelineJS cannot say (EDTF dates,
// kind, status, certainty, actors, sources, evidence) under `diplomatic_timeline`, a key
// TimelineJS never reads (its TimelineConfig keeps a slide's object as given, and Slide and
// TimeMarker read only the fields they know), so that a timeline written here reads back the same.

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '')
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The key under which the writer keeps what TimelineJS cannot say, on the timeline and on each slide. */
export const extensionKey = 'diplomatic_timeline'

/** The defaults for what the model requires and TimelineJS has no field for. */
export const defaults = { kind: 'occurrence', category: 'political', status: 'occurred', certainty: 'reported' } as const

// Years and dates.

/** TimelineJS's scales: "cosmological" counts years only, and words years before -99,999 as "years ago". */
export type Scale = 'human' | 'cosmological'

/** The years a timeline (a JavaScript date) can place; the validator refuses the others. */
const placeable = (year: number) => year >= -271_820 && year <= 275_759

/**
 * TimelineJS's year as EDTF's. TimelineJS labels a negative year as BCE without a year 0
 * ("BCE years should be negative numbers": -500 is shown "500 BCE"), while EDTF counts years
 * astronomically (0000 is 1 BCE, -0499 is 500 BCE): so a year it labels BCE becomes one higher.
 * Years it counts as "years ago" (before -99,999 on the cosmological scale) stay as written.
 */
export const toEdtfYear = (year: number, scale: Scale = 'human'): number =>
  year < 0 && (scale === 'human' || year >= -99_999) ? year + 1 : year

/** EDTF's (astronomical) year as TimelineJS's: 0000 is -1 (1 BCE), -0499 is -500. */
export const fromEdtfYear = (year: number, scale: Scale = 'human'): number =>
  year <= 0 && (scale === 'human' || year - 1 >= -99_999) ? year - 1 : year

const partNames = ['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond'] as const
type PartName = (typeof partNames)[number]
type Parts = Partial<Record<PartName, number>>
const limits = { month: [1, 12, 'a month'], hour: [0, 23, 'an hour'], minute: [0, 59, 'a minute'], second: [0, 59, 'a second'], millisecond: [0, 999, 'a millisecond'] } as const
const daysIn = (year: number, month: number) =>
  month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Something wrong with a slide, at one of its fields. */
interface Failure {
  ok: false
  field: string[]
  message: string
}
const fail = (field: string[], message: string): Failure => ({ ok: false, field, message })

/** Whether a TimelineJS date object gives none of its parts (tools write `{ "year": "" }` for no end). */
function blank(date: unknown): boolean {
  return isObject(date) && partNames.every((p) => date[p] === undefined || date[p] === null || text(date[p]).trim() === '')
}

/** A date object's parts as numbers, as TimelineJS takes them (numbers, or strings of digits; empty is absent), checked against the calendar. */
function partsOf(date: unknown, which: string, scale: Scale): { ok: true; parts: Parts } | Failure {
  if (!isObject(date)) return fail([which], `expected a date object such as {"year": 2012, "month": 1}, got ${describe(date)}`)
  const parts: Parts = {}
  for (const name of partNames) {
    const raw = date[name]
    const written = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : null
    if (written === '') continue
    const n = written !== null && /^-?\d+$/.test(written) ? Number(written) : NaN
    if (!Number.isSafeInteger(n)) return fail([which, name], `${show(raw)} is not a whole number (TimelineJS dates are numbers, such as ${name === 'year' ? '2012 or -500' : '1'})`)
    parts[name] = n
  }
  if (parts.year === undefined) return fail([which, 'year'], 'no year: a TimelineJS date needs at least its year')
  for (const name of ['month', 'hour', 'minute', 'second', 'millisecond'] as const) {
    const [low, high, what] = limits[name]
    const n = parts[name]
    if (n !== undefined && (n < low || n > high)) return fail([which, name], `${n} is not ${what} (${low} to ${high})`)
  }
  const days = daysIn(toEdtfYear(parts.year, scale), parts.month ?? 1)
  if (parts.day !== undefined && (parts.day < 1 || parts.day > days)) return fail([which, 'day'], `${parts.day} is not a day of that month (1 to ${days})`)
  return { ok: true, parts }
}

/** A date's EDTF at the precision its parts give; `filled` when a finer part came without a coarser one (a day and no month). */
interface DateText {
  edtf: string
  year: number
  /** Parts below the year that EDTF's form of a long year cannot hold. */
  lossy: boolean
  filled: boolean
  time: boolean
}

function edtfOfParts(parts: Parts, scale: Scale): DateText {
  const year = toEdtfYear(parts.year!, scale)
  const finest = partNames.reduce((at, name, i) => (parts[name] === undefined ? at : i), 0)
  const filled = partNames.slice(0, finest).some((name) => parts[name] === undefined)
  const time = finest >= 3
  // EDTF writes a year of more than four digits with a "Y", alone.
  if (Math.abs(year) > 9999) return { edtf: `Y${year}`, year, lossy: finest > 0, filled, time: false }
  let edtf = `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}`
  if (finest >= 1) edtf += `-${pad(parts.month ?? 1)}`
  if (finest >= 2) edtf += `-${pad(parts.day ?? 1)}`
  if (time) edtf += `T${pad(parts.hour ?? 0)}:${pad(parts.minute ?? 0)}:${pad(parts.second ?? 0)}${parts.millisecond ? `.${pad(parts.millisecond, 3)}` : ''}Z`
  return { edtf, year, lossy: false, filled, time }
}

/** A slide's dates as one EDTF date, and the field to blame when the validator refuses it. */
export interface SlideDates {
  ok: true
  edtf: string
  blame: string[]
  span: boolean
  /** The TimelineJS dates EDTF could not hold whole: kept under x-timelinejs. */
  kept: Array<'start_date' | 'end_date'>
  filled: number
  bce: number
  time: boolean
}

/**
 * A slide's start_date and end_date as EDTF: `2012`, `2012-01`, `2012-01-03`, `2012-01-03T14:30:00Z`,
 * an interval `start/end` when it has an end (TimelineJS drops an end equal to the start, and so
 * does this). A year a timeline cannot place is given alone, for the validator to refuse at it.
 */
export function slideDates(slide: Json, scale: Scale): SlideDates | Failure {
  if (slide.start_date === undefined || slide.start_date === null || blank(slide.start_date)) {
    return fail(['start_date', 'year'], 'no date: TimelineJS leaves out a slide without a start date; give it at least a year')
  }
  const start = partsOf(slide.start_date, 'start_date', scale)
  if (!start.ok) return start
  const hasEnd = slide.end_date !== undefined && slide.end_date !== null && !blank(slide.end_date)
  const end = hasEnd ? partsOf(slide.end_date, 'end_date', scale) : undefined
  if (end && !end.ok) return end
  const a = edtfOfParts(start.parts, scale)
  const b = end && !partNames.every((p) => start.parts[p] === end.parts[p]) ? edtfOfParts(end.parts, scale) : undefined
  const bce = [start.parts.year!, ...(b ? [end!.parts.year!] : [])].filter((y) => y < 0 && toEdtfYear(y, scale) !== y).length
  const common = { ok: true, filled: Number(a.filled) + Number(b?.filled ?? false), bce, time: a.time || Boolean(b?.time) } as const
  const kept = (lossy: boolean, which: 'start_date' | 'end_date') => (lossy ? [which] : [])
  if (!b) return { ...common, edtf: a.edtf, blame: placeable(a.year) ? ['start_date'] : ['start_date', 'year'], span: false, kept: kept(a.lossy, 'start_date') }
  if (!placeable(a.year)) return { ...common, edtf: a.edtf, blame: ['start_date', 'year'], span: true, kept: [] }
  if (!placeable(b.year)) return { ...common, edtf: b.edtf, blame: ['end_date', 'year'], span: true, kept: [] }
  // EDTF intervals here take years of up to four digits: a span of longer years keeps its start.
  if (a.edtf.startsWith('Y') || b.edtf.startsWith('Y')) return { ...common, edtf: a.edtf, blame: ['start_date'], span: true, kept: [...kept(a.lossy, 'start_date'), 'end_date'] }
  const edtf = `${a.edtf}/${b.edtf}`
  return { ...common, edtf, blame: resolveEdtf(edtf).ok ? ['start_date'] : ['end_date'], span: true, kept: [] }
}

/** A TimelineJS date object for an instant, at a precision. */
type Unit = 'year' | 'month' | 'day' | 'time'
function timelineDate(ms: number, unit: Unit, scale: Scale): Json {
  const d = new Date(ms)
  const date: Json = { year: fromEdtfYear(d.getUTCFullYear(), scale) }
  if (unit !== 'year') date.month = d.getUTCMonth() + 1
  if (unit === 'day' || unit === 'time') date.day = d.getUTCDate()
  if (unit === 'time') Object.assign(date, { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() })
  if (unit === 'time' && d.getUTCMilliseconds()) date.millisecond = d.getUTCMilliseconds()
  return date
}

const unitOf = (p: Pick<DatePart, 'precision'>): Unit =>
  p.precision === 'season' ? 'month' : p.precision === 'month' || p.precision === 'day' || p.precision === 'time' ? p.precision : 'year'

/** Whether TimelineJS's date objects say all of an EDTF date: one date or a closed span of plain dates, none uncertain or approximate. */
export function sayableInTimelineJs(edtf: string): boolean {
  const read = resolveEdtf(edtf)
  if (!read.ok) return false
  const { shape, parts, openStart, openEnd } = read.date
  return (shape === 'point' || shape === 'span') && !openStart && !openEnd &&
    parts.every((p) => p !== null && !p.approximate && !p.uncertain && !p.range && ['year', 'month', 'day', 'time'].includes(p.precision))
}

/**
 * An EDTF date as TimelineJS's start_date, end_date and display_date: the dates at their
 * precision (a span from its start's first to its end's last unit; an uncertain date as the span it
 * lies in); a display_date saying the date in words where the dates cannot ("c. 2011", "17 or 18
 * Sep 2016"), after the source's phrase when there is one ("Monday (19 Sep 2016)").
 * @example timelineDates({ edtf: '2016-09-17/2016-09-18' }) // { start_date: { year: 2016, month: 9, day: 17 }, end_date: { …, day: 18 } }
 */
export function timelineDates(date: EventDate, scale: Scale = 'human'): Json {
  const read = resolveEdtf(date.edtf)
  if (!read.ok) throw new Error(`cannot write the date ${JSON.stringify(date.edtf)}: ${read.message}`)
  const d = read.date
  const [first, last] = d.shape === 'span' ? d.parts : d.shape === 'point' ? [d.parts[0]!, d.parts[0]!] : [d, d]
  const start = timelineDate((first ?? last!).earliest, unitOf(first ?? last!), scale)
  const out: Json = { start_date: start }
  if (first && last) {
    const end = timelineDate(last.latest, unitOf(last), scale)
    if (JSON.stringify(end) !== JSON.stringify(start)) out.end_date = end
  }
  const label = formatDate(d)
  const display = date.text ? `${date.text} (${label})` : sayableInTimelineJs(date.edtf) ? '' : label
  if (display) out.display_date = escapeHtml(display)
  return out
}

/** The dates of an event read back from a file, which may not be valid: none when they cannot be written. */
function datesOf(date: unknown, scale: Scale): Json {
  if (!isObject(date) || typeof date.edtf !== 'string') return {}
  try {
    return timelineDates(date as unknown as EventDate, scale)
  } catch {
    return {}
  }
}

// Text.

/** Keys whose strings TimelineJS uses as addresses or attributes, not as HTML. */
const plainKeys = new Set(['url', 'thumbnail', 'link', 'link_target', 'alt', 'title', 'color'])

/** A value from a slide made inert for x-timelinejs: HTML strings as plain text, addresses as written; empty strings and objects left out. */
function inert(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    const out = plainKeys.has(key) && !value.includes('<') ? value.trim() : htmlToText(value)
    return out === '' ? undefined : out
  }
  if (Array.isArray(value)) return value.map((v) => inert(v, key)).filter((v) => v !== undefined)
  if (isObject(value)) {
    const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inert(v, k)]).filter(([, v]) => v !== undefined))
    return Object.keys(out).length === 0 ? undefined : out
  }
  return value ?? undefined
}

/** The inverse of `inert` for writing: text escaped as HTML except under address and attribute keys. */
function asHtml(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return plainKeys.has(key) ? value : escapeHtml(value)
  if (Array.isArray(value)) return value.map((v) => asHtml(v, key))
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asHtml(v, k)]))
  return value
}

/** How a source is cited under a quote: "AP: Headline, 2016-09-20", linked when it has an address. */
function citation(source: Source | undefined, id: string): string {
  const name = escapeHtml(source ? [source.publisher, source.headline].filter(Boolean).join(': ') : id)
  const linked = source?.url ? `<a href="${escapeHtmlAttribute(source.url)}">${name}</a>` : name
  return `<cite>${linked}${source ? `, ${source.datePublished}` : ''}</cite>`
}

/** A slide's HTML text: the summary's paragraphs, then each quote as a blockquote citing its source. */
function bodyOf(event: Json, sources: ReadonlyMap<string, Source>): string {
  const evidence = Array.isArray(event.evidence) ? event.evidence.filter(isObject) : []
  const quotes = evidence.map((q) => `<blockquote>${escapeHtml(text(q.quote))}<br>${citation(sources.get(text(q.source)), text(q.source))}</blockquote>`)
  return textToHtml(text(event.summary)) + quotes.join('')
}

/** The count of links in some HTML, whose addresses plain text drops. */
const links = (html: string) => (html.match(/<a\s[^>]*href/gi) ?? []).length

// Reading: slides from a file (JSON or a sheet) to a dataset.

/** A slide as read from a file, and where its fields are. */
export interface SourceSlide {
  slide: Json
  /** The place of a field of the slide (["start_date", "year"]; [] for the slide itself), or the nearest one the file has. */
  place(field: readonly string[]): SourcePlace
}

/** A TimelineJS timeline as read from a file, before it becomes a dataset. */
export interface SourceTimeline {
  /** What the file calls a slide, for notes: "slide", "row". */
  unit: string
  title?: SourceSlide
  events: SourceSlide[]
  eras: SourceSlide[]
  /** The timeline's other top-level fields (scale, …). */
  extra: Json
  /** The place of a top-level field ([] for the whole file). */
  place(field: readonly string[]): SourcePlace
  /** Problems and notes met while reading the file. */
  problems: Problem[]
  notes: string[]
}

export const problemAt = (place: SourcePlace, message: string): Problem => ({ path: '', line: place.line, column: place.column, message: `${place.label}: ${message}` })

/** The fields a slide has for the dataset; the others are kept under x-timelinejs. */
const slideKeys = new Set(['unique_id', 'text', 'start_date', 'end_date', 'display_date', 'group', extensionKey])

/** A slide's other fields, inert, for x-timelinejs. */
function extrasOf(slide: Json, skip = slideKeys): Json {
  return Object.fromEntries(Object.entries(slide).filter(([k]) => !skip.has(k)).map(([k, v]) => [k, inert(v, k)]).filter(([, v]) => v !== undefined))
}

/** The scale TimelineJS would draw on: cosmological when asked, or when a start year is beyond what a JavaScript date holds. */
function scaleOf(timeline: SourceTimeline): Scale {
  if (timeline.extra.scale === 'cosmological') return 'cosmological'
  const beyond = timeline.events.some(({ slide }) => {
    const year = Number(text(isObject(slide.start_date) ? slide.start_date.year : '').trim())
    return Number.isFinite(year) && !placeable(year)
  })
  return beyond ? 'cosmological' : 'human'
}

/** A slide's title: its headline as plain text, else the first line of its text, else "Untitled". */
function titleOf(slide: Json): string {
  const { headline, text: body } = isObject(slide.text) ? slide.text : {}
  return htmlToText(text(headline)) || htmlToText(text(body)).split('\n')[0]!.slice(0, 80) || 'Untitled'
}

/** Ids for the slides: a valid unique_id as written (the first of each), others made from it or from the title. */
function idsOf(slides: SourceSlide[]): { ids: string[]; changed: number; made: number } {
  const given = slides.map(({ slide }) => text(slide.unique_id).trim())
  const slugs = new Slugs('event')
  const kept = new Set<number>()
  given.forEach((id, i) => {
    if (/^[a-z0-9][a-z0-9-]*$/.test(id) && !given.slice(0, i).includes(id)) {
      kept.add(i)
      slugs.reserve(id)
    }
  })
  const ids = slides.map(({ slide }, i) => (kept.has(i) ? given[i]! : slugs.make(given[i] || titleOf(slide))))
  return { ids, changed: given.filter((id, i) => id && !kept.has(i)).length, made: given.filter((id) => !id).length }
}

/** What reading the slides found, for the notes. */
class Tally {
  counts = new Map<string, number>()
  kept = new Map<string, number>()
  add(what: string, n = 1): void {
    if (n > 0) this.counts.set(what, (this.counts.get(what) ?? 0) + n)
  }
  get = (what: string) => this.counts.get(what) ?? 0
}

/** Where each dataset event came from: its slide, and which of its fields the file's diplomatic_timeline gave. */
interface Origin {
  id: string
  source: SourceSlide
  written: boolean
  fromWritten: Set<string>
  blame: string[]
}

/** The slide's field a dataset event's field came from (["text", "headline"] for the title). */
function fieldOf(origin: Origin, path: string[]): string[] {
  const [field, ...rest] = path
  if (field === undefined) return []
  if (origin.fromWritten.has(field)) return [extensionKey, ...path]
  const slide = origin.source.slide
  switch (field) {
    case 'id': return slide.unique_id !== undefined ? ['unique_id'] : ['text', 'headline']
    case 'title': return ['text', 'headline']
    case 'summary': return ['text', 'text']
    case 'date': return rest[0] === 'text' ? (slide.display_date !== undefined ? ['display_date'] : ['start_date', 'display_date']) : origin.blame
    case 'tags': return ['group']
    case 'x-timelinejs': return rest
    default: return origin.written ? [extensionKey, ...path] : []
  }
}

/** What a slide shows, as plain text and EDTF, and its other fields for x-timelinejs. */
interface Shown {
  headlineHtml: string
  bodyHtml: string
  headline: string
  title: string
  summary: string
  date: Json
  dates: SlideDates
  group: string
  extras: Json
}

function shownOf(slide: Json, scale: Scale): Shown | Failure {
  const dates = slideDates(slide, scale)
  if (!dates.ok) return dates
  const textObject = isObject(slide.text) ? slide.text : {}
  const headlineHtml = text(textObject.headline)
  const bodyHtml = text(textObject.text)
  const summary = htmlToText(bodyHtml)
  const headline = htmlToText(headlineHtml)
  // The slide's display_date, else its dates' own, as TimelineJS shows them.
  const shown = [slide.start_date, slide.end_date].map((d) => htmlToText(text(isObject(d) ? d.display_date : ''))).filter(Boolean)
  const phrase = htmlToText(text(slide.display_date)) || shown.join(' – ')
  const extras = extrasOf(slide)
  for (const which of ['start_date', 'end_date'] as const) {
    const date = slide[which]
    const more = isObject(date) && Object.keys(date).some((k) => !(partNames as readonly string[]).includes(k) && k !== 'display_date')
    if (more || dates.kept.includes(which)) extras[which] = inert(date)
  }
  return {
    headlineHtml, bodyHtml, headline, summary, dates, extras,
    title: titleOf(slide),
    date: { edtf: dates.edtf, ...(phrase ? { text: phrase } : {}) },
    group: htmlToText(text(slide.group)),
  }
}

/** A slide TimelineJS wrote (or a person), as an event with the defaults for what TimelineJS has no field for. */
function convertedEvent(shown: Shown, id: string, era: boolean, tally: Tally): Json {
  const { dates, group, extras, summary } = shown
  tally.add('converted')
  tally.add('untitled', Number(!shown.headline))
  tally.add('links', links(shown.headlineHtml) + links(shown.bodyHtml))
  tally.add('html', Number(/<[A-Za-z]/.test(shown.headlineHtml + shown.bodyHtml)))
  tally.add('filled', dates.filled)
  tally.add('bce', dates.bce)
  tally.add('time', Number(dates.time))
  tally.add('lossy', dates.kept.length)
  if (era) extras.era = true
  if (group) extras.group = group
  for (const key of Object.keys(extras)) if (key !== 'era') tally.kept.set(key, (tally.kept.get(key) ?? 0) + 1)
  const tags = [...(group ? [group] : []), ...(era ? ['era'] : [])]
  return {
    id, title: shown.title, ...(summary ? { summary } : {}), ...defaults, kind: era || dates.span ? 'period' : defaults.kind, date: shown.date,
    ...(tags.length > 0 ? { tags } : {}),
    ...(Object.keys(extras).length > 0 ? { 'x-timelinejs': extras } : {}),
  }
}

/**
 * A slide written here, as the event that was written, except where TimelineJS's own fields
 * (headline, text, dates, group) no longer say what the writer wrote from it: those were
 * changed in TimelineJS since, and are read from the slide.
 */
function writtenEvent(shown: Shown, written: Json, origin: Origin, sources: ReadonlyMap<string, Source>, scale: Scale, tally: Tally): Json {
  const id = origin.id
  const expected = slideOf({ ...written, id }, sources, scale)
  const expectedText = expected.text as Json
  const { 'x-timelinejs': writtenExtras, ...event } = written
  let changed = false
  const take = (field: string, same: boolean, value: unknown) => {
    if (same) {
      if (field in written) origin.fromWritten.add(field)
      return
    }
    changed = true
    if (value === undefined) delete event[field]
    else event[field] = value
  }
  take('title', shown.headlineHtml === expectedText.headline, shown.title)
  take('summary', shown.bodyHtml === expectedText.text, shown.summary || undefined)
  const expectedDates = slideDates(expected, scale)
  take('date', expectedDates.ok && expectedDates.edtf === shown.dates.edtf && text(expected.display_date) === text(origin.source.slide.display_date), shown.date)
  for (const key of Object.keys(written)) if (!['title', 'summary', 'date'].includes(key)) origin.fromWritten.add(key)
  tally.add('edited', Number(changed))
  // What the slide does not show of x-timelinejs comes from what was written; what it shows, from the slide.
  const hidden = isObject(writtenExtras) ? Object.fromEntries(['era', 'group', 'start_date', 'end_date'].filter((k) => k in writtenExtras).map((k) => [k, writtenExtras[k]])) : {}
  const extras: Json = { ...hidden, ...shown.extras }
  if (shown.group !== htmlToText(text(expected.group))) {
    if (shown.group) extras.group = shown.group
    else delete extras.group
  }
  return { id, ...defaults, ...event, ...(Object.keys(extras).length > 0 ? { 'x-timelinejs': extras } : {}) }
}

/** One slide as a dataset event, or why it cannot be one. */
function eventOf(source: SourceSlide, era: boolean, id: string, scale: Scale, sources: ReadonlyMap<string, Source>, tally: Tally): { ok: true; event: Json; origin: Origin } | Failure {
  const shown = shownOf(source.slide, scale)
  if ('ok' in shown) return shown
  const written = source.slide[extensionKey]
  const origin: Origin = { id, source, written: isObject(written), fromWritten: new Set(), blame: shown.dates.blame }
  const event = isObject(written) ? writtenEvent(shown, written, origin, sources, scale, tally) : convertedEvent(shown, id, era, tally)
  return { ok: true, event, origin }
}

/**
 * A TimelineJS timeline, as read from a file, as a dataset (not yet validated): slides and eras
 * become events, the title slide the dataset's title and description; what the file wrote
 * under diplomatic_timeline is used where TimelineJS's own fields still say what was written.
 */
export function timelineToDataset(timeline: SourceTimeline, options: ReadOptions = {}): Imported {
  const problems = [...timeline.problems]
  const scale = scaleOf(timeline)
  const titleSlide = timeline.title?.slide ?? {}
  const written = isObject(timeline.extra[extensionKey]) ? timeline.extra[extensionKey] : undefined
  const sources = new Map((Array.isArray(written?.sources) ? written.sources : []).filter(isObject).map((s) => [text(s.id), s as unknown as Source]))
  const slides = [...timeline.events, ...timeline.eras]
  const { ids, changed, made } = idsOf(slides)
  const tally = new Tally()
  const events: Json[] = []
  const origins: Origin[] = []
  slides.forEach((source, i) => {
    const read = eventOf(source, i >= timeline.events.length, ids[i]!, scale, sources, tally)
    if (!read.ok) problems.push(problemAt(source.place(read.field), read.message))
    else {
      events.push(read.event)
      origins.push(read.origin)
    }
  })

  const textObject = isObject(titleSlide.text) ? titleSlide.text : {}
  const name = options.name?.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '')
  const headline = htmlToText(text(textObject.headline))
  const description = htmlToText(text(textObject.text))
  const sameTitle = written !== undefined && text(textObject.headline) === escapeHtml(text(written.title))
  const sameDescription = written !== undefined && text(textObject.text) === textToHtml(text(written.description))
  const title = sameTitle ? written.title : headline || name || 'TimelineJS timeline'
  const titleExtras = timeline.title ? extrasOf(titleSlide, new Set(['unique_id', 'text', extensionKey])) : {}
  const extra = Object.fromEntries(Object.entries(timeline.extra).filter(([k]) => k !== extensionKey).map(([k, v]) => [k, inert(v, k)]).filter(([, v]) => v !== undefined))
  const xt = { ...(Object.keys(titleExtras).length > 0 ? { title: titleExtras } : {}), ...extra }
  const { events: _events, 'x-timelinejs': _xt, description: writtenDescription, ...rest } = written ?? {}
  const value: Json = {
    schemaVersion: '1.0',
    ...rest,
    id: typeof written?.id === 'string' ? written.id : slug(text(title)) || slug(name ?? '') || 'timeline',
    title,
    ...(sameDescription ? { description: writtenDescription } : description ? { description } : {}),
    sources: written?.sources ?? [],
    actors: written?.actors ?? [],
    events,
    ...(Object.keys(xt).length > 0 ? { 'x-timelinejs': xt } : {}),
  }
  if (value.description === undefined) delete value.description
  const locate = locator(timeline, origins, { title: sameTitle, description: sameDescription, written: written !== undefined })
  const notes = [...timeline.notes, ...notesOf(timeline, events.length, tally, { changed, made }, written !== undefined)]
  return { value, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column), notes, locate }
}

/** Where a value of the dataset came from in the file: the slide field of an event's, the title slide's, or what was written under diplomatic_timeline. */
function locator(timeline: SourceTimeline, origins: Origin[], from: { title: boolean; description: boolean; written: boolean }) {
  const titleField = (field: string) => (timeline.title ? timeline.title.place(['text', field]) : timeline.place([]))
  return (path: string): SourcePlace | undefined => {
    const [top, index, ...field] = segments(path)
    if (top === undefined) return timeline.place([])
    if (top === 'events') {
      const origin = origins[Number(index)]
      return origin ? origin.source.place(fieldOf(origin, field)) : timeline.place(['events'])
    }
    if (top === 'title') return from.title ? timeline.place([extensionKey, 'title']) : titleField('headline')
    if (top === 'description') return from.description ? timeline.place([extensionKey, 'description']) : titleField('text')
    if (top === 'x-timelinejs') return index === 'title' ? timeline.title?.place(field) : timeline.place(index === undefined ? [] : [index, ...field])
    return from.written ? timeline.place([extensionKey, ...segments(path)]) : timeline.place([])
  }
}

/** What reading did, in sentences. */
function notesOf(timeline: SourceTimeline, count: number, tally: Tally, ids: { changed: number; made: number }, written: boolean): string[] {
  const { unit } = timeline
  const eras = timeline.eras.length
  const converted = tally.get('converted')
  const notes = [`${plural(count, 'event')} from ${plural(timeline.events.length, unit)}${eras ? ` and ${plural(eras, 'era')}` : ''}`]
  if (eras) notes.push(`eras became events of kind "period" tagged "era"`)
  if (written) notes.push(`read with what was written under ${extensionKey}: each event's EDTF date, kind, category, status, certainty, participants and evidence, and the dataset's sources, actors and relations`)
  if (tally.get('edited')) notes.push(`${plural(tally.get('edited'), 'event')} changed in TimelineJS since written: their headline, text or dates were read from TimelineJS's fields`)
  if (converted) {
    notes.push(`TimelineJS has no kind, category, status or certainty: ${converted === count ? 'every event is' : `${plural(converted, 'event')} are`} of kind "${defaults.kind}" ("period" when it has an end date or is an era), category "${defaults.category}", status "${defaults.status}" and certainty "${defaults.certainty}"; correct those that are not`)
    if (!written) notes.push('TimelineJS has no sources with publication dates: the dataset has no sources, and its events no evidence')
  }
  if (tally.get('html')) notes.push(`HTML in headlines and text became plain text${tally.get('links') ? ` (the addresses of ${plural(tally.get('links'), 'link')} were dropped, their words kept)` : ''}`)
  if (tally.get('untitled')) notes.push(`${plural(tally.get('untitled'), unit)} had no headline: the first line of the text (or "Untitled") became the title`)
  if (ids.changed) notes.push(`${plural(ids.changed, 'unique_id')} did not fit an id (lower-case letters, digits, hyphens; each once) and ${ids.changed === 1 ? 'was' : 'were'} made to`)
  if (ids.made) notes.push(`${plural(ids.made, 'event')} got ${ids.made === 1 ? 'an id' : 'ids'} made from the title (${unit === 'slide' ? 'no unique_id' : 'the template has no id column'})`)
  if (tally.get('bce')) notes.push(`${plural(tally.get('bce'), 'negative year')}: TimelineJS counts BCE years without a year 0 (-500 is 500 BCE), EDTF astronomically, so each became one higher (-500 → -0499)`)
  if (tally.get('time')) notes.push(`${plural(tally.get('time'), 'date')} with a time: TimelineJS shows times in the reader's time zone; they were read as UTC (Z)`)
  if (tally.get('filled')) notes.push(`${plural(tally.get('filled'), 'date')} gave a finer part without a coarser one (a day without a month, a time without a day): TimelineJS's defaults were used (January, the 1st, 00:00)`)
  if (tally.get('lossy')) notes.push(`${plural(tally.get('lossy'), 'date')} could not be held whole (EDTF writes a year of more than four digits alone, and not in an interval): kept as written under x-timelinejs`)
  const kept = [...tally.kept].map(([key, n]) => `${key} (${plural(n, 'event')})`)
  if (kept.length > 0) notes.push(`kept under x-timelinejs, not drawn: ${kept.join(', ')}`)
  return notes
}

// Reading TimelineJS JSON.

/** "events[3].start_date.year": a path in a JSON file as a reader names it. */
const labelOf = (path: readonly string[]) =>
  path.reduce((label, s) => (/^\d+$/.test(s) ? `${label}[${s}]` : label ? `${label}.${s}` : s), '') || 'timeline'

/** The places of a JSON text's values: the value at a path, or the nearest one above it that the text has. */
function jsonPlaces(text: string): (path: readonly string[]) => SourcePlace {
  const root = parseTree(text)
  const lines = new LineIndex(text)
  return (path) => {
    let node: Node | undefined = root
    let depth = 0
    for (const segment of path) {
      const children: Node[] = node?.children ?? []
      // As JSON.parse, the last of a key given twice counts.
      const next: Node | undefined = node?.type === 'object' ? children.findLast((p) => p.children?.[0]?.value === segment)?.children?.[1] : node?.type === 'array' ? children[Number(segment)] : undefined
      if (!next) break
      node = next
      depth++
    }
    return { ...lines.position(node?.offset ?? 0), label: labelOf(path.slice(0, depth)) }
  }
}

/**
 * Reads a TimelineJS3 JSON timeline into a dataset; problems point at the line and column of
 * the slide's field ("events[3].start_date.year").
 * @example readTimelineJs(await (await fetch('timeline3.json')).text()).value?.events
 */
export function readTimelineJs(source: string, options: ReadOptions = {}): Imported {
  const json = stripBom(source)
  const none = (problem: Problem): Imported => ({ value: null, problems: [problem], notes: [], locate: () => undefined })
  const { syntax } = scanJson(json, new LineIndex(json))
  if (syntax) return none(syntax)
  const data: unknown = JSON.parse(json)
  const place = jsonPlaces(json)
  if (!isObject(data) || !('events' in data)) {
    const at = place([])
    return none({ path: '', line: at.line, column: at.column, message: 'not a TimelineJS timeline: expected an object with an "events" array of slides' })
  }
  const problems: Problem[] = []
  const list = (key: 'events' | 'eras'): SourceSlide[] => {
    const items = data[key] ?? []
    if (!Array.isArray(items)) {
      problems.push(problemAt(place([key]), `expected an array of ${key === 'events' ? 'slides' : 'eras'}, got ${describe(items)}`))
      return []
    }
    return items.flatMap((slide, i) => {
      if (isObject(slide)) return [{ slide, place: (field: readonly string[]) => place([key, String(i), ...field]) }]
      problems.push(problemAt(place([key, String(i)]), `expected a ${key === 'events' ? 'slide' : 'era'} object, got ${describe(slide)}`))
      return []
    })
  }
  const events = list('events')
  if (problems.length > 0 && !Array.isArray(data.events)) return { value: null, problems, notes: [], locate: () => undefined }
  const titleSlide = isObject(data.title) ? { slide: data.title, place: (field: readonly string[]) => place(['title', ...field]) } : undefined
  if (data.title !== undefined && !titleSlide) problems.push(problemAt(place(['title']), `expected a title slide object, got ${describe(data.title)}`))
  const extra = Object.fromEntries(Object.entries(data).filter(([k]) => !['events', 'eras', 'title'].includes(k)))
  return timelineToDataset({ unit: 'slide', title: titleSlide, events, eras: list('eras'), extra, place, problems, notes: [] }, options)
}

// Writing.

/** An event as a TimelineJS slide, with what TimelineJS cannot say under diplomatic_timeline. */
function slideOf(event: Json, sources: ReadonlyMap<string, Source>, scale: Scale): Json {
  const { id, 'x-timelinejs': _xt, ...rest } = event
  const xt = isObject(event['x-timelinejs']) ? event['x-timelinejs'] : {}
  const { era, group, start_date, end_date, ...extras } = xt
  // What the slide shows of x-timelinejs is read back from it; the rest is written with the event.
  const hidden = Object.fromEntries(Object.entries({ era, group, start_date, end_date }).filter(([, v]) => v !== undefined))
  if (Object.keys(hidden).length > 0) rest['x-timelinejs'] = hidden
  return {
    unique_id: id,
    ...datesOf(event.date, scale),
    text: { headline: escapeHtml(text(event.title)), text: bodyOf(event, sources) },
    group: escapeHtml(typeof group === 'string' ? group : text(event.category)),
    ...(asHtml(extras) as Json),
    [extensionKey]: rest,
  }
}

/** Whether an event goes among TimelineJS's eras: it came from one, and is a span with both ends (TimelineJS's eras need them). */
function isEra(event: DatasetEvent): boolean {
  const [start, end, more] = event.date.edtf.split('/')
  return isObject(event['x-timelinejs']) && event['x-timelinejs'].era === true && Boolean(start && end && start !== '..' && end !== '..' && more === undefined)
}

/**
 * A (validated) dataset as TimelineJS3 JSON: a title slide, a slide per event (dates at their
 * precision, the title and summary as HTML, quotes as blockquotes citing their source, the
 * category as the group), eras for the events read from eras, and what TimelineJS cannot say
 * under diplomatic_timeline, so that the file reads back to the same dataset.
 * @example writeTimelineJs(dataset) // '{\n  "title": { "text": { "headline": "…" } },\n  "events": [ … ] …'
 */
export function writeTimelineJs(dataset: EventDataset): string {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]))
  const xt = isObject(dataset['x-timelinejs']) ? dataset['x-timelinejs'] : {}
  const { title: titleExtras, ...extra } = xt
  const scale: Scale = extra.scale === 'cosmological' ? 'cosmological' : 'human'
  const slides = dataset.events.map((e) => ({ era: isEra(e), slide: slideOf(e as unknown as Json, sources, scale) }))
  const { events: _events, $schema: _schema, ...rest } = dataset
  const timeline = {
    ...(asHtml(extra) as Json),
    title: {
      ...(isObject(titleExtras) ? (asHtml(titleExtras) as Json) : {}),
      text: { headline: escapeHtml(dataset.title), ...(dataset.description ? { text: textToHtml(dataset.description) } : {}) },
    },
    events: slides.filter((s) => !s.era).map((s) => s.slide),
    ...(slides.some((s) => s.era) ? { eras: slides.filter((s) => s.era).map((s) => s.slide) } : {}),
    [extensionKey]: rest,
  }
  return JSON.stringify(timeline, null, 2) + '\n'
}

/** What a TimelineJS reader of the written file does not see, one sentence each (all of it is kept under diplomatic_timeline). */
export function lost(dataset: EventDataset): string[] {
  const events = dataset.events
  const count = (test: (e: DatasetEvent) => unknown) => events.filter(test).length
  const some = (n: number, what: string) => (n > 0 ? [`${what} of ${plural(n, 'event')}`] : [])
  const inexact = count((e) => !sayableInTimelineJs(e.date.edtf))
  const cited = new Set(events.flatMap((e) => (e.evidence ?? []).map((q) => q.source)))
  const uncited = dataset.sources.filter((s) => !cited.has(s.id)).length
  const unseen = [
    ...(events.length > 0 ? [`the kind, status and certainty of ${plural(events.length, 'event')} (the category is shown as the group)`] : []),
    ...(dataset.actors.length > 0 ? [`${plural(dataset.actors.length, 'actor')}`] : []),
    ...some(count((e) => e.participants?.length), 'the participants'),
    ...(dataset.relations?.length ? [plural(dataset.relations.length, 'relation')] : []),
    ...some(count((e) => e.location), 'the place'),
    ...some(count((e) => e.fatalities), 'the fatalities'),
    ...some(count((e) => e.codes), 'the CAMEO and PLOVER codes'),
    ...some(count((e) => e.tags?.length), 'the tags'),
    ...some(count((e) => e.date.anchor), 'the date anchors'),
    ...some(count((e) => e.evidence?.some((q) => q.note)), 'the notes on quotes'),
    ...(uncited > 0 ? [`${plural(uncited, 'source')} no quote cites`] : []),
    ...(Object.keys(dataset).some((k) => k.startsWith('x-')) || count((e) => Object.keys(e).some((k) => k.startsWith('x-') && k !== 'x-timelinejs')) ? ['custom x- fields'] : []),
  ]
  return [
    ...(inexact > 0 ? [`${plural(inexact, 'event')} with an uncertain, approximate, open or one-of date ${inexact === 1 ? 'is' : 'are'} drawn at TimelineJS's nearest date or span, with the date in words as its display date`] : []),
    ...(unseen.length > 0 ? [`not shown by TimelineJS: ${unseen.join('; ')}`] : []),
    `TimelineJS ignores the ${extensionKey} fields that keep all of this, so reading the file back here gives the same dataset`,
  ]
}

/** Whether the start of a JSON file is a TimelineJS timeline: slides with start_date objects, or a title slide (our own datasets' title is a string). */
export function isTimelineJs(head: string): boolean {
  const json = stripBom(head)
  return /^\s*\{/.test(json) && (/"start_date"\s*:\s*\{/.test(json) || /"title"\s*:\s*\{\s*"(text|media|start_date|unique_id)"\s*:/.test(json))
}

export const codec: Codec = { read: readTimelineJs, write: writeTimelineJs, lost }
