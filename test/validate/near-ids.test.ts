import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nearIds } from '../../src/validate/near-ids.ts'
import { closest, distance } from '../../src/validate/problem.ts'

/** The whole edit distance table, as the textbook writes it. */
function fullDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
  }
  return rows[a.length]![b.length]!
}

/** Short words from three letters, so that many are a typo or two apart. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', '-'), maxLength: 9 })

/** One typo: a letter taken out, put in or changed. */
const typo = (w: string, at: number, letter: string, kind: number) => {
  const k = at % (w.length + 1)
  if (kind === 0) return w.slice(0, k) + w.slice(k + 1)
  if (kind === 1) return w.slice(0, k) + letter + w.slice(k)
  return w.slice(0, k) + letter + w.slice(k + 1)
}

describe('distance', () => {
  it('is the edit distance when that is within the limit, else one over the limit', () => {
    fc.assert(
      fc.property(word, word, fc.nat(3), (a, b, limit) => {
        expect(distance(a, b, limit)).toBe(Math.min(fullDistance(a, b), limit + 1))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('nearIds', () => {
  const ids = Array.from({ length: 150 }, (_, i) => `actor-${i}`)

  it('gives what closest gives for up to a hundred ids', () => {
    const few = ids.slice(0, 100)
    const near = nearIds(few)
    for (const w of ['actor-7x', 'actr-12', 'kerry', 'actor-99', 'a', 'acto-1-']) expect(near(w)).toBe(closest(w, few))
  })

  it('in a longer list, gives what closest gives whenever some id is one typo away', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 101, maxLength: 160 }), fc.nat(), fc.nat(), fc.constantFrom('a', 'b', '-', 'c'), fc.nat(2), (list, pick, at, letter, kind) => {
        const w = typo(list[pick % list.length]!, at, letter, kind)
        if (list.includes(w)) return
        expect(nearIds(list)(w)).toBe(closest(w, list))
      }),
      { numRuns: 300 },
    )
  })

  it('in a longer list, suggests an id with two letters swapped or one moved, but not one two typos apart otherwise', () => {
    const near = nearIds(ids)
    expect(near('actor-7x')).toBe('actor-7')
    expect(near('atcor-12')).toBe('actor-12')
    expect(near('ctor-12a')).toBe('actor-12')
    expect(closest('axtor-14x', ids)).toBe('actor-14')
    expect(near('axtor-14x')).toBeUndefined()
    expect(near('ghost')).toBeUndefined()
  })

  it('suggests the first id of those as close', () => {
    expect(nearIds(ids)('actor-1x')).toBe('actor-1')
    expect(nearIds(ids)('actor-')).toBe('actor-0')
  })
})
