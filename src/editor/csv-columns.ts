import { CsvTable } from '../formats/csv-table.ts'
import type { CsvMapping } from '../formats/format.ts'

// The columns of a generic CSV as the editor's mapping form shows them: the header, and the
// column the CSV reader (src/formats/csv.ts) reads each field from, as the reader itself
// decides it, so that the form shows what the reader chose rather than a guess of its own.

/** The fields the mapping form offers a column for, in the order it shows them. */
export const formFields = [
  'date', 'end', 'title', 'summary', 'actors', 'category', 'kind', 'status', 'certainty',
  'location', 'latitude', 'longitude', 'fatalities', 'tags', 'id',
] as const satisfies ReadonlyArray<keyof CsvMapping>

export type FormField = (typeof formFields)[number]

/** The header of a CSV file, read from its start (a header is never 64 KB long). */
export function headerOf(bytes: Uint8Array): string[] {
  return new CsvTable(new TextDecoder().decode(bytes.subarray(0, 65536))).header
}

/**
 * The column each field is read from, as the generic CSV reader chooses it for this header and
 * mapping: the column the mapping names, else the first of the field's usual names the header
 * has. A field with no column is left out; a mapping's name the header lacks is not a choice.
 * @example await columnsChosen(['When', 'What', 'Desk']) // { date: 'When', title: 'What' }
 */
export async function columnsChosen(header: readonly string[], mapping: CsvMapping = {}): Promise<CsvMapping> {
  const given = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column === '' || header.some((h) => h.toLowerCase() === column?.trim().toLowerCase())))
  return (await import('../formats/csv.ts')).columnsRead(header, given)
}

/**
 * The mapping to read a CSV with, from the form's choices ('' for none): a field the form left
 * without a column is read from none, rather than from a column under its usual name. The date
 * and the title are needed: without a column chosen, the reader looks for theirs, and says so when it finds none.
 */
export function readerMapping(choices: Partial<Record<FormField, string>>): CsvMapping {
  return Object.fromEntries(Object.entries(choices).filter(([field, column]) => column !== '' || (field !== 'date' && field !== 'title')))
}
