import fc from 'fast-check'
import { applyEdits, format } from 'jsonc-parser'
import { describe, expect, it } from 'vitest'
import { syntheticDataset } from '../../bench/synthetic.ts'
import { formatJson } from '../../src/format/format.ts'

describe('formatJson', () => {
  it('indents any JSON as JSON.stringify does with two spaces, however it was laid out', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 1, '\t', 4), (value, indent) => {
        const expected = JSON.stringify(value, null, 2) + '\n'
        expect(formatJson(JSON.stringify(value, null, indent))).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('makes the same text as making jsonc-parser\'s edits one by one, a byte-order mark and CRLF included', () => {
    const text = '\ufeff{"a" :[1,2 ,{"b":"x"}],\r\n  "c":{}, "d":[ ]}'
    const body = text.slice(1)
    const oneByOne = applyEdits(body, format(body, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }))
    expect(formatJson(text)).toBe('\ufeff' + oneByOne.replace(/\r\n?/g, '\n').trimEnd() + '\n')
  })

  it('formats a one-line file of thousands of events as it formats the same file indented', () => {
    const data = syntheticDataset(3000, 9)
    const indented = formatJson(JSON.stringify(data, null, 2))
    expect(formatJson(JSON.stringify(data))).toBe(indented)
    expect(JSON.parse(indented)).toEqual(data)
  })
})
