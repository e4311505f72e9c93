import { afterEach, describe, expect, it } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const day = 86_400_000
const categories = ['diplomacy', 'military', 'humanitarian'] as const

/** `n` one-day events over about three years, in three categories, given out of time order. */
function manyEvents(n: number): EventDataset {
  const data = sampleDataset()
  const template = data.events[0]!
  data.relations = []
  data.events = Array.from({ length: n }, (_, i) => {
    // A stride through the days, so that the array's order is not time order.
    const date = new Date(Date.UTC(2014, 0, 1) + ((i * 7919) % 1000) * day).toISOString().slice(0, 10)
    return { ...template, id: `e${i}`, title: `Event ${i}`, category: categories[i % 3]!, participants: [], evidence: [], date: { edtf: date } }
  })
  return data
}

async function mount(data: EventDataset): Promise<DiplomaticTimeline> {
  const el = document.createElement('diplomatic-timeline')
  el.style.width = '1000px'
  el.data = data
  document.body.append(el)
  await expect.poll(() => root(el).querySelectorAll('.tick text').length).toBeGreaterThan(2)
  await el.updateComplete
  return el
}

const press = async (el: DiplomaticTimeline, key: string) => {
  root(el).querySelector('svg.plot')!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }))
  await el.updateComplete
}

afterEach(() => document.body.replaceChildren())

// Building 100,000 events takes a second or two on a busy two-core machine: a longer limit than the others.
describe('<diplomatic-timeline> with many events', { timeout: 30_000 }, () => {
  it('draws density, walks the events in time order by keyboard, and always draws the selected one as a labelled mark', async () => {
    const data = manyEvents(100_000)
    // Time order: by date, then by id.
    const order = [...data.events].sort((a, b) => (a.date.edtf < b.date.edtf ? -1 : a.date.edtf > b.date.edtf ? 1 : a.id < b.id ? -1 : 1)).map((e) => e.id)
    const el = await mount(data)
    expect(root(el).querySelectorAll('.lane.dense').length).toBe(3)
    expect(root(el).querySelectorAll('*').length).toBeLessThan(300)

    await press(el, 'Home')
    expect(el.selected).toBe(order[0])
    await press(el, 'ArrowRight')
    expect(el.selected).toBe(order[1])
    await press(el, 'End')
    expect(el.selected).toBe(order.at(-1))
    await press(el, 'ArrowLeft')
    expect(el.selected).toBe(order.at(-2))
    // Among a hundred thousand, the selection has its own mark, named for assistive technology.
    const plot = root(el).querySelector('svg.plot')!
    const mark = root(el).querySelector(`#mark-${order.at(-2)}`)
    expect(mark?.getAttribute('data-event-id')).toBe(order.at(-2))
    expect(plot.getAttribute('aria-activedescendant')).toBe(`mark-${order.at(-2)}`)
    expect(root(el).querySelectorAll('svg.plot [data-event-id]').length).toBe(1)
  })

  it('draws every event as a labelled mark once zoomed in on a day, and a click on one selects it', async () => {
    const el = await mount(manyEvents(100_000))
    el.setAttribute('start', '2015-06-01')
    el.setAttribute('end', '2015-06-01')
    await expect.poll(() => root(el).querySelectorAll('.lane.dense').length).toBe(0)
    // A day holds a hundred events, within the budget of labelled marks: all of them are drawn so.
    const plot = root(el).querySelector('svg.plot')!.getBoundingClientRect()
    const named = [...root(el).querySelectorAll<SVGGElement>('svg.plot [data-event-id]')].filter((m) => {
      const box = m.querySelector('.body')!.getBoundingClientRect()
      return box.right > plot.left && box.left < plot.right
    })
    expect(new Set(named.map((m) => m.getAttribute('data-event-id'))).size).toBe(100)
    named[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    await el.updateComplete
    expect(el.selected).toBe(named[0]!.getAttribute('data-event-id'))
  })

  it('draws a lane past the labels\' budget as unlabelled marks on the canvas, and a click on one selects its event', async () => {
    // 160 one-day events, each on its own day: too many to label, few enough to draw apart at 1000 px.
    const data = sampleDataset()
    const template = data.events[0]!
    data.relations = []
    data.events = Array.from({ length: 160 }, (_, i) => ({
      ...template, id: `day-${i}`, participants: [], evidence: [],
      date: { edtf: new Date(Date.UTC(2016, 0, 1) + i * day).toISOString().slice(0, 10) },
    }))
    const el = await mount(data)
    expect(root(el).querySelectorAll('.lane.ticks').length).toBe(1)
    expect(root(el).querySelectorAll('svg.plot [data-event-id]').length).toBe(0)
    // The first painted pixel of the canvas is an unlabelled mark.
    const canvas = root(el).querySelector<HTMLCanvasElement>('canvas.plot-canvas')!
    const image = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    const ratio = canvas.width / canvas.getBoundingClientRect().width
    let painted = -1
    for (let i = 3; i < image.data.length && painted < 0; i += 4) if (image.data[i]! > 200) painted = (i - 3) / 4
    expect(painted).toBeGreaterThanOrEqual(0)
    const box = canvas.getBoundingClientRect()
    const at = { clientX: box.left + (painted % image.width) / ratio + 0.5, clientY: box.top + Math.floor(painted / image.width) / ratio + 0.5 }
    root(el).querySelector('svg.plot')!.dispatchEvent(new MouseEvent('click', { ...at, bubbles: true, composed: true }))
    await el.updateComplete
    expect(el.selected).toMatch(/^day-\d+$/)
    // The selection is drawn over the canvas as its own labelled mark.
    expect([...root(el).querySelectorAll('svg.plot [data-event-id]')].map((m) => m.getAttribute('data-event-id'))).toEqual([el.selected])
  })
})
