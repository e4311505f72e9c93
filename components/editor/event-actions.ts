import { append, setValue, type Edit, type EventRange } from '../../src/editor/document.ts'
import type { EventDataset } from '../../src/model/index.ts'
import type { Notice } from './notice.ts'

// The toolbar's edits of the dataset's lists: each is an edit of the text, the event to select
// after it, and what to say. The element applies them as one undoable step.

export interface Change {
  step: (text: string) => Edit[]
  /** The event to select once the text is changed (null: none). */
  select?: string | null
  notice?: Notice
}

/** The first `prefix-N` not among the ids taken. */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  let n = 1
  while (used.has(`${prefix}-${n}`)) n++
  return `${prefix}-${n}`
}

const today = () => new Date().toISOString().slice(0, 10)
const ids = (ranges: readonly EventRange[]) => ranges.map((r) => r.id)

/** A new event at the end of the list, dated by the first source's publication (or today). */
export function addEvent(ranges: readonly EventRange[], dataset: EventDataset | undefined): Change {
  const id = freshId('new-event', ids(ranges))
  const edtf = dataset?.sources[0]?.datePublished ?? today()
  const event = { id, title: 'New event', kind: 'occurrence', category: 'diplomacy', status: 'occurred', certainty: 'reported', date: { edtf } }
  return { step: (t) => append(t, ['events'], event), select: id }
}

/** A copy of the selected event, under a fresh id, at the end of the list. */
export function duplicateEvent(ranges: readonly EventRange[], selected: string | null): Change | undefined {
  const range = ranges.find((r) => r.id === selected)
  if (!range) return undefined
  const id = freshId(`${range.id}-copy`, ids(ranges))
  return { step: (t) => append(t, ['events'], { ...(JSON.parse(t.slice(range.from, range.to)) as object), id }), select: id }
}

export function deleteEvent(ranges: readonly EventRange[], selected: string | null): Change | undefined {
  const range = ranges.find((r) => r.id === selected)
  if (!range) return undefined
  return { step: (t) => setValue(t, ['events', range.index], undefined), select: null, notice: { kind: 'info', text: `Deleted event “${range.id}”. Undo brings it back.` } }
}

export function addActor(dataset: EventDataset | undefined): Change {
  const id = freshId('new-actor', (dataset?.actors ?? []).map((a) => a.id))
  return { step: (t) => append(t, ['actors'], { id, name: 'New actor', kind: 'state' }) }
}

export function addSource(dataset: EventDataset | undefined): Change {
  const id = freshId('new-source', (dataset?.sources ?? []).map((s) => s.id))
  return { step: (t) => append(t, ['sources'], { id, type: 'NewsArticle', headline: 'Headline', datePublished: today() }) }
}
