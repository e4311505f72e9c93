import type { Actor, Codes, Event as DatasetEvent, EventDataset, Location, Participant, Source } from '../model/index.ts'
import { segments, type Problem } from '../validate/problem.ts'
import { CsvTable } from './csv-table.ts'
import { dayOf } from './day-text.ts'
import type { Codec, Imported, ReadOptions, SourcePlace } from './format.ts'
import { Slugs, slug } from './slug.ts'

// An ACLED export (Armed Conflict Location & Event Data, acleddata.com) read as a dataset: one
// event per row, its actors from actor1/actor2 and the associated actors, one dataset-level
// source for the export itself. Every cell the model has no field for is kept on its event under
// `x-acled`. `AcledReader` does the work a row at a time, so that a caller can read a file of
// hundreds of thousands of rows in batches; `read` runs it over a whole text.

/** The 30 columns of an ACLED export, in order (newer exports add a 31st, `timestamp`). */
export const acledHeader = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags',
] as const

/** The columns without which a file is not read as ACLED: an event needs its id, its day, its type and its first actor. */
export const acledRequired = ['event_id_cnty', 'event_date', 'event_type', 'actor1'] as const

type Column = (typeof acledHeader)[number] | 'timestamp'

/** Columns whose cells become fields of the event; every other column is kept in the event's `x-acled`. */
const mapped: ReadonlySet<string> = new Set<Column>([
  'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'notes', 'fatalities', 'latitude', 'longitude', 'tags',
])

/** Columns read into fields and kept as written in `x-acled` as well (the id, the date, the place's name, the actor types, the outlets). */
const readToo: ReadonlySet<string> = new Set<Column>(['event_id_cnty', 'event_date', 'time_precision', 'inter1', 'inter2', 'country', 'admin1', 'location', 'source', 'timestamp'])

/** The id of the one source that stands for the export. */
const sourceId = 'acled'

type Role = Participant['role']
type Plover = NonNullable<NonNullable<DatasetEvent['codes']>['plover']>

/** What an ACLED event type becomes: the event's category and kind, its PLOVER type, and the roles of actor1's side and actor2's. */
interface TypeMapping {
  category: DatasetEvent['category']
  kind: DatasetEvent['kind']
  plover?: Plover
  roles: readonly [Role, Role]
}

const occurrence = (category: DatasetEvent['category'], roles: readonly [Role, Role], plover?: Plover): TypeMapping => ({ category, kind: 'occurrence', roles, ...(plover ? { plover } : {}) })
const both = ['participant', 'participant'] as const

/**
 * ACLED's event types (codebook, "Event types and sub-event types"). Actor 1 and actor 2 "do not
 * imply directionality", so both sides of a battle, a protest or a riot are participants; in the
 * one-sided types (Explosions/Remote violence, Violence against civilians) actor 1 is who used
 * force. PLOVER types as its manual defines them (openeventdata/PLOVER): ASSAULT for the use of
 * force, both sides as actors when it is two-sided; PROTEST for demonstrations, riots included.
 */
const byEventType = new Map<string, TypeMapping>([
  ['battles', occurrence('military', both, 'ASSAULT')],
  ['explosions/remote violence', occurrence('military', ['perpetrator', 'target'], 'ASSAULT')],
  ['violence against civilians', occurrence('humanitarian', ['perpetrator', 'victim'], 'ASSAULT')],
  ['protests', occurrence('political', both, 'PROTEST')],
  ['riots', occurrence('political', both, 'PROTEST')],
  ['strategic developments', occurrence('political', both)],
])

/** Sub-event types that say more than their type: an agreement is diplomacy (PLOVER AGREE), arrests are COERCE "arrest", mob violence has an attacker. */
const bySubEventType = new Map<string, TypeMapping>([
  ['agreement', { category: 'diplomacy', kind: 'agreement', plover: 'AGREE', roles: ['signatory', 'signatory'] }],
  ['arrests', occurrence('legal', ['participant', 'target'], 'COERCE')],
  ['mob violence', occurrence('political', ['perpetrator', 'target'], 'PROTEST')],
  ['disrupted weapons use', occurrence('military', both)],
  ['headquarters or base established', occurrence('military', both)],
  ['non-violent transfer of territory', occurrence('military', both)],
])

