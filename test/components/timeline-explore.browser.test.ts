import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

async function mount(attributes: Record<string, string> = {}, data = sampleDataset()): Promise<DiplomaticTimeline> {
  const el = document.createElement('diplomatic-timeline')
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v)
  el.style.width = '900px'
  el.data = data
  document.body.append(el)
  await expect.poll(() => el.shadowRoot?.querySelector('svg.plot [data-event-id]')).toBeTruthy()
  // The plot takes its width from a ResizeObserver, which reports after the first render.
  await expect.poll(() => el.shadowRoot?.querySelectorAll('.tick text').length).toBeGreaterThan(2)
  await el.validation
  await el.updateComplete
  return el
}

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const mark = (el: DiplomaticTimeline, id: string) => root(el).querySelector<SVGGElement>(`svg.plot [data-event-id="${id}"]`)!
const details = (el: DiplomaticTimeline) => root(el).querySelector('[part="details"]')?.textContent?.replace(/\s+/g, ' ').trim()
const tickLabels = (el: DiplomaticTimeline) => [...root(el).querySelectorAll('.tick text')].map((t) => t.textContent)
const periodLabels = (el: DiplomaticTimeline) => [...root(el).querySelectorAll('.period text')].map((t) => t.textContent).filter(Boolean)

afterEach(() => document.body.replaceChildren())

