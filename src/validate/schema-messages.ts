import type { ErrorObject } from 'ajv'
import { describe, didYouMean, pointer, segments as decode, show, type PathProblem } from './problem.ts'

/** What each pattern in the schema means, by the title of its definition or else the field's name. */
const patterns: Record<string, string> = {
  Id: 'expected lowercase letters, digits and hyphens, such as "convoy-attack"',
  CalendarDate: 'expected a calendar date as YYYY-MM-DD',
  Url: 'expected an http://, https:// or mailto: address',
  CountryCode: 'expected an ISO 3166-1 alpha-3 country code such as "SYR"',
  cameo: 'expected a CAMEO code of two to four digits, such as "195"',
  language: 'expected a BCP 47 language tag such as "en" or "fr-CA"',
}

type Schema = { title?: string; properties?: Record<string, unknown> }

const typeNames: Record<string, string> = {
  object: 'an object',
  array: 'an array',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
}

/** The field a path names: "status", or "tags[1]" for an array item. */
function fieldName(path: string): string {
  const segments = decode(path)
  const last = segments.at(-1)
  if (last === undefined) return 'dataset'
  if (/^\d+$/.test(last)) return `${segments.at(-2) ?? 'item'}[${last}]`
  return last
}

const valueAt = (root: unknown, path: string): unknown =>
  decode(path).reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined),
    root,
  )

/** Turns ajv's errors into messages that name the field, the bad value and what is allowed. */
export function schemaProblems(errors: ErrorObject[], root: unknown): PathProblem[] {
  const problems: PathProblem[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    const path = error.instancePath
    const field = fieldName(path)
    const value = valueAt(root, path)
    const parent = (error.parentSchema ?? {}) as Schema
    let problem: PathProblem
    switch (error.keyword) {
      case 'enum': {
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String)
        problem = {
          path,
          message: `invalid ${field} ${show(value)} (expected one of ${allowed.join(', ')})${typeof value === 'string' ? didYouMean(value, allowed) : ''}`,
        }
        break
      }
      case 'type': {
        const expected = String((error.params as { type: string }).type)
        problem =
          path === ''
            ? { path, message: `the dataset must be a JSON object, not ${describe(value)}` }
            : { path, message: `invalid ${field}: expected ${typeNames[expected] ?? expected}, got ${describe(value)}` }
        break
      }
      case 'required': {
        const missing = (error.params as { missingProperty: string }).missingProperty
        const id = (value as { id?: unknown } | undefined)?.id
        const owner = path === '' ? 'the dataset' : typeof id === 'string' ? `${field} ${JSON.stringify(id)}` : field
        problem = { path, message: `missing required field ${JSON.stringify(missing)} in ${owner}` }
        break
      }
      case 'additionalProperties': {
        const key = (error.params as { additionalProperty: string }).additionalProperty
        const allowed = Object.keys(parent.properties ?? {})
        problem = {
          path: path + pointer(key),
          at: 'key',
          message: `unknown field ${JSON.stringify(key)}${didYouMean(key, allowed)} (allowed: ${allowed.join(', ')}, or a custom field starting with "x-")`,
        }
        break
      }
      case 'pattern': {
        const meaning = patterns[parent.title ?? field]
        problem =
          parent.title === 'Text'
            ? { path, message: `${field} must not be blank` }
            : { path, message: `invalid ${field} ${show(value)} (${meaning ?? `expected text matching ${(error.params as { pattern: string }).pattern}`})` }
        break
      }
      case 'minimum':
      case 'maximum': {
        const limit = (error.params as { limit: number }).limit
        problem = { path, message: `invalid ${field} ${show(value)} (expected ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${limit})` }
        break
      }
      default:
        problem = { path, message: `invalid ${field}: ${error.message ?? error.keyword}` }
    }
    const key = `${problem.path}\n${problem.message}`
    if (!seen.has(key)) problems.push(problem), seen.add(key)
  }
  return problems
}
