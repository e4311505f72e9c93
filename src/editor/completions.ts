import type { JSONPath } from 'jsonc-parser'
import type { EventDataset } from '../model/index.ts'

type Schema = {
  $ref?: string
  properties?: Record<string, Schema>
  items?: Schema
  enum?: unknown[]
  enumDescriptions?: string[]
  description?: string
  $defs?: Record<string, Schema>
}

export interface Suggestion {
  /** The JSON to insert, quotes included. */
  value: string
  label: string
  detail?: string
}

/** The subschema that describes the value at `path`, following $refs; undefined off the schema. */
export function schemaAt(root: Schema, path: JSONPath): Schema | undefined {
  const resolve = (node: Schema | undefined): Schema | undefined =>
    node?.$ref ? resolve(root.$defs?.[node.$ref.replace('#/$defs/', '')]) : node
  let node = resolve(root)
  for (const segment of path) {
    node = resolve(typeof segment === 'number' ? node?.items : node?.properties?.[segment])
    if (!node) return undefined
  }
  return node
}

/** Which list each reference field points into. */
const references: Record<string, keyof Pick<EventDataset, 'actors' | 'events' | 'sources'>> = {
  actor: 'actors',
  partOf: 'actors',
  from: 'events',
  to: 'events',
  source: 'sources',
  anchor: 'sources',
}

/**
 * What may go at the cursor: the fields an object allows (at a key), or, at a value, the values
 * of an enum with their descriptions, or the ids a reference field can point to.
 */
export function suggestionsAt(schema: Schema, path: JSONPath, atKey: boolean, dataset?: Partial<EventDataset>): Suggestion[] {
  if (atKey) {
    const object = schemaAt(schema, path.slice(0, -1))
    return Object.entries(object?.properties ?? {}).map(([name, field]) => ({
      value: JSON.stringify(name),
      label: name,
      detail: field.description ?? schemaAt(schema, [...path.slice(0, -1), name])?.description,
    }))
  }
  const field = path.at(-1)
  const node = schemaAt(schema, path)
  if (node?.enum) {
    return node.enum.map((value, i) => ({ value: JSON.stringify(value), label: String(value), detail: node.enumDescriptions?.[i] }))
  }
  const list = typeof field === 'string' ? references[field] : undefined
  if (list && Array.isArray(dataset?.[list])) {
    return (dataset[list] as Array<{ id?: unknown; name?: unknown; title?: unknown; headline?: unknown }>)
      .filter((item) => typeof item.id === 'string')
      .map((item) => ({ value: JSON.stringify(item.id), label: String(item.id), detail: String(item.name ?? item.title ?? item.headline ?? '') }))
  }
  return []
}
