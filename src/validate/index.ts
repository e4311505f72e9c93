export { validateDataset, validateValue, validateValueInSteps, validateDatasetInSteps, type ValidationResult } from './validate.ts'
export type { Problem } from './problem.ts'