/** A type ACLED does not list. */
const otherType = occurrence('political', both)

/**
 * ACLED's actor types ("inter" codes), as text in current exports and as the numbers 1–8 in
 * older ones. The model has no kind for a crowd, so rioters, protesters and civilians are
 * organizations; the ACLED type stays on the actor as `x-acled-inter`.
 */
const kindOfInter = new Map<string, Actor['kind']>([
  ['1', 'military'], ['state forces', 'military'], ['state force', 'military'],
  ['2', 'armed-group'], ['rebel groups', 'armed-group'], ['rebel group', 'armed-group'],
  ['3', 'armed-group'], ['political militia', 'armed-group'], ['political militias', 'armed-group'],
  ['4', 'armed-group'], ['identity militia', 'armed-group'], ['identity militias', 'armed-group'],
  ['communal militia', 'armed-group'], ['ethnic militia', 'armed-group'],
  ['5', 'organization'], ['rioters', 'organization'],
  ['6', 'organization'], ['protesters', 'organization'],
  ['7', 'organization'], ['civilians', 'organization'],
  ['8', 'military'], ['external/other forces', 'military'], ['external/other force', 'military'],
])

const isCivilians = (inter: string) => inter === '7' || inter.toLowerCase() === 'civilians'

/** An actor's kind from its ACLED type, or from how ACLED names states' forces when it has none (an associated actor). */
function kindOf(name: string, inter: string): Actor['kind'] | undefined {
  const kind = inter ? kindOfInter.get(inter.toLowerCase()) : undefined
  if (name.startsWith('Government of') && (kind === undefined || kind === 'military')) return 'government'
  if (kind) return kind
  return name.startsWith('Military Forces of') || name.startsWith('Police Forces of') ? 'military' : undefined
}

const wholeNumber = /^\d+$/


/** A day moved by a number of days, in UTC. */
function shift(day: string, days: number): string {
  const date = new Date(0)
  date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days)
  return date.toISOString().slice(0, 10)
}

/**
 * The EDTF of a day at an ACLED time_precision, or undefined for a precision ACLED does not use.
 * ACLED Codebook (acleddata.com/methodology/acled-codebook, "Time precision codes"): 1 when the
 * source gives the day; 2 when it says only "during the week or within a similar period of time
 * (i.e., during the weekend)", and then "the middle of the period is used as the reference date"
 * (Wednesday or Thursday for "last week"), so the day is one of the seven around it; 3 when it
 * gives only the month, and then the month's midpoint (or its first or last day) is the date.
 */
export function edtfAt(day: string, precision: string): string | undefined {
  if (precision === '1' || precision === '') return day
  if (precision === '2') return `[${shift(day, -3)}..${shift(day, 3)}]`
  if (precision === '3') return day.slice(0, 7)
  return undefined
}

/** The row's cells without the one at `gap`. */
const without = (cells: string[], gap: number) => [...cells.slice(0, gap), ...cells.slice(gap + 1)]

/** The places of a row with a cell too many at `gap`: a column from there on is one cell further in the file, though named for its own column. */
const skipping = (place: (column?: number) => SourcePlace, gap: number) => (column?: number): SourcePlace => {
  if (column === undefined || column < gap) return place(column)
  const { line, column: at } = place(column + 1)
  return { line, column: at, label: place(column).label }
}

const precisions: ReadonlySet<string> = new Set(['', '1', '2', '3'])

/** A cell's text, trimmed; '' for a column the file lacks or a row too short to reach it. */
const cellOf = (cells: string[], column: number) => (column < 0 ? '' : (cells[column] ?? '').trim())

const list = (cell: string) => (cell === '' ? [] : cell.split(';').map((s) => s.trim()).filter(Boolean))

