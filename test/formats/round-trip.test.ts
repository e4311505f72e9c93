import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formats, readFile, writeFormat } from '../../src/formats/registry.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { validateDataset } from '../../src/validate/index.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

const syria = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!

/** Each event's id, title and date, in id order: what every format that reads back must keep. */
const essentials = (dataset: EventDataset) =>
  dataset.events.map((e) => ({ id: e.id, title: e.title, edtf: e.date.edtf })).sort((a, b) => a.id.localeCompare(b.id))

describe('every format that is written and read: dataset → writer → reader → the same events', () => {
  const both = formats.filter((f) => f.reads && f.writes)

  it('covers our JSON and Arrow, CSV and TimelineJS', () => {
    expect(both.map((f) => f.id).sort()).toEqual(['arrow', 'csv', 'json', 'timelinejs'])
  })

  for (const format of both) {
    it(`${format.id}: the same ids, titles and dates, read back as the same format`, async () => {
      for (const dataset of [syria, sampleDataset()]) {
        const written = await writeFormat(dataset, format.id)
        const bytes = typeof written === 'string' ? new TextEncoder().encode(written) : written
        const result = await readFile({ bytes, name: `back${format.extensions[0]}` })
        expect(result.format.id).toBe(format.id)
        expect(result.problems).toEqual([])
        expect(essentials(result.dataset!)).toEqual(essentials(dataset))
      }
    })
  }
})
