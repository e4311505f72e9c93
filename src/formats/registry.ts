import type { EventDataset } from '../model/index.ts'
import { validateDataset, validateValue, type Problem } from '../validate/index.ts'
import { stripBom } from '../validate/bom.ts'
import { atStart } from '../validate/at-start.ts'
import { messageOf } from '../message-of.ts'
import type { Codec, Imported, ReadOptions, SourcePlace } from './format.ts'

// One seam for every format: each is an entry here (how a file shows it is one: its name, its
// media type, its first bytes) and a module loaded on demand that reads text into a dataset and
// problems, writes a dataset, or both. The element's `src`, the editor's Open, drop and Save as,
// and the CLI all go through it. This module stays small: a page pays for a reader only when it
// meets that format.

export type FormatId = 'json' | 'arrow' | 'csv'

export interface FormatInfo {
  id: FormatId
  /** What a person calls it, for menus and messages. */
  label: string
  /** File name endings, lower case, the first being the one written. */
  extensions: readonly string[]
  mediaTypes: readonly string[]
  /** Whether the start of a file (its first 4,096 characters, byte-order mark dropped) shows it is in this format. */
  sniff?: (head: string) => boolean
  reads: boolean
  writes: boolean
  load: () => Promise<Codec>
}

/** Our own JSON and Arrow have readers of their own (the validator's, with a worker for large files); their entries here serve detection and writing. */
const own = async (id: 'json' | 'arrow'): Promise<Codec> =>
  id === 'arrow'
    ? { write: (await import('./arrow.ts')).writeArrow }
    : { write: (dataset: EventDataset) => JSON.stringify(dataset, null, 2) + '\n' }

