import { csvFormatRow } from 'd3-dsv'
import { resolveEdtf } from '../dates/edtf.ts'
import { enumOf } from '../model/enums.ts'
import type { Problem } from '../validate/problem.ts'
import { CsvTable } from './csv-table.ts'
import { dayOf } from './day-text.ts'
import { Slugs, slug } from './slug.ts'
import type { EventDataset } from '../model/index.ts'
import type { Codec, CsvMapping, Imported, ReadOptions, SourcePlace } from './format.ts'
import { toTimelineEvents } from '../timeline/events.ts'

// A dataset as a spreadsheet reads it: one row per event, in time order, the columns a reader
// sorts and filters by. It is a view of the data, not its twin: relations, custom fields and
// the dataset's own description stay in the JSON.

/** The columns, in order. */
export const csvColumns = [
  'id', 'title', 'start', 'end', 'date', 'date_text', 'kind', 'category', 'status', 'certainty', 'actors',
  'location', 'country', 'latitude', 'longitude', 'fatalities', 'fatalities_low', 'fatalities_high', 'summary', 'evidence', 'sources', 'tags',
] as const

/** A day, or the instant when it is not a day's start or end (UTC). */
function when(ms: number, end: boolean): string {
  const iso = new Date(ms).toISOString()
  return iso.endsWith(end ? 'T23:59:59.999Z' : 'T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

/**
 * Text a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
 * return) is written after an apostrophe, which spreadsheets show as text (OWASP, "CSV Injection").
 */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

/**
 * A (validated) dataset as CSV (RFC 4180, UTF-8 with a byte-order mark, which spreadsheets need
 * to read it as UTF-8): a header row, then one row per event in the order the timeline draws them.
 * @example writeCsv(dataset).split('\r\n')[0] // "\ufeffid,title,start,end,date,…"
 */
export function writeCsv(dataset: EventDataset): string {
  const actors = new Map(dataset.actors.map((a) => [a.id, a.name]))
  const sources = new Map(dataset.sources.map((s) => [s.id, [s.publisher, s.headline].filter(Boolean).join(': ')]))
  // A valid dataset's dates all resolve: every event has its row.
  const rows = toTimelineEvents(dataset).map(({ event: e, date }) => {
    const text = [
      e.id, e.title, when(date.earliest, false), when(date.latest, true), e.date.edtf, e.date.text ?? '',
      e.kind, e.category, e.status, e.certainty,
      (e.participants ?? []).map((p) => `${actors.get(p.actor) ?? p.actor} (${[p.role, p.attribution].filter(Boolean).join(', ')})`).join('; '),
      e.location?.name ?? '', e.location?.country ?? '',
    ].map(inert)
    const numbers = [e.location?.latitude, e.location?.longitude, e.fatalities?.best, e.fatalities?.low, e.fatalities?.high].map((n) => (n === undefined ? '' : String(n)))
    const more = [
      e.summary ?? '',
      (e.evidence ?? []).map((q) => `“${q.quote}” (${sources.get(q.source) ?? q.source})`).join('\n'),
      [...new Set((e.evidence ?? []).map((q) => sources.get(q.source) ?? q.source))].join('; '),
      (e.tags ?? []).join('; '),
    ].map(inert)
    return [...text, ...numbers, ...more]
  })
  // Rows end in CRLF, as RFC 4180 has them; a line break inside a quoted cell stays as written.
  return `\ufeff${[[...csvColumns], ...rows].map((row) => csvFormatRow(row)).join('\r\n')}\r\n`
}


// Reading: any spreadsheet's CSV, with a mapping from the event's fields to its columns. The
// mapping is found from the header when not given ("date", "start", "event_date"…), so that a
// CSV this module wrote reads back to the same events, dates and ids.

/** The column names each field is looked for under, in order, when no mapping names its column. */
const usualNames: Record<keyof CsvMapping, readonly string[]> = {
  id: ['id', 'event_id', 'unique_id', 'uid'],
  date: ['date', 'edtf', 'start', 'start_date', 'start date', 'event_date', 'when', 'day'],
  end: ['end', 'end_date', 'end date', 'until'],
  dateText: ['date_text', 'display_date', 'display date'],
  title: ['title', 'headline', 'name', 'event', 'what'],
  summary: ['summary', 'description', 'notes', 'text', 'details'],
  actors: ['actors', 'actor', 'participants', 'who'],
  category: ['category'],
  kind: ['kind', 'type'],
  status: ['status'],
  certainty: ['certainty'],
  location: ['location', 'place'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lon', 'lng', 'long'],
  country: ['country', 'country_code', 'iso3'],
  fatalities: ['fatalities', 'deaths', 'killed'],
  fatalitiesLow: ['fatalities_low'],
  fatalitiesHigh: ['fatalities_high'],
  tags: ['tags', 'keywords'],
}

/** The fields a mapping can name a column for. */
export const mappingFields = Object.keys(usualNames) as Array<keyof CsvMapping>

/** The defaults for the fields the model requires and a spreadsheet may not have. */
const defaults = { kind: 'occurrence', category: 'political', status: 'occurred', certainty: 'reported' } as const
type Chosen = keyof typeof defaults

/**
 * A date cell as EDTF: EDTF (and so ISO 8601 days, months and years) as written; "19 September 2016",
 * "19-Sep-2016" and "September 19, 2016" as days; "2016-09-19 14:30" as a time. Anything else is kept
 * as written, for the validator to refuse at its cell.
 */
export function edtfOfCell(cell: string): string {
  const text = cell.trim()
  if (resolveEdtf(text).ok) return text
  const day = dayOf(text)
  if (day) return day
  const time = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2})?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text)
  if (time) return `${time[1]}T${time[2]}${time[3] ? '' : ':00'}${time[4] ?? ''}`
  return text
}

