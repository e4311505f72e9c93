import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { csvFormatRow, csvParse } from 'd3-dsv'
import { describe, expect, it } from 'vitest'
import { checkImported } from '../../src/formats/registry.ts'
import { codec, isTimelineJsSheet, parseTime } from '../../src/formats/timelinejs-sheet.ts'
import type { EventDataset } from '../../src/model/index.ts'

const dir = new URL('../../../shared/fixtures/timelinejs/', import.meta.url)
if (!existsSync(dir)) console.warn(`TimelineJS sheet fixture tests skipped: ${fileURLToPath(dir)} is absent`)

const template = ['Year', 'Month', 'Day', 'Time', 'End Year', 'End Month', 'End Day', 'End Time', 'Display Date', 'Headline', 'Text', 'Media', 'Media Credit', 'Media Caption', 'Media Thumbnail', 'Type', 'Group', 'Background']
type Row = Partial<Record<string, string>>
/** A sheet of these rows in the template's columns (and any others), as Google Sheets downloads it. */
const sheet = (rows: Row[], { columns = template, eol = '\n' } = {}) => [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))].map((r) => csvFormatRow(r)).join(eol) + eol
const read = (text: string, name?: string) => {
  const imported = codec.read!(text, { name })
  return { imported, data: imported.value as unknown as EventDataset, checked: checkImported(imported) }
}
/** Where a cell's text starts: its 1-based line and column. */
const at = (text: string, line: number, cell: string) => ({ line, column: text.replace(/^\ufeff/, '').split(/\r?\n/)[line - 1]!.indexOf(cell) + 1 })
const pad = (n: string) => n.padStart(2, '0')

describe.skipIf(!existsSync(dir))('the TimelineJS template example (women-in-computing-sheet.csv)', () => {
  const text = existsSync(dir) ? readFileSync(new URL('women-in-computing-sheet.csv', dir), 'utf8') : ''
  const rows = csvParse(text)

  it('reads every row but the title as an event with its headline and dates, and passes the validator', () => {
    const { data, checked, imported } = read(text, 'women-in-computing-sheet.csv')
    expect(checked.ok).toBe(true)
    const date = (y = '', m = '', d = '') => [y, m && pad(m), d && pad(d)].filter(Boolean).join('-')
    const events = rows.filter((r) => r.Type !== 'title')
    expect(data.events.map((e) => [e.title, e.date.edtf, e.kind])).toEqual(events.map((r) => {
      const [start, end] = [date(r.Year, r.Month, r.Day), date(r['End Year'], r['End Month'], r['End Day'])]
      return [r.Headline, end ? `${start}/${end}` : start, end ? 'period' : 'occurrence']
    }))
    expect(data.events.map((e) => e.id)).toEqual([
      'ada-lovelace', 'edith-clarke-bucking-the-trend', 'and-the-women-who-made-it-work', 'the-first-computer', 'rozsa-peter-writes-recursion',
      'grace-hopper-invents-the-compiler', 'contributions-to-space-exploration', 'the-first-phd-in-computer-science', 'karen-sparck-jones-makes-search-possible', 'the-mother-of-the-internet',
    ])
    expect(imported.notes[0]).toBe('10 events from 10 rows')
  })

  it('takes the title row as the dataset\'s title and description, and makes HTML plain', () => {
    const { data } = read(text, 'women-in-computing-sheet.csv')
    expect([data.id, data.title]).toEqual(['women-in-computing', 'Women in Computing'])
    expect(data.description).toMatch(/^In this sample timeline, we’ll walk you through/)
    expect(data['x-timelinejs']).toEqual({ title: { background: { url: expect.stringMatching(/^https:\/\/upload\.wikimedia\.org\/.*ENIAC.*\.gif$/) } } })
    expect(data.events.map((e) => `${e.title} ${e.summary ?? ''}`).join(' ')).not.toMatch(/[<>]/)
    expect(data.events[0]!.summary).toMatch(/Take Ada Lovelace: Daughter of Lord Byron.*algorithm\.\n\nThis slide demonstrates a simple "image" media type\.$/s)
    // A quoted cell over two lines keeps its line break.
    expect(data.events[3]!.summary).toMatch(/Electrical Engineering\.\n\nTimeline can easily embed Google Maps$/)
    expect(data.events[1]!['x-timelinejs']).toMatchObject({ media: { url: expect.stringMatching(/^There is no demand for women engineers.*Edith Clarke, first female professor/) } })
  })
})

