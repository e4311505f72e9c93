import '../dates/edtf-grammar.ts'
import { DateShape, Precision, type DatePart } from '../dates/edtf.ts'
import type { Actor, Event, EventDataset, Participant, Source } from '../model/index.ts'
import { toTimelineEvents, type TimelineEvent } from '../timeline/events.ts'
import type { Codec } from './format.ts'

// A dataset as schema.org JSON-LD, for search engines and linked-data tools, to put in a page
// inside <script type="application/ld+json">. One @graph holds an ItemList (the timeline: its
// title and its events in time order), then the Events, the actors (Person or Organization) and
// the sources (NewsArticle, Report…), each named by an @id and linked by it, so an actor or a
// source cited a hundred times is written once. Google reads @graph and @id links, and the
// Schema Markup Validator accepts them; no rich result is sought: Google's event results are
// for events people attend, one page each, which news events are not.
//
// Dates: startDate and endDate are the earliest and latest the date can be, each at the
// precision the dataset gives ("2016-09", "2016-09-19", "2016-09-19T19:30:00Z"); a span open at
// one end leaves that end out. schema.org has no property for a date's uncertainty, nor for our
// status, certainty, fatalities or event codes: they go in `additionalProperty` PropertyValues
// (propertyID "EDTF", "status", "certainty", "kind", "category", "fatalities", "CAMEO",
// "PLOVER"). schema.org lists additionalProperty for places, products and offers, not events,
// so a strict validator may flag it and a search engine will pass over it; no property of Event
// would keep these facts at all.

/** Where our status puts an event in schema.org's EventStatusType: "occurred", "ongoing" and "planned" are all EventScheduled ("taking place or has taken place … as scheduled"); the status itself is kept in a PropertyValue. */
export const eventStatus = {
  occurred: 'https://schema.org/EventScheduled', ongoing: 'https://schema.org/EventScheduled', planned: 'https://schema.org/EventScheduled',
  postponed: 'https://schema.org/EventPostponed', cancelled: 'https://schema.org/EventCancelled',
} as const satisfies Record<Event['status'], string>

/**
 * The Event property a participant is written under, by role: hosts and mediators organise,
 * speakers perform ("a presenter"), the subjects of an attack or a statement are what it is
 * `about`, everyone else attends. Each is a schema.org Role that keeps the role's name, the
 * attribution ("alleged") and the note, around a reference to the actor.
 */
export const participantProperty = {
  host: 'organizer', mediator: 'organizer', speaker: 'performer',
  participant: 'attendee', signatory: 'attendee', perpetrator: 'attendee',
  target: 'about', victim: 'about', addressee: 'about',
} as const satisfies Record<Participant['role'], string>

/** An actor's schema.org type: people are Persons, governments GovernmentOrganizations, and states, armies, armed groups, coalitions and other bodies Organizations. */
export const actorType = {
  person: 'Person', government: 'GovernmentOrganization', state: 'Organization', military: 'Organization', 'armed-group': 'Organization',
  'international-organization': 'Organization', organization: 'Organization', coalition: 'Organization',
} as const satisfies Record<Actor['kind'], string>

/** A source's schema.org type; statements and transcripts, which schema.org has no type for, are CreativeWorks of that genre. */
const sourceType = {
  NewsArticle: 'NewsArticle', Report: 'Report', Dataset: 'Dataset', WebPage: 'WebPage', Statement: 'CreativeWork', Transcript: 'CreativeWork',
} as const satisfies Record<Source['type'], string>

export interface JsonLdOptions {
  /** The URL of the page the JSON-LD goes in, to make each @id absolute; by default they are fragments ("#event=convoy-attack", the element's deep link), which resolve against the page. */
  base?: string
}

type Node = Record<string, unknown>

/** The node's properties without the empty ones, so that no property is written with nothing in it. */
function node(properties: Node): Node {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)))
}

/** An astronomical year, at least four digits, as ISO 8601 and XML Schema write it: "0800", "-0500", "2016". */
function isoYear(year: number): string {
  return (year < 0 ? '-' : '') + String(Math.abs(year)).padStart(4, '0')
}

const two = (n: number) => String(n).padStart(2, '0')

