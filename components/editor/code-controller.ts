import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { basicSetup } from 'codemirror'
import { json } from '@codemirror/lang-json'
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete'
import { isolateHistory, redo, undo } from '@codemirror/commands'
import { setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { Compartment, EditorState, type Text as Doc } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { oneDark } from '@codemirror/theme-one-dark'
import schema from '../../data/event-dataset.schema.json'
import { suggestionsAt } from '../../src/editor/completions.ts'
import { cursorContext, eventRanges, tokenEnd, type Edit, type EventRange } from '../../src/editor/document.ts'
import type { EventDataset } from '../../src/model/index.ts'
import type { Problem } from '../../src/validate/index.ts'

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

export interface CodeOptions {
  /** After each change to the text; `loaded` when the whole text was replaced without an undo step (a first load), `history` when it was an undo or redo. */
  changed(loaded: boolean, history: boolean): void
  /** After the user moves the cursor without changing the text. */
  cursorMoved(offset: number): void
  /** The dataset that completion draws ids from. */
  dataset(): Partial<EventDataset> | undefined
}

/**
 * The JSON text: a CodeMirror view with completion from the schema, the validator's problems as
 * lint, folding, and the page's light or dark scheme. Form edits go through it too, so text and
 * form share one undo history.
 */
export class CodeController implements ReactiveController {
  private view?: EditorView
  /** The state kept while the host is out of the page, to come back with the text and its history. */
  private kept?: EditorState
  private parent?: HTMLElement
  private rangesFor?: { doc: Doc; ranges: EventRange[] }
  /** The text's colours follow the reader's light or dark scheme, as the rest of the page does. */
  private readonly darkScheme = matchMedia('(prefers-color-scheme: dark)')
  private readonly colours = new Compartment()

  constructor(host: ReactiveControllerHost, private readonly options: CodeOptions) {
    host.addController(this)
  }

  hostConnected() {
    this.darkScheme.addEventListener('change', this.onSchemeChange)
    if (this.kept && this.parent) this.attach(this.parent, this.kept)
  }

  hostDisconnected() {
    this.darkScheme.removeEventListener('change', this.onSchemeChange)
    this.kept = this.view?.state
    this.view?.destroy()
    this.view = undefined
  }

  /** Makes the view inside `parent` (in the host's shadow root), once it is rendered. */
  attach(parent: HTMLElement, state = EditorState.create({ doc: '', extensions: this.extensions() })) {
    this.parent = parent
    this.view = new EditorView({ root: parent.getRootNode() as ShadowRoot, parent, state })
    // The scroller can be reached by keyboard too, to scroll the text without moving the cursor.
    this.view.scrollDOM.tabIndex = 0
    this.view.scrollDOM.setAttribute('aria-label', 'Dataset JSON, scrollable')
  }

  get text(): string {
    return (this.view?.state ?? this.kept)?.doc.toString() ?? ''
  }

  /** Where each event object stands in the text, worked out once per version of the text. */
  ranges(): EventRange[] {
    const doc = this.view?.state.doc
    if (!doc) return []
    if (this.rangesFor?.doc !== doc) this.rangesFor = { doc, ranges: eventRanges(doc.toString()) }
    return this.rangesFor.ranges
  }

  /**
   * Applies edits in turn, each computed on the text the previous one left, as one transaction:
   * one step to undo, and only the changed span is replaced, so the rest of the text is untouched.
   */
  edit(...steps: Array<(text: string) => Edit[]>) {
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

  /** Replaces the whole text: one undoable step of its own (not joined to a change just before or after), unless it is the first load. */
  replaceAll(text: string, undoable = true) {
    const view = this.view
    if (!view) return
    if (undoable) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: isolateHistory.of('full') })
    else {
      view.setState(EditorState.create({ doc: text, extensions: this.extensions() }))
      this.options.changed(true, false)
    }
  }

  /** Underlines each problem at its line and column. */
  showProblems(problems: readonly Problem[]) {
    const view = this.view
    if (!view) return
    const doc = view.state.doc
    const text = doc.toString()
    const diagnostics: Diagnostic[] = problems.map((p) => {
      const from = this.offsetOf(p.line, p.column)
      return { from, to: Math.max(from, Math.min(tokenEnd(text, from), doc.length)), severity: 'error', message: p.message }
    })
    view.dispatch(setDiagnostics(view.state, diagnostics))
  }

  /** Puts the cursor at a line and column and focuses the text. */
  goTo(line: number, column: number) {
    const view = this.view
    if (!view) return
    view.dispatch({ selection: { anchor: this.offsetOf(line, column) }, scrollIntoView: true })
    view.focus()
  }

  /** Puts the cursor at an offset and scrolls its line to the top of the text. */
  reveal(offset: number) {
    this.view?.dispatch({ selection: { anchor: offset }, effects: EditorView.scrollIntoView(offset, { y: 'start', yMargin: 24 }) })
  }

  /** Scrolls the cursor back into view, after the text's box changed size. */
  keepCursorInView() {
    const view = this.view
    if (view) view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'nearest', yMargin: 24 }) })
  }

  undo = () => void (this.view && undo(this.view))
  redo = () => void (this.view && redo(this.view))

  private offsetOf(line: number, column: number): number {
    const doc = this.view!.state.doc
    const at = doc.line(Math.min(Math.max(line, 1), doc.lines))
    return Math.min(at.from + column - 1, at.to)
  }

  private colourTheme = () => (this.darkScheme.matches ? [onPageBackground, oneDark] : [])
  private onSchemeChange = () => this.view?.dispatch({ effects: this.colours.reconfigure(this.colourTheme()) })

  private extensions() {
    return [
      basicSetup,
      this.colours.of(this.colourTheme()),
      json(),
      autocompletion({ override: [this.complete] }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Dataset JSON' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.options.changed(false, update.transactions.some((t) => t.isUserEvent('undo') || t.isUserEvent('redo')))
        else if (update.selectionSet && update.transactions.some((t) => t.isUserEvent('select'))) this.options.cursorMoved(update.state.selection.main.head)
      }),
    ]
  }

  private complete = (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/"?[\w$-]*/)
    if (!word || (word.from === word.to && !context.explicit)) return null
    const { path, atKey } = cursorContext(context.state.doc.toString(), context.pos)
    const options = suggestionsAt(schema as never, path, atKey, this.options.dataset()).map((s) => ({ label: s.value, detail: s.detail, apply: s.value, type: atKey ? 'property' : 'enum' }))
    return options.length ? { from: word.from, options, validFor: /^"?[\w$-]*"?$/ } : null
  }
}
