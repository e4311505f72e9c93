/** The dataset formats: the hand-edited JSON, its columnar twin in Apache Arrow IPC, and CSV for spreadsheets (written only). */
export const Format = { json: 'json', arrow: 'arrow', csv: 'csv' } as const
export type Format = (typeof Format)[keyof typeof Format]

/** "ARROW1": how an Arrow IPC file starts (and ends). */
const arrowMagic = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]

/**
 * The format of a file from its first bytes: an Arrow IPC file by its magic, an Arrow IPC stream
 * by its first message's continuation marker (0xFFFFFFFF); anything else is read as JSON, whose
 * reader says where it stops being JSON.
 */
export function detectFormat(bytes: Uint8Array): Format {
  if (arrowMagic.every((b, i) => bytes[i] === b)) return Format.arrow
  if (bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff) return Format.arrow
  return Format.json
}

/** The format a file name asks for when writing: `.arrow`, `.arrows` and `.feather` are Arrow IPC; `.json` is JSON; `.csv` is CSV. */
export function formatOfName(name: string): Format | null {
  if (/\.(arrow|arrows|feather)$/i.test(name)) return Format.arrow
  if (/\.json$/i.test(name)) return Format.json
  if (/\.csv$/i.test(name)) return Format.csv
  return null
}
