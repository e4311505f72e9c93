import { afterEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import type { Event, EventDataset } from '../../src/model/index.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { sampleDataset } from '../fixtures/dataset.ts'
import { mountTimeline as mount } from './mount.ts'

/** Mounts with `src` only, and waits until the element shows its alert. */
async function mountSrc(src: string): Promise<DiplomaticTimeline> {
  const el = document.createElement('diplomatic-timeline')
  el.style.width = '1000px'
  el.src = src
  document.body.append(el)
  await expect.poll(() => el.shadowRoot?.querySelector('[role="alert"]')).toBeTruthy()
  await el.updateComplete
  return el
}

const root = (el: DiplomaticTimeline) => el.shadowRoot!
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim()
const plot = (el: DiplomaticTimeline) => root(el).querySelector<SVGSVGElement>('svg.plot')!
const mark = (el: DiplomaticTimeline, id: string) => root(el).querySelector<SVGGElement>(`svg.plot [data-event-id="${id}"]`)!
const panel = (el: DiplomaticTimeline) => root(el).querySelector<HTMLElement>('[part="details"]')
const alert = (el: DiplomaticTimeline) => text(root(el).querySelector('[role="alert"]'))
/** The details panel's definition list as { term: description }. */
const fields = (el: DiplomaticTimeline) => {
  const out: Record<string, string | undefined> = {}
  for (const dt of panel(el)?.querySelectorAll('dt') ?? []) out[text(dt)!] = text(dt.nextElementSibling)
  return out
}
/** Selects an event, and gives its details panel's fields once it is drawn. */
const fieldsOf = async (el: DiplomaticTimeline, id: string) => {
  el.selected = id
  await el.updateComplete
  return fields(el)
}
/** Each quote in the details panel as [the quote, the line naming its source]. */
const quotes = (el: DiplomaticTimeline) =>
  [...(panel(el)?.querySelectorAll('blockquote') ?? [])].map((q) => {
    const source = q.querySelector(':scope > small')
    const quote = q.cloneNode(true) as HTMLElement
    quote.querySelector(':scope > small')?.remove()
    return [text(quote), text(source)]
  })
const selectEvents = (el: DiplomaticTimeline) => {
  const fired: Array<{ id: string | null }> = []
  el.addEventListener('timeline-select', (e) => fired.push(e.detail))
  return fired
}

const day = 86_400_000
const dataset = () => structuredClone(syria) as unknown as EventDataset

/**
 * The start and end (UTC ms, inclusive) of the date forms the Syria dataset uses, read here
 * without the component's resolver: a year or a day (perhaps followed by ~ ? or %), and a
 * one-of range of days "[a..b]". An ongoing event lasts at least to the end of the "as of" day,
 * the newest source's publication day.
 */
function bounds(event: Event, asOf: number): [number, number] {
  const edtf = event.date.edtf.replace(/[~?%]$/, '')
  const dayOf = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)))
  let start: number
  let end: number
  let m: RegExpExecArray | null
  if ((m = /^\[(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\]$/.exec(edtf))) [start, end] = [dayOf(m[1]!), dayOf(m[2]!) + day - 1]
  else if (/^\d{4}-\d{2}-\d{2}$/.test(edtf)) [start, end] = [dayOf(edtf), dayOf(edtf) + day - 1]
  else if (/^\d{4}$/.test(edtf)) [start, end] = [Date.UTC(Number(edtf), 0, 1), Date.UTC(Number(edtf) + 1, 0, 1) - 1]
  else throw new Error(`a date form this test does not read: ${event.date.edtf}`)
  if (event.status === 'ongoing') end = Math.max(end, asOf + day - 1)
  return [start, end]
}

/** The Syria dataset's event ids in time order: by start, then end, then id. */
function timeOrder(data: EventDataset): string[] {
  const newest = data.sources.map((s) => s.datePublished).sort().at(-1)!
  const asOf = Date.UTC(Number(newest.slice(0, 4)), Number(newest.slice(5, 7)) - 1, Number(newest.slice(8, 10)))
  return data.events
    .map((e) => ({ id: e.id, range: bounds(e, asOf) }))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => e.id)
}

