import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectFormat, formatOfName } from '../../src/formats/catalogue.ts'

const fixtures = new URL('../../../shared/fixtures/', import.meta.url)
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(path, fixtures)))
if (!existsSync(fixtures)) console.warn(`skipped: no fixtures at ${fixtures.pathname} (files other tools wrote, kept outside the repository)`)

describe('the catalogue of formats', () => {
  it.skipIf(!existsSync(fixtures))('tells each real file\'s format from its first bytes, whatever its name', () => {
    const cases: Array<[string, string]> = [
      ['acled/acled-export-2010-12-31.csv', 'acled'],
      ['timelinejs/republican-primaries-2012.json', 'timelinejs'],
      ['timelinejs/women-in-computing-sheet.csv', 'timelinejs-sheet'],
    ]
    for (const [path, id] of cases) {
      expect(detectFormat({ bytes: bytesOf(path), name: path }).id).toBe(id)
      expect(detectFormat({ bytes: bytesOf(path), name: 'download' }).id).toBe(id)
    }
  })

  it('tells our own JSON from a TimelineJS timeline, and writes each format under its own ending', () => {
    const of = (text: string, name?: string) => detectFormat({ bytes: new TextEncoder().encode(text), name }).id
    expect(of('{"schemaVersion": "1.0", "events": []}', 'x.json')).toBe('json')
    expect(of('{"title": {"text": {"headline": "A"}}, "events": []}')).toBe('timelinejs')
    expect(of('{"events": [{"start_date": {"year": 2012}}]}', 'x.json')).toBe('timelinejs')
    expect(of('not json at all', 'x.json')).toBe('json')
    expect(['x.json', 'x.csv', 'x.ics', 'x.jsonld', 'x.arrow', 'x.docx'].map((n) => formatOfName(n)?.id ?? null)).toEqual(['json', 'csv', 'ical', 'jsonld', 'arrow', null])
  })
})
