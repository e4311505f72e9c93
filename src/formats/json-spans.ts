// Where each event of a dataset's JSON text lies, in bytes, so that one event can be read again
// on its own (JSON.parse of its bytes) without keeping the whole parsed dataset: a worker parses
// the file, and the page keeps only its bytes and these offsets.

const Byte = {
  tab: 0x09, newline: 0x0a, ret: 0x0d, space: 0x20, quote: 0x22, comma: 0x2c, colon: 0x3a,
  backslash: 0x5c, open: 0x5b, close: 0x5d, openBrace: 0x7b, closeBrace: 0x7d,
} as const

const decoder = new TextDecoder()

/** The first byte at or after `i` that is not white space. */
function skipSpace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b !== Byte.space && b !== Byte.newline && b !== Byte.ret && b !== Byte.tab) return i
    i++
  }
  return i
}

/** The byte after the string whose opening quote is at `i`. UTF-8 never puts a quote or a backslash inside a character of several bytes. */
function skipString(bytes: Uint8Array, i: number): number {
  for (i++; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === Byte.backslash) i++
    else if (b === Byte.quote) return i + 1
  }
  return i
}

/** The byte after the value that starts at `i`. */
function skipValue(bytes: Uint8Array, i: number): number {
  const first = bytes[i]
  if (first === Byte.quote) return skipString(bytes, i)
  if (first === Byte.open || first === Byte.openBrace) {
    let depth = 0
    for (; i < bytes.length; i++) {
      const b = bytes[i]!
      if (b === Byte.quote) i = skipString(bytes, i) - 1
      else if (b === Byte.open || b === Byte.openBrace) depth++
      else if (b === Byte.close || b === Byte.closeBrace) {
        if (--depth === 0) return i + 1
      }
    }
    return i
  }
  // A number, true, false or null: up to the next delimiter.
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b === Byte.comma || b === Byte.close || b === Byte.closeBrace || b === Byte.space || b === Byte.newline || b === Byte.ret || b === Byte.tab) return i
    i++
  }
  return i
}

/**
 * The byte ranges of the elements of the top-level `events` array of a JSON text that
 * `JSON.parse` accepts, as [start, end, start, end…], or null when the text is not an object with
 * such an array. As with JSON.parse, a key given twice counts where it is given last.
 * @example JSON.parse(new TextDecoder().decode(bytes.subarray(spans[2 * i], spans[2 * i + 1]))) // event i
 */
export function eventSpans(bytes: Uint8Array): Uint32Array | null {
  // A byte-order mark first.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  i = skipSpace(bytes, i)
  if (bytes[i] !== Byte.openBrace) return null
  let found: Uint32Array | null = null
  i++
  for (;;) {
    i = skipSpace(bytes, i)
    if (bytes[i] !== Byte.quote) return found
    const keyEnd = skipString(bytes, i)
    const raw = bytes.subarray(i + 1, keyEnd - 1)
    // A key written with escapes ("ev\u0065nts") is read as JSON reads it.
    const key = raw.includes(Byte.backslash) ? (JSON.parse(decoder.decode(bytes.subarray(i, keyEnd))) as string) : decoder.decode(raw)
    i = skipSpace(bytes, keyEnd)
    if (bytes[i] !== Byte.colon) return null
    i = skipSpace(bytes, i + 1)
    if (key === 'events') {
      if (bytes[i] !== Byte.open) {
        found = null
        i = skipValue(bytes, i)
      } else [found, i] = elementSpans(bytes, i)
    } else i = skipValue(bytes, i)
    i = skipSpace(bytes, i)
    if (bytes[i] !== Byte.comma) return found
    i++
  }
}

/** The spans of the elements of the array that opens at `i`, and the byte after it. */
function elementSpans(bytes: Uint8Array, i: number): [Uint32Array, number] {
  let spans = new Uint32Array(1024)
  let n = 0
  i = skipSpace(bytes, i + 1)
  while (i < bytes.length && bytes[i] !== Byte.close) {
    const end = skipValue(bytes, i)
    if (n + 2 > spans.length) {
      const grown = new Uint32Array(spans.length * 2)
      grown.set(spans)
      spans = grown
    }
    spans[n++] = i
    spans[n++] = end
    i = skipSpace(bytes, end)
    if (bytes[i] === Byte.comma) i = skipSpace(bytes, i + 1)
  }
  return [spans.slice(0, n), i + 1]
}
