import { html, nothing } from 'lit'
import { guard } from 'lit/directives/guard.js'
import { formatDayRange } from '../../src/dates/format.ts'
import type { Messages } from '../../src/i18n/index.ts'
import type { Actor } from '../../src/model/index.ts'
import type { Facet, Filters } from '../../src/timeline/filter.ts'
import { nameOf } from './words.ts'

/** The facets shown as chips; actors have a list of their own. */
export const chipFacets = ['category', 'status', 'certainty'] as const

export interface FiltersInput {
  actors: readonly Actor[]
  /** For each facet and value, how many events choosing it would show. */
  counts: Map<Facet, Map<string, number>>
  /** Every value of each chip facet in the data, so a chip stays (at 0) when other filters empty it. */
  facetValues: Map<Facet, string[]>
  filters: Filters
  shown: number
  total: number
  /** The window in words (" · 31 Aug – 25 Sep 2016", since day ticks name no month or year), or null. */
  window: [number, number] | null
  messages: Messages
  on: { actor: (e: Event) => void; toggle: (facet: Exclude<Facet, 'actor'>, value: string) => void }
}

/**
 * The actor list, the chips with their counts, and how many events are shown of how many. The
 * list and the chips are in a disclosure that a narrow element folds ("Filters (2)") and a wide
 * one shows open whatever its state (see the styles' `.fold`): the open state is the DOM's.
 */
export function filtersPart(f: FiltersInput) {
  // The chips and the actor list change with the data and the filters, not with each zoom frame.
  return html`<div class="filters" part="filters">
    ${guard([f.actors, f.counts, f.facetValues, f.filters, f.messages], () => html`<details class="fold">
      <summary>${summaryOf(f.messages, chosenCount(f.filters))}</summary>
      ${choices(f)}
    </details>`)}
    <span class="shown"><span aria-live="polite">${f.messages.format('shownCount', { shown: f.shown, total: f.total })}</span>${f.window === null
      ? nothing
      : html`<span class="window">${f.messages.format('shownWindow', { window: formatDayRange(f.window[0], f.window[1], { messages: f.messages }) })}</span>`}</span>
  </div>`
}

/** How many values the actor list and the chips keep to; the search box, always in sight, is not counted. */
const chosenCount = (filters: Filters) => chipFacets.reduce((n, facet) => n + filters[facet].size, filters.actor.size)

const summaryOf = (m: Messages, chosen: number) => (chosen === 0 ? m.format('filters') : m.format('filtersChosen', { count: chosen }))

function choices({ actors, counts: allCounts, facetValues, filters, messages: m, on }: FiltersInput) {
  const actorNames = new Map(actors.map((a) => [a.id, a.name]))
  const actorCounts = allCounts.get('actor') ?? new Map<string, number>()
  const chosenActor = [...filters.actor][0] ?? ''
  return html`<select aria-label=${m.format('actor')} @change=${on.actor}>
      <option value="" ?selected=${chosenActor === ''}>${m.format('allActors')}</option>
      ${[...actorNames].filter(([id]) => actorCounts.has(id) || id === chosenActor).map(
        ([id, name]) => html`<option value=${id} ?selected=${id === chosenActor}>${m.format('actorOption', { name, count: actorCounts.get(id) ?? 0 })}</option>`,
      )}
    </select>
    ${chipFacets.map((facet) => {
      const counts = allCounts.get(facet) ?? new Map<string, number>()
      const values = facetValues.get(facet) ?? []
      return html`<span role="group" aria-label=${nameOf(m, 'facet', facet)}>${values.map((value) => {
        const chosen = filters[facet].has(value)
        return html`<button class="chip" aria-pressed=${chosen ? 'true' : 'false'} data-facet=${facet} data-value=${value}
          @click=${() => on.toggle(facet, value)}>${nameOf(m, facet, value)}<span class="count">${m.number(counts.get(value) ?? 0)}</span></button>`
      })}</span>`
    })}`
}
