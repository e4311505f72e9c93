import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { sampleDataset } from '../fixtures/dataset.ts'
import { mountTimeline as mount } from './mount.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const marks = (el: DiplomaticTimeline) => [...new Set([...root(el).querySelectorAll('svg.plot [data-event-id]')].map((m) => m.getAttribute('data-event-id')))]
const shownLine = (el: DiplomaticTimeline) => root(el).querySelector('.shown [aria-live]')?.textContent?.trim()
const ticks = (el: DiplomaticTimeline) => [...root(el).querySelectorAll('.tick text')].map((t) => t.textContent)
const chip = (el: DiplomaticTimeline, facet: string, value: string) => root(el).querySelector<HTMLButtonElement>(`.chip[data-facet="${facet}"][data-value="${value}"]`)!

afterEach(() => {
  document.body.replaceChildren()
  history.replaceState(null, '', location.pathname + location.search)
})

describe('<diplomatic-timeline> filters and search', () => {
  it('filters by a status chip, shows "n of m", and keeps the axis where it was', async () => {
    const el = await mount(syria)
    expect(shownLine(el)).toBe('20 of 20 events shown')
    expect(root(el).querySelector('.shown .window')?.textContent).toMatch(/^ · \d+ Aug – \d+ Sep 2016$/)
    const axis = ticks(el)
    expect(chip(el, 'status', 'planned').textContent).toBe('planned1')
    chip(el, 'status', 'planned').click()
    await el.updateComplete
    expect(marks(el)).toEqual(['friday-meeting'])
    expect(shownLine(el)).toBe('1 of 20 events shown')
    expect(chip(el, 'status', 'planned').getAttribute('aria-pressed')).toBe('true')
    expect(ticks(el)).toEqual(axis)
    chip(el, 'status', 'planned').click()
    await el.updateComplete
    // Every event is back: each as a mark, or counted in the mark of eight on 20 September.
    const grouped = [...root(el).querySelectorAll('.mark.group > text')].reduce((n, c) => n + Number.parseInt(c.textContent!), 0)
    expect(marks(el).length + grouped).toBe(20)
  })

  it('counts each chip under the other filters', async () => {
    const el = await mount(syria)
    chip(el, 'category', 'humanitarian').click()
    await el.updateComplete
    expect(chip(el, 'status', 'occurred').textContent).toBe('occurred2')
    expect(chip(el, 'status', 'planned').textContent).toBe('planned0')
  })

  it('filters by actor', async () => {
    const el = await mount(syria)
    const selectEl = root(el).querySelector<HTMLSelectElement>('select[aria-label="Actor"]')!
    selectEl.value = 'kirby'
    selectEl.dispatchEvent(new Event('change'))
    await el.updateComplete
    expect(marks(el)).toEqual(['kirby-statement'])
  })

  it('searches titles, summaries and quotes as the user types', async () => {
    const el = await mount(syria)
    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!
    input.value = 'game changer'
    input.dispatchEvent(new Event('input'))
    await el.updateComplete
    expect(marks(el)).toEqual(['de-mistura-statement'])
    expect(shownLine(el)).toBe('1 of 20 events shown')
    // Words found only in the event's quote.
    input.value = 'forcing a serious discussion'
    input.dispatchEvent(new Event('input'))
    await el.updateComplete
    expect(marks(el)).toEqual(['de-mistura-statement'])
  })

  it('keeps keyboard navigation to the events shown', async () => {
    const el = await mount(syria)
    chip(el, 'status', 'cancelled').click()
    chip(el, 'status', 'planned').click()
    await el.updateComplete
    const plot = root(el).querySelector<SVGSVGElement>('svg.plot')!
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }))
    expect(el.selected).toBe('joint-center-envisioned')
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    expect(el.selected).toBe('friday-meeting')
  })
})

/** What the plot's canvas holds, in device pixels. */
function canvasImage(el: DiplomaticTimeline): ImageData {
  const canvas = root(el).querySelector<HTMLCanvasElement>('canvas.plot-canvas')!
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
}

