import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { EditorView } from '@codemirror/view'
import { forEachDiagnostic } from '@codemirror/lint'
import { currentCompletions, startCompletion } from '@codemirror/autocomplete'
import '../../components/diplomatic-timeline-editor.ts'
import type { DiplomaticTimelineEditor } from '../../components/diplomatic-timeline-editor.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'

const src = '/data/syria-truce-2016-09.json'
let original = ''
let key = ''
let count = 0

beforeEach(async () => {
  original ||= await (await fetch(src)).text()
  key = `editor-test-${++count}-${Math.random()}`
})

afterEach(() => {
  document.body.replaceChildren()
  localStorage.clear()
})

async function mount(storageKey = key): Promise<DiplomaticTimelineEditor> {
  const el = document.createElement('diplomatic-timeline-editor')
  el.src = src
  el.storageKey = storageKey
  el.style.width = '1300px'
  document.body.append(el)
  await expect.poll(() => el.text.length, { timeout: 5000 }).toBeGreaterThan(1000)
  await expect.poll(() => preview(el).shadowRoot?.querySelector('[data-event-id="convoy-attack"]')).toBeTruthy()
  return el
}

const root = (el: DiplomaticTimelineEditor) => el.shadowRoot!
const view = (el: DiplomaticTimelineEditor) => EditorView.findFromDOM(root(el).querySelector<HTMLElement>('.cm-editor')!)!
const preview = (el: DiplomaticTimelineEditor) => root(el).querySelector<DiplomaticTimeline>('diplomatic-timeline')!
const previewTitle = (el: DiplomaticTimelineEditor, id: string) => preview(el).shadowRoot?.querySelector(`[data-event-id="${id}"]`)?.getAttribute('aria-label')
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length

/** Puts the cursor on the first occurrence of `needle` after `after`, selecting it, as a user would. */
function selectText(el: DiplomaticTimelineEditor, needle: string, after = '') {
  const text = el.text
  const from = text.indexOf(needle, after ? text.indexOf(after) : 0)
  expect(from).toBeGreaterThan(-1)
  view(el).dispatch({ selection: { anchor: from, head: from + needle.length }, userEvent: 'select.pointer' })
  view(el).focus()
  return from
}

describe('<diplomatic-timeline-editor> text and preview', () => {
  it('lints an invalid edit at its line, lists it, and keeps the last valid preview', async () => {
    const el = await mount()
    const at = selectText(el, '"occurred"', '"id": "convoy-attack"')
    await userEvent.keyboard('"occured"')
    const v = view(el)
    // Validation runs a moment after typing stops; wait for the finished word's problem.
    await expect.poll(() => root(el).querySelector('[part="problems"] li')?.textContent ?? '').toContain('invalid status "occured"')
    await expect.poll(() => {
      const lines: number[] = []
      forEachDiagnostic(v.state, (d) => lines.push(v.state.doc.lineAt(d.from).number))
      return lines
    }).toEqual([lineOf(el.text, at)])
    const listed = root(el).querySelector('[part="problems"] li')?.textContent ?? ''
    expect(listed).toContain(`line ${lineOf(el.text, at)}, column`)
    expect(root(el).querySelector('.status')?.textContent).toContain('the preview shows the last valid version')
    expect(previewTitle(el, 'convoy-attack')).toContain('occurred')
  })

  it('updates the preview once the text is valid again', async () => {
    const el = await mount()
    selectText(el, 'Aid convoy attacked, some 20 civilians killed')
    await userEvent.keyboard('Convoy struck')
    await expect.poll(() => previewTitle(el, 'convoy-attack')).toContain('Convoy struck')
    expect(root(el).querySelector('.status')?.textContent).toContain('Preview up to date')
  })

  it('suggests enum values and ids where the cursor is', async () => {
    const el = await mount()
    const from = el.text.indexOf('"occurred"', el.text.indexOf('"id": "convoy-attack"'))
    view(el).dispatch({ selection: { anchor: from + 1 } })
    view(el).focus()
    startCompletion(view(el))
    await expect.poll(() => currentCompletions(view(el).state).map((c) => c.label)).toContain('"planned"')
  })
})

