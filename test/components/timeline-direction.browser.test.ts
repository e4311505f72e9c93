import { afterEach, describe, expect, it } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import type { EventDataset } from '../../src/model/index.ts'
import type { PlotFrame } from '../../src/timeline/frame.ts'
import { axisHeight } from '../../components/parts/plot.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { sampleDataset } from '../fixtures/dataset.ts'
import { mountTimeline } from './mount.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const plot = (el: DiplomaticTimeline) => root(el).querySelector<SVGSVGElement>('svg.plot')!
/** The middle of an event's mark on the screen, in px from the left. */
const markX = (el: DiplomaticTimeline, id: string) => {
  const box = root(el).querySelector(`svg.plot [data-event-id="${id}"] .body`)!.getBoundingClientRect()
  return box.left + box.width / 2
}
/** The axis's ticks as [label, x on the screen], left to right. */
const ticks = (el: DiplomaticTimeline) =>
  [...root(el).querySelectorAll('.tick')].map((t) => [t.textContent!.trim(), t.getBoundingClientRect().left] as const).sort((a, b) => a[1] - b[1])
const press = async (el: DiplomaticTimeline, key: string, shiftKey = false) => {
  plot(el).dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true }))
  await el.updateComplete
}
/** Two events of the article a day apart: the convoy attack (19 Sep) and the UN's suspension of aid (20 Sep). */
const [earlier, later] = ['convoy-attack', 'un-suspends-aid']

/** Mounts the article's timeline in a page written in direction `dir`, with the given attributes. */
async function mountIn(dir: 'ltr' | 'rtl', attributes: Record<string, string> = {}): Promise<DiplomaticTimeline> {
  document.body.dir = dir
  return mountTimeline(syria, attributes)
}

afterEach(() => {
  document.body.replaceChildren()
  document.body.removeAttribute('dir')
})

