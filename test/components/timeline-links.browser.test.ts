import { afterEach, describe, expect, it } from 'vitest'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import syria from '../../data/syria-truce-2016-09.json'
import type { EventDataset } from '../../src/model/index.ts'
import { toTimelineEvents } from '../../src/timeline/events.ts'
import { applyFilters, noFilters } from '../../src/timeline/filter.ts'
import { mountTimeline as mount } from './mount.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const text = (el: DiplomaticTimeline, selector: string) => root(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
const pressed = (el: DiplomaticTimeline) =>
  [...root(el).querySelectorAll('button.chip[aria-pressed="true"]')].map((b) => `${b.getAttribute('data-facet')}=${b.getAttribute('data-value')}`)

afterEach(() => {
  document.body.replaceChildren()
  history.replaceState(null, '', location.pathname + location.search)
})

describe('<diplomatic-timeline sync-url>: the view in the address', () => {
  it('opens at the view an address describes: the selection, the window, the filters and the search', async () => {
    history.replaceState(null, '', '#event=convoy-attack&from=2016-09-17&to=2016-09-21&category=diplomacy,humanitarian&q=convoy')
    const el = await mount(syria, { 'sync-url': '' })
    expect(el.selected).toBe('convoy-attack')
    await expect.poll(() => text(el, '.window')).toBe('· 17–21 Sep 2016')
    expect(root(el).querySelector<HTMLInputElement>('input[type="search"]')!.value).toBe('convoy')
    expect(pressed(el).sort()).toEqual(['category=diplomacy', 'category=humanitarian'])
    const expected = applyFilters(toTimelineEvents(syria as EventDataset), { ...noFilters, category: new Set(['diplomacy', 'humanitarian']), query: 'convoy' })
    expect(expected.length).toBeGreaterThan(0)
    expect(text(el, '.shown [aria-live]')).toBe(`${expected.length} of 20 events shown`)
    expect(text(el, '[part="details"] h3')).toContain('convoy')
  })

  it('writes the user\'s view back: a zoom, a filter and the search in place, a selection as an entry that back undoes', async () => {
    const el = await mount(syria, { 'sync-url': '' })
    const entries = history.length
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click()
    await expect.poll(() => location.hash).toMatch(/^#from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/)
    const zoomed = location.hash
    root(el).querySelector<HTMLButtonElement>('button.chip[data-facet="status"][data-value="occurred"]')!.click()
    await expect.poll(() => location.hash).toBe(`${zoomed}&status=occurred`)
    const search = root(el).querySelector<HTMLInputElement>('input[type="search"]')!
    search.value = 'aid'
    search.dispatchEvent(new Event('input'))
    await expect.poll(() => location.hash).toBe(`${zoomed}&status=occurred&q=aid`)
    expect(history.length).toBe(entries)

    root(el).querySelector('[data-event-id="convoy-attack"] .body')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    await expect.poll(() => location.hash).toMatch(/^#event=convoy-attack&from=/)
    expect(history.length).toBe(entries + 1)
    history.back()
    await expect.poll(() => el.selected).toBeNull()
    expect(location.hash).toBe(`${zoomed}&status=occurred&q=aid`)
    expect(search.value).toBe('aid')
    history.forward()
    await expect.poll(() => el.selected).toBe('convoy-attack')
  })

  it('shows what a link names and ignores what it cannot read, with no error', async () => {
    const errors: string[] = []
    const onError = (e: ErrorEvent) => errors.push(e.message)
    window.addEventListener('error', onError)
    try {
      history.replaceState(null, '', '#event=%E0%A4%A&from=2016-02-31&to=2016-09-21&status=planned')
      const el = await mount(syria, { 'sync-url': '' })
      expect(el.selected).toBeNull()
      expect(pressed(el)).toEqual(['status=planned'])
      expect(text(el, '.shown [aria-live]')).toBe('1 of 20 events shown')
      expect(errors).toEqual([])
    } finally {
      window.removeEventListener('error', onError)
    }
  })
})
