import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { EventDataset } from '../../src/model/index.ts'
import { problemCount, validateDataset, type Problem } from '../../src/validate/index.ts'

export interface ValidationOptions {
  text(): string
  /** After each validation, with the text's problems. */
  checked(problems: readonly Problem[]): void
}

/**
 * The text's problems and its last valid version: validated a moment after typing stops (at once
 * after a load). The last valid version stays in the preview while the text has problems, and
 * is another document's no longer once a file is opened.
 */
export class ValidationController implements ReactiveController {
  problems: Problem[] = []
  /** The last valid version of the text; undefined when there has been none. */
  lastValid?: EventDataset
  private lastValidText?: string
  /** Whether `problems` are those of the text as it is now. */
  private upToDate = false
  private timer?: ReturnType<typeof setTimeout>

  constructor(private readonly host: ReactiveControllerHost, private readonly options: ValidationOptions) {
    host.addController(this)
  }

  hostDisconnected() {
    clearTimeout(this.timer)
  }

  /** After a change to the text: validates it once typing pauses, or at once. */
  changed(now: boolean) {
    this.upToDate = false
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.validate(), now ? 0 : 250)
  }

  validate() {
    const text = this.options.text()
    const result = validateDataset(text)
    this.problems = result.problems
    this.upToDate = true
    if (result.ok) [this.lastValid, this.lastValidText] = [result.dataset, text]
    this.options.checked(result.problems)
    this.host.requestUpdate()
  }

  /** Takes a text kept from before (a restored draft's last valid version) as the last valid version, if it is valid. */
  keep(text: string) {
    const result = validateDataset(text)
    if (result.ok) [this.lastValid, this.lastValidText] = [result.dataset, text]
  }

  /** Forgets the last valid version: the text is another document now. */
  forget() {
    this.lastValid = this.lastValidText = undefined
  }

  /** The text's dataset while the text is valid as it stands. */
  get current(): EventDataset | undefined {
    return this.upToDate && this.problems.length === 0 ? this.lastValid : undefined
  }

  /** The last valid version's text when `text` is not it, for a draft to keep beside the text. */
  validOtherThan(text: string): string | undefined {
    return this.lastValidText !== text ? this.lastValidText : undefined
  }

  /** The line above the preview: up to date, or what it shows while the text has problems. */
  status(): string {
    const count = problemCount(this.problems)
    const problems = count === 1 ? 'a problem' : `${count} problems`
    if (count === 0) return 'Preview up to date.'
    return this.lastValid
      ? `The text has ${problems}; the preview shows the last valid version.`
      : `The text has ${problems}, and there is no valid version of it yet to preview: the preview appears once the text is valid.`
  }
}
