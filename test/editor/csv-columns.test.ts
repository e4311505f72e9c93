import { describe, expect, it } from 'vitest'
import { columnsChosen, headerOf, readerMapping } from '../../src/editor/csv-columns.ts'
import { readFile } from '../../src/formats/registry.ts'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('the columns of a generic CSV, for the editor\'s mapping form', () => {
  it('reads the header from the start of the file, byte-order mark, quotes and CRLF and all', () => {
    expect(headerOf(bytes('\ufeffWhen,"What, briefly", Who \r\n2016-09-19,Talks,UN\r\n'))).toEqual(['When', 'What, briefly', 'Who'])
    expect(headerOf(bytes(''))).toEqual([])
  })

  it('finds the columns the CSV reader chooses from the usual names', async () => {
    expect(await columnsChosen(['When', 'What', 'Who', 'Desk'])).toEqual({ date: 'When', title: 'What', actors: 'Who' })
    expect(await columnsChosen(['id', 'title', 'start', 'end', 'Lat', 'LONG'])).toEqual({ id: 'id', title: 'title', date: 'start', end: 'end', latitude: 'Lat', longitude: 'LONG' })
  })

  it('finds the other columns of a header without a date or a title column', async () => {
    expect(await columnsChosen(['A', 'B'])).toEqual({})
    expect(await columnsChosen(['A', 'headline', 'notes'])).toEqual({ title: 'headline', summary: 'notes' })
    expect(await columnsChosen(['day', 'B'])).toEqual({ date: 'day' })
  })

  it('puts the columns a mapping names first, and leaves out those it reads from none or the header lacks', async () => {
    const header = ['When', 'What', 'Who', 'Place, town']
    expect(await columnsChosen(header, { summary: 'What', location: 'Place, town', actors: '' })).toEqual({ date: 'When', title: 'What', summary: 'What', location: 'Place, town' })
    expect(await columnsChosen(header, { date: 'Nowhere' })).toEqual({ date: 'When', title: 'What', actors: 'Who' })
    expect(await columnsChosen([])).toEqual({})
  })

  it('reads a field the form left without a column from none, but lets the reader look for the date and title', () => {
    expect(readerMapping({ date: '', title: 'B', actors: '', summary: 'Desk' })).toEqual({ title: 'B', actors: '', summary: 'Desk' })
  })

  it('reads a CSV with a field from no column, without a problem about it', async () => {
    const result = await readFile({ bytes: bytes('When,What,Who\n2016-09-19,Talks,UN\n'), name: 'talks.csv' }, { format: 'csv', mapping: readerMapping({ actors: '' }) })
    expect(result.problems).toEqual([])
    const [event] = result.dataset!.events
    expect(event).toMatchObject({ title: 'Talks', 'x-csv': { Who: 'UN' } })
    expect(event).not.toHaveProperty('participants')
  })
})
