import ICAL from 'ical.js'
import '../dates/edtf-grammar.ts'
import { DateShape, Precision, type ResolvedDate } from '../dates/edtf.ts'
import type { Event, EventDataset, Source } from '../model/index.ts'
import { toTimelineEvents, type TimelineEvent } from '../timeline/events.ts'
import type { Codec } from './format.ts'
import { customFieldCount } from './jsonld.ts'

// A dataset as an iCalendar file (RFC 5545), for calendar apps: one VEVENT per event, in time
// order. A calendar holds days and instants, so a date known to the day, month or year is an
// all-day event over those days, and an uncertain date ("over the weekend", "c. 13 Sep") is the
// whole span it may fall in, its description saying so in the source's words and in EDTF.
// What the dataset says beyond a calendar's fields (participants, certainty, evidence with its
// sources, fatalities) is written into each event's description. Events are TRANSPARENT: they
// are news, not the reader's appointments, and should not make them look busy.

/** Where our status puts an event in iCalendar's STATUS: what happened or is happening is CONFIRMED, what is planned or postponed TENTATIVE, what was called off CANCELLED. */
export const icalStatus = {
  occurred: 'CONFIRMED',
  ongoing: 'CONFIRMED',
  planned: 'TENTATIVE',
  postponed: 'TENTATIVE',
  cancelled: 'CANCELLED',
} as const satisfies Record<Event['status'], string>

export interface IcalOptions {
  /** The time of the export, written as each event's DTSTAMP; now by default. */
  now?: Date | number
}

const day = 86_400_000

/**
 * A UTC instant as jCal writes a day ("2016-09-19") or a time ("2016-09-19T19:30:00Z"), or null
 * in a year iCalendar cannot write: its years have four digits, 0000 to 9999.
 */
