import type { EventDataset } from '../src/model/index.ts'
import { syntheticDataset } from './synthetic.ts'

/** A JSON round trip: flat strings and fresh objects, as parsed from a file. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/**
 * The synthetic dataset as a page gets it, from JSON. The generator builds its strings by
 * concatenation, which V8 keeps as ropes and flattens on first read: a cost of the generator,
 * not of reading a file, and not the element's. Each event and relation goes through JSON on
 * its own, at every size alike, as a streaming parser would hand them over: 1,000,000 events are
 * more JSON than one string can hold (JSON.stringify throws "Invalid string length").
 */
export function pageDataset(n: number, seed?: number, firstYear?: number): EventDataset {
  const { events, relations = [], ...rest } = syntheticDataset(n, seed, firstYear)
  // In place, so that the generator's copy of each event can be collected as the copies are made.
  for (let i = 0; i < events.length; i++) events[i] = viaJson(events[i]!)
  for (let i = 0; i < relations.length; i++) relations[i] = viaJson(relations[i]!)
  return { ...viaJson(rest), events, relations }
}
