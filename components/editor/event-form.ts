import { html, nothing } from 'lit'
import schema from '../../data/event-dataset.schema.json'
import { formatDate, resolveEdtf, resolveRelativePhrase } from '../../src/dates/index.ts'
import { append, setValue, type Edit } from '../../src/editor/document.ts'
import type { SelectedEvent } from '../../src/editor/event-fields.ts'
import type { EventDataset } from '../../src/model/index.ts'

type Enum = { enum: string[] }
const defs = (schema as unknown as { $defs: Record<string, { properties: Record<string, Enum> }> }).$defs
const enumOf = (def: string, field: string): string[] => defs[def]?.properties[field]?.enum ?? []

type Path = Array<string | number>

export interface FormHost {
  /** Where the form is rendered. */
  root(): ParentNode
  /** The last valid version of the dataset: its actors and sources fill the form's lists. */
  dataset(): EventDataset | undefined
  edit(...steps: Array<(text: string) => Edit[]>): void
  requestUpdate(): void
}

const valueOf = (event: Event) => (event.target as HTMLInputElement).value

/**
 * The form for the selected event: each change is an edit of the text at that field, so the
 * rest of the text stays as written. Over a text with problems it shows what it can read and
 * names the fields to edit in the text.
 */
export class EventForm {
  /** What the date typed so far resolves to, for the event it was typed in. */
  private dateHint: { id: string; text: string } | null = null

  constructor(private readonly host: FormHost) {}

