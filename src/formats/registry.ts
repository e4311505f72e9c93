import type { EventDataset } from '../model/index.ts'
import { validateDataset, validateValue, type Problem } from '../validate/index.ts'
import { atStart } from '../validate/at-start.ts'
import { messageOf } from '../message-of.ts'
import { detectFormat, formatById, formats, type FileFacts, type FormatId, type FormatInfo } from './catalogue.ts'
import type { Imported, ReadOptions, SourcePlace } from './format.ts'

// One seam for every format: the catalogue (catalogue.ts) tells a file's format from its name,
// media type and first bytes, and loads that format's module on demand; here a file in any
// format becomes a validated dataset, or problems at their place in the source file. The
// element's `src`, the editor's Open, drop and Save as, and the CLI all go through it.

export { detectFormat, formatById, formatOfName, formats, isArrow, writeFormat, type FileFacts, type FormatId, type FormatInfo } from './catalogue.ts'

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

