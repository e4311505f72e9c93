import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { formatDate, resolveEdtf } from '../src/dates/index.ts'
import type { EventDataset } from '../src/model/index.ts'
import { validateDataset, type Problem } from '../src/validate/index.ts'

type Load =
  | { state: 'empty' }
  | { state: 'loading' }
  | { state: 'ready'; dataset: EventDataset }
  | { state: 'error'; title: string; problems: Problem[] }

/**
 * An embeddable timeline of diplomatic and conflict events.
 *
 * ```html
 * <diplomatic-timeline src="data/syria-truce-2016-09.json"></diplomatic-timeline>
 * ```
 *
 * @csspart error - the message shown when the data cannot be loaded
 * @csspart list - the list of events
 * @cssproperty --dt-font - font family (default: system UI font)
 * @cssproperty --dt-fg - text colour
 * @cssproperty --dt-bg - background colour
 * @cssproperty --dt-error - colour of error messages
 */
@customElement('diplomatic-timeline')
export class DiplomaticTimeline extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--dt-font, system-ui, sans-serif);
      color: var(--dt-fg, #1d1d1f);
      background: var(--dt-bg, #fff);
    }
    [part='error'] {
      color: var(--dt-error, #a4161a);
      border: 1px solid currentColor;
      padding: 0.5rem 1rem;
    }
    time {
      font-variant-numeric: tabular-nums;
      margin-right: 0.5em;
    }
  `

  @state() private load: Load = { state: 'empty' }

  /** URL of a dataset JSON file to fetch and validate. */
  @property({ attribute: 'src' }) src?: string

  /** The dataset itself, as an alternative to `src`. */
  @property({ attribute: false }) data?: unknown

  private request = 0

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('data') && this.data !== undefined) this.accept(JSON.stringify(this.data), 'data')
    else if (changed.has('src') && this.src) void this.fetchSource(this.src)
  }

  override render() {
    const load = this.load
    if (load.state === 'loading') return html`<p role="status">Loading timeline…</p>`
    if (load.state === 'error') {
      return html`<div part="error" role="alert">
        <strong>${load.title}</strong>
        <ul>
          ${load.problems.slice(0, 5).map((p) => html`<li>line ${p.line}, column ${p.column}: ${p.message}</li>`)}
        </ul>
        ${load.problems.length > 5 ? html`<p>…and ${load.problems.length - 5} more.</p>` : nothing}
      </div>`
    }
    if (load.state !== 'ready') return nothing
    const events = load.dataset.events
      .map((event) => ({ event, date: resolveEdtf(event.date.edtf) }))
      .sort((a, b) => (a.date.ok ? a.date.date.earliest : 0) - (b.date.ok ? b.date.date.earliest : 0))
    return html`<h2>${load.dataset.title}</h2>
      <ol part="list">
        ${events.map(
          ({ event, date }) => html`<li data-event-id=${event.id}>
            <time>${date.ok ? formatDate(date.date) : event.date.edtf}</time>${event.title}
          </li>`,
        )}
      </ol>`
  }

  private async fetchSource(src: string) {
    const request = ++this.request
    this.load = { state: 'loading' }
    let text: string
    try {
      const response = await fetch(src)
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim())
      // Dev servers and SPAs answer a wrong path with their HTML page rather than a 404.
      if (/html/i.test(response.headers.get('content-type') ?? '')) {
        throw new Error('the server sent a web page instead of JSON; is the path right?')
      }
      text = await response.text()
    } catch (error) {
      if (request !== this.request) return
      const reason = error instanceof Error ? error.message : String(error)
      this.load = { state: 'error', title: `Could not load ${src}`, problems: [{ path: '', line: 1, column: 1, message: reason }] }
      return
    }
    if (request === this.request) this.accept(text, src)
  }

  private accept(text: string, origin: string) {
    this.request++
    const result = validateDataset(text)
    this.load = result.ok
      ? { state: 'ready', dataset: result.dataset }
      : { state: 'error', title: `The timeline data in ${origin} has ${result.problems.length === 1 ? 'a problem' : `${result.problems.length} problems`}`, problems: result.problems }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diplomatic-timeline': DiplomaticTimeline
  }
}
