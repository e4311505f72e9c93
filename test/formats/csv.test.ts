import { readFileSync } from 'node:fs'
import { csvParseRows } from 'd3-dsv'
import { describe, expect, it } from 'vitest'
import { csvColumns, writeCsv } from '../../src/formats/csv.ts'
import type { CsvMapping } from '../../src/formats/format.ts'
import { detectFormat, formatOfName, readFile } from '../../src/formats/registry.ts'
import { toTimelineEvents } from '../../src/timeline/events.ts'
import { validateDataset } from '../../src/validate/index.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

const syria = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!

/** The CSV's rows as a spreadsheet reads them, each a record by column. */
function read(csv: string): Array<Record<string, string>> {
  expect(csv.startsWith('\ufeff')).toBe(true)
  const [header, ...rows] = csvParseRows(csv.slice(1))
  expect(header).toEqual([...csvColumns])
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])))
}

describe('CSV for spreadsheets', () => {
  it('has a row per event in the order the timeline draws them, rows ending in CRLF', () => {
    const csv = writeCsv(syria)
    const rows = read(csv)
    expect(rows.map((r) => r.id)).toEqual(toTimelineEvents(syria).map((i) => i.id))
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(syria.events.length + 2)
  })

  it('writes an event\'s dates, people, place, toll and evidence as a reader expects them', () => {
    const convoy = read(writeCsv(sampleDataset())).find((r) => r.id === 'convoy-attack')!
    expect(convoy).toMatchObject({
      title: 'Aid convoy attacked', start: '2016-09-19', end: '2016-09-19', date: '2016-09-19', date_text: 'Monday',
      kind: 'occurrence', category: 'humanitarian', status: 'occurred', certainty: 'reported',
      actors: 'Russia (perpetrator, alleged)', fatalities: '20', evidence: '“a deadly attack on an aid convoy” (AP: Headline)', sources: 'AP: Headline',
    })
    const range = read(writeCsv(sampleDataset())).find((r) => r.id === 'us-blames-russia')!
    expect([range.start, range.end, range.date]).toEqual(['2016-09-19', '2016-09-20', '[2016-09-19..2016-09-20]'])
  })

  it('keeps commas, quotes and line breaks in a cell, and keeps a spreadsheet from running text as a formula', () => {
    const data = sampleDataset()
    const event = data.events[0]!
    event.title = '=HYPERLINK("http://example.org","click")'
    event.summary = 'Said "no", then\nleft, quickly'
    event.location = { name: '@home', latitude: -33.5, longitude: 151.25 }
    event.tags = ['-1', 'a, b']
    const row = read(writeCsv(data)).find((r) => r.id === event.id)!
    expect(row.title).toBe(`'=HYPERLINK("http://example.org","click")`)
    expect(row.summary).toBe('Said "no", then\nleft, quickly')
    expect([row.location, row.latitude, row.longitude]).toEqual(["'@home", '-33.5', '151.25'])
    expect(row.tags).toBe("'-1; a, b")
  })
})

const bytes = (text: string) => new TextEncoder().encode(text)
const readCsvFile = (text: string, mapping?: CsvMapping) => readFile({ bytes: bytes(text), name: 'events.csv' }, { mapping })

