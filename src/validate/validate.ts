import validateSchema from '../model/schema-validator.generated.js'
import type { EventDataset } from '../model/index.ts'
import { stripBom } from './bom.ts'
import { eventsPerStep, integrityChecks, integrityProblems } from './integrity.ts'
import { LineIndex, keyTwiceOrTooDeep, place, scanJson } from './json-text.ts'
import type { PathProblem, Problem } from './problem.ts'
import { say, sayAtStart, saying } from './say.ts'
import { schemaProblems } from './schema-messages.ts'
import { messageOf } from '../message-of.ts'

export type ValidationResult =
  | { ok: true; dataset: EventDataset; problems: [] }
  | { ok: false; dataset?: undefined; problems: Problem[] }

const fail = (problems: Problem[]): ValidationResult => ({ ok: false, problems })

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const byPosition = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column

/** How many problems a result lists; a problem after them says how many more there are. */
export const maxProblems = 1000

/** The first `maxProblems` of problems in document order, then one at the next that counts those left. */
function listed(problems: Problem[]): Problem[] {
  if (problems.length <= maxProblems) return problems
  const next = problems[maxProblems]!
  const more = problems.length - maxProblems
  const { message, said } = say('moreProblems', { count: more })
  return [...problems.slice(0, maxProblems), saying({ path: next.path, line: next.line, column: next.column, message, more }, said)]
}

/** Whether a step-by-step check (a generator) ends with true, run through at once. */
function finish(steps: Generator<void, boolean, void>): boolean {
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

/**
 * A valid text costs one JSON.parse, one pass for keys given twice and the schema: the
 * position-tracking scan runs only once something is wrong, to say where.
 */
function check(input: string): ValidationResult {
  const text = stripBom(input)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return locate(text)
  }
  if (finish(keyTwiceOrTooDeep(text)) || !validateSchema(data) || integrityProblems(data).length > 0) return locate(text, { data })
  return { ok: true, dataset: data as EventDataset, problems: [] }
}

/** Every problem of a text with something wrong, each at its line and column; `parsed` holds its JSON.parse when that is already done. */
function locate(text: string, parsed?: { data: unknown }): ValidationResult {
  const lines = new LineIndex(text)
  const { syntax, duplicates } = scanJson(text, lines)
  if (syntax) return fail([syntax])
  let data: unknown
  try {
    data = parsed ? parsed.data : JSON.parse(text)
  } catch (error) {
    return fail([sayAtStart('jsonSyntax', { what: (error as Error).message })])
  }

  // concat, not push(...): hundreds of thousands of arguments overflow the stack.
  const pathProblems = duplicates.concat(validateSchema(data) ? integrityProblems(data) : schemaProblems(validateSchema.errors ?? [], data))

  if (pathProblems.length > 0) return fail(listed(place(text, lines, pathProblems).sort(byPosition)))
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
  return locateValue(value)
}

/** A value that failed the quick check, written out as indented JSON and located in that text. */
function locateValue(value: unknown): ValidationResult {
  let text: string | undefined
  try {
    text = JSON.stringify(value, null, 2)
  } catch (error) {
    return fail([sayAtStart('notJson', { error: messageOf(error) })])
  }
  return neverThrowing(() => locate(text ?? ''))
}

/** The result of a check, or one problem saying why it could not run. */
function neverThrowing(check: () => ValidationResult): ValidationResult {
  try {
    return check()
  } catch (error) {
    return fail([sayAtStart('checkFailed', { error: messageOf(error) })])
  }
}

/**
 * Parses and validates a dataset's JSON text: syntax, schema, dates and references.
 * Returns the typed dataset, or its problems with their lines and columns, in document order:
 * past `maxProblems`, one last problem counts the rest (see `problemCount`). Never throws.
 * @example
 * const result = validateDataset(await file.text())
 * if (!result.ok) for (const p of result.problems) console.log(`${p.line}:${p.column}: ${p.message}`)
 */
export function validateDataset(text: string): ValidationResult {
  if (typeof text !== 'string') return fail([sayAtStart('notText', { type: typeof text })])
  return neverThrowing(() => check(text))
}


/** Awaits `pause()` once `budgetMs` has passed since the last pause. */
function stepper(pause: () => Promise<unknown>, budgetMs: number): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < budgetMs) return
    await pause()
    since = performance.now()
  }
}

/** Whether a parsed value is a valid dataset, found a few hundred events at a time. */
async function validInSteps(value: unknown, step: () => Promise<void>): Promise<boolean> {
  if (!isRecord(value) || !Array.isArray(value.events)) return false
  const events: unknown[] = value.events
  try {
    // Everything but the events, then the events in slices inside an otherwise valid dataset.
    if (!validateSchema({ ...value, events: [] })) return false
    const shell = { schemaVersion: '1.0', id: 'slice', title: 'slice', sources: [], actors: [], events: [] as unknown[] }
    for (let from = 0; from < events.length; from += eventsPerStep) {
      await step()
      if (!validateSchema({ ...shell, events: events.slice(from, from + eventsPerStep) })) return false
    }
    const problems: PathProblem[] = []
    const checks = integrityChecks(value as unknown as EventDataset, problems)
    while (!checks.next().done && problems.length === 0) await step()
    return problems.length === 0
  } catch {
    // A value no JSON text could give (a cycle, a Date): the full check says what is wrong.
    return false
  }
}

/**
 * Checks a value as `validateValue` does, with the same result, but a few hundred events at a
 * time, awaiting `pause()` between steps once `budgetMs` has passed since the last pause: a page
 * drawing the data stays responsive while a large dataset is checked.
 * @example const result = await validateValueInSteps(data, () => new Promise((r) => setTimeout(r)))
 */
export async function validateValueInSteps(value: unknown, pause: () => Promise<unknown>, budgetMs = 8): Promise<ValidationResult> {
  if (await validInSteps(value, stepper(pause, budgetMs))) return { ok: true, dataset: value as EventDataset, problems: [] }
  // A problem found: located once in the value's JSON text, without checking it again first.
  return locateValue(value)
}

/**
 * Checks a dataset's text as `validateDataset` does, with the same result, in steps as
 * `validateValueInSteps` does. `parsed`, when given, is `JSON.parse` of the text, already done.
 */
export async function validateDatasetInSteps(text: string, pause: () => Promise<unknown>, budgetMs = 8, parsed?: unknown): Promise<ValidationResult> {
  if (typeof text !== 'string') return validateDataset(text)
  const clean = stripBom(text)
  let value = parsed
  if (value === undefined) {
    try {
      value = JSON.parse(clean)
    } catch {
      return neverThrowing(() => locate(clean))
    }
  }
  const step = stepper(pause, budgetMs)
  const suspect = keyTwiceOrTooDeep(clean)
  let found = suspect.next()
  while (!found.done) {
    await step()
    found = suspect.next()
  }
  if (!found.value && (await validInSteps(value, step))) return { ok: true, dataset: value as EventDataset, problems: [] }
  // A problem found: located once, without checking or parsing the text again first.
  return neverThrowing(() => locate(clean, { data: value }))
}