/** The column indices of the ACLED columns in a header, -1 for those it lacks. */
type Columns = Record<Column, number>

/** An actor a row names: its name, the cell it is in, its side (actor1's or actor2's) and, for an associated actor, the main actor it goes with. */
interface Naming {
  name: string
  column: number
  side: 0 | 1
  with?: string
}

/** The columns of each side's main actor and associated actors: actor1 and assoc_actor_1, actor2 and assoc_actor_2. */
type Sides = readonly [readonly [number, number], readonly [number, number]]
const bothSides = [0, 1] as const

/** The actors a row names, each once, in the order actor1, assoc_actor_1, actor2, assoc_actor_2; associated actors are separated by ";". */
function namingsOf(cells: string[], sides: Sides): Naming[] {
  const namings: Naming[] = []
  for (const side of bothSides) {
    const [main, associated] = sides[side]
    const name = cellOf(cells, main)
    if (name && !namings.some((n) => n.name === name)) namings.push({ name, column: main, side })
    for (const other of list(cellOf(cells, associated))) {
      if (!namings.some((n) => n.name === other)) namings.push(name ? { name: other, column: associated, side, with: name } : { name: other, column: associated, side })
    }
  }
  return namings
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

interface ActorEntry {
  actor: Actor
  /** Whether the kind came from an ACLED actor type rather than the default. */
  typed: boolean
  /** The first cell that named the actor, found when asked for. */
  place: () => SourcePlace
}

/**
 * Reads an ACLED export a row at a time, with bounded work per row: the header once, then
 * `add` for each row, then `actors()`, `sources()`, `dataset(events)` and `notes()`. Problems
 * with the header or a row's cells gather in `problems`, at their place in the file.
 * @example
 * const reader = new AcledReader(table.header, { name: 'acled.csv' })
 * const events = table.rows.map((cells, i) => reader.add(cells, table.rowNumber(i), (column) => table.place(i, column)))
 * const dataset = reader.dataset(events)
 */
export class AcledReader {
  /** Problems at their place in the file: the header's (see `missing`), then those of rows' cells as they are added. */
  readonly problems: Problem[] = []
  /** The required columns the header lacks; when any is missing the file is not read as ACLED. */
  readonly missing: string[]
  private readonly columns: Columns
  private readonly sides: Sides
  private readonly header: string[]
  /** The columns kept in each event's x-acled, as [name, index]. */
  private readonly kept: Array<[string, number]>
  private readonly name: string
  private readonly eventIds = new Slugs('event')
  private readonly actorIds = new Slugs('actor')
  private readonly actorsByName = new Map<string, ActorEntry>()
  private readonly actorList: ActorEntry[] = []
  private count = 0
  private renamed = 0
  private quoted = 0
  private dayDefaults = 0
  private readonly unknownTypes = new Map<string, number>()
  private latestDay = ''
  private latestStamp = -1
  /** Rows with a cell too many inside them: the event's index → the cell dropped; and the rows' numbers. */
  private readonly gaps = new Map<number, number>()
  private readonly realigned: number[] = []

  constructor(header: string[], options: ReadOptions = {}) {
    this.header = header.map((h) => h.trim().toLowerCase())
    const index = (name: string) => this.header.indexOf(name)
    this.columns = Object.fromEntries([...acledHeader, 'timestamp'].map((name) => [name, index(name)])) as Columns
    this.sides = [[this.columns.actor1, this.columns.assoc_actor_1], [this.columns.actor2, this.columns.assoc_actor_2]]
    this.missing = acledRequired.filter((name) => this.columns[name] < 0)
    if (this.missing.length > 0) {
      const found = this.header.filter(Boolean).join(', ') || 'none'
      this.problems.push({
        path: '', line: 1, column: 1,
        message: `row 1: not an ACLED export: the header lacks ${this.missing.join(', ')} (an ACLED export has ${acledHeader.slice(0, 8).join(', ')}, …; this file's columns: ${found})`,
      })
    }
    this.kept = this.header.flatMap((name, i): Array<[string, number]> => (name && !mapped.has(name) ? [[name, i]] : []))
    this.name = (options.name ?? '').replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? ''
  }

  /** The event of one row; `row` is its number in the file (for an id when the row has none), `place` gives a cell's place in the file. */
  add(cells: string[], row: number, place: (column?: number) => SourcePlace): DatasetEvent {
    const index = this.count++
    if (cells.length > this.header.length) [cells, place] = this.aligned(cells, index, row, place)
    const c = this.columns
    const code = cellOf(cells, c.event_id_cnty)
    const id = this.eventIds.make(code || `row ${row}`)
    if (id !== code.toLowerCase()) this.renamed++

    const type = cellOf(cells, c.event_type)
    const sub = cellOf(cells, c.sub_event_type)
    const mapping = bySubEventType.get(sub.toLowerCase()) ?? byEventType.get(type.toLowerCase())
    if (!mapping) this.unknownTypes.set(type, (this.unknownTypes.get(type) ?? 0) + 1)
    const { category, kind, plover, roles } = mapping ?? otherType
    const spot = cellOf(cells, c.location)
    const what = sub || type
    const event = { id, title: what && spot ? `${what} in ${spot}` : what || spot || `ACLED event ${code || `of row ${row}`}` } as DatasetEvent
    const notes = cellOf(cells, c.notes)
    if (notes) event.summary = notes
    event.kind = kind
    event.category = category
    event.status = 'occurred'
    event.certainty = 'reported'
    event.date = { edtf: this.dateOf(cellOf(cells, c.event_date), cellOf(cells, c.time_precision), index, place) }
    const stamp = cellOf(cells, c.timestamp)
    if (stamp) {
      const seconds = Number(stamp)
      if (Number.isInteger(seconds) && seconds > this.latestStamp && seconds < 1e11) this.latestStamp = seconds
    }

    const inter1 = cellOf(cells, c.inter1)
    const inter2 = cellOf(cells, c.inter2)
    const participants: Participant[] = []
    for (const n of namingsOf(cells, this.sides)) {
      const inter = n.side === 0 ? inter1 : inter2
      const role = roles[n.side] === 'target' && isCivilians(inter) ? 'victim' : roles[n.side]
      const actor = this.actorOf(n.name, n.with === undefined ? inter : '', place, n.column)
      participants.push(n.with ? { actor, role, note: `associated with ${n.with}` } : { actor, role })
    }
    if (participants.length > 0) event.participants = participants

    const latitude = this.degrees(cellOf(cells, c.latitude), 90, index, place)
    const longitude = this.degrees(cellOf(cells, c.longitude), 180, index, place)
    const admin1 = cellOf(cells, c.admin1)
    const country = cellOf(cells, c.country)
    let name = spot
    if (admin1 && admin1 !== spot) name = name ? `${name}, ${admin1}` : admin1
    if (country && country !== spot && country !== admin1) name = name ? `${name}, ${country}` : country
    if (name || latitude !== undefined || longitude !== undefined) {
      const location: Location = { name: name || `${latitude ?? ''}, ${longitude ?? ''}` }
      if (latitude !== undefined) location.latitude = latitude
      if (longitude !== undefined) location.longitude = longitude
      event.location = location
    }

    const fatalities = cellOf(cells, c.fatalities)
    if (wholeNumber.test(fatalities)) event.fatalities = { best: Number(fatalities) }
    else if (fatalities) this.problem(`/events/${index}/fatalities/best`, place(c.fatalities), `fatalities ${JSON.stringify(fatalities)} is not a whole number of deaths`)

    const codes: Codes = {}
    if (plover) codes.plover = plover
    if (type) codes['x-acled-event-type'] = type
    if (sub) codes['x-acled-sub-event-type'] = sub
    event.codes = codes
    const outlets = list(cellOf(cells, c.source))
    if (notes) {
      this.quoted++
      event.evidence = [outlets.length > 0 ? { source: sourceId, quote: notes, note: `ACLED's sources: ${outlets.join('; ')}` } : { source: sourceId, quote: notes }]
    }
    const tags = list(cellOf(cells, c.tags))
    if (tags.length > 0) event.tags = tags

    const extra: Record<string, string | string[]> = {}
    for (const [key, column] of this.kept) {
      const value = cellOf(cells, column)
      if (value) extra[key] = column === c.source ? outlets : value
    }
    event['x-acled'] = extra
    return event
  }

  /** The actors named so far, in the order first named. */
  actors(): Actor[] {
    return this.actorList.map((entry) => entry.actor)
  }

  /** The cell that first named the actor at this index of `actors()`. */
  actorPlace(index: number): SourcePlace | undefined {
    return this.actorList[index]?.place()
  }

  /**
   * The one source of the dataset: the export, published (as ACLED gives no dates for the
   * outlets it cites) on the day of its latest `timestamp`, else its latest event_date.
   * None when no event quotes it.
   */
  sources(): Source[] {
    if (this.quoted === 0) return []
    const published = this.latestStamp >= 0 ? new Date(this.latestStamp * 1000).toISOString().slice(0, 10) : this.latestDay
    return [{
      id: sourceId, type: 'Dataset', headline: this.name ? `ACLED export ${this.name}` : 'ACLED export',
      publisher: 'ACLED (Armed Conflict Location & Event Data)', ...(published ? { datePublished: published } : {}), url: 'https://acleddata.com',
    } as Source]
  }

  /** The dataset of the events added: its id and title from the file's name. */
  dataset(events: DatasetEvent[]): EventDataset {
    const title = this.name.replace(/\.[^.]*$/, '') || 'ACLED export'
    return { schemaVersion: '1.0', id: slug(title) || 'acled-export', title, sources: this.sources(), actors: this.actors(), events }
  }

  /** What was converted and what was left as it was, one sentence each. */
  notes(): string[] {
    const published = this.latestStamp >= 0 ? 'the day of its latest timestamp' : 'its latest event_date'
    const only = this.kept.map(([name]) => name).filter((name) => !readToo.has(name))
    const also = this.kept.map(([name]) => name).filter((name) => readToo.has(name))
    const types = [...this.unknownTypes].map(([type, n]) => `${JSON.stringify(type)} (${n})`)
    return [
      `${plural(this.count, 'event')} from ${plural(this.count, 'row')} of an ACLED export`,
      ...(only.length > 0 ? [`kept only in each event's x-acled: ${only.join(', ')}`] : []),
      ...(also.length > 0 ? [`read into the events and kept as written in x-acled too: ${also.join(', ')}`] : []),
      'every event has status "occurred" and certainty "reported"; fatalities are ACLED\'s figure, the lowest reported (0 when none is reported)',
      'time_precision 1 dates an event to its day, 2 to one of the seven days around it, 3 to its month' +
        (this.dayDefaults > 0 ? `; ${plural(this.dayDefaults, 'row')} without a time_precision dated to the day` : ''),
      ...(this.quoted > 0 ? [`one source stands for the export, dated ${published}: ACLED names its outlets without their dates, so each event's evidence quotes its notes and names the outlets in its note`] : []),
      `${plural(this.actorList.length, 'actor')} from actor1, actor2 and the associated actors, of the kind their inter1/inter2 type gives (state forces and external forces: military; rebels and militias: armed-group; rioters, protesters, civilians: organization; associated actors without a type: organization)`,
      ...(this.realigned.length > 0 ? [`${plural(this.realigned.length, 'row')} had one cell more than the header (row ${this.realigned.slice(0, 10).join(', ')}${this.realigned.length > 10 ? ', …' : ''}): the empty cell too many was dropped where that alone leaves every date, number and actor type in its column valid`] : []),
      ...(this.renamed > 0 ? [`${plural(this.renamed, 'event')} with an id other than its event_id_cnty in lower case (blank, repeated, or with characters an id cannot hold); x-acled keeps event_id_cnty`] : []),
      ...(types.length > 0 ? [`event types ACLED does not list, read as political occurrences: ${types.join(', ')}`] : []),
      'location.country is left out: ACLED gives the country by name and numeric ISO code, both kept in x-acled',
    ]
  }

  /** The cells of the event at this index and the places of its columns, its row put right as `add` did. */
  rowOf(index: number, cells: string[], place: (column?: number) => SourcePlace): [string[], (column?: number) => SourcePlace] {
    const gap = this.gaps.get(index)
    return gap === undefined ? [cells, place] : [without(cells, gap), skipping(place, gap)]
  }

  /** The column a path inside an event (its segments after /events/N) came from in that event's row; -1 for the whole row. */
  columnOf(path: string[], cells: string[]): number {
    const [field, part, detail] = path
    const c = this.columns
    const or = (column: number, fallback: number) => (column >= 0 ? column : fallback)
    switch (field) {
      case 'id': return c.event_id_cnty
      case 'title': return or(c.sub_event_type, c.event_type)
      case 'summary': return c.notes
      case 'kind': case 'category': return c.event_type
      case 'codes': return part === 'x-acled-sub-event-type' ? c.sub_event_type : c.event_type
      case 'date': return c.event_date
      case 'participants': return part === undefined ? c.actor1 : (namingsOf(cells, this.sides)[Number(part)]?.column ?? c.actor1)
      case 'location': return part === 'latitude' ? c.latitude : part === 'longitude' ? c.longitude : c.location
      case 'fatalities': return c.fatalities
      case 'evidence': return detail === 'note' ? c.source : c.notes
      case 'tags': return c.tags
      case 'x-acled': return part === undefined ? -1 : this.header.indexOf(part)
      default: return -1
    }
  }

  /**
   * A row with more cells than the header, put right when one way can be: blank cells after the
   * last column are dropped; a single cell too many inside the row is dropped where that alone
   * leaves every date, number and actor type in its column valid. Otherwise a problem at the row.
   */
  private aligned(cells: string[], index: number, row: number, place: (column?: number) => SourcePlace): [string[], (column?: number) => SourcePlace] {
    const width = this.header.length
    const trailing = cells.slice(width).every((cell) => cell.trim() === '')
    if (trailing && this.fits(cells.slice(0, width))) return [cells.slice(0, width), place]
    const gap = cells.length === width + 1 ? this.gapIn(cells) : undefined
    if (gap !== undefined) {
      this.gaps.set(index, gap)
      this.realigned.push(row)
      return [without(cells, gap), skipping(place, gap)]
    }
    if (trailing) return [cells.slice(0, width), place]
    this.problem(`/events/${index}`, place(), `${cells.length} cells where the header has ${width}: the cells after those too many are in the wrong columns (remove them, or quote a cell that holds a comma)`)
    return [cells, place]
  }

  /** The one empty cell whose removal makes the row fit (one try per run of empty cells: each of a run gives the same row); undefined when none or several do. */
  private gapIn(cells: string[]): number | undefined {
    let found: number | undefined
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.trim() !== '' || (i > 0 && cells[i - 1]!.trim() === '')) continue
      if (!this.fits(without(cells, i))) continue
      if (found !== undefined) return undefined
      found = i
    }
    return found
  }

  /** Whether every cell ACLED writes in a fixed form holds one: the date, the precisions, coordinates, counts, codes and actor types. */
  private fits(cells: string[]): boolean {
    const c = this.columns
    const get = (column: number) => cellOf(cells, column)
    const degrees = (text: string, limit: number) => text === '' || Math.abs(Number(text)) <= limit
    const count = (column: number) => get(column) === '' || wholeNumber.test(get(column))
    const inter = (column: number) => get(column) === '' || kindOfInter.has(get(column).toLowerCase())
    return dayOf(get(c.event_date)) !== undefined && precisions.has(get(c.time_precision)) && precisions.has(get(c.geo_precision)) &&
      degrees(get(c.latitude), 90) && degrees(get(c.longitude), 180) && count(c.fatalities) && count(c.year) && count(c.iso) && count(c.timestamp) &&
      inter(c.inter1) && inter(c.inter2) && (get(c.civilian_targeting) === '' || /^civilian/i.test(get(c.civilian_targeting)))
  }

  /** The EDTF of a row's date; text that is no day is kept as it is, for the validator to refuse at the event_date cell. */
  private dateOf(text: string, precision: string, index: number, place: (column?: number) => SourcePlace): string {
    const day = dayOf(text)
    if (day === undefined) return text
    if (day > this.latestDay) this.latestDay = day
    if (precision === '') this.dayDefaults++
    const edtf = edtfAt(day, precision)
    if (edtf !== undefined) return edtf
    this.problem(`/events/${index}/date`, place(this.columns.time_precision), `time_precision ${JSON.stringify(precision)} is not 1 (the day), 2 (within a week or so) or 3 (within the month)`)
    return day
  }

  /** A latitude or longitude cell as a number within ±limit degrees; a problem at the cell when it is not one. */
  private degrees(text: string, limit: 90 | 180, index: number, place: (column?: number) => SourcePlace): number | undefined {
    if (text === '') return undefined
    const value = Number(text)
    if (Number.isFinite(value) && Math.abs(value) <= limit) return value
    const name = limit === 90 ? 'latitude' : 'longitude'
    this.problem(`/events/${index}/location/${name}`, place(this.columns[name]), `${name} ${JSON.stringify(text)} is not a number of degrees from -${limit} to ${limit}`)
    return undefined
  }

  /** The id of the actor of a name, made when first named; its kind from its ACLED type, once one is given. */
  private actorOf(name: string, inter: string, place: (column?: number) => SourcePlace, column: number): string {
    let entry = this.actorsByName.get(name)
    if (!entry) {
      entry = { actor: { id: this.actorIds.make(name), name, kind: 'organization' }, typed: false, place: () => place(column) }
      this.actorsByName.set(name, entry)
      this.actorList.push(entry)
      const kind = kindOf(name, '')
      if (kind) entry.actor.kind = kind
    }
    if (!entry.typed && inter) {
      const kind = kindOf(name, inter)
      if (kind) {
        entry.actor.kind = kind
        entry.actor['x-acled-inter'] = inter
        entry.typed = true
      }
    }
    return entry.actor.id
  }

  private problem(path: string, at: SourcePlace, message: string) {
    this.problems.push({ path, line: at.line, column: at.column, message: `${at.label}: ${message}` })
  }
}

