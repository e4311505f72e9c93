import { createScanner, findNodeAtLocation, getLocation, modify, parseTree, type Edit, type JSONPath } from 'jsonc-parser'
import { excessDepth } from '../validate/json-text.ts'

/** Text edits as jsonc-parser makes them: replace `length` characters at `offset` with `content`. */
export type { Edit }

const formattingOptions = { tabSize: 2, insertSpaces: true, eol: '\n' }

/** Where each event object stands in the text, in file order. */
export interface EventRange {
  id: string
  index: number
  from: number
  to: number
}

/** The event objects in a dataset's text, even while other parts of the text are broken. */
export function eventRanges(text: string): EventRange[] {
  // jsonc-parser's tree is built by recursion: nesting past a dataset's depth could overflow it.
  if (excessDepth(text) !== -1) return []
  const root = parseTree(text)
  const events = root && findNodeAtLocation(root, ['events'])
  if (!events || events.type !== 'array') return []
  return (events.children ?? []).flatMap((node, index) => {
    const id = node.type === 'object' ? findNodeAtLocation(node, ['id'])?.value : undefined
    return typeof id === 'string' ? [{ id, index, from: node.offset, to: node.offset + node.length }] : []
  })
}

/** The id of the event whose object holds the offset, or null. */
export function eventAt(ranges: readonly EventRange[], offset: number): string | null {
  let [low, high] = [0, ranges.length - 1]
  while (low <= high) {
    const mid = (low + high) >> 1
    const range = ranges[mid]!
    if (offset < range.from) high = mid - 1
    else if (offset > range.to) low = mid + 1
    else return range.id
  }
  return null
}

/**
 * Edits that set the value at `path`, leaving every other character of the text as it was:
 * key order, formatting elsewhere and every x- field. `undefined` removes the property or item.
 * @example setValue(text, ['events', 3, 'title'], 'New title')
 */
export const setValue = (text: string, path: JSONPath, value: unknown): Edit[] =>
  modify(text, path, value, { formattingOptions })

/** Edits that append `value` to the array at `path` (creating the array if needed). */
export const append = (text: string, path: JSONPath, value: unknown): Edit[] =>
  modify(text, [...path, -1], value, { formattingOptions, isArrayInsertion: true })

/** The end of the JSON token that starts at `offset`, for underlining a whole value. */
export function tokenEnd(text: string, offset: number): number {
  const scanner = createScanner(text, false)
  scanner.setPosition(offset)
  scanner.scan()
  const end = scanner.getTokenOffset() + scanner.getTokenLength()
  return end > offset ? end : Math.min(text.length, offset + 1)
}

/** What the cursor is on: the JSON path, and whether it is a property name or a value. */
export function cursorContext(text: string, offset: number): { path: JSONPath; atKey: boolean } {
  const location = getLocation(text, offset)
  return { path: location.path, atKey: location.isAtPropertyKey }
}
