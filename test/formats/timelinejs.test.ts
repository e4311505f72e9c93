import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkImported } from '../../src/formats/registry.ts'
import { codec, fromEdtfYear, isTimelineJs, readTimelineJs, timelineDates, toEdtfYear, writeTimelineJs } from '../../src/formats/timelinejs.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { validateDataset } from '../../src/validate/index.ts'
import { json, sampleDataset } from '../fixtures/dataset.ts'

const dir = new URL('../../../shared/fixtures/timelinejs/', import.meta.url)
if (!existsSync(dir)) console.warn(`TimelineJS fixture tests skipped: ${fileURLToPath(dir)} is absent`)

const read = (text: string, name?: string) => {
  const imported = readTimelineJs(text, { name })
  return { imported, data: imported.value as unknown as EventDataset, checked: checkImported(imported) }
}
/** A timeline of these slides, as TimelineJS's JSON, pretty-printed. */
const timeline = (events: unknown[], more: Record<string, unknown> = {}) => JSON.stringify({ title: { text: { headline: 'T' } }, events, ...more }, null, 2)
const slide = (headline: string, start: unknown, more: Record<string, unknown> = {}) => ({ start_date: start, text: { headline }, ...more })
/** The 1-based line and column where `needle` first starts in `text`. */
function where(text: string, needle: string) {
  const before = text.slice(0, text.indexOf(needle)).split('\n')
  return { line: before.length, column: before.at(-1)!.length + 1 }
}
const pad = (n: unknown) => String(n).padStart(2, '0')

describe.skipIf(!existsSync(dir))('the TimelineJS example (republican-primaries-2012.json)', () => {
  const text = existsSync(dir) ? readFileSync(new URL('republican-primaries-2012.json', dir), 'utf8') : '{}'
  const file = JSON.parse(text) as { title: { text: { headline: string; text: string } }; events: Array<{ text: { headline: string }; start_date: Record<string, string>; end_date?: Record<string, string> }> }

  it('reads every slide as an event with its headline, date and an id from the headline, and passes the validator', () => {
    const { data, checked } = read(text, 'timeline3.json')
    expect(checked.ok).toBe(true)
    expect(data.events.map((e) => e.id)).toEqual([
      'iowa', 'new-hampshire', 'south-carolina', 'florida', 'nevada', 'missouri-minnesota-colorado', 'maine', 'arizona-debates',
      'gingrich-refuses-to-get-personal-during-south-carolina-debat', 'debates-at-university-of-south-florida', 'huntsman-drops-out', 'michigan-and-arizona', 'super-tuesday',
    ])
    const day = (d: Record<string, string>) => `${d.year}-${pad(d.month)}-${pad(d.day)}`
    expect(data.events.map((e) => [e.title, e.date.edtf])).toEqual(file.events.map((e) => [e.text.headline, day(e.start_date) + (e.end_date ? `/${day(e.end_date)}` : '')]))
    expect([data.id, data.title, data.description]).toEqual(['the-republican-run-up', file.title.text.headline, file.title.text.text])
    expect(data.events.every((e) => e.kind === 'occurrence' && e.category === 'political' && e.status === 'occurred' && e.certainty === 'reported')).toBe(true)
    expect(data.sources).toEqual([])
  })

  it('makes the HTML text plain, and keeps the media under x-timelinejs as inert text', () => {
    const { data, imported } = read(text)
    expect(data.events.map((e) => e.summary ?? '').join(' ')).not.toMatch(/[<>]/)
    expect(data.events[1]!.summary).toBe('Romney swept New Hampshire from the other candidates, winning by a double-digit margin over Santorum and former Utah governor Jon M. Huntsman Jr.')
    expect(data.events[11]!.summary).toMatch(/second place\.\n\nWinning these states/)
    expect(data.events[0]!['x-timelinejs']).toEqual({ media: { caption: 'Rick Santorum at the Iowa State Fair before the Ages Straw Poll.', credit: 'Gage Skidmore/Flickr', url: 'https://farm7.staticflickr.com/6200/6057989217_3bd755477b.jpg' } })
    expect(imported.notes).toContain('kept under x-timelinejs, not drawn: media (12 events)')
    expect(imported.notes.join(' ')).toMatch(/category "political", status "occurred" and certainty "reported"/)
  })

  it('reads back from its own TimelineJS as the same dataset', () => {
    const first = read(text).checked.dataset!
    expect(read(writeTimelineJs(first)).checked.dataset).toEqual(first)
  })

  it('is told apart from an event dataset by its first bytes', () => {
    expect(isTimelineJs(text.slice(0, 4096))).toBe(true)
    expect(isTimelineJs(json(sampleDataset()))).toBe(false)
  })
})

