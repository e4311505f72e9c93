import { describe } from '../validate/problem.ts'
import type { EventRange } from './document.ts'

// The form reads an event from text that may be invalid anywhere: each field is taken when it
// has the type the form can show, and otherwise said to be unreadable, so that the form shows
// what it can and names what is to be edited in the text.

export interface ParticipantFields {
  /** Its index in the event's participants, for the path of an edit. */
  index: number
  actor?: string
  role?: string
  attribution?: string
}

export interface QuoteFields {
  index: number
  source?: string
  quote?: string
}

export interface FatalityFields {
  best?: number
  approximate: boolean
  group?: string
}

/** An event's fields as the form shows them; a list or object the form cannot show is null and named in `unreadable`. */
export interface EventFields {
  id: string
  title: string
  summary: string
  /** Null when `date` is not an object: the form then leaves it to the text. */
  date: { edtf: string; text: string; anchor?: string } | null
  status?: string
  certainty?: string
  category?: string
  kind?: string
  participants: ParticipantFields[] | null
  /** Undefined when the event has none; null when it is not an object. */
  fatalities: FatalityFields | null | undefined
  evidence: QuoteFields[] | null
  /** What the form cannot show, one sentence each starting with the field's name: "participants is not a list but …". */
  unreadable: string[]
}

type Record_ = Record<string, unknown>
const isObject = (value: unknown): value is Record_ => typeof value === 'object' && value !== null && !Array.isArray(value)
const cannot = (field: string, what: string, value: unknown) => `${field} is not ${what} but ${describe(value)}: edit it in the text`

/** Reads an event value (parsed from the text, not validated) into the form's fields. */
export function eventFields(event: Record_): EventFields {
  const unreadable: string[] = []
  const text = (value: unknown, field: string): string | undefined => {
    if (value === undefined || typeof value === 'string') return value
    unreadable.push(cannot(field, 'text', value))
    return undefined
  }
  const object = (value: unknown, field: string): Record_ | null | undefined => {
    if (value === undefined || isObject(value)) return value
    unreadable.push(cannot(field, 'an object', value))
    return null
  }
  const list = <T>(value: unknown, field: string, item: (o: Record_, index: number, name: string) => T): T[] | null => {
    if (value === undefined) return []
    if (!Array.isArray(value)) {
      unreadable.push(cannot(field, 'a list', value))
      return null
    }
    return value.flatMap((v, index) => {
      const name = `${field} item ${index + 1}`
      const o = object(v, name)
      return o ? [item(o, index, name)] : []
    })
  }

  // Read in the form's order, so that the sentences come in it too.
  const title = text(event.title, 'title') ?? ''
  const summary = text(event.summary, 'summary') ?? ''
  const date = object(event.date, 'date')
  const dateFields = date === null ? null : { edtf: text(date?.edtf, 'date edtf') ?? '', text: text(date?.text, 'date text') ?? '', anchor: text(date?.anchor, 'date anchor') }
  const [status, certainty, category, kind] = (['status', 'certainty', 'category', 'kind'] as const).map((field) => text(event[field], field))
  const participants = list(event.participants, 'participants', (p, index, name) => ({
    index, actor: text(p.actor, `${name} actor`), role: text(p.role, `${name} role`), attribution: text(p.attribution, `${name} attribution`),
  }))
  const fatalities = object(event.fatalities, 'fatalities')
  const best = fatalities?.best
  if (best !== undefined && typeof best !== 'number') unreadable.push(cannot('fatalities best', 'a number', best))
  const fatalityFields = fatalities && { best: typeof best === 'number' ? best : undefined, approximate: fatalities.approximate === true, group: text(fatalities.group, 'fatalities group') }
  const evidence = list(event.evidence, 'evidence', (q, index, name) => ({ index, source: text(q.source, `${name} source`), quote: text(q.quote, `${name} quote`) }))
  return { id: String(event.id), title, summary, date: dateFields, status, certainty, category, kind, participants, fatalities: fatalityFields, evidence, unreadable }
}

/** The selected event as the text has it now: its index in `events`, its id, and its fields (null when its text is not JSON). */
export interface SelectedEvent {
  index: number
  id: string
  fields: EventFields | null
}

/** The event object at `range` in the text, read for the form, even while the text has problems elsewhere. */
export function eventInText(text: string, { index, id, from, to }: EventRange): SelectedEvent | null {
  let value: unknown
  try {
    value = JSON.parse(text.slice(from, to))
  } catch {
    return { index, id, fields: null }
  }
  return isObject(value) ? { index, id, fields: eventFields(value) } : null
}
