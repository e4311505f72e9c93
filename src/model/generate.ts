// Builds the TypeScript types and the precompiled validator from the JSON Schema,
// so the schema in data/ stays the one source of truth. Run with `npm run generate`.
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import standaloneCode from 'ajv/dist/standalone/index.js'

type Schema = { [keyword: string]: unknown }

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
export const schemaPath = here('../../data/event-dataset.schema.json')
export const typesPath = here('./types.generated.ts')
export const validatorPath = here('./schema-validator.generated.js')
export const validatorTypesPath = here('./schema-validator.generated.d.ts')

const banner = '// Generated from data/event-dataset.schema.json by `npm run generate`. Do not edit.\n'

/** Keywords that only document the schema; the validator drops them (but keeps titles, which name definitions in messages). */
const annotations = new Set(['description', 'examples', 'enumDescriptions', '$comment'])
/** Keywords whose value is a map from names to subschemas. */
const schemaMaps = new Set(['properties', 'patternProperties', '$defs'])
/** The keywords the type generator understands; any other one fails the generation loudly. */
const known = new Set([
  ...annotations, 'title', ...schemaMaps, '$schema', '$id', '$ref', 'type', 'enum', 'required', 'items',
  'additionalProperties', 'pattern', 'minimum', 'maximum',
])

export async function readSchema(): Promise<Schema> {
  return JSON.parse(await readFile(schemaPath, 'utf8'))
}

function stripAnnotations(schema: Schema): Schema {
  const out: Schema = {}
  for (const [key, value] of Object.entries(schema)) {
    if (annotations.has(key)) continue
    if (schemaMaps.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([n, s]) => [n, stripAnnotations(s)]))
    } else if (key === 'items') out[key] = stripAnnotations(value as Schema)
    else out[key] = value
  }
  return out
}

function docComment(text: unknown, indent: string): string {
  return typeof text === 'string' ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : ''
}

function typeOf(schema: Schema, indent: string): string {
  for (const key of Object.keys(schema)) if (!known.has(key)) throw new Error(`generate: unsupported keyword "${key}"`)
  if (typeof schema.$ref === 'string') return schema.$ref.replace('#/$defs/', '')
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v).replace(/"/g, "'")).join(' | ')
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return schema.type
    case 'integer':
      return 'number'
    case 'array':
      return `Array<${typeOf(schema.items as Schema, indent)}>`
    case 'object': {
      const required = new Set((schema.required as string[] | undefined) ?? [])
      const properties = (schema.properties ?? {}) as Record<string, Schema>
      const inner = indent + '  '
      let body = ''
      for (const [name, property] of Object.entries(properties)) {
        const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`
        body += docComment(property.description, inner) + `${inner}${key}${required.has(name) ? '' : '?'}: ${typeOf(property, inner)}\n`
      }
      if (schema.patternProperties) {
        const patterns = Object.keys(schema.patternProperties as object)
        if (patterns.join() !== '^x-') throw new Error(`generate: unsupported patternProperties ${patterns.join()}`)
        body += `${inner}/** A custom field, kept unchanged on load and save. */\n${inner}[custom: \`x-\${string}\`]: unknown\n`
      }
      return `{\n${body}${indent}}`
    }
    default:
      throw new Error(`generate: unsupported type ${JSON.stringify(schema.type)}`)
  }
}

/** TypeScript declarations for the dataset and each of its $defs. */
export function generateTypes(schema: Schema): string {
  let out = banner
  out += docComment(schema.description, '') + `export interface EventDataset ${typeOf(schema, '')}\n`
  for (const [name, def] of Object.entries((schema.$defs ?? {}) as Record<string, Schema>)) {
    const type = typeOf(def, '')
    out += '\n' + docComment(def.description, '') + (def.type === 'object' ? `export interface ${name} ${type}\n` : `export type ${name} = ${type}\n`)
  }
  return out
}

/** How ajv's code takes the errors of a definition it calls: a copy of all errors so far per call. */
const copiedErrors = /vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\);/g

/**
 * Precompiles the schema to plain JavaScript: no eval at run time, so it works under a strict CSP.
 * `verbose` gives each error its parentSchema, whose title and properties the messages use.
 * The errors of each definition called (an event, an actor) are appended in place: ajv copies
 * every error found so far for each one, which takes minutes when every event has an error.
 */
export function generateValidator(schema: Schema): string {
  const Ajv = (Ajv2020 as unknown as { default: typeof Ajv2020 }).default ?? Ajv2020
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, code: { source: true, esm: true, lines: false } })
  const validate = ajv.compile(stripAnnotations(schema))
  const standalone = (standaloneCode as unknown as { default: typeof standaloneCode }).default ?? standaloneCode
  let imports = ''
  const code = standalone(ajv, validate).replace(
    /const (\w+) = require\("([^"]+)"\)\.default;/g,
    (_, name: string, module: string) => {
      imports += `import ${name} from ${JSON.stringify(module + '.js')};\n`
      return ''
    },
  )
  const appended = code.replace(copiedErrors, (_, callee: string) => `if (vErrors === null) vErrors = ${callee}.errors; else for (const e of ${callee}.errors) vErrors.push(e);`)
  if (appended.includes('vErrors.concat(')) throw new Error('ajv copies errors in a form generate.ts does not know: see copiedErrors')
  return banner + '// @ts-nocheck\n' + imports + appended.replace(/^"use strict";/, '') + '\n'
}

/** Declarations for the generated validator module. */
export const validatorTypes = `${banner}import type { ErrorObject } from 'ajv'
import type { EventDataset } from './types.generated.ts'
/** Checks a parsed value against the schema; on failure the problems are in \`validate.errors\`. */
declare const validate: ((data: unknown) => data is EventDataset) & { errors?: ErrorObject[] | null }
export default validate
`

async function main() {
  const schema = await readSchema()
  await writeFile(typesPath, generateTypes(schema))
  await writeFile(validatorPath, generateValidator(schema))
  await writeFile(validatorTypesPath, validatorTypes)
  console.log(`wrote ${typesPath}\nwrote ${validatorPath}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
