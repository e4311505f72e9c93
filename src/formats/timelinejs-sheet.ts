import { csvParseRows } from 'd3-dsv'
import { stripBom } from '../validate/bom.ts'
import type { Problem } from '../validate/problem.ts'
import { CsvTable } from './csv-table.ts'
import type { Codec, Imported, ReadOptions } from './format.ts'
import { problemAt, timelineToDataset, type SourceSlide } from './timelinejs.ts'

// The TimelineJS Google Sheets template, downloaded as CSV: a row per slide (Year, Month, Day,
// Time, End Year, …, Headline, Text, Media, …, Type, Group, Background), the title slide and the
// eras marked in Type. Rows become TimelineJS slides as TimelineJS's ConfigFactory makes them,
// and timelinejs.ts reads those into events.

/** The template's columns, by what each holds. */
const names = {
  year: 'Year', month: 'Month', day: 'Day', time: 'Time',
  endYear: 'End Year', endMonth: 'End Month', endDay: 'End Day', endTime: 'End Time',
  displayDate: 'Display Date', headline: 'Headline', text: 'Text',
  media: 'Media', credit: 'Media Credit', caption: 'Media Caption', thumbnail: 'Media Thumbnail', alt: 'Alt Text',
  type: 'Type', group: 'Group', tag: 'Tag', background: 'Background',
} as const
type Column = keyof typeof names

/** The slide's media fields, by the column each comes from. */
const mediaColumns = { url: 'media', credit: 'credit', caption: 'caption', thumbnail: 'thumbnail', alt: 'alt' } as const

/** The column a slide's field comes from (["start_date", "month"] → month; ["media", "credit"] → credit). */
function columnOf(field: readonly string[]): Column | undefined {
  const [first, second] = field
  if (second === 'display_date') return 'displayDate'
  if (first === 'start_date' || first === 'end_date') {
    const part = second === 'month' || second === 'day' ? second : second === undefined || second === 'year' ? 'year' : 'time'
    return first === 'start_date' ? part : (`end${part[0]!.toUpperCase()}${part.slice(1)}` as Column)
  }
  if (first === 'text') return second === 'text' ? 'text' : 'headline'
  if (first === 'media') return mediaColumns[second as keyof typeof mediaColumns] ?? 'media'
  return ({ display_date: 'displayDate', group: 'group', background: 'background', type: 'type' } as const)[first as string]
}

/** A time as TimelineJS's sheets take it: "14:30", "2:30 PM", "2:30 p.m.", "1430", "14.30", "14:30:15.5"; or why it is not one. */
export function parseTime(cell: string): { hour: number; minute?: number; second?: number; millisecond?: number } | string {
  const wrong = `${JSON.stringify(cell)} is not a time (write it as 14:30 or 2:30 PM)`
  let time = cell.trim()
  const period = /\s*([AaPp])\.?\s*[Mm]\.?$/.exec(time)
  if (period) time = time.slice(0, period.index).trim()
  const compact = /^(\d{1,2})(\d{2})$/.exec(time)
  const parts = compact ? compact.slice(1) : time.includes(':') ? time.split(':') : time.split('.')
  const [h, m, s] = parts as [string, string | undefined, string | undefined]
  const [whole, fraction] = s?.split(/[.,]/) ?? []
  if (parts.length > 3 || ![h, m, whole].every((p) => p === undefined || /^\d{1,2}$/.test(p)) || (fraction !== undefined && !/^\d+$/.test(fraction))) return wrong
  let hour = Number(h)
  if (period) {
    if (hour < 1 || hour > 12) return `${JSON.stringify(cell)} is not a time: an hour with AM or PM is 1 to 12`
    hour = (hour % 12) + (period[1]!.toLowerCase() === 'p' ? 12 : 0)
  }
  return {
    hour,
    ...(m === undefined ? {} : { minute: Number(m) }),
    ...(whole === undefined ? {} : { second: Number(whole) }),
    // Fractions of a second as a decimal fraction (TimelineJS multiplies the digits by 100).
    ...(fraction === undefined ? {} : { millisecond: Number(fraction.slice(0, 3).padEnd(3, '0')) }),
  }
}

/** A background cell as TimelineJS takes it: an address, or a colour. */
const background = (cell: string) => (/^(https?:)?\/\/?/.test(cell) ? { url: cell } : { color: cell })

/**
 * Reads the TimelineJS Google Sheets template (as CSV) into a dataset: a row per event, the
 * row whose Type is "title" giving the dataset's title and description, rows of Type "era" its
 * periods; blank rows are skipped, and columns the template does not have are kept under each
 * event's x-timelinejs. Problems point at the row and column ("row 5, column Month").
 * @example readTimelineJsSheet(csv, { name: 'women-in-computing.csv' }).value?.events[0]
 */
