import { readFileSync } from 'node:fs'
import { csvParseRows } from 'd3-dsv'
import { describe, expect, it } from 'vitest'
import { csvColumns, writeCsv } from '../../src/formats/csv.ts'
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
