import { afterEach, describe, expect, it } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

async function mount(setup: (el: DiplomaticTimeline) => void): Promise<DiplomaticTimeline> {
  const el = document.createElement('diplomatic-timeline')
  setup(el)
  document.body.append(el)
  await el.updateComplete
  await el.validation
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
  it('runs in one of the two time zones the dates are checked in, not in UTC', () => {
    expect(['America/Los_Angeles', 'Pacific/Kiritimati']).toContain(Intl.DateTimeFormat().resolvedOptions().timeZone)
  })

  it('shows the events of a dataset given as a property', async () => {
    const el = await mount((e) => (e.data = sampleDataset()))
    expect(rows(el).sort()).toEqual(['convoy-attack', 'us-blames-russia'])
    expect(el.shadowRoot!.querySelector('[data-event-id="convoy-attack"]')?.getAttribute('aria-label')).toContain('19 Sep 2016')
  })

  it('fetches and validates the dataset named by src', async () => {
    const el = await mount((e) => (e.src = '/data/syria-truce-2016-09.json'))
    await settled(el)
    expect(rows(el)).toContain('convoy-attack')
    // Each event a mark, or counted in the mark of eight on 20 September.
    const grouped = [...el.shadowRoot!.querySelectorAll('.mark.group > text')].reduce((n, c) => n + Number.parseInt(c.textContent!), 0)
    expect(new Set(rows(el)).size + grouped).toBe(20)
  })

  it('shows a readable alert for a missing file, then recovers when given valid data', async () => {
    const el = await mount((e) => (e.src = '/data/no-such-file.json'))
    await settled(el)
    expect(alert(el)).toMatch(/Could not load \/data\/no-such-file\.json.*(404|web page instead of JSON)/)
    el.data = sampleDataset()
    await el.updateComplete
    expect(alert(el)).toBeUndefined()
    expect(rows(el)).toHaveLength(2)
    expect(await el.validation).toEqual([])
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

  it.each([320, 288])('fits a %i px wide container without overflowing it (288: a 320 px screen less a page\'s margins)', async (width) => {
    const holder = document.createElement('div')
    holder.style.width = `${width}px`
    document.body.append(holder)
    const el = document.createElement('diplomatic-timeline')
    el.data = sampleDataset()
    holder.append(el)
    await expect.poll(() => el.shadowRoot?.querySelectorAll('.tick text').length ?? 0).toBeGreaterThan(0)
    await el.updateComplete
    expect(el.getBoundingClientRect().width).toBe(width)
    expect(el.scrollWidth).toBeLessThanOrEqual(width)
    expect(el.shadowRoot!.querySelector('svg.plot')!.getBoundingClientRect().width).toBeLessThanOrEqual(width)
    // Every control is inside the box, and holds its own text: none is squeezed narrower than it.
    const box = el.getBoundingClientRect()
    const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.toolbar input, .toolbar button, .filters select, .filters button')]
    expect(controls.length).toBeGreaterThan(6)
    for (const c of controls) {
      const r = c.getBoundingClientRect()
      expect(r.left, c.outerHTML).toBeGreaterThanOrEqual(box.left)
      expect(r.right, c.outerHTML).toBeLessThanOrEqual(box.right + 0.5)
      if (c.localName !== 'button') continue
      const text = document.createRange()
      text.selectNodeContents(c)
      // The text fits between the button's paddings: the button is not squeezed into it.
      const style = getComputedStyle(c)
      const inner = c.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      expect(text.getBoundingClientRect().width, c.outerHTML).toBeLessThanOrEqual(inner + 0.5)
    }
  })

  it('says where a file named by src stops being JSON, then recovers when src names a valid one', async () => {
    const text = '{\n  "schemaVersion": "1.0",\n  "events": [\n    { "id": "a", }\n  ]\n}\n'
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    try {
      const el = await mount((e) => (e.src = url))
      await settled(el)
      // The stray comma before } on line 4.
      expect(alert(el)).toMatch(/^The timeline data in blob:\S+ has (a problem|\d+ problems) .*line 4, column \d+: /)
      expect(el.shadowRoot!.querySelector('svg.plot')).toBeNull()
      el.src = '/data/syria-truce-2016-09.json'
      await expect.poll(() => rows(el)).toContain('convoy-attack')
      await el.validation
      await el.updateComplete
      expect(alert(el)).toBeUndefined()
    } finally {
      URL.revokeObjectURL(url)
    }
  })

  it('lists schema problems with their line numbers', async () => {
    const bad = sampleDataset() as unknown as { events: Array<{ status: string }> }
    bad.events[0]!.status = 'planed'
    const el = await mount((e) => (e.data = bad))
    expect(alert(el)).toMatch(/The timeline data in the data property has a problem.*line \d+, column \d+: invalid status "planed"/)
  })

  it('counts every problem in its alert, past those the validator lists', async () => {
    const bad = sampleDataset()
    bad.events = Array.from({ length: 1200 }, (_, i) => ({ ...sampleDataset().events[1]!, id: `event-${i}`, status: 'planed' as 'planned' }))
    bad.relations = []
    const el = await mount((e) => (e.data = bad))
    expect(alert(el)).toMatch(/^The timeline data in the data property has 1200 problems .*…and 1195 more\.$/)
  })

  it('draws new data at once, and gives way to the last valid data when validation finds a problem', async () => {
    const el = await mount((e) => (e.data = sampleDataset()))
    const bad = sampleDataset() as unknown as { events: Array<{ id: string; status: string }> }
    bad.events[0]!.id = 'renamed-event'
    bad.events[0]!.status = 'planed'
    el.data = bad
    await el.updateComplete
    // Drawn before it is checked: the renamed event is on screen, with no alert yet.
    expect(rows(el)).toContain('renamed-event')
    expect(alert(el)).toBeUndefined()
    const problems = await el.validation
    await el.updateComplete
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/invalid status "planed"/)])
    expect(alert(el)).toMatch(/has a problem Showing the last valid version\./)
    expect(rows(el).sort()).toEqual(['convoy-attack', 'us-blames-russia'])
  })

  it('keeps the newest valid data under the alert when data changes faster than it is checked', async () => {
    const el = await mount((e) => (e.data = sampleDataset()))
    const second = sampleDataset()
    second.events[0]!.title = 'Second version'
    el.data = second
    await el.updateComplete
    const third = sampleDataset() as unknown as { events: Array<{ title: string; status: string }> }
    third.events[0]!.title = 'Third version'
    third.events[0]!.status = 'planed'
    el.data = third
    await el.updateComplete
    expect((await el.validation).map((p) => p.message)).toEqual([expect.stringMatching(/invalid status "planed"/)])
    const label = () => el.shadowRoot!.querySelector('[data-event-id="convoy-attack"]')?.getAttribute('aria-label')
    await expect.poll(label).toContain('Second version')
    expect(alert(el)).toMatch(/Showing the last valid version/)
  })

  it('shows the details of a selected event once its data is validated', async () => {
    const el = document.createElement('diplomatic-timeline')
    el.selected = 'convoy-attack'
    el.data = sampleDataset()
    document.body.append(el)
    await el.validation
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('[part="details"] h3')?.textContent).toBe(sampleDataset().events.find((e) => e.id === 'convoy-attack')!.title)
  })

  it('draws dates beyond the common forms (a season, a time) once the full EDTF grammar has loaded', async () => {
    const data = sampleDataset()
    // The edtf package reads seasons 21–24 as the quarters of the year.
    data.events[0]!.date = { edtf: '2016-23' }
    data.events[1]!.date = { edtf: '2016-09-19T19:30:00Z' }
    const el = await mount((e) => (e.data = data))
    expect(await el.validation).toEqual([])
    const names = [...el.shadowRoot!.querySelectorAll('svg.plot [data-event-id]')].map((m) => m.getAttribute('aria-label'))
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^Jul–Sep 2016 — /), expect.stringMatching(/^19 Sep 2016 19:30 UTC — /)]))
  })

  it('says so when data that cannot be drawn is not a dataset, without drawing anything', async () => {
    const el = await mount((e) => (e.data = { events: 'none' }))
    expect(el.shadowRoot!.querySelector('svg.plot')).toBeNull()
    expect(alert(el)).toMatch(/The timeline data in the data property has \d+ problems?/)
  })
})
