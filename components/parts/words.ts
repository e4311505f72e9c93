import { formatDate } from '../../src/dates/format.ts'
import { defaultLocale } from '../../src/dates/locale.ts'
import { messagesFor, type Messages } from '../../src/i18n/index.ts'
import type { TimelineEvent } from '../../src/timeline/events.ts'
import type { LegendKey } from '../../src/timeline/legend.ts'

/** The families of the data's values that the catalogue names ("status.occurred"). */
export type ValueFamily = 'category' | 'status' | 'certainty' | 'role' | 'attribution' | 'group' | 'facet' | 'format' | 'verb'

/** A value of the data in words ("occurred" → "survenu"); one the catalogue does not name stays as it is, or reads `otherwise`. */
export function nameOf(messages: Messages, family: ValueFamily, value: string, otherwise = value): string {
  const key = `${family}.${value}`
  return messages.has(key) ? messages.format(key) : otherwise
}

const labels = new WeakMap<Messages, WeakMap<TimelineEvent, string>>()

/** An event's date in the messages' locale; in the default locale, the label the event keeps. */
export function dateLabelOf(item: TimelineEvent, messages: Messages): string {
  if (messages === messagesFor(defaultLocale)) return item.dateLabel
  let byItem = labels.get(messages)
  if (!byItem) labels.set(messages, (byItem = new WeakMap()))
  let label = byItem.get(item)
  if (label === undefined) byItem.set(item, (label = formatDate(item.date, { messages })))
  return label
}

/** The date as the source phrased it, then as resolved: "“Monday” → 19 Sep 2016"; without a phrase, the date alone. */
export function saidDateOf(item: TimelineEvent, messages: Messages): string {
  const date = dateLabelOf(item, messages)
  const said = item.event.date.text
  return said ? messages.format('saidAs', { said, date }) : date
}

/** What a legend entry says beside its swatch (the catalogue's `legend.<key>`; every catalogue has them all). */
export function legendWords(key: LegendKey, messages: Messages): string {
  return messages.format(`legend.${key}`)
}
