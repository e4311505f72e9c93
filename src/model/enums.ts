import schema from '../../data/event-dataset.schema.json'

type Enum = { enum?: string[] }
const defs = (schema as unknown as { $defs: Record<string, { properties: Record<string, Enum> }> }).$defs

/** The values the schema allows for a field of one of its definitions: enumOf('Event', 'status') → ['occurred', …]. */
export const enumOf = (def: string, field: string): readonly string[] => defs[def]?.properties[field]?.enum ?? []