describe('reading a CSV of events', () => {
  it('reads back what it wrote: the same events, ids, dates and fields', async () => {
    for (const dataset of [syria, sampleDataset()]) {
      const result = await readCsvFile(writeCsv(dataset))
      expect(result.format.id).toBe('csv')
      expect(result.problems).toEqual([])
      const back = new Map(result.dataset!.events.map((e) => [e.id, e]))
      expect([...back.keys()].sort()).toEqual(dataset.events.map((e) => e.id).sort())
      for (const e of dataset.events) {
        const read = back.get(e.id)!
        expect(read.date).toEqual(e.date.anchor ? { edtf: e.date.edtf, text: e.date.text } : e.date)
        expect([read.title, read.summary, read.kind, read.category, read.status, read.certainty, read.tags]).toEqual([e.title, e.summary, e.kind, e.category, e.status, e.certainty, e.tags])
        expect(read.fatalities).toEqual(e.fatalities && { best: e.fatalities.best, low: e.fatalities.low, high: e.fatalities.high })
        expect(read.participants?.map((p) => [p.role, p.attribution])).toEqual(e.participants?.map((p) => [p.role, p.attribution]))
      }
    }
  })

  it('reads a spreadsheet\'s own columns through a mapping, with its spellings of dates', async () => {
    const text = '\ufeffWhen,Until,What,Who,Notes,Lat,Desk\r\n19 September 2016,,Convoy hit,"Russia (perpetrator, alleged); Syria",First line\r\n,,,,,,\r\n"September 20, 2016",2016-09-22,Talks,,"two\r\nlines",35.5,Beirut\r\n'
    const result = await readCsvFile(text, { date: 'When', end: 'Until', title: 'What', actors: 'Who', summary: 'Notes', latitude: 'Lat' })
    expect(result.problems).toEqual([])
    const [convoy, talks] = result.dataset!.events
    expect(convoy).toMatchObject({ id: 'convoy-hit', title: 'Convoy hit', date: { edtf: '2016-09-19' }, summary: 'First line', kind: 'occurrence', category: 'political' })
    expect(convoy!.participants).toEqual([{ actor: 'russia', role: 'perpetrator', attribution: 'alleged' }, { actor: 'syria', role: 'participant' }])
    expect(talks).toMatchObject({ id: 'talks', date: { edtf: '2016-09-20/2016-09-22' }, summary: 'two\r\nlines', location: { name: '35.5', latitude: 35.5 }, 'x-csv': { Desk: 'Beirut' } })
    expect(result.notes.join('\n')).toMatch(/^2 events from 2 rows; columns read: date ← When, end ← Until, title ← What/)
    expect(result.notes).toContain('kept on each event under x-csv, not drawn: Desk')
  })

  it('says which columns it needs, and where a cell is wrong (its row, column, line)', async () => {
    const missing = await readCsvFile('When,Where\n2016-09-19,Aleppo\n')
    expect(missing.ok).toBe(false)
    expect(missing.problems.map((p) => [p.line, p.message])).toEqual([[1, 'row 1: no column for the events\' title: name one in the mapping (title=COLUMN; the columns are When, Where)']])
    const unknown = await readCsvFile('date,title\n2016-09-19,A\n', { title: 'Headline' })
    expect(unknown.problems[0]!.message).toBe('row 1: no column named "Headline" for title (the columns are date, title)')

    const bad = await readCsvFile('date,title,summary,fatalities,latitude\n2016-09-19,A,"over\ntwo lines",3,1\n2016-13-45,B,,many,north\n')
    expect(bad.ok).toBe(false)
    expect(bad.problems.map((p) => [p.line, p.column, p.message.replace(/:.*/, '')])).toEqual([
      [4, 1, 'row 3, column date'],
      [4, 15, 'row 3, column fatalities'],
      [4, 20, 'row 3, column latitude'],
    ])
    expect(bad.problems[0]!.message).toContain('invalid EDTF date "2016-13-45"')
  })
})

describe('telling formats apart', () => {
  it('by first bytes, then by name or media type', () => {
    const of = (text: string | Uint8Array, name?: string, mediaType?: string) => detectFormat({ bytes: typeof text === 'string' ? bytes(text) : text, name, mediaType }).id
    expect(of(writeCsv(syria))).toBe('csv')
    expect(of('{"schemaVersion": "1.0"}', 'data.csv')).toBe('json')
    expect(of('date,title\n', 'x.txt')).toBe('csv')
    expect(of('just words', 'x.csv')).toBe('csv')
    expect(of('just words', undefined, 'text/csv; charset=utf-8')).toBe('csv')
    expect(of('just words')).toBe('json')
    expect(of(new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0]), 'x.csv')).toBe('arrow')
    expect(['big.arrow', 'x.CSV', 'https://example.org/a.json?x=1', 'x.txt'].map((n) => formatOfName(n)?.id ?? null)).toEqual(['arrow', 'csv', 'json', null])
  })
})
