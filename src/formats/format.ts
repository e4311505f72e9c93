import type { EventDataset } from '../model/index.ts'
import type { Problem } from '../validate/problem.ts'

/** A place in a source file, for problems: its 1-based line and column, and what a reader calls it ("row 4, event_date"). */
export interface SourcePlace {
  line: number
  column: number
  /** How the format names the place, put before a problem's message: "row 4, column event_date". */
  label: string
}

/**
 * What a reader makes of a file in another tool's format: a dataset as a value, not yet
 * validated (the validator judges it as any dataset), the problems met while reading it, at
 * their place in the source, and what was converted and what was left behind, in words.
 */
export interface Imported {
  /** The dataset built from the file; null when nothing could be built (no header, not the format). */
  value: Record<string, unknown> | null
  /** Problems in the source file, at its lines and columns. */
  problems: Problem[]
  /** What was converted and what was dropped, one sentence each ("12 events from 12 rows", "the Media column is not kept"). */
  notes: string[]
  /**
   * The place in the source that a JSON Pointer into `value` came from ("/events/3/date/edtf"
   * → row 5, column event_date), so that the validator's problems point into the source file.
   */
  locate(path: string): SourcePlace | undefined
}

/** How a generic CSV's columns map to an event's fields: each field names the column (by its header) that holds it. */
export interface CsvMapping {
  id?: string
  date?: string
  end?: string
  /** The date in words, as the source gives it. */
  dateText?: string
  title?: string
  summary?: string
  actors?: string
  category?: string
  kind?: string
  status?: string
  certainty?: string
  location?: string
  latitude?: string
  longitude?: string
  /** An ISO 3166-1 alpha-3 code (SYR); a country's name joins the location's name instead. */
  country?: string
  fatalities?: string
  fatalitiesLow?: string
  fatalitiesHigh?: string
  tags?: string
}

export interface ReadOptions {
  /** The file's name, which becomes the dataset's title and id when the file has none. */
  name?: string
  /** For a generic CSV: which column holds which field (the default is found from the header). */
  mapping?: CsvMapping
}

/** A format's reader and writer, loaded on demand. */
export interface Codec {
  read?(text: string, options?: ReadOptions): Imported
  write?(dataset: EventDataset): string | Uint8Array
  /** What writing this dataset in the format leaves out, one sentence each ("3 relations are not kept"), for the editor and the CLI to say. */
  lost?(dataset: EventDataset): string[]
}
