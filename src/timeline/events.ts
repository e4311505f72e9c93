import { emphasisOf, type Emphasis } from './emphasis.ts'
import { DateShape, quickBounds, resolveEdtf, type QuickBounds, type ResolvedDate } from '../dates/edtf.ts'
import { formatDate, type LabelOptions } from '../dates/format.ts'
import type { Event, EventDataset } from '../model/index.ts'

/** An event ready to place on a time axis: its resolved date, label and actors. */
export interface TimelineEvent {
  id: string
  event: Event
  /** The date resolved in full (its parts and precision); built on first use. */
  readonly date: ResolvedDate
  /** The date's shape, read without building `date`. */
  shape: DateShape
  /** Inclusive UTC bounds in ms; a point day spans its whole day. */
  start: number
  end: number
  /** The date as a reader sees it ("17 or 18 Sep 2016"); formatted on first use. */
  readonly dateLabel: string
  /** The event's title, read without building the whole event (from an Arrow file, it is built when first read). */
  title: string
  /** The text drawn beside the mark: the title, after "~" or "?" when the date is approximate or uncertain. */
  label: string
  actors: string[]
  /** The event's facets, read once: filters, counts and lanes read them for every event. */
  category: Event['category']
  status: Event['status']
  certainty: Event['certainty']
  /** Some participant's role is only alleged. */
  disputed: boolean
  /** How prominently the event is drawn: key, reported or background (see emphasisOf). */
  readonly emphasis: Emphasis
}

/**
 * What drawing reads of each event of a columnar source (an Arrow file), one array per field,
 * and the whole event when asked for: most events are only counted and placed.
 */
export interface EventColumns {
  length: number
  id: ArrayLike<string>
  title: ArrayLike<string>
  category: ArrayLike<string>
  status: ArrayLike<string>
  certainty: ArrayLike<string>
  edtf: ArrayLike<string>
  /** Each event's participants' actor ids, in order (repeats included). */
  actors: (row: number) => string[]
  /** Whether some participant's role is only alleged. */
  alleged: (row: number) => boolean
  event: (row: number) => Event
  /** Puts a row's date bounds, read already (by a worker), into `out`: when given, `edtf` is read again only for a date's details. */
  bounds?: (row: number, out: QuickBounds) => void
}

// A class, so the lazy label lives on the prototype and every item has the same shape.
class Item implements TimelineEvent {
  readonly id: string
  readonly shape: DateShape
  readonly start: number
  readonly end: number
  readonly label: string
  readonly actors: string[]
  readonly category: Event['category']
  readonly status: Event['status']
  readonly certainty: Event['certainty']
  readonly disputed: boolean
  private formatted?: string
  private emphasized?: Emphasis

  /**
   * `date` holds the date's bounds, shape and qualifiers, and is kept when it is the full
   * `resolved` date; from `quickBounds`, it is read here only, and the full date is built when
   * asked for. The event is `source` itself, or row `row` of it, built when first read.
   */
  constructor(
    private source: Event | EventColumns,
    private row: number,
    /** The text the bounds were read from: the date is built from it, whatever happens to the event later. */
    private readonly edtf: string,
    readonly title: string,
    actors: string[],
    alleged: boolean,
    date: QuickBounds,
    private resolved: ResolvedDate | undefined,
    private readonly now: number | undefined,
    private readonly options: LabelOptions,
  ) {
    const columns = row >= 0 ? (source as EventColumns) : undefined
    const event = columns ? undefined : (source as Event)
    this.id = columns ? columns.id[row]! : event!.id
    this.category = (columns ? columns.category[row] : event!.category) as Event['category']
    this.status = (columns ? columns.status[row] : event!.status) as Event['status']
    this.certainty = (columns ? columns.certainty[row] : event!.certainty) as Event['certainty']
    this.shape = date.shape
    this.start = date.earliest
    // Something still going on as of the source lasts at least until the source's date.
    this.end = this.status === 'ongoing' && now !== undefined ? Math.max(date.latest, now + 86_399_999) : date.latest
    const qualifier = `${date.approximate ? '~' : ''}${date.uncertain ? '?' : ''}`
    this.label = qualifier ? `${qualifier} ${title}` : title
    this.actors = actors
    this.disputed = this.certainty === 'disputed' || alleged
  }

