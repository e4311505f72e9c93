import { html, nothing } from 'lit'
import type { Messages } from '../../src/i18n/index.ts'
import type { TimelineEvent } from '../../src/timeline/events.ts'
import { dateLabelOf, nameOf } from './words.ts'

/** The events as a table, `listPage` at a time from `start`, with Earlier and Later to turn the pages. */
export function listPart(items: readonly TimelineEvent[], start: number, listPage: number, choose: (id: string, event: Event) => void, turn: (start: number) => void, m: Messages) {
  // A page that holds an event: it goes back to the first whenever the events shown change.
  const end = Math.min(items.length, start + listPage)
  const rows = items.slice(start, end)
  return html`<table part="list">
    <caption class="sr-only">${m.format('listCaption')}</caption>
    <thead><tr><th scope="col">${m.format('date')}</th><th scope="col">${m.format('event')}</th><th scope="col">${m.format('status')}</th><th scope="col">${m.format('certainty')}</th></tr></thead>
    <tbody>${rows.map((i) => {
      const certainty = nameOf(m, 'certainty', i.certainty)
      return html`<tr data-event-id=${i.id}>
      <td>${dateLabelOf(i, m)}</td>
      <td><button class="linklike" @click=${(e: Event) => choose(i.id, e)}>${i.title}</button></td>
      <td>${nameOf(m, 'status', i.status)}</td><td>${i.disputed ? m.format('certaintyDisputed', { certainty }) : certainty}</td></tr>`
    })}</tbody>
  </table>
  ${items.length > listPage
    ? html`<p class="more">${m.format('listPage', { first: start + 1, last: end, total: items.length })}
        <button ?disabled=${start === 0} @click=${() => turn(Math.max(0, start - listPage))}>${m.format('earlier')}</button>
        <button ?disabled=${end >= items.length} @click=${() => turn(end)}>${m.format('later')}</button></p>`
    : nothing}`
}
