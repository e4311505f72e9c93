import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { asOf, initialWindow, overviewSpan, reachOf, toTimelineEvents, type TimelineEvent } from '../../src/timeline/events.ts'
import { drawnAsDot, drawnAt, elide, insideFontScale, insideLabelX, keyFontScale, labelSpan, layout, type LayoutOptions, type Mark, type Measure } from '../../src/timeline/layout.ts'
import type { Event } from '../../src/model/index.ts'
import { sampleDataset } from '../fixtures/dataset.ts'
import { validateDataset } from '../../src/validate/index.ts'

const dataset = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!
const items = toTimelineEvents(dataset)
const measure = (text: string) => text.length * 7
/** A mark's label's width as drawn: bold for a key event. */
const drawnWidth = (m: Mark) => measure(m.label) * (m.item.emphasis === 'key' ? keyFontScale : 1)
const day = 86_400_000

function options(groupBy: LayoutOptions['groupBy'], pxPerDay = 40): LayoutOptions {
  const [start] = initialWindow(items, reachOf(items, asOf(dataset)?.ms))!
  return { groupBy, x: (ms) => ((ms - start) / day) * pxPerDay, rowHeight: 20, lanePadding: 4, measure, laneLabel: (k) => k, minMarkWidth: 10, right: 1200 }
}

describe('timeline events', () => {
  it('sorts events by time and labels their dates by precision', () => {
    expect(items.map((i) => i.start)).toEqual([...items.map((i) => i.start)].sort((a, b) => a - b))
    expect(items.find((i) => i.id === 'convoy-attack')).toMatchObject({ dateLabel: '19 Sep 2016', disputed: true })
    expect(items.find((i) => i.id === 'coalition-air-strike')?.dateLabel).toBe('17 or 18 Sep 2016')
  })

  it('extends an ongoing event to the date of the source', () => {
    const war = items.find((i) => i.id === 'syrian-civil-war')!
    expect(war.end).toBe(Date.UTC(2016, 8, 21) - 1)
  })

  it('opens on the events the dataset is about, not on its longest background period', () => {
    const [start, end] = initialWindow(items, reachOf(items, asOf(dataset)?.ms))!
    expect(start).toBeGreaterThan(Date.UTC(2016, 7, 25))
    expect(end).toBeGreaterThan(Date.UTC(2016, 8, 23))
  })

  it('spans the overview over the events and the first window, not over a background period\'s years', () => {
    const window = initialWindow(items, reachOf(items, asOf(dataset)?.ms))!
    const [start, end] = overviewSpan(items, window, reachOf(items, asOf(dataset)?.ms))!
    // The civil war began in 2011; the overview starts with the truce's weeks, and holds the first window.
    expect(items[0]!.id).toBe('syrian-civil-war')
    expect(start).toBeGreaterThan(Date.UTC(2016, 7, 1))
    expect(start).toBeLessThanOrEqual(window[0])
    expect(end).toBeGreaterThanOrEqual(window[1])
  })

  it('spans the overview over every event when none is a long period, and over the first start when all are', () => {
    const at = (start: string, end: string) => ({ start: Date.parse(start), end: Date.parse(end) }) as TimelineEvent
    const news = [at('1948-05-14', '1948-05-14'), at('2016-09-19', '2016-09-19')]
    expect(overviewSpan(news, null, reachOf(news))).toEqual([Date.parse('1948-05-14'), Date.parse('2016-09-19')])
    const periods = [at('2011-03-15', '2016-09-20'), at('2014-06-01', '2016-09-21')]
    expect(overviewSpan(periods, null, reachOf(periods))).toEqual([Date.parse('2011-03-15'), Date.parse('2016-09-21')])
    expect(overviewSpan([], null, reachOf([]))).toBeNull()
  })
})

