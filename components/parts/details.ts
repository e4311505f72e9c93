import { html, nothing } from 'lit'
import type { TimelineEvent } from '../../src/timeline/events.ts'
import { safeHref } from '../../src/timeline/links.ts'
import type { Prepared } from '../../src/timeline/prepare.ts'

/** How a relation reads from its "from" event, and from its "to" event. */
const relationVerbs: Record<string, string> = {
  accuses: 'accuses', denies: 'denies', confirms: 'confirms', 'responds-to': 'responds to',
  'follows-up': 'follows up', 'follows-from': 'follows from', 'part-of': 'part of',
}
const relationVerbsPassive: Record<string, string> = {
  accuses: 'accused by', denies: 'denied by', confirms: 'confirmed by', 'responds-to': 'answered by',
  'follows-up': 'followed up by', 'follows-from': 'led to', 'part-of': 'includes',
}

/** The panel about the selected event: what happened, when, who, how sure, the quotes with their sources, and related events as links. */
export function detailsPart(item: TimelineEvent, { dataset, byId }: Pick<Prepared, 'dataset' | 'byId'>, locale: string, choose: (id: string, event: Event) => void) {
  const e = item.event
  const actors = new Map(dataset.actors.map((a) => [a.id, a]))
  const sources = new Map(dataset.sources.map((s) => [s.id, s]))
  const relations = (dataset.relations ?? []).filter((r) => r.from === e.id || r.to === e.id)
  const numbers = new Intl.NumberFormat(locale)
  return html`<section part="details" aria-label="Event details">
    <h3>${e.title}</h3>
    ${e.summary ? html`<p>${e.summary}</p>` : nothing}
    <dl>
      <dt>Date</dt><dd>${e.date.text ? html`“${e.date.text}” → ` : nothing}${item.dateLabel} <small>(${item.date.precision} precision${item.date.shape === 'one-of' ? ', one day in the range' : ''}${item.date.approximate ? ', approximate' : ''}${item.date.uncertain ? ', uncertain' : ''})</small></dd>
      <dt>Status</dt><dd>${e.status}</dd>
      <dt>Certainty</dt><dd>${e.certainty}</dd>
      ${e.participants?.length ? html`<dt>Actors</dt><dd>${e.participants.map((p, i) => html`${i ? ', ' : ''}${actors.get(p.actor)?.name ?? p.actor} (${p.role}${p.attribution ? `, ${p.attribution}` : ''})`)}</dd>` : nothing}
      ${e.location ? html`<dt>Where</dt><dd>${e.location.name}</dd>` : nothing}
      ${e.fatalities ? html`<dt>Killed</dt><dd>${e.fatalities.approximate ? 'about ' : ''}${numbers.format(e.fatalities.best)}${e.fatalities.group ? ` (${e.fatalities.group})` : ''}</dd>` : nothing}
    </dl>
    ${(e.evidence ?? []).map((q) => {
      const s = sources.get(q.source)
      const safe = safeHref(s?.url)
      return html`<blockquote>“${q.quote}”<br /><small>— ${safe ? html`<a href=${safe} rel="noopener noreferrer" target="_blank">${s?.headline}</a>` : s?.headline}${s?.publisher ? `, ${s.publisher}` : ''}${s ? `, ${s.datePublished}` : ''}</small></blockquote>`
    })}
    ${relations.length ? html`<h4>Related events</h4><ul class="related">${relations.map((r) => {
      const outgoing = r.from === e.id
      const other = outgoing ? r.to : r.from
      return html`<li>${(outgoing ? relationVerbs : relationVerbsPassive)[r.type]}
        <button class="linklike" data-related-id=${other} @click=${(e: Event) => choose(other, e)}>${byId(other)?.event.title ?? other}</button></li>`
    })}</ul>` : nothing}
  </section>`
}
