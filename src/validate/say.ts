import type { NumberRules } from '../i18n/message-format.ts'
import { atStart } from './at-start.ts'
import type { Problem, ProblemSaid } from './problem.ts'
import { en, type ProblemKey } from './words/en.ts'
import { nodesOf, wordsIn } from './words/format.ts'

// The validator words every problem here: its English `message` from the English problem
// catalogue (words/en.ts), and `said`, the same message by key and values, for other languages.

const plurals = new Intl.PluralRules('en')
/** Numbers as JavaScript writes them ("12000", not "12,000"), as the validator always has. */
const englishRules: NumberRules = { number: String, plural: (n) => plurals.select(n) }

/** What a problem says, in English. */
export const english = (said: ProblemSaid): string => wordsIn(en, said, englishRules)

/** A problem's words: `message` in English and `said` for other languages. */
export interface Words {
  message: string
  said: ProblemSaid
}

/**
 * A problem message of the catalogue, filled with `values`, in English and as `said`.
 * @example say('unknownId', { kind: 'actor', id: '"rusia"' }) // { message: 'unknown actor "rusia"', said: { key: 'unknownId', … } }
 */
export function say(key: ProblemKey, values?: ProblemSaid['values']): Words {
  const said: ProblemSaid = values ? { key, values } : { key }
  return { message: english(said), said }
}

/** `problem`, given `said` as a property JSON, spreads, structured clones and equality pass over (see Problem.said). */
export function saying<T extends { message: string }>(problem: T, said: ProblemSaid | undefined): T {
  if (said) Object.defineProperty(problem, 'said', { value: said, configurable: true, writable: true })
  return problem
}

/** A problem with the whole text, at its start, in the catalogue's words. */
export function sayAtStart(key: ProblemKey, values?: ProblemSaid['values']): Problem {
  const { message, said } = say(key, values)
  return saying(atStart(message), said)
}

/** Whether the catalogue has a message by this name: for keys made from data ("pattern." and a pattern's name). */
export const isProblemKey = (key: string): key is ProblemKey => Object.hasOwn(en, key)

/** How each placeholder of the "edtf." messages is read back from the date module's English: its pattern, and whether it is a count. */
const dateValues: Partial<Record<string, { pattern: string; count?: true }>> = {
  date: { pattern: '".*"' },
  found: { pattern: '".*?"' },
  reason: { pattern: '.+' },
  day: { pattern: '\\d+' },
  digits: { pattern: '\\d+', count: true },
  length: { pattern: '\\d+', count: true },
  max: { pattern: '\\d+', count: true },
  at: { pattern: '\\d+', count: true },
}

interface DateForm {
  key: ProblemKey
  pattern: RegExp
  names: string[]
  /** How many of its characters are words rather than placeholders. */
  literal: number
}

/** The "edtf." messages as patterns over the date module's text, the most specific first. */
function dateForms(): DateForm[] {
  const forms = (Object.keys(en) as ProblemKey[])
    .filter((key) => key.startsWith('edtf.'))
    .map((key): DateForm => {
      const form: DateForm = { key, pattern: /$^/, names: [], literal: 0 }
      let source = ''
      for (const node of nodesOf(en, key)) {
        if (typeof node === 'string') {
          source += node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          form.literal += node.length
        } else if ('kind' in node || 'hash' in node) throw new Error(`the problem message ${key} is read back from text: it takes no plural or select`)
        else {
          source += `(${dateValues[node.name]?.pattern ?? '.+?'})`
          form.names.push(node.name)
        }
      }
      form.pattern = new RegExp(`^${source}$`, 's')
      return form
    })
  // "unexpected end at character 5" is not an unexpected "end"; a date's reason is any text.
  return forms.sort((a, b) => b.literal - a.literal)
}
let forms: DateForm[] | undefined

/**
 * What a refusal of the date module says (`resolveEdtf(text).message`), by the "edtf." message
 * that words it: that module is part of the first paint, so it writes its English itself, and
 * the validator reads the key and values back. Undefined for a text no message words exactly.
 * @example dateSaid('invalid EDTF date "2016-02-30": there is no day 30 in that month') // { key: 'edtf.noDay', values: { date: '"2016-02-30"', day: '30' } }
 */
export function dateSaid(message: string): ProblemSaid | undefined {
  for (const { key, pattern, names } of (forms ??= dateForms())) {
    const match = pattern.exec(message)
    if (!match) continue
    const values = Object.fromEntries(names.map((name, i) => [name, dateValues[name]?.count ? Number(match[i + 1]) : match[i + 1]!]))
    const said: ProblemSaid = names.length > 0 ? { key, values } : { key }
    if (english(said) === message) return said
  }
  return undefined
}
