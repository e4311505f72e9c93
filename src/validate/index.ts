export { maxProblems, validateDataset, validateValue, validateValueInSteps, validateDatasetInSteps, type ValidationResult } from './validate.ts'
export { problemCount } from './problem-count.ts'
export type { Problem, ProblemSaid } from './problem.ts'
