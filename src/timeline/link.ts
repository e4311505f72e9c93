import { DateShape, quickBounds, type QuickBounds } from '../dates/edtf.ts'
import { facets, noFilters, type Facet, type Filters } from './filter.ts'

// A view of the timeline as a page address, readable and short:
// #event=convoy-attack&from=2016-09-14&to=2016-09-21&category=military,diplomacy&q=convoy

/** What an address says of the view: each part null (or no filter) when it says nothing of it. */
export interface LinkState {
  event: string | null
  /** The window, UTC ms, end exclusive. */
  window: [number, number] | null
  filters: Filters
}

const day = 86_400_000
const minutePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/

/**
 * The span a `from` or `to` names: a minute ([ms, ms]), or a plain calendar date, read as the
 * timeline reads dates (a day, a month or a year: [its start, the next one's start]); null for
 * anything else, as "2016-02-31".
 */
function spanOf(text: string | null): [number, number] | null {
  if (text === null) return null
  if (minutePattern.test(text)) return [Date.parse(text), Date.parse(text)]
  const b: QuickBounds = { earliest: 0, latest: 0, shape: DateShape.point, approximate: false, uncertain: false }
  return quickBounds(text, b) && b.shape === DateShape.point && !b.approximate && !b.uncertain ? [b.earliest, b.latest + 1] : null
}

/** A reader of the fragment's key=value pairs, decoded; a pair with a broken escape is left out. */
function pairsOf(hash: string): { get: (key: string) => string | null } {
  const pairs = new Map<string, string>()
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const at = pair.indexOf('=')
    if (at <= 0) continue
    try {
      pairs.set(decodeURIComponent(pair.slice(0, at)), decodeURIComponent(pair.slice(at + 1)))
    } catch {
      // A malformed address (a broken escape) is ignored, never thrown.
    }
  }
  return { get: (key) => pairs.get(key) ?? null }
}

/**
 * The view an address's fragment describes. Never throws: a broken escape, an unknown key or a
 * date that is not one is ignored, and the rest is read.
 * @example readLink('#event=convoy-attack&from=2016-09-14&to=2016-09-21').window // [14 Sep 00:00, 22 Sep 00:00)
 */
export function readLink(hash: string): LinkState {
  const params = pairsOf(hash)
  const event = params.get('event') || null
  // A day as the window's end means through that day.
  const [from, to] = [spanOf(params.get('from'))?.[0], spanOf(params.get('to'))?.[1]]
  const window: [number, number] | null = from !== undefined && to !== undefined && from < to ? [from, to] : null
  const chosen: Partial<Record<Facet, ReadonlySet<string>>> = {}
  for (const facet of facets) {
    const values = params.get(facet)
    if (values) chosen[facet] = new Set(values.split(',').filter(Boolean))
  }
  return { event, window, filters: { ...noFilters, ...chosen, query: params.get('q') ?? '' } }
}

/** The day an instant starts, as the address writes it. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
/** The minute nearest an instant, as the address writes it (never as a day, which as an end means through it). */
const minuteOf = (ms: number) => `${new Date(Math.round(ms / 60_000) * 60_000).toISOString().slice(0, 16)}Z`

/**
 * The fragment for a view (with its #), or '' when it says nothing. A window of two days or
 * more is written in whole days, which is what its label shows; a shorter one to the minute.
 */
export function writeLink({ event, window, filters }: LinkState): string {
  // Commas stay readable: they separate a facet's values, and values are escaped otherwise.
  const escape = (text: string) => encodeURIComponent(text).replace(/%2C/g, ',')
  const parts: string[] = []
  if (event) parts.push(`event=${encodeURIComponent(event)}`)
  if (window) {
    const [start, end] = window
    if (end - start >= 2 * day) {
      const first = Math.round(start / day) * day
      const last = Math.max(first, Math.round(end / day) * day - day)
      parts.push(`from=${dayOf(first)}`, `to=${dayOf(last)}`)
    } else parts.push(`from=${minuteOf(start)}`, `to=${minuteOf(end)}`)
  }
  for (const facet of facets) {
    const values = [...filters[facet]].map(encodeURIComponent)
    if (values.length > 0) parts.push(`${facet}=${values.join(',')}`)
  }
  if (filters.query) parts.push(`q=${escape(filters.query)}`)
  return parts.length ? `#${parts.join('&')}` : ''
}
