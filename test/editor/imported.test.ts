import { describe, expect, it } from 'vitest'
import { conversionOf, withEnding } from '../../src/editor/imported.ts'
import { formatById, readFile, type ReadResult } from '../../src/formats/registry.ts'
import { atStart } from '../../src/validate/at-start.ts'

const csv = formatById('csv')!
const bytes = (text: string) => new TextEncoder().encode(text)

describe('opening another format in the editor', () => {
  it('names the converted file after the source, with .json for its ending', () => {
    const names = [['acled-2016.csv', 'acled-2016.json'], ['timeline.json', 'timeline.json'], ['notes', 'notes.json'], ['.csv', 'dataset.json']]
    expect(names.map(([name]) => withEnding(name!, '.json'))).toEqual(names.map(([, json]) => json))
    expect(withEnding('syria.json', '.arrow')).toBe('syria.arrow')
  })

  it('puts a value with problems in the editor as formatted JSON, with the problems at their place in the source', () => {
    const value = { schemaVersion: '1.0', events: [{ id: 'a' }] }
    const result: ReadResult = {
      format: csv, ok: false, value, notes: ['1 event from 1 row'],
      problems: [{ path: '/events/0/date/edtf', line: 2, column: 5, message: 'row 2, column date: invalid date' }, atStart('the file has no title column')],
    }
    const conversion = conversionOf(result, 'events.csv')
    expect(conversion).toEqual({
      ok: true,
      text: JSON.stringify(value, null, 2),
      name: 'events.json',
      summary: 'Converted events.csv (CSV (spreadsheet)) into events.json, with 2 problems in the source file. Undo goes back to the previous text.',
      notes: ['1 event from 1 row'],
      problems: ['row 2, column date: invalid date (line 2, column 5 of events.csv)', 'the file has no title column'],
    })
  })

  it('says how many more problems a list cut short stands for', () => {
    const result: ReadResult = { format: csv, ok: false, value: {}, notes: [], problems: [{ path: '/events/0', line: 2, column: 1, message: 'row 2: bad', more: 41 }] }
    const conversion = conversionOf(result, 'big.csv')
    expect(conversion.ok && conversion.problems).toEqual(['row 2: bad (line 2, column 1 of big.csv)', 'and 40 more problems'])
  })

  it('refuses a file nothing could be built from, in the reader\'s words', () => {
    const result: ReadResult = { format: csv, ok: false, value: null, notes: [], problems: [atStart('the file has no header row')] }
    expect(conversionOf(result, 'empty.csv')).toEqual({ ok: false, message: 'Could not open empty.csv as CSV (spreadsheet): the file has no header row. Nothing was changed.' })
  })

  it('converts a valid file through the registry into its dataset', async () => {
    const result = await readFile({ bytes: bytes('id,date,title\nmeeting-1,2016-09-19,Kerry meets Lavrov\n'), name: 'events.csv' })
    const conversion = conversionOf(result, 'events.csv')
    expect(conversion.ok).toBe(true)
    if (!conversion.ok) return
    expect(JSON.parse(conversion.text).events[0]).toMatchObject({ id: 'meeting-1', title: 'Kerry meets Lavrov', date: { edtf: '2016-09-19' } })
    expect(conversion.summary).toBe('Converted events.csv (CSV (spreadsheet)) into events.json. Undo goes back to the previous text.')
    expect(conversion.problems).toEqual([])
  })
})
