import type { Actor, Event, EventDataset, Participant, Relation, Source } from '../src/model/index.ts'

/** mulberry32: a small seeded PRNG, so every run draws the same dataset. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = ReturnType<typeof mulberry32>

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

/** Picks by weight, so the mix of forms and statuses looks like real data rather than uniform noise. */
function weighted<T>(random: Random, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0)
  let r = random() * total
  for (const [value, w] of table) if ((r -= w) < 0) return value
  return table[table.length - 1]![0]
}

const states = [
  ['United States', 'US', 'USA'], ['Russia', undefined, 'RUS'], ['Syria', undefined, 'SYR'], ['United Kingdom', 'UK', 'GBR'],
  ['France', undefined, 'FRA'], ['Iran', undefined, 'IRN'], ['Saudi Arabia', undefined, 'SAU'], ['Turkey', undefined, 'TUR'],
  ['Jordan', undefined, 'JOR'], ['Lebanon', undefined, 'LBN'], ['Iraq', undefined, 'IRQ'], ['Israel', undefined, 'ISR'],
  ['Egypt', undefined, 'EGY'], ['Qatar', undefined, 'QAT'], ['Germany', undefined, 'DEU'], ['China', undefined, 'CHN'],
  ['United Arab Emirates', 'UAE', 'ARE'], ['Kazakhstan', undefined, 'KAZ'],
] as const

const organisations: ReadonlyArray<readonly [string, string | undefined, Actor['kind']]> = [
  ['United Nations', 'UN', 'international-organization'],
  ['UN Office for the Coordination of Humanitarian Affairs', 'OCHA', 'international-organization'],
  ['International Committee of the Red Cross', 'ICRC', 'organization'],
  ['Arab League', undefined, 'international-organization'],
  ['International Syria Support Group', 'ISSG', 'coalition'],
  ['US-led coalition', undefined, 'coalition'],
  ['Syrian rebels', undefined, 'armed-group'],
  ['Islamic State', 'IS', 'armed-group'],
  ['al-Qaida', undefined, 'armed-group'],
  ['Kurdish militia', 'YPG', 'armed-group'],
]

const firstNames = ['John', 'Sergey', 'Boris', 'Jean-Marc', 'Staffan', 'Adel', 'Mevlut', 'Javad', 'Ayman', 'Frank-Walter', 'Wang', 'Nasser', 'Walid', 'Ibrahim', 'Hassan', 'Ahmed']
const lastNames = ['Kerry', 'Lavrov', 'Johnson', 'Ayrault', 'de Mistura', 'al-Jubeir', 'Cavusoglu', 'Zarif', 'Safadi', 'Steinmeier', 'Yi', 'Judeh', 'Muallem', 'Jaafari', 'Rouhani', 'Aboul Gheit']
const offices = ['Foreign Minister', 'Defence Minister', 'envoy', 'spokesman', 'ambassador to the UN', 'President']

const kinds: ReadonlyArray<readonly [Event['kind'], number]> = [['occurrence', 40], ['statement', 30], ['meeting', 18], ['agreement', 7], ['period', 5]]
const categories: ReadonlyArray<readonly [Event['category'], number]> = [['diplomacy', 35], ['military', 30], ['humanitarian', 15], ['political', 10], ['legal', 5], ['economic', 5]]
const certainties: ReadonlyArray<readonly [Event['certainty'], number]> = [['confirmed', 40], ['reported', 35], ['claimed', 12], ['disputed', 9], ['denied', 4]]
const roles: readonly Participant['role'][] = ['participant', 'perpetrator', 'target', 'victim', 'speaker', 'addressee', 'signatory', 'mediator', 'host']
const attributions: ReadonlyArray<readonly [Participant['attribution'], number]> = [[undefined, 75], ['alleged', 12], ['confirmed', 6], ['claimed', 4], ['acknowledged', 3]]
const relationTypes: readonly Relation['type'][] = ['accuses', 'denies', 'confirms', 'responds-to', 'follows-up', 'follows-from', 'part-of']
const plovers = ['AGREE', 'CONSULT', 'SUPPORT', 'ACCUSE', 'REJECT', 'THREATEN', 'AID', 'ASSAULT', 'MOBILIZE', 'REQUEST'] as const

