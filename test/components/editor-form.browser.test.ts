import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { button, cleanUp, clickInPreview, freshKey, mount, originalText, preview, root, selectText, typeText, uncaughtDuring } from '../editor/editor-page.ts'

let key = ''
beforeAll(async () => {
  await page.viewport(1280, 900)
})
beforeEach(() => void (key = freshKey()))
afterEach(cleanUp)

const form = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="form"]')!

describe('<diplomatic-timeline-editor> form placement', () => {
  it('shows the form in view, under the text, when an event is selected in a 1280×900 window', async () => {
    expect([window.innerWidth, window.innerHeight]).toEqual([1280, 900])
    const el = await mount(key, { width: '' })
    clickInPreview(el, 'convoy-attack')
    await expect.poll(() => form(el).querySelector('h3')?.textContent ?? '').toContain('convoy-attack')
    // Once the preview has drawn the selection, and whatever it shows about it.
    await expect.poll(() => preview(el).shadowRoot?.querySelector('[part="details"]')).toBeTruthy()
    await preview(el).updateComplete
    await new Promise(requestAnimationFrame)
    const box = form(el).getBoundingClientRect()
    expect(box.top).toBeGreaterThanOrEqual(0)
    expect(box.top).toBeLessThan(window.innerHeight)
    // Its heading and first fields, not only its top edge.
    expect(form(el).querySelector('#f-edtf')!.getBoundingClientRect().bottom).toBeLessThan(window.innerHeight)
    expect(window.scrollY).toBe(0)
  })

  it('is the one place for the selected event\'s fields: the preview\'s panel about it is not shown', async () => {
    const el = await mount(key)
    clickInPreview(el, 'convoy-attack')
    await expect.poll(() => preview(el).shadowRoot?.querySelector('[part="details"]')).toBeTruthy()
    expect(preview(el).shadowRoot!.querySelector<HTMLElement>('[part="details"]')!.checkVisibility()).toBe(false)
    expect(form(el).checkVisibility()).toBe(true)
  })
})

describe('<diplomatic-timeline-editor> form edits', () => {
  it('writes a form edit into the text, touching nothing else, and undo restores it', async () => {
    const el = await mount(key)
    selectText(el, '"title": "UN suspends')
    await el.updateComplete
    const before = el.text
    const title = root(el).querySelector<HTMLInputElement>('#f-title')!
    title.value = 'UN halts aid convoys'
    title.dispatchEvent(new Event('change'))
    const after = el.text
    expect(after).toBe(before.replace(/"title": "UN suspends[^"]*"/, '"title": "UN halts aid convoys"'))
    expect(after.match(/"x-note"/g)?.length).toBe(before.match(/"x-note"/g)?.length)
    button(el, 'Undo').click()
    expect(el.text).toBe(before)
    button(el, 'Redo').click()
    expect(el.text).toBe(after)
  })

  it('fills the date from a relative phrase and the source\'s date', async () => {
    const el = await mount(key)
    selectText(el, '"title": "UN suspends')
    await el.updateComplete
    root(el).querySelector<HTMLInputElement>('#f-phrase')!.value = 'yesterday'
    button(el, 'Fill date').click()
    const event = JSON.parse(el.text).events.find((e: { id: string }) => e.id === 'un-suspends-aid')
    expect(event.date).toMatchObject({ edtf: '2016-09-19', text: 'yesterday', anchor: 'ap-2016-09-20' })
  })

  it('shows the resolved date as an EDTF date is typed', async () => {
    const el = await mount(key)
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

  it('shows a value the schema does not allow as it is, not as the first allowed one', async () => {
    const el = await mount(key)
    typeText(el, el.text.replace(/("id": "convoy-attack"[\s\S]*?"status": )"occurred"/, '$1"occured"'))
    selectText(el, '"occured"')
    await expect.poll(() => root(el).querySelector<HTMLSelectElement>('select[aria-label="Status"]')?.selectedOptions[0]?.textContent ?? '').toBe('occured (not allowed)')
  })
})

describe('<diplomatic-timeline-editor> form over invalid text', () => {
  const cases: Array<[field: 'participants' | 'evidence', value: unknown, message: string]> = [
    ['participants', 'abc', 'participants is not a list but the text "abc": edit it in the text'],
    ['participants', {}, 'participants is not a list but an object: edit it in the text'],
    ['participants', [null], 'participants item 1 is not an object but null: edit it in the text'],
    ['evidence', 5, 'evidence is not a list but the number 5: edit it in the text'],
    ['evidence', [null], 'evidence item 1 is not an object but null: edit it in the text'],
  ]

  it.each(cases)('shows the form when %s is %j, and says the form cannot show it', async (field, value, message) => {
    const el = await mount(key)
    const data = JSON.parse(await originalText())
    data.events.find((e: { id: string }) => e.id === 'convoy-attack')[field] = value
    const errors = await uncaughtDuring(async () => {
      typeText(el, JSON.stringify(data, null, 2))
      selectText(el, '"title": "Aid convoy attacked')
      await expect.poll(() => form(el).querySelector('h3')?.textContent ?? '').toContain('convoy-attack')
    })
    expect(errors).toEqual([])
    expect(form(el).querySelector('.unreadable')?.textContent).toContain(message)
    expect(root(el).querySelector<HTMLInputElement>('#f-title')!.value).toBe('Aid convoy attacked, some 20 civilians killed')
    // The list the form cannot read offers no row and no way to add to it.
    const add = button(el, field === 'participants' ? 'Add participant' : 'Add quote')
    if (!Array.isArray(value)) expect(add.disabled).toBe(true)
  })
})
