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
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/
const minutePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/

/** A day (its start) or a minute, as the address writes them; NaN for anything else. */
function instant(text: string | null): number {
  if (text === null) return NaN
  const d = dayPattern.exec(text)
  if (d) {
    const [y, m, dd] = [Number(d[1]), Number(d[2]), Number(d[3])]
    const ms = Date.UTC(y, m - 1, dd)
    // Date.UTC rolls 2016-02-31 over into March: such a day is not one.
    return new Date(ms).getUTCDate() === dd ? ms : NaN
  }
  return minutePattern.test(text) ? Date.parse(text) : NaN
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
  const from = instant(params.get('from'))
  const toText = params.get('to')
  // A day as the window's end means through that day.
  const to = instant(toText) + (toText !== null && dayPattern.test(toText) ? day : 0)
  const window: [number, number] | null = from < to ? [from, to] : null
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