  /** The event; from a columnar source, built when first read. */
  get event(): Event {
    if (this.row >= 0) {
      this.source = (this.source as EventColumns).event(this.row)
      this.row = -1
    }
    return this.source as Event
  }

  // Most events are only counted and placed: their full dates are built for those read closely.
  get date(): ResolvedDate {
    if (!this.resolved) {
      const result = resolveEdtf(this.edtf)
      // The text was read as a common form when the item was made, and a string cannot change.
      if (!result.ok) throw new Error(`the date of event ${this.id} no longer resolves: ${result.message}`)
      this.resolved = result.date
    }
    return this.resolved
  }

  // Formatting every label up front costs more than drawing the few events in view.
  get dateLabel(): string {
    return (this.formatted ??= formatDate(this.date, this.options))
  }

  /** How prominently the event is drawn (see emphasisOf); read for the events drawn with a label, so from a columnar source it builds those only. */
  get emphasis(): Emphasis {
    return (this.emphasized ??= emphasisOf(this.event, this.start, this.end, this.now))
  }
}

/**
 * Resolves a validated dataset's events and sorts them by time (then id), for layout and keyboard order.
 * @example toTimelineEvents(dataset)[0].dateLabel // "c. 2011"
 */
export function toTimelineEvents(dataset: EventDataset, options: LabelOptions = {}): TimelineEvent[] {
  return resolveEvents(dataset, options, false, asOf(dataset, options)?.ms)!
}

/**
 * As `toTimelineEvents`, or null when some date needs the general EDTF grammar and it is not
 * loaded (see dates/edtf-grammar.ts), rather than leaving that event out. `now` is the dataset's
 * "as of" day, for a caller that has it already.
 */
export function toTimelineEventsIfLoaded(dataset: EventDataset, options: LabelOptions = {}, now = asOf(dataset, options)): TimelineEvent[] | null {
  return resolveEvents(dataset, options, true, now?.ms)
}

/**
 * The distinct actors of an event's participants, in order, and whether one's role is only alleged, in one pass and no sets: an event has
 * a handful of participants. Most have one, whose array is made at its size: a growing array
 * reserves room for sixteen, for each of thousands of events.
 */
function actorsOf(event: Event): { actors: string[]; alleged: boolean } {
  const participants = event.participants ?? []
  if (participants.length === 1) return { actors: [participants[0]!.actor], alleged: participants[0]!.attribution === 'alleged' }
  const actors: string[] = []
  let alleged = false
  for (let i = 0; i < participants.length; i++) {
    const p = participants[i]!
    if (!actors.includes(p.actor)) actors.push(p.actor)
    if (p.attribution === 'alleged') alleged = true
  }
  return { actors, alleged }
}

function resolveEvents(dataset: EventDataset, options: LabelOptions, needAll: boolean, now: number | undefined): TimelineEvent[] | null {
  const out: TimelineEvent[] = []
  // The common forms give their bounds with no objects made: thousands of dates cost little to
  // read and nothing to collect. Any other form is resolved in full.
  const bounds: QuickBounds = { earliest: 0, latest: 0, shape: DateShape.point, approximate: false, uncertain: false }
  // Indexed loops over the events here and below: on a page's first render this code has not been
  // optimised yet, and for…of then costs an iterator and a result object per step.
  for (let i = 0; i < dataset.events.length; i++) {
    const event = dataset.events[i]!
    const text = event.date.edtf
    const quick = typeof text === 'string' && quickBounds(text, bounds)
    const resolved = quick ? undefined : resolveEdtf(text)
    if (resolved && !resolved.ok) {
      if (needAll && resolved.grammarNeeded) return null
      continue
    }
    const { actors, alleged } = actorsOf(event)
    out.push(new Item(event, -1, text, event.title, actors, alleged, resolved ? resolved.date : bounds, resolved?.date, now, options))
  }
  // In place: no copy and no groups, so less for the garbage collector while the page draws.
  return inTimeOrder(out)
}