describe('reading TimelineJS JSON', () => {
  it('reads a byte-order mark, CRLF line ends, numbers or strings of digits, and dates at each precision', () => {
    const text = '\ufeff' + timeline([
      slide('Year', { year: 2012 }), slide('Month', { year: '2012', month: '1' }), slide('Day', { year: 2012, month: 1, day: ' 3 ' }),
      slide('Time', { year: 2012, month: 1, day: 3, hour: 14, minute: '30' }), slide('Millisecond', { year: 2012, month: 1, day: 3, hour: 9, minute: 5, second: 7, millisecond: 250 }),
    ]).replace(/\n/g, '\r\n')
    const { data, checked } = read(text)
    expect(checked.ok).toBe(true)
    expect(data.events.map((e) => e.date.edtf)).toEqual(['2012', '2012-01', '2012-01-03', '2012-01-03T14:30:00Z', '2012-01-03T09:05:07.250Z'])
  })

  it('reads negative years as TimelineJS labels them (-500 is 500 BCE), as EDTF\'s astronomical years', () => {
    const { data, imported, checked } = read(timeline([slide('a', { year: -500, month: 3 }), slide('b', { year: '-1' }), slide('c', { year: 0 }), slide('d', { year: -12000 })]))
    expect(checked.ok).toBe(true)
    expect(data.events.map((e) => e.date.edtf)).toEqual(['-0499-03', '0000', '0000', 'Y-11999'])
    expect(imported.notes.join(' ')).toMatch(/3 negative years: .*-500 → -0499/)
    expect([toEdtfYear(-500), fromEdtfYear(-499), fromEdtfYear(0), toEdtfYear(-4_500_000_000, 'cosmological')]).toEqual([-499, -500, -1, -4_500_000_000])
  })

  it('keeps the start of a span between years of more than four digits, and the TimelineJS dates under x-timelinejs', () => {
    const { data, checked, imported } = read(timeline([slide('Ice age', { year: -26000, month: 5 }, { end_date: { year: -19000 } })]))
    expect(checked.ok).toBe(true)
    expect(data.events[0]).toMatchObject({ kind: 'period', date: { edtf: 'Y-25999' }, 'x-timelinejs': { start_date: { year: -26000, month: 5 }, end_date: { year: -19000 } } })
    expect(imported.notes.join(' ')).toMatch(/2 dates could not be held whole/)
  })

  it('gives a slide without a headline the first line of its text as title', () => {
    const { data, imported } = read(timeline([slide('', { year: 2001 }, { text: { text: '<p>First line</p><p>second</p>' } }), slide(' ', { year: 2002 })]))
    expect(data.events.map((e) => [e.id, e.title])).toEqual([['first-line', 'First line'], ['untitled', 'Untitled']])
    expect(imported.notes).toContain('2 slides had no headline: the first line of the text (or "Untitled") became the title')
  })

  it('refuses years in the billions through the validator, at the year', () => {
    const text = timeline([slide('Big Bang', { year: -13798000000 }), slide('Earth', { year: '-4540000000' }, { end_date: { year: 2016 } })])
    const { data, checked } = read(text)
    expect(data.events.map((e) => e.date.edtf)).toEqual(['Y-13798000000', 'Y-4540000000'])
    expect(checked.problems).toEqual([
      { path: '/events/0/date/edtf', ...where(text, '-13798000000'), message: 'events[0].start_date.year: invalid EDTF date "Y-13798000000": a year of 11 digits is outside the years a timeline can place (-271820 to 275759)' },
      { path: '/events/1/date/edtf', ...where(text, '"-4540000000"'), message: 'events[1].start_date.year: invalid EDTF date "Y-4540000000": a year of 10 digits is outside the years a timeline can place (-271820 to 275759)' },
    ])
  })

  it('reads end_date as an interval of kind "period", and drops an end equal to the start or empty, as TimelineJS does', () => {
    const { data } = read(timeline([
      slide('span', { year: 1943, month: 7 }, { end_date: { year: 1946 } }), slide('same', { year: 2012, month: '1' }, { end_date: { year: '2012', month: 1 } }),
      slide('empty', { year: 2012 }, { end_date: { year: '', month: '' } }),
    ]))
    expect(data.events.map((e) => [e.date.edtf, e.kind])).toEqual([['1943-07/1946', 'period'], ['2012-01', 'occurrence'], ['2012', 'occurrence']])
  })

  it('keeps unique_id as the id when it fits, and makes ids that fit and are unique otherwise', () => {
    const { data, imported } = read(timeline([
      slide('A', { year: 2001 }, { unique_id: 'iowa' }), slide('Iowa', { year: 2002 }), slide('B', { year: 2003 }, { unique_id: 'Iowa Caucus!' }),
      slide('C', { year: 2004 }, { unique_id: 'iowa' }), slide('قافلة', { year: 2005 }),
    ]))
    expect(data.events.map((e) => e.id)).toEqual(['iowa', 'iowa-2', 'iowa-caucus', 'iowa-3', 'event'])
    expect(imported.notes).toContain('2 unique_ids did not fit an id (lower-case letters, digits, hyphens; each once) and were made to')
  })

  it('keeps group as a tag and under x-timelinejs, display_date as the date\'s text, eras as periods tagged "era"', () => {
    const text = timeline([slide('Vote', { year: 2012, month: 3, day: 6 }, { group: ' <b>Primaries</b> ', display_date: 'Super Tuesday', autolink: false, background: { color: '#0f9bd1' } })], {
      eras: [{ start_date: { year: 2011 }, end_date: { year: 2012 }, text: { headline: 'Campaign' } }], scale: 'human',
    })
    const { data, checked } = read(text)
    expect(checked.ok).toBe(true)
    expect(data.events[0]).toMatchObject({ tags: ['Primaries'], date: { edtf: '2012-03-06', text: 'Super Tuesday' }, 'x-timelinejs': { group: 'Primaries', autolink: false, background: { color: '#0f9bd1' } } })
    expect(data.events[1]).toMatchObject({ id: 'campaign', title: 'Campaign', kind: 'period', date: { edtf: '2011/2012' }, tags: ['era'], 'x-timelinejs': { era: true } })
    expect(data['x-timelinejs']).toEqual({ scale: 'human' })
  })

  it('never keeps markup: a script or an event handler ends as inert text or is removed', () => {
    const { data, checked } = read(timeline([slide('<img src=x onerror="alert(1)">Hi<script>alert(2)</script>', { year: 2012 }, {
      text: { headline: 'x&lt;script&gt;', text: '<p onclick="alert(3)">Body</p><script>alert(4)</script>' }, media: { url: 'https://x.example/a.jpg', caption: '<b onmouseover=alert(5)>Cap</b>' },
    })]))
    expect(checked.ok).toBe(true)
    expect(data.events[0]).toMatchObject({ title: 'x<script>', summary: 'Body', 'x-timelinejs': { media: { url: 'https://x.example/a.jpg', caption: 'Cap' } } })
    expect(JSON.stringify(data)).not.toMatch(/alert|onclick|onmouseover/)
  })
})

