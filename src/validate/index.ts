export { validateDataset, validateValue, type ValidationResult } from './validate.ts'
export type { Problem } from './problem.ts'