describe('<diplomatic-timeline time-direction>', () => {
  it('runs time right to left under "rtl": marks, ticks and the period row are mirrored, and labels stay readable', async () => {
    const el = await mountIn('ltr', { 'time-direction': 'rtl' })
    expect(markX(el, earlier)).toBeGreaterThan(markX(el, later))
    // The axis's days fall from left to right.
    const days = ticks(el).map(([label]) => Number(label.match(/\d+/)![0]))
    expect(days.length).toBeGreaterThan(3)
    expect(days).toEqual([...days].sort((a, b) => b - a))
    // The month is named at its start, which is now on the right.
    const period = root(el).querySelector('.period text')!.getBoundingClientRect()
    const box = plot(el).getBoundingClientRect()
    expect(period.right).toBeGreaterThan(box.left + box.width / 2)
    expect(period.right).toBeLessThanOrEqual(box.right)
    // A label is not mirrored text: it reads as written, beside its mark and not over it.
    const mark = root(el).querySelector(`svg.plot [data-event-id="${earlier}"]`)!
    const label = [...mark.querySelectorAll('text')].find((t) => t.textContent === mark.getAttribute('aria-label')!.split(' — ')[1])
    expect(label).toBeDefined()
    const [body, text] = [mark.querySelector('.body')!.getBoundingClientRect(), label!.getBoundingClientRect()]
    expect(text.left >= body.right || text.right <= body.left).toBe(true)
    expect(text.left).toBeGreaterThanOrEqual(box.left)
    expect(text.right).toBeLessThanOrEqual(box.right)
  })

  it('follows the writing direction under "auto" (the default), and keeps time left to right under "ltr" in any page', async () => {
    const rtl = await mountIn('rtl')
    expect(rtl.timeDirection).toBe('auto')
    expect(markX(rtl, earlier)).toBeGreaterThan(markX(rtl, later))
    rtl.timeDirection = 'ltr'
    await rtl.updateComplete
    expect(markX(rtl, earlier)).toBeLessThan(markX(rtl, later))
    document.body.replaceChildren()
    document.body.dir = 'ltr'

    const ltr = await mountIn('ltr')
    expect(markX(ltr, earlier)).toBeLessThan(markX(ltr, later))
    // The element's own dir, set once it is drawn, turns time round at once.
    ltr.dir = 'rtl'
    await ltr.updateComplete
    expect(markX(ltr, earlier)).toBeGreaterThan(markX(ltr, later))
  })

  it('walks the events with ← and → as they lie on the screen, and pans with Shift the same way', async () => {
    // The truce began on 13 September: the deal came before it, the strikes of the 17th after.
    const truce = 'truce-begins'
    const el = await mountIn('ltr', { 'time-direction': 'rtl', selected: truce })
    const changes: Array<{ start: string; end: string }> = []
    el.addEventListener('timeline-range-change', (e) => changes.push(e.detail))
    // → goes to the mark on the right: earlier in time; ← to the later one on the left.
    await press(el, 'ArrowRight')
    expect(markX(el, el.selected!)).toBeGreaterThan(markX(el, truce))
    await press(el, 'ArrowLeft')
    expect(el.selected).toBe(truce)
    await press(el, 'ArrowLeft')
    const next = el.selected!
    expect(markX(el, next)).toBeLessThan(markX(el, truce))
    // ↑ and ↓ walk time, whichever way it runs.
    await press(el, 'ArrowUp')
    expect(el.selected).toBe(truce)
    await press(el, 'ArrowDown')
    expect(el.selected).toBe(next)

    // Shift+→ shows what lies to the right: earlier time.
    await expect.poll(() => root(el).querySelector('svg.plot')?.hasAttribute('aria-label')).toBe(true)
    await press(el, '+')
    await expect.poll(() => changes.length).toBe(1)
    // The overview's brush, mirrored too, moves right with the window.
    const brush = () => root(el).querySelector('svg.overview .selection')!.getBoundingClientRect().left
    await expect.poll(brush).toBeGreaterThan(0)
    const before = brush()
    await press(el, 'ArrowRight', true)
    await expect.poll(() => changes.length).toBe(2)
    expect(Date.parse(changes[1]!.start)).toBeLessThan(Date.parse(changes[0]!.start))
    await expect.poll(brush).toBeGreaterThan(before)
    await press(el, 'ArrowLeft', true)
    await expect.poll(() => changes.length).toBe(3)
    expect(Date.parse(changes[2]!.start)).toBeGreaterThan(Date.parse(changes[1]!.start))
  })

  it('keeps the window shown when time is turned round while zoomed in', async () => {
    const el = await mountIn('ltr')
    // A window off the middle (about 12 to 20 September), which a mirror of the wrong kind would not keep.
    for (let i = 0; i < 3; i++) await press(el, '+')
    await press(el, 'PageDown')
    const windowText = () => root(el).querySelector('.shown .window')?.textContent
    const before = windowText()
    const convoy = markX(el, earlier)
    el.timeDirection = 'rtl'
    await el.updateComplete
    expect(windowText()).toBe(before)
    // The same days, mirrored: the convoy attack is as far from the right edge as it was from the left.
    const box = plot(el).getBoundingClientRect()
    expect(Math.abs(box.right - markX(el, earlier) - (convoy - box.left))).toBeLessThan(1)
    // And a pan goes on from there, within the limits of the new direction.
    await press(el, 'PageUp')
    expect(windowText()).not.toBe(before)
  })

  it('centres the window where the mirrored overview is clicked: near its right end is early in time', async () => {
    const el = await mountIn('ltr', { 'time-direction': 'rtl' })
    for (let i = 0; i < 3; i++) await press(el, '+')
    const middles: number[] = []
    el.addEventListener('timeline-range-change', (e) => middles.push((Date.parse(e.detail.start) + Date.parse(e.detail.end)) / 2))
    const overlay = root(el).querySelector<SVGRectElement>('.overview .overlay')!
    await expect.poll(() => overlay.getBoundingClientRect().width).toBeGreaterThan(100)
    const box = overlay.getBoundingClientRect()
    const at = { clientX: box.left + box.width * 0.8, clientY: box.top + box.height / 2, bubbles: true, view: window }
    overlay.dispatchEvent(new MouseEvent('mousedown', at))
    window.dispatchEvent(new MouseEvent('mouseup', at))
    // A fifth of the way in from the right of a strip from late August to late September is early September.
    await expect.poll(() => middles.length).toBeGreaterThan(0)
    expect(new Date(middles.at(-1)!).toISOString().slice(0, 10) < '2016-09-12').toBe(true)
    const selection = root(el).querySelector<SVGRectElement>('.overview .selection')!
    await expect.poll(() => selection.style.display).not.toBe('none')
    const shown = selection.getBoundingClientRect()
    expect(Math.abs(shown.left + shown.width / 2 - at.clientX)).toBeLessThan(3)
  })

  it('finds an unlabelled mark of the canvas under the pointer where the mirrored canvas draws it', async () => {
    const data: EventDataset = sampleDataset()
    const template = data.events[0]!
    data.relations = []
    // 160 one-day events over three years in one lane: past the 150 labelled marks, few enough to
    // be drawn one by one (6 px apart in 1000 px), so drawn unlabelled on the canvas.
    data.events = Array.from({ length: 160 }, (_, i) => ({
      ...template, id: `e${i}`, title: `Event ${i}`, category: 'diplomacy', participants: [], evidence: [],
      date: { edtf: new Date(Date.UTC(2014, 0, 1) + ((i * 7919) % 1100) * 86_400_000).toISOString().slice(0, 10) },
    }))
    const el = document.createElement('diplomatic-timeline')
    el.setAttribute('time-direction', 'rtl')
    el.style.width = '1000px'
    el.data = data
    document.body.append(el)
    const frames = el as unknown as { frames: { last?: PlotFrame } }
    await expect.poll(() => frames.frames.last?.ticks.length ?? 0).toBeGreaterThan(0)
    await el.updateComplete
    // A mark of the first lane drawn on the canvas, laid out left to right in the frame.
    const frame = frames.frames.last!
    const lane = frame.ticks[0]!
    const i = lane.x1.findIndex((x1, k) => x1 > 100 && x1 < frame.width - 100 && lane.x2[k]! - x1 >= 2)
    expect(i).toBeGreaterThanOrEqual(0)
    const box = plot(el).getBoundingClientRect()
    // On the screen it is mirrored: a click there selects it.
    const clientX = box.left + frame.width - (lane.x1[i]! + lane.x2[i]!) / 2
    const clientY = box.top + axisHeight + lane.y[i]! + lane.height / 2
    // The canvas has painted it there.
    const canvas = root(el).querySelector<HTMLCanvasElement>('canvas.plot-canvas')!
    const ratio = canvas.width / frame.width
    const alpha = (cssX: number) => canvas.getContext('2d')!.getImageData(Math.round(cssX * ratio), Math.round((lane.y[i]! + lane.height / 2) * ratio), 1, 1).data[3]!
    expect(alpha(clientX - box.left)).toBeGreaterThan(0)
    plot(el).dispatchEvent(new MouseEvent('click', { clientX, clientY, bubbles: true, composed: true }))
    await el.updateComplete
    expect(el.selected).not.toBeNull()
    const chosen = Number(el.selected!.slice(1))
    const day = (n: number) => (n * 7919) % 1100
    // The one clicked, or another on the same day (several share a pixel).
    expect(day(chosen)).toBe(day(eventAt(el, lane.rows[i]!)))
  })
})