function jcal(ms: number, asDay: boolean): string | null {
  // toISOString writes other years with a sign and six digits ("-000500-01-01T…").
  const iso = new Date(ms).toISOString()
  if (!/^\d{4}-/.test(iso)) return null
  return asDay ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`
}

/**
 * DTSTART and DTEND (null when the event has no length) for a resolved date, or null when one
 * end falls in a year iCalendar cannot write. A date known to the time is a UTC DATE-TIME span;
 * any other is all-day, DTEND being the day after the last (RFC 5545 ends are exclusive).
 * The values are given to ical.js as jCal text, not ICAL.Time: ICAL.Time writes a year before
 * 1000 with fewer than four digits ("800-01-01"), which no reader takes.
 */
function times(date: ResolvedDate): [InstanceType<typeof ICAL.Property>, InstanceType<typeof ICAL.Property> | null] | null {
  const asDay = date.precision !== Precision.time
  const type = asDay ? 'date' : 'date-time'
  // iCalendar writes whole seconds; a span keeps all of its last second.
  const [start, end] = asDay
    ? [Math.floor(date.earliest / day) * day, Math.floor(date.latest / day) * day + day]
    : [Math.floor(date.earliest / 1000) * 1000, Math.ceil(date.latest / 1000) * 1000]
  const [first, last] = [jcal(start, asDay), jcal(end, asDay)]
  if (first === null || last === null) return null
  return [new ICAL.Property(['dtstart', {}, type, first]), end > start ? new ICAL.Property(['dtend', {}, type, last]) : null]
}

/** Why a date is shown as a span it may fall anywhere in, or is not exactly what the calendar shows; none for a plain date. */
function doubts(date: ResolvedDate): string[] {
  return [
    date.shape === DateShape.oneOf ? 'one date in a range or set' : '',
    date.approximate ? 'approximate' : '',
    date.uncertain ? 'uncertain' : '',
    date.openStart ? 'its start is not known' : '',
    date.openEnd ? 'its end is not known' : '',
  ].filter(Boolean)
}

/** The lines on the event's date: as resolved, as the source says it, in EDTF, and why the span is wider than the event when it is. */
function dateLines(item: TimelineEvent): string {
  const { event: e, date } = item
  const said = e.date.text ? `, “${e.date.text}” in the source` : ''
  const line = `Date: ${item.dateLabel}${said}; EDTF ${e.date.edtf}.`
  const why = doubts(date)
  if (why.length > 0) return `The date is uncertain (${why.join('; ')}): the calendar shows the whole span it may fall in.\n${line}`
  if (date.shape === DateShape.allOf) return `It took place on each of several dates: the calendar shows the span from the first to the last.\n${line}`
  return line
}

/** A source as the description cites it: publisher, headline, author, day and address. */
const citation = (s: Source | undefined, id: string) =>
  s ? [s.publisher, `“${s.headline}”`, s.author && `by ${s.author}`, s.datePublished, s.url].filter(Boolean).join(', ') : id

/** Actors' names and sources by id, read once for all the events. */
interface Lookups {
  actors: Map<string, string>
  sources: Map<string, Source>
}

/** The description: the summary, then the date, status and certainty, participants, fatalities and the evidence with its sources. */
function description(item: TimelineEvent, { actors, sources }: Lookups): string {
  const e = item.event
  const blocks = [e.summary ?? '', dateLines(item), `Status: ${e.status}. Certainty: ${e.certainty}.`]
  if (e.participants?.length) {
    blocks.push(['Participants:', ...e.participants.map((p) =>
      `- ${actors.get(p.actor) ?? p.actor}: ${p.role}${p.attribution ? ` (${p.attribution})` : ''}${p.note ? ` — ${p.note}` : ''}`)].join('\n'))
  }
  const f = e.fatalities
  if (f) {
    const range = f.low !== undefined || f.high !== undefined ? `; reports range from ${f.low ?? '?'} to ${f.high ?? '?'}` : ''
    const who = f.group && f.group !== 'unknown' ? ` (${f.group.replace('-', ' ')})` : ''
    blocks.push(`Fatalities: ${f.approximate ? 'about ' : ''}${f.best}${who}${range}.`)
  }
  if (e.evidence?.length) {
    blocks.push(['Evidence:', ...e.evidence.map((q) =>
      `- “${q.quote}” — ${citation(sources.get(q.source), q.source)}${q.note ? ` (${q.note})` : ''}`)].join('\n'))
  }
  return blocks.filter(Boolean).join('\n\n')
}

/**
 * Text as iCalendar TEXT can hold it: ical.js escapes backslashes, commas, semicolons and line
 * feeds, but would write a carriage return as it is, which ends the line for many readers; a
 * CR or CRLF becomes one line break here, and other control characters, which TEXT may not
 * hold (RFC 5545, 3.3.11), are dropped.
 */
const plain = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')

/** Text for an x- property, which ical.js writes as it is given: escaped here as iCalendar TEXT, so that the line reads "X-WR-CALNAME:…" with no VALUE parameter. */
const xText = (name: string, text: string) =>
  new ICAL.Property([name, {}, 'unknown', ICAL.stringify.value(plain(text), 'text', ICAL.design.icalendar, false)])

function vevent(item: TimelineEvent, dataset: EventDataset, stamp: string, lookups: Lookups): InstanceType<typeof ICAL.Component> | null {
  const span = times(item.date)
  if (!span) return null
  const e = item.event
  const component = new ICAL.Component('vevent')
  const event = new ICAL.Event(component)
  event.uid = `${e.id}@${dataset.id}`
  component.addProperty(new ICAL.Property(['dtstamp', {}, 'date-time', stamp]))
  for (const p of span) if (p) component.addProperty(p)
  event.summary = plain(e.title)
  event.description = plain(description(item, lookups))
  const place = e.location
  if (place) {
    event.location = plain(place.country ? `${place.name}, ${place.country}` : place.name)
    // RFC 5545 asks for six decimal places at most.
    if (place.latitude !== undefined && place.longitude !== undefined) component.addPropertyWithValue('geo', [Number(place.latitude.toFixed(6)), Number(place.longitude.toFixed(6))])
  }
  if (dataset.language) for (const name of ['summary', 'description', 'location']) component.getFirstProperty(name)?.setParameter('language', dataset.language)
  component.addPropertyWithValue('status', icalStatus[e.status])
  component.addPropertyWithValue('transp', 'TRANSPARENT')
  const categories = new ICAL.Property('categories')
  categories.setValues([...new Set([e.category, e.kind, ...(e.tags ?? [])].map(plain))])
  component.addProperty(categories)
  const url = (e.evidence ?? []).map((q) => lookups.sources.get(q.source)?.url).find(Boolean)
  if (url) component.addPropertyWithValue('url', url)
  return component
}

/** The events that have a year iCalendar cannot write, in time order. */
const unwritable = (dataset: EventDataset) => toTimelineEvents(dataset).filter((item) => times(item.date) === null)

/**
 * A (validated) dataset as an iCalendar file: a VCALENDAR named after the dataset with one
 * VEVENT per event in time order, lines folded within 75 octets and ending in CRLF. Events in a
 * year iCalendar cannot write (before 0000, after 9999) are left out; `icalLost` names them.
 * @example writeIcal(dataset, { now: Date.UTC(2016, 8, 21) }).split('\r\n')[0] // "BEGIN:VCALENDAR"
 */
export function writeIcal(dataset: EventDataset, options: IcalOptions = {}): string {
  const calendar = new ICAL.Component('vcalendar')
  calendar.addPropertyWithValue('version', '2.0')
  calendar.addPropertyWithValue('prodid', '-//diplomatic-timeline//diplomatic-timeline//EN')
  calendar.addPropertyWithValue('calscale', 'GREGORIAN')
  calendar.addProperty(xText('x-wr-calname', dataset.title))
  if (dataset.description) calendar.addProperty(xText('x-wr-caldesc', dataset.description))
  const stamp = jcal(new Date(options.now ?? Date.now()).getTime(), false)!
  const lookups: Lookups = { actors: new Map(dataset.actors.map((a) => [a.id, a.name])), sources: new Map(dataset.sources.map((s) => [s.id, s])) }
  for (const item of toTimelineEvents(dataset)) {
    const component = vevent(item, dataset, stamp, lookups)
    if (component) calendar.addSubcomponent(component)
  }
  // ical.js folds a line after `foldLength` octets but writes each continuation line one octet
  // longer (its leading space is not counted): at 74, every line keeps within RFC 5545's 75.
  const foldLength = ICAL.foldLength
  ICAL.foldLength = 74
  try {
    return `${calendar.toString()}\r\n`
  } finally {
    ICAL.foldLength = foldLength
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What the iCalendar file leaves out of a dataset, one phrase each, as the CLI prints after "not kept:". */
export function icalLost(dataset: EventDataset): string[] {
  const left = unwritable(dataset)
  const named = left.slice(0, 3).map((i) => `${i.id} (${i.event.date.edtf})`).join(', ') + (left.length > 3 ? ', …' : '')
  const relations = dataset.relations?.length ?? 0
  const counted = (has: (e: Event) => unknown) => dataset.events.filter(has).length
  const [fatalities, codes, anchors] = [counted((e) => e.fatalities), counted((e) => e.codes?.cameo || e.codes?.plover), counted((e) => e.date.anchor)]
  const cited = new Set(dataset.events.flatMap((e) => (e.evidence ?? []).map((q) => q.source)))
  const uncited = dataset.sources.filter((s) => !cited.has(s.id)).length
  const custom = customFieldCount(dataset)
  return [
    left.length > 0 ? `${plural(left.length, 'event')} dated outside the years 0000 to 9999, which iCalendar cannot write: ${named}` : '',
    relations > 0 ? `${plural(relations, 'relation')} between events: iCalendar has no links between events` : '',
    dataset.actors.length > 0 ? 'the actors\' kinds, offices, countries and affiliations: an event\'s description names its participants and their roles' : '',
    fatalities > 0 ? `the fatalities of ${plural(fatalities, 'event')} as figures: only their descriptions give them` : '',
    codes > 0 ? `the CAMEO and PLOVER codes of ${plural(codes, 'event')}` : '',
    anchors > 0 ? `which source ${plural(anchors, 'relative date')} ${anchors === 1 ? 'is' : 'are'} read from (date.anchor)` : '',
    uncited > 0 ? `${plural(uncited, 'source')} that no evidence quotes, and the types and languages of the others` : 'the types and languages of the sources',
    custom > 0 ? plural(custom, 'custom x- field') : '',
  ].filter(Boolean)
}

export const codec: Codec = { write: (dataset) => writeIcal(dataset), lost: icalLost }
