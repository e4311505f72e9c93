import { afterEach, describe, expect, it } from 'vitest'
import syria from '../../data/syria-truce-2016-09.json'
import { mountTimeline as mount } from './mount.ts'

afterEach(() => document.body.replaceChildren())

/** The article's timeline by actor, 360 px wide, in a page taller than the screen, once drawn at that width. */
async function onPhone() {
  const el = await mount(syria, { 'group-by': 'actor' })
  el.style.width = '360px'
  document.body.append(Object.assign(document.createElement('div'), { style: 'height: 2000px' }))
  const plot = el.shadowRoot!.querySelector('svg.plot')!
  await expect.poll(() => Number(plot.getAttribute('width'))).toBe(360)
  return { el, plot }
}

describe('<diplomatic-timeline> on a phone', () => {
  it('opens a selected event\'s details where they can be seen: a sheet along the bottom of the screen, over the plot', async () => {
    const { el, plot } = await onPhone()
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

  it('scrolls the page so that a mark chosen near the bottom of the screen stays in sight above the sheet', async () => {
    const { el, plot } = await onPhone()
    const mark = () => el.shadowRoot!.querySelector('#mark-convoy-attack')!
    // The convoy attack near the bottom of the screen, where the sheet will open.
    window.scrollBy({ top: mark().getBoundingClientRect().bottom - innerHeight + 40 })
    expect(mark().getBoundingClientRect().bottom).toBeGreaterThan(innerHeight * 0.8)
    mark().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    const sheet = () => el.shadowRoot!.querySelector<HTMLElement>('[part="details"]')
    await expect.poll(() => sheet()?.textContent ?? '').toContain('convoy')
    await expect.poll(() => mark().getBoundingClientRect().bottom).toBeLessThanOrEqual(sheet()!.getBoundingClientRect().top)
    expect(mark().getBoundingClientRect().top).toBeGreaterThanOrEqual(0)
  })

  it('gives every mark a target at least 24 px square, and no two marks\' targets overlap (WCAG 2.5.8)', async () => {
    for (const width of ['375px', '1000px']) {
      const el = await mount(syria, { 'group-by': 'actor' })
      el.style.width = width
      const plot = el.shadowRoot!.querySelector('svg.plot')!
      await expect.poll(() => `${plot.getAttribute('width')}px`).toBe(width)
      const marks = [...el.shadowRoot!.querySelectorAll<SVGGElement>('svg.plot .mark')]
      expect(marks.length).toBeGreaterThan(10)
      for (const mark of marks) {
        const box = mark.getBoundingClientRect()
        expect([mark.getAttribute('aria-label'), box.width >= 24 && box.height >= 24]).toEqual([mark.getAttribute('aria-label'), true])
      }
      // Each mark's own row about its body: the rows of two marks share no area.
      const rows = marks.map((m) => m.querySelector('.hit')!.getBoundingClientRect())
      for (const [i, a] of rows.entries()) {
        for (const b of rows.slice(i + 1)) {
          const shared = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5
          if (shared) expect.fail(`the targets of ${marks[i]!.getAttribute('aria-label')} and another mark overlap: ${JSON.stringify([a, b])}`)
        }
      }
      document.body.replaceChildren()
    }
  })
})