describe('layout', () => {
  it.each(['actor', 'category', 'none'] as const)('never overlaps two marks or a mark and a label in a row (group by %s)', (groupBy) => {
    for (const width of [1200, 500]) {
      const { marks } = layout(items, { ...options(groupBy), right: width })
      const rows = new Map<string, typeof marks>()
      for (const m of marks) rows.set(`${m.lane}/${m.row}`, [...(rows.get(`${m.lane}/${m.row}`) ?? []), m])
      for (const row of rows.values()) {
        // Each mark with its label, on whichever side it is drawn.
        const spans = row.map((m) => {
          const label = m.label ? 4 + drawnWidth(m) : 0
          return { id: m.item.id, from: m.labelSide === 'left' ? m.x1 - label : m.x1, to: m.labelSide === 'left' ? m.x2 : m.x2 + label }
        }).sort((a, b) => a.from - b.from)
        for (let i = 1; i < spans.length; i++) {
          expect(spans[i - 1]!.to, `${spans[i - 1]!.id} runs into ${spans[i]!.id} at width ${width}`).toBeLessThanOrEqual(spans[i]!.from)
        }
        for (const m of row) if (m.labelSide === 'left') expect(m.x1 - 4 - drawnWidth(m)).toBeGreaterThanOrEqual(0)
      }
    }
  })

  it('puts an event with several actors in each of their lanes', () => {
    const { marks } = layout(items, options('actor'))
    const lanes = marks.filter((m) => m.item.id === 'convoy-attack').map((m) => m.lane)
    expect(lanes.sort()).toEqual(['russia', 'syria', 'un'])
  })

  it('draws a label left of its mark when the right edge would cut it and the row is free there', () => {
    const { marks } = layout(items, { ...options('none', 40), right: 1000 })
    const last = marks.filter((m) => m.x2 > 900)
    const left = last.filter((m) => m.labelSide === 'left')
    expect(left.length).toBeGreaterThan(0)
    for (const m of left) {
      // Whole, or at least longer than the right edge would have left it.
      const roomRight = 1000 - (m.x2 + 4)
      expect(measure(m.label)).toBeGreaterThan(roomRight)
      expect(m.x1 - 4 - measure(m.label)).toBeGreaterThanOrEqual(0)
    }
  })

  it('moves a label left only when the plot\'s edge cuts it, its mark is on the plot and more fits on the left', () => {
    // x is the identity here: an event's start and end are its pixels.
    const at = (id: string, x: number, label: string) => ({ id, start: x, end: x, label, actors: [], shape: 'point' }) as unknown as TimelineEvent
    const place = (events: TimelineEvent[]) => layout(events, { ...options('none'), x: (ms) => ms, right: 600, minMarkWidth: 10 }).marks
    const [a, b] = place([at('a', 535, 'A'.repeat(30)), at('b', 815, 'B')])
    // The next mark in the row is past the edge (laid out for panning): the edge still cuts the label.
    expect(b!.x1).toBeGreaterThan(600)
    expect(a).toMatchObject({ row: b!.row, labelSide: 'left', label: 'A'.repeat(30) })
    const [c, d] = place([at('c', 0, 'C'.repeat(70)), at('d', 540, 'Dd dd dd dd dd dd dd dd dd dd')])
    // The row is taken on the left by c's label: d keeps the longer cut, on the right.
    expect(c).toMatchObject({ row: d!.row, labelSide: 'right', label: 'C'.repeat(70) })
    expect(d!.labelSide).toBe('right')
    expect(d!.label).toBe('Dd dd…')
    // A mark past the edge is not on the plot: nothing of it is moved onto the plot.
    const [e] = place([at('e', 605, 'E'.repeat(10))])
    expect(e).toMatchObject({ labelSide: 'right', label: '' })
  })

  it('draws an event of one day or less as a dot in the middle of its day, and a span, a range, a year or an ongoing event as a bar', () => {
    const { marks } = layout(items, options('none', 40))
    const of = (id: string) => marks.find((m) => m.item.id === id)!
    // "Monday": one day, 40 px wide here; the dot sits in its middle, where relations meet it.
    const convoy = of('convoy-attack')
    expect(convoy.x2 - convoy.x1).toBeCloseTo(40, 6)
    expect(convoy).toMatchObject({ dot: true, cx: (convoy.x1 + convoy.x2) / 2 })
    expect(of('friday-meeting').dot).toBe(true)
    // "Over the weekend" (one of two days), the deal's "one day in" a range, a war since c. 2011 and still going on.
    for (const id of ['coalition-air-strike', 'kerry-lavrov-deal', 'syrian-civil-war']) {
      expect(of(id), id).toMatchObject({ dot: false, cx: of(id).x1 + 5 })
    }
    // A day narrower than a dot: the dot takes its smallest width, from the day's start.
    const narrow = layout(items, options('none', 4)).marks.find((m) => m.item.id === 'convoy-attack')!
    expect(narrow).toMatchObject({ dot: true, cx: narrow.x1 + 5, x2: narrow.x1 + 10 })
  })

  it('draws a day still going on, or a month, as a bar, and a time as a dot; each is drawn at the middle of a dot or the start of a bar', () => {
    const data = sampleDataset()
    const [first] = data.events
    const at = (id: string, edtf: string, status: Event['status'] = 'occurred'): Event => ({ ...structuredClone(first!), id, date: { edtf }, status })
    // The sample's source is of 20 Sep 2016: an event still going on that began that day ends that day.
    data.events = [at('ongoing-day', '2016-09-20', 'ongoing'), at('month', '2016-09'), at('time', '2016-09-19T14:30Z'), at('day', '2016-09-19')]
    const byId = new Map(toTimelineEvents(data).map((i) => [i.id, i]))
    expect(byId.get('ongoing-day')!.end - byId.get('ongoing-day')!.start).toBeLessThan(day)
    expect(drawnAsDot(byId.get('ongoing-day')!)).toBe(false)
    expect(drawnAsDot(byId.get('month')!)).toBe(false)
    expect(drawnAsDot(byId.get('time')!)).toBe(true)
    expect(drawnAt(byId.get('day')!)).toBe(Date.UTC(2016, 8, 19, 12))
    expect(drawnAt(byId.get('month')!)).toBe(Date.UTC(2016, 8, 1))
    expect(Math.abs(drawnAt(byId.get('time')!) - Date.UTC(2016, 8, 19, 14, 30))).toBeLessThan(60_000)
  })

  it('puts a cut label inside a bar when more of it fits there, from where the bar enters the plot', () => {
    // x is the identity here: an event's start and end are its pixels.
    const bar = (id: string, x1: number, x2: number, label: string, shape = 'span', disputed = false) =>
      ({ id, start: x1, end: x2 - 1, label, actors: [], status: 'occurred', shape, disputed }) as unknown as TimelineEvent
    // Inside labels are drawn smaller: a label of w px at the labels' size takes w × scale inside.
    const insideWidth = (label: string) => measure(label) * insideFontScale
    const place = (events: TimelineEvent[]) => layout(events, { ...options('none'), x: (ms) => ms, right: 600, minMarkWidth: 10 }).marks
    const long = 'L'.repeat(40) // 280 px
    // Cut by the edge on the right, no room on the left: inside, whole, 6 px into the bar.
    const [a] = place([bar('a', 100, 590, long)])
    expect(a).toMatchObject({ labelSide: 'inside', label: long })
    expect(insideLabelX(a!)).toBe(106)
    // A bar that starts before the plot: its label starts at the plot's left edge.
    const [b] = place([bar('b', -400, 590, long)])
    expect(b).toMatchObject({ labelSide: 'inside', label: long })
    expect(insideLabelX(b!)).toBe(6)
    // A bar too short to hold more than the right side does: the label stays outside, whole.
    const [c] = place([bar('c', 100, 130, 'Short')])
    expect(c).toMatchObject({ labelSide: 'right', label: 'Short' })
    // Cut inside as well when the bar is shorter than the label, but still more than outside.
    const [d] = place([bar('d', 100, 590, 'Word '.repeat(30).trim())])
    expect(d!.labelSide).toBe('inside')
    expect(d!.label).toMatch(/^(Word )+Word…$/)
    expect(insideWidth(d!.label)).toBeLessThanOrEqual(590 - 106 - 6)
    expect(insideWidth(d!.label)).toBeGreaterThan(590 - 106 - 6 - insideWidth('Word '))
    // Where more fits on the left than inside, it goes left.
    const [f] = place([bar('f', 400, 590, 'Word '.repeat(12).trim())])
    expect(f!.labelSide).toBe('left')
    expect(f!.label).toMatch(/^(Word )+Word…$/)
    // A bar past the edge: its label stops short of the edge, not of the bar's end.
    const [g] = place([bar('g', 100, 900, 'Word '.repeat(30).trim())])
    expect(g!.labelSide).toBe('inside')
    expect(insideLabelX(g!) + insideWidth(g!.label)).toBeLessThanOrEqual(600 - 6)
    expect(insideLabelX(g!) + insideWidth(g!.label)).toBeGreaterThan(600 - 6 - insideWidth('Word '))
    // A disputed bar keeps its badge's corner clear.
    const [h] = place([bar('h', 100, 590, 'Word '.repeat(30).trim(), 'span', true)])
    expect(insideLabelX(h!) + insideWidth(h!.label)).toBeLessThanOrEqual(590 - 12)
    // A dot's band is no bar: its label never goes inside.
    const [e] = place([bar('e', 100, 590, long, 'point')].map((i) => ({ ...i, end: i.start + 1000 })) as TimelineEvent[])
    expect(e!.labelSide).not.toBe('inside')
  })

  it('gives a key event\'s label, drawn bold, the room bold text takes', () => {
    // x is the identity here: an event's start and end are its pixels.
    const at = (id: string, x: number, label: string, emphasis: string) => ({ id, start: x, end: x, label, actors: [], shape: 'point', status: 'occurred', emphasis }) as unknown as TimelineEvent
    const place = (events: TimelineEvent[], right = 600) => layout(events, { ...options('none'), x: (ms) => ms, right, minMarkWidth: 10 }).marks
    // 20 characters: 140 px in the regular weight, 161 px bold. The next mark, 160 px on, leaves room for the first only.
    const [a, b] = place([at('a', 0, 'A'.repeat(20), 'reported'), at('b', 160, 'B', 'reported')])
    expect(b!.row).toBe(a!.row)
    const [k, n] = place([at('k', 0, 'K'.repeat(20), 'key'), at('n', 160, 'N', 'reported')])
    expect(n!.row).not.toBe(k!.row)
    // Cut by the plot's edge, 180 px on, with no room on the left: cut shorter than a regular label.
    const words = 'Word '.repeat(10).trim()
    const [r] = place([at('r', 20, words, 'reported')], 180)
    const [c] = place([at('c', 20, words, 'key')], 180)
    expect(c!.labelSide).toBe('right')
    expect(c!.label.length).toBeLessThan(r!.label.length)
    expect(c!.x2 + 4 + drawnWidth(c!)).toBeLessThanOrEqual(180)
  })

  it('cuts labels at the right edge of the plot', () => {
    const { marks } = layout(items, { ...options('none', 200), right: 600 })
    // The labels moved left and inside are met here, so their checks below run.
    const sides = new Set(marks.filter((m) => m.label).map((m) => m.labelSide))
    expect(sides.has('left') && sides.has('inside')).toBe(true)
    for (const m of marks) {
      if (m.label && m.labelSide === 'right') expect(m.x2 + 4 + drawnWidth(m)).toBeLessThanOrEqual(600 + 6)
      if (m.label && m.labelSide === 'left') expect(m.x1 - 4 - drawnWidth(m)).toBeGreaterThanOrEqual(0)
      if (m.label && m.labelSide === 'inside') expect(insideLabelX(m) + drawnWidth(m) * insideFontScale).toBeLessThanOrEqual(Math.min(m.x2, 600) - 6)
    }
  })

  it('tells where each label is drawn, as wide as it is drawn: right or left of its mark, or inside its bar', () => {
    const marks = [layout(items, { ...options('none', 40), right: 1000 }), layout(items, { ...options('none', 200), right: 600 })].flatMap((l) => l.marks)
    expect(new Set(marks.filter((m) => m.label).map((m) => m.labelSide))).toEqual(new Set(['right', 'left', 'inside']))
    for (const m of marks) {
      const span = labelSpan(m)
      if (!m.label) {
        expect(span).toBeNull()
        continue
      }
      const [from, to] = span!
      expect(to - from, m.item.id).toBeCloseTo(drawnWidth(m) * (m.labelSide === 'inside' ? insideFontScale : 1), 6)
      expect(m.labelSide === 'left' ? to : from, m.item.id).toBe(m.labelSide === 'left' ? m.x1 - 4 : m.labelSide === 'inside' ? insideLabelX(m) : m.x2 + 4)
    }
  })

  it('elides a label at a word boundary to the room it has, or drops it', () => {
    expect(elide('International Syria Support Group', 10_000, measure)).toBe('International Syria Support Group')
    expect(elide('International Syria Support Group', 150, measure)).toBe('International Syria…')
    expect(elide('International Syria Support Group', 100, measure)).toBe('International…')
    expect(elide('International Syria Support Group', 70, measure)).toBe('')
    expect(elide('International', 5, measure)).toBe('')
  })

  /** 7 px a character, read one at a time and no further once past `limit`, as the element's measure does; counts what it reads. */
  function countingMeasure() {
    const counter = { read: 0 }
    const measure: Measure = (text, limit = Infinity) => {
      let width = 0
      for (let i = 0; i < text.length && width <= limit; i++) {
        width += 7
        counter.read++
      }
      return width
    }
    return { measure, counter }
  }

  it('reads a very long title only as far as the room reaches, however long the title', () => {
    const long = 'Talks on a truce in Aleppo resume '.repeat(6000).slice(0, 200_000)
    for (const room of [50, 300, 1200, 2400]) {
      const fits = Math.floor(room / 7)
      const reads = [long, long.slice(0, 20_000)].map((title) => {
        const { measure, counter } = countingMeasure()
        const cut = elide(title, room, measure)
        const read = counter.read
        expect(cut.endsWith('…')).toBe(true)
        expect(measure(cut)).toBeLessThanOrEqual(room)
        expect(title.startsWith(cut.slice(0, -1))).toBe(true)
        return read
      })
      // The same for 20,000 characters as for 200,000: what is read depends on the room, not on the title.
      expect(reads[0]).toBe(reads[1])
      expect(reads[0]).toBeLessThanOrEqual(16 * (fits + 16))
    }
  })

  it('lays out an event with a very long title reading no more of it than could be drawn', () => {
    const { measure, counter } = countingMeasure()
    const title = 'Ceasefire '.repeat(20_000)
    const item = { ...items.find((i) => i.id === 'convoy-attack')!, label: title } as TimelineEvent
    const { marks } = layout([item], { ...options('none'), measure, right: 800, x: () => 100 })
    expect(marks[0]!.label.length).toBeLessThan(120)
    // Twice the plot's width in characters, measured a few times over, rather than the 200,000 of the title.
    expect(counter.read).toBeLessThanOrEqual(16 * ((2 * 800) / 7 + 16))
  })
})
