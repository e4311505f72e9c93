import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { button, cleanUp, freshKey, mount, notice, originalText, preview, previewTitle, root, status, typeOver, view } from '../editor/editor-page.ts'
import type { DiplomaticTimelineEditor } from '../../components/diplomatic-timeline-editor.ts'

let key = ''
beforeEach(() => void (key = freshKey()))
afterEach(cleanUp)

const stored = () => JSON.parse(localStorage.getItem(key) ?? 'null') as { text: string; revision: number; valid?: string } | null

/** An edit typed in an editor's title of the convoy attack, as a user would. */
function retitle(el: DiplomaticTimelineEditor, title: string) {
  const text = el.text
  const from = text.indexOf('"title": "', text.indexOf('"id": "convoy-attack"')) + '"title": "'.length
  const to = text.indexOf('"', from)
  view(el).dispatch({ changes: { from, to, insert: title }, userEvent: 'input.type' })
}

describe('<diplomatic-timeline-editor> drafts', () => {
  it('restores the draft after a reload, says so, and can discard it', async () => {
    const first = await mount(key)
    const edited = await typeOver(first, 'Aid convoy attacked, some 20 civilians killed', 'Draft title')
    await expect.poll(() => localStorage.getItem(key)).toContain('Draft title')
    first.remove()
    const second = await mount(key)
    expect(second.text).toBe(edited)
    expect(notice(second)).toMatch(/Restored your unsaved draft from \d{1,2}:\d{2}/)
    button(second, 'Discard the draft').click()
    expect(second.text).toBe(await originalText())
    expect(localStorage.getItem(key)).toBeNull()
  })

  it('keeps the last keystrokes when the page goes away before the autosave', async () => {
    const el = await mount(key)
    expect(await typeOver(el, 'Aid convoy attacked, some 20 civilians killed', 'Last words')).toContain('"Last words"')
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    expect(stored()?.text).toBe(el.text)
  })

  it('shows the last valid version after a reload with a broken draft', async () => {
    const first = await mount(key)
    await typeOver(first, '"occurred"', '"occured"', '"id": "convoy-attack"')
    await expect.poll(() => stored()?.text ?? '').toContain('"occured"')
    expect(stored()?.valid).toBe(await originalText())
    first.remove()
    const second = await mount(key)
    await expect.poll(() => status(second)).toContain('the preview shows the last valid version')
    expect(preview(second).checkVisibility()).toBe(true)
    expect(previewTitle(second, 'convoy-attack')).toContain('occurred')
  })

  it('says plainly that there is no valid version yet after a reload with a broken draft that never had one', async () => {
    localStorage.setItem(key, JSON.stringify({ text: '{"events": [', savedAt: Date.now(), name: 'new.json', revision: 1 }))
    const el = await mount(key, { previewed: false })
    await expect.poll(() => status(el)).toContain('there is no valid version of it yet to preview')
    expect(preview(el).checkVisibility()).toBe(false)
  })
})

describe('<diplomatic-timeline-editor> the same draft in two tabs', () => {
  // Two editors in one page with one storage key stand for two tabs; removing one, or a
  // pagehide, stands for closing it.

  it('warns in the later of two tabs editing the same draft', async () => {
    const first = await mount('shared-draft')
    const second = await mount('shared-draft')
    await expect.poll(() => root(second).querySelector('.notice.warn')?.textContent ?? '').toContain('also open in another tab')
    expect(root(first).querySelector('.notice.warn')).toBeNull()
  })

  it('does not write the text of a tab closed after another edited later over the later draft', async () => {
    const a = await mount(key)
    const b = await mount(key)
    retitle(b, 'Edited in B first')
    await expect.poll(() => stored()?.text ?? '').toContain('Edited in B first')
    retitle(a, 'Edited in A last')
    await expect.poll(() => stored()?.text ?? '').toContain('Edited in A last')
    b.remove()
    expect(stored()?.text).toBe(a.text)
  })

  it('does not write keystrokes older than the kept draft when a tab is closed before its autosave', async () => {
    const a = await mount(key)
    const b = await mount(key)
    retitle(b, 'Typed in B')
    // A's edit comes later by the clock, which is what a tab compares.
    await new Promise((resolve) => setTimeout(resolve, 2))
    retitle(a, 'Typed in A later')
    // Both tabs hide before either autosaves: A, which edited last, keeps its text.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    try {
      document.dispatchEvent(new Event('visibilitychange'))
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState
    }
    expect(stored()?.text).toBe(a.text)
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    b.remove()
    expect(stored()?.text).toBe(a.text)
  })

  it('restores the latest edits of a tab closed first when a tab that never edited is closed after it', async () => {
    const a = await mount(key)
    retitle(a, 'Earlier work')
    await expect.poll(() => stored()?.text ?? '').toContain('Earlier work')
    // B opens on A's earlier draft and never edits.
    const b = await mount(key)
    expect(b.text).toContain('Earlier work')
    retitle(a, 'Latest edits')
    const latest = a.text
    a.remove()
    expect(stored()?.text).toBe(latest)
    window.dispatchEvent(new PageTransitionEvent('pagehide'))
    b.remove()
    expect(stored()?.text).toBe(latest)
    const reopened = await mount(key)
    expect(reopened.text).toBe(latest)
  })
})