export function readTimelineJsSheet(csv: string, options: ReadOptions = {}): Imported {
  const table = new CsvTable(csv)
  const at = Object.fromEntries(Object.entries(names).map(([key, name]) => [key, table.column(name)])) as Record<Column, number>
  if (at.year < 0) {
    const header = table.place(-1)
    const problem = problemAt(header, `no "Year" column: this is not the TimelineJS template (its columns are Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, …)`)
    return { value: null, problems: [problem], notes: [], locate: () => undefined }
  }
  const known = new Set(Object.values(at))
  const others = table.header.map((name, i) => ({ name, i })).filter(({ name, i }) => !known.has(i) && name !== '')
  const problems: Problem[] = []
  const events: SourceSlide[] = []
  const eras: SourceSlide[] = []
  let title: SourceSlide | undefined
  let titles = 0

  table.rows.forEach((row, r) => {
    if (row.every((c) => c.trim() === '')) return
    const cell = (column: Column) => (at[column] < 0 ? '' : (row[at[column]] ?? '').trim())
    // As TimelineJS's clean_integer: spaces and thousands separators go.
    const integer = (column: Column) => cell(column).replace(/[\s,]+/g, '')
    const place = (field: readonly string[]) => {
      const key = columnOf(field)
      const column = field[0] === 'columns' ? others.find((o) => o.name === field[1])?.i : key && at[key]
      return table.place(r, column === undefined || column < 0 ? undefined : column)
    }
    const wrong: Problem[] = []
    const dateOf = (year: Column, month: Column, day: Column, time: Column) => {
      if (!cell(year)) {
        const given = [month, day, time].find((c) => cell(c))
        if (given) wrong.push(problemAt(table.place(r, at[given]), `${names[given]} given without ${names[year]}: give the ${names[year]}${year === 'year' ? '' : ' (TimelineJS ignores an end date without one)'}`))
        return undefined
      }
      const parsed = cell(time) ? parseTime(cell(time)) : {}
      if (typeof parsed === 'string') wrong.push(problemAt(table.place(r, at[time]), parsed))
      return { year: integer(year), month: integer(month), day: integer(day), ...(typeof parsed === 'string' ? {} : parsed) }
    }
    const start = dateOf('year', 'month', 'day', 'time')
    const end = dateOf('endYear', 'endMonth', 'endDay', 'endTime')
    if (wrong.length > 0) return void problems.push(...wrong)

    const type = cell('type').toLowerCase()
    const media = Object.fromEntries(Object.entries(mediaColumns).map(([key, column]) => [key, cell(column)]).filter(([, v]) => v))
    const columns = Object.fromEntries(others.map(({ name, i }) => [name, (row[i] ?? '').trim()]).filter(([, v]) => v))
    const slide: Record<string, unknown> = {
      ...(start ? { start_date: start } : {}),
      ...(end ? { end_date: end } : {}),
      ...(cell('displayDate') ? { display_date: cell('displayDate') } : {}),
      text: { headline: cell('headline'), text: cell('text') },
      ...(Object.keys(media).length > 0 ? { media } : {}),
      ...(cell('group') || cell('tag') ? { group: cell('group') || cell('tag') } : {}),
      ...(cell('background') ? { background: background(cell('background')) } : {}),
      ...(type && type !== 'title' && type !== 'era' ? { type: cell('type') } : {}),
      ...(Object.keys(columns).length > 0 ? { columns } : {}),
    }
    const source = { slide, place }
    // As TimelineJS: the first title row is the title, any other is an event.
    if (type === 'title' && titles++ === 0) title = source
    else if (type === 'era') eras.push(source)
    else events.push(source)
  })

  const notes = [
    ...(titles > 1 ? [`${titles - 1} more row${titles === 2 ? '' : 's'} of Type "title" read as events, as TimelineJS does`] : []),
    ...(others.length > 0 ? [`columns not in the TimelineJS template kept under each event's x-timelinejs.columns: ${others.map((o) => o.name).join(', ')}`] : []),
  ]
  return timelineToDataset({ unit: 'row', title, events, eras, extra: {}, place: () => table.place(-1), problems, notes }, options)
}

/** Whether a CSV's first line is the TimelineJS template's header: it has the Year and Headline columns. */
export function isTimelineJsSheet(headerLine: string): boolean {
  const header = (csvParseRows(stripBom(headerLine).split(/\r\n?|\n/)[0] ?? '')[0] ?? []).map((name) => name.trim().toLowerCase())
  return header.includes('year') && header.includes('headline')
}

export const codec: Codec = { read: readTimelineJsSheet }
