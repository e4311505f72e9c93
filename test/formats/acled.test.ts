import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { csvFormatRow } from 'd3-dsv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AcledReader, acledHeader, codec, read } from '../../src/formats/acled.ts'
import { CsvTable } from '../../src/formats/csv-table.ts'
import { checkImported } from '../../src/formats/registry.ts'
import type { EventDataset } from '../../src/model/index.ts'

const dir = new URL('../../../shared/fixtures/acled/', import.meta.url)
if (!existsSync(dir)) console.warn(`ACLED fixture tests skipped: ${fileURLToPath(dir)} is absent`)

type Row = Partial<Record<(typeof acledHeader)[number] | 'timestamp', string>>

/** A convoy attack, as ACLED would write it. */
const attack: Row = {
  event_id_cnty: 'SYR1001', event_date: '2016-09-19', year: '2016', time_precision: '1', disorder_type: 'Political violence',
  event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: 'Military Forces of Syria (2000-)', inter1: 'State forces',
  actor2: 'Civilians (Syria)', assoc_actor_2: 'Aid Workers (Syria); SARC: Syrian Arab Red Crescent', inter2: 'Civilians',
  iso: '760', region: 'Middle East', country: 'Syria', admin1: 'Aleppo', location: 'Urum al-Kubra', latitude: '36.1523', longitude: '36.9512',
  geo_precision: '1', source: 'SANA; Reuters', source_scale: 'National-International', notes: 'An aid convoy was attacked near Aleppo.', fatalities: '20',
}

/** An export of these rows (each over the attack), with the standard columns or others, LF or CRLF rows. */
function exportOf(rows: Row[], { columns = [...acledHeader] as string[], eol = '\n' } = {}): string {
  return [columns, ...rows.map((r) => columns.map((c) => ({ ...attack, ...r } as Record<string, string>)[c] ?? ''))].map((r) => csvFormatRow(r)).join(eol) + eol
}

const readAll = (text: string, name?: string) => {
  const imported = read(text, { name })
  return { imported, data: imported.value as unknown as EventDataset, checked: checkImported(imported) }
}

/** Where a cell's text starts in the file: its 1-based line and column. */
function at(text: string, line: number, cell: string) {
  return { line, column: text.replace(/^\ufeff/, '').split(/\r?\n/)[line - 1]!.indexOf(cell) + 1 }
}

describe.skipIf(!existsSync(dir))('the ACLED fixture', () => {
  const text = existsSync(dir) ? readFileSync(new URL('acled-export-2010-12-31.csv', dir), 'utf8') : ''

  it('reads every row into a valid event with its id, day, place, toll, summary and evidence as the file has them', () => {
    const { data, checked, imported } = readAll(text, 'acled-export-2010-12-31.csv')
    expect(checked.ok).toBe(true)
    expect(new CsvTable(text).header).toEqual([...acledHeader])
    expect(data).toMatchObject({ schemaVersion: '1.0', id: 'acled-export-2010-12-31', title: 'acled-export-2010-12-31' })
    expect(data.events.map((e) => e.id)).toEqual(['nig2941', 'pak5375', 'pak5377', 'sud1082', 'pak5380'])
    const lines = text.split('\n').slice(1)
    data.events.forEach((event, i) => {
      const cells = new CsvTable(`${text.split('\n')[0]}\n${lines[i]}`).rows[0]!
      expect(event['x-acled']).toMatchObject({ event_id_cnty: cells[0], event_date: cells[1] })
      expect(event.date.edtf).toBe('2010-12-31')
      expect(cells).toContain(event.summary)
      expect(event.evidence).toEqual([{ source: 'acled', quote: event.summary, note: expect.stringContaining("ACLED's sources: ") }])
      expect(cells).toContain(String(event.location!.latitude))
      expect(cells).toContain(String(event.location!.longitude))
      expect(cells).toContain(String(event.fatalities!.best))
      expect(event).toMatchObject({ status: 'occurred', certainty: 'reported' })
    })
    expect(data.sources).toEqual([expect.objectContaining({ id: 'acled', type: 'Dataset', datePublished: '2010-12-31' })])
    expect(imported.notes[0]).toBe('5 events from 5 rows of an ACLED export')
  })

  it('gives actors their kind and each event its roles, PLOVER type and category from ACLED\'s types', () => {
    const { data } = readAll(text)
    const [bomb, quetta, , clash] = data.events
    expect(bomb).toMatchObject({
      title: 'Remote explosive/landmine/IED in Abuja', category: 'military', kind: 'occurrence', fatalities: { best: 4 },
      location: { name: 'Abuja, Federal Capital Territory, Nigeria', latitude: 9.0833, longitude: 7.5333 },
      codes: { plover: 'ASSAULT', 'x-acled-event-type': 'Explosions/Remote violence', 'x-acled-sub-event-type': 'Remote explosive/landmine/IED' },
    })
    expect(bomb!.participants).toEqual([
      { actor: 'unidentified-armed-group-nigeria', role: 'perpetrator' },
      { actor: 'civilians-nigeria', role: 'victim' },
      { actor: 'military-forces-of-nigeria-1999-2015', role: 'victim', note: 'associated with Civilians (Nigeria)' },
    ])
    expect(quetta).toMatchObject({ title: 'Peaceful protest in Quetta', category: 'political', codes: { plover: 'PROTEST' }, participants: [{ actor: 'protesters-pakistan', role: 'participant' }] })
    expect(clash!.participants!.map((p) => p.role)).toEqual(['participant', 'participant'])
    expect(data.actors.map((a) => [a.id, a.kind])).toEqual([
      ['unidentified-armed-group-nigeria', 'armed-group'], ['civilians-nigeria', 'organization'], ['military-forces-of-nigeria-1999-2015', 'military'],
      ['protesters-pakistan', 'organization'], ['military-forces-of-sudan-2011-2019-omar-al-bashir', 'military'], ['justice-and-equality-movement', 'armed-group'],
    ])
  })

  it('puts right the rows with an empty cell too many, says so, and locates their cells where they are in the file', () => {
    const { imported } = readAll(text)
    expect(imported.notes).toContainEqual(expect.stringContaining('3 rows had one cell more than the header (row 3, 4, 6)'))
    expect(imported.locate('/events/1/location/latitude')).toEqual({ ...at(text, 3, '30.1999'), label: 'row 3, column latitude' })
    expect(imported.locate('/events/0/fatalities/best')).toEqual({ line: 2, column: text.split('\n')[1]!.lastIndexOf(',4,') + 2, label: 'row 2, column fatalities' })
    expect(imported.locate('/actors/2')).toEqual({ ...at(text, 2, 'Military Forces of Nigeria'), label: 'row 2, column assoc_actor_2' })
    expect(imported.locate('/events/3/participants/1/actor')).toEqual({ ...at(text, 5, 'Justice and Equality'), label: 'row 5, column actor2' })
    expect(imported.locate('/events/4')).toEqual({ line: 6, column: 1, label: 'row 6' })
  })
})

