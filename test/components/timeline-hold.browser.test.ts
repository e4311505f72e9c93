import { afterEach, describe, expect, it } from 'vitest'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { mountTimeline as mount } from './mount.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const plot = (el: DiplomaticTimeline) => root(el).querySelector<SVGSVGElement>('svg.plot')!
const plotHeight = (el: DiplomaticTimeline) => Number(plot(el).getAttribute('height'))

afterEach(() => document.body.replaceChildren())

describe('<diplomatic-timeline> during a zoom', () => {
  it('holds the plot\'s height through a wheel gesture, so that the page under it stays put, and fits it once the gesture ends', async () => {
    const el = await mount(syria)
    const heights = [plotHeight(el)]
    const box = plot(el).getBoundingClientRect()
    // In, about the left: the crowded days leave the window, and the lanes would shrink at once.
    for (let i = 0; i < 6; i++) {
      plot(el).dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: box.left + 40, clientY: box.top + 100, bubbles: true, cancelable: true }))
      await new Promise(requestAnimationFrame)
      await el.updateComplete
      heights.push(plotHeight(el))
    }
    // Never lower than at any step before it.
    heights.forEach((h, i) => expect(h).toBe(Math.max(...heights.slice(0, i + 1))))
    // d3-zoom ends a wheel gesture 150 ms after its last turn: then the plot fits its lanes again.
    await expect.poll(() => plotHeight(el), { timeout: 5000 }).toBeLessThan(heights.at(-1)!)
  })
})
