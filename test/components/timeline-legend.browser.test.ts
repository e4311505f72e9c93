import { afterEach, describe, expect, it } from 'vitest'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { sampleDataset } from '../fixtures/dataset.ts'
import { mountTimeline as mount } from './mount.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const legend = (el: DiplomaticTimeline) => [...root(el).querySelectorAll('[part="legend"] li > span')].map((label) => label.textContent!.trim())
const button = (el: DiplomaticTimeline, name: string) => [...root(el).querySelectorAll<HTMLButtonElement>('.controls button')].find((b) => b.textContent!.trim() === name)!

afterEach(() => document.body.replaceChildren())

describe('<diplomatic-timeline>: the legend', () => {
  it('explains the encodings the view draws, and only those', async () => {
    const el = await mount(syria)
    expect(legend(el)).toEqual(['a key event', 'background', 'a day', 'several events on one day (click to show them)', 'a span of time', 'one unknown day in the span', 'approximate date', 'planned or postponed', 'cancelled', 'attribution disputed', 'the source’s date (“as of”)'])
    // Each swatch is drawn in the plot's colours.
    const day = root(el).querySelector('[part="legend"] li circle')!
    expect(getComputedStyle(day).fill).toBe(getComputedStyle(root(el).querySelector('.mark:not(.planned, .cancelled) circle.body')!).fill)

    // One event on a known day, its perpetrator alleged.
    const data = sampleDataset()
    data.events = data.events.filter((e) => e.id === 'convoy-attack')
    data.relations = []
    const small = await mount(data)
    expect(legend(small)).toEqual(['a day', 'attribution disputed', 'the source’s date (“as of”)'])
  })

  it('draws background quieter than what the source reports, and a key event larger and bolder', async () => {
    const el = await mount(syria)
    const mark = (id: string) => root(el).querySelector(`.mark[data-event-id="${id}"]`)!
    expect([...mark('convoy-attack').classList]).toContain('key')
    expect([...mark('syrian-civil-war').classList]).toContain('context')
    expect([...mark('kirby-statement').classList]).toContain('reported')
    const opacity = (id: string) => Number(getComputedStyle(mark(id).querySelector('.body')!).fillOpacity)
    expect(opacity('syrian-civil-war')).toBeLessThan(opacity('kirby-statement'))
    expect(Number.parseFloat(getComputedStyle(mark('convoy-attack').querySelector('circle.body')!).r)).toBeGreaterThan(Number.parseFloat(getComputedStyle(mark('kirby-statement').querySelector('circle.body')!).r))
  })

  it('follows the view: zoomed to one day, it explains only what that day shows', async () => {
    const el = await mount(syria, { start: '2016-09-19', end: '2016-09-19' })
    await expect.poll(() => legend(el)).not.toContain('cancelled')
    expect(legend(el)).toContain('a day')
  })

  it('draws the selected event\'s relations as arrows from the event that acts, each with its verb', async () => {
    const el = await mount(syria, { selected: 'convoy-attack' })
    const relations = syria.relations.filter((r) => r.from === 'convoy-attack' || r.to === 'convoy-attack')
    const links = [...root(el).querySelectorAll('.link')]
    expect(links).toHaveLength(relations.length)
    links.forEach((link, i) => {
      expect(link.querySelector('path.relation')!.getAttribute('marker-end')).toBe('url(#dt-arrow)')
      expect(link.querySelector('.verb')!.textContent).toBe(relations[i]!.type.replace('-', ' '))
    })
    expect(root(el).querySelector('#dt-arrow path')).not.toBeNull()
  })

  it('hides and comes back with the Legend button, which says whether it is shown', async () => {
    const el = await mount(syria)
    expect(button(el, 'Legend').getAttribute('aria-pressed')).toBe('true')
    button(el, 'Legend').click()
    await el.updateComplete
    expect(root(el).querySelector('[part="legend"]')).toBeNull()
    expect(button(el, 'Legend').getAttribute('aria-pressed')).toBe('false')
    button(el, 'Legend').click()
    await el.updateComplete
    expect(legend(el).length).toBeGreaterThan(3)
  })
})

describe('<diplomatic-timeline>: many events on one day', () => {
  const groupOf = (el: DiplomaticTimeline) => root(el).querySelector<SVGGElement>('.mark.group')
  const onSep20 = syria.events.filter((e) => e.category === 'diplomacy' && e.date.edtf === '2016-09-20').map((e) => e.id)

  it('draws the eight statements and meetings of 20 September as one mark with their count, until it is clicked', async () => {
    expect(onSep20.length).toBe(8)
    const el = await mount(syria)
    const group = groupOf(el)!
    expect(group.querySelector('text')!.textContent).toBe('8 events')
    expect(group.getAttribute('aria-label')).toBe('8 events on 20 Sep 2016: show them')
    expect(legend(el)).toContain('several events on one day (click to show them)')
    for (const id of onSep20) expect(root(el).querySelector(`.mark[data-event-id="${id}"]`)).toBeNull()
    group.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))
    await expect.poll(() => onSep20.filter((id) => root(el).querySelector(`.mark[data-event-id="${id}"]`)).length).toBe(8)
    expect(groupOf(el)).toBeNull()
  })

  it('opens by itself for the selected event, and when a day is drawn wide enough to read them', async () => {
    const selected = await mount(syria, { selected: 'kerry-not-dead' })
    expect(groupOf(selected)).toBeNull()
    expect(root(selected).querySelector('.mark[data-event-id="kerry-not-dead"]')).not.toBeNull()
    document.body.replaceChildren()
    const zoomed = await mount(syria, { start: '2016-09-19', end: '2016-09-21' })
    expect(groupOf(zoomed)).toBeNull()
  })
})
