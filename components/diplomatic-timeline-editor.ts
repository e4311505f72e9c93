import { LitElement, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { eventAt, type Edit } from '../src/editor/document.ts'
import { eventInText } from '../src/editor/event-fields.ts'
import { problemCount } from '../src/validate/index.ts'
import { messageOf } from '../src/message-of.ts'
import './diplomatic-timeline.ts'
import { CodeController } from './editor/code-controller.ts'
import { DraftController, time } from './editor/draft-controller.ts'
import { addActor, addEvent, addSource, deleteEvent, duplicateEvent, type Change } from './editor/event-actions.ts'
import { EventForm } from './editor/event-form.ts'
import { convertAgain, copySnippet, FileDrop, openControl, openFile, saveAs, saveAsControl, saveText, type Opened } from './editor/file-actions.ts'
import type { ColumnChoices, CsvSource } from './editor/csv-mapping.ts'
import { noticePart, type Notice } from './editor/notice.ts'
import { editorStyles } from './editor/styles.ts'
import { ValidationController } from './editor/validation-controller.ts'

/**
 * An editor for a timeline dataset: the JSON text with the validator's problems, completion and
 * folding, a live preview, and a form for the selected event that writes into the text.
 *
 * ```html
 * <diplomatic-timeline-editor src="data/syria-truce-2016-09.json"></diplomatic-timeline-editor>
 * ```
 *
 * Text and form edits share one undo history. The draft is kept in localStorage after each edit
 * and restored after a reload, with a notice and a way to discard it. Open and drop read every
 * format of the format registry (other tools' formats are converted into a dataset); Save as
 * writes a valid dataset in each format that has a writer.
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
@customElement('diplomatic-timeline-editor')
export class DiplomaticTimelineEditor extends LitElement {
  static override styles = editorStyles

  private readonly drafts = new DraftController(this, {
    key: () => this.storageKey,
    text: () => this.text,
    name: () => this.fileName,
    valid: () => this.validation.validOtherThan(this.text),
    original: () => this.original,
    failed: (reason) => (this.notice = { kind: 'warn', text: `Could not keep a draft in this browser (${reason}). Save the file to keep your changes.` }),
  })

  private readonly code = new CodeController(this, {
    changed: (loaded, history) => this.onTextChanged(loaded, history),
    cursorMoved: (offset) => this.onCursorMoved(offset),
    dataset: () => this.validation.lastValid,
  })

  private readonly validation = new ValidationController(this, {
    text: () => this.text,
    checked: (problems) => this.code.showProblems(problems),
  })

  private readonly form = new EventForm({
    root: () => this.renderRoot,
    dataset: () => this.validation.lastValid,
    edit: (...steps) => this.edit(...steps),
    requestUpdate: () => this.requestUpdate(),
  })

  private readonly drop = new FileDrop(this, (file) => void this.openFile(file))

  @query('.code') private codeHost!: HTMLElement

  @state() private selectedId: string | null = null
  @state() private notice: Notice | null = null
  @state() private fileName = 'dataset.json'
  /** Bumped on every change to the text, so the form re-reads it. */
  @state() private revision = 0

  /** URL of the dataset to open at first, when there is no newer draft. */
  @property({ attribute: 'src' }) src?: string

  /** The localStorage key of the draft; give each editor on a page its own. */
  @property({ attribute: 'storage-key' }) storageKey = 'diplomatic-timeline-editor:draft'

  private original = ''
  /** Where the text is to show, once rendered: the start of an event selected outside the text. */
  private revealAt?: number

  protected override async firstUpdated() {
    this.code.attach(this.codeHost)
    // The text comes in after this first render, not during it.
    await this.updateComplete
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
    const draft = this.drafts.restore()
    if (draft && draft.text !== this.original) {
      this.fileName = draft.name
      if (draft.valid !== undefined) this.validation.keep(draft.valid)
      this.code.replaceAll(draft.text, false)
      this.notice = { kind: 'info', text: `Restored your unsaved draft from ${time(draft.savedAt)}.`, discard: true }
    } else this.code.replaceAll(this.original, false)
  }

  protected override updated(changed: Map<PropertyKey, unknown>) {
    // Once the form under the text has taken its room: the event chosen elsewhere at the top, or the cursor's line kept in sight.
    if (this.revealAt !== undefined) this.code.reveal(this.revealAt)
    else if (changed.has('selectedId')) this.code.keepCursorInView()
    this.revealAt = undefined
  }

  /** The editor's text. */
  get text(): string {
    return this.code.text
  }

  /** Opens a file in place of the text: a dataset's JSON as written, or another format converted; one that cannot be read is refused with a reason. */
  async openFile(file: File) {
    this.show(await openFile(file))
  }

  override render() {
    const { problems, lastValid } = this.validation
    const ranges = () => this.code.ranges()
    const noPreview = !lastValid && problems.length > 0
    return html`
      <div class="toolbar" part="toolbar">
        <span class="name">${this.fileName}</span>
        ${openControl((file) => void this.openFile(file))}
        <button @click=${this.save}>Save</button>
        ${saveAsControl(this.validation.current !== undefined, this.saveAs)}
        <button @click=${async () => (this.notice = await copySnippet(this.fileName))}>Copy embed snippet</button>
        <button @click=${this.code.undo} aria-label="Undo">Undo</button>
        <button @click=${this.code.redo} aria-label="Redo">Redo</button>
        <button @click=${() => this.apply(addEvent(ranges(), lastValid))}>Add event</button>
        <button @click=${() => this.apply(duplicateEvent(ranges(), this.selectedId))} ?disabled=${!this.selectedId}>Duplicate</button>
        <button @click=${() => this.apply(deleteEvent(ranges(), this.selectedId))} ?disabled=${!this.selectedId}>Delete</button>
        <button @click=${() => this.apply(addActor(lastValid))}>Add actor</button>
        <button @click=${() => this.apply(addSource(lastValid))}>Add source</button>
      </div>
      ${noticePart(this.notice, { dismiss: () => (this.notice = null), discard: this.discardDraft, convert: this.convertAgain })}
      ${this.drafts.conflict ? html`<p class="notice warn" role="alert"><span>${this.drafts.conflict}</span></p>` : nothing}
      <div class="panes">
        <section aria-label="JSON text" class="text ${this.drop.dragging ? 'drop' : ''}" @dragover=${this.drop.over} @dragleave=${this.drop.leave} @drop=${this.drop.drop}>
          <div class="code" part="code"></div>
          <ul part="problems" aria-label="Problems">${problems.map((p) => html`<li><button @click=${() => this.code.goTo(p.line, p.column)}>line ${p.line}, column ${p.column}: ${p.message}</button></li>`)}</ul>
          <div class="form-area">${this.form.render(this.selectedEvent())}</div>
        </section>
        <section aria-label="Preview">
          <p class="status ${problems.length ? 'stale' : ''}" role="status">${this.validation.status()}</p>
          ${noPreview ? html`<p class="no-preview">No valid version yet.</p>` : nothing}
          <diplomatic-timeline part="preview" ?hidden=${noPreview} .data=${lastValid} .selected=${this.selectedId} @timeline-select=${this.onPreviewSelect}></diplomatic-timeline>
        </section>
      </div>
    `
  }

  /** The selected event as the text has it now, even mid-edit elsewhere. */
  private selectedEvent() {
    void this.revision
    const range = this.code.ranges().find((r) => r.id === this.selectedId)
    return range ? eventInText(this.text, range) : null
  }

  // ---- the text ---------------------------------------------------------------------------

  /** An edit of the text from the form or the toolbar; one that cannot be made there is left to the text, with a reason. */
  private edit(...steps: Array<(text: string) => Edit[]>): boolean {
    try {
      this.code.edit(...steps)
      return true
    } catch (error) {
      this.notice = { kind: 'warn', text: `Could not make that change here (${messageOf(error)}): edit it in the text.` }
      return false
    }
  }

  /** A toolbar edit of the lists: the text, then the event it selects and what it says. */
  private apply(change: Change | undefined) {
    if (!change || !this.edit(change.step)) return
    if (change.select !== undefined) this.selectAndReveal(change.select)
    if (change.notice) this.notice = change.notice
  }

  /** Puts a new document in place of the text, as one step to undo; the last valid version was another document's. */
  private openText(text: string, name: string) {
    this.fileName = name
    this.validation.forget()
    this.code.replaceAll(text)
  }

  /** A text change; one of the user's own (not an undo or redo) leaves a CSV's columns behind: converting it again would undo that work. */
  private onTextChanged(loaded: boolean, history: boolean) {
    if (!loaded && !history && this.notice?.csv) this.notice = { ...this.notice, csv: undefined }
    this.revision++
    this.validation.changed(loaded)
    if (!loaded) this.drafts.edited()
  }

  // ---- selection both ways ----------------------------------------------------------------

  private onCursorMoved(offset: number) {
    const id = eventAt(this.code.ranges(), offset)
    if (id !== null && id !== this.selectedId) this.selectedId = id
  }

  /** Selects an event chosen in the preview or just added, and shows its text. */
  private selectAndReveal(id: string | null) {
    this.selectedId = id
    this.revealAt = this.code.ranges().find((r) => r.id === id)?.from
    this.requestUpdate()
  }

  private onPreviewSelect = (event: CustomEvent<{ id: string | null }>) => this.selectAndReveal(event.detail.id)

  // ---- files ------------------------------------------------------------------------------

  /** What opening a file gave: its text in place of the editor's, when there is one, and its notice. */
  private show(opened: Opened) {
    if (opened.text !== undefined) this.openText(opened.text, opened.name)
    this.notice = opened.notice
  }

  /** Reads the notice's CSV again with other columns; not once another file or an edit has taken its place meanwhile. */
  private convertAgain = async (csv: CsvSource, choices: ColumnChoices) => {
    const opened = await convertAgain(csv, choices)
    if (this.notice?.csv === csv) this.show(opened)
  }

  private save = async () => {
    const saved = await saveText(this.text, this.fileName, problemCount(this.validation.problems))
    if (saved?.name) this.fileName = saved.name
    if (saved) this.notice = saved.notice
  }

  private saveAs = async (id: string) => {
    const dataset = this.validation.current
    const notice = dataset && (await saveAs(dataset, this.fileName, id))
    if (notice) this.notice = notice
  }

  private discardDraft = () => {
    this.drafts.discard()
    this.notice = null
    this.openText(this.original, this.src?.split('/').pop() || 'dataset.json')
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diplomatic-timeline-editor': DiplomaticTimelineEditor
  }
}
