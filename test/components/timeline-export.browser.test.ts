import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { writeCsv } from '../../src/formats/csv.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { mountTimeline as mount } from './mount.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const labels = (el: DiplomaticTimeline) => [...root(el).querySelectorAll('svg.plot .mark > text')].map((t) => t.textContent!.trim())

afterEach(() => {
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

describe('<diplomatic-timeline>: the view as a picture, the data in other formats', () => {
  it('makes an SVG of the view with the title, the window, the labels as text, a legend of what is drawn and the sources', async () => {
    const el = await mount(syria)
    const svg = new DOMParser().parseFromString(await (await el.exportPicture('svg')).text(), 'image/svg+xml')
    expect(svg.querySelector('parsererror')).toBeNull()
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent!.trim())
    expect(texts[0]).toBe(syria.title)
    expect(texts[1]).toMatch(/2016 · 20 events in view$/)
    // Every label on screen is text in the picture, painted as on screen rather than by the element's styles.
    for (const label of labels(el)) expect(texts).toContain(label)
    const convoy = [...svg.querySelectorAll('text')].find((t) => t.textContent!.includes('convoy'))!
    expect(convoy.getAttribute('style')).toMatch(/fill:rgb\(/)
    // The legend names what this data draws (days, spans, hatching, planned, cancelled, disputed, "as of") and nothing it does not (density).
    expect(texts).toEqual(expect.arrayContaining(['a day', 'a span of time', 'one unknown day in the span', 'planned or postponed', 'cancelled', 'attribution disputed', 'the source’s date (“as of”)']))
    expect(texts).not.toContain('many events: darker is more')
    expect(texts.some((t) => t.startsWith('Sources: AP'))).toBe(true)
    const width = Number(svg.documentElement.getAttribute('width'))
    expect(width).toBe(1000)
  })

  it('puts the canvas\'s marks under the lanes in the picture, not over the axis', async () => {
    const data = structuredClone(syria) as EventDataset
    const template = data.events.find((e) => e.id === 'kirby-statement')!
    // Three thousand events in one lane: drawn as density on the canvas.
    data.events = Array.from({ length: 3000 }, (_, i) => ({ ...template, id: `e${i}`, date: { edtf: `2016-09-${String(1 + (i % 25)).padStart(2, '0')}` } }))
    data.relations = []
    const el = await mount(data)
    expect(root(el).querySelectorAll('.lane.dense').length).toBe(1)
    const svg = new DOMParser().parseFromString(await (await el.exportPicture('svg')).text(), 'image/svg+xml')
    const image = svg.querySelector('image')!
    const lanes = root(el).querySelector('svg.plot > g[transform]')!
    // The lanes start below the axis; the canvas's picture starts there too, as tall as the lanes.
    const [laneTop, plotTop] = [lanes.getBoundingClientRect().top, root(el).querySelector('svg.plot')!.getBoundingClientRect().top]
    expect(Number(image.getAttribute('y'))).toBe(Math.round(laneTop - plotTop))
    const box = root(el).querySelector<HTMLElement>('.plot-canvas-box')!
    expect(Number(image.getAttribute('height'))).toBe(box.clientHeight)
    expect(box.getBoundingClientRect().top).toBe(laneTop)
  })

  it('makes a PNG of the same picture at twice its size', async () => {
    const el = await mount(syria)
    const svg = new DOMParser().parseFromString(await (await el.exportPicture('svg')).text(), 'image/svg+xml')
    const png = await el.exportPicture('png')
    expect(png.type).toBe('image/png')
    const image = await createImageBitmap(png)
    expect([image.width, image.height]).toEqual([2000, 2 * Number(svg.documentElement.getAttribute('height'))])
  })

  it('says why there is no picture in the list view, and offers the data in every format it writes', async () => {
    const el = await mount(syria)
    root(el).querySelector<HTMLButtonElement>('.controls button[aria-pressed]')!.click()
    await el.updateComplete
    await expect(el.exportPicture('svg')).rejects.toThrow('no timeline is drawn to make a picture of: load data, and leave the list view')
    const csv = await (await el.exportData('csv')).text()
    expect(csv).toBe(writeCsv(syria as EventDataset).replace(/^\ufeff/, ''))
    await expect(el.exportData('docx')).rejects.toThrow('cannot write docx files')
    const menu = [...root(el).querySelectorAll('.downloads .menu button')].map((b) => b.textContent!.trim())
    expect(menu).toEqual(expect.arrayContaining(['Picture (SVG)', 'Picture (PNG)', 'CSV (spreadsheet)', 'Event dataset (JSON)']))
  })

  it('downloads from its menu, named after the dataset', async () => {
    const el = await mount(syria)
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    const menu = root(el).querySelector<HTMLDetailsElement>('details.downloads')!
    menu.open = true
    ;[...menu.querySelectorAll('button')].find((b) => b.textContent!.includes('SVG'))!.click()
    await expect.poll(() => clicked).toEqual([`${syria.id}.svg`])
    await expect.poll(() => menu.open).toBe(false)
  })
})

describe('<diplomatic-timeline src>: files in other formats', () => {
  it('draws a CSV, and points at the row and column of its problems', async () => {
    const el = document.createElement('diplomatic-timeline')
    el.style.width = '1000px'
    el.src = URL.createObjectURL(new Blob([writeCsv(syria as EventDataset)], { type: 'text/csv' }))
    document.body.append(el)
    await expect.poll(() => root(el).querySelectorAll('svg.plot [data-event-id]').length).toBeGreaterThan(10)
    expect(await el.validation).toEqual([])

    el.src = URL.createObjectURL(new Blob(['date,title\n2016-09-19,Convoy hit\nsoon,Talks\n']))
    const problems = await el.validation
    expect(problems.map((p) => [p.line, p.column, p.message.replace(/:.*/, '')])).toEqual([[3, 1, 'row 3, column date']])
    await expect.poll(() => root(el).querySelector('[role="alert"]')?.textContent ?? '').toContain('The CSV (spreadsheet) file')
  })
})
