import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firstInvalidUtf8, notUtf8, printable } from '../../src/cli/read-text.ts'

const strict = new TextDecoder('utf-8', { fatal: true })
const decodes = (bytes: Uint8Array) => {
  try {
    strict.decode(bytes)
    return true
  } catch {
    return false
  }
}

describe('reading a file as UTF-8 text', () => {
  it('finds bytes that are not UTF-8 exactly where the browser\'s strict decoder refuses them', () => {
    // Random bytes, and valid text with bytes spliced in: overlong forms, surrogates, cut sequences.
    const spliced = fc.tuple(fc.string({ unit: 'grapheme' }), fc.uint8Array({ maxLength: 4 }), fc.string({ unit: 'grapheme' }))
      .map(([a, b, c]) => Uint8Array.from([...new TextEncoder().encode(a), ...b, ...new TextEncoder().encode(c)]))
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 12 }), spliced), (bytes) => {
        const at = firstInvalidUtf8(bytes)
        expect(at === -1).toBe(decodes(bytes))
        // Everything before the first bad byte is text.
        if (at >= 0) expect(decodes(bytes.subarray(0, at))).toBe(true)
      }),
      { numRuns: 2000 },
    )
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      expect(firstInvalidUtf8(Uint8Array.from([0x41, ...bad])), bad.join(' ')).toBe(1)
    }
  })

  it('says where the first bad byte is, and names UTF-16 by its byte order', () => {
    const bytes = new TextEncoder().encode('{\n  "a": "x')
    const bad = Uint8Array.from([...bytes, 0xff, 0x22, 0x7d])
    expect(notUtf8(bad)).toMatchObject({ line: 2, column: bytes.length - 1, message: expect.stringContaining(`offset ${bytes.length} (ff 22 7d)`) })
    expect(notUtf8(Uint8Array.from([0xfe, 0xff, 0, 0x7b]))?.message).toContain('UTF-16 (big-endian)')
    expect(notUtf8(Uint8Array.from([0x7b, 0, 0x22, 0]))?.message).toContain('UTF-16 (little-endian)')
    expect(notUtf8(new TextEncoder().encode('{"title": "Genève — جنيف"}'))).toBeNull()
  })

  it('escapes what could drive a terminal or forge a line, and nothing else', () => {
    expect(printable('a\u001b[2J\r\nb\u2028c\u202ed\u0085')).toBe('a\\u001b[2J\\u000d\\u000ab\\u2028c\\u202ed\\u0085')
    expect(printable('Genève — جنيف "x" \\ ok')).toBe('Genève — جنيف "x" \\ ok')
  })
})
