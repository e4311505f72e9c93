import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import ical, { type ParameterValue, type VEvent } from 'node-ical'
import { describe, expect, it } from 'vitest'
import { codec, icalLost, icalStatus, writeIcal } from '../../src/formats/ical.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { toTimelineEvents } from '../../src/timeline/events.ts'
import { validateDataset, validateValue } from '../../src/validate/index.ts'
import { sampleDataset } from '../fixtures/dataset.ts'
import { datasetWith, type EventSpec } from '../fixtures/events.ts'

const syria = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!
const now = Date.UTC(2016, 8, 21, 8, 30, 15)
const day = 86_400_000

/** The file's events as node-ical reads them, by UID, and the UIDs in the order the file has them. */
function read(text: string): { events: Map<string, VEvent>; order: string[]; calendar: Record<string, unknown> } {
  const parsed = ical.sync.parseICS(text)
  const events = new Map(Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT').map((e) => [e.uid, e]))
  return { events, order: [...text.matchAll(/^UID:([^\r\n]*)/gm)].map((m) => m[1]!), calendar: parsed.vcalendar as Record<string, unknown> }
}

/** A text property's value, with or without parameters (LANGUAGE). */
const val = (v: ParameterValue | undefined) => (typeof v === 'object' ? v.val : v)

const pad = (n: number) => String(n).padStart(2, '0')
/** The day of a date-only value as node-ical defines it: it builds them at local midnight, so its local fields are the day. */
const localDay = (d: Date) => `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** A crafted dataset, checked valid as any dataset is before it is written. */
function crafted(specs: EventSpec[], change: (data: EventDataset) => void = () => {}): EventDataset {
  const data = datasetWith(specs)
  change(data)
  expect(validateValue(data).problems).toEqual([])
  return data
}

/** Events named by id, each with its EDTF date. */
const dated = (dates: Record<string, string>): EventSpec[] => Object.entries(dates).map(([id, edtf]) => ({ id, edtf }))

/** The content lines of a file, its folds undone (RFC 5545, 3.1). */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '')

/** Every physical line of the file: within 75 octets, and none splits a character. */
function expectFolded(text: string) {
  expect(text.endsWith('\r\n')).toBe(true)
  const lines = text.slice(0, -2).split('\r\n')
  expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true)
  for (const line of lines) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75)
    expect(Buffer.from(line, 'utf8').toString('utf8'), 'a character split by a fold').toBe(line)
  }
}

describe('iCalendar export', () => {
  it('writes one calendar named after the dataset with one VEVENT per event in time order, each with a stable UID', () => {
    const text = writeIcal(syria, { now })
    const { events, order, calendar } = read(text)
    expect(order).toEqual(toTimelineEvents(syria).map((i) => `${i.id}@syria-truce-2016-09`))
    expect(events.size).toBe(syria.events.length)
    expect(calendar).toMatchObject({ version: '2.0', calscale: 'GREGORIAN', 'WR-CALNAME': syria.title, 'WR-CALDESC': syria.description })
    expect(calendar.prodid).toMatch(/diplomatic-timeline/)
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[^]*END:VCALENDAR\r\n$/)
    expect(text).toContain('\r\nX-WR-CALNAME:Syria\'s truce under strain\\, September 2016\r\n')
    for (const e of events.values()) expect(e.dtstamp.toISOString()).toBe('2016-09-21T08:30:15.000Z')
    expectFolded(text)
    expect(ICAL.foldLength).toBe(75)
    // The same dataset at the same time gives the same file.
    expect(writeIcal(syria, { now })).toBe(text)
  })

  it('gives every event its title, all-day span, status, place and description with the evidence', () => {
    const { events } = read(writeIcal(syria, { now }))
    const sources = new Map(syria.sources.map((s) => [s.id, s]))
    for (const item of toTimelineEvents(syria)) {
      const e = item.event
      const v = events.get(`${e.id}@syria-truce-2016-09`)!
      expect(val(v.summary)).toBe(e.title)
      expect(v.status).toBe(icalStatus[e.status])
      expect(v.datetype).toBe('date')
      expect(v.start.dateOnly && v.end?.dateOnly).toBe(true)
      expect([localDay(v.start), localDay(v.end!)]).toEqual([utcDay(item.date.earliest), utcDay(Math.floor(item.date.latest / day) * day + day)])
      expect(val(v.location)).toBe(e.location ? `${e.location.name}, ${e.location.country}` : undefined)
      const description = val(v.description)!
      if (e.summary) expect(description.startsWith(e.summary)).toBe(true)
      expect(description).toContain(`EDTF ${e.date.edtf}`)
      expect(description).toContain(`Status: ${e.status}. Certainty: ${e.certainty}.`)
      for (const q of e.evidence ?? []) expect(description).toContain(`“${q.quote}” — ${sources.get(q.source)!.publisher}, “${sources.get(q.source)!.headline}”`)
      expect(v.categories).toEqual(expect.arrayContaining([e.category, e.kind, ...(e.tags ?? [])]))
    }
    const convoy = events.get('convoy-attack@syria-truce-2016-09')!
    expect([localDay(convoy.start), localDay(convoy.end!), convoy.status]).toEqual(['2016-09-19', '2016-09-20', 'CONFIRMED'])
    expect(val(convoy.description)).toContain('- Russia: perpetrator (alleged) — Blamed by the U.S.; Russia denies involvement.')
    expect(val(convoy.description)).toContain('Fatalities: about 20 (civilians).')
    expect(events.get('friday-meeting@syria-truce-2016-09')!.status).toBe('TENTATIVE')
  })

  it('shows an uncertain date as the whole span it may fall in, and says so in the source\'s words and in EDTF', () => {
    const { events } = read(writeIcal(syria, { now }))
    const deal = events.get('kerry-lavrov-deal@syria-truce-2016-09')!
    expect([localDay(deal.start), localDay(deal.end!)]).toEqual(['2016-09-01', '2016-09-20'])
    expect(val(deal.description)).toContain('The date is uncertain (one date in a range or set): the calendar shows the whole span it may fall in.\n'
      + 'Date: one day in 1–19 Sep 2016, “earlier this month” in the source; EDTF [2016-09-01..2016-09-19].')
    const data = crafted(dated({ about: '2016-09-13~', maybe: '2016-09-20?', open: '2016-09-17/..' }))
    const read2 = read(writeIcal(data, { now })).events
    expect(localDay(read2.get('about@sample')!.start)).toBe('2016-09-13')
    expect(val(read2.get('about@sample')!.description)).toContain('The date is uncertain (approximate)')
    expect(val(read2.get('maybe@sample')!.description)).toContain('The date is uncertain (uncertain)')
    expect(val(read2.get('open@sample')!.description)).toContain('its end is not known')
  })

  it('writes a date known to the time as UTC DATE-TIMEs, and a month or a year as all its days', () => {
    const data = crafted(dated({
      at: '2016-09-19T19:30:00Z', talks: '2016-09-19T19:30:00Z/2016-09-19T23:00:00+02:00', month: '2016-09', year: '2016',
      leap: '2016-02-29', evening: '2016-09-19T19:30:00Z/2016-09-20',
    }))
    const text = writeIcal(data, { now })
    expect(text).toContain('DTSTART:20160919T193000Z\r\n')
    expect(text).toContain('DTSTART;VALUE=DATE:20160901\r\nDTEND;VALUE=DATE:20161001\r\n')
    const { events } = read(text)
    const at = events.get('at@sample')!
    expect([at.datetype, at.start.dateOnly, at.start.toISOString()]).toEqual(['date-time', undefined, '2016-09-19T19:30:00.000Z'])
    // An instant has no DTEND: RFC 5545 ends it where it starts.
    expect(text.slice(text.indexOf('UID:at@sample'), text.indexOf('END:VEVENT', text.indexOf('UID:at@sample')))).not.toContain('DTEND')
    const talks = events.get('talks@sample')!
    expect([talks.start.toISOString(), talks.end!.toISOString()]).toEqual(['2016-09-19T19:30:00.000Z', '2016-09-19T21:00:00.000Z'])
    const [month, year, leap, evening] = ['month', 'year', 'leap', 'evening'].map((id) => events.get(`${id}@sample`)!)
    // A span from a time to a day is known to the day only: all-day, from its first day.
    expect([localDay(evening!.start), localDay(evening!.end!), evening!.datetype]).toEqual(['2016-09-19', '2016-09-21', 'date'])
    expect([localDay(month!.start), localDay(month!.end!)]).toEqual(['2016-09-01', '2016-10-01'])
    expect([localDay(year!.start), localDay(year!.end!), year!.start.dateOnly]).toEqual(['2016-01-01', '2017-01-01', true])
    expect([localDay(leap!.start), localDay(leap!.end!)]).toEqual(['2016-02-29', '2016-03-01'])
  })

  it('maps each status: occurred and ongoing are CONFIRMED, planned and postponed TENTATIVE, cancelled CANCELLED', () => {
    const statuses = ['occurred', 'ongoing', 'planned', 'postponed', 'cancelled'] as const
    const { events } = read(writeIcal(crafted(statuses.map((status) => ({ id: status, edtf: '2016-09-19', status }))), { now }))
    expect(statuses.map((s) => events.get(`${s}@sample`)!.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'TENTATIVE', 'TENTATIVE', 'CANCELLED'])
    for (const e of events.values()) expect(e.transparency).toBe('TRANSPARENT')
  })

  it('escapes commas, semicolons, backslashes and line breaks, and folds long Arabic and emoji text within 75 octets', () => {
    const arabic = 'هجوم على قافلة مساعدات قرب حلب 🚚💥 — الأمم المتحدة تعلق عمليات الإغاثة؛ '.repeat(6)
    const tricky = 'Kerry, Lavrov; C:\\talks\\notes\nsecond line\r\nthird, “quoted”'
    const escaped = 'Kerry\\, Lavrov\\; C:\\\\talks\\\\notes\\nsecond line\\nthird\\, “quoted”'
    const data = crafted([{ id: 'long', edtf: '2016-09-19', title: arabic }, { id: 'tricky', edtf: '2016-09-20', title: tricky }], (d) => {
      d.title = 'Timeline, part 1; draft \\ v2\nnotes'
      Object.assign(d.events[0]!, { summary: `${arabic}\n👩🏽‍⚕️ ${'🇸🇾'.repeat(40)}`, location: { name: 'حلب, ريف; \\ الغربي', country: 'SYR', latitude: 36.2021, longitude: 37.1343 }, tags: ['a, b', 'c;d', 'e\\f'] })
      d.events[1]!.summary = tricky
    })
    const text = writeIcal(data, { now })
    expectFolded(text)
    expect(unfold(text)).toContain(`\r\nSUMMARY:${escaped}\r\n`)
    const { events, calendar } = read(text)
    expect(calendar['WR-CALNAME']).toBe('Timeline, part 1; draft \\ v2\nnotes')
    const long = events.get('long@sample')!
    expect(val(long.summary)).toBe(arabic)
    expect(val(long.description)!.startsWith(`${arabic}\n👩🏽‍⚕️ ${'🇸🇾'.repeat(40)}\n\n`)).toBe(true)
    expect(val(long.location)).toBe('حلب, ريف; \\ الغربي, SYR')
    expect(long.geo).toEqual({ lat: 36.2021, lon: 37.1343 })
    expect(long.categories).toEqual(['diplomacy', 'statement', 'a, b', 'c;d', 'e\\f'])
    // iCalendar text has no carriage return: a CRLF in the text is one line break. node-ical
    // unescapes "\\n" in the wrong order (an escaped backslash before "n" becomes a line break),
    // so ical.js's own parser reads this one back.
    const summary = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')[1]!.getFirstPropertyValue('summary')
    expect(summary).toBe(tricky.replace('\r\n', '\n'))
  })

  it('links to the first evidence source that has an address', () => {
    const data = crafted([{ id: 'a', edtf: '2016-09-19' }], (d) => {
      d.sources.push({ id: 'un', type: 'Statement', headline: 'UN statement', datePublished: '2016-09-20', url: 'https://example.org/un?a=1,2;b' })
      d.events[0]!.evidence = [{ source: 'ap', quote: 'first' }, { source: 'un', quote: 'second', note: 'the UN\'s own words' }]
    })
    const v = read(writeIcal(data, { now })).events.get('a@sample')!
    expect(v.url).toBe('https://example.org/un?a=1,2;b')
    expect(val(v.description)).toContain('- “second” — “UN statement”, 2016-09-20, https://example.org/un?a=1,2;b (the UN\'s own words)')
  })

  it('writes a year before 1000 with four digits, and leaves out years iCalendar cannot write, naming them', () => {
    const data = crafted(dated({ charlemagne: '0800', athens: '-0500', ice: 'Y-170000', now: '2016-09-19' }))
    const text = writeIcal(data, { now })
    expect(text).toContain('DTSTART;VALUE=DATE:08000101\r\nDTEND;VALUE=DATE:08010101\r\n')
    const { order, events } = read(text)
    expect(order).toEqual(['charlemagne@sample', 'now@sample'])
    expect(localDay(events.get('charlemagne@sample')!.start)).toBe('0800-01-01')
    expect(icalLost(data)[0]).toBe('2 events dated outside the years 0000 to 9999, which iCalendar cannot write: ice (Y-170000), athens (-0500)')
  })

  it('names what a calendar cannot hold: relations, actors\' details, figures, codes and custom fields', () => {
    const data = sampleDataset()
    data.events[0]!.codes = { cameo: '190' }
    expect(icalLost(data)).toEqual([
      '1 relation between events: iCalendar has no links between events',
      'the actors\' kinds, offices, countries and affiliations: an event\'s description names its participants and their roles',
      'the fatalities of 1 event as figures: only their descriptions give them',
      'the CAMEO and PLOVER codes of 1 event',
      'which source 1 relative date is read from (date.anchor)',
      'the types and languages of the sources',
      '3 custom x- fields',
    ])
    expect(codec.lost).toBe(icalLost)
  })

  it('stamps the file with the time of writing when no time is given', () => {
    const before = Math.floor(Date.now() / 1000) * 1000
    const text = codec.write!(sampleDataset()) as string
    const stamps = [...read(text).events.values()].map((e) => e.dtstamp.getTime())
    expect(stamps).toHaveLength(2)
    for (const stamp of stamps) expect(stamp).toBeGreaterThanOrEqual(before)
    expect(Math.max(...stamps)).toBeLessThanOrEqual(Date.now())
  })
})
