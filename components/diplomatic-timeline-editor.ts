import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { basicSetup } from 'codemirror'
import { json } from '@codemirror/lang-json'
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete'
import { redo, undo } from '@codemirror/commands'
import { setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { Compartment, EditorState, type Text as Doc } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { oneDark } from '@codemirror/theme-one-dark'
import schema from '../data/event-dataset.schema.json'
import { formatDate, resolveEdtf, resolveRelativePhrase } from '../src/dates/index.ts'
import { suggestionsAt } from '../src/editor/completions.ts'
import { append, cursorContext, eventAt, eventRanges, setValue, tokenEnd, type Edit, type EventRange } from '../src/editor/document.ts'
import { clearDraft, loadDraft, saveDraft } from '../src/editor/draft.ts'
import type { Event as DatasetEvent, EventDataset } from '../src/model/index.ts'
import { problemCount, validateDataset, type Problem } from '../src/validate/index.ts'
import './diplomatic-timeline.ts'
import type { DiplomaticTimeline } from './diplomatic-timeline.ts'
import { palette } from './diplomatic-timeline.styles.ts'
import { messageOf } from '../src/message-of.ts'

/** Files above this size are for the CLI: the editor would crawl. */
const maxFileBytes = 20 * 1024 * 1024
const channelName = 'diplomatic-timeline-editor'

type Enum = { enum: string[] }
const defs = (schema as unknown as { $defs: Record<string, { properties: Record<string, Enum> }> }).$defs
const enumOf = (def: string, field: string): string[] => defs[def]?.properties[field]?.enum ?? []

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

interface OpenFilePickerWindow {
  showSaveFilePicker?: (options: object) => Promise<{ name: string; createWritable: () => Promise<{ write: (text: string) => Promise<void>; close: () => Promise<void> }> }>
}

/**
 * An editor for a timeline dataset: the JSON text with the validator's problems, completion and
 * folding, a live preview, and a form for the selected event that writes into the text.
 *
 * ```html
 * <diplomatic-timeline-editor src="data/syria-truce-2016-09.json"></diplomatic-timeline-editor>
 * ```
 *
 * Text and form edits share one undo history. The draft is kept in localStorage after each edit
 * and restored after a reload, with a notice and a way to discard it.
 *
 * @csspart toolbar - file and edit buttons
 * @csspart code - the JSON text editor
 * @csspart problems - the list of problems in the text
 * @csspart preview - the live timeline
 * @csspart form - the form for the selected event
 * @cssproperty --dt-font - font family
 * @cssproperty --dt-fg - text colour
 * @cssproperty --dt-muted - secondary text and borders
 * @cssproperty --dt-accent - focus rings and notices
 * @cssproperty --dt-error - problems and warnings
 *
 * Light and dark follow the reader's `prefers-color-scheme`; the JSON text uses CodeMirror's One Dark theme in dark.
 */
/**
 * One Dark on the page's own dark background (#17181a) rather than its #282c34: there its
 * property names and line numbers (lighter here) reach a contrast of 4.5:1, which they fall short of on its own.
 * Listed before One Dark, so that it takes precedence.
 */
const onPageBackground = EditorView.theme({
  '&': { backgroundColor: '#17181a' },
  '.cm-gutters': { backgroundColor: '#17181a', color: '#9da5b4' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: '#202328' },
}, { dark: true })

@customElement('diplomatic-timeline-editor')
export class DiplomaticTimelineEditor extends LitElement {
  static override styles = css`
    ${palette}
    :host {
      display: block;
      font: 14px/1.4 var(--dt-font, system-ui, sans-serif);
      color: var(--_fg);
      color-scheme: light dark;
    }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; margin-bottom: 0.5rem; }
    .toolbar .name { font-weight: 600; margin-right: auto; }
    button, select, input, textarea { font: inherit; }
    button { border: 1px solid var(--_muted); border-radius: 4px; background: transparent; color: inherit; padding: 0.15rem 0.55rem; min-height: 1.9rem; cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
    .notice { border-left: 4px solid var(--_accent); background: color-mix(in srgb, var(--_accent) 8%, transparent); padding: 0.35rem 0.6rem; margin: 0 0 0.5rem; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    .notice.warn { border-color: var(--_error); background: color-mix(in srgb, var(--_error) 8%, transparent); }
    .panes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
    /* The text stays in view while the preview and the form scroll beside it. */
    .panes > section:first-child { position: sticky; top: 0.5rem; }
    @media (max-width: 900px) { .panes { grid-template-columns: minmax(0, 1fr); } .panes > section:first-child { position: static; } }
    .code { border: 1px solid var(--_muted); border-radius: 4px; overflow: hidden; }
    .code .cm-editor { height: 60vh; min-height: 20rem; }
    .code .cm-scroller { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 13px; }
    [part='problems'] { margin: 0.4rem 0 0; padding: 0; list-style: none; max-height: 10rem; overflow: auto; }
    [part='problems'] button { border: none; text-align: left; padding: 0.1rem 0.2rem; min-height: 0; width: 100%; color: var(--_error); }
    .status { color: var(--_muted); margin: 0 0 0.3rem; }
    .status.stale { color: var(--_error); }
    [part='form'] { margin-top: 0.75rem; border-top: 1px solid var(--_muted); padding-top: 0.5rem; }
    [part='form'] h3 { margin: 0 0 0.4rem; font-size: 1rem; }
    .grid { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.35rem 0.6rem; align-items: center; }
    .grid label { color: var(--_muted); }
    .grid > input, .grid > textarea, .grid > select, .grid > div > input { width: 100%; box-sizing: border-box; }
    .row > input:not([type='checkbox']) { flex: 1 1 10rem; min-width: 0; }
    .row { display: flex; gap: 0.3rem; flex-wrap: wrap; align-items: center; margin-bottom: 0.25rem; }
    .row textarea { flex: 1 1 12rem; }
    .hint { color: var(--_muted); font-size: 12px; }
    .hint.bad { color: var(--_error); }
    fieldset { border: 1px solid color-mix(in srgb, var(--_muted) 40%, transparent); border-radius: 4px; margin: 0.5rem 0 0; padding: 0.3rem 0.6rem 0.5rem; }
    legend { color: var(--_muted); }
    .drop { outline: 3px dashed var(--_accent); outline-offset: 4px; }
  `

  @query('.code') private codeHost!: HTMLElement
  @query('diplomatic-timeline') private preview?: DiplomaticTimeline

  @state() private problems: Problem[] = []
  @state() private lastValid?: EventDataset
  @state() private selectedId: string | null = null
  @state() private notice: { kind: 'info' | 'warn'; text: string; discard?: boolean } | null = null
  @state() private conflict: string | null = null
  @state() private fileName = 'dataset.json'
  @state() private dateHint = ''
  @state() private dragging = false
  /** Bumped on every change to the text, so the form re-reads it. */
  @state() private revision = 0

  /** URL of the dataset to open at first, when there is no newer draft. */
  @property({ attribute: 'src' }) src?: string

  /** The localStorage key of the draft; give each editor on a page its own. */
  @property({ attribute: 'storage-key' }) storageKey = 'diplomatic-timeline-editor:draft'

  private view?: EditorView
  private original = ''
  private rangesFor?: { doc: Doc; ranges: EventRange[] }
  private validateTimer?: ReturnType<typeof setTimeout>
  private saveTimer?: ReturnType<typeof setTimeout>
  private channel?: BroadcastChannel
  private readonly tab = Math.random().toString(36).slice(2)
  /** The text's colours follow the reader's light or dark scheme, as the rest of the page does. */
  private readonly darkScheme = matchMedia('(prefers-color-scheme: dark)')
  private readonly colours = new Compartment()
  private colourTheme = () => (this.darkScheme.matches ? [onPageBackground, oneDark] : [])
  private onSchemeChange = () => this.view?.dispatch({ effects: this.colours.reconfigure(this.colourTheme()) })

  override connectedCallback() {
    super.connectedCallback()
    window.addEventListener('storage', this.onStorage)
    this.darkScheme.addEventListener('change', this.onSchemeChange)
    // Closing the tab does not disconnect the element: keep the last keystrokes before it goes.
    window.addEventListener('pagehide', this.flushDraft)
    document.addEventListener('visibilitychange', this.onVisibility)
    if ('BroadcastChannel' in window) {
      this.channel = new BroadcastChannel(channelName)
      this.channel.onmessage = this.onChannel
      this.channel.postMessage({ type: 'hello', key: this.storageKey, tab: this.tab })
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    window.removeEventListener('storage', this.onStorage)
    this.darkScheme.removeEventListener('change', this.onSchemeChange)
    window.removeEventListener('pagehide', this.flushDraft)
    document.removeEventListener('visibilitychange', this.onVisibility)
    this.channel?.close()
    clearTimeout(this.validateTimer)
    this.flushDraft()
    this.view?.destroy()
    this.view = undefined
  }

  protected override async firstUpdated() {
    this.view = new EditorView({
      root: this.renderRoot as ShadowRoot,
      parent: this.codeHost,
      state: EditorState.create({ doc: '', extensions: this.extensions() }),
    })
    this.keyboardScrolling(this.view)
    if (this.src) {
      this.fileName = this.src.split('/').pop() || this.fileName
      try {
        const response = await fetch(this.src)
        if (!response.ok) throw new Error(`the server answered ${response.status}`)
        this.original = await response.text()
      } catch (error) {
        this.notice = { kind: 'warn', text: `Could not open ${this.src}: ${messageOf(error)}` }
      }
    }
    const draft = loadDraft(localStorage, this.storageKey)
    if (draft && draft.text !== this.original) {
      this.fileName = draft.name
      this.replaceAll(draft.text, false)
      this.notice = { kind: 'info', text: `Restored your unsaved draft from ${time(draft.savedAt)}.`, discard: true }
    } else this.replaceAll(this.original, false)
  }

  /** The scroller can be reached by keyboard too, to scroll the text without moving the cursor. */
  private keyboardScrolling(view: EditorView) {
    view.scrollDOM.tabIndex = 0
    view.scrollDOM.setAttribute('aria-label', 'Dataset JSON, scrollable')
  }

  private extensions() {
    return [
      basicSetup,
      this.colours.of(this.colourTheme()),
      json(),
      autocompletion({ override: [this.complete] }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Dataset JSON' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.onTextChanged()
        else if (update.selectionSet && update.transactions.some((t) => t.isUserEvent('select'))) this.onCursorMoved()
      }),
    ]
  }

  /** The editor's text. */
  get text(): string {
    return this.view?.state.doc.toString() ?? ''
  }

  override render() {
    const problems = this.problems
    const count = problemCount(problems)
    return html`
      <div class="toolbar" part="toolbar">
        <span class="name">${this.fileName}</span>
        <button @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>Open…</button>
        <input type="file" accept=".json,application/json" hidden @change=${this.onFilePicked} />
        <button @click=${this.save}>Save</button>
        <button @click=${this.copySnippet}>Copy embed snippet</button>
        <button @click=${() => this.view && undo(this.view)} aria-label="Undo">Undo</button>
        <button @click=${() => this.view && redo(this.view)} aria-label="Redo">Redo</button>
        <button @click=${this.addEvent}>Add event</button>
        <button @click=${this.duplicateEvent} ?disabled=${!this.selectedId}>Duplicate</button>
        <button @click=${this.deleteEvent} ?disabled=${!this.selectedId}>Delete</button>
        <button @click=${this.addActor}>Add actor</button>
        <button @click=${this.addSource}>Add source</button>
      </div>
      ${this.notice
        ? html`<p class="notice ${this.notice.kind}" role=${this.notice.kind === 'warn' ? 'alert' : 'status'}>
            <span>${this.notice.text}</span>
            ${this.notice.discard ? html`<button @click=${this.discardDraft}>Discard the draft</button>` : nothing}
            <button @click=${() => (this.notice = null)} aria-label="Dismiss">×</button>
          </p>`
        : nothing}
      ${this.conflict ? html`<p class="notice warn" role="alert"><span>${this.conflict}</span></p>` : nothing}
      <div class="panes">
        <section aria-label="JSON text" @dragover=${this.onDragOver} @dragleave=${() => (this.dragging = false)} @drop=${this.onDrop} class=${this.dragging ? 'drop' : ''}>
          <div class="code" part="code"></div>
          <ul part="problems" aria-label="Problems">
            ${problems.map((p) => html`<li><button @click=${() => this.goTo(p)}>line ${p.line}, column ${p.column}: ${p.message}</button></li>`)}
          </ul>
        </section>
        <section aria-label="Preview">
          <p class="status ${problems.length ? 'stale' : ''}" role="status">
            ${problems.length === 0
              ? 'Preview up to date.'
              : `The text has ${count === 1 ? 'a problem' : `${count} problems`}; the preview shows the last valid version.`}
          </p>
          <diplomatic-timeline part="preview" .data=${this.lastValid} .selected=${this.selectedId} @timeline-select=${this.onPreviewSelect}></diplomatic-timeline>
          ${this.renderForm()}
        </section>
      </div>
    `
  }

  // ---- the form -------------------------------------------------------------------------

  /** The selected event as the text has it now (with its index), even mid-edit elsewhere. */
  private currentEvent(): { index: number; event: DatasetEvent } | null {
    void this.revision
    const range = this.ranges().find((r) => r.id === this.selectedId)
    if (!range) return null
    try {
      return { index: range.index, event: JSON.parse(this.text.slice(range.from, range.to)) as DatasetEvent }
    } catch {
      return null
    }
  }

  private renderForm() {
    const current = this.currentEvent()
    if (!current) return html`<p class="hint" part="form">Select an event in the text or the preview to edit it here.</p>`
    const { index, event: e } = current
    const data = this.lastValid
    const actors = data?.actors ?? []
    const sources = data?.sources ?? []
    const at = (...path: Array<string | number>) => ['events', index, ...path]
    const select = (path: Array<string | number>, values: string[], value: string | undefined, label: string, optional = false) => html`
      <select aria-label=${label} @change=${(ev: Event) => this.set(path, (ev.target as HTMLSelectElement).value || undefined)}>
        ${optional ? html`<option value="" ?selected=${!value}>—</option>` : nothing}
        ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`)}
      </select>`
    const date = resolveEdtf(e.date?.edtf ?? '')
    return html`<form part="form" @submit=${(ev: Event) => ev.preventDefault()}>
      <h3>Event “${e.id}”</h3>
      <div class="grid">
        <label for="f-title">Title</label>
        <input id="f-title" .value=${e.title ?? ''} @change=${(ev: Event) => this.set(at('title'), (ev.target as HTMLInputElement).value)} />
        <label for="f-summary">Summary</label>
        <textarea id="f-summary" rows="2" .value=${e.summary ?? ''} @change=${(ev: Event) => this.set(at('summary'), (ev.target as HTMLTextAreaElement).value || undefined)}></textarea>
        <label for="f-edtf">Date (EDTF)</label>
        <div>
          <input id="f-edtf" .value=${e.date?.edtf ?? ''} aria-describedby="f-edtf-hint"
            @input=${(ev: Event) => this.previewDate((ev.target as HTMLInputElement).value)}
            @change=${(ev: Event) => this.set(at('date', 'edtf'), (ev.target as HTMLInputElement).value)} />
          <div id="f-edtf-hint" class="hint ${this.dateHint.startsWith('invalid') ? 'bad' : ''}">
            ${this.dateHint || (date.ok ? `${formatDate(date.date)} · ${date.date.precision} precision · ${date.date.shape}` : date.message)}
          </div>
        </div>
        <label for="f-phrase">Or a phrase</label>
        <div class="row">
          <input id="f-phrase" placeholder="Monday, over the weekend…" .value=${e.date?.text ?? ''} />
          <select id="f-anchor" aria-label="Relative to the publication date of">
            ${sources.map((s) => html`<option value=${s.id} ?selected=${s.id === e.date?.anchor}>${s.id} (${s.datePublished})</option>`)}
          </select>
          <select id="f-tense" aria-label="Tense">
            <option value="past" ?selected=${e.status !== 'planned'}>past</option>
            <option value="future" ?selected=${e.status === 'planned'}>future</option>
          </select>
          <button type="button" @click=${() => this.fillFromPhrase(index)}>Fill date</button>
        </div>
        <label>Status</label>${select(at('status'), enumOf('Event', 'status'), e.status, 'Status')}
        <label>Certainty</label>${select(at('certainty'), enumOf('Event', 'certainty'), e.certainty, 'Certainty')}
        <label>Category</label>${select(at('category'), enumOf('Event', 'category'), e.category, 'Category')}
        <label>Kind</label>${select(at('kind'), enumOf('Event', 'kind'), e.kind, 'Kind')}
      </div>
      <fieldset>
        <legend>Participants</legend>
        ${(e.participants ?? []).map((p, i) => html`<div class="row">
          ${select(at('participants', i, 'actor'), actors.map((a) => a.id), p.actor, `Participant ${i + 1} actor`)}
          ${select(at('participants', i, 'role'), enumOf('Participant', 'role'), p.role, `Participant ${i + 1} role`)}
          ${select(at('participants', i, 'attribution'), enumOf('Participant', 'attribution'), p.attribution, `Participant ${i + 1} attribution`, true)}
          <button type="button" aria-label="Remove participant ${i + 1}" @click=${() => this.set(at('participants', i), undefined)}>Remove</button>
        </div>`)}
        <button type="button" ?disabled=${actors.length === 0} @click=${() => this.edit((t) => append(t, at('participants'), { actor: actors[0]?.id, role: 'participant' }))}>Add participant</button>
      </fieldset>
      <fieldset>
        <legend>Fatalities</legend>
        <div class="row">
          <input type="number" min="0" step="1" aria-label="Fatalities (best figure)" .value=${e.fatalities ? String(e.fatalities.best) : ''}
            @change=${(ev: Event) => this.setFatalities(index, (ev.target as HTMLInputElement).value)} />
          <label><input type="checkbox" ?disabled=${!e.fatalities} .checked=${Boolean(e.fatalities?.approximate)}
            @change=${(ev: Event) => this.set(at('fatalities', 'approximate'), (ev.target as HTMLInputElement).checked || undefined)} /> approximate</label>
          ${e.fatalities ? select(at('fatalities', 'group'), enumOf('Fatalities', 'group'), e.fatalities.group, 'Who was killed', true) : nothing}
        </div>
      </fieldset>
      <fieldset>
        <legend>Evidence</legend>
        ${(e.evidence ?? []).map((q, i) => html`<div class="row">
          ${select(at('evidence', i, 'source'), sources.map((s) => s.id), q.source, `Quote ${i + 1} source`)}
          <textarea rows="2" aria-label="Quote ${i + 1}" .value=${q.quote ?? ''} @change=${(ev: Event) => this.set(at('evidence', i, 'quote'), (ev.target as HTMLTextAreaElement).value)}></textarea>
          <button type="button" aria-label="Remove quote ${i + 1}" @click=${() => this.set(at('evidence', i), undefined)}>Remove</button>
        </div>`)}
        <button type="button" ?disabled=${sources.length === 0} @click=${() => this.edit((t) => append(t, at('evidence'), { source: sources[0]?.id, quote: 'exact words from the source' }))}>Add quote</button>
      </fieldset>
    </form>`
  }

  private previewDate(value: string) {
    const result = resolveEdtf(value)
    this.dateHint = result.ok ? `${formatDate(result.date)} · ${result.date.precision} precision · ${result.date.shape}` : result.message
  }

  private fillFromPhrase(index: number) {
    const root = this.renderRoot
    const phrase = root.querySelector<HTMLInputElement>('#f-phrase')?.value.trim() ?? ''
    const anchor = root.querySelector<HTMLSelectElement>('#f-anchor')?.value ?? ''
    const tense = root.querySelector<HTMLSelectElement>('#f-tense')?.value === 'future' ? 'future' : 'past'
    const published = this.lastValid?.sources.find((s) => s.id === anchor)?.datePublished
    const edtf = published ? resolveRelativePhrase(phrase, published, { tense }) : null
    if (!edtf) {
      this.dateHint = `invalid phrase: "${phrase}" is not a relative date this editor knows (try Monday, yesterday, over the weekend, earlier this month, week-old)`
      return
    }
    this.dateHint = ''
    this.edit(
      (t) => setValue(t, ['events', index, 'date', 'edtf'], edtf),
      (t) => setValue(t, ['events', index, 'date', 'text'], phrase),
      (t) => setValue(t, ['events', index, 'date', 'anchor'], anchor),
    )
  }

  private setFatalities(index: number, value: string) {
    if (value.trim() === '') return this.set(['events', index, 'fatalities'], undefined)
    const best = Math.max(0, Math.round(Number(value)))
    if (!Number.isFinite(best)) return
    this.set(['events', index, 'fatalities', 'best'], best)
  }

  // ---- editing the text -----------------------------------------------------------------

  private set(path: Array<string | number>, value: unknown) {
    this.edit((t) => setValue(t, path, value))
  }

  /**
   * Applies edits in turn, each computed on the text the previous one left, as one transaction:
   * one step to undo, and only the changed span is replaced, so the rest of the text is untouched.
   */
  private edit(...steps: Array<(text: string) => Edit[]>) {
    const view = this.view
    if (!view) return
    const before = view.state.doc.toString()
    let after = before
    for (const step of steps) {
      const edits = step(after).sort((a, b) => b.offset - a.offset)
      for (const e of edits) after = after.slice(0, e.offset) + e.content + after.slice(e.offset + e.length)
    }
    if (after === before) return
    let start = 0
    while (start < before.length && before[start] === after[start]) start++
    let end = 0
    while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++
    view.dispatch({ changes: { from: start, to: before.length - end, insert: after.slice(start, after.length - end) }, userEvent: 'input.form' })
  }

  /** Replaces the whole text: one undoable step, unless it is the first load. */
  private replaceAll(text: string, undoable = true) {
    const view = this.view
    if (!view) return
    if (undoable) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
    else view.setState(EditorState.create({ doc: text, extensions: this.extensions() }))
    this.onTextChanged(true)
  }

  private ranges(): EventRange[] {
    const doc = this.view?.state.doc
    if (!doc) return []
    if (this.rangesFor?.doc !== doc) this.rangesFor = { doc, ranges: eventRanges(doc.toString()) }
    return this.rangesFor.ranges
  }

  private onTextChanged(now = false) {
    this.revision++
    clearTimeout(this.validateTimer)
    this.validateTimer = setTimeout(() => this.validate(), now ? 0 : 250)
    clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => this.flushDraft(), now ? 0 : 400)
  }

  /** Validates the text: problems go to the lint and the list; a valid text goes to the preview. */
  private validate() {
    const view = this.view
    if (!view) return
    const text = view.state.doc.toString()
    const result = validateDataset(text)
    this.problems = result.problems
    if (result.ok) this.lastValid = result.dataset
    const doc = view.state.doc
    const diagnostics: Diagnostic[] = result.problems.map((p) => {
      const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines))
      const from = Math.min(line.from + p.column - 1, doc.length)
      return { from, to: Math.max(from, Math.min(tokenEnd(text, from), doc.length)), severity: 'error', message: p.message }
    })
    view.dispatch(setDiagnostics(view.state, diagnostics))
  }

  /** A tab put in the background may be closed without a pagehide: keep the draft then, not when it comes back. */
  private onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flushDraft()
  }

  private flushDraft = () => {
    clearTimeout(this.saveTimer)
    if (!this.view) return
    const text = this.text
    const stored = loadDraft(localStorage, this.storageKey)
    if (text === this.original && !stored) return
    if (stored?.text === text) return
    const failure = saveDraft(localStorage, this.storageKey, { text, savedAt: Date.now(), name: this.fileName })
    if (failure) this.notice = { kind: 'warn', text: `Could not keep a draft in this browser (${failure}). Save the file to keep your changes.` }
  }

  private complete = (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/"?[\w$-]*/)
    if (!word || (word.from === word.to && !context.explicit)) return null
    const text = context.state.doc.toString()
    const { path, atKey } = cursorContext(text, context.pos)
    const options = suggestionsAt(schema as never, path, atKey, this.lastValid).map((s) => ({ label: s.value, detail: s.detail, apply: s.value, type: atKey ? 'property' : 'enum' }))
    return options.length ? { from: word.from, options, validFor: /^"?[\w$-]*"?$/ } : null
  }

  // ---- selection both ways --------------------------------------------------------------

  private onCursorMoved() {
    const view = this.view
    if (!view) return
    const id = eventAt(this.ranges(), view.state.selection.main.head)
    if (id !== null && id !== this.selectedId) this.selectedId = id
  }

  private onPreviewSelect = (event: CustomEvent<{ id: string | null }>) => {
    this.selectedId = event.detail.id
    const range = this.ranges().find((r) => r.id === event.detail.id)
    if (range && this.view) this.view.dispatch({ selection: { anchor: range.from }, effects: EditorView.scrollIntoView(range.from, { y: 'start', yMargin: 24 }) })
  }

  private goTo(p: Problem) {
    const view = this.view
    if (!view) return
    const line = view.state.doc.line(Math.min(Math.max(p.line, 1), view.state.doc.lines))
    view.dispatch({ selection: { anchor: Math.min(line.from + p.column - 1, line.to) }, scrollIntoView: true })
    view.focus()
  }

  // ---- adding and removing --------------------------------------------------------------

  private freshId(prefix: string, taken: Iterable<string>) {
    const used = new Set(taken)
    let n = 1
    while (used.has(`${prefix}-${n}`)) n++
    return `${prefix}-${n}`
  }

  private selectAfterEdit(id: string) {
    this.selectedId = id
    const range = this.ranges().find((r) => r.id === id)
    if (range && this.view) this.view.dispatch({ selection: { anchor: range.from }, effects: EditorView.scrollIntoView(range.from, { y: 'start', yMargin: 24 }) })
  }

  private addEvent = () => {
    const data = this.lastValid
    const id = this.freshId('new-event', this.ranges().map((r) => r.id))
    const source = data?.sources[0]
    const event = {
      id,
      title: 'New event',
      kind: 'occurrence',
      category: 'diplomacy',
      status: 'occurred',
      certainty: 'reported',
      date: { edtf: source?.datePublished ?? new Date().toISOString().slice(0, 10) },
    }
    this.edit((t) => append(t, ['events'], event))
    this.selectAfterEdit(id)
  }

  private duplicateEvent = () => {
    const current = this.currentEvent()
    if (!current) return
    const id = this.freshId(`${current.event.id}-copy`, this.ranges().map((r) => r.id))
    this.edit((t) => append(t, ['events'], { ...current.event, id }))
    this.selectAfterEdit(id)
  }

  private deleteEvent = () => {
    const current = this.currentEvent()
    if (!current) return
    this.edit((t) => setValue(t, ['events', current.index], undefined))
    this.selectedId = null
    this.notice = { kind: 'info', text: `Deleted event “${current.event.id}”. Undo brings it back.` }
  }

  private addActor = () => {
    const id = this.freshId('new-actor', (this.lastValid?.actors ?? []).map((a) => a.id))
    this.edit((t) => append(t, ['actors'], { id, name: 'New actor', kind: 'state' }))
  }

  private addSource = () => {
    const id = this.freshId('new-source', (this.lastValid?.sources ?? []).map((s) => s.id))
    const today = new Date().toISOString().slice(0, 10)
    this.edit((t) => append(t, ['sources'], { id, type: 'NewsArticle', headline: 'Headline', datePublished: today }))
  }

  // ---- files ----------------------------------------------------------------------------

  private onFilePicked = async (event: Event) => {
    const input = event.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (file) await this.openFile(file)
  }

  private onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return
    event.preventDefault()
    this.dragging = true
  }

  private onDrop = async (event: DragEvent) => {
    this.dragging = false
    const file = event.dataTransfer?.files[0]
    if (!file) return
    event.preventDefault()
    await this.openFile(file)
  }

  /** Opens a file in place of the text; anything that is not a JSON dataset is refused with a reason. */
  async openFile(file: File) {
    if (file.size > maxFileBytes) {
      this.notice = { kind: 'warn', text: `${file.name} is ${(file.size / 1048576).toFixed(0)} MB; the editor opens files up to ${maxFileBytes / 1048576} MB. Check it with "npx diplomatic-timeline validate" instead. Nothing was changed.` }
      return
    }
    let text: string
    try {
      text = await file.text()
    } catch (error) {
      this.notice = { kind: 'warn', text: `Could not read ${file.name}: ${messageOf(error)}. Nothing was changed.` }
      return
    }
    if (!/^\uFEFF?\s*[{[]/.test(text)) {
      this.notice = { kind: 'warn', text: `${file.name} is not a JSON file (it does not start with "{"). Nothing was changed.` }
      return
    }
    this.fileName = file.name
    this.replaceAll(text)
    this.notice = { kind: 'info', text: `Opened ${file.name}. Undo goes back to the previous text.` }
  }

  private save = async () => {
    const text = this.text
    const picker = (window as OpenFilePickerWindow).showSaveFilePicker
    try {
      if (picker) {
        const handle = await picker({ suggestedName: this.fileName, types: [{ description: 'Timeline dataset', accept: { 'application/json': ['.json'] } }] })
        const writable = await handle.createWritable()
        await writable.write(text)
        await writable.close()
        this.fileName = handle.name
      } else {
        const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
        const link = Object.assign(document.createElement('a'), { href: url, download: this.fileName })
        link.click()
        setTimeout(() => URL.revokeObjectURL(url), 10_000)
      }
      const count = problemCount(this.problems)
      this.notice = { kind: 'info', text: `Saved ${this.fileName}${count ? `, with ${count} problem${count === 1 ? '' : 's'} still in it` : ''}.` }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return
      this.notice = { kind: 'warn', text: `Could not save ${this.fileName}: ${messageOf(error)}. Your draft is kept in this browser.` }
    }
  }

  private copySnippet = async () => {
    const snippet = `<script type="module" src="diplomatic-timeline.js"></script>\n<diplomatic-timeline src="${this.fileName}"></diplomatic-timeline>`
    try {
      await navigator.clipboard.writeText(snippet)
      this.notice = { kind: 'info', text: 'Copied the embed snippet.' }
    } catch {
      this.notice = { kind: 'warn', text: `Could not copy; here it is to copy by hand: ${snippet}` }
    }
  }

  private discardDraft = () => {
    clearDraft(localStorage, this.storageKey)
    this.notice = null
    this.fileName = this.src?.split('/').pop() || 'dataset.json'
    this.replaceAll(this.original)
  }

  // ---- other tabs -----------------------------------------------------------------------

  private onChannel = (message: MessageEvent<{ type: string; key: string; tab: string }>) => {
    const { type, key, tab } = message.data ?? {}
    if (key !== this.storageKey || tab === this.tab) return
    // An older tab answers a newer one; the newer one warns, as it is the one about to overwrite.
    if (type === 'hello') this.channel?.postMessage({ type: 'here', key: this.storageKey, tab: this.tab })
    if (type === 'here') this.conflict = 'This draft is also open in another tab. Edits in both tabs overwrite each other’s draft: keep editing in one.'
  }

  private onStorage = (event: StorageEvent) => {
    if (event.key !== this.storageKey || event.newValue === null) return
    const draft = loadDraft({ getItem: () => event.newValue, setItem: () => {}, removeItem: () => {} }, this.storageKey)
    if (draft && draft.text !== this.text) {
      this.conflict = `Another tab changed this draft at ${time(draft.savedAt)}. Your next edit here will overwrite it.`
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diplomatic-timeline-editor': DiplomaticTimelineEditor
  }
}
