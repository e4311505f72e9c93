import { html, nothing } from 'lit'
import type { TimelineEvent } from '../../src/timeline/events.ts'

/** The events as a table, `listPage` at a time from `start`, with Earlier and Later to turn the pages. */
export function listPart(items: readonly TimelineEvent[], start: number, listPage: number, choose: (id: string, event: Event) => void, turn: (start: number) => void) {
  // A page that holds an event: it goes back to the first whenever the events shown change.
  const end = Math.min(items.length, start + listPage)
  const rows = items.slice(start, end)
  return html`<table part="list">
    <caption class="sr-only">Events in time order</caption>
    <thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Certainty</th></tr></thead>
    <tbody>${rows.map((i) => html`<tr data-event-id=${i.id}>
      <td>${i.dateLabel}</td>
      <td><button class="linklike" @click=${(e: Event) => choose(i.id, e)}>${i.title}</button></td>
      <td>${i.status}</td><td>${i.certainty}${i.disputed ? ', attribution disputed' : ''}</td></tr>`)}</tbody>
  </table>
  ${items.length > listPage
    ? html`<p class="more">Events ${start + 1}–${end} of ${items.length}.
        <button ?disabled=${start === 0} @click=${() => turn(Math.max(0, start - listPage))}>Earlier</button>
        <button ?disabled=${end >= items.length} @click=${() => turn(end)}>Later</button></p>`
    : nothing}`
}