describe('bad TimelineJS JSON', () => {
  it('says where a file stops being JSON', () => {
    const { imported } = read('{\n  "events": [\n    { "start_date": { "year": 2012 } },\n  ]\n}')
    expect(imported.value).toBeNull()
    expect(imported.problems).toEqual([{ path: '', line: 4, column: 3, message: 'JSON syntax error: trailing comma before "]"' }])
  })

  it('says a JSON file without an events array is not TimelineJS', () => {
    expect(read('{ "title": "x" }').imported).toMatchObject({ value: null, problems: [{ line: 1, column: 1, message: 'not a TimelineJS timeline: expected an object with an "events" array of slides' }] })
    const text = '{\n  "events": {}\n}'
    expect(read(text).imported).toMatchObject({ value: null, problems: [{ ...where(text, '{}'), message: 'events: expected an array of slides, got an object' }] })
  })

  it('says which field of which slide is wrong, at its line and column', () => {
    const text = timeline([
      slide('ok', { year: 2012 }), slide('month', { year: 2012, month: '13' }), slide('word', { year: '20x2' }), slide('no date', undefined),
      slide('day', { year: 2015, month: 2, day: 29 }), slide('end', { year: 2016 }, { end_date: { month: 3 } }), 7,
    ])
    const { data, checked } = read(text)
    expect(data.events.map((e) => e.id)).toEqual(['ok'])
    expect(checked.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [where(text, '"13"').line, where(text, '"13"').column, 'events[1].start_date.month: 13 is not a month (1 to 12)'],
      [where(text, '"20x2"').line, where(text, '"20x2"').column, 'events[2].start_date.year: "20x2" is not a whole number (TimelineJS dates are numbers, such as 2012 or -500)'],
      [where(text, '"no date"').line - 2, 5, 'events[3]: no date: TimelineJS leaves out a slide without a start date; give it at least a year'],
      [where(text, '"day": 29').line, where(text, '"day": 29').column + 7, 'events[4].start_date.day: 29 is not a day of that month (1 to 28)'],
      [where(text, '"end_date"').line, where(text, '"end_date"').column + 12, 'events[5].end_date: no year: a TimelineJS date needs at least its year'],
      [where(text, '    7').line, 5, 'events[6]: expected a slide object, got the number 7'],
    ])
  })

  it('puts the validator\'s refusal of an interval that ends before it starts at the end date', () => {
    const text = timeline([slide('backwards', { year: 2016 }, { end_date: { year: 2015 } })])
    expect(read(text).checked.problems).toEqual([
      { path: '/events/0/date/edtf', ...where(text, '{\n        "year": 2015'), message: 'events[0].end_date: invalid EDTF date "2016/2015": the interval ends before it starts' },
    ])
  })
})