describe('ACLED exports as they vary', () => {
  it('read a byte-order mark, CRLF rows, a 31st timestamp column and "19 September 2016" dates alike', () => {
    const columns = [...acledHeader, 'timestamp']
    const text = '\ufeff' + exportOf([{ event_date: '19 September 2016', timestamp: '1474329600' }, { event_id_cnty: 'SYR1002', event_date: '18-Sep-2016', timestamp: '1474243200' }], { columns, eol: '\r\n' })
    const { data, checked } = readAll(text, 'exports/syria.csv')
    expect(checked.ok).toBe(true)
    expect(data.events.map((e) => [e.id, e.date.edtf])).toEqual([['syr1001', '2016-09-19'], ['syr1002', '2016-09-18']])
    expect(data.events[0]!['x-acled']).toMatchObject({ timestamp: '1474329600', source: ['SANA', 'Reuters'] })
    // The export is dated by its latest upload (2016-09-20 00:00 UTC), not by any outlet.
    expect(data.sources[0]).toMatchObject({ headline: 'ACLED export syria.csv', datePublished: '2016-09-20' })
    expect(data.title).toBe('syria')
  })

  it('date time_precision 2 to one of the seven days around the day and 3 to its month', () => {
    const rows = [{ time_precision: '2' }, { event_id_cnty: 'B', event_date: '2016-12-30', time_precision: '2' }, { event_id_cnty: 'C', time_precision: '3' }]
    const { data, checked } = readAll(exportOf(rows))
    expect(checked.ok).toBe(true)
    expect(data.events.map((e) => e.date.edtf)).toEqual(['[2016-09-16..2016-09-22]', '[2016-12-27..2017-01-02]', '2016-09'])
  })

  it('keep notes over several lines in quotes, and read the numeric actor types of older exports', () => {
    const notes = 'Shelling hit a convoy,\nthen "a second strike" hit rescuers.'
    const text = exportOf([{ notes, inter1: '1', inter2: '7', assoc_actor_2: '' }, { event_id_cnty: 'SYR1002', latitude: 'north', assoc_actor_2: '' }])
    const { data, checked } = readAll(text)
    expect(data.events[0]).toMatchObject({ summary: notes, evidence: [{ quote: notes, note: "ACLED's sources: SANA; Reuters" }] })
    expect(data.events[0]!.participants).toEqual([{ actor: 'military-forces-of-syria-2000', role: 'perpetrator' }, { actor: 'civilians-syria', role: 'victim' }])
    expect(data.actors.map((a) => [a.kind, a['x-acled-inter']])).toEqual([['military', '1'], ['organization', '7']])
    // The row after the two-line cell is row 3 of the spreadsheet, at line 4 of the file.
    expect(checked.problems).toEqual([{ path: '/events/1/location/latitude', ...at(text, 4, 'north'), message: 'row 3, column latitude: latitude "north" is not a number of degrees from -90 to 90' }])
  })

  it('map agreements, battles and protests to their categories, kinds, PLOVER types and roles', () => {
    const rows: Row[] = [
      { event_type: 'Strategic developments', sub_event_type: 'Agreement', actor2: 'Government of Russia (2000-)', inter2: 'External/Other forces', assoc_actor_2: '', notes: 'A truce was agreed.' },
      { event_id_cnty: 'B', event_type: 'Battles', sub_event_type: 'Armed clash', actor2: 'Free Syrian Army', inter2: 'Rebel group', assoc_actor_2: '' },
      { event_id_cnty: 'C', event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Syria)', inter1: 'Protesters', actor2: '', inter2: '', assoc_actor_2: '' },
    ]
    const { data, checked } = readAll(exportOf(rows))
    expect(checked.ok).toBe(true)
    expect(data.events.map((e) => [e.category, e.kind, e.codes!.plover, e.participants!.map((p) => p.role).join(' ')])).toEqual([
      ['diplomacy', 'agreement', 'AGREE', 'signatory signatory'], ['military', 'occurrence', 'ASSAULT', 'participant participant'], ['political', 'occurrence', 'PROTEST', 'participant'],
    ])
    expect(data.actors.find((a) => a.name === 'Government of Russia (2000-)')!.kind).toBe('government')
  })
})