/**
 * As `toTimelineEventsIfLoaded`, for events in columns: nothing but what drawing reads is built,
 * and each event's whole object waits until it is read. `now` is the dataset's "as of" day.
 */
export function columnsToTimelineEvents(columns: EventColumns, now: number | undefined, options: LabelOptions = {}): TimelineEvent[] | null {
  const out: TimelineEvent[] = []
  const bounds: QuickBounds = { earliest: 0, latest: 0, shape: DateShape.point, approximate: false, uncertain: false }
  const read = columns.bounds
  for (let i = 0; i < columns.length; i++) {
    const text = columns.edtf[i]!
    if (read) read(i, bounds)
    const quick = read !== undefined || (typeof text === 'string' && quickBounds(text, bounds))
    const resolved = quick ? undefined : resolveEdtf(text)
    if (resolved && !resolved.ok) {
      if (resolved.grammarNeeded) return null
      continue
    }
    // Distinct, as for an event object: an actor named twice is one lane.
    const named = columns.actors(i)
    const actors = named.length < 2 ? named : [...new Set(named)]
    out.push(new Item(columns, i, text, columns.title[i]!, actors, columns.alleged(i), resolved ? resolved.date : bounds, resolved?.date, now, options))
  }
  return inTimeOrder(out)
}

/**
 * The events sorted by time, in place. Most files list their events in time order already (a
 * timeline written by hand, an Arrow file written by convert): one pass finds that, and skips the sort.
 */
function inTimeOrder(events: TimelineEvent[]): TimelineEvent[] {
  for (let i = 1; i < events.length; i++) if (byTime(events[i - 1]!, events[i]!) > 0) return events.sort(byTime)
  return events
}

/**
 * By start, then end, then id. Compared rather than subtracted: times in ms are beyond V8's small
 * integers, so before the sort is optimised each difference would be a number allocated.
 */
const byTime = (a: TimelineEvent, b: TimelineEvent) =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** The publication day of the dataset's newest source, for the "as of" line; null without sources. */
export function asOf(dataset: Pick<EventDataset, 'sources'>, options: LabelOptions = {}): { ms: number; label: string } | null {
  const newest = dataset.sources.map((s) => s.datePublished).sort().at(-1)
  const resolved = newest === undefined ? undefined : resolveEdtf(newest)
  return resolved?.ok ? { ms: resolved.date.earliest, label: formatDate(resolved.date, options) } : null
}

/** Longer than this, an event is a background period (a war, an occupation) rather than news. */
const longPeriod = 366 * 86_400_000

/** What the opening windows read from all the events, found in one pass: see `reachOf`. */
export interface Reach {
  /** The last end, or the "as of" day if later. */
  lastEnd: number
  /** Where events stop mattering: a background period at its start, anything else at its end; the "as of" day if later. */
  lastReach: number
  /** The first start of an event that is not a background period; Infinity when there is none. */
  firstNewsStart: number
}

/** One pass over the events (sorted by start) for the extent, the first window and the overview's span. */
export function reachOf(items: readonly TimelineEvent[], asOfMs?: number): Reach {
  let [lastEnd, lastReach, firstNewsStart] = [asOfMs ?? -Infinity, asOfMs ?? -Infinity, Infinity]
  for (let n = 0; n < items.length; n++) {
    const i = items[n]!
    const long = i.end - i.start > longPeriod
    if (!long && firstNewsStart === Infinity) firstNewsStart = i.start
    lastEnd = Math.max(lastEnd, i.end)
    lastReach = Math.max(lastReach, long ? i.start : i.end)
  }
  return { lastEnd, lastReach, firstNewsStart }
}

