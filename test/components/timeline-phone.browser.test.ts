import { afterEach, describe, expect, it } from 'vitest'
import syria from '../../data/syria-truce-2016-09.json'
import { mountTimeline as mount } from './mount.ts'

afterEach(() => document.body.replaceChildren())

describe('<diplomatic-timeline> on a phone', () => {
  it('opens a selected event\'s details where they can be seen: a sheet along the bottom of the screen, over the plot', async () => {
    const el = await mount(syria, { 'group-by': 'actor' })
    el.style.width = '360px'
    document.body.append(Object.assign(document.createElement('div'), { style: 'height: 2000px' }))
    const plot = el.shadowRoot!.querySelector('svg.plot')!
    await expect.poll(() => Number(plot.getAttribute('width'))).toBe(360)
    // The plot is taller than the screen: below it, the details would be out of sight.
    expect(plot.getBoundingClientRect().height).toBeGreaterThan(innerHeight)
    plot.scrollIntoView({ block: 'start' })
    el.selected = 'convoy-attack'
    const details = () => el.shadowRoot!.querySelector<HTMLElement>('[part="details"]')
    await expect.poll(() => details()?.textContent ?? '').toContain('convoy')
    const sheet = details()!.getBoundingClientRect()
    expect(sheet.bottom).toBeLessThanOrEqual(innerHeight + 1)
    expect(sheet.top).toBeGreaterThan(innerHeight * 0.3)
    expect(sheet.top).toBeLessThan(innerHeight)
    expect(sheet.top).toBeLessThan(plot.getBoundingClientRect().bottom)

    // A wide element keeps its details under the plot, in the page's flow.
    el.style.width = '1000px'
    await expect.poll(() => getComputedStyle(details()!).position).toBe('static')
  })
})
