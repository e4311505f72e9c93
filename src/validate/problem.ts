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

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}

/** The closest candidate within a couple of typos, for "did you mean …?". */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Math.min(3, Math.ceil(word.length / 3) + 1)
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }
  return best
}

export const didYouMean = (word: string, candidates: Iterable<string>) => {
  const match = closest(word, candidates)
  return match === undefined ? '' : `: did you mean ${JSON.stringify(match)}?`
}

/** The decoded segments of a JSON Pointer: "/a~1b/0" → ["a/b", "0"]. */
export const segments = (path: string): string[] =>
  path === '' ? [] : path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))

export const pointer = (...segments: Array<string | number>) =>
  segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