/** The column each field is read from, by index: the one the mapping names ('' for none), else the first of its usual names the header has. */
function indexesOf(header: readonly string[], mapping: CsvMapping | undefined): Partial<Record<keyof CsvMapping, number>> {
  const at = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase())
  const columns: Partial<Record<keyof CsvMapping, number>> = {}
  for (const field of mappingFields) {
    const given = mapping?.[field]
    const index = given === '' ? -1 : given !== undefined ? at(given) : usualNames[field].map(at).find((i) => i >= 0) ?? -1
    if (index >= 0) columns[field] = index
  }
  return columns
}

/**
 * The column each field is read from, by name, for a header and a mapping: what `readCsv` will
 * read, for a form that shows it and lets the user change it. A field with no column is left out.
 * @example columnsRead(['When', 'What', 'Desk']) // { date: 'When', title: 'What' }
 */
export function columnsRead(header: readonly string[], mapping?: CsvMapping): CsvMapping {
  return Object.fromEntries(Object.entries(indexesOf(header, mapping)).map(([field, index]) => [field, header[index]!]))
}

/** The columns the fields map to, and the problems of a mapping that names no column of the file or of a file without a date or title. */
function columnsOf(table: CsvTable, mapping: CsvMapping | undefined): { columns: Partial<Record<keyof CsvMapping, number>>; problems: Problem[]; missing: boolean } {
  const columns = indexesOf(table.header, mapping)
  const header = table.place(-1)
  const problem = (message: string): Problem => ({ path: '', line: header.line, column: header.column, message: `${header.label}: ${message}` })
  const problems = mappingFields
    .filter((field) => columns[field] === undefined && mapping?.[field])
    .map((field) => problem(`no column named ${JSON.stringify(mapping![field])} for ${field} (the columns are ${table.header.join(', ')})`))
  for (const field of ['date', 'title'] as const) {
    if (columns[field] === undefined && !mapping?.[field]) problems.push(problem(`no column for the events' ${field}: name one in the mapping (${field}=COLUMN; the columns are ${table.header.join(', ')})`))
  }
  return { columns, problems, missing: columns.date === undefined || columns.title === undefined }
}

