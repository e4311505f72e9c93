import '../dates/edtf-grammar.ts'
import { resolveEdtf } from '../dates/edtf.ts'
import type { EventDataset } from '../model/index.ts'
import { nearIds } from './near-ids.ts'
import { pointer, type PathProblem } from './problem.ts'
import { dateSaid, say } from './say.ts'

/** What a list holds, as the problem messages name it. */
type Kind = 'source' | 'actor' | 'event'

/** A list's ids, each at the index of its first use, and the id a word that names none may have meant. */
interface Ids {
  first: Map<string, number>
  near: (word: string) => string | undefined
}

/** First index of each id in a list, reporting every later use of the same id. */
function indexIds(items: Array<{ id: string }>, kind: Kind, listName: string, problems: PathProblem[]): Ids {
  const first = new Map<string, number>()
  items.forEach((item, index) => {
    const at = first.get(item.id)
    if (at === undefined) first.set(item.id, index)
    else problems.push({ path: pointer(listName, index, 'id'), ...say('duplicateId', { kind, id: JSON.stringify(item.id), first: `${listName}[${at}]` }) })
  })
  return { first, near: nearIds(first.keys()) }
}

/** Reports a reference that points nowhere; the path is only built then (datasets run to many thousands of references). */
function reference(ids: Ids, kind: Kind, id: string, path: () => string, problems: PathProblem[]) {
  if (ids.first.has(id)) return
  const near = ids.near(id)
  const quoted = JSON.stringify(id)
  problems.push({ path: path(), ...(near === undefined ? say('unknownId', { kind, id: quoted }) : say('unknownIdNear', { kind, id: quoted, near: JSON.stringify(near) })) })
}

/** How many actors of a cycle a message names before saying how many more there are. */
const namedInCycle = 5

/** Where an actor is in the walks up partOf: not reached yet, on the walk going on, or behind. */
const Walk = { notSeen: 0, on: 1, done: 2 } as const

/**
 * Reports each cycle in partOf once, at the actor of it that comes first in the list, naming the
 * first few actors around it. One walk up from each actor not yet seen, so every actor is visited
 * once: coming back to an actor of the same walk closes a cycle.
 */
function partOfCycles(actors: EventDataset['actors'], first: Map<string, number>, problems: PathProblem[]) {
  const state = new Uint8Array(actors.length)
  const walk: number[] = []
  for (let start = 0; start < actors.length; start++) {
    let n = start
    while (n !== -1 && state[n] === Walk.notSeen) {
      state[n] = Walk.on
      walk.push(n)
      const parent = actors[n]!.partOf
      n = parent === undefined ? -1 : (first.get(parent) ?? -1)
    }
    if (n !== -1 && state[n] === Walk.on) {
      const cycle = walk.slice(walk.indexOf(n))
      let lowest = 0
      for (let i = 1; i < cycle.length; i++) if (cycle[i]! < cycle[lowest]!) lowest = i
      const ids = [...cycle.slice(lowest), ...cycle.slice(0, lowest)].map((m) => actors[m]!.id)
      const actor = JSON.stringify(ids[0])
      const words =
        ids.length <= namedInCycle + 1
          ? say('partOfItself', { actor, cycle: [...ids, ids[0]].join(' → ') })
          : say('partOfItselfLong', { actor, cycle: ids.slice(0, namedInCycle).join(' → '), more: ids.length - namedInCycle, start: ids[0]! })
      problems.push({ path: pointer('actors', cycle[lowest]!, 'partOf'), ...words })
    }
    for (const m of walk) state[m] = Walk.done
    walk.length = 0
  }
}

/**
 * What JSON Schema cannot check: unique ids, references that point nowhere, EDTF dates,
 * cycles in partOf and inconsistent figures. Takes a dataset that already matches the schema.
 */
export function integrityProblems(dataset: EventDataset): PathProblem[] {
  const problems: PathProblem[] = []
  const steps = integrityChecks(dataset, problems)
  while (!steps.next().done);
  return problems
}

/** How many events are checked between two pauses of `integrityChecks`. */
export const eventsPerStep = 200

/**
 * The checks of `integrityProblems`, pushing to `problems` and pausing (yield) after every
 * `eventsPerStep` events, so that a caller can spread a large dataset over several tasks.
 */
export function* integrityChecks(dataset: EventDataset, problems: PathProblem[]): Generator<void, void, void> {
  const sources = indexIds(dataset.sources, 'source', 'sources', problems)
  const actors = indexIds(dataset.actors, 'actor', 'actors', problems)
  const events = indexIds(dataset.events, 'event', 'events', problems)

  dataset.actors.forEach((actor, index) => {
    if (actor.partOf !== undefined) reference(actors, 'actor', actor.partOf, () => pointer('actors', index, 'partOf'), problems)
  })
  partOfCycles(dataset.actors, actors.first, problems)

  for (let index = 0; index < dataset.events.length; index++) {
    if (index > 0 && index % eventsPerStep === 0) yield
    const event = dataset.events[index]!
    const date = resolveEdtf(event.date.edtf)
    if (!date.ok) problems.push({ path: pointer('events', index, 'date', 'edtf'), message: date.message, said: dateSaid(date.message) })
    if (event.date.anchor !== undefined) reference(sources, 'source', event.date.anchor, () => pointer('events', index, 'date', 'anchor'), problems)
    event.participants?.forEach((p, i) => reference(actors, 'actor', p.actor, () => pointer('events', index, 'participants', i, 'actor'), problems))
    event.evidence?.forEach((e, i) => reference(sources, 'source', e.source, () => pointer('events', index, 'evidence', i, 'source'), problems))
    const f = event.fatalities
    if (f && (f.low !== undefined || f.high !== undefined)) {
      const path = pointer('events', index, 'fatalities')
      // Text, so that every language quotes the figures as the data has them (a number would be written in the reader's locale).
      const [low, best, high] = [String(f.low), String(f.best), String(f.high)]
      if (f.low !== undefined && f.high !== undefined && f.low > f.high) problems.push({ path: `${path}/low`, ...say('lowAboveHigh', { low, high }) })
      if (f.low !== undefined && f.best < f.low) problems.push({ path: `${path}/best`, ...say('bestBelowLow', { best, low }) })
      if (f.high !== undefined && f.best > f.high) problems.push({ path: `${path}/best`, ...say('bestAboveHigh', { best, high }) })
    }
  }

  dataset.relations?.forEach((relation, index) => {
    reference(events, 'event', relation.from, () => pointer('relations', index, 'from'), problems)
    reference(events, 'event', relation.to, () => pointer('relations', index, 'to'), problems)
    if (relation.from === relation.to) {
      problems.push({ path: pointer('relations', index, 'to'), ...say('selfRelation', { type: JSON.stringify(relation.type), event: JSON.stringify(relation.from) }) })
    }
  })
}
