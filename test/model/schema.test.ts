import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  generateTypes, generateValidator, readSchema, typesPath, validatorPath, validatorTypes, validatorTypesPath,
} from '../../src/model/generate.ts'
import validateSchema from '../../src/model/schema-validator.generated.js'
import { sampleDataset } from '../fixtures/dataset.ts'

type Node = { [key: string]: unknown }

/** Every subschema, with its location, for checks that must hold everywhere. */
function* subschemas(node: Node, path = '#'): Generator<[string, Node]> {
  yield [path, node]
  for (const map of ['properties', '$defs'] as const) {
    for (const [name, child] of Object.entries((node[map] ?? {}) as Record<string, Node>)) yield* subschemas(child, `${path}/${map}/${name}`)
  }
  if (node.items) yield* subschemas(node.items as Node, `${path}/items`)
}

describe('the JSON Schema', () => {
  it('is the source of the committed TypeScript types and validator (run `npm run generate` after editing it)', async () => {
    const schema = await readSchema()
    expect(await readFile(typesPath, 'utf8')).toBe(generateTypes(schema))
    expect(await readFile(validatorPath, 'utf8')).toBe(generateValidator(schema))
    expect(await readFile(validatorTypesPath, 'utf8')).toBe(validatorTypes)
  })

  it('describes every field, and every enum value', async () => {
    const undocumented: string[] = []
    for (const [path, node] of subschemas(await readSchema())) {
      // Array items are $refs to a documented definition.
      if (path.includes('/properties/') && !path.endsWith('/items') && typeof node.description !== 'string') undocumented.push(path)
      if (Array.isArray(node.enum)) {
        const descriptions = node.enumDescriptions as unknown[] | undefined
        if (descriptions?.length !== node.enum.length) undocumented.push(`${path} (enum values)`)
      }
    }
    expect(undocumented).toEqual([])
  })

  it('uses only keywords that mean the same in draft-07, so VS Code validates with it', async () => {
    const draft07Compatible = new Set([
      '$schema', '$id', '$ref', '$defs', 'title', 'description', 'examples', 'type', 'enum', 'enumDescriptions',
      'required', 'properties', 'patternProperties', 'additionalProperties', 'items', 'pattern', 'minimum', 'maximum',
    ])
    const used = new Set<string>()
    for (const [, node] of subschemas(await readSchema())) Object.keys(node).forEach((k) => used.add(k))
    expect([...used].filter((k) => !draft07Compatible.has(k))).toEqual([])
  })

  it('forbids unknown keys but allows x- keys on every object', async () => {
    const open: string[] = []
    for (const [path, node] of subschemas(await readSchema())) {
      if (node.type !== 'object') continue
      const patterns = Object.keys((node.patternProperties ?? {}) as object)
      if (node.additionalProperties !== false || patterns.join() !== '^x-') open.push(path)
    }
    expect(open).toEqual([])
  })

  it('has its validator report an error on every one of 50,000 events, each once', () => {
    const data = sampleDataset()
    const template = data.events[1]!
    data.events = Array.from({ length: 50_000 }, (_, i) => ({ ...template, id: `event-${i}`, status: 'planed' as 'planned' }))
    data.relations = []
    expect(validateSchema(data)).toBe(false)
    const errors = validateSchema.errors ?? []
    expect(errors).toHaveLength(50_000)
    expect(errors.at(-1)?.instancePath).toBe('/events/49999/status')
    expect(new Set(errors.map((e) => e.instancePath)).size).toBe(50_000)
  })
})