/**
 * The window to show first: from the first decile of starts to the last end, padded, so one
 * long background period does not squash the events the dataset is about. Items are sorted by
 * start, as `toTimelineEvents` gives them.
 */
export function initialWindow(items: TimelineEvent[], reach: Reach): [number, number] | null {
  if (items.length === 0) return null
  const start = items[Math.floor((items.length - 1) * 0.1)]!.start
  const end = reach.lastReach
  const margin = Math.max((end - start) * 0.06, 86_400_000)
  return [start - margin, end + margin]
}

/**
 * The span the overview strip covers: all events and the first window, except that when shorter
 * events exist a background period (over a year) stretches it neither back to its start nor on
 * to its end: a war begun in 2011 would squash a week of talks in 2016 into the strip's last
 * pixels. With nothing shorter, the periods span it whole. Items are sorted by start.
 */
export function overviewSpan(items: TimelineEvent[], window: [number, number] | null, reach: Reach): [number, number] | null {
  if (items.length === 0) return null
  const news = reach.firstNewsStart !== Infinity
  const [start, end] = news ? [reach.firstNewsStart, reach.lastReach] : [items[0]!.start, reach.lastEnd]
  return window ? [Math.min(start, window[0]), Math.max(end, window[1])] : [start, end]
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

// A default made once: a `= []` default is a new array at every call, and this runs for each event's lists.
const none: readonly string[] = []

/** Whether `list` is absent or an array of objects whose `required` keys hold strings, and whose `optional` keys hold strings if present. */
function listOf(list: unknown, required: readonly string[], optional: readonly string[] = none): boolean {
  if (list === undefined) return true
  if (!Array.isArray(list)) return false
  // Indexed loops: on a page's first render this runs before V8 has optimised it, and for…of
  // then costs an iterator per list.
  for (let i = 0; i < list.length; i++) {
    const x: unknown = list[i]
    if (!isObject(x)) return false
    for (let k = 0; k < required.length; k++) if (typeof x[required[k]!] !== 'string') return false
    for (let k = 0; k < optional.length; k++) {
      const value = x[optional[k]!]
      if (value !== undefined && typeof value !== 'string') return false
    }
  }
  return true
}

/** Whether a value is an array of strings. */
function stringList(list: unknown): boolean {
  if (!Array.isArray(list)) return false
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') return false
  return true
}

// The keys drawing reads, made once rather than for each event.
const keys = {
  actor: ['id', 'name'], actorOptional: ['shortName'], source: ['id', 'datePublished'], relation: ['from', 'to', 'type'],
  participant: ['actor'], participantOptional: ['attribution'], evidence: ['quote'],
} as const satisfies Record<string, readonly string[]>

/**
 * Whether a value, not yet validated, has what drawing a timeline reads: the texts of the
 * title, events, actors and sources. Far cheaper than validation, which can then come after the
 * first paint. Invalid dates are allowed here (their events are left out); validation reports them.
 */
export function drawable(value: unknown): value is EventDataset {
  if (!isObject(value) || typeof value.title !== 'string') return false
  if (!Array.isArray(value.actors) || !listOf(value.actors, keys.actor, keys.actorOptional)) return false
  if (!Array.isArray(value.sources) || !listOf(value.sources, keys.source)) return false
  if (!listOf(value.relations, keys.relation)) return false
  if (!Array.isArray(value.events)) return false
  const events: unknown[] = value.events
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    if (!isObject(e)) return false
    if (typeof e.id !== 'string' || typeof e.title !== 'string' || typeof e.status !== 'string') return false
    if (typeof e.certainty !== 'string' || typeof e.category !== 'string') return false
    if (e.summary !== undefined && typeof e.summary !== 'string') return false
    if (e.tags !== undefined && !stringList(e.tags)) return false
    const date = e.date
    if (!isObject(date) || typeof date.edtf !== 'string' || (date.text !== undefined && typeof date.text !== 'string')) return false
    if (!listOf(e.participants, keys.participant, keys.participantOptional) || !listOf(e.evidence, keys.evidence)) return false
  }
  return true
}
