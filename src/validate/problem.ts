/** One thing wrong with a dataset, where it is (1-based line and column) and what to do about it. */
export interface Problem {
  /** JSON Pointer to the offending value ("" for the whole document). */
  path: string
  line: number
  column: number
  message: string
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
  /** Point at the property's name rather than its value (for unknown or duplicate keys). */
  at?: 'key' | 'value'
}

/** Quotes a value for a message, cut short when long. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** "an array", "a number 3", "\"text\"": what a value is, for "expected X, got Y". */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the text ${show(value)}`
  return `${typeof value === 'number' ? 'the number' : typeof value} ${show(value)}`
}

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

/** ": did you mean "x"?", or nothing without a match. */
export const suggesting = (match: string | undefined) => (match === undefined ? '' : `: did you mean ${JSON.stringify(match)}?`)

export const didYouMean = (word: string, candidates: Iterable<string>) => suggesting(closest(word, candidates))

/** The decoded segments of a JSON Pointer: "/a~1b/0" → ["a/b", "0"]. */
export const segments = (path: string): string[] =>
  path === '' ? [] : path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))

export const pointer = (...segments: Array<string | number>) =>
  segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
