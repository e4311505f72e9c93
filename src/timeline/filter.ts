import type { TimelineEvent } from './events.ts'

/** The facets a user can filter by; each holds the values to keep (empty = keep all). */
export const facets = ['actor', 'category', 'status', 'certainty'] as const
export type Facet = (typeof facets)[number]

export interface Filters {
  actor: ReadonlySet<string>
  category: ReadonlySet<string>
  status: ReadonlySet<string>
  certainty: ReadonlySet<string>
  /** Free text searched in titles, summaries, date phrases, quotes and tags. */
  query: string
}

export const noFilters: Filters = { actor: new Set(), category: new Set(), status: new Set(), certainty: new Set(), query: '' }

// Case- and accent-insensitive: "Mistura" finds "de Mistura", "ayrault" finds "Ayrault".
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

const searchText = new WeakMap<TimelineEvent, string>()
function textOf(item: TimelineEvent): string {
  let text = searchText.get(item)
  if (text === undefined) {
    const e = item.event
    text = fold([e.title, e.summary, e.date.text, ...(e.evidence ?? []).map((q) => q.quote), ...(e.tags ?? [])].filter(Boolean).join('\n'))
    searchText.set(item, text)
  }
  return text
}

const has = (item: TimelineEvent, facet: Facet, keep: ReadonlySet<string>) =>
  facet === 'actor' ? item.actors.some((a) => keep.has(a)) : keep.has(item[facet])

/** Whether an event passes the filters, ignoring one facet (for that facet's own counts). */
function passes(item: TimelineEvent, filters: Filters, words: string[], except?: Facet): boolean {
  for (const facet of facets) {
    const keep = filters[facet]
    if (facet === except || keep.size === 0) continue
    if (!has(item, facet, keep)) return false
  }
  if (words.length === 0) return true
  const text = textOf(item)
  return words.every((w) => text.includes(w))
}

const wordsOf = (query: string) => fold(query).split(/\s+/).filter(Boolean)

/** Whether any facet has a choice or the query has a word. */
export const filtering = (filters: Filters): boolean =>
  facets.some((f) => filters[f].size > 0) || (filters.query.trim() !== '' && wordsOf(filters.query).length > 0)

/**
 * The events that pass every filter and contain every word of the query: `items` itself when
 * nothing is filtered, so not to be changed.
 * @example applyFilters(items, { ...noFilters, status: new Set(['planned']) })
 */
export function applyFilters(items: readonly TimelineEvent[], filters: Filters): readonly TimelineEvent[] {
  // Nothing filtered: the same array, not a copy of thousands of events.
  if (!filtering(filters)) return items
  const words = wordsOf(filters.query)
  return items.filter((item) => passes(item, filters, words))
}

/**
 * For each value of a facet, how many events would be shown if it were chosen: the other
 * filters apply, the facet's own choice does not (the usual faceted-search count).
 */
export function facetCounts(items: readonly TimelineEvent[], filters: Filters, facet: Facet): Map<string, number> {
  const words = wordsOf(filters.query)
  const counts = new Map<string, number>()
  const open = words.length === 0 && facets.every((f) => f === facet || filters[f].size === 0)
  for (const item of items) {
    if (!open && !passes(item, filters, words, facet)) continue
    if (facet === 'actor') for (const actor of item.actors) counts.set(actor, (counts.get(actor) ?? 0) + 1)
    else counts.set(item[facet], (counts.get(item[facet]) ?? 0) + 1)
  }
  return counts
}

/**
 * `facetCounts` for every facet at once. With no filter and no query, one pass over the events
 * counts them all, as when data is first shown.
 */
export function allFacetCounts(items: readonly TimelineEvent[], filters: Filters): Map<Facet, Map<string, number>> {
  if (filtering(filters)) {
    return new Map(facets.map((f) => [f, facetCounts(items, filters, f)]))
  }
  const [actor, category, status, certainty] = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()]
  const add = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    for (let j = 0; j < item.actors.length; j++) add(actor, item.actors[j]!)
    add(category, item.category)
    add(status, item.status)
    add(certainty, item.certainty)
  }
  return new Map([['actor', actor], ['category', category], ['status', status], ['certainty', certainty]])
}
