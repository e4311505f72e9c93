// The editor's browser tests mount it through here: test/components/editor*.browser.test.ts.
import { expect } from 'vitest'
import { userEvent } from 'vitest/browser'
import { EditorView } from '@codemirror/view'
import '../../components/diplomatic-timeline-editor.ts'
import type { DiplomaticTimelineEditor } from '../../components/diplomatic-timeline-editor.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'

export const src = '/data/syria-truce-2016-09.json'

let original = ''
/** The dataset's text as the server has it. */
export const originalText = async () => (original ||= await (await fetch(src)).text())

let count = 0
/** A storage key no other test has used. */
export const freshKey = () => `editor-test-${++count}-${Math.random()}`

/** Ends a test: no editor left on the page, no draft left in storage. */
export function cleanUp() {
  document.body.replaceChildren()
  localStorage.clear()
}

export const root = (el: DiplomaticTimelineEditor) => el.shadowRoot!
export const view = (el: DiplomaticTimelineEditor) => EditorView.findFromDOM(root(el).querySelector<HTMLElement>('.cm-editor')!)!
export const preview = (el: DiplomaticTimelineEditor) => root(el).querySelector<DiplomaticTimeline>('diplomatic-timeline')!
export const previewMark = (el: DiplomaticTimelineEditor, id: string) => preview(el).shadowRoot?.querySelector<SVGElement>(`[data-event-id="${id}"]`)
export const previewTitle = (el: DiplomaticTimelineEditor, id: string) => previewMark(el, id)?.getAttribute('aria-label')
export const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length
/** The notice's text, white space collapsed. */
export const notice = (el: DiplomaticTimelineEditor) => (root(el).querySelector('.notice')?.textContent ?? '').replace(/\s+/g, ' ').trim()
export const status = (el: DiplomaticTimelineEditor) => root(el).querySelector('.status')?.textContent ?? ''
/** The items of the notice's list under a title that starts with `title`. */
export const noticeList = (el: DiplomaticTimelineEditor, title: string) => {
  const heading = [...root(el).querySelectorAll('.notice .list-title')].find((h) => h.textContent?.startsWith(title))
  return [...(heading?.nextElementSibling?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '')
}
/** The problems listed under the text. */
export const problemsListed = (el: DiplomaticTimelineEditor) => [...root(el).querySelectorAll('[part="problems"] li')].map((li) => li.textContent ?? '')
export const button = (el: DiplomaticTimelineEditor, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label)!

/**
 * An editor of the sample dataset under `storageKey`, once its text is in and (unless `previewed`
 * is false) its preview drawn. `width` is its CSS width; '' leaves it to the page.
 */
export async function mount(storageKey: string, { width = '1300px', previewed = true } = {}): Promise<DiplomaticTimelineEditor> {
  const el = document.createElement('diplomatic-timeline-editor')
  el.src = src
  el.storageKey = storageKey
  el.style.width = width
  document.body.append(el)
  await expect.poll(() => el.text.length, { timeout: 5000 }).toBeGreaterThan(previewed ? 1000 : 0)
  if (previewed) await expect.poll(() => previewMark(el, 'convoy-attack')).toBeTruthy()
  return el
}

/** Puts the cursor on the first occurrence of `needle` after `after`, selecting it, as a user would. */
export function selectText(el: DiplomaticTimelineEditor, needle: string, after = '') {
  const text = el.text
  const from = text.indexOf(needle, after ? text.indexOf(after) : 0)
  expect(from).toBeGreaterThan(-1)
  view(el).dispatch({ selection: { anchor: from, head: from + needle.length }, userEvent: 'select.pointer' })
  view(el).focus()
  return from
}

/** Selects `needle` (the first after `after`) and types `words` over it, as a user would; returns the text then. */
export async function typeOver(el: DiplomaticTimelineEditor, needle: string, words: string, after = '') {
  selectText(el, needle, after)
  await userEvent.keyboard(words)
  return el.text
}

/** Replaces the whole text as a user's paste would. */
export function typeText(el: DiplomaticTimelineEditor, text: string) {
  const v = view(el)
  v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text }, userEvent: 'input.paste' })
}

/** Clicks an event's mark in the preview. */
export function clickInPreview(el: DiplomaticTimelineEditor, id: string) {
  previewMark(el, id)!.querySelector('.body')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
}

/** Picks a file in the editor's Open… dialog. */
export function pick(el: DiplomaticTimelineEditor, file: File) {
  const input = root(el).querySelector<HTMLInputElement>('input[type=file]')!
  const transfer = new DataTransfer()
  transfer.items.add(file)
  input.files = transfer.files
  input.dispatchEvent(new Event('change'))
}

/** The uncaught errors and rejections while `run` goes and a moment after, kept from the test runner's own report. */
export async function uncaughtDuring(run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = []
  const onError = (event: ErrorEvent) => {
    event.preventDefault()
    errors.push(event.message)
  }
  const onRejection = (event: PromiseRejectionEvent) => {
    event.preventDefault()
    errors.push(String(event.reason))
  }
  window.addEventListener('error', onError)
  window.addEventListener('unhandledrejection', onRejection)
  try {
    await run()
    await new Promise((resolve) => setTimeout(resolve, 50))
  } finally {
    window.removeEventListener('error', onError)
    window.removeEventListener('unhandledrejection', onRejection)
  }
  return errors
}

/** Replaces `HTMLAnchorElement.prototype.click` and the file picker while `run` goes, and returns the downloads it made. */
export async function downloadsDuring(run: () => Promise<void>): Promise<Array<{ download: string; href: string }>> {
  const w = window as unknown as { showSaveFilePicker?: unknown }
  const picker = w.showSaveFilePicker
  const click = HTMLAnchorElement.prototype.click
  const clicked: Array<{ download: string; href: string }> = []
  try {
    w.showSaveFilePicker = undefined
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href })
    }
    await run()
  } finally {
    w.showSaveFilePicker = picker
    HTMLAnchorElement.prototype.click = click
  }
  return clicked
}
