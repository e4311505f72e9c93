import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { mountTimeline as mount } from './mount.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const all = <T extends Element = HTMLElement>(el: DiplomaticTimeline, selector: string) => [...root(el).querySelectorAll<T>(selector)]
const summary = (el: DiplomaticTimeline) => root(el).querySelector<HTMLElement>('.filters summary')!
const chip = (el: DiplomaticTimeline, facet: string, value: string) => root(el).querySelector<HTMLButtonElement>(`.chip[data-facet="${facet}"][data-value="${value}"]`)!
/** The toolbar's row of controls: the search box, the buttons and the downloads' summary. */
const controls = (el: DiplomaticTimeline) => all(el, '.controls > input, .controls > button, .downloads > summary')
/** Every target a finger or a pointer may hit in the toolbar and the filters, where it is shown. */
const targets = (el: DiplomaticTimeline) => all(el, '.toolbar :is(button, summary), .filters :is(button, summary)').filter((t) => t.checkVisibility())
const shownLine = (el: DiplomaticTimeline) => root(el).querySelector<HTMLElement>('.shown [aria-live]')!

/** The timeline at `width` px, once its plot is drawn at that width. */
async function atWidth(width: number): Promise<DiplomaticTimeline> {
  const el = await mount(syria)
  el.style.width = `${width}px`
  await expect.poll(() => Number(root(el).querySelector('svg.plot')?.getAttribute('width'))).toBe(width)
  return el
}

/** Every target is at least 24 × 24 CSS px (WCAG 2.5.8), named so that a failure says which. */
function expectTargetsOf24px(el: DiplomaticTimeline) {
  for (const t of targets(el)) {
    const box = t.getBoundingClientRect()
    expect(box.width, t.outerHTML).toBeGreaterThanOrEqual(24)
    expect(box.height, t.outerHTML).toBeGreaterThanOrEqual(24)
  }
}

afterEach(() => document.body.replaceChildren())