describe('writing TimelineJS JSON', () => {
  const syria = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!

  it('reads back the same dataset: events, EDTF dates, ids and every other field', () => {
    for (const dataset of [syria, sampleDataset()]) {
      const { $schema: _, ...expected } = dataset
      const { checked, imported } = read(writeTimelineJs(dataset))
      expect(checked.ok).toBe(true)
      expect(checked.dataset).toEqual(expected)
      expect(imported.notes[1]).toMatch(/^read with what was written under diplomatic_timeline/)
    }
  })

  it('writes slides TimelineJS reads: dates at their precision, HTML text with quotes, the category as group', () => {
    const written = JSON.parse(writeTimelineJs(sampleDataset())) as { title: unknown; events: Array<Record<string, unknown>> }
    expect(written.title).toEqual({ text: { headline: 'Sample' } })
    expect(written.events[0]).toMatchObject({
      unique_id: 'convoy-attack', start_date: { year: 2016, month: 9, day: 19 }, display_date: 'Monday (19 Sep 2016)', group: 'humanitarian',
      text: { headline: 'Aid convoy attacked', text: '<blockquote>a deadly attack on an aid convoy<br><cite>AP: Headline, 2016-09-20</cite></blockquote>' },
      diplomatic_timeline: { kind: 'occurrence', status: 'occurred', certainty: 'reported', date: { edtf: '2016-09-19', text: 'Monday', anchor: 'ap' } },
    })
    expect(written.events[1]).toMatchObject({ start_date: { year: 2016, month: 9, day: 19 }, end_date: { year: 2016, month: 9, day: 20 }, display_date: '19 or 20 Sep 2016' })
  })

  it('writes dates TimelineJS cannot say exactly as its nearest dates, with the date in words', () => {
    expect(timelineDates({ edtf: '2011~' })).toEqual({ start_date: { year: 2011 }, display_date: 'c. 2011' })
    expect(timelineDates({ edtf: '-0499-03' })).toEqual({ start_date: { year: -500, month: 3 } })
    expect(timelineDates({ edtf: '2016-09-19T10:30:00+02:00' })).toEqual({ start_date: { year: 2016, month: 9, day: 19, hour: 8, minute: 30, second: 0 } })
    expect(timelineDates({ edtf: '2016-09-17/..' })).toEqual({ start_date: { year: 2016, month: 9, day: 17 }, display_date: 'from 17 Sep 2016' })
  })

  it('reads TimelineJS\'s own fields when they were changed after writing', () => {
    const written = JSON.parse(writeTimelineJs(sampleDataset())) as { events: Array<Record<string, any>> }
    written.events[0]!.text.headline = 'Convoy <i>hit</i>'
    written.events[0]!.start_date = { year: 2016, month: 9, day: 18 }
    const { data, imported } = read(JSON.stringify(written))
    expect(data.events[0]).toMatchObject({ title: 'Convoy hit', date: { edtf: '2016-09-18', text: 'Monday (19 Sep 2016)' }, kind: 'occurrence', evidence: [{ source: 'ap' }] })
    expect(imported.notes).toContain('1 event changed in TimelineJS since written: their headline, text or dates were read from TimelineJS\'s fields')
  })

  it('puts the validator\'s problems in what was written at their place under diplomatic_timeline', () => {
    const written = JSON.parse(writeTimelineJs(sampleDataset())) as Record<string, any>
    written.events[1].diplomatic_timeline.status = 'planed'
    written.diplomatic_timeline.sources[0].datePublished = '20 Sep'
    const text = JSON.stringify(written, null, 2)
    expect(read(text).checked.problems.map((p) => [p.line, p.column, p.message.split(' (')[0]])).toEqual([
      [where(text, '"planed"').line, where(text, '"planed"').column, 'events[1].diplomatic_timeline.status: invalid status "planed"'],
      [where(text, '"20 Sep"').line, where(text, '"20 Sep"').column, 'diplomatic_timeline.sources[0].datePublished: invalid datePublished "20 Sep"'],
    ])
  })

  it('escapes text, and says what a TimelineJS reader will not see', () => {
    const data = sampleDataset()
    data.events[0]!.title = '<script>alert(1)</script>'
    expect(writeTimelineJs(data)).toContain('"headline": "&lt;script&gt;alert(1)&lt;/script&gt;"')
    expect(codec.lost!(syria)).toEqual([
      '6 events with an uncertain, approximate, open or one-of date are drawn at TimelineJS\'s nearest date or span, with the date in words as its display date',
      expect.stringMatching(/^not shown by TimelineJS: the kind, status and certainty of 20 events .*; \d+ actors; the participants of \d+ events; \d+ relations; .*the tags of 20 events; the date anchors of 20 events/),
      'TimelineJS ignores the diplomatic_timeline fields that keep all of this, so reading the file back here gives the same dataset',
    ])
  })
})
