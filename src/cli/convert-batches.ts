import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { rename, rm } from 'node:fs/promises'
import { AcledReader } from '../formats/acled.ts'
import { csvBatches } from '../formats/csv-batches.ts'
import { CsvTable } from '../formats/csv-table.ts'
import type { Event } from '../model/index.ts'
import { maxProblems, validateValue, type Problem } from '../validate/index.ts'
import { segments } from '../validate/problem.ts'

// An ACLED export converted to our JSON a batch of rows at a time, so that memory stays
// bounded whatever the file's size: the file is read in chunks, cut into batches of whole
// records, each batch's events are made, checked (with every actor and the source made so far)
// and written out at once. The JSON is written to a file beside OUT and renamed to it only when
// every batch was valid: a file with a problem leaves OUT as it was.

/** Rows per check: large enough that the schema's setup is paid rarely, small enough to keep memory low. */
const rowsPerCheck = 5000

export interface BatchReport {
  events: number
  problems: Problem[]
  notes: string[]
}

/** The bytes of a file as text, chunk by chunk; bytes that are not UTF-8 stop the read with a message giving their offset. */
async function* textOf(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let offset = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    try {
      yield decoder.decode(chunk, { stream: true })
    } catch {
      throw new Error(`the bytes after offset ${offset} are not UTF-8 text: save the file as UTF-8 and try again`)
    }
    offset += chunk.length
  }
  yield decoder.decode()
}

/** An event on a line of its own: a file of a hundred thousand events is read by programs more than by people, and indenting each would double the work (`format` indents it). */
const indented = (value: unknown) => `    ${JSON.stringify(value)}`

/**
 * Converts an ACLED export at `input` to a JSON dataset at `output`, in batches. Resolves to
 * what happened: the events written (0 when a problem kept OUT from being written), the
 * problems at their place in IN, and the notes.
 */
export async function convertAcledInBatches(input: string, output: string, name: string): Promise<BatchReport> {
  const partial = `${output}.partial-${process.pid}`
  const stream = createWriteStream(partial)
  const opened = once(stream, 'open')
  // The write goes on while the next batch is read; past the stream's buffer, reading waits for it.
  const out = {
    write: async (text: string) => {
      if (!stream.write(text)) await once(stream, 'drain')
    },
    close: async () => {
      if (stream.closed) return
      stream.end()
      await once(stream, 'close')
    },
  }
  await opened
  let reader: AcledReader | undefined
  let header: string[] = []
  let events = 0
  let written = 0
  const problems: Problem[] = []
  let found = 0
  const say = (more: Problem[]) => {
    found += more.length
    for (const p of more) if (problems.length <= maxProblems) problems.push(p)
  }
  try {
    let pending: string[] = []
    const flush = async () => {
      if (pending.length === 0) return
      await out.write(`${written > 0 ? ',\n' : ''}${pending.join(',\n')}`)
      written += pending.length
      pending = []
    }
    // The record the next batch starts at (0 is the header).
    let record = 0
    for await (const batch of csvBatches(textOf(input))) {
      const table = record === 0 ? new CsvTable(batch.text) : new CsvTable(batch.text, { header, line: batch.line, record })
      record += table.recordCount
      if (!reader) {
        header = table.header
        reader = new AcledReader(header, { name })
        if (reader.missing.length > 0) return { events: 0, problems: reader.problems, notes: [] }
        const about = reader.dataset([])
        await out.write(`{\n  "schemaVersion": ${JSON.stringify(about.schemaVersion)},\n  "id": ${JSON.stringify(about.id)},\n  "title": ${JSON.stringify(about.title)},\n  "events": [\n`)
      }
      for (let from = 0; from < table.rows.length; from += rowsPerCheck) {
        const rows = table.rows.slice(from, from + rowsPerCheck)
        const first = events
        const made: Event[] = rows.map((cells, i) => reader!.add(cells, table.rowNumber(from + i), (column) => table.place(from + i, column)))
        events += made.length
        const checked = validateValue(reader.dataset(made))
        if (!checked.ok) say(checked.problems.map((p) => inRow(p, reader!, table, from, first)))
        if (problems.length === 0 && reader.problems.length === 0) pending.push(...made.map(indented))
        if (pending.length >= rowsPerCheck) await flush()
      }
    }
    if (!reader) return { events: 0, problems: [{ path: '', line: 1, column: 1, message: 'the file is empty: an ACLED export starts with its header row' }], notes: [] }
    say(reader.problems)
    if (problems.length > 0) return { events: 0, problems: listed(problems, found), notes: reader.notes() }
    await flush()
    const about = reader.dataset([])
    await out.write(`${written > 0 ? '\n' : ''}  ],\n  "sources": ${indentedTail(about.sources)},\n  "actors": ${indentedTail(about.actors)}\n}\n`)
    await out.close()
    await rename(partial, output)
    return { events, problems: [], notes: reader.notes() }
  } finally {
    await out.close().catch(() => undefined)
    await rm(partial, { force: true })
  }
}

/** A value as the JSON writer indents it at the top level's depth. */
const indentedTail = (value: unknown) => JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')

/** The problems kept (the first found) in the file's order; past `maxProblems`, one more that counts the rest of the `found`. */
function listed(problems: Problem[], found: number): Problem[] {
  const sorted = problems.sort((a, b) => a.line - b.line || a.column - b.column)
  if (found <= maxProblems) return sorted
  const more = found - maxProblems
  return [...sorted.slice(0, maxProblems), { ...sorted[maxProblems]!, message: `…and ${more} more problem${more === 1 ? '' : 's'} from here on, not listed`, more }]
}

/** A problem the validator found in a batch's events, put at the row and cell it came from. */
function inRow(problem: Problem, reader: AcledReader, table: CsvTable, from: number, first: number): Problem {
  const [list, at, ...rest] = segments(problem.path)
  const n = Number(at)
  const place = list === 'actors'
    ? reader.actorPlace(n)
    : list === 'events' && Number.isInteger(n)
      ? (() => {
          const [cells, placeOf] = reader.rowOf(first + n, table.rows[from + n]!, (column) => table.place(from + n, column))
          const column = reader.columnOf(rest, cells)
          return placeOf(column < 0 ? undefined : column)
        })()
      : undefined
  return place ? { ...problem, line: place.line, column: place.column, message: `${place.label}: ${problem.message}` } : problem
}
