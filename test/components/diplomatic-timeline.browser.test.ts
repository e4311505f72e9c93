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

  it('lists schema problems with their line numbers', async () => {
    const bad = sampleDataset() as unknown as { events: Array<{ status: string }> }
    bad.events[0]!.status = 'planed'
    const el = await mount((e) => (e.data = bad))
    expect(alert(el)).toMatch(/The timeline data in the data property has a problem.*line \d+, column \d+: invalid status "planed"/)
  })
})