/**
 * Reads an ACLED export (CSV) into a dataset, not yet validated, with the problems of its
 * cells at their row and column, and `locate` for the validator's problems. Never throws.
 * @example const imported = read(text, { name: 'acled-export.csv' }); checkImported(imported)
 */
export function read(text: string, options: ReadOptions = {}): Imported {
  const table = new CsvTable(text)
  const reader = new AcledReader(table.header, options)
  if (reader.missing.length > 0) return { value: null, problems: reader.problems, notes: [], locate: () => undefined }
  const events = table.rows.map((cells, i) => reader.add(cells, table.rowNumber(i), (column) => table.place(i, column)))
  const locate = (path: string): SourcePlace | undefined => {
    const [list, at, ...rest] = segments(path)
    const n = Number(at)
    if (at === undefined || at === '' || !Number.isInteger(n) || n < 0) return undefined
    if (list === 'actors') return reader.actorPlace(n)
    if (list !== 'events' || n >= table.rows.length) return undefined
    const [cells, place] = reader.rowOf(n, table.rows[n]!, (column) => table.place(n, column))
    const column = reader.columnOf(rest, cells)
    return place(column < 0 ? undefined : column)
  }
  return { value: reader.dataset(events) as unknown as Record<string, unknown>, problems: reader.problems, notes: reader.notes(), locate }
}

export const codec: Codec = { read }