describe('<diplomatic-timeline-editor> selection both ways', () => {
  it('moves the cursor to an event selected in the preview', async () => {
    const el = await mount()
    preview(el).shadowRoot!.querySelector('[data-event-id="kirby-statement"] .body')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    await expect.poll(() => el.text.slice(view(el).state.selection.main.head, view(el).state.selection.main.head + 200)).toContain('"id": "kirby-statement"')
  })

  it('selects in the preview the event the cursor moves into', async () => {
    const el = await mount()
    selectText(el, '"title": "UN suspends')
    await expect.poll(() => preview(el).selected).toBe('un-suspends-aid')
    expect(root(el).querySelector('[part="form"] h3')?.textContent).toContain('un-suspends-aid')
  })
})

describe('<diplomatic-timeline-editor> form', () => {
  it('writes a form edit into the text, touching nothing else, and undo restores it', async () => {
    const el = await mount()
    selectText(el, '"title": "UN suspends')
    await el.updateComplete
    const before = el.text
    const title = root(el).querySelector<HTMLInputElement>('#f-title')!
    title.value = 'UN halts aid convoys'
    title.dispatchEvent(new Event('change'))
    const after = el.text
    expect(after).toBe(before.replace(/"title": "UN suspends[^"]*"/, '"title": "UN halts aid convoys"'))
    expect(after.match(/"x-note"/g)?.length).toBe(before.match(/"x-note"/g)?.length)
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Undo"]')!.click()
    expect(el.text).toBe(before)
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Redo"]')!.click()
    expect(el.text).toBe(after)
  })

  it('fills the date from a relative phrase and the source\'s date', async () => {
    const el = await mount()
    selectText(el, '"title": "UN suspends')
    await el.updateComplete
    root(el).querySelector<HTMLInputElement>('#f-phrase')!.value = 'yesterday'
    ;[...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Fill date')!.click()
    const event = JSON.parse(el.text).events.find((e: { id: string }) => e.id === 'un-suspends-aid')
    expect(event.date).toMatchObject({ edtf: '2016-09-19', text: 'yesterday', anchor: 'ap-2016-09-20' })
  })

  it('shows the resolved date as an EDTF date is typed', async () => {
    const el = await mount()
    selectText(el, '"title": "UN suspends')
    await el.updateComplete
    const input = root(el).querySelector<HTMLInputElement>('#f-edtf')!
    input.value = '[2016-09-17..2016-09-18]'
    input.dispatchEvent(new Event('input'))
    await el.updateComplete
    expect(root(el).querySelector('#f-edtf-hint')?.textContent).toContain('17 or 18 Sep 2016')
    input.value = '2016-02-30'
    input.dispatchEvent(new Event('input'))
    await el.updateComplete
    expect(root(el).querySelector('#f-edtf-hint')?.textContent).toContain('invalid EDTF date')
  })

  it('adds, duplicates and deletes events, and adds actors and sources', async () => {
    const el = await mount()
    const button = (label: string) => [...root(el).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === label)!
    const ids = () => JSON.parse(el.text).events.map((e: { id: string }) => e.id) as string[]
    button('Add event').click()
    expect(ids().at(-1)).toBe('new-event-1')
    await el.updateComplete
    button('Duplicate').click()
    expect(ids().at(-1)).toBe('new-event-1-copy-1')
    await el.updateComplete
    button('Delete').click()
    expect(ids()).not.toContain('new-event-1-copy-1')
    button('Add actor').click()
    button('Add source').click()
    const data = JSON.parse(el.text)
    expect(data.actors.at(-1)).toMatchObject({ id: 'new-actor-1', kind: 'state' })
    expect(data.sources.at(-1)).toMatchObject({ id: 'new-source-1', type: 'NewsArticle' })
  })
})

describe('<diplomatic-timeline-editor> drafts, files and tabs', () => {
  it('restores the draft after a reload, says so, and can discard it', async () => {
    const first = await mount()
    selectText(first, 'Aid convoy attacked, some 20 civilians killed')
    await userEvent.keyboard('Draft title')
    const edited = first.text
    await expect.poll(() => localStorage.getItem(key)).toContain('Draft title')
    first.remove()
    const second = await mount()
    expect(second.text).toBe(edited)
    expect(root(second).querySelector('.notice')?.textContent).toMatch(/Restored your unsaved draft from \d{1,2}:\d{2}/)
    ;[...root(second).querySelectorAll<HTMLButtonElement>('.notice button')].find((b) => b.textContent === 'Discard the draft')!.click()
    expect(second.text).toBe(original)
    expect(localStorage.getItem(key)).toBeNull()
  })

  it('keeps the last keystrokes when the page goes away before the autosave', async () => {
    const el = await mount()
    selectText(el, 'Aid convoy attacked, some 20 civilians killed')
    await userEvent.keyboard('Last words')
    expect(el.text).toContain('"Last words"')
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    expect(JSON.parse(localStorage.getItem(key)!).text).toBe(el.text)
  })

  it('opens a JSON file from the picker, and refuses a file that is not JSON', async () => {
    const el = await mount()
    const input = root(el).querySelector<HTMLInputElement>('input[type=file]')!
    const pick = (file: File) => {
      const transfer = new DataTransfer()
      transfer.items.add(file)
      input.files = transfer.files
      input.dispatchEvent(new Event('change'))
    }
    pick(new File(['\u0089PNG...'], 'photo.png', { type: 'image/png' }))
    await expect.poll(() => root(el).querySelector('.notice')?.textContent ?? '').toContain('photo.png is not a JSON file')
    expect(el.text).toBe(original)
    pick(new File(['{"schemaVersion": "1.0"}'], 'other.json', { type: 'application/json' }))
    await expect.poll(() => el.text).toBe('{"schemaVersion": "1.0"}')
    expect(root(el).querySelector('.toolbar .name')?.textContent).toBe('other.json')
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Undo"]')!.click()
    expect(el.text).toBe(original)
  })

  it('opens a JSON file dropped on the text', async () => {
    const el = await mount()
    const transfer = new DataTransfer()
    transfer.items.add(new File(['{"dropped": true}'], 'dropped.json', { type: 'application/json' }))
    const pane = root(el).querySelector<HTMLElement>('section[aria-label="JSON text"]')!
    pane.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    pane.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    await expect.poll(() => el.text).toBe('{"dropped": true}')
  })

  it('refuses a huge file with a clear message', async () => {
    const el = await mount()
    await el.openFile(new File([new Uint8Array(21 * 1024 * 1024)], 'huge.json'))
    expect(root(el).querySelector('.notice')?.textContent).toContain('huge.json is 21 MB; the editor opens files up to 20 MB')
    expect(el.text).toBe(original)
  })

  it('saves through the file picker, and keeps the draft when saving fails', async () => {
    const el = await mount()
    const written: string[] = []
    const w = window as unknown as { showSaveFilePicker?: unknown }
    const saved = w.showSaveFilePicker
    try {
      w.showSaveFilePicker = async () => ({ name: 'saved.json', createWritable: async () => ({ write: async (t: string) => void written.push(t), close: async () => {} }) })
      ;[...root(el).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === 'Save')!.click()
      await expect.poll(() => written).toEqual([el.text])
      expect(root(el).querySelector('.notice')?.textContent).toContain('Saved saved.json')
      w.showSaveFilePicker = async () => {
        throw new Error('the disk is full')
      }
      ;[...root(el).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === 'Save')!.click()
      await expect.poll(() => root(el).querySelector('.notice')?.textContent ?? '').toContain('Could not save saved.json: the disk is full. Your draft is kept')
    } finally {
      w.showSaveFilePicker = saved
    }
  })

  it('saves as a download where the browser has no file picker', async () => {
    const el = await mount()
    const w = window as unknown as { showSaveFilePicker?: unknown }
    const saved = w.showSaveFilePicker
    const clicked: Array<{ download: string; href: string }> = []
    const click = HTMLAnchorElement.prototype.click
    try {
      w.showSaveFilePicker = undefined
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push({ download: this.download, href: this.href })
      }
      ;[...root(el).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === 'Save')!.click()
      await expect.poll(() => clicked.length).toBe(1)
      expect(clicked[0]!.download).toBe('syria-truce-2016-09.json')
      expect(await (await fetch(clicked[0]!.href)).text()).toBe(el.text)
    } finally {
      w.showSaveFilePicker = saved
      HTMLAnchorElement.prototype.click = click
    }
  })

  it('warns in the later of two tabs editing the same draft', async () => {
    const first = await mount('shared-draft')
    const second = await mount('shared-draft')
    await expect.poll(() => root(second).querySelector('.notice.warn')?.textContent ?? '').toContain('also open in another tab')
    expect(root(first).querySelector('.notice.warn')).toBeNull()
  })
})
