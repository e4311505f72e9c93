import type { Event } from '../model/index.ts'

/** How prominently an event is drawn: a key event of the story, one the source reports, or background. */
export const Emphasis = { key: 'key', reported: 'reported', context: 'context' } as const
export type Emphasis = (typeof Emphasis)[keyof typeof Emphasis]

const week = 7 * 86_400_000

/**
 * An event's emphasis: the dataset's own (`emphasis`), else background for what a news story
 * mentions as context (a period, something lasting over a week — a war, "earlier this month" —
 * or ending over a week before the source's date `now`), else an event the source reports.
 * @example emphasisOf({ kind: 'period' }, start, end) // 'context'
 */
export function emphasisOf(event: Pick<Event, 'kind' | 'emphasis'>, start: number, end: number, now?: number): Emphasis {
  if (event.emphasis) return event.emphasis
  if (event.kind === 'period' || end - start >= week) return Emphasis.context
  return now !== undefined && end < now - week ? Emphasis.context : Emphasis.reported
}