describe('ACLED exports with mistakes', () => {
  it('refuse a header without the columns an event needs, naming them at row 1', () => {
    const text = exportOf([{}], { columns: acledHeader.filter((c) => c !== 'event_date' && c !== 'actor1') })
    const imported = read(text)
    expect(imported.value).toBeNull()
    expect(imported.problems).toEqual([{ path: '', line: 1, column: 1, message: expect.stringMatching(/^row 1: not an ACLED export: the header lacks event_date, actor1 \(/) }])
    expect(checkImported(imported)).toMatchObject({ ok: false, problems: imported.problems })
  })

  it('report a bad date, precision, toll, latitude and a row with cells too many at their row and column', () => {
    const text = exportOf([
      { event_date: '31 Febtember 2016' },
      { event_id_cnty: 'B', fatalities: 'dozens', time_precision: '4' },
      { event_id_cnty: 'C', latitude: '91.5' },
      { event_id_cnty: 'D', notes: 'x' },
    ]).replace(/,x,20,\n$/, ',x,20,,extra,cells\n')
    const { checked } = readAll(text)
    expect(checked.ok).toBe(false)
    expect(checked.problems.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { ...at(text, 2, '31 Feb'), message: 'row 2, column event_date: invalid EDTF date "31 Febtember 2016": unexpected " " at character 3' },
      { ...at(text, 3, '4,Political'), message: 'row 3, column time_precision: time_precision "4" is not 1 (the day), 2 (within a week or so) or 3 (within the month)' },
      { ...at(text, 3, 'dozens'), message: 'row 3, column fatalities: fatalities "dozens" is not a whole number of deaths' },
      { ...at(text, 4, '91.5'), message: 'row 4, column latitude: latitude "91.5" is not a number of degrees from -90 to 90' },
      { line: 5, column: 1, message: 'row 5: 32 cells where the header has 30: the cells after those too many are in the wrong columns (remove them, or quote a cell that holds a comma)' },
    ])
  })
})

describe('AcledReader', () => {
  it('builds, a batch of rows at a time, the dataset read() builds from the whole file', () => {
    const text = exportOf([{}, { event_id_cnty: 'SYR1002', actor1: 'Unidentified Armed Group (Syria)', inter1: '3' }, { event_id_cnty: 'SYR1001' }])
    const table = new CsvTable(text)
    const reader = new AcledReader(table.header)
    const events = [table.rows.slice(0, 2), table.rows.slice(2)].flatMap((batch, b) =>
      batch.map((cells, i) => reader.add(cells, table.rowNumber(2 * b + i), (column) => table.place(2 * b + i, column))))
    expect(reader.dataset(events)).toEqual(read(text).value)
    // The repeated event_id_cnty gets an id of its own; x-acled keeps it.
    expect(events.map((e) => [e.id, (e['x-acled'] as Row).event_id_cnty])).toEqual([['syr1001', 'SYR1001'], ['syr1002', 'SYR1002'], ['syr1001-2', 'SYR1001']])
    expect(reader.notes()).toContainEqual(expect.stringMatching(/^1 event with an id other than its event_id_cnty/))
  })

  it('converts any rows without throwing, its event and actor ids unique and every participant an actor', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', 'SYR1', 'syr1', '2016-09-19', '19 September 2016', '3', 'Civilians', 'A; B; A', '-', ';'))
    const row = fc.record(Object.fromEntries(acledHeader.map((c) => [c, cell])) as Record<string, fc.Arbitrary<string>>)
    fc.assert(fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
      const { imported, checked } = readAll(exportOf(rows as Row[]))
      const data = imported.value as unknown as EventDataset
      const ids = data.events.map((e) => e.id)
      expect(new Set(ids).size).toBe(rows.length)
      expect(new Set(data.actors.map((a) => a.id)).size).toBe(data.actors.length)
      const actors = new Set(data.actors.map((a) => a.id))
      expect(data.events.flatMap((e) => e.participants ?? []).every((p) => actors.has(p.actor))).toBe(true)
      expect(checked.problems.every((p) => p.line >= 1 && p.column >= 1)).toBe(true)
    }), { numRuns: 50 })
    expect(codec.read).toBe(read)
  })
})
