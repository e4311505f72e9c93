// A dataset file's bytes as text, refused with a reason rather than read wrongly: the CLI
// changes files in place, and must never turn bytes it cannot read into U+FFFD.

/** The offset of the first byte that does not belong to well-formed UTF-8, or -1 when all do. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0
    if (n === 0) return i
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF (RFC 3629, section 4).
    const second = b[i + 1]!
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i
    i += n + 1
  }
  return -1
}

/** Where a byte offset is, as line and column (columns in bytes). */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/** A reason the bytes are not UTF-8 text, with where, or null when they are. */
export function notUtf8(bytes: Uint8Array): { line: number; column: number; message: string } | null {
  const [b0, b1] = [bytes[0], bytes[1]]
  // A byte-order mark of UTF-16, or a NUL beside each ASCII character, as UTF-16 writes "{" and '"'.
  const little = (b0 === 0xff && b1 === 0xfe) || (b0 !== undefined && b0 !== 0 && b1 === 0)
  const big = (b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 !== undefined && b1 !== 0)
  if (little || big) {
    return { line: 1, column: 1, message: `the file is UTF-16 (${little ? 'little' : 'big'}-endian) text, not UTF-8: save it as UTF-8 and try again` }
  }
  const at = firstInvalidUtf8(bytes)
  if (at < 0) return null
  const hex = Array.from(bytes.subarray(at, at + 4), (x) => x.toString(16).padStart(2, '0')).join(' ')
  return { ...placeOf(bytes, at), message: `the bytes at offset ${at} (${hex}) are not UTF-8 text: the file is left as it is; save it as UTF-8 and try again` }
}

/**
 * Text escaped for a terminal: control characters (escape sequences, carriage returns, new
 * lines), Unicode's line and paragraph separators and its direction overrides are written as
 * \u escapes, so that text from a file can neither forge output lines nor drive the terminal.
 */
export const printable = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
