import { closest, distance, typos } from './problem.ts'

/** Up to this many ids, a word is compared with each, as `closest` does. */
const comparedWithEach = 100

/**
 * The id "did you mean …?" suggests for a word that names none, in a list of ids that may run to
 * many thousands (every event's). Up to 100 ids, it is `closest`'s answer. A longer list is not
 * searched id by id: an index made on the first call gives the ids that taking one letter out of
 * each makes equal to the word (one typo, two letters swapped, a letter moved), and the closest
 * of those within `typos` wins, the first in the list among equals; that is `closest`'s answer
 * whenever some id is one typo away. Answers are kept for words asked again.
 * @example const near = nearIds(['russia', 'usa']); near('rusia') // 'russia'
 */
export function nearIds(ids: Iterable<string>): (word: string) => string | undefined {
  let find: ((word: string) => string | undefined) | undefined
  const answers = new Map<string, string | undefined>()
  return (word) => {
    if (!answers.has(word)) {
      find ??= finder([...ids])
      answers.set(word, find(word))
    }
    return answers.get(word)
  }
}

/** The search `nearIds` makes ready when first asked. */
function finder(ids: string[]): (word: string) => string | undefined {
  if (ids.length <= comparedWithEach) return (word) => closest(word, ids)
  const lower = ids.map((id) => id.toLowerCase())
  const index = variantIndex(lower)
  return (word) => {
    const w = word.toLowerCase()
    let best = -1
    let bestDistance = typos(w.length) + 1
    const count = hashVariants(w)
    for (let v = 0; v < count; v++) {
      const key = variants[v]!
      for (let e = index.heads[slotOf(key, index.bits)]!; e !== -1; e = index.next[e]!) {
        const n = index.owners[e]!
        if (index.keys[e] !== key || n === best) continue
        // A later id must be closer to win, an earlier one as close.
        const d = distance(w, lower[n]!, n < best ? bestDistance : bestDistance - 1)
        if (d < bestDistance || (d === bestDistance && n < best)) [best, bestDistance] = [n, d]
      }
    }
    return best === -1 ? undefined : ids[best]
  }
}

/** A multiplier for the strings' hashes: odd and with bits spread out (FNV's prime). */
const base = 0x01000193
let prefixes = new Int32Array(64)
/** Filled by `hashVariants`. */
let variants = new Int32Array(64)

/**
 * Puts in `variants` the 32-bit hash of each string taking one letter out of the word makes, and
 * of the word itself, each in constant time from the hashes of its beginnings and ends; returns
 * how many (one more than its length).
 */
function hashVariants(word: string): number {
  const n = word.length
  if (prefixes.length <= n) [prefixes, variants] = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)]
  for (let k = 0; k < n; k++) prefixes[k + 1] = (Math.imul(prefixes[k]!, base) + word.charCodeAt(k)) | 0
  // Going back from the end: `end` is the hash of the letters after k, `power` is base ** (n - 1 - k).
  let end = 0
  let power = 1
  for (let k = n - 1; k >= 0; k--) {
    variants[k] = (Math.imul(prefixes[k]!, power) + end) | 0
    end = (Math.imul(word.charCodeAt(k), power) + end) | 0
    power = Math.imul(power, base)
  }
  variants[n] = end
  return n + 1
}

/** Where a hash goes in a table of 2 ** bits chains: its high bits, once mixed. */
const slotOf = (key: number, bits: number) => Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> (32 - bits)

/**
 * A hash table, in typed arrays, from the hash of each variant (see `hashVariants`) of each id to
 * the id's position: a list of 100,000 ids makes about a million entries. Entries in one slot are
 * chained from `heads` through `next`; a hash shared by two strings only adds a candidate.
 */
function variantIndex(ids: string[]) {
  let size = 0
  for (const id of ids) size += id.length + 1
  const bits = Math.max(4, Math.ceil(Math.log2(size + 1)))
  const index = { bits, heads: new Int32Array(1 << bits).fill(-1), keys: new Int32Array(size), owners: new Int32Array(size), next: new Int32Array(size) }
  let entry = 0
  for (let n = 0; n < ids.length; n++) {
    const count = hashVariants(ids[n]!)
    for (let v = 0; v < count; v++) {
      const slot = slotOf(variants[v]!, bits)
      index.keys[entry] = variants[v]!
      index.owners[entry] = n
      index.next[entry] = index.heads[slot]!
      index.heads[slot] = entry++
    }
  }
  return index
}