/** A UTC instant as an ISO 8601 date at a precision: "2016", "2016-09", "2016-09-19", "2016-09-19T19:30:00Z". */
export function isoAt(ms: number, precision: Precision): string {
  const d = new Date(ms)
  const year = isoYear(d.getUTCFullYear())
  if (precision === Precision.year || precision === Precision.decade || precision === Precision.century || precision === Precision.millennium) return year
  const month = `${year}-${two(d.getUTCMonth() + 1)}`
  if (precision === Precision.month || precision === Precision.season) return month
  const day = `${month}-${two(d.getUTCDate())}`
  if (precision !== Precision.time) return day
  const seconds = d.getUTCMilliseconds() === 0 ? '' : `.${String(d.getUTCMilliseconds()).padStart(3, '0')}`
  return `${day}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${seconds}Z`
}

/** startDate and endDate: the earliest and latest the date can be, a span's ends each at its own precision; an open end is left out. */
function dates({ date }: TimelineEvent): { startDate?: string; endDate?: string } {
  const span = date.shape === DateShape.span
  const [first, last] = span ? (date.parts as [DatePart | null, DatePart | null]) : [date, date]
  return {
    startDate: date.openStart ? undefined : isoAt(date.earliest, (first ?? date).precision),
    endDate: date.openEnd ? undefined : isoAt(date.latest, (last ?? date).precision),
  }
}

const property = (propertyID: string, value: unknown, more: Node = {}): Node => node({ '@type': 'PropertyValue', propertyID, name: propertyID, value, ...more })

/** What schema.org's Event has no property for, as PropertyValues. */
function facts(e: Event): Node[] {
  const f = e.fatalities
  const words = f && [f.approximate ? 'approximate' : undefined, f.group].filter(Boolean).join(', ')
  return [
    property('EDTF', e.date.edtf, { description: e.date.text }),
    property('status', e.status),
    property('certainty', e.certainty),
    property('kind', e.kind),
    property('category', e.category),
    f && property('fatalities', f.best, { minValue: f.low, maxValue: f.high, description: words || undefined }),
    e.codes?.cameo && property('CAMEO', e.codes.cameo),
    e.codes?.plover && property('PLOVER', e.codes.plover),
  ].filter((p): p is Node => Boolean(p))
}

/** The id of a node of a kind ("event", "actor", "source", "dataset"): a fragment, after the page's URL when given. */
type Ids = (kind: string, id: string) => string

function eventNode(item: TimelineEvent, ids: Ids, partOf: Map<string, string[]>, language: string | undefined): Node {
  const e = item.event
  const location = e.location && node({
    '@type': 'Place',
    name: e.location.name,
    geo: e.location.latitude !== undefined && e.location.longitude !== undefined
      ? { '@type': 'GeoCoordinates', latitude: e.location.latitude, longitude: e.location.longitude }
      : undefined,
    address: e.location.country ? { '@type': 'PostalAddress', addressCountry: e.location.country } : undefined,
  })
  const roles: Record<string, Node[]> = {}
  for (const p of e.participants ?? []) {
    const key = participantProperty[p.role]
    const said = [p.attribution && `Attribution: ${p.attribution}.`, p.note].filter(Boolean).join(' ')
    ;(roles[key] ??= []).push(node({ '@type': 'Role', roleName: p.role, [key]: { '@id': ids('actor', p.actor) }, description: said || undefined }))
  }
  return node({
    '@type': 'Event',
    '@id': ids('event', e.id),
    name: e.title,
    description: e.summary,
    ...dates(item),
    eventStatus: eventStatus[e.status],
    location,
    ...roles,
    keywords: e.tags,
    inLanguage: language,
    superEvent: partOf.get(e.id)?.map((id) => ({ '@id': ids('event', id) })),
    subjectOf: (e.evidence ?? []).map((q) => node({ '@type': 'Quotation', text: q.quote, isBasedOn: { '@id': ids('source', q.source) }, description: q.note })),
    additionalProperty: facts(e),
  })
}

function actorNode(a: Actor, ids: Ids): Node {
  const person = a.kind === 'person'
  return node({
    '@type': actorType[a.kind],
    '@id': ids('actor', a.id),
    name: a.name,
    alternateName: a.shortName,
    [person ? 'jobTitle' : 'description']: a.role,
    memberOf: a.partOf ? { '@id': ids('actor', a.partOf) } : undefined,
    ...(a.country && (person ? { nationality: { '@type': 'Country', name: a.country } } : { address: { '@type': 'PostalAddress', addressCountry: a.country } })),
  })
}

