import { fillMessage, parseMessage, type MessageNode, type NumberRules } from '../../i18n/message-format.ts'
import type { ProblemSaid } from '../problem.ts'
import type { ProblemCatalogue } from './en.ts'

/** Each message parsed once, by its text: a validator's English wording thousands of problems reads the same few. */
const parsed = new Map<string, MessageNode[]>()

/** A message of `catalogue`, parsed. */
export function nodesOf(catalogue: ProblemCatalogue, key: ProblemSaid['key']): MessageNode[] {
  const text = catalogue[key]
  let nodes = parsed.get(text)
  if (!nodes) parsed.set(text, (nodes = parseMessage(text)))
  return nodes
}

/**
 * What a problem says in the words of `catalogue`, its values that are messages worded first;
 * numbers and plurals follow `rules`.
 * @example wordsIn(fr, { key: 'unknownId', values: { kind: 'actor', id: '"rusia"' } }, rules) // acteur inconnu "rusia"
 */
export function wordsIn(catalogue: ProblemCatalogue, { key, values = {} }: ProblemSaid, rules: NumberRules): string {
  const filled: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(values)) filled[name] = typeof value === 'object' ? wordsIn(catalogue, value, rules) : value
  return fillMessage(nodesOf(catalogue, key), filled, rules).join('')
}
