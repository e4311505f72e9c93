import { afterEach, describe, expect, it } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

async function mount(setup: (el: DiplomaticTimeline) => void): Promise<DiplomaticTimeline> {
  const el = document.createElement('diplomatic-timeline')
  setup(el)
  document.body.append(el)
  await el.updateComplete
  return el
}

/** Waits until the element shows something other than its loading state. */
async function settled(el: DiplomaticTimeline) {
  await expect.poll(() => el.shadowRoot?.querySelector('[role="status"]') === null && el.shadowRoot!.childElementCount > 0).toBe(true)
  await el.updateComplete
}

const rows = (el: DiplomaticTimeline) => [...el.shadowRoot!.querySelectorAll('[data-event-id]')].map((li) => li.getAttribute('data-event-id'))
const alert = (el: DiplomaticTimeline) => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim()

afterEach(() => document.body.replaceChildren())

describe('<diplomatic-timeline>', () => {
  it('shows the events of a dataset given as a property', async () => {
    const el = await mount((e) => (e.data = sampleDataset()))
    expect(rows(el).sort()).toEqual(['convoy-attack', 'us-blames-russia'])
    expect(el.shadowRoot!.querySelector('[data-event-id="convoy-attack"]')?.getAttribute('aria-label')).toContain('19 Sep 2016')
  })

  it('fetches and validates the dataset named by src', async () => {
    const el = await mount((e) => (e.src = '/data/syria-truce-2016-09.json'))
    await settled(el)
    expect(rows(el)).toContain('convoy-attack')
    expect(new Set(rows(el)).size).toBe(20)
  })

  it('shows a readable alert for a missing file, then recovers when given valid data', async () => {
    const el = await mount((e) => (e.src = '/data/no-such-file.json'))
    await settled(el)
    expect(alert(el)).toMatch(/Could not load \/data\/no-such-file\.json.*(404|web page instead of JSON)/)
    el.data = sampleDataset()
    await el.updateComplete
    expect(alert(el)).toBeUndefined()
    expect(rows(el)).toHaveLength(2)
  })

  it('says it is loading while the data is on its way', async () => {
    const el = document.createElement('diplomatic-timeline')
    el.src = '/data/syria-truce-2016-09.json'
    document.body.append(el)
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).toBe('Loading timeline…')
    await settled(el)
    expect(rows(el)).toContain('convoy-attack')
  })

  it('formats numbers in the locale it is given', async () => {
    const data = sampleDataset()
    data.events[0]!.fatalities = { best: 1234 }
    const el = await mount((e) => {
      e.setAttribute('locale', 'de-DE')
      e.selected = 'convoy-attack'
      e.data = data
    })
    expect(el.shadowRoot!.querySelector('[part="details"]')?.textContent).toContain('1.234')
  })

  it('fits a 320 px wide container without overflowing it', async () => {
    const holder = document.createElement('div')
    holder.style.width = '320px'
    document.body.append(holder)
    const el = document.createElement('diplomatic-timeline')
    el.data = sampleDataset()
    holder.append(el)
    await expect.poll(() => el.shadowRoot?.querySelectorAll('.tick text').length ?? 0).toBeGreaterThan(0)
    await el.updateComplete
    expect(el.getBoundingClientRect().width).toBe(320)
    expect(el.scrollWidth).toBeLessThanOrEqual(320)
    expect(el.shadowRoot!.querySelector('svg.plot')!.getBoundingClientRect().width).toBeLessThanOrEqual(320)
  })

  it('lists schema problems with their line numbers', async () => {
    const bad = sampleDataset() as unknown as { events: Array<{ status: string }> }
    bad.events[0]!.status = 'planed'
    const el = await mount((e) => (e.data = bad))
    expect(alert(el)).toMatch(/The timeline data in the data property has a problem.*line \d+, column \d+: invalid status "planed"/)
  })
})