afterEach(() => {
  document.body.replaceChildren()
  for (const style of document.head.querySelectorAll('style[data-test="timeline-details"]')) style.remove()
  delete (window as { __dtPwned?: number }).__dtPwned
})

describe('<diplomatic-timeline> keyboard walk over the Syria dataset', () => {
  it('walks every event in time order with ArrowRight from the plot, and back with ArrowLeft', async () => {
    const data = dataset()
    const order = timeOrder(data)
    // Read from the dataset's dates: the war (c. 2011), the deal (one day from 1 Sep), the truce
    // (c. 13 Sep), the weekend's three (17 or 18 Sep), Monday's three, Tuesday's ten, Friday's meeting.
    expect(order).toEqual([
      'syrian-civil-war', 'kerry-lavrov-deal', 'truce-begins',
      'coalition-air-strike', 'russia-syria-call-strike-proof', 'strike-halted',
      'convoy-attack', 'government-declares-truce-over', 'kirby-statement',
      'ayrault-statement', 'de-mistura-statement', 'issg-meeting', 'johnson-only-show', 'joint-center-envisioned',
      'kerry-lavrov-hotel-meeting', 'kerry-not-dead', 'russia-syria-deny', 'un-suspends-aid', 'us-blames-russia-syria',
      'friday-meeting',
    ])
    expect(order).toHaveLength(data.events.length)

    const el = await mount(data)
    const fired = selectEvents(el)
    plot(el).focus()
    const walked: Array<string | null> = []
    for (let i = 0; i < order.length; i++) {
      await userEvent.keyboard('{ArrowRight}')
      walked.push(el.selected)
    }
    expect(walked).toEqual(order)
    expect(fired.map((d) => d.id)).toEqual(order)
    // At the last event, ArrowRight stays there and fires nothing.
    await userEvent.keyboard('{ArrowRight}')
    expect(el.selected).toBe('friday-meeting')
    expect(fired).toHaveLength(order.length)
    await el.updateComplete
    expect(text(panel(el)?.querySelector('h3'))).toBe(data.events.find((e) => e.id === 'friday-meeting')!.title)
    await expect.poll(() => plot(el).getAttribute('aria-activedescendant')).toBe('mark-friday-meeting')

    const back: Array<string | null> = []
    for (let i = 1; i < order.length; i++) {
      await userEvent.keyboard('{ArrowLeft}')
      back.push(el.selected)
    }
    expect(back).toEqual(order.slice(0, -1).reverse())
    await userEvent.keyboard('{ArrowLeft}')
    expect(el.selected).toBe('syrian-civil-war')
    expect(fired).toHaveLength(2 * order.length - 1)
    expect(document.activeElement).toBe(el)
    expect(root(el).activeElement).toBe(plot(el))
  })

  it('moves with ArrowDown and ArrowUp as with ArrowRight and ArrowLeft; ArrowUp with nothing selected goes to the last event', async () => {
    const data = dataset()
    const order = timeOrder(data)
    const el = await mount(data)
    plot(el).focus()
    // Nothing selected: ArrowUp (like ArrowLeft) starts from the end.
    await userEvent.keyboard('{ArrowUp}')
    expect(el.selected).toBe(order.at(-1))
    await userEvent.keyboard('{ArrowUp}')
    expect(el.selected).toBe(order.at(-2))
    await userEvent.keyboard('{ArrowDown}')
    expect(el.selected).toBe(order.at(-1))
    await userEvent.keyboard('{ArrowDown}')
    expect(el.selected).toBe(order.at(-1))
    // Nothing selected: ArrowDown (like ArrowRight) starts from the beginning.
    await userEvent.keyboard('{Escape}')
    expect(el.selected).toBeNull()
    await userEvent.keyboard('{ArrowDown}')
    expect(el.selected).toBe(order[0])
    await userEvent.keyboard('{ArrowDown}')
    expect(el.selected).toBe(order[1])
    await userEvent.keyboard('{ArrowUp}')
    expect(el.selected).toBe(order[0])
    await userEvent.keyboard('{ArrowUp}')
    expect(el.selected).toBe(order[0])
  })
})