export const formats: readonly FormatInfo[] = [
  {
    id: 'arrow', label: 'Apache Arrow IPC', extensions: ['.arrow', '.arrows', '.feather'],
    mediaTypes: ['application/vnd.apache.arrow.file', 'application/vnd.apache.arrow.stream'],
    reads: true, writes: true, load: () => own('arrow'),
  },
  {
    id: 'json', label: 'Event dataset (JSON)', extensions: ['.json'], mediaTypes: ['application/json'],
    sniff: (head) => /^\s*\{/.test(head), reads: true, writes: true, load: () => own('json'),
  },
  {
    id: 'csv', label: 'CSV (spreadsheet)', extensions: ['.csv'], mediaTypes: ['text/csv'],
    sniff: (head) => /^[^\n{[]*,/.test(head), reads: true, writes: true, load: async () => (await import('./csv.ts')).codec,
  },
]

export const formatById = (id: string): FormatInfo | undefined => formats.find((f) => f.id === id)

/** "ARROW1": how an Arrow IPC file starts (and ends). */
const arrowMagic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]

/** Whether bytes are Arrow IPC: a file by its magic, a stream by its first message's continuation marker (0xFFFFFFFF). */
export function isArrow(bytes: Uint8Array): boolean {
  if (arrowMagic.every((b, i) => bytes[i] === b)) return true
  return bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff
}

/** The ending of a file name (or URL path), lower case: "data.CSV?x=1" → ".csv". */
function endingOf(name: string): string {
  const path = name.replace(/[?#].*$/, '').toLowerCase()
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/') ? path.slice(dot) : ''
}

/** The formats a name or media type claims; several share `.json` and `.csv`, which their first bytes tell apart. */
function claimedBy(name: string | undefined, mediaType: string | undefined): FormatInfo[] {
  const type = mediaType?.split(';')[0]!.trim().toLowerCase()
  const ending = name ? endingOf(name) : ''
  return formats.filter((f) => (type && f.mediaTypes.includes(type)) || (ending && f.extensions.includes(ending)))
}

export interface FileFacts {
  bytes: Uint8Array
  name?: string
  mediaType?: string
}

/**
 * The format a file is in: Arrow by its first bytes; otherwise the format whose first bytes it
 * shows, preferring those its name or media type claim; failing all, JSON, whose reader says
 * where the file stops being JSON.
 */
export function detectFormat({ bytes, name, mediaType }: FileFacts): FormatInfo {
  if (isArrow(bytes)) return formatById('arrow')!
  const head = stripBom(new TextDecoder().decode(bytes.subarray(0, 4096)))
  const claimed = claimedBy(name, mediaType).filter((f) => f.id !== 'arrow')
  const sniffed = formats.filter((f) => f.reads && f.sniff?.(head))
  return claimed.find((f) => sniffed.includes(f)) ?? sniffed[0] ?? claimed.find((f) => f.reads) ?? formatById('json')!
}

/** The format a file name asks for when writing (`.arrow`, `.csv`…), or null when its ending names none. */
export function formatOfName(name: string): FormatInfo | null {
  const ending = endingOf(name)
  return formats.find((f) => f.writes && f.extensions[0] === ending) ?? formats.find((f) => f.writes && f.extensions.includes(ending)) ?? null
}

/** An imported dataset after the validator: the dataset, or the problems and (when one could be built) the value they are in. */
export type Checked = { notes: string[] } & (
  | { ok: true; dataset: EventDataset; problems: [] }
  | { ok: false; dataset?: undefined; problems: Problem[]; value?: Record<string, unknown> | null }
)

/** A dataset read from a file in any format, checked as every dataset is; `notes` say what was converted and what was dropped (none for our own formats). */
export type ReadResult = Checked & { format: FormatInfo }

/**
 * Reads a file in any format into a validated dataset, or its problems at their place in the
 * source file (a CSV's row and column, a JSON file's line and column). `format` forces a format
 * rather than detecting it. Never throws.
 * @example const result = await readFile({ bytes, name: 'acled.csv' })
 */
export async function readFile(file: FileFacts, options: ReadOptions & { format?: FormatId | string } = {}): Promise<ReadResult> {
  const format = options.format ? formatById(options.format) : detectFormat(file)
  if (!format?.reads) {
    const readable = formats.filter((f) => f.reads).map((f) => f.id).join(', ')
    return { format: format ?? formatById('json')!, notes: [], ok: false, problems: [atStart(`cannot read ${options.format} files (formats read: ${readable})`)] }
  }
  try {
    if (format.id === 'arrow') {
      const { arrowToDataset, readArrow } = await import('./arrow.ts')
      return { format, notes: [], ...validateValue(arrowToDataset(readArrow(file.bytes))) }
    }
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes)
    } catch {
      return { format, notes: [], ok: false, problems: [atStart('cannot read the file: it is not UTF-8 text; save it as UTF-8 and try again')] }
    }
    if (format.id === 'json') return { format, notes: [], ...validateDataset(text) }
    const codec = await format.load()
    return { format, ...checkImported(codec.read!(text, { ...options, name: options.name ?? file.name })) }
  } catch (error) {
    return { format, notes: [], ok: false, problems: [atStart(`cannot read the file as ${format.label}: ${messageOf(error)}`)] }
  }
}

/** An importer's dataset through the validator, whose problems are moved to their place in the source file. */
export function checkImported(imported: Imported): Checked {
  const { value, problems, notes } = imported
  if (value === null) return { notes, ok: false, problems: problems.length > 0 ? problems : [atStart('nothing could be read from the file')], value }
  const checked = validateValue(value)
  if (checked.ok && problems.length === 0) return { notes, ...checked }
  // A problem the reader already gave (a date it could not read) is not said twice.
  const said = new Set(problems.map((p) => p.path).filter(Boolean))
  const moved = checked.problems.filter((p) => !said.has(p.path)).map((p) => inSource(p, imported.locate))
  return { notes, ok: false, problems: [...problems, ...moved].sort((a, b) => a.line - b.line || a.column - b.column), value }
}

/** A problem the validator found in the converted dataset, put at the source's place that value came from. */
function inSource(problem: Problem, locate: (path: string) => SourcePlace | undefined): Problem {
  for (let path = problem.path; ; path = path.slice(0, path.lastIndexOf('/'))) {
    const place = locate(path)
    if (place) return { ...problem, line: place.line, column: place.column, message: `${place.label}: ${problem.message}` }
    if (path === '') return { ...problem, line: 1, column: 1, message: problem.path ? `${problem.path}: ${problem.message}` : problem.message }
  }
}

/** Writes a dataset in a format that has a writer. */
export async function writeFormat(dataset: EventDataset, id: FormatId | string): Promise<string | Uint8Array> {
  const format = formatById(id)
  if (!format?.writes) throw new Error(`cannot write ${id} files (formats written: ${formats.filter((f) => f.writes).map((f) => f.id).join(', ')})`)
  return (await format.load()).write!(dataset)
}