/** The columns of the plot's canvas (in CSS px) where anything is drawn. */
function paintedColumns(el: DiplomaticTimeline): number[] {
  const image = canvasImage(el)
  const ratio = image.width / root(el).querySelector<HTMLCanvasElement>('canvas.plot-canvas')!.getBoundingClientRect().width
  const columns = new Set<number>()
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i]! > 0) columns.add(Math.floor(((i >> 2) % image.width) / ratio))
  return [...columns]
}

describe('<diplomatic-timeline> deep links, range events, tooltip, overview, density', () => {
  it('selects and reveals the event named in #event= on load, and writes the selection back', async () => {
    history.replaceState(null, '', '#event=convoy-attack')
    // The first window, 18–19 September, does not hold Friday's meeting: the deep link must bring it into view.
    const late = await mount(syria, { 'sync-url': '', start: '2016-09-18', end: '2016-09-19' })
    expect(marks(late)).not.toContain('friday-meeting')
    late.remove()
    history.replaceState(null, '', '#event=friday-meeting')
    const revealed = await mount(syria, { 'sync-url': '', start: '2016-09-18', end: '2016-09-19' })
    expect(revealed.selected).toBe('friday-meeting')
    await expect.poll(() => marks(revealed)).toContain('friday-meeting')
    revealed.remove()
    history.replaceState(null, '', '#event=convoy-attack')
    const el = await mount(syria, { 'sync-url': '' })
    expect(el.selected).toBe('convoy-attack')
    expect(root(el).querySelector('[part="details"] h3')?.textContent).toContain('convoy')
    root(el).querySelector<HTMLButtonElement>('[data-related-id="us-blames-russia-syria"]')!.click()
    expect(location.hash).toBe('#event=us-blames-russia-syria')
  })

  it('ignores an address whose escapes are broken, rather than throwing', async () => {
    const errors: string[] = []
    const onError = (e: ErrorEvent) => errors.push(e.message)
    window.addEventListener('error', onError)
    history.replaceState(null, '', '#event=%E0%A4%A')
    try {
      const el = await mount(syria, { 'sync-url': '' })
      expect(el.selected).toBeNull()
      history.replaceState(null, '', '#event=%')
      window.dispatchEvent(new HashChangeEvent('hashchange'))
      await el.updateComplete
      expect(el.selected).toBeNull()
      expect(errors).toEqual([])
    } finally {
      window.removeEventListener('error', onError)
      history.replaceState(null, '', location.pathname + location.search)
    }
  })

  it('neither reads nor writes the address without sync-url', async () => {
    history.replaceState(null, '', '#event=us-blames-russia')
    try {
      const el = await mount(sampleDataset())
      expect(el.selected).toBeNull()
      root(el).querySelector('[data-event-id="convoy-attack"] .body')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
      await el.updateComplete
      expect(el.selected).toBe('convoy-attack')
      expect(location.hash).toBe('#event=us-blames-russia')
    } finally {
      history.replaceState(null, '', location.pathname + location.search)
    }
  })

  it('reveals an event outside the window when it is selected, in the same update', async () => {
    const el = await mount(syria, { start: '2016-09-18', end: '2016-09-21' })
    expect(marks(el)).not.toContain('friday-meeting')
    el.selected = 'friday-meeting'
    // Lit's updateComplete is true when the update asked for no other.
    expect(await el.updateComplete).toBe(true)
    expect(marks(el)).toContain('friday-meeting')
    // And by the keyboard: Home goes back to 2011.
    root(el).querySelector('svg.plot')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }))
    expect(await el.updateComplete).toBe(true)
    expect(marks(el)).toContain('syrian-civil-war')
  })

  it('moves the window to a selection set by the page without firing timeline-range-change, and fires it for the user\'s', async () => {
    const el = await mount(syria, { start: '2016-09-18', end: '2016-09-21' })
    const ranges: string[] = []
    // What a listener finds drawn when the event comes: the window it names.
    const drawn: Array<string | undefined> = []
    el.addEventListener('timeline-range-change', (e) => {
      ranges.push((e as CustomEvent<{ start: string }>).detail.start)
      drawn.push(root(el).querySelector('.window')?.textContent ?? undefined)
    })
    el.selected = 'friday-meeting'
    await el.updateComplete
    await expect.poll(() => marks(el)).toContain('friday-meeting')
    expect(ranges).toEqual([])
    // Home selects the first event, back in 2011: the user moved the window.
    root(el).querySelector('svg.plot')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }))
    await el.updateComplete
    await expect.poll(() => ranges.length).toBe(1)
    expect(Date.parse(ranges[0]!)).toBeLessThan(Date.UTC(2012, 0, 1))
    expect(drawn[0]).toMatch(/2011/)
  })

  it('gives an event in several actor lanes a mark in each, all selected, with one id among them', async () => {
    const el = await mount(syria, { 'group-by': 'actor', selected: 'convoy-attack' })
    const convoy = [...root(el).querySelectorAll('svg.plot [data-event-id="convoy-attack"]')]
    expect(convoy).toHaveLength(3)
    expect(convoy.every((m) => m.classList.contains('selected'))).toBe(true)
    const ids = [...root(el).querySelectorAll('svg.plot [id]')].map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(root(el).querySelector('svg.plot')!.getAttribute('aria-activedescendant')).toBe('mark-convoy-attack')
    expect(root(el).getElementById('mark-convoy-attack')?.getAttribute('data-event-id')).toBe('convoy-attack')
  })

  it('draws each event as its model says, and the relations of the selected one', async () => {
    const el = await mount(syria, { selected: 'convoy-attack' })
    const mark = (id: string) => root(el).querySelector(`svg.plot [data-event-id="${id}"]`)!
    // "One of" these days is hatched, a known day solid; planned events are dashed; approximate dates say so before the title.
    expect(getComputedStyle(mark('kerry-lavrov-deal').querySelector('.body')!).fill).toMatch(/url\(.*dt-hatch/)
    expect(getComputedStyle(mark('convoy-attack').querySelector('.body')!).fill).not.toMatch(/url/)
    expect(mark('friday-meeting').classList.contains('planned')).toBe(true)
    expect(getComputedStyle(mark('friday-meeting').querySelector('.body')!).strokeDasharray).not.toBe('none')
    expect(mark('truce-begins').querySelector('text')!.textContent).toMatch(/^~ /)
    // Disputed attribution has its badge.
    expect(mark('convoy-attack').querySelector('.badge')).not.toBeNull()
    expect(mark('friday-meeting').querySelector('.badge')).toBeNull()
    expect(root(el).querySelector('.as-of text')!.textContent).toBe('as of 20 Sep 2016')
    // The accusation, the denial and the answers point at the convoy attack.
    const relations = syria.relations!.filter((r) => r.from === 'convoy-attack' || r.to === 'convoy-attack').length
    expect(relations).toBeGreaterThanOrEqual(2)
    expect(root(el).querySelectorAll('path.relation')).toHaveLength(relations)
    el.selected = 'friday-meeting'
    await el.updateComplete
    expect(root(el).querySelectorAll('path.relation')).toHaveLength(syria.relations!.filter((r) => r.from === 'friday-meeting' || r.to === 'friday-meeting').length)
  })

  it('fires timeline-range-change on user zoom and not on load', async () => {
    const ranges: Array<{ start: string; end: string }> = []
    document.addEventListener('timeline-range-change', (e) => ranges.push((e as CustomEvent<{ start: string; end: string }>).detail))
    const el = await mount(syria)
    expect(ranges).toEqual([])
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click()
    await el.updateComplete
    expect(ranges).toHaveLength(1)
    expect(Date.parse(ranges[0]!.start)).toBeLessThan(Date.parse(ranges[0]!.end))
    el.data = structuredClone(syria)
    await el.updateComplete
    expect(ranges).toHaveLength(1)
  })

  it('shows a tooltip with the title and the date as phrased and as resolved', async () => {
    const el = await mount(sampleDataset())
    const body = root(el).querySelector('[data-event-id="convoy-attack"] .body')!
    const box = body.getBoundingClientRect()
    body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: box.x + 2, clientY: box.y + 2 }))
    await el.updateComplete
    const tip = root(el).querySelector('[role="tooltip"]')?.textContent?.replace(/\s+/g, ' ').trim()
    expect(tip).toBe('Aid convoy attacked “Monday” → 19 Sep 2016')
    root(el).querySelector('svg.plot')!.dispatchEvent(new PointerEvent('pointerleave'))
    await el.updateComplete
    expect(root(el).querySelector('[role="tooltip"]')).toBeNull()
    // Over the selected event, whose details say as much, there is none to cover its neighbours.
    el.selected = 'convoy-attack'
    await el.updateComplete
    expect(root(el).querySelector('[part="details"]')).not.toBeNull()
    body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: box.x + 2, clientY: box.y + 2 }))
    await el.updateComplete
    expect(root(el).querySelector('[role="tooltip"]')).toBeNull()
  })

  it('draws the label of an event near the right edge left of its mark, whole, and never over another mark', async () => {
    const el = await mount(syria)
    const label = root(el).querySelector<SVGTextElement>('[data-event-id="un-suspends-aid"] > text')!
    expect(label.getAttribute('text-anchor')).toBe('end')
    expect(label.textContent).toBe(syria.events.find((e) => e.id === 'un-suspends-aid')!.title)
    const body = root(el).querySelector('[data-event-id="un-suspends-aid"] .body')!.getBoundingClientRect()
    const text = label.getBoundingClientRect()
    expect(text.right).toBeLessThanOrEqual(body.left)
    expect(text.left).toBeGreaterThanOrEqual(root(el).querySelector('svg.plot')!.getBoundingClientRect().left)
    // No other mark's body, badge or label is under it.
    const others = 'svg.plot [data-event-id]:not([data-event-id="un-suspends-aid"])'
    const parts = root(el).querySelectorAll(`${others} .body, ${others} .badge, ${others} > text`)
    expect([...parts].filter((p) => p.localName === 'text').length).toBeGreaterThan(10)
    // None of them, in any row, shares a pixel with the label.
    const clear = (box: DOMRect) => box.right <= text.left || box.left >= text.right || box.bottom <= text.top || box.top >= text.bottom
    expect([...parts].filter((other) => !clear(other.getBoundingClientRect())).map((p) => p.closest('[data-event-id]')?.getAttribute('data-event-id'))).toEqual([])
  })

  it('lays the plot out again when the grouping or the filters change', async () => {
    const el = await mount(syria)
    const lanes = () => [...root(el).querySelectorAll('.lane .lane-label')].map((l) => l.textContent)
    expect(lanes()).toEqual(['diplomacy', 'humanitarian', 'military'])
    el.groupBy = 'none'
    await el.updateComplete
    expect(lanes()).toEqual(['all'])
    const marks = () => new Set([...root(el).querySelectorAll('svg.plot [data-event-id]')].map((m) => m.getAttribute('data-event-id')))
    const all = marks().size
    const search = root(el).querySelector<HTMLInputElement>('input[type="search"]')!
    search.value = 'convoy'
    search.dispatchEvent(new Event('input'))
    await el.updateComplete
    expect(marks().size).toBeGreaterThan(0)
    expect(marks().size).toBeLessThan(all)
  })

  it('lays the plot out once for a hover, and again when the window moves', async () => {
    const el = await mount(sampleDataset())
    // The layout is the costly part of a render: a pointer moving over marks must not redo it.
    const layOut = vi.spyOn((el as unknown as { frames: { layOut: () => unknown } }).frames, 'layOut')
    const body = root(el).querySelector('[data-event-id="convoy-attack"] .body')!
    for (const dx of [1, 2, 3]) {
      body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: body.getBoundingClientRect().x + dx, clientY: body.getBoundingClientRect().y + 2 }))
      await el.updateComplete
    }
    expect(root(el).querySelector('[role="tooltip"]')).not.toBeNull()
    expect(layOut).not.toHaveBeenCalled()
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click()
    await el.updateComplete
    expect(layOut).toHaveBeenCalledTimes(1)
  })

  it('measures and cuts the labels again when a web font has loaded', async () => {
    const el = await mount(sampleDataset())
    const layOut = vi.spyOn((el as unknown as { frames: { layOut: () => unknown } }).frames, 'layOut')
    document.fonts.dispatchEvent(new FontFaceSetLoadEvent('loadingdone', { fontfaces: [] }))
    await el.updateComplete
    expect(layOut).toHaveBeenCalledTimes(1)
    el.remove()
    document.fonts.dispatchEvent(new FontFaceSetLoadEvent('loadingdone', { fontfaces: [] }))
    await el.updateComplete
    await new Promise((resolve) => requestAnimationFrame(resolve))
    expect(el.isUpdatePending).toBe(false)
    expect(layOut).toHaveBeenCalledTimes(1)
  })

  it('shows the window in the overview, narrowing as the plot zooms in', async () => {
    const el = await mount(syria)
    const width = () => Number(root(el).querySelector('.overview .selection')?.getAttribute('width'))
    await expect.poll(width).toBeGreaterThan(0)
    const before = width()
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click()
    await el.updateComplete
    await expect.poll(width).toBeLessThan(before)
  })

  it('widens the overview to a window zoomed out past the data\'s span, and a click on the brush leaves the window', async () => {
    const el = await mount(syria)
    const strip = () => Number(root(el).querySelector('.overview .frame')?.getAttribute('width')) + 1
    const selection = () => root(el).querySelector<SVGRectElement>('.overview .selection')!
    // Out to about ten years around September 2016: past the strip's weeks, back to the war's start in 2011.
    for (let i = 0; i < 12; i++) root(el).querySelector<HTMLButtonElement>('button[aria-label="Zoom out"]')!.click()
    await el.updateComplete
    const label = () => root(el).querySelector('.window')?.textContent
    const zoomedOut = label()
    expect(zoomedOut).toMatch(/20(0\d|1[01])/)
    await expect.poll(() => Number(selection().getAttribute('width'))).toBeGreaterThan(strip() - 2)
    expect(Number(selection().getAttribute('x'))).toBeLessThan(1)
    const box = selection().getBoundingClientRect()
    const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, view: window }
    selection().dispatchEvent(new MouseEvent('mousedown', at))
    window.dispatchEvent(new MouseEvent('mouseup', at))
    await el.updateComplete
    expect(label()).toBe(zoomedOut)
  })

  it('centres the window where the overview is clicked, and keeps showing the window there', async () => {
    const el = await mount(syria)
    // Zoomed in on the last days, the window is a part of the strip.
    for (let i = 0; i < 3; i++) root(el).querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click()
    await el.updateComplete
    const label = () => root(el).querySelector('.window')?.textContent
    const zoomed = label()
    const overlay = root(el).querySelector<SVGRectElement>('.overview .overlay')!
    const box = overlay.getBoundingClientRect()
    const at = { clientX: box.left + box.width * 0.2, clientY: box.top + box.height / 2, bubbles: true, view: window }
    overlay.dispatchEvent(new MouseEvent('mousedown', at))
    window.dispatchEvent(new MouseEvent('mouseup', at))
    await el.updateComplete
    // A fifth of the way into the strip (late August to late September) is early September.
    await expect.poll(label).toMatch(/^ · \d+ (Aug|Sep) – \d+ Sep 2016$/)
    expect(label()).not.toBe(zoomed)
    const selection = root(el).querySelector<SVGRectElement>('.overview .selection')!
    await expect.poll(() => selection.style.display).not.toBe('none')
    const shown = selection.getBoundingClientRect()
    expect(Math.abs(shown.left + shown.width / 2 - at.clientX)).toBeLessThan(3)
  })

  it('draws thousands of events in view as density per lane, not one element each', async () => {
    const data = sampleDataset()
    const template = data.events[0]!
    data.relations = []
    data.events = Array.from({ length: 3000 }, (_, i) => ({
      ...template,
      id: `event-${i}`,
      date: { edtf: `2016-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` },
    }))
    const el = await mount(data)
    expect(root(el).querySelectorAll('.lane.dense').length).toBeGreaterThan(0)
    // Every month of 2016 has events: the density on the canvas covers most of the plot's width.
    const painted = paintedColumns(el)
    expect(painted.length).toBeGreaterThan(0)
    expect(Math.max(...painted) - Math.min(...painted)).toBeGreaterThan(root(el).querySelector('svg.plot')!.getBoundingClientRect().width * 0.6)
    expect(root(el).querySelectorAll('svg.plot [data-event-id]').length).toBe(0)
    expect(root(el).querySelectorAll('*').length).toBeLessThan(300)
  })

  it('counts in each density lane the events in view, not those just outside it', async () => {
    const data = sampleDataset()
    const template = data.events[0]!
    data.relations = []
    // 250 events in each month of 2016, all in one category.
    data.events = Array.from({ length: 3000 }, (_, i) => ({ ...template, id: `event-${i}`, date: { edtf: `2016-${String(1 + (i % 12)).padStart(2, '0')}-15` } }))
    const el = await mount(data, { start: '2016-03-01', end: '2016-03-31' })
    expect([...root(el).querySelectorAll('.lane.dense .lane-label')].map((l) => l.textContent)).toEqual([`${template.category} · 250`])
  })

  it('draws the density in the accent colour the page sets, and the overview in the muted one', async () => {
    const data = sampleDataset()
    const template = data.events[0]!
    data.relations = []
    data.events = Array.from({ length: 3000 }, (_, i) => ({ ...template, id: `event-${i}`, date: { edtf: `2016-${String(1 + (i % 12)).padStart(2, '0')}-15` } }))
    const el = await mount(data, { style: '--dt-accent: rgb(200, 30, 40); --dt-muted: oklch(0.628 0.2577 29.23)' })
    const fills = (selector: string) => [...root(el).querySelectorAll(selector)].map((p) => getComputedStyle(p).fill)
    // The most opaque pixel of the density: its colour is the accent, whatever its shade.
    const { data: pixels } = canvasImage(el)
    let strongest = 0
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > pixels[strongest + 3]!) strongest = i - 3
    expect(pixels[strongest + 3]).toBeGreaterThan(100)
    for (const [channel, value] of [200, 30, 40].entries()) expect(Math.abs(pixels[strongest + channel]! - value)).toBeLessThanOrEqual(2)
    expect(fills('svg.overview path.bars')).toEqual(['oklch(0.628 0.2577 29.23)'])
  })
})

describe('<diplomatic-timeline> hostile text', () => {
  it('shows markup in every text field as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>'
    const data = sampleDataset()
    data.title = evil
    data.sources[0]!.headline = evil
    data.sources[0]!.publisher = evil
    data.actors[1]!.name = evil
    const e = data.events[0]!
    Object.assign(e, { title: evil, summary: evil, tags: [evil], location: { name: evil } })
    e.date.text = evil
    e.evidence![0]!.quote = evil
    const el = await mount(data, { 'group-by': 'actor', selected: 'convoy-attack' })
    const body = root(el).querySelector('[data-event-id="convoy-attack"] .body')!
    body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: 1, clientY: 1 }))
    await el.updateComplete
    expect(root(el).querySelectorAll('img, b').length).toBe(0)
    expect(root(el).textContent).toContain(evil)
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })
})