  render(current: SelectedEvent | null) {
    if (!current) return html`<p class="hint" part="form">Select an event in the text or the preview to edit it here.</p>`
    const { index, fields: e } = current
    if (!e) return html`<p class="hint bad" part="form">Event “${current.id}” is not JSON the form can read: edit it in the text, where its problems are marked.</p>`
    const actors = this.host.dataset()?.actors ?? []
    const sources = this.host.dataset()?.sources ?? []
    const at = (...path: Path) => ['events', index, ...path]
    const set = (path: Path, value: unknown) => this.host.edit((t) => setValue(t, path, value))
    // A value the schema does not allow is shown as it is, not as the first allowed one.
    const select = (path: Path, values: string[], value: string | undefined, label: string, optional = false) => html`
      <select aria-label=${label} @change=${(ev: Event) => set(path, valueOf(ev) || undefined)}>
        ${optional || value === undefined ? html`<option value="" ?selected=${!value}>—</option>` : nothing}
        ${value !== undefined && !values.includes(value) ? html`<option value=${value} selected disabled>${value} (not allowed)</option>` : nothing}
        ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`)}
      </select>`
    const date = e.date
    const resolved = resolveEdtf(date?.edtf ?? '')
    const hint = this.dateHint?.id === e.id ? this.dateHint.text : ''
    return html`<form part="form" aria-label="Selected event" @submit=${(ev: Event) => ev.preventDefault()}>
      <h3>Event “${e.id}”</h3>
      ${e.unreadable.length ? html`<ul class="unreadable">${e.unreadable.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      <div class="grid">
        <label for="f-title">Title</label>
        <input id="f-title" .value=${e.title} @change=${(ev: Event) => set(at('title'), valueOf(ev))} />
        <label for="f-summary">Summary</label>
        <textarea id="f-summary" rows="2" .value=${e.summary} @change=${(ev: Event) => set(at('summary'), valueOf(ev) || undefined)}></textarea>
        <label for="f-edtf">Date (EDTF)</label>
        <div>
          <input id="f-edtf" .value=${date?.edtf ?? ''} ?disabled=${!date} aria-describedby="f-edtf-hint"
            @input=${(ev: Event) => this.previewDate(e.id, valueOf(ev))}
            @change=${(ev: Event) => set(at('date', 'edtf'), valueOf(ev))} />
          <div id="f-edtf-hint" class="hint ${hint.startsWith('invalid') ? 'bad' : ''}">
            ${hint || (resolved.ok ? `${formatDate(resolved.date)} · ${resolved.date.precision} precision · ${resolved.date.shape}` : resolved.message)}
          </div>
        </div>
        <label for="f-phrase">Or a phrase</label>
        <div class="row">
          <input id="f-phrase" placeholder="Monday, over the weekend…" .value=${date?.text ?? ''} ?disabled=${!date} />
          <select id="f-anchor" aria-label="Relative to the publication date of" ?disabled=${!date}>
            ${sources.map((s) => html`<option value=${s.id} ?selected=${s.id === date?.anchor}>${s.id} (${s.datePublished})</option>`)}
          </select>
          <select id="f-tense" aria-label="Tense" ?disabled=${!date}>
            <option value="past" ?selected=${e.status !== 'planned'}>past</option>
            <option value="future" ?selected=${e.status === 'planned'}>future</option>
          </select>
          <button type="button" ?disabled=${!date} @click=${() => this.fillFromPhrase(e.id, index)}>Fill date</button>
        </div>
        <label>Status</label>${select(at('status'), enumOf('Event', 'status'), e.status, 'Status')}
        <label>Certainty</label>${select(at('certainty'), enumOf('Event', 'certainty'), e.certainty, 'Certainty')}
        <label>Category</label>${select(at('category'), enumOf('Event', 'category'), e.category, 'Category')}
        <label>Kind</label>${select(at('kind'), enumOf('Event', 'kind'), e.kind, 'Kind')}
      </div>
      <fieldset>
        <legend>Participants</legend>
        ${(e.participants ?? []).map((p) => html`<div class="row">
          ${select(at('participants', p.index, 'actor'), actors.map((a) => a.id), p.actor, `Participant ${p.index + 1} actor`)}
          ${select(at('participants', p.index, 'role'), enumOf('Participant', 'role'), p.role, `Participant ${p.index + 1} role`)}
          ${select(at('participants', p.index, 'attribution'), enumOf('Participant', 'attribution'), p.attribution, `Participant ${p.index + 1} attribution`, true)}
          <button type="button" aria-label="Remove participant ${p.index + 1}" @click=${() => set(at('participants', p.index), undefined)}>Remove</button>
        </div>`)}
        <button type="button" ?disabled=${actors.length === 0 || !e.participants}
          @click=${() => this.host.edit((t) => append(t, at('participants'), { actor: actors[0]?.id, role: 'participant' }))}>Add participant</button>
      </fieldset>
      <fieldset>
        <legend>Fatalities</legend>
        <div class="row">
          <input type="number" min="0" step="1" aria-label="Fatalities (best figure)" ?disabled=${e.fatalities === null} .value=${e.fatalities?.best === undefined ? '' : String(e.fatalities.best)}
            @change=${(ev: Event) => this.setFatalities(index, valueOf(ev))} />
          <label><input type="checkbox" ?disabled=${!e.fatalities} .checked=${Boolean(e.fatalities?.approximate)}
            @change=${(ev: Event) => set(at('fatalities', 'approximate'), (ev.target as HTMLInputElement).checked || undefined)} /> approximate</label>
          ${e.fatalities ? select(at('fatalities', 'group'), enumOf('Fatalities', 'group'), e.fatalities.group, 'Who was killed', true) : nothing}
        </div>
      </fieldset>
      <fieldset>
        <legend>Evidence</legend>
        ${(e.evidence ?? []).map((q) => html`<div class="row">
          ${select(at('evidence', q.index, 'source'), sources.map((s) => s.id), q.source, `Quote ${q.index + 1} source`)}
          <textarea rows="2" aria-label="Quote ${q.index + 1}" .value=${q.quote ?? ''} @change=${(ev: Event) => set(at('evidence', q.index, 'quote'), valueOf(ev))}></textarea>
          <button type="button" aria-label="Remove quote ${q.index + 1}" @click=${() => set(at('evidence', q.index), undefined)}>Remove</button>
        </div>`)}
        <button type="button" ?disabled=${sources.length === 0 || !e.evidence}
          @click=${() => this.host.edit((t) => append(t, at('evidence'), { source: sources[0]?.id, quote: 'exact words from the source' }))}>Add quote</button>
      </fieldset>
    </form>`
  }

  private previewDate(id: string, value: string) {
    const result = resolveEdtf(value)
    this.dateHint = { id, text: result.ok ? `${formatDate(result.date)} · ${result.date.precision} precision · ${result.date.shape}` : result.message }
    this.host.requestUpdate()
  }

  private fillFromPhrase(id: string, index: number) {
    const root = this.host.root()
    const phrase = root.querySelector<HTMLInputElement>('#f-phrase')?.value.trim() ?? ''
    const anchor = root.querySelector<HTMLSelectElement>('#f-anchor')?.value ?? ''
    const tense = root.querySelector<HTMLSelectElement>('#f-tense')?.value === 'future' ? 'future' : 'past'
    const published = this.host.dataset()?.sources.find((s) => s.id === anchor)?.datePublished
    const edtf = published ? resolveRelativePhrase(phrase, published, { tense }) : null
    this.dateHint = edtf ? null : { id, text: `invalid phrase: "${phrase}" is not a relative date this editor knows (try Monday, yesterday, over the weekend, earlier this month, week-old)` }
    if (!edtf) return this.host.requestUpdate()
    this.host.edit(
      (t) => setValue(t, ['events', index, 'date', 'edtf'], edtf),
      (t) => setValue(t, ['events', index, 'date', 'text'], phrase),
      (t) => setValue(t, ['events', index, 'date', 'anchor'], anchor),
    )
  }

  private setFatalities(index: number, value: string) {
    if (value.trim() === '') return this.host.edit((t) => setValue(t, ['events', index, 'fatalities'], undefined))
    const best = Math.max(0, Math.round(Number(value)))
    if (Number.isFinite(best)) this.host.edit((t) => setValue(t, ['events', index, 'fatalities', 'best'], best))
  }
}