describe('reading the TimelineJS template', () => {
  it('reads a byte-order mark, CRLF rows, multi-line quoted cells, blank rows, and columns the template does not have', () => {
    const text = '\ufeff' + sheet([
      { Headline: 'A timeline', Text: 'About\nit', Type: 'title' }, {},
      { Year: '1,815', Month: '12', Day: '10', Headline: 'Ada "the first"', Text: 'Line one,\r\nline two', Notes: 'see p. 3' },
    ], { columns: [...template, 'Notes'], eol: '\r\n' }).replace('\r\n', '\r\n,,,,,\r\n')
    const { data, checked, imported } = read(text)
    expect(checked.ok).toBe(true)
    expect([data.title, data.description]).toEqual(['A timeline', 'About\nit'])
    expect(data.events).toEqual([{
      id: 'ada-the-first', title: 'Ada "the first"', summary: 'Line one,\nline two', kind: 'occurrence', category: 'political', status: 'occurred', certainty: 'reported',
      date: { edtf: '1815-12-10' }, 'x-timelinejs': { columns: { Notes: 'see p. 3' } },
    }])
    expect(imported.notes).toContain('columns not in the TimelineJS template kept under each event\'s x-timelinejs.columns: Notes')
  })

  it('reads times as TimelineJS does, era rows as periods, groups, display dates and negative years', () => {
    const { data, checked } = read(sheet([
      { Year: '2012', Month: '1', Day: '3', Time: '2:30 PM', 'End Year': '2012', 'End Month': '1', 'End Day': '3', 'End Time': '16:45', Headline: 'Caucus', Group: 'Iowa', 'Display Date': 'Caucus night' },
      { Year: '-500', Headline: 'Old', Type: 'Battle' }, { Year: '1900', 'End Year': '1950', Headline: 'Early years', Type: 'era' },
      { Headline: 'Title', Type: 'title' }, { Year: '2001', Headline: 'Second title', Type: 'Title' },
    ]))
    expect(checked.ok).toBe(true)
    expect(data.events.map((e) => [e.id, e.date.edtf, e.kind, e.tags])).toEqual([
      ['caucus', '2012-01-03T14:30:00Z/2012-01-03T16:45:00Z', 'period', ['Iowa']], ['old', '-0499', 'occurrence', undefined],
      ['second-title', '2001', 'occurrence', undefined], ['early-years', '1900/1950', 'period', ['era']],
    ])
    expect(data.title).toBe('Title')
    expect(data.events[0]!.date.text).toBe('Caucus night')
    expect(data.events[1]!['x-timelinejs']).toEqual({ type: 'Battle' })
  })

  it('refuses years in the billions through the validator, at the Year cell', () => {
    const text = sheet([{ Year: '-13798000000', Headline: 'Big Bang' }, { Year: '-4540000000', 'End Year': '-4500000000', Headline: 'Earth' }])
    expect(read(text).checked.problems).toEqual([
      { path: '/events/0/date/edtf', ...at(text, 2, '-13798000000'), message: 'row 2, column Year: invalid EDTF date "Y-13798000000": a year of 11 digits is outside the years a timeline can place (-271820 to 275759)' },
      { path: '/events/1/date/edtf', ...at(text, 3, '-4540000000'), message: 'row 3, column Year: invalid EDTF date "Y-4540000000": a year of 10 digits is outside the years a timeline can place (-271820 to 275759)' },
    ])
  })
})

describe('bad TimelineJS sheets', () => {
  it('says a CSV without a Year column is not the template', () => {
    expect(read('date,title\n2016,x\n').imported).toMatchObject({
      value: null, problems: [{ line: 1, column: 1, message: 'row 1: no "Year" column: this is not the TimelineJS template (its columns are Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, …)' }],
    })
  })

  it('says which cell of which row is wrong, at its line and column', () => {
    const text = sheet([
      { Year: '2012', Headline: 'fine' }, { Year: '2012', Month: '13', Headline: 'month' }, { Year: '2012', Time: '25:00', Headline: 'time' },
      { Year: '2012', 'End Month': '3', Headline: 'end' }, { Headline: 'no year', Text: 'x' }, { Year: '2015', Month: '2', Day: '29', Headline: 'day' },
      { Time: '10:00', Headline: 'time alone' }, { Year: 'MCMXL', Headline: 'roman' },
    ])
    const { data, checked } = read(text)
    expect(data.events.map((e) => e.id)).toEqual(['fine'])
    expect(checked.problems).toEqual([
      { path: '', ...at(text, 3, '13'), message: 'row 3, column Month: 13 is not a month (1 to 12)' },
      { path: '', ...at(text, 4, '25:00'), message: 'row 4, column Time: 25 is not an hour (0 to 23)' },
      { path: '', line: 5, column: at(text, 5, ',3,').column + 1, message: 'row 5, column End Month: End Month given without End Year: give the End Year (TimelineJS ignores an end date without one)' },
      { path: '', line: 6, column: 1, message: 'row 6, column Year: no date: TimelineJS leaves out a slide without a start date; give it at least a year' },
      { path: '', ...at(text, 7, '29'), message: 'row 7, column Day: 29 is not a day of that month (1 to 28)' },
      { path: '', ...at(text, 8, '10:00'), message: 'row 8, column Time: Time given without Year: give the Year' },
      { path: '', line: 9, column: 1, message: 'row 9, column Year: "MCMXL" is not a whole number (TimelineJS dates are numbers, such as 2012 or -500)' },
    ])
  })
})

describe('TimelineJS times', () => {
  it('reads 24-hour, 12-hour, compact and fractional times', () => {
    expect(parseTime('14:30')).toEqual({ hour: 14, minute: 30 })
    expect(parseTime('2:30 PM')).toEqual({ hour: 14, minute: 30 })
    expect(parseTime('12:05 a.m.')).toEqual({ hour: 0, minute: 5 })
    expect(parseTime('12 pm')).toEqual({ hour: 12 })
    expect(parseTime('1430')).toEqual({ hour: 14, minute: 30 })
    expect(parseTime('9.15')).toEqual({ hour: 9, minute: 15 })
    expect(parseTime('14:30:15.25')).toEqual({ hour: 14, minute: 30, second: 15, millisecond: 250 })
  })

  it('says why a time is not one', () => {
    expect(parseTime('noon')).toBe('"noon" is not a time (write it as 14:30 or 2:30 PM)')
    expect(parseTime('13:00 PM')).toBe('"13:00 PM" is not a time: an hour with AM or PM is 1 to 12')
    expect(parseTime('1:2:3:4')).toBe('"1:2:3:4" is not a time (write it as 14:30 or 2:30 PM)')
  })
})

describe('telling the template apart', () => {
  it('knows its header by the Year and Headline columns', () => {
    expect(isTimelineJsSheet(`\ufeff${template.join(',')}\r\n1815,12`)).toBe(true)
    expect(isTimelineJsSheet('id,title,start,end,date\n')).toBe(false)
    expect(isTimelineJsSheet('event_id_cnty,event_date,year,time_precision\n')).toBe(false)
  })
})