describe('<diplomatic-timeline> exploring', () => {
  it('draws one mark per event and lane, named for screen readers', async () => {
    const el = await mount({ 'group-by': 'actor' })
    const marks = [...root(el).querySelectorAll('svg.plot [data-event-id]')].map((m) => m.getAttribute('data-event-id'))
    expect(marks.sort()).toEqual(['convoy-attack', 'us-blames-russia'])
    expect(mark(el, 'convoy-attack').getAttribute('aria-label')).toBe('19 Sep 2016 — Aid convoy attacked — occurred — attribution disputed')
    expect(mark(el, 'convoy-attack').querySelector('.badge')).not.toBeNull()
    expect(mark(el, 'us-blames-russia').classList.contains('one-of')).toBe(true)
  })

  it('selects an event on click, fires timeline-select once (not again for the same event), and shows its details with evidence', async () => {
    const el = await mount()
    const fired: Array<string | null> = []
    el.addEventListener('timeline-select', (e) => fired.push(e.detail.id))
    mark(el, 'convoy-attack').querySelector('.body')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    mark(el, 'convoy-attack').querySelector('.body')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    await el.updateComplete
    expect(fired).toEqual(['convoy-attack'])
    expect(details(el)).toContain('“Monday” → 19 Sep 2016')
    expect(details(el)).toContain('Russia (perpetrator, alleged)')
    expect(details(el)).toContain('about 20 (civilians)')
    expect(details(el)).toContain('“a deadly attack on an aid convoy”')
    expect(details(el)).toContain('accused by US blames Russia')
  })

  it('follows a related event link to select it', async () => {
    const el = await mount()
    el.selected = 'convoy-attack'
    await el.updateComplete
    root(el).querySelector<HTMLButtonElement>('[data-related-id="us-blames-russia"]')!.click()
    await el.updateComplete
    expect(el.selected).toBe('us-blames-russia')
    expect(details(el)).toContain('accuses Aid convoy attacked')
  })

  it('moves through events in time order with the arrow keys, Home and End, and clears with Escape', async () => {
    const el = await mount()
    root(el).querySelector<SVGSVGElement>('svg.plot')!.focus()
    await userEvent.keyboard('{Home}')
    expect(el.selected).toBe('convoy-attack')
    await userEvent.keyboard('{ArrowRight}')
    expect(el.selected).toBe('us-blames-russia')
    await userEvent.keyboard('{ArrowRight}')
    expect(el.selected).toBe('us-blames-russia')
    await userEvent.keyboard('{Home}')
    expect(el.selected).toBe('convoy-attack')
    await userEvent.keyboard('{Escape}')
    expect(el.selected).toBeNull()
    await el.updateComplete
    expect(details(el)).toBeUndefined()
    await userEvent.keyboard('{Enter}')
    expect(el.selected).toBe('convoy-attack')
  })

  it('shows a focus ring on the plot when it is reached by keyboard', async () => {
    const el = await mount()
    const plot = root(el).querySelector<SVGSVGElement>('svg.plot')!
    plot.focus()
    await userEvent.keyboard('{Home}')
    expect(plot.matches(':focus-visible')).toBe(true)
    const ring = getComputedStyle(plot)
    expect(ring.outlineStyle).toBe('solid')
    expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(2)
  })

  it('goes to the last event with End, pans with Page Up and Page Down, and zooms with = and -', async () => {
    const el = await mount()
    root(el).querySelector<SVGSVGElement>('svg.plot')!.focus()
    await userEvent.keyboard('{End}')
    expect(el.selected).toBe('us-blames-russia')
    const window = () => root(el).querySelector('.window')?.textContent
    const start = window()
    await userEvent.keyboard('{PageDown}')
    await el.updateComplete
    const later = window()
    expect(later).not.toBe(start)
    await userEvent.keyboard('{PageUp}')
    await el.updateComplete
    expect(window()).toBe(start)
    const ticks = tickLabels(el).join()
    await userEvent.keyboard('=')
    await el.updateComplete
    expect(tickLabels(el).join()).not.toBe(ticks)
    await userEvent.keyboard('-')
    await el.updateComplete
    expect(tickLabels(el).join()).toBe(ticks)
  })

  it('labels the axis in two rows, the unit of the zoom under the period it falls in, as the window narrows', async () => {
    const el = await mount({ start: '1940-01-01', end: '2016-12-31' })
    const rows = async (start: string, end: string) => {
      el.setAttribute('start', start)
      el.setAttribute('end', end)
      await el.updateComplete
      return { minor: tickLabels(el), major: periodLabels(el) }
    }
    const decades = await rows('1940-01-01', '2016-12-31')
    expect(decades.minor.length).toBeGreaterThan(2)
    for (const t of decades.minor) expect(Number(t) % 5).toBe(0)
    expect(decades.major).toEqual([])
    const years = await rows('2010-01-01', '2016-12-31')
    expect(years.minor).toEqual(['2011', '2012', '2013', '2014', '2015', '2016'])
    const months = await rows('2016-03-01', '2016-10-31')
    expect(months.minor).toEqual(expect.arrayContaining(['May', 'August']))
    expect(months.major).toEqual(['2016'])
    const days = await rows('2016-09-10', '2016-09-25')
    expect(days.minor).toContain('Tue 20')
    for (const t of days.minor) expect(t).toMatch(/^\w{3} \d{2}$/)
    expect(days.major).toEqual(['September 2016'])
    const month = await rows('2016-08-20', '2016-09-10')
    expect(month.major).toEqual(['August 2016', 'September 2016'])
    const hours = await rows('2016-09-19', '2016-09-19')
    expect(hours.minor).toContain('12:00')
    for (const t of hours.minor) expect(t).toMatch(/^\d{2}:00$/)
    expect(hours.major).toEqual(['Mon, 19 September 2016'])
  })

  it('labels the axis in the locale asked for, and falls back to English, with a warning, for one that is not a language tag', async () => {
    const el = await mount({ start: '2016-09-10', end: '2016-09-25', locale: 'fr' })
    await expect.poll(() => periodLabels(el)).toEqual(['septembre 2016'])
    expect(tickLabels(el)).toContain('mar. 20')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    el.setAttribute('locale', 'not a locale!')
    await expect.poll(() => periodLabels(el)).toEqual(['September 2016'])
    expect(warn).toHaveBeenCalledWith('diplomatic-timeline: locale "not a locale!" is not a language tag (like "fr" or "ar-EG"); using en-GB')
    // Selecting an event formats its numbers and dates: no RangeError, the details show.
    el.selected = el.shadowRoot!.querySelector('[data-event-id]')!.getAttribute('data-event-id')
    await expect.poll(() => el.shadowRoot!.querySelector('[part="details"] h3')?.textContent ?? '').not.toBe('')
    warn.mockRestore()
  })

  it('puts each day tick and each day mark at the start of its UTC day, whatever the browser\'s zone', async () => {
    const el = await mount({ start: '2016-09-10', end: '2016-09-25' })
    const width = Number(root(el).querySelector('svg.plot')!.getAttribute('width'))
    // The window runs from 10 Sep to the end of 25 Sep, UTC.
    const [from, to] = [Date.UTC(2016, 8, 10), Date.UTC(2016, 8, 26)]
    const xOf = (ms: number) => ((ms - from) / (to - from)) * width
    const ticks = [...root(el).querySelectorAll('.tick')].map((t) => ({
      label: t.querySelector('text')!.textContent!,
      x: Number(/translate\(([-\d.]+),/.exec(t.getAttribute('transform')!)![1]),
    }))
    const tue20 = ticks.find((t) => t.label === 'Tue 20')
    expect(tue20).toBeDefined()
    expect(tue20!.x).toBeCloseTo(xOf(Date.UTC(2016, 8, 20)), 6)
    for (const t of ticks.filter((t) => /^\w{3} \d{2}$/.test(t.label))) {
      const day = Number(t.label.slice(4))
      expect(t.x, t.label).toBeCloseTo(xOf(Date.UTC(2016, 8, day)), 6)
    }
    // The convoy attack, on 19 Sep: its day starts at 19 Sep 00:00 UTC.
    const band = mark(el, 'convoy-attack').querySelector('rect.extent, rect.body')!
    expect(Number(band.getAttribute('x'))).toBeCloseTo(xOf(Date.UTC(2016, 8, 19)), 6)
  })

  it('links each quote to its source when the source has a web address, opening it safely', async () => {
    const data = sampleDataset()
    data.sources[0]!.url = 'https://example.org/article'
    const el = await mount({ selected: 'convoy-attack' }, data)
    const link = root(el).querySelector<HTMLAnchorElement>('[part="details"] blockquote a')!
    expect(link.href).toBe('https://example.org/article')
    expect(link.textContent).toBe('Headline')
    expect(link.rel).toBe('noopener noreferrer')
    expect(link.target).toBe('_blank')
  })

  it('links no address but http, https or mailto, even one the page writes into the data after it was checked', async () => {
    const data = sampleDataset()
    data.sources[0]!.url = 'https://example.org/article'
    const el = await mount({}, data)
    // The element draws the very object it was given: changed in place, it is not checked again.
    data.sources[0]!.url = 'javascript:alert(1)'
    el.selected = 'convoy-attack'
    await el.updateComplete
    const quote = root(el).querySelector('[part="details"] blockquote')!
    expect(quote.querySelector('a')).toBeNull()
    expect(quote.querySelector('small')!.textContent).toContain('Headline')
  })

  it('refuses, by the schema, a source address that is not http, https or mailto, and shows no details', async () => {
    const data = sampleDataset()
    data.sources[0]!.url = 'javascript:alert(1)'
    const el = document.createElement('diplomatic-timeline')
    el.selected = 'convoy-attack'
    el.data = data
    document.body.append(el)
    const problems = await el.validation
    await el.updateComplete
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([expect.stringMatching(/^\/sources\/0\/url: /)])
    expect(root(el).querySelector('a[href^="javascript"]')).toBeNull()
    expect(root(el).querySelector('[part="details"]')).toBeNull()
  })

  it('zooms in with the + button and back out with Fit', async () => {
    const el = await mount()
    const before = tickLabels(el)
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click()
    await el.updateComplete
    const zoomed = tickLabels(el)
    expect(zoomed).not.toEqual(before)
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Fit all events"]')!.click()
    await el.updateComplete
    expect(tickLabels(el)).toEqual(before)
  })

  it('zooms on the mouse wheel', async () => {
    const el = await mount()
    const before = tickLabels(el)
    const plot = root(el).querySelector<SVGSVGElement>('svg.plot')!
    const box = plot.getBoundingClientRect()
    plot.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, clientX: box.left + box.width / 2, clientY: box.top + 40, bubbles: true, cancelable: true }))
    await expect.poll(() => tickLabels(el).join()).not.toBe(before.join())
  })

  it('draws wheel events that come faster than frames once per frame, at the latest zoom', async () => {
    const el = await mount()
    const plot = root(el).querySelector<SVGSVGElement>('svg.plot')!
    const box = plot.getBoundingClientRect()
    const element = el as unknown as { render: () => unknown }
    const render = element.render.bind(el)
    let renders = 0
    element.render = () => {
      renders++
      return render()
    }
    const wheel = () => plot.dispatchEvent(new WheelEvent('wheel', { deltaY: -40, clientX: box.left + box.width / 2, clientY: box.top + 40, bubbles: true, cancelable: true }))
    // Frames drawn meanwhile, so that a slow machine spreading the events over frames does not fail this.
    let frames = 0
    let counting = true
    const count = () => counting && (frames++, requestAnimationFrame(count))
    requestAnimationFrame(count)
    // Six events, each in its own task, usually all within a few milliseconds.
    await new Promise<void>((done) => {
      let left = 6
      const next = () => (wheel(), --left ? setTimeout(next) : done())
      setTimeout(next)
    })
    await el.updateComplete
    counting = false
    expect(renders).toBeGreaterThan(0)
    expect(renders).toBeLessThanOrEqual(frames + 1)
    const zoomed = tickLabels(el)
    await new Promise((done) => requestAnimationFrame(done))
    await el.updateComplete
    expect(tickLabels(el)).toEqual(zoomed)
  })

  it('stops zooming out near a century and in near an hour, and panning a window past the events', async () => {
    const el = await mount()
    const plot = root(el).querySelector<SVGSVGElement>('svg.plot')!
    const press = async (key: string, times: number) => {
      for (let i = 0; i < times; i++) plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
      await el.updateComplete
    }
    const span = () => {
      const [start, end] = (el as unknown as { x: { domain(): Date[] } }).x.domain()
      return [start!.getTime(), end!.getTime()]
    }
    const year = 365.25 * 86_400_000
    await press('-', 60)
    const [a, b] = span()
    // Zoomed out as far as it goes: about a century, no more.
    expect((b! - a!) / year).toBeGreaterThanOrEqual(90)
    expect((b! - a!) / year).toBeLessThanOrEqual(101)
    await press('0', 1)
    await press('+', 60)
    const [c, d] = span()
    // Zoomed in as far as it goes: about an hour, no less.
    expect(d! - c!).toBeGreaterThanOrEqual(3_500_000)
    expect(d! - c!).toBeLessThanOrEqual(2 * 3_600_000)
    await press('0', 1)
    const [fitted] = span()
    await press('PageDown', 200)
    const [start] = span()
    // Panned later than where it began, and held at a window past the events.
    expect(start!).toBeGreaterThan(fitted!)
    expect(start!).toBeLessThan(Date.UTC(2016, 8, 30))
    await press('PageDown', 10)
    expect(span()[0]).toBe(start)
  })

  it('zooms on a trackpad pinch (a wheel with Ctrl) and pans with Shift and the arrow keys', async () => {
    const el = await mount()
    const plot = root(el).querySelector<SVGSVGElement>('svg.plot')!
    const before = tickLabels(el)
    const box = plot.getBoundingClientRect()
    plot.dispatchEvent(new WheelEvent('wheel', { deltaY: -60, ctrlKey: true, clientX: box.left + box.width / 2, clientY: box.top + 40, bubbles: true, cancelable: true }))
    await expect.poll(() => tickLabels(el).join()).not.toBe(before.join())
    const zoomed = tickLabels(el)
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }))
    await el.updateComplete
    expect(tickLabels(el)).not.toEqual(zoomed)
    expect(el.selected).toBeNull()
  })

  it('shows the same events as a table in the list view', async () => {
    const el = await mount()
    root(el).querySelector<HTMLButtonElement>('button[aria-pressed]')!.click()
    await el.updateComplete
    const rows = [...root(el).querySelectorAll('table[part="list"] tbody tr')].map((r) => r.getAttribute('data-event-id'))
    expect(rows).toEqual(['convoy-attack', 'us-blames-russia'])
  })

  it('lists a long list a page at a time, on the page of the selected event, from the first page when filtered', async () => {
    const data = sampleDataset()
    const template = data.events[0]!
    data.relations = []
    data.events = Array.from({ length: 450 }, (_, i) => ({ ...template, id: `event-${String(i).padStart(3, '0')}`, date: { edtf: `2016-09-${String(1 + (i % 28)).padStart(2, '0')}` } }))
    data.events[0]!.status = 'planned'
    // One day in view: some marks, to know the element has drawn.
    const el = await mount({ start: '2016-09-01', end: '2016-09-01' }, data)
    root(el).querySelector<HTMLButtonElement>('button[aria-pressed]')!.click()
    await el.updateComplete
    const rows = () => [...root(el).querySelectorAll('table[part="list"] tbody tr')].map((r) => r.getAttribute('data-event-id'))
    const status = () => root(el).querySelector('.more')?.textContent?.replace(/\s+/g, ' ').trim()
    const button = (name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('.more button')].find((b) => b.textContent === name)!
    expect(rows()).toHaveLength(200)
    expect(status()).toBe('Events 1–200 of 450. Earlier Later')
    expect(button('Earlier').disabled).toBe(true)
    const first = rows()
    button('Later').click()
    await el.updateComplete
    button('Later').click()
    await el.updateComplete
    expect(rows()).toHaveLength(50)
    expect(status()).toMatch(/^Events 401–450 of 450\./)
    expect(button('Later').disabled).toBe(true)
    button('Earlier').click()
    await el.updateComplete
    expect(status()).toMatch(/^Events 201–400 of 450\./)
    // A filter starts again from the first page.
    root(el).querySelector<HTMLButtonElement>('.chip[data-value="occurred"]')!.click()
    await el.updateComplete
    expect(status()).toMatch(/^Events 1–200 of 449\./)
    expect(rows()).toHaveLength(200)
    // An event selected past the page turns the list to its page, which never holds more than a page.
    const last = first.at(-1)!
    el.selected = 'event-440'
    await el.updateComplete
    expect(rows()).toContain('event-440')
    expect(rows()).not.toContain(last)
    expect(rows().length).toBeLessThanOrEqual(200)
  })

  it('never interprets text from the data as HTML', async () => {
    const data = sampleDataset()
    data.events[0]!.title = '<img src=x onerror="window.__hacked=1">'
    data.events[0]!.summary = '<script>window.__hacked=1</script>'
    const el = document.createElement('diplomatic-timeline')
    el.data = data
    el.selected = 'convoy-attack'
    document.body.append(el)
    await el.updateComplete
    await el.validation
    await el.updateComplete
    expect(root(el).querySelector('img, script')).toBeNull()
    expect(details(el)).toContain('<script>window.__hacked=1</script>')
    expect((window as { __hacked?: number }).__hacked).toBeUndefined()
  })
})
