// Generated from data/event-dataset.schema.json by `npm run generate`. Do not edit.
import type { ErrorObject } from 'ajv'
import type { EventDataset } from './types.generated.ts'
/** Checks a parsed value against the schema; on failure the problems are in `validate.errors`. */
declare const validate: ((data: unknown) => data is EventDataset) & { errors?: ErrorObject[] | null }
export default validate