const verbs: Record<Event['kind'], readonly string[]> = {
  occurrence: ['strikes near', 'shells positions around', 'delivers aid to', 'suspends convoys to', 'evacuates civilians from', 'closes the crossing at'],
  statement: ['accuses', 'denies involvement with', 'warns', 'calls on', 'welcomes the move by', 'condemns'],
  meeting: ['meets', 'holds talks with', 'hosts envoys of', 'convenes a session with'],
  agreement: ['signs a truce with', 'agrees on aid access with', 'reaches a deal with'],
  period: ['siege involving', 'truce observed by', 'offensive against'],
}
const places = ['Aleppo', 'Homs', 'Idlib', 'Daraa', 'Deir ez-Zor', 'Raqqa', 'Geneva', 'New York', 'Vienna', 'Lausanne', 'Astana', 'Hama', 'Palmyra', 'Manbij', 'Douma']
const words = ['the', 'truce', 'aid', 'convoy', 'officials', 'said', 'talks', 'would', 'resume', 'after', 'attack', 'on', 'civilians', 'government', 'forces', 'rebels', 'ceasefire', 'was', 'violated', 'near', 'city', 'statement', 'ministry']

const dayMs = 86_400_000
const rangeDays = 730
const isoDay = (d: number, firstYear: number) => new Date(Date.UTC(firstYear, 0, 1) + d * dayMs).toISOString().slice(0, 10)
const isoMonth = (d: number, firstYear: number) => isoDay(d, firstYear).slice(0, 7)

/** An EDTF date around day `d` of the range, in the mix of forms hand-edited datasets use. */
function edtfAround(random: Random, d: number, kind: Event['kind'], firstYear: number): string {
  if (kind === 'period') return `${isoDay(d, firstYear)}/${isoDay(Math.min(rangeDays - 1, d + int(random, 20, 180)), firstYear)}`
  const form = weighted(random, [['day', 55], ['month', 10], ['span', 12], ['one-of', 8], ['approx-day', 8], ['approx-month', 4], ['uncertain', 3]] as const)
  switch (form) {
    case 'day': return isoDay(d, firstYear)
    case 'month': return isoMonth(d, firstYear)
    case 'span': return `${isoDay(d, firstYear)}/${isoDay(Math.min(rangeDays - 1, d + int(random, 1, 30)), firstYear)}`
    case 'one-of': return `[${isoDay(d, firstYear)}..${isoDay(Math.min(rangeDays - 1, d + int(random, 1, 5)), firstYear)}]`
    case 'approx-day': return `${isoDay(d, firstYear)}~`
    case 'approx-month': return `${isoMonth(d, firstYear)}~`
    case 'uncertain': return `${isoDay(d, firstYear)}?`
  }
}

function sentence(random: Random, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(pick(random, words))
  const text = out.join(' ')
  return text[0]!.toUpperCase() + text.slice(1)
}

/**
 * A valid dataset of `n` events over two years from `firstYear`, about 50 actors and two sources, drawn from `seed`.
 * @example syntheticDataset(1000).events.length // 1000
 */
