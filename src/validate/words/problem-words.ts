import type { NumberRules } from '../../i18n/message-format.ts'
import type { Language, Messages } from '../../i18n/messages.ts'
import type { Problem } from '../problem.ts'
import type { ProblemCatalogue } from './en.ts'
import { wordsIn } from './format.ts'

/** Each language's problem catalogue, fetched when a page first shows a problem in it. English needs none: a problem's `message` says it. */
const sources = {
  fr: async () => (await import('./fr.ts')).fr,
  ar: async () => (await import('./ar.ts')).ar,
  ru: async () => (await import('./ru.ts')).ru,
  es: async () => (await import('./es.ts')).es,
} as const satisfies Record<Exclude<Language, 'en'>, () => Promise<ProblemCatalogue>>

const loaded: Partial<Record<Language, ProblemCatalogue>> = {}
/** For each catalogue on its way, what to call once it has arrived. */
const waiting = new Map<Language, Set<() => void>>()

/**
 * A language's problem catalogue when it is at hand. Otherwise undefined, and the catalogue is
 * fetched: `arrived` is called once it has come (not if the fetch fails: the next call tries again).
 * English has none: a problem's `message` is its English.
 * @example problemWords('fr', () => host.requestUpdate()) // undefined, then the French catalogue
 */
export function problemWords(language: Language, arrived?: () => void): ProblemCatalogue | undefined {
  if (language === 'en' || loaded[language]) return loaded[language]
  let callers = waiting.get(language)
  if (!callers) {
    const called = (callers = new Set())
    waiting.set(language, called)
    sources[language]().then(
      (catalogue) => {
        loaded[language] = catalogue
        waiting.delete(language)
        for (const call of called) call()
      },
      () => void waiting.delete(language),
    )
  }
  if (arrived) callers.add(arrived)
  return undefined
}

/** Numbers and plurals for each locale, as its messages write them. */
const rulesByLocale = new Map<string, NumberRules>()

function rulesOf(messages: Messages): NumberRules {
  let rules = rulesByLocale.get(messages.locale)
  if (!rules) {
    const plurals = new Intl.PluralRules(messages.locale)
    rulesByLocale.set(messages.locale, (rules = { number: messages.number, plural: (n) => plurals.select(n) }))
  }
  return rules
}

/**
 * A problem in the language of `messages` (its catalogue's, "fr" for fr-CA), numbers written in
 * its locale. Undefined when the problem's `message` is the words to show: in English, for a
 * problem without `said` (one the validator did not make), and while the catalogue is fetched
 * (`arrived` is called once it has come).
 * @example problemMessage(problem, messagesFor('fr'), () => host.requestUpdate()) ?? problem.message
 */
export function problemMessage(problem: Problem, messages: Messages, arrived?: () => void): string | undefined {
  const catalogue = problem.said && problemWords(messages.language, arrived)
  return catalogue ? wordsIn(catalogue, problem.said!, rulesOf(messages)) : undefined
}
