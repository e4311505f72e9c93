import type { ProblemKey } from './words/en.ts'
import { english } from './say.ts'

/**
 * What a problem says, as a message of the problem catalogues (src/validate/words/) and the values
 * that fill it, some of them messages too: worded in a reader's language when shown.
 * @example { key: 'unknownId', values: { kind: 'actor', id: '"rusia"' } } // unknown actor "rusia"
 */
export interface ProblemSaid {
  readonly key: ProblemKey
  readonly values?: Readonly<Record<string, string | number | ProblemSaid>>
}

/** One thing wrong with a dataset, where it is (1-based line and column) and what to do about it. */
export interface Problem {
  /** JSON Pointer to the offending value ("" for the whole document). */
  path: string
  line: number
  column: number
  /** What is wrong, in English: the English problem catalogue's words for `said`, when there is one. */
  message: string
  /**
   * What `message` says, for a reader in another language (`problemMessage` in
   * words/problem-words.ts words it): on every problem the validator finds, absent on those
   * others make (a converter's). Not enumerable, so JSON, spreads, structured clones and
   * equality in tests see a problem as `{ path, line, column, message }`: code that copies a
   * problem to change its message (a converter putting "row 5:" first) does not keep words
   * that no longer say it.
   */
  readonly said?: ProblemSaid
  /**
   * Only on the last problem of a list cut short: it stands for this many problems found after the
   * ones listed, and points at the first of them (count with `problemCount`).
   */
  more?: number
}

/** A problem before it has a position in the text. */
export interface PathProblem {
  path: string
  message: string
  /** What `message` says (see Problem.said); here enumerable, given to the problem `place` makes. */
  said?: ProblemSaid
  /** Point at the property's name rather than its value (for unknown or duplicate keys). */
  at?: 'key' | 'value'
}

/** Quotes a value for a message, cut short when long. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** What a value is, for "expected X, got Y", as a message (see `describe`). */
export const described = (value: unknown): ProblemSaid => ({
  key: 'value',
  values: { kind: value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value, value: show(value) },
})

/** "an array", "the number 3", "the text \"x\"": what a value is, for "expected X, got Y". */
export const describe = (value: unknown): string => english(described(value))

/** One row of the table `distance` works out, kept between calls. */
let row = new Int32Array(64)

/**
 * The edit distance (Levenshtein) of a and b when it is at most `limit`, else limit + 1. Only the
 * cells within `limit` of the diagonal are worked out, and it stops once a row is all over it.
 */
export function distance(a: string, b: string, limit: number): number {
  const over = limit + 1
  if (Math.abs(a.length - b.length) > limit) return over
  if (row.length <= b.length) row = new Int32Array(2 * b.length + 2)
  for (let j = 0; j <= b.length; j++) row[j] = Math.min(j, over)
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit)
    const to = Math.min(b.length, i + limit)
    let diagonal = row[from - 1]!
    // Left of the band, a cell is over the limit (or is the first column).
    row[from - 1] = from === 1 ? Math.min(i, over) : over
    let least = row[from - 1]!
    for (let j = from; j <= to; j++) {
      const above = row[j]!
      const d = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1), over)
      row[j] = d
      diagonal = above
      if (d < least) least = d
    }
    // Right of the band, the next row reads this cell from above.
    if (to < b.length) row[to + 1] = over
    if (least === over) return over
  }
  return row[b.length]!
}

/** How many typos a word of this length may hold and still have a candidate suggested. */
export const typos = (length: number) => Math.min(2, Math.ceil(length / 3))

/** The closest candidate within a couple of typos, for "did you mean …?"; the first of those as close. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase()
  let best: string | undefined
  let bestDistance = typos(word.length) + 1
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase(), bestDistance - 1)
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best
}

/** The decoded segments of a JSON Pointer: "/a~1b/0" → ["a/b", "0"]. */
export const segments = (path: string): string[] =>
  path === '' ? [] : path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))

export const pointer = (...segments: Array<string | number>) =>
  segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
