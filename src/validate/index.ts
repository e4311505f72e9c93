export { validateDataset, type ValidationResult } from './validate.ts'
export type { Problem } from './problem.ts'