describe('<diplomatic-timeline> in a narrow element', () => {
  it('keeps the toolbar\'s controls to one row at 375 px: icon buttons that keep their names, and the search box in the rest', async () => {
    const el = await atWidth(375)
    const boxes = controls(el).map((c) => c.getBoundingClientRect())
    expect(boxes).toHaveLength(7)
    // One row: every control overlaps every other vertically.
    expect(Math.max(...boxes.map((b) => b.top))).toBeLessThan(Math.min(...boxes.map((b) => b.bottom)))
    // The row runs from the element's start to its end, the search box taking what the buttons leave.
    const box = el.getBoundingClientRect()
    const [search, ...buttons] = boxes
    expect(search!.left).toBeCloseTo(box.left, 0)
    expect(buttons.at(-1)!.right).toBeCloseTo(box.right, 0)
    for (const b of buttons) expect(b.width).toBeLessThan(40)
    expect(search!.width).toBeGreaterThan(120)
    // Each compact button shows an icon, is named by its word as before, and tells it on hover.
    for (const b of all(el, '.toolbar .compact')) {
      expect(b.querySelector('.icon')!.checkVisibility()).toBe(true)
      expect(b.querySelector('.word')!.checkVisibility()).toBe(false)
      expect(b.title).not.toBe('')
    }
    for (const name of ['Zoom in', 'Zoom out', 'Fit all events', 'List', 'Legend']) await expect.element(page.getByRole('button', { name, exact: true })).toBeVisible()
    await expect.element(page.getByLabelText('Download', { exact: true })).toBeVisible()
  })

  it('folds the actor list and the chips behind "Filters" at 375 px, which a click opens, then counts the filters chosen', async () => {
    const el = await atWidth(375)
    expect(summary(el).checkVisibility()).toBe(true)
    expect(summary(el).textContent).toBe('Filters')
    expect(all(el, '.chip').length).toBeGreaterThan(5)
    expect(all(el, '.chip, .filters select').some((c) => c.checkVisibility())).toBe(false)
    // Folded, the filters take one row with the count of events shown, which stays in sight.
    expect(shownLine(el).checkVisibility()).toBe(true)
    expect(shownLine(el).textContent).toBe('20 of 20 events shown')
    const row = summary(el).getBoundingClientRect()
    expect(shownLine(el).getBoundingClientRect().top).toBeLessThan(row.bottom)

    await userEvent.click(summary(el))
    await expect.poll(() => chip(el, 'status', 'planned').checkVisibility()).toBe(true)
    expect(all(el, '.chip, .filters select').every((c) => c.checkVisibility())).toBe(true)
    // The chips open under the summary and the count, inside the element.
    const box = el.getBoundingClientRect()
    for (const c of all(el, '.chip')) {
      const r = c.getBoundingClientRect()
      expect(r.top).toBeGreaterThanOrEqual(row.bottom)
      expect(r.right).toBeLessThanOrEqual(box.right + 0.5)
    }
    await userEvent.click(chip(el, 'status', 'planned'))
    await expect.poll(() => shownLine(el).textContent).toBe('1 of 20 events shown')
    expect(chip(el, 'status', 'planned').getAttribute('aria-pressed')).toBe('true')
    expect(summary(el).textContent).toBe('Filters (1)')
    // A new render of the filters leaves the disclosure as the user left it.
    expect(chip(el, 'status', 'planned').checkVisibility()).toBe(true)

    await userEvent.click(summary(el))
    await expect.poll(() => chip(el, 'status', 'planned').checkVisibility()).toBe(false)
    expect(shownLine(el).textContent).toBe('1 of 20 events shown')
  })

  it('opens and closes the filters from the keyboard, and says whether they are open', async () => {
    const el = await atWidth(375)
    const details = root(el).querySelector<HTMLDetailsElement>('.filters details')!
    summary(el).focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => details.open).toBe(true)
    expect(chip(el, 'category', 'military').checkVisibility()).toBe(true)
    await userEvent.keyboard('{Tab}')
    expect(root(el).activeElement).toBe(root(el).querySelector('.filters select'))
    summary(el).focus()
    await userEvent.keyboard(' ')
    await expect.poll(() => details.open).toBe(false)
  })

  it('shows the actor list and the chips unfolded at 1000 px, with no summary, whatever the disclosure\'s state', async () => {
    const el = await atWidth(1000)
    expect(summary(el).checkVisibility()).toBe(false)
    expect(all(el, '.chip, .filters select').every((c) => c.checkVisibility())).toBe(true)
    expect(root(el).querySelector<HTMLDetailsElement>('.filters details')!.open).toBe(false)
    // The buttons read their words, and no icon.
    expect(all(el, '.toolbar .icon').some((i) => i.checkVisibility())).toBe(false)
    expect(all(el, '.toolbar .word').every((w) => w.getBoundingClientRect().width > 10)).toBe(true)
    chip(el, 'status', 'planned').click()
    await expect.poll(() => shownLine(el).textContent).toBe('1 of 20 events shown')

    // Narrowed, the filters fold; widened again, they are in the row again.
    el.style.width = '375px'
    await expect.poll(() => chip(el, 'status', 'planned').checkVisibility()).toBe(false)
    expect(summary(el).textContent).toBe('Filters (1)')
    el.style.width = '1000px'
    await expect.poll(() => chip(el, 'status', 'planned').checkVisibility()).toBe(true)
  })

  it.each([375, 1000])('makes every button, chip and summary of the toolbar and the filters at least 24 × 24 px at %i px', async (width) => {
    const el = await atWidth(width)
    // The page's root font size does not shrink them.
    document.documentElement.style.fontSize = '10px'
    try {
      const details = all<HTMLDetailsElement>(el, '.toolbar details, .filters details')
      expect(details).toHaveLength(2)
      // The buttons and the downloads' summary; and the chips, or the summary that folds them.
      expect(targets(el)).toHaveLength(6 + (width > 600 ? all(el, '.chip').length : 1))
      expectTargetsOf24px(el)
      // Opened, the downloads' menu and (in a narrow element) the filters too.
      for (const d of details) d.open = true
      await expect.poll(() => root(el).querySelector('.downloads .menu button')!.checkVisibility()).toBe(true)
      expect(targets(el).length).toBeGreaterThan(20)
      expectTargetsOf24px(el)
    } finally {
      document.documentElement.style.removeProperty('font-size')
    }
  })
})
