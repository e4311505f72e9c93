import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser'
import { pointer, segments, type PathProblem, type Problem, type ProblemSaid } from './problem.ts'
import { isProblemKey, say, sayAtStart, saying } from './say.ts'

/** Deeper than any dataset needs; guards every recursive step after it. */
export const maxDepth = 256

/** Maps offsets to 1-based lines and columns. */
export class LineIndex {
  private lazyStarts?: number[]
  constructor(private readonly text: string) {}
  // Built on first use: a valid file never needs it.
  private get starts(): number[] {
    if (!this.lazyStarts) {
      this.lazyStarts = [0]
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.lazyStarts.push(i + 1)
    }
    return this.lazyStarts
  }
  position(offset: number): { line: number; column: number } {
    let [low, high] = [0, this.starts.length - 1]
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.starts[mid]! <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 }
  }
}

/**
 * Whether some object in a text that JSON.parse accepts has a key twice, or nesting goes deeper
 * than `limit`, looked for in steps: it yields after every `charsPerStep` characters, so a caller
 * can spread a large file over several tasks. The answer is the generator's return value;
 * `excessDepth` and `scan` then say where.
 */
export function* keyTwiceOrTooDeep(text: string, limit = maxDepth, charsPerStep = 1 << 16): Generator<void, boolean, void> {
  // One entry per open object or array: the keys seen so far, or null for an array.
  const open: Array<Set<string> | null> = []
  let expectKey = false
  let next = charsPerStep
  for (let i = 0; i < text.length; i++) {
    if (i >= next) {
      next += charsPerStep
      yield
    }
    const c = text.charCodeAt(i)
    if (c === 34 /* " */) {
      const start = i
      let escaped = false
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i)
        if (s === 92 /* \ */) {
          escaped = true
          i++
        } else if (s === 34) break
      }
      if (expectKey) {
        // An escaped key is parsed, so that "a" and "\u0061" count as the same key.
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i)
        const keys = open[open.length - 1]!
        if (keys.has(key)) return true
        keys.add(key)
        expectKey = false
      }
    } else if (c === 123 /* { */) {
      if (open.push(new Set()) > limit) return true
      expectKey = true
    } else if (c === 91 /* [ */) {
      if (open.push(null) > limit) return true
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      open.pop()
    } else if (c === 44 /* , */) {
      expectKey = open[open.length - 1] != null
    }
  }
  return false
}

/** The offset where nesting first goes deeper than `limit`, or -1. Skips strings. */
export function excessDepth(text: string, limit = maxDepth): number {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i)
        if (s === 92 /* \ */) i++
        else if (s === 34) break
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return i
    } else if (c === 125 || c === 93) depth--
  }
  return -1
}

/** The JSON punctuation a syntax error expects, for its message's {token}. */
const tokens: Partial<Record<string, string>> = { ColonExpected: '":"', CommaExpected: '","', CloseBraceExpected: '"}"', CloseBracketExpected: '"]"' }

/** What a syntax error of the JSON reader (its code's name) is, as a message. */
function syntaxSaid(name: string): ProblemSaid {
  const key = `syntax.${name}`
  if (!isProblemKey(key)) return { key: 'syntax.code', values: { code: name } }
  const token = tokens[name]
  return token === undefined ? { key } : { key, values: { token } }
}

/**
 * Why a text is not JSON a dataset can be read from, at its line and column: it is empty, it
 * nests deeper than `maxDepth` (no dataset does, and a recursive reader would overflow), or its
 * first syntax error; and, from the same scan, every key given twice.
 */
export function scanJson(text: string, lines: LineIndex): Scan {
  if (text.trim() === '') return { syntax: sayAtStart('emptyFile'), duplicates: [] }
  const deep = excessDepth(text)
  if (deep !== -1) {
    const { message, said } = say('tooDeep', { levels: maxDepth })
    return { syntax: saying({ path: '', ...lines.position(deep), message }, said), duplicates: [] }
  }
  return scan(text, lines)
}

export interface Scan {
  syntax?: Problem
  duplicates: PathProblem[]
}

/**
 * One pass over the text: the first JSON syntax error (strict JSON: no comments, no trailing
 * commas) and every key that appears twice in one object, which JSON.parse would silently drop.
 */
