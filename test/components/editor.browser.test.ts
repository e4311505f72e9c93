import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { forEachDiagnostic } from '@codemirror/lint'
import { currentCompletions, startCompletion } from '@codemirror/autocomplete'
import { button, cleanUp, clickInPreview, freshKey, lineOf, mount, originalText, pick, preview, previewTitle, root, selectText, status, typeOver, view } from '../editor/editor-page.ts'

let key = ''
beforeEach(() => void (key = freshKey()))
afterEach(cleanUp)

describe('<diplomatic-timeline-editor> text and preview', () => {
  it('lints an invalid edit at its line, lists it, and keeps the last valid preview', async () => {
    const el = await mount(key)
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
    expect(status(el)).toContain('the preview shows the last valid version')
    expect(previewTitle(el, 'convoy-attack')).toContain('occurred')
  })

  it('updates the preview once the text is valid again', async () => {
    const el = await mount(key)
    await typeOver(el, 'Aid convoy attacked, some 20 civilians killed', 'Convoy struck')
    await expect.poll(() => previewTitle(el, 'convoy-attack')).toContain('Convoy struck')
    expect(status(el)).toContain('Preview up to date')
  })

  it('suggests enum values and ids where the cursor is', async () => {
    const el = await mount(key)
    const from = el.text.indexOf('"occurred"', el.text.indexOf('"id": "convoy-attack"'))
    view(el).dispatch({ selection: { anchor: from + 1 } })
    view(el).focus()
    startCompletion(view(el))
    await expect.poll(() => currentCompletions(view(el).state).map((c) => c.label)).toContain('"planned"')
  })

  it('says there is no valid version yet after opening a file with problems, and hides the empty preview', async () => {
    const el = await mount(key)
    pick(el, new File(['{"schemaVersion": "1.0"}'], 'other.json', { type: 'application/json' }))
    await expect.poll(() => status(el)).toContain('there is no valid version of it yet to preview')
    expect(status(el)).not.toContain('shows the last valid version')
    expect(preview(el).checkVisibility()).toBe(false)
    expect(root(el).querySelector('.no-preview')?.textContent).toContain('No valid version yet')
    // Undo goes back to the dataset, whose preview comes back.
    button(el, 'Undo').click()
    expect(el.text).toBe(await originalText())
    await expect.poll(() => status(el)).toContain('Preview up to date')
    expect(preview(el).checkVisibility()).toBe(true)
  })
})

describe('<diplomatic-timeline-editor> in the page', () => {
  it('keeps its text and its undo history when moved elsewhere in the page', async () => {
    const el = await mount(key)
    const edited = await typeOver(el, 'Aid convoy attacked, some 20 civilians killed', 'Moved')
    const box = document.createElement('div')
    document.body.append(box)
    box.append(el)
    await el.updateComplete
    expect(el.text).toBe(edited)
    expect(root(el).querySelectorAll('.cm-editor')).toHaveLength(1)
    button(el, 'Undo').click()
    expect(el.text).toBe(await originalText())
  })
})

describe('<diplomatic-timeline-editor> selection both ways', () => {
  it('moves the cursor to an event selected in the preview', async () => {
    const el = await mount(key)
    clickInPreview(el, 'kirby-statement')
    await expect.poll(() => el.text.slice(view(el).state.selection.main.head, view(el).state.selection.main.head + 200)).toContain('"id": "kirby-statement"')
  })

  it('selects in the preview the event the cursor moves into', async () => {
    const el = await mount(key)
    selectText(el, '"title": "UN suspends')
    await expect.poll(() => preview(el).selected).toBe('un-suspends-aid')
    expect(root(el).querySelector('[part="form"] h3')?.textContent).toContain('un-suspends-aid')
  })

  it('adds, duplicates and deletes events, and adds actors and sources', async () => {
    const el = await mount(key)
    const ids = () => JSON.parse(el.text).events.map((e: { id: string }) => e.id) as string[]
    button(el, 'Add event').click()
    expect(ids().at(-1)).toBe('new-event-1')
    await el.updateComplete
    button(el, 'Duplicate').click()
    expect(ids().at(-1)).toBe('new-event-1-copy-1')
    await el.updateComplete
    button(el, 'Delete').click()
    expect(ids()).not.toContain('new-event-1-copy-1')
    button(el, 'Add actor').click()
    button(el, 'Add source').click()
    const data = JSON.parse(el.text)
    expect(data.actors.at(-1)).toMatchObject({ id: 'new-actor-1', kind: 'state' })
    expect(data.sources.at(-1)).toMatchObject({ id: 'new-source-1', type: 'NewsArticle' })
  })
})
