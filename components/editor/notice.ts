import { html, nothing } from 'lit'
import { csvMappingPart, type ColumnChoices, type CsvSource } from './csv-mapping.ts'

/** A message above the text: what just happened, or what went wrong, with lists a reader can go through. */
export interface Notice {
  kind: 'info' | 'warn'
  text: string
  /** Offer to discard the restored draft. */
  discard?: boolean
  /** Titled lists under the text: what a conversion dropped, the problems in a source file, what a format leaves out. */
  lists?: ReadonlyArray<{ title: string; items: readonly string[] }>
  /** The generic CSV the notice's conversion read, with the form to choose its columns; kept only as long as the notice. */
  csv?: CsvSource
}

export interface NoticeActions {
  dismiss(): void
  discard(): void
  /** Reads the notice's CSV again with the columns chosen. */
  convert(csv: CsvSource, choices: ColumnChoices): void
}

/** The notice, as a status (or an alert for a warning), with its buttons; a CSV's form to choose its columns under it, out of the live region. */
export function noticePart(notice: Notice | null, actions: NoticeActions) {
  if (!notice) return nothing
  const lists = (notice.lists ?? []).filter((l) => l.items.length > 0)
  return html`<div class="notice ${notice.kind}" role=${notice.kind === 'warn' ? 'alert' : 'status'}>
    <div>
      <span>${notice.text}</span>
      ${lists.map((l) => html`<p class="list-title">${l.title}</p><ul>${l.items.map((item) => html`<li>${item}</li>`)}</ul>`)}
    </div>
    <div class="actions">
      ${notice.discard ? html`<button @click=${actions.discard}>Discard the draft</button>` : nothing}
      <button @click=${actions.dismiss} aria-label="Dismiss">×</button>
    </div>
  </div>
  ${notice.csv ? csvMappingPart(notice.csv, actions.convert) : nothing}`
}
