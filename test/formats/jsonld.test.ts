import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { codec, jsonLdLost, toJsonLd, writeJsonLd } from '../../src/formats/jsonld.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { toTimelineEvents } from '../../src/timeline/events.ts'
import { validateDataset, validateValue } from '../../src/validate/index.ts'
import { sampleDataset } from '../fixtures/dataset.ts'
import { datasetWith, type EventSpec } from '../fixtures/events.ts'

const syria = validateDataset(readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')).dataset!

type Node = Record<string, any>

/** The written text read back as JSON, and its nodes by @id. */
function read(text: string): { doc: Node; byId: Map<string, Node> } {
  const doc = JSON.parse(text) as Node
  return { doc, byId: new Map((doc['@graph'] as Node[]).map((n) => [n['@id'] as string, n])) }
}

/** A crafted dataset, checked valid as any dataset is before it is written. */
function crafted(specs: EventSpec[], change: (data: EventDataset) => void = () => {}): EventDataset {
  const data = datasetWith(specs)
  change(data)
  expect(validateValue(data).problems).toEqual([])
  return data
}

/** Every {"@id": …} reference anywhere inside a value. */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out)
  else if (value && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 1 && entries[0]![0] === '@id') out.push(entries[0]![1] as string)
    else for (const [, v] of entries) references(v, out)
  }
  return out
}

/** Events named by id, each with its EDTF date. */
const dated = (dates: Record<string, string>): EventSpec[] => Object.entries(dates).map(([id, edtf]) => ({ id, edtf }))

const fact = (event: Node, id: string) => (event.additionalProperty as Node[]).find((p) => p.propertyID === id)

