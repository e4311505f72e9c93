import validateSchema from '../model/schema-validator.generated.js'
import type { EventDataset } from '../model/index.ts'
import { integrityProblems } from './integrity.ts'
import { LineIndex, excessDepth, maxDepth, place, scan } from './json-text.ts'
import type { PathProblem, Problem } from './problem.ts'
import { schemaProblems } from './schema-messages.ts'

export type ValidationResult =
  | { ok: true; dataset: EventDataset; problems: [] }
  | { ok: false; dataset?: undefined; problems: Problem[] }

const fail = (problems: Problem[]): ValidationResult => ({ ok: false, problems })

const byPosition = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column

function check(input: string): ValidationResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const lines = new LineIndex(text)
  if (text.trim() === '') return fail([{ path: '', line: 1, column: 1, message: 'the file is empty: expected a JSON object' }])

  const deep = excessDepth(text)
  if (deep !== -1) {
    return fail([{ path: '', ...lines.position(deep), message: `nesting deeper than ${maxDepth} levels: this is not an event dataset` }])
  }
  const { syntax, duplicates } = scan(text, lines)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return fail([syntax ?? { path: '', line: 1, column: 1, message: `JSON syntax error: ${(error as Error).message}` }])
  }
  if (syntax) return fail([syntax])

  const pathProblems: PathProblem[] = [...duplicates]
  if (validateSchema(data)) pathProblems.push(...integrityProblems(data))
  else pathProblems.push(...schemaProblems(validateSchema.errors ?? [], data))

  if (pathProblems.length > 0) return fail(place(text, lines, pathProblems).sort(byPosition))
  return { ok: true, dataset: data as EventDataset, problems: [] }
}

/**
 * Validates a dataset given as a value rather than text (an element's `data` property). A valid
 * value is checked in place, with no JSON round trip; an invalid one is written out as indented
 * JSON, so that its problems have lines and columns in that text.
 */
export function validateValue(value: unknown): ValidationResult {
  try {
    if (validateSchema(value) && integrityProblems(value).length === 0) return { ok: true, dataset: value, problems: [] }
  } catch {
    // A value JSON cannot hold (a Date, a cycle) is judged by its JSON text below.
  }
  let text: string | undefined
  try {
    text = JSON.stringify(value, null, 2)
  } catch (error) {
    return fail([{ path: '', line: 1, column: 1, message: `the data cannot be written as JSON: ${error instanceof Error ? error.message : String(error)}` }])
  }
  return validateDataset(text ?? '')
}

/**
 * Parses and validates a dataset's JSON text: syntax, schema, dates and references.
 * Returns the typed dataset, or every problem with its line and column. Never throws.
 * @example
 * const result = validateDataset(await file.text())
 * if (!result.ok) for (const p of result.problems) console.log(`${p.line}:${p.column}: ${p.message}`)
 */
export function validateDataset(text: string): ValidationResult {
  if (typeof text !== 'string') return fail([{ path: '', line: 1, column: 1, message: `expected the dataset as text, got ${typeof text}` }])
  try {
    return check(text)
  } catch (error) {
    return fail([{ path: '', line: 1, column: 1, message: `could not validate the dataset: ${error instanceof Error ? error.message : String(error)}` }])
  }
}