describe('<diplomatic-timeline> timeline-select', () => {
  it('fires { id: null } when Escape closes the details panel, from the plot or from within the panel', async () => {
    const el = await mount(dataset())
    const fired = selectEvents(el)
    plot(el).focus()
    await userEvent.keyboard('{End}')
    await el.updateComplete
    expect(panel(el)).not.toBeNull()
    await userEvent.keyboard('{Escape}')
    await el.updateComplete
    expect(fired).toEqual([{ id: 'friday-meeting' }, { id: null }])
    expect(el.selected).toBeNull()
    expect(panel(el)).toBeNull()
    // Escape with nothing selected fires nothing.
    await userEvent.keyboard('{Escape}')
    expect(fired).toHaveLength(2)

    // From the related-event link inside the panel (Friday's meeting follows up the ISSG meeting).
    await userEvent.keyboard('{End}')
    await el.updateComplete
    const related = panel(el)!.querySelector<HTMLButtonElement>('button[data-related-id="issg-meeting"]')!
    related.focus()
    await userEvent.keyboard('{Escape}')
    await el.updateComplete
    expect(fired.slice(2)).toEqual([{ id: 'friday-meeting' }, { id: null }])
    expect(panel(el)).toBeNull()
  })

  it('fires nothing when the page sets the selection by property or attribute, though the panel follows it', async () => {
    const data = dataset()
    const el = await mount(data)
    const fired = selectEvents(el)
    const title = (id: string) => data.events.find((e) => e.id === id)!.title
    el.selected = 'convoy-attack'
    await el.updateComplete
    expect(text(panel(el)?.querySelector('h3'))).toBe(title('convoy-attack'))
    el.setAttribute('selected', 'issg-meeting')
    await el.updateComplete
    expect(el.selected).toBe('issg-meeting')
    expect(text(panel(el)?.querySelector('h3'))).toBe(title('issg-meeting'))
    el.selected = null
    await el.updateComplete
    expect(panel(el)).toBeNull()
    // Let any late reveal or range work finish before the final check.
    await new Promise((resolve) => requestAnimationFrame(resolve))
    expect(fired).toEqual([])
  })
})

