import { csvParseRows } from 'd3-dsv'
import { stripBom } from '../validate/bom.ts'
import { LineIndex } from '../validate/json-text.ts'
import type { SourcePlace } from './format.ts'

/**
 * A CSV file read as a header and rows (RFC 4180 by d3-dsv: quoted cells may hold commas,
 * quotes and line breaks; rows end in LF, CRLF or CR; a byte-order mark is dropped), with the
 * place of every cell in the source text for problems.
 */
export class CsvTable {
  /** The header's names, trimmed. */
  readonly header: string[]
  /** The rows after the header, leaving out blank ones (no text in any cell); each as long as its line is. */
  readonly rows: string[][]
  /** Each row's index among all the file's records (0 is the header), blank lines counted. */
  private readonly records: number[]
  private readonly text: string
  private starts?: number[]
  private lines?: LineIndex

  /** Where the text starts in its file, when it is a later batch of a file read in batches (see csv-batches.ts). */
  private readonly at: { line: number; record: number }
  /** How many records the text holds, blank ones and (for a whole file) the header included: where the next batch's records start counting. */
  readonly recordCount: number

  /**
   * A whole file's text, or (`continued`) a later batch of whole records of a file read in
   * batches: it has no header row of its own, and its places count from where it starts.
   */
  constructor(text: string, continued?: { header: string[]; line: number; record: number }) {
    this.text = continued ? text : stripBom(text)
    const all = csvParseRows(this.text)
    this.header = continued ? continued.header : (all[0] ?? []).map((name) => name.trim())
    this.at = continued ?? { line: 1, record: 0 }
    this.recordCount = all.length
    this.rows = []
    this.records = []
    for (let i = continued ? 0 : 1; i < all.length; i++) {
      const row = all[i]!
      if (row.every((cell) => cell.trim() === '')) continue
      this.rows.push(row)
      this.records.push(i)
    }
  }

  /** The index of a column by its name, matched without case or surrounding space; -1 when absent. */
  column(name: string): number {
    const wanted = name.trim().toLowerCase()
    return this.header.findIndex((h) => h.toLowerCase() === wanted)
  }

  /** The spreadsheet's number for a row (the header is row 1, blank lines count). */
  rowNumber(row: number): number {
    return this.at.record + (row < 0 ? 0 : this.records[row]!) + 1
  }

  /**
   * Where a cell starts in the source, named as a spreadsheet user finds it: "row 5, column
   * event_date" (or "row 5" without a column). `row` -1 is the header.
   */
  place(row: number, column?: number): SourcePlace {
    const record = row < 0 ? 0 : this.records[row]!
    const offset = this.cellStart(record, column ?? 0)
    const { line, column: col } = (this.lines ??= new LineIndex(this.text)).position(offset)
    const name = column === undefined ? '' : `, column ${this.header[column] || column + 1}`
    return { line: line + this.at.line - 1, column: col, label: `row ${this.at.record + record + 1}${name}` }
  }

  /** The offset where a record's cell starts: a pass that knows quotes finds the records' starts once, then the cell is looked for in its record. */
  private cellStart(record: number, cell: number): number {
    const starts = (this.starts ??= recordStarts(this.text))
    let at = starts[Math.min(record, starts.length - 1)] ?? 0
    const end = starts[record + 1] ?? this.text.length
    let quoted = false
    for (let seen = 0; seen < cell && at < end; at++) {
      const c = this.text.charCodeAt(at)
      if (c === 34) quoted = !quoted
      else if (c === 44 && !quoted) seen++
    }
    return at
  }
}

/** The offset at which each record starts: a line break inside quotes does not end one. */
function recordStarts(text: string): number[] {
  const starts = [0]
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) quoted = !quoted
    else if (!quoted && (c === 10 || c === 13)) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++
      if (i + 1 < text.length) starts.push(i + 1)
    }
  }
  return starts
}