export function syntheticDataset(n: number, seed = 1, firstYear = 2016): EventDataset {
  const random = mulberry32(seed)
  const asOfDay = rangeDays - 61
  const sources: Source[] = [
    { id: 'wire-report', type: 'NewsArticle', headline: 'Truce talks resume as fighting flares', publisher: 'Wire service', datePublished: isoDay(asOfDay, firstYear) },
    { id: 'monitor-report', type: 'Report', headline: 'Monthly monitoring report', publisher: 'Conflict monitor', datePublished: isoDay(asOfDay - 45, firstYear), url: 'https://example.org/report' },
  ]

  const actors: Actor[] = []
  for (const [name, shortName, country] of states) {
    const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    actors.push(shortName ? { id, name, shortName, kind: 'state', country } : { id, name, kind: 'state', country })
  }
  for (const [name, shortName, kind] of organisations) {
    const id = (shortName ?? name).toLowerCase().replace(/[^a-z0-9]+/g, '-')
    actors.push(shortName ? { id, name, shortName, kind } : { id, name, kind })
  }
  // Governments and armies belong to states and people to any of those, so partOf chains run up to three deep.
  for (const [i, state] of actors.slice(0, 6).entries()) {
    const part = i % 2 ? 'army' : 'government'
    const actor: Actor = { id: `${state.id}-${part}`, name: `${state.name} ${part}`, kind: i % 2 ? 'military' : 'government', partOf: state.id }
    if (state.country) actor.country = state.country
    actors.push(actor)
  }
  const parents = actors.slice()
  for (let i = 0; actors.length < 50; i++) {
    const parent = pick(random, parents)
    const name = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`
    const person: Actor = { id: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i}`, name, kind: 'person', role: `${parent.shortName ?? parent.name} ${pick(random, offices)}`, partOf: parent.id }
    if (parent.country) person.country = parent.country
    actors.push(person)
  }

  const events: Event[] = []
  for (let i = 0; i < n; i++) {
    const kind = weighted(random, kinds)
    const category = weighted(random, categories)
    const d = int(random, 0, rangeDays - 1)
    const future = d > asOfDay
    const status: Event['status'] = future
      ? weighted(random, [['planned', 80], ['postponed', 12], ['cancelled', 8]] as const)
      : kind === 'period' ? weighted(random, [['occurred', 60], ['ongoing', 40]] as const)
      : weighted(random, [['occurred', 90], ['postponed', 4], ['cancelled', 3], ['ongoing', 3]] as const)

    const count = int(random, 1, 3)
    const chosen = new Set<Actor>()
    while (chosen.size < count) chosen.add(pick(random, actors))
    const participants: Participant[] = [...chosen].map((actor) => {
      const participant: Participant = { actor: actor.id, role: pick(random, roles) }
      const attribution = weighted(random, attributions)
      if (attribution) participant.attribution = attribution
      return participant
    })
    const [subject, object] = [...chosen].map((a) => a.shortName ?? a.name)
    const place = pick(random, places)
    const spoken = kind === 'statement' || kind === 'meeting' || kind === 'agreement'
    const title = `${subject} ${pick(random, verbs[kind])} ${object ?? (spoken ? `officials in ${place}` : place)}${object && random() < 0.5 ? ` in ${place}` : ''}`
    const source = pick(random, sources)

    const event: Event = {
      id: `e-${i}`,
      title,
      kind,
      category,
      status,
      certainty: weighted(random, certainties),
      date: { edtf: edtfAround(random, d, kind, firstYear) },
      participants,
      evidence: [{ source: source.id, quote: `${sentence(random, int(random, 6, 24))}.` }],
    }
    if (random() < 0.4) event.summary = `${sentence(random, int(random, 12, 30))}.`
    if (random() < 0.15) event.date = { ...event.date, text: pick(random, ['Monday', 'over the weekend', 'last month', 'next week']), anchor: source.id }
    if (random() < 0.5) event.location = { name: place, country: 'SYR' }
    if (category === 'military' && random() < 0.5) {
      const best = int(random, 0, 200)
      event.fatalities = random() < 0.3 ? { best, low: best, high: best + int(random, 0, 50), group: 'mixed' } : { best, approximate: random() < 0.5, group: 'civilians' }
    }
    if (random() < 0.3) event.codes = { cameo: String(int(random, 10, 204)).padStart(3, '0'), plover: pick(random, plovers) }
    if (random() < 0.2) event.tags = [category, place.toLowerCase()]
    events.push(event)
  }

  // Relations point back to an earlier event, as answers and follow-ups do.
  const relations: Relation[] = []
  for (let i = 1; i < n; i++) {
    if (random() >= 0.2) continue
    const j = int(random, Math.max(0, i - 50), i - 1)
    relations.push({ type: pick(random, relationTypes), from: events[i]!.id, to: events[j]!.id })
  }

  return {
    schemaVersion: '1.0',
    id: `synthetic-${n}-${seed}-${firstYear}`,
    title: `Synthetic timeline, ${n.toLocaleString('en')} events`,
    description: 'Generated for benchmarks: random events over two years with fuzzy dates, planned events and disputed attribution.',
    language: 'en',
    sources,
    actors,
    events,
    relations,
  }
}
