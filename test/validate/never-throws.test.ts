import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateDataset } from '../../src/validate/index.ts'
import { json, sampleDataset } from '../fixtures/dataset.ts'

/** Holds for every result: a verdict, and problems that are positioned, worded and not internal failures. */
function wellFormed(text: string): boolean {
  const result = validateDataset(text)
  expect(typeof result.ok).toBe('boolean')
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1)
    expect(p.column).toBeGreaterThanOrEqual(1)
    expect(p.message.length).toBeGreaterThan(0)
    expect(p.message).not.toMatch(/^could not validate/)
  }
  expect(result.ok === (result.problems.length === 0)).toBe(true)
  return true
}

describe('validateDataset never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), wellFormed), { numRuns: 500 })
  })

  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => wellFormed(JSON.stringify(value) ?? 'null')), { numRuns: 500 })
  })

  it('on a valid dataset with any field replaced by any JSON value', () => {
    const base = json(sampleDataset())
    const values = [...base.matchAll(/: ("[^"]*"|-?\d+(\.\d+)?|true|false|null)/g)]
    fc.assert(
      fc.property(fc.nat(values.length - 1), fc.jsonValue(), (n, value) => {
        const match = values[n]!
        const at = match.index! + 2
        return wellFormed(base.slice(0, at) + JSON.stringify(value) + base.slice(at + match[1]!.length))
      }),
      { numRuns: 500 },
    )
  })

  it('on a valid dataset cut short or with a character dropped anywhere', () => {
    const base = json(sampleDataset())
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.boolean(), (n, cut) => wellFormed(cut ? base.slice(0, n) : base.slice(0, n) + base.slice(n + 1))),
      { numRuns: 500 },
    )
  })
})