describe('<diplomatic-timeline> details panel', () => {
  const ap = syria.sources[0]!
  const apLine = `${ap.headline}, ${ap.publisher}, ${ap.datePublished}`

  it('shows the date as phrased and as resolved with its precision, status, certainty, actors with roles, place and toll', async () => {
    const el = await mount(dataset(), { selected: 'convoy-attack' })
    expect(fields(el)).toEqual({
      Date: '“Monday” → 19 Sep 2016 (day precision)',
      Status: 'occurred',
      Certainty: 'reported',
      // Both alleged perpetrators are marked so; the target's role is not in question.
      Actors: 'Russia (perpetrator, alleged), Syria (perpetrator, alleged), United Nations (target)',
      Where: 'Syria',
      Killed: 'about 20 (civilians)',
    })
    expect(quotes(el)).toEqual(syria.events.find((e) => e.id === 'convoy-attack')!.evidence.map((q) => [`“${q.quote}”`, `— ${apLine}`]))

    // "The weekend": one of two days, a toll that is not approximate, an acknowledged perpetrator.
    expect(await fieldsOf(el, 'coalition-air-strike')).toEqual({
      Date: '“weekend” → 17 or 18 Sep 2016 (day precision, one day in the range)',
      Status: 'occurred',
      Certainty: 'confirmed',
      Actors: 'US-led coalition (perpetrator, acknowledged), Syrian army (victim)',
      Where: 'Syria',
      Killed: '62 (military)',
    })
    const air = syria.events.find((e) => e.id === 'coalition-air-strike')!
    expect(quotes(el)).toEqual(air.evidence.map((q) => [`“${q.quote}”`, `— ${apLine}`]))

    // "Five-year-old": an approximate year, still going on, its toll in the locale's digits.
    expect(await fieldsOf(el, 'syrian-civil-war')).toEqual({
      Date: '“five-year-old” → c. 2011 (year precision, approximate)',
      Status: 'ongoing',
      Certainty: 'confirmed',
      Actors: 'Syrian government (participant), Syrian rebels (participant), Islamic State (participant)',
      Where: 'Syria',
      Killed: 'about 500,000 (unknown)',
    })

    // A planned event with neither place nor toll: no row for them.
    expect(await fieldsOf(el, 'friday-meeting')).toEqual({
      Date: '“Friday” → 23 Sep 2016 (day precision)',
      Status: 'planned',
      Certainty: 'reported',
      Actors: 'John Kerry (participant), International Syria Support Group (participant)',
    })
  })

  it('says when a date is uncertain, and when it is both approximate and uncertain', async () => {
    const data = sampleDataset()
    data.events[0]!.date = { edtf: '2016-09-19?' }
    data.events[1]!.date = { edtf: '2016-09-20%', text: 'around Tuesday, perhaps' }
    const el = await mount(data, { selected: 'convoy-attack' })
    expect(fields(el).Date).toBe('19 Sep 2016? (day precision, uncertain)')
    expect((await fieldsOf(el, 'us-blames-russia')).Date).toBe('“around Tuesday, perhaps” → c. 20 Sep 2016? (day precision, approximate, uncertain)')
  })

  it('shows every quote of an event, each with its own source\'s headline, publisher and date, linking a mailto: address and only that', async () => {
    const data = dataset()
    // A second source, with a mailto: address and an earlier date (the "as of" day stays 20 Sep).
    data.sources.push({ id: 'desk-note', type: 'Statement', headline: 'Note from the desk', publisher: 'News desk', datePublished: '2016-09-19', url: 'mailto:desk@example.org?subject=ISSG' })
    const issg = data.events.find((e) => e.id === 'issg-meeting')!
    issg.evidence![1]!.source = 'desk-note'
    issg.evidence![3]!.source = 'desk-note'
    const el = await mount(data, { selected: 'issg-meeting' })
    expect(await el.validation).toEqual([])
    expect(issg.evidence).toHaveLength(5)
    const sourceOf = (id: string) => data.sources.find((s) => s.id === id)!
    expect(quotes(el)).toEqual(issg.evidence!.map((q) => {
      const s = sourceOf(q.source)
      return [`“${q.quote}”`, `— ${s.headline}, ${s.publisher}, ${s.datePublished}`]
    }))
    expect(quotes(el)[1]![1]).toBe('— Note from the desk, News desk, 2016-09-19')
    const blocks = [...panel(el)!.querySelectorAll('blockquote')]
    expect(blocks).toHaveLength(5)
    blocks.forEach((quote, i) => {
      const links = quote.querySelectorAll('a')
      if (issg.evidence![i]!.source === 'desk-note') {
        expect(links).toHaveLength(1)
        expect(links[0]!.getAttribute('href')).toBe('mailto:desk@example.org?subject=ISSG')
        expect(links[0]!.textContent).toBe('Note from the desk')
      } else {
        // The article has no url: its headline is text, not a link.
        expect(links).toHaveLength(0)
        expect(quote.querySelector('small')!.textContent).toContain(ap.headline)
      }
    })
  })
})