function sourceNode(s: Source, ids: Ids): Node {
  return node({
    '@type': sourceType[s.type],
    '@id': ids('source', s.id),
    genre: sourceType[s.type] === s.type ? undefined : s.type.toLowerCase(),
    headline: s.headline,
    publisher: s.publisher ? { '@type': 'Organization', name: s.publisher } : undefined,
    author: s.author ? { '@type': 'Person', name: s.author } : undefined,
    datePublished: s.datePublished,
    url: s.url,
    inLanguage: s.language,
  })
}

/**
 * A (validated) dataset as a schema.org JSON-LD document (see the notes at the top of this module).
 * @example toJsonLd(dataset)['@graph'][1] // { '@type': 'Event', '@id': '#event=kerry-lavrov-deal', … }
 */
export function toJsonLd(dataset: EventDataset, options: JsonLdOptions = {}): { '@context': string; '@graph': Node[] } {
  const page = options.base?.replace(/#.*$/, '') ?? ''
  const ids: Ids = (kind, id) => `${page}#${kind}=${id}`
  // "A is part of B" is schema.org's superEvent; no other relation has a property.
  const partOf = new Map<string, string[]>()
  for (const r of dataset.relations ?? []) if (r.type === 'part-of') partOf.set(r.from, [...(partOf.get(r.from) ?? []), r.to])
  const items = toTimelineEvents(dataset)
  const list = node({
    '@type': 'ItemList',
    '@id': ids('dataset', dataset.id),
    name: dataset.title,
    description: dataset.description,
    numberOfItems: items.length,
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, item: { '@id': ids('event', item.id) } })),
  })
  return {
    '@context': 'https://schema.org',
    '@graph': [
      list,
      ...items.map((item) => eventNode(item, ids, partOf, dataset.language)),
      ...dataset.actors.map((a) => actorNode(a, ids)),
      ...dataset.sources.map((s) => sourceNode(s, ids)),
    ],
  }
}

/**
 * JSON text that is safe inside <script type="application/ld+json">: "<", ">" and "&" are written
 * as \u escapes (so no "</script>" or "<!--" can end or change the script), as are the line
 * and paragraph separators; JSON readers read them back as the same characters.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n'
}

/**
 * A (validated) dataset as schema.org JSON-LD text: pretty-printed, ending in a newline, safe to
 * put inside <script type="application/ld+json"> as it is.
 * @example `<script type="application/ld+json">${writeJsonLd(dataset)}</script>`
 */
export function writeJsonLd(dataset: EventDataset, options: JsonLdOptions = {}): string {
  return scriptSafeJson(toJsonLd(dataset, options))
}

/** How many custom fields (keys starting with "x-") a dataset holds, at any depth; what is inside one is not counted again. */
export function customFieldCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + customFieldCount(v), 0)
  if (typeof value !== 'object' || value === null) return 0
  let n = 0
  for (const [key, v] of Object.entries(value)) n += key.startsWith('x-') ? 1 : customFieldCount(v)
  return n
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What the JSON-LD leaves out of a dataset, one phrase each, as the CLI prints after "not kept:". */
export function jsonLdLost(dataset: EventDataset): string[] {
  const others = (dataset.relations ?? []).filter((r) => r.type !== 'part-of').length
  const anchored = dataset.events.filter((e) => e.date.anchor).length
  const custom = customFieldCount(dataset)
  return [
    others > 0 ? `${plural(others, 'relation')} between events other than "part-of" (written as superEvent): schema.org has no property for them` : '',
    anchored > 0 ? `which source ${plural(anchored, 'relative date')} ${anchored === 1 ? 'is' : 'are'} read from (date.anchor)` : '',
    dataset.actors.some((a) => a.kind !== 'person' && a.kind !== 'government') ? 'actor kinds beyond Person and GovernmentOrganization: states, armies, armed groups, coalitions and other bodies are all Organizations' : '',
    custom > 0 ? plural(custom, 'custom x- field') : '',
  ].filter(Boolean)
}

export const codec: Codec = { write: (dataset) => writeJsonLd(dataset), lost: jsonLdLost }
