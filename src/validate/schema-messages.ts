import type { ErrorObject } from 'ajv'
import { closest, described, pointer, segments as decode, show, type PathProblem } from './problem.ts'
import { isProblemKey, say } from './say.ts'

type Schema = { title?: string; properties?: Record<string, unknown> }

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
        const near = typeof value === 'string' ? closest(value, allowed) : undefined
        const values = { field, value: show(value), allowed: allowed.join(', ') }
        problem = { path, ...(near === undefined ? say('invalidChoice', values) : say('invalidChoiceNear', { ...values, near: JSON.stringify(near) })) }
        break
      }
      case 'type': {
        const expected = String((error.params as { type: string }).type)
        problem = { path, ...(path === '' ? say('notObject', { got: described(value) }) : say('wrongType', { field, expected, got: described(value) })) }
        break
      }
      case 'required': {
        const name = JSON.stringify((error.params as { missingProperty: string }).missingProperty)
        const id = (value as { id?: unknown } | undefined)?.id
        const words =
          path === '' ? say('missingField', { name }) : typeof id === 'string' ? say('missingFieldInItem', { name, field, id: JSON.stringify(id) }) : say('missingFieldIn', { name, field })
        problem = { path, ...words }
        break
      }
      case 'additionalProperties': {
        const key = (error.params as { additionalProperty: string }).additionalProperty
        const allowed = Object.keys(parent.properties ?? {})
        const near = closest(key, allowed)
        const values = { name: JSON.stringify(key), allowed: allowed.join(', ') }
        problem = { path: path + pointer(key), at: 'key', ...(near === undefined ? say('unknownField', values) : say('unknownFieldNear', { ...values, near: JSON.stringify(near) })) }
        break
      }
      case 'pattern': {
        // The pattern's meaning in words, by the title of its definition or else the field's name.
        const meaning = `pattern.${parent.title ?? field}`
        const values = { field, value: show(value) }
        problem = {
          path,
          ...(parent.title === 'Text'
            ? say('blank', { field })
            : isProblemKey(meaning)
              ? say(meaning, values)
              : say('pattern', { ...values, pattern: (error.params as { pattern: string }).pattern })),
        }
        break
      }
      case 'minimum':
      case 'maximum': {
        const limit = String((error.params as { limit: number }).limit)
        problem = { path, ...say(error.keyword === 'minimum' ? 'atLeast' : 'atMost', { field, value: show(value), limit }) }
        break
      }
      default:
        problem = { path, ...say('invalid', { field, reason: error.message ?? error.keyword }) }
    }
    const key = `${problem.path}\n${problem.message}`
    if (!seen.has(key)) problems.push(problem), seen.add(key)
  }
  return problems
}
