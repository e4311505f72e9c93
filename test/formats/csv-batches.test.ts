import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvBatches, type CsvBatch } from '../../src/formats/csv-batches.ts'
import { CsvTable } from '../../src/formats/csv-table.ts'

async function batchesOf(chunks: string[], size: number): Promise<CsvBatch[]> {
  const batches: CsvBatch[] = []
  for await (const batch of csvBatches((async function* () { yield* chunks })(), size)) batches.push(batch)
  return batches
}

/** Cells with what makes CSV hard: commas, quotes, line breaks of each kind, and empty ones. */
const cell = fc.oneof(fc.constantFrom('', 'a', 'b c', 'x,y', 'say "hi"', 'two\nlines', 'cr\r\nlf', 'lone\rcr'), fc.string({ maxLength: 6 }))
const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)

describe('a CSV file in batches of whole records', () => {
  it('cuts only between records, and each batch reads as the whole file does, at the same places', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        async (rows, newline, cuts, size) => {
          const text = ['h1,h2,h3', ...rows.map((r) => r.map(quote).join(','))].join(newline) + newline
          // The file arrives in chunks of the given lengths, over and over.
          const chunks: string[] = []
          for (let at = 0, i = 0; at < text.length; at += cuts[i++ % cuts.length]!) chunks.push(text.slice(at, at + cuts[i % cuts.length]!))
          const batches = await batchesOf(chunks, size)
          expect(batches.map((b) => b.text).join('')).toBe(text)
          const whole = new CsvTable(text)
          const tables: CsvTable[] = []
          for (const b of batches) {
            const last = tables.at(-1)
            tables.push(last ? new CsvTable(b.text, { header: whole.header, line: b.line, record: last.rowNumber(-1) - 1 + last.recordCount }) : new CsvTable(b.text))
          }
          expect(tables.flatMap((t) => t.rows)).toEqual(whole.rows)
          const places = tables.flatMap((t) => t.rows.map((_, r) => [t.place(r, 1), t.rowNumber(r)]))
          expect(places).toEqual(whole.rows.map((_, r) => [whole.place(r, 1), whole.rowNumber(r)]))
        },
      ),
      { numRuns: 80 },
    )
  })

  it('keeps a CRLF cut between two chunks as one line break, and a file of lone CRs whole', async () => {
    const batches = await batchesOf(['a,b\r', '\n1,"2\n2"\r', '\n3,4'], 1)
    expect(batches.map((b) => [b.text, b.line])).toEqual([['a,b\r\n', 1], ['1,"2\n2"\r\n', 2], ['3,4', 4]])
    expect((await batchesOf(['a,b\r1,2\r', '3,4\r'], 1)).map((b) => b.text)).toEqual(['a,b\r1,2\r3,4\r'])
  })
})
