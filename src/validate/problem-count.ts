// A module of its own: the element counts problems before the validator's code has loaded.
import type { Problem } from './problem.ts'

/**
 * How many problems a list stands for: a result lists the first `maxProblems`, then one problem
 * that counts the rest.
 * @example problemCount(validateDataset(text).problems) // 50000, from 1001 problems listed
 */
export const problemCount = (problems: readonly Problem[]): number => problems.reduce((n, p) => n + (p.more ?? 1), 0)