describe('<diplomatic-timeline> marks', () => {
  /** The sample with an event of each date form, spread over September 2016. */
  function forms(): EventDataset {
    const data = sampleDataset()
    const template = data.events[0]!
    const event = (id: string, edtf: string, extra: Partial<Event> = {}): Event => ({
      ...structuredClone(template), id, title: `Event ${id}`, participants: [], evidence: [], date: { edtf }, ...extra,
    })
    data.relations = []
    data.events = [
      event('day', '2016-09-10'),
      event('span', '2016-09-05/2016-09-09'),
      event('one-of', '[2016-09-01..2016-09-19]'),
      event('planned', '2016-09-25', { status: 'planned' }),
      event('approximate', '2016-09-13~'),
      event('uncertain', '2016-09-21?'),
      event('both', '2016-09-22%'),
    ]
    return data
  }

  it('draws a day as a point, a span and a "one of" range as bars over their days, the latter hatched', async () => {
    // About 8 px a day: a day is narrower than a bar.
    const el = await mount(forms(), { start: '2016-07-01', end: '2016-10-31' })
    const body = (id: string) => mark(el, id).querySelector('.body')!
    const num = (id: string, name: string) => Number(body(id).getAttribute(name))
    expect(body('day').localName).toBe('circle')
    expect(body('span').localName).toBe('rect')
    expect(body('one-of').localName).toBe('rect')
    expect(mark(el, 'one-of').classList.contains('one-of')).toBe(true)
    expect(mark(el, 'span').classList.contains('span')).toBe(true)
    expect(mark(el, 'day').classList.contains('point')).toBe(true)
    // The one-of band starts on 1 Sep and the span on 5 Sep: four days apart.
    const perDay = (num('span', 'x') - num('one-of', 'x')) / 4
    expect(perDay).toBeGreaterThan(5)
    expect(perDay).toBeLessThan(12)
    // The band covers all 19 days it may be, the span its 5 days; the point sits at the start of 10 Sep.
    expect(num('one-of', 'width')).toBeCloseTo(19 * perDay, 3)
    expect(num('span', 'width')).toBeCloseTo(5 * perDay, 3)
    expect(num('day', 'cx') - 5).toBeCloseTo(num('one-of', 'x') + 9 * perDay, 3)
    expect(getComputedStyle(body('one-of')).fill).toMatch(/url\(.*#dt-hatch/)
    expect(root(el).querySelector('pattern#dt-hatch line.hatch-line')).not.toBeNull()
  })

  it('draws a day wider than its dot as the dot in the middle of the day\'s band, with relations and the badge at the dot', async () => {
    // The first window of the Syria dataset: about 38 px a day at 1000 px.
    const el = await mount(dataset(), { selected: 'convoy-attack' })
    const convoy = mark(el, 'convoy-attack')
    const band = convoy.querySelector<SVGRectElement>('rect.extent')!
    const dot = convoy.querySelector<SVGCircleElement>('circle.body')!
    const [x, width, cx] = [Number(band.getAttribute('x')), Number(band.getAttribute('width')), Number(dot.getAttribute('cx'))]
    expect(width).toBeGreaterThan(20)
    expect(cx).toBeCloseTo(x + width / 2, 6)
    expect(Number(dot.getAttribute('cy'))).toBeCloseTo(Number(band.getAttribute('y')) + 6, 6)
    // The disputed badge sits on the dot's shoulder, not at the end of the day.
    const badge = convoy.querySelector('.badge')!.parentElement!.getAttribute('transform')!
    expect(Number(/translate\(([-\d.]+),/.exec(badge)![1])).toBeCloseTo(cx + 4, 6)
    // Each relation of the selected event runs from one event's dot to the other's.
    const dotX = (id: string) => Number(mark(el, id).querySelector('circle.body')!.getAttribute('cx'))
    const relations = dataset().relations!.filter((r) => r.from === 'convoy-attack' || r.to === 'convoy-attack')
    const drawn = [...root(el).querySelectorAll('path.relation')].map((p) => {
      const numbers = p.getAttribute('d')!.match(/-?[\d.]+/g)!.map(Number)
      return [numbers[0]!, numbers.at(-2)!]
    })
    expect(drawn).toHaveLength(relations.length)
    relations.forEach((r, i) => {
      expect(drawn[i]![0]).toBeCloseTo(dotX(r.from), 6)
      expect(drawn[i]![1]).toBeCloseTo(dotX(r.to), 6)
    })
    expect(relations.every((r) => r.to === 'convoy-attack')).toBe(true)
    for (const [, to] of drawn) expect(to).toBeCloseTo(cx, 6)
    // "Over the weekend", one of two days, stays a bar, with no day band.
    const weekend = mark(el, 'coalition-air-strike')
    expect(weekend.querySelector('.body')!.localName).toBe('rect')
    expect(weekend.querySelector('rect.extent')).toBeNull()
    // The band is faint: the dot is what reads as the event.
    expect(Number(getComputedStyle(band).fillOpacity)).toBeLessThan(0.3)
  })

  it('writes a label the edge would cut inside its bar, within the bar, when more of it fits there', async () => {
    // The deal, "one day in" 1–19 Sep, spans most of the first window; right of it is little room before the edge.
    const data = dataset()
    const el = await mount(data)
    const deal = mark(el, 'kerry-lavrov-deal')
    const label = deal.querySelector<SVGTextElement>(':scope > text')!
    expect(label.classList.contains('inside')).toBe(true)
    expect(label.textContent).toBe(data.events.find((e) => e.id === 'kerry-lavrov-deal')!.title)
    const [bar, text] = [deal.querySelector('.body')!.getBoundingClientRect(), label.getBoundingClientRect()]
    expect(text.left).toBeGreaterThan(bar.left)
    expect(text.right).toBeLessThan(bar.right)
    // A hatched bar keeps its label in the text colour, over a halo.
    expect(getComputedStyle(label).stroke).not.toBe('none')
  })

  it('writes a label inside a solid bar in the background\'s colour', async () => {
    const data = sampleDataset()
    data.events.push({ ...structuredClone(data.events[0]!), id: 'siege', title: 'A siege that lasts most of the month shown', date: { edtf: '2016-09-02/2016-09-24' }, participants: [] })
    const el = await mount(data, { start: '2016-09-01', end: '2016-09-25', style: '--dt-bg: rgb(250, 250, 240)' })
    const label = mark(el, 'siege').querySelector<SVGTextElement>(':scope > text')!
    expect(label.classList.contains('inside')).toBe(true)
    expect(label.textContent).toBe('A siege that lasts most of the month shown')
    expect(getComputedStyle(label).fill).toBe('rgb(250, 250, 240)')
    expect(getComputedStyle(label).stroke).toBe('none')
  })

  it('brings a day\'s dot into a window of a day that ends where that day starts', async () => {
    // The window is 19 Sep; the Kerry statement's day, 20 Sep, starts at its right edge, and its dot is at midday.
    const el = await mount(dataset(), { start: '2016-09-19', end: '2016-09-19' })
    el.selected = 'kerry-not-dead'
    expect(await el.updateComplete).toBe(true)
    const width = Number(root(el).querySelector('svg.plot')!.getAttribute('width'))
    const cx = Number(mark(el, 'kerry-not-dead').querySelector('circle.body')!.getAttribute('cx'))
    expect(cx).toBeGreaterThan(0)
    expect(cx).toBeLessThan(width)
    expect(text(root(el).querySelector('.window'))).toMatch(/20 Sep 2016/)
  })

  it('draws a planned event hollow and dashed in the planned colour, and marks approximate and uncertain dates before the title', async () => {
    const el = await mount(forms(), { start: '2016-07-01', end: '2016-10-31', style: '--dt-bg: rgb(250, 250, 240); --dt-planned: rgb(120, 10, 200); --dt-accent: rgb(0, 90, 60)' })
    const style = (id: string) => getComputedStyle(mark(el, id).querySelector('.body')!)
    expect(mark(el, 'planned').classList.contains('planned')).toBe(true)
    expect(style('planned').fill).toBe('rgb(250, 250, 240)')
    expect(style('planned').stroke).toBe('rgb(120, 10, 200)')
    expect(style('planned').strokeDasharray).toBe('3px, 2px')
    // An event that happened is filled and solid, in the accent colour.
    expect(style('day').fill).toBe('rgb(0, 90, 60)')
    expect(style('day').strokeDasharray).toBe('none')
    const label = (id: string) => mark(el, id).querySelector(':scope > text')!.textContent
    expect(label('approximate')).toBe('~ Event approximate')
    expect(label('uncertain')).toBe('? Event uncertain')
    expect(label('both')).toBe('~? Event both')
    expect(label('day')).toBe('Event day')
    expect(mark(el, 'uncertain').getAttribute('aria-label')).toBe('21 Sep 2016? — Event uncertain — occurred')
    expect(mark(el, 'both').getAttribute('aria-label')).toBe('c. 22 Sep 2016? — Event both — occurred')
    expect(mark(el, 'planned').getAttribute('aria-label')).toBe('25 Sep 2016 — Event planned — planned')
  })

  it('keeps each mark\'s element while a pan moves others out of view, rather than giving it a neighbour\'s event', async () => {
    const el = await mount(forms(), { 'group-by': 'none', start: '2016-09-01', end: '2016-09-30' })
    const nodes = () => new Map([...root(el).querySelectorAll<SVGGElement>('svg.plot [data-event-id]')].map((m) => [m.dataset.eventId!, m]))
    const before = nodes()
    const order = [...before.keys()]
    plot(el).focus()
    // Later, a step at a time, until the earliest marks have left and later ones remain.
    let after = nodes()
    for (let step = 0; step < 12 && after.size >= before.size; step++) {
      await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}')
      await el.updateComplete
      after = nodes()
    }
    const left = order.filter((id) => !after.has(id))
    const stayed = order.filter((id) => after.has(id))
    // Some mark drawn after one that left is still shown: drawn by position, it would now hold another event.
    expect(left.length).toBeGreaterThan(0)
    expect(stayed.some((id) => order.indexOf(id) > order.indexOf(left[0]!))).toBe(true)
    for (const id of stayed) expect(after.get(id), id).toBe(before.get(id))
  })

  it('draws events that repeat an id, in data not yet checked, each with its own mark until the check refuses them', async () => {
    const data = forms()
    data.events.push({ ...structuredClone(data.events[0]!), title: 'Event day again', date: { edtf: '2016-09-16' } })
    const el = document.createElement('diplomatic-timeline')
    el.style.width = '1000px'
    el.setAttribute('group-by', 'none')
    el.data = data
    document.body.append(el)
    await el.updateComplete
    // Drawn before the check, in one lane: two marks for the id, each with its own label.
    const twins = () => [...root(el).querySelectorAll('svg.plot [data-event-id="day"] > text')].map((t) => t.textContent)
    expect(twins().sort()).toEqual(['Event day', 'Event day again'])
    // Drawn again, each keeps its own mark.
    el.selected = 'day'
    await el.updateComplete
    expect(twins().sort()).toEqual(['Event day', 'Event day again'])
    expect((await el.validation).map((p) => p.message)).toContain('duplicate event id "day" (already used by events[0])')
    await el.updateComplete
    expect(alert(el)).toContain('duplicate event id "day"')
    // With no earlier valid data to keep, the alert stands alone.
    expect(root(el).querySelectorAll('svg.plot [data-event-id]')).toHaveLength(0)
  })
})

describe('<diplomatic-timeline> theming', () => {
  it('lets a page stylesheet style the toolbar and details parts through ::part', async () => {
    const el = await mount(dataset(), { selected: 'convoy-attack' })
    const toolbar = root(el).querySelector('[part="toolbar"]')!
    const details = panel(el)!
    expect(getComputedStyle(toolbar).backgroundColor).not.toBe('rgb(10, 20, 30)')
    expect(getComputedStyle(details).borderTopWidth).toBe('1px')
    const sheet = document.createElement('style')
    sheet.dataset.test = 'timeline-details'
    sheet.textContent = `
      diplomatic-timeline::part(toolbar) { background-color: rgb(10, 20, 30); }
      diplomatic-timeline::part(details) { border-top: 5px dotted rgb(200, 100, 0); }`
    document.head.append(sheet)
    expect(getComputedStyle(toolbar).backgroundColor).toBe('rgb(10, 20, 30)')
    const border = getComputedStyle(details)
    expect([border.borderTopWidth, border.borderTopStyle, border.borderTopColor]).toEqual(['5px', 'dotted', 'rgb(200, 100, 0)'])
    // Only the parts named: the filters row keeps its own look.
    expect(getComputedStyle(root(el).querySelector('[part="filters"]')!).backgroundColor).not.toBe('rgb(10, 20, 30)')
  })

  it('colours the marks and the disputed badge from --dt-accent and --dt-disputed set on the element', async () => {
    const el = await mount(dataset())
    const body = mark(el, 'convoy-attack').querySelector('.body')!
    const badge = mark(el, 'convoy-attack').querySelector('.badge')!
    expect(getComputedStyle(body).fill).not.toBe('rgb(12, 34, 56)')
    expect(getComputedStyle(badge).fill).not.toBe('rgb(201, 0, 120)')
    el.style.setProperty('--dt-accent', 'rgb(12, 34, 56)')
    el.style.setProperty('--dt-disputed', 'rgb(201, 0, 120)')
    expect(getComputedStyle(body).fill).toBe('rgb(12, 34, 56)')
    expect(getComputedStyle(body).stroke).toBe('rgb(12, 34, 56)')
    expect(getComputedStyle(badge).fill).toBe('rgb(201, 0, 120)')
    // A planned event takes the planned colour, not the accent.
    expect(getComputedStyle(mark(el, 'friday-meeting').querySelector('.body')!).stroke).not.toBe('rgb(12, 34, 56)')
  })
})

describe('<diplomatic-timeline> load errors', () => {
  it('tells a network failure from a 404, naming the URL, and recovers when given valid data', async () => {
    const missing = await mountSrc('/data/no-such-file.json')
    const notFound = alert(missing)!
    missing.remove()

    // Port 9 (discard) refuses the connection, and Chromium refuses the port anyway: no response at all.
    const url = 'http://127.0.0.1:9/x.json'
    const el = await mountSrc(url)
    const message = alert(el)!
    expect(root(el).querySelector('[role="alert"] strong')?.textContent).toBe(`Could not load ${url}`)
    expect(message).toContain(url)
    expect(message).not.toBe(notFound)
    // The reason differs: no status from a server that never answered.
    const reason = (m: string) => m.replace(/^Could not load \S+ /, '')
    expect(reason(message)).not.toBe(reason(notFound))
    expect(message).not.toMatch(/404|server answered|web page/)
    expect(notFound).toMatch(/404|web page instead of JSON/)
    // What went wrong and what to check, at no line of a file that never came.
    expect(reason(message)).toMatch(/^no answer could be read \(.+\); is the address right, the server up, and does it let this page read the file \(CORS\)\?$/)
    expect(message).not.toMatch(/line \d+, column/)
    expect(notFound).not.toMatch(/line \d+, column/)
    expect(root(el).querySelector('svg.plot')).toBeNull()

    el.data = dataset()
    await expect.poll(() => root(el).querySelectorAll('svg.plot [data-event-id]').length).toBeGreaterThan(0)
    expect(await el.validation).toEqual([])
    await el.updateComplete
    expect(alert(el)).toBeUndefined()
    expect(text(root(el).querySelector('.shown [aria-live]'))).toBe(`${syria.events.length} of ${syria.events.length} events shown`)
  })
})

describe('<diplomatic-timeline> hostile text in the tooltip and the list', () => {
  it('shows markup in a title, a summary, a date phrase and an actor name as literal text', async () => {
    const evil = '<img src=x onerror="window.__dtPwned=1">'
    const data = sampleDataset()
    const e = data.events[0]!
    e.title = `${evil} title`
    e.summary = `${evil} summary`
    e.date.text = `${evil} date`
    data.actors.find((a) => a.id === 'russia')!.name = `${evil} actor`
    const el = await mount(data, { 'group-by': 'actor' })

    const body = mark(el, 'convoy-attack').querySelector('.body')!
    const box = body.getBoundingClientRect()
    body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: box.x + 2, clientY: box.y + 2 }))
    await el.updateComplete
    const tip = root(el).querySelector('[role="tooltip"]')!
    expect(tip.querySelector('strong')!.textContent).toBe(`${evil} title`)
    expect(text(tip)).toBe(`${evil} title “${evil} date” → 19 Sep 2016`)
    expect(tip.querySelectorAll('*:not(strong, br)')).toHaveLength(0)
    // The actor's lane is named with the text as written.
    expect([...root(el).querySelectorAll('.lane-label')].map((l) => l.textContent)).toContain(`${evil} actor`)

    root(el).querySelector<HTMLButtonElement>('.toolbar button[aria-pressed]')!.click()
    await el.updateComplete
    const row = root(el).querySelector('table[part="list"] tr[data-event-id="convoy-attack"]')!
    expect(row.querySelector('button')!.textContent).toBe(`${evil} title`)
    expect([...row.querySelectorAll('td')].map((td) => text(td))).toEqual(['19 Sep 2016', `${evil} title`, 'occurred', 'reported, attribution disputed'])

    // Opened from the list, the details show the summary and the actor as text too.
    row.querySelector('button')!.click()
    await el.updateComplete
    expect(text(panel(el)!.querySelector('p'))).toBe(`${evil} summary`)
    expect(fields(el).Actors).toBe(`${evil} actor (perpetrator, alleged)`)

    expect(root(el).querySelectorAll('img')).toHaveLength(0)
    expect(document.querySelectorAll('img')).toHaveLength(0)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((window as { __dtPwned?: number }).__dtPwned).toBeUndefined()
  })
})