/** The number in the id (e123) of the event at a table row. */
function eventAt(el: DiplomaticTimeline, row: number): number {
  const ready = (el as unknown as { input: { ready?: { items: Array<{ id: string }> } } }).input.ready!
  return Number(ready.items[row]!.id.slice(1))
}

describe('<diplomatic-timeline locale> and the writing direction', () => {
  const controls = (el: DiplomaticTimeline) => root(el).querySelector('.toolbar')!
  it('turns right to left for a right-to-left locale in a left-to-right page, and back for a left-to-right one in a right-to-left page', async () => {
    const ar = await mountIn('ltr', { locale: 'ar' })
    expect(getComputedStyle(controls(ar)).direction).toBe('rtl')
    // The search box comes after the title, on its left.
    const title = root(ar).querySelector('.toolbar h2')!.getBoundingClientRect()
    const search = root(ar).querySelector('input[type="search"]')!.getBoundingClientRect()
    expect(search.right).toBeLessThanOrEqual(title.left)
    // And time runs right to left, as the page's writing would.
    expect(markX(ar, earlier)).toBeGreaterThan(markX(ar, later))
    document.body.replaceChildren()

    const fr = await mountIn('rtl', { locale: 'fr' })
    expect(getComputedStyle(controls(fr)).direction).toBe('ltr')
    expect(markX(fr, earlier)).toBeLessThan(markX(fr, later))
    document.body.replaceChildren()

    // The element's own dir comes first; without a locale, it follows the page.
    const own = await mountIn('ltr', { locale: 'ar', dir: 'ltr' })
    expect(getComputedStyle(controls(own)).direction).toBe('ltr')
    document.body.replaceChildren()
    const page = await mountIn('rtl')
    expect(getComputedStyle(controls(page)).direction).toBe('rtl')
  })
})
