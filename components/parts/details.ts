import { html, nothing } from 'lit'
import type { Messages } from '../../src/i18n/index.ts'
import type { TimelineEvent } from '../../src/timeline/events.ts'
import { safeHref } from '../../src/timeline/links.ts'
import type { Prepared } from '../../src/timeline/prepare.ts'
import { nameOf, saidDateOf } from './words.ts'

/** What the panel's links and buttons do: show a related event, or close the panel. */
export interface DetailsActions {
  choose: (id: string, event: Event) => void
  close: (event: Event) => void
}

/** How the date was read: its precision, then whether it is one day of a range, approximate, uncertain. */
function dateNotes(item: TimelineEvent, m: Messages): string {
  const { precision, shape, approximate, uncertain } = item.date
  const notes = [m.format(`precision.${precision}`)]
  if (shape === 'one-of') notes.push(m.format('noteOneOf'))
  if (approximate) notes.push(m.format('noteApproximate'))
  if (uncertain) notes.push(m.format('noteUncertain'))
  return m.format('dateNotes', { notes: notes.join(m.format('comma')) })
}

/**
 * The panel about the selected event: a button that closes it, what happened, when, who, how
 * sure, the quotes with their sources, and related events as links.
 */
export function detailsPart(item: TimelineEvent, { dataset, byId }: Pick<Prepared, 'dataset' | 'byId'>, m: Messages, on: DetailsActions) {
  const e = item.event
  const actors = new Map(dataset.actors.map((a) => [a.id, a]))
  const sources = new Map(dataset.sources.map((s) => [s.id, s]))
  const relations = (dataset.relations ?? []).filter((r) => r.from === e.id || r.to === e.id)
  const participants = (e.participants ?? []).map((p) => {
    const said = { name: actors.get(p.actor)?.name ?? p.actor, role: nameOf(m, 'role', p.role) }
    return p.attribution ? m.format('participantAttributed', { ...said, attribution: nameOf(m, 'attribution', p.attribution) }) : m.format('participant', said)
  })
  const toll = e.fatalities && (() => {
    const count = new Intl.NumberFormat(m.locale).format(e.fatalities.best)
    const fatalities = e.fatalities.approximate ? m.format('fatalitiesAbout', { count }) : m.format('fatalities', { count })
    return e.fatalities.group ? m.format('fatalitiesGroup', { fatalities, group: nameOf(m, 'group', e.fatalities.group) }) : fatalities
  })()
  return html`<section part="details" aria-label=${m.format('details')}>
    <button class="close" aria-label=${m.format('closeLabel')} @click=${on.close}>${m.format('close')}</button>
    <h3>${e.title}</h3>
    ${e.summary ? html`<p>${e.summary}</p>` : nothing}
    <dl>
      <dt>${m.format('date')}</dt><dd>${saidDateOf(item, m)} <small>${dateNotes(item, m)}</small></dd>
      <dt>${m.format('status')}</dt><dd>${nameOf(m, 'status', e.status)}</dd>
      <dt>${m.format('certainty')}</dt><dd>${nameOf(m, 'certainty', e.certainty)}</dd>
      ${participants.length ? html`<dt>${m.format('actors')}</dt><dd>${participants.join(m.format('comma'))}</dd>` : nothing}
      ${e.location ? html`<dt>${m.format('where')}</dt><dd>${e.location.name}</dd>` : nothing}
      ${toll ? html`<dt>${m.format('killed')}</dt><dd>${toll}</dd>` : nothing}
    </dl>
    ${(e.evidence ?? []).map((q) => {
      const s = sources.get(q.source)
      const safe = safeHref(s?.url)
      const source = safe ? html`<a href=${safe} rel="noopener noreferrer" target="_blank">${s?.headline}</a>` : s?.headline
      return html`<blockquote>${m.format('quote', { quote: q.quote })}${s
        ? html`<br /><small>${m.parts(s.publisher ? 'citation' : 'citationNoPublisher', { source, publisher: s.publisher, published: s.datePublished })}</small>`
        : nothing}</blockquote>`
    })}
    ${relations.length ? html`<h4>${m.format('related')}</h4><ul class="related">${relations.map((r) => {
      const other = r.from === e.id ? r.to : r.from
      const link = html`<button class="linklike" data-related-id=${other} @click=${(e: Event) => on.choose(other, e)}>${byId(other)?.event.title ?? other}</button>`
      return html`<li>${m.parts(r.from === e.id ? `relation.${r.type}` : `relatedBy.${r.type}`, { event: link })}</li>`
    })}</ul>` : nothing}
  </section>`
}
