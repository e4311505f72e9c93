import { html } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import { formFields, type FormField } from '../../src/editor/csv-columns.ts'
import type { CsvMapping } from '../../src/formats/format.ts'
import type { FileFacts } from '../../src/formats/registry.ts'

/** A generic CSV the editor opened, kept while the form to choose its columns shows: its bytes to read again, its header and the column each field was read from. */
export interface CsvSource {
  file: FileFacts & { name: string }
  header: readonly string[]
  columns: CsvMapping
}

/** The columns chosen in the form: a column's name for each field, '' for none. */
export type ColumnChoices = Record<FormField, string>

/**
 * The form under a generic CSV's notice: a list of the file's columns for each field of the
 * events, set to the column the reader chose, and a button to read the file again with the
 * columns chosen. A column without a name cannot be told from another, so it is not offered.
 */
export function csvMappingPart(csv: CsvSource, convert: (csv: CsvSource, choices: ColumnChoices) => void) {
  const columns = [...new Set(csv.header.filter(Boolean))]
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.target as HTMLFormElement)
    convert(csv, Object.fromEntries(formFields.map((field) => [field, String(data.get(field) ?? '')])) as ColumnChoices)
  }
  // Keyed by the source: a new conversion's form starts from what the reader chose, not from the last one's choices.
  return keyed(csv, html`<form class="csv-mapping" aria-label="Columns of ${csv.file.name}" @submit=${submit}>
    <p>Which column of ${csv.file.name} holds each field of the events (a column not chosen is kept under <code>x-csv</code>):</p>
    <div class="columns">
      ${formFields.map((field) => html`<div>
        <label for="csv-${field}">${field}</label>
        <select id="csv-${field}" name=${field}>
          <option value="" ?selected=${!csv.columns[field]}>— none —</option>
          ${columns.map((column) => html`<option value=${column} ?selected=${column === csv.columns[field]}>${column}</option>`)}
        </select>
      </div>`)}
    </div>
    <button>Convert again</button>
  </form>`)
}
