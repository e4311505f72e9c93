import type { TimelineEvent } from './events.ts'

/** How a facet reads an event: its one value, or its several (an event has several actors). */
type FacetReader = { one: (item: TimelineEvent) => string } | { many: (item: TimelineEvent) => readonly string[] }

/**
 * The facets a user can filter by, and how each reads an event. Adding a facet is one entry
 * here: the filters, the counts and the query all follow (components/parts/filters.ts lists
 * which facets are chips).
 */
const registry = {
  actor: { many: (item) => item.actors },
  category: { one: (item) => item.category },
  status: { one: (item) => item.status },
  certainty: { one: (item) => item.certainty },
} satisfies Record<string, FacetReader>

export type Facet = keyof typeof registry
export const facets = Object.keys(registry) as Facet[]
const readers: readonly FacetReader[] = facets.map((f) => registry[f])

/** For each facet, the values to keep (empty = keep all); and the query. */
export type Filters = { readonly [F in Facet]: ReadonlySet<string> } & {
  /** Free text searched in titles, summaries, date phrases, quotes and tags. */
  query: string
}

const nothingChosen = Object.fromEntries(facets.map((f) => [f, new Set<string>()])) as Partial<Record<Facet, ReadonlySet<string>>>
export const noFilters: Filters = { ...(nothingChosen as Record<Facet, ReadonlySet<string>>), query: '' }

/** The filters with one value of a chip facet chosen, or no longer chosen if it was. */
export function toggled(filters: Filters, facet: Exclude<Facet, 'actor'>, value: string): Filters {
  const next = new Set(filters[facet])
  if (!next.delete(value)) next.add(value)
  return { ...filters, [facet]: next }
}

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

/** Whether an event has one of the values kept, as facet number `f` reads it. */
function has(item: TimelineEvent, f: number, keep: ReadonlySet<string>): boolean {
  const reader = readers[f]!
  if ('one' in reader) return keep.has(reader.one(item))
  const values = reader.many(item)
  for (let i = 0; i < values.length; i++) if (keep.has(values[i]!)) return true
  return false
}

/** Counts an event's values of facet number `f`. */
function tally(item: TimelineEvent, f: number, into: Tally): void {
  const reader = readers[f]!
  if ('one' in reader) return into.add(reader.one(item))
  const values = reader.many(item)
  for (let i = 0; i < values.length; i++) into.add(values[i]!)
}

/** The numbers of the facets with a choice. */
const chosenOf = (filters: Filters): number[] => facets.flatMap((f, n) => (filters[f].size > 0 ? [n] : []))

/** Whether an event's text holds every word. */
const matches = (item: TimelineEvent, words: readonly string[]): boolean => {
  if (words.length === 0) return true
  const text = textOf(item)
  return words.every((w) => text.includes(w))
}

// Most calls have no query: they skip folding, whose Unicode regex costs a compile on a page's first render.
const wordsOf = (query: string): string[] => (query.trim() === '' ? [] : fold(query).split(/\s+/).filter(Boolean))

/** Whether any facet has a choice or the query has a word. */
export const filtering = (filters: Filters): boolean =>
  facets.some((f) => filters[f].size > 0) || wordsOf(filters.query).length > 0

/**
 * The events that pass every filter and contain every word of the query: `items` itself when
 * nothing is filtered, so not to be changed.
 * @example applyFilters(items, { ...noFilters, status: new Set(['planned']) })
 */
export function applyFilters(items: readonly TimelineEvent[], filters: Filters): readonly TimelineEvent[] {
  const rows = filterRows(items, filters)
  return rows ? Array.from(rows, (r) => items[r]!) : items
}

/**
 * As `applyFilters`, the indexes of the events kept, in order; null when nothing is filtered,
 * for every event: no array of a million indexes that says nothing.
 */
export function filterRows(items: readonly TimelineEvent[], filters: Filters): Uint32Array | null {
  const words = wordsOf(filters.query)
  const chosen = chosenOf(filters)
  if (words.length === 0 && chosen.length === 0) return null
  const kept: number[] = []
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    if (chosen.every((f) => has(item, f, filters[facets[f]!])) && matches(item, words)) kept.push(i)
  }
  return Uint32Array.from(kept)
}

/**
 * For each facet and each of its values, how many events would be shown if that value were
 * chosen: the other filters and the query apply, the facet's own choice does not (the usual
 * faceted-search count). One pass: an event that fails no facet counts in every facet, one that
 * fails exactly one counts in that one only, and one that fails two or more counts nowhere.
 */
export function allFacetCounts(items: readonly TimelineEvent[], filters: Filters): Map<Facet, Map<string, number>> {
  const words = wordsOf(filters.query)
  const chosen = chosenOf(filters)
  const keep = facets.map((f) => filters[f])
  const tallies = facets.map(() => new Tally())
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    let failed = -1
    let fails = 0
    // Indexed: run for every event, even with no facet chosen, before V8 has optimised it.
    for (let c = 0; c < chosen.length; c++) {
      const f = chosen[c]!
      if (has(item, f, keep[f]!)) continue
      failed = f
      if (++fails > 1) break
    }
    if (fails > 1 || !matches(item, words)) continue
    if (failed >= 0) tally(item, failed, tallies[failed]!)
    else for (let f = 0; f < tallies.length; f++) tally(item, f, tallies[f]!)
  }
  return new Map(facets.map((f, n) => [f, tallies[n]!.counts()]))
}

/**
 * Counts of strings. A facet has a handful of values, looked up faster in a short array than in
 * a map, which takes over past 16 values (actors, or data not yet checked).
 */
class Tally {
  private keys: string[] = []
  private numbers: number[] = []
  private map?: Map<string, number>

  add(key: string): void {
    if (this.map) return void this.map.set(key, (this.map.get(key) ?? 0) + 1)
    const i = this.keys.indexOf(key)
    if (i >= 0) this.numbers[i]!++
    else if (this.keys.length < 16) {
      this.keys.push(key)
      this.numbers.push(1)
    } else {
      this.map = this.counts()
      this.map.set(key, 1)
    }
  }

  counts(): Map<string, number> {
    return this.map ?? new Map(this.keys.map((k, i) => [k, this.numbers[i]!]))
  }
}
