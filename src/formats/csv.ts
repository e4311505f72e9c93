import { csvFormatRow } from 'd3-dsv'
import type { EventDataset } from '../model/index.ts'
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