describe('schema.org JSON-LD export', () => {
  it('writes a graph with the timeline as an ItemList of every event in time order, each event with its @id', () => {
    const text = writeJsonLd(syria)
    const { doc, byId } = read(text)
    expect(doc['@context']).toBe('https://schema.org')
    const [list, ...rest] = doc['@graph'] as Node[]
    const order = toTimelineEvents(syria).map((i) => `#event=${i.id}`)
    expect(list).toMatchObject({ '@type': 'ItemList', '@id': '#dataset=syria-truce-2016-09', name: syria.title, numberOfItems: 20, itemListOrder: 'https://schema.org/ItemListOrderAscending' })
    expect(list!.itemListElement).toEqual(order.map((id, i) => ({ '@type': 'ListItem', position: i + 1, item: { '@id': id } })))
    expect(rest.filter((n) => n['@type'] === 'Event').map((n) => n['@id'])).toEqual(order)
    expect(byId.size).toBe(doc['@graph'].length)
    // Every reference names a node of the graph.
    for (const id of references(doc['@graph'])) expect(byId.has(id), id).toBe(true)
    for (const e of syria.events) expect(byId.get(`#event=${e.id}`)).toMatchObject({ name: e.title, description: e.summary, inLanguage: 'en' })
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "@context": "https://schema.org",')
  })

  it('writes an event\'s place, participants as Roles around Person and Organization nodes, and its evidence as quotations of its sources', () => {
    const { byId } = read(writeJsonLd(syria))
    const convoy = byId.get('#event=convoy-attack')!
    expect(convoy).toMatchObject({ startDate: '2016-09-19', endDate: '2016-09-19', eventStatus: 'https://schema.org/EventScheduled', location: { '@type': 'Place', name: 'Syria', address: { '@type': 'PostalAddress', addressCountry: 'SYR' } } })
    expect(convoy.attendee[0]).toEqual({ '@type': 'Role', roleName: 'perpetrator', attendee: { '@id': '#actor=russia' }, description: 'Attribution: alleged. Blamed by the U.S.; Russia denies involvement.' })
    expect(convoy.about[0]).toMatchObject({ '@type': 'Role', roleName: 'target', about: { '@id': '#actor=un' } })
    expect(convoy.subjectOf[0]).toEqual({ '@type': 'Quotation', text: syria.events.find((e) => e.id === 'convoy-attack')!.evidence![0]!.quote, isBasedOn: { '@id': '#source=ap-2016-09-20' } })
    expect(fact(convoy, 'fatalities')).toMatchObject({ value: 20, description: 'approximate, civilians' })
    expect([fact(convoy, 'CAMEO')?.value, fact(convoy, 'PLOVER')?.value, fact(convoy, 'certainty')?.value]).toEqual(['190', 'ASSAULT', 'reported'])
    expect(byId.get('#event=kerry-not-dead')!.performer[0]).toMatchObject({ roleName: 'speaker', performer: { '@id': '#actor=kerry' } })
    expect(byId.get('#event=issg-meeting')!.organizer.map((r: Node) => r.organizer['@id'])).toEqual(['#actor=kerry', '#actor=lavrov'])
    expect(byId.get('#actor=kerry')).toEqual({ '@type': 'Person', '@id': '#actor=kerry', name: 'John Kerry', jobTitle: 'US Secretary of State', memberOf: { '@id': '#actor=usa' }, nationality: { '@type': 'Country', name: 'USA' } })
    expect(byId.get('#actor=usa')).toMatchObject({ '@type': 'Organization', name: 'United States' })
    const source = syria.sources[0]!
    expect(byId.get(`#source=${source.id}`)).toMatchObject({ '@type': 'NewsArticle', headline: source.headline, publisher: { '@type': 'Organization', name: source.publisher }, datePublished: source.datePublished })
    // "part-of" is schema.org's superEvent.
    expect(byId.get('#event=strike-halted')!.superEvent).toEqual([{ '@id': '#event=coalition-air-strike' }])
  })

  it('maps each status to schema.org\'s EventStatusType and keeps our own in a PropertyValue', () => {
    const statuses = ['occurred', 'ongoing', 'planned', 'postponed', 'cancelled'] as const
    const { byId } = read(writeJsonLd(crafted(statuses.map((status) => ({ id: status, edtf: '2016-09-19', status })))))
    const events = statuses.map((s) => byId.get(`#event=${s}`)!)
    expect(events.map((e) => e.eventStatus)).toEqual([
      'https://schema.org/EventScheduled', 'https://schema.org/EventScheduled', 'https://schema.org/EventScheduled',
      'https://schema.org/EventPostponed', 'https://schema.org/EventCancelled',
    ])
    expect(events.map((e) => fact(e, 'status')!.value)).toEqual([...statuses])
  })

  it('writes dates at the precision the dataset gives, an uncertain date as its bounds with the EDTF and the source\'s words kept', () => {
    const data = crafted(dated({
      year: '2016', month: '2016-09', day: '2016-09-19', time: '2016-09-19T19:30:00Z', zoned: '2016-09-19T21:30:00+02:00/2016-09-20',
      weekend: '[2016-09-17..2016-09-18]', about: '2016-09-13~', decade: '201X', open: '2016-09-17/..', since: '../2016-09-18',
      athens: '-0500', charlemagne: '0800-12-25',
    }), (d) => { d.events.find((e) => e.id === 'weekend')!.date.text = 'over the weekend' })
    const { byId } = read(writeJsonLd(data))
    const dates = (id: string) => [byId.get(`#event=${id}`)!.startDate, byId.get(`#event=${id}`)!.endDate]
    expect(dates('year')).toEqual(['2016', '2016'])
    expect(dates('month')).toEqual(['2016-09', '2016-09'])
    expect(dates('day')).toEqual(['2016-09-19', '2016-09-19'])
    expect(dates('time')).toEqual(['2016-09-19T19:30:00Z', '2016-09-19T19:30:00Z'])
    expect(dates('zoned')).toEqual(['2016-09-19T19:30:00Z', '2016-09-20'])
    expect(dates('weekend')).toEqual(['2016-09-17', '2016-09-18'])
    expect(fact(byId.get('#event=weekend')!, 'EDTF')).toEqual({ '@type': 'PropertyValue', propertyID: 'EDTF', name: 'EDTF', value: '[2016-09-17..2016-09-18]', description: 'over the weekend' })
    expect(dates('about')).toEqual(['2016-09-13', '2016-09-13'])
    expect(fact(byId.get('#event=about')!, 'EDTF')!.value).toBe('2016-09-13~')
    expect(dates('decade')).toEqual(['2010', '2019'])
    expect(dates('open')).toEqual(['2016-09-17', undefined])
    expect(dates('since')).toEqual([undefined, '2016-09-18'])
    expect(dates('athens')).toEqual(['-0500', '-0500'])
    expect(dates('charlemagne')).toEqual(['0800-12-25', '0800-12-25'])
  })

  it('is safe inside <script type="application/ld+json"> and reads back as the same text', () => {
    const nasty = '</script><script>alert("x")</script> <!-- & --> \u2028\u2029 حلب 😀'
    const data = crafted([{ id: 'a', edtf: '2016-09-19', title: nasty }], (d) => {
      d.title = '</SCRIPT >'
      d.events[0]!.summary = 'a < b && c > d'
      d.events[0]!.evidence = [{ source: 'ap', quote: '<b>quoted</b>' }]
    })
    const text = writeJsonLd(data)
    expect(text).not.toMatch(/[<>&\u2028\u2029]/)
    expect(text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(\\"x\\")')
    const { byId } = read(text)
    expect(byId.get('#event=a')).toMatchObject({ name: nasty, description: 'a < b && c > d', subjectOf: [{ text: '<b>quoted</b>' }] })
    expect(byId.get('#dataset=sample')!.name).toBe('</SCRIPT >')
    expect(JSON.parse(text)).toEqual(toJsonLd(data))
  })

  it('makes each @id absolute when given the page\'s address', () => {
    const { byId } = read(writeJsonLd(sampleDataset(), { base: 'https://example.org/syria.html#event=old' }))
    expect(byId.get('https://example.org/syria.html#event=convoy-attack')!.attendee[0].attendee).toEqual({ '@id': 'https://example.org/syria.html#actor=russia' })
    expect([...byId.keys()].every((id) => id.startsWith('https://example.org/syria.html#'))).toBe(true)
  })

  it('names what schema.org cannot hold: relations other than part-of, date anchors, actor kinds and custom fields', () => {
    expect(jsonLdLost(sampleDataset())).toEqual([
      '1 relation between events other than "part-of" (written as superEvent): schema.org has no property for them',
      'which source 1 relative date is read from (date.anchor)',
      'actor kinds beyond Person and GovernmentOrganization: states, armies, armed groups, coalitions and other bodies are all Organizations',
      '3 custom x- fields',
    ])
    const plain = crafted([{ id: 'a', edtf: '2016' }], (d) => {
      d.actors = [{ id: 'kerry', name: 'John Kerry', kind: 'person' }]
      delete d['x-owner']
    })
    expect(jsonLdLost(plain)).toEqual([])
    expect(codec.write!(plain)).toBe(writeJsonLd(plain))
  })
})
