// A module of its own: the element imports it before the first paint, without the validator's wording helpers.
import type { Problem } from './problem.ts'

/** A problem with the whole file or load rather than a place in it, given at its start. */
export const atStart = (message: string): Problem => ({ path: '', line: 1, column: 1, message })