/** "Russia (perpetrator, alleged)" → the name, role and attribution, when they are ones the model knows. */
function participantOf(text: string): { name: string; role: string; attribution?: string } {
  const match = /^(.*?)\s*\(([^()]*)\)$/.exec(text.trim())
  const words = match ? match[2]!.split(',').map((w) => w.trim()) : []
  const role = words.find((w) => enumOf('Participant', 'role').includes(w))
  if (!match || !role) return { name: text.trim(), role: 'participant' }
  const attribution = words.find((w) => enumOf('Participant', 'attribution').includes(w))
  return { name: match[1]!, role, ...(attribution ? { attribution } : {}) }
}

/** A number cell as a number; text that is not one stays text, for the validator to refuse at its cell; an empty cell is undefined. */
const numberOf = (cell: string): number | string | undefined => (cell === '' ? undefined : Number.isFinite(Number(cell)) ? Number(cell) : cell)

/** The entries whose value is defined. */
const defined = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))

const list = (cell: string) => cell.split(';').map((s) => s.trim()).filter(Boolean)

/**
 * Reads a CSV of events, a row each, into a dataset: the mapping (or the header) says which
 * column holds which field; the columns it does not name are kept on each event under `x-csv`.
 */
export function readCsv(text: string, options: ReadOptions = {}): Imported {
  const table = new CsvTable(text)
  const { columns, problems, missing } = columnsOf(table, options.mapping)
  const actorRows: number[] = []
  const locate = (path: string): SourcePlace | undefined => {
    const [, top, index, field, part] = path.split('/')
    const row = top === 'events' ? Number(index) : top === 'actors' ? actorRows[Number(index)] : undefined
    if (row === undefined || !(row < table.rows.length)) return undefined
    if (top === 'actors') return table.place(row, columns.actors)
    const key = (field === 'location' && part ? part : field === 'fatalities' ? ({ low: 'fatalitiesLow', high: 'fatalitiesHigh' } as Record<string, string>)[part ?? ''] ?? field : field === 'participants' ? 'actors' : field) as keyof CsvMapping | undefined
    return table.place(row, key === undefined ? undefined : columns[key])
  }
  if (missing) return { value: null, problems, notes: [], locate }

  const ids = new Slugs('event')
  const actorIds = new Slugs('actor')
  const actors = new Map<string, { id: string; name: string; kind: string }>()
  const named = new Set(Object.values(columns))
  const kept = table.header.filter((_, i) => !named.has(i))
  const defaulted = new Map<Chosen, number>()
  // A cell this module wrote after an apostrophe, so that a spreadsheet would not run it, reads back without it.
  const cell = (row: string[], field: keyof CsvMapping) => (columns[field] === undefined ? '' : (row[columns[field]!] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, ''))
  const events = table.rows.map((row, r) => {
    const title = cell(row, 'title')
    const event: Record<string, unknown> = { id: ids.make(cell(row, 'id') || title), title }
    const date = edtfOfCell(cell(row, 'date'))
    const end = cell(row, 'end') && edtfOfCell(cell(row, 'end'))
    const edtf = end && laterThan(end, date) ? `${date}/${end}` : date
    event.date = { edtf }
    const read = resolveEdtf(edtf)
    if (!read.ok && !read.grammarNeeded) {
      const at = table.place(r, columns.date)
      problems.push({ path: `/events/${r}/date/edtf`, line: at.line, column: at.column, message: `${at.label}: ${read.message} (write a date as 2016-09-19, 19 September 2016 or EDTF)` })
    }
    for (const field of Object.keys(defaults) as Chosen[]) {
      const value = cell(row, field)
      const allowed = enumOf('Event', field).includes(value)
      if (!allowed) defaulted.set(field, (defaulted.get(field) ?? 0) + 1)
      event[field] = allowed ? value : defaults[field]
      if (value && !allowed) ((event['x-csv'] ??= {}) as Record<string, string>)[field] = value
    }
    if (cell(row, 'summary')) event.summary = cell(row, 'summary')
    const participants = list(cell(row, 'actors')).map(participantOf).map(({ name, ...rest }) => {
      if (!actors.has(name)) {
        actors.set(name, { id: actorIds.make(name), name, kind: 'organization' })
        actorRows.push(r)
      }
      return { actor: actors.get(name)!.id, ...rest }
    })
    if (participants.length > 0) event.participants = participants
    if (cell(row, 'dateText')) (event.date as Record<string, string>).text = cell(row, 'dateText')
    const [latitude, longitude, best, low, high] = (['latitude', 'longitude', 'fatalities', 'fatalitiesLow', 'fatalitiesHigh'] as const).map((f) => numberOf(cell(row, f)))
    const country = cell(row, 'country')
    const place = [cell(row, 'location'), /^[A-Z]{3}$/.test(country) ? '' : country].filter(Boolean).join(', ')
    if (place || latitude !== undefined) {
      event.location = { name: place || [latitude, longitude].filter((n) => n !== undefined).join(', '), ...(/^[A-Z]{3}$/.test(country) ? { country } : {}), ...defined({ latitude, longitude }) }
    }
    if (best !== undefined) event.fatalities = { best, ...defined({ low, high }) }
    if (cell(row, 'tags')) event.tags = list(cell(row, 'tags'))
    const rest = Object.fromEntries(kept.map((name) => [name, row[table.header.indexOf(name)] ?? '']).filter(([, v]) => v !== ''))
    if (Object.keys(rest).length > 0) event['x-csv'] = { ...(event['x-csv'] as object), ...rest }
    return event
  })
  const absent = (Object.keys(defaults) as Chosen[]).filter((field) => columns[field] === undefined)
  const name = options.name?.replace(/\.[^.]*$/, '') || 'CSV import'
  const notes = [
    `${events.length} event${events.length === 1 ? '' : 's'} from ${table.rows.length} row${table.rows.length === 1 ? '' : 's'}; columns read: ${(Object.keys(columns) as Array<keyof CsvMapping>).map((f) => `${f} ← ${table.header[columns[f]!]}`).join(', ')}`,
    ...(kept.length > 0 ? [`kept on each event under x-csv, not drawn: ${kept.join(', ')}`] : []),
    ...(absent.length > 0 ? [`no column for ${absent.join(', ')}: every event is given ${absent.map((f) => `${f} "${defaults[f]}"`).join(', ')}; correct them in the JSON`] : []),
    ...[...defaulted].filter(([field]) => !absent.includes(field)).map(([field, n]) => `${n} row${n === 1 ? '' : 's'} had no ${field} the model knows (${enumOf('Event', field).join(', ')}): set to ${defaults[field]}, what the row said kept under x-csv`),
    ...(actors.size > 0 ? [`${actors.size} actor${actors.size === 1 ? '' : 's'} made from the names, of kind "organization": correct their kind in the JSON`] : []),
  ]
  const value = { schemaVersion: '1.0', id: slug(name) || 'csv-import', title: name, sources: [], actors: [...actors.values()], events }
  return { value, problems, notes, locate }
}

/** Whether an end cell says more than the date already does: it ends after the date's last day. */
function laterThan(end: string, date: string): boolean {
  const [a, b] = [resolveEdtf(end), resolveEdtf(date)]
  return a.ok && b.ok ? a.date.latest > b.date.latest : a.ok !== b.ok || end !== date
}

export const codec: Codec = { read: readCsv, write: writeCsv, lost: () => ['relations, sources with their dates, custom x- fields and the dataset\'s description: a CSV holds one row per event'] }