function scan(text: string, lines: LineIndex): Scan {
  const result: Scan = { duplicates: [] }
  const keys: Array<Set<string>> = []
  visit(
    text,
    {
      onObjectBegin: () => void keys.push(new Set()),
      onObjectEnd: () => void keys.pop(),
      onObjectProperty: (property, _offset, _length, _line, _column, path) => {
        const seen = keys.at(-1)
        if (!seen) return
        if (seen.has(property)) {
          result.duplicates.push({ path: pointer(...path(), property), ...say('duplicateKey', { key: JSON.stringify(property) }), at: 'key' })
        }
        seen.add(property)
      },
      onError: (code: ParseErrorCode, at: number, length: number) => {
        if (result.syntax) return
        // An error on the last token of a truncated file belongs at the end of the file.
        const token = text.slice(at, at + length)
        const atEnd = text.slice(at + length).trim() === '' && token !== '}' && token !== ']'
        const offset = atEnd && /Expected$/.test(printParseErrorCode(code)) ? text.length : at
        const name = printParseErrorCode(code)
        const found = text.slice(offset, offset + 1)
        let what = syntaxSaid(name)
        if (name === 'InvalidSymbol' || name === 'ValueExpected') {
          what = offset >= text.length ? { key: 'syntax.endOfFile' } : { key: 'syntax.found', values: { what, found: JSON.stringify(found) } }
          if (found === "'") what = { key: 'syntax.singleQuotes' }
        }
        if ((found === ']' || found === '}') && text.slice(0, offset).trimEnd().endsWith(',')) {
          what = { key: 'syntax.trailingComma', values: { found: JSON.stringify(found) } }
        }
        if (offset >= text.length && /Expected$/.test(name)) what = { key: 'syntax.atEnd', values: { what } }
        const { message, said } = say('jsonSyntax', { what })
        result.syntax = saying({ path: '', ...lines.position(offset), message }, said)
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  )
  return result
}

interface Trail {
  children: Map<string, Trail>
  key?: number
  value?: number
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9

/** Offsets of the values (and keys) along the given paths, in text already known to be valid JSON. */
function locate(text: string, root: Trail): void {
  let i = 0
  const space = () => {
    while (isSpace(text.charCodeAt(i))) i++
  }
  const skipString = () => {
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 92) i++
      else if (c === 34) return void i++
    }
  }
  const skipValue = () => {
    const c = text.charCodeAt(i)
    if (c === 34) return skipString()
    if (c === 123 || c === 91) {
      let depth = 0
      for (; i < text.length; i++) {
        const d = text.charCodeAt(i)
        if (d === 34) skipString(), i--
        else if (d === 123 || d === 91) depth++
        else if ((d === 125 || d === 93) && --depth === 0) return void i++
      }
      return
    }
    while (i < text.length && !/[,}\]\s]/.test(text[i]!)) i++
  }
  // Walks only into containers on a wanted path; everything else is skipped bracket by bracket.
  const walk = (trail: Trail) => {
    trail.value = i
    const open = text.charCodeAt(i)
    if (trail.children.size === 0 || (open !== 123 && open !== 91)) return skipValue()
    i++
    for (let index = 0; ; index++) {
      space()
      if (text.charCodeAt(i) === 125 || text.charCodeAt(i) === 93) return void i++
      let name = String(index)
      let keyOffset: number | undefined
      if (open === 123) {
        keyOffset = i
        skipString()
        name = JSON.parse(text.slice(keyOffset, i)) as string
        space()
        i++ // the colon
        space()
      }
      const child = trail.children.get(name)
      if (child) {
        child.key = keyOffset
        walk(child)
      } else skipValue()
      space()
      if (text.charCodeAt(i) === 44) i++
    }
  }
  space()
  walk(root)
}

/** Gives each problem the line and column of its value (or its key) in the text. */
export function place(text: string, lines: LineIndex, problems: PathProblem[]): Problem[] {
  if (problems.length === 0) return []
  const root: Trail = { children: new Map() }
  const trails = problems.map(({ path }) => {
    let trail = root
    const chain = [root]
    for (const segment of segments(path)) {
      let next = trail.children.get(segment)
      if (!next) trail.children.set(segment, (next = { children: new Map() }))
      chain.push((trail = next))
    }
    return chain
  })
  locate(text, root)
  return problems.map(({ path, message, at, said }, n) => {
    const chain = trails[n]!
    const target = chain.at(-1)!
    // A missing node (such as a required field) is reported at its nearest existing parent.
    const found = [...chain].reverse().find((t) => t.value !== undefined)
    const offset = at === 'key' && target.key !== undefined ? target.key : found?.value
    return saying({ path, message, ...lines.position(offset ?? 0) }, said)
  })
}
