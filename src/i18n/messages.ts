import type { Catalogue, MessageKey } from './en.ts'
import { enFirst } from './en-first.ts'
import { fillMessage, parseMessage, type MessageNode, type MessageValues, type NumberRules } from './message-format.ts'
import { messageOf } from '../message-of.ts'

/**
 * The languages with a catalogue, by BCP 47 tag, each fetched when a page first asks for it (see
 * loadLanguage); English's first-paint messages are at hand before (en-first.ts), its others are fetched.
 */
const sources = {
  en: async () => ({ ...enFirst, ...(await import('./en-later.ts')).enLater }),
  fr: async () => (await import('./fr.ts')).fr,
  ar: async () => (await import('./ar.ts')).ar,
  ru: async () => (await import('./ru.ts')).ru,
  es: async () => (await import('./es.ts')).es,
} as const satisfies Record<string, () => Promise<Catalogue>>
export type Language = keyof typeof sources

/** The catalogues at hand, once loaded; until English's is, its first-paint messages serve (see messagesFor). */
const loaded: Partial<Record<Language, Catalogue>> = {}

/** The language whose catalogue serves a locale: the nearest by BCP 47 fallback (fr-CA → fr), else English. */
export const languageFor = (locale: string): Language => (fallbackChain(locale).find((tag) => tag in sources) ?? 'en') as Language

/** Whether a language's catalogue is at hand, so that messagesFor gives its words. */
export const hasLanguage = (language: Language): boolean => language in loaded

/** Fetches a language's catalogue (once); messagesFor gives its words from then on. */
export async function loadLanguage(language: Language): Promise<void> {
  if (loaded[language]) return
  useCatalogue(language, await sources[language]())
}

/** Puts a catalogue at hand at once (catalogues.ts does so for every language, for code that does not load them). */
export function useCatalogue(language: Language, catalogue: Catalogue): void {
  loaded[language] = catalogue
  // Messages made while a catalogue was missing are made again: they may now have every message.
  for (const [key, messages] of shared) if (languageFor(key) === language || !messages.complete) shared.delete(key)
}

/** Messages a page gives in place of the catalogue's: another language's, or its own words for some. */
export type Strings = Partial<Record<MessageKey, string>>

/** The messages for one locale: its catalogue, a page's strings over it, and the locale's numbers and plurals. */
export interface Messages {
  /** The locale numbers, plurals and dates follow. */
  readonly locale: string
  /** The catalogue the messages come from: "fr" for fr-CA; "en" where no catalogue is nearer. */
  readonly language: Language
  /** Every message, the page's strings over the catalogue's; only the first paint's until `complete`. */
  readonly text: Catalogue
  /**
   * Whether every message is at hand: not for a moment after the first paint, while the
   * catalogue is fetched (English's later messages too), when only the first paint's are.
   * What shows only after some input (details, list, downloads) waits for it.
   */
  readonly complete: boolean
  /** A message with its placeholders filled: numbers written in the locale, plural branches chosen by its rules. */
  format(key: MessageKey, values?: MessageValues): string
  /** As `format`, as pieces, keeping a value that is not text (a template) as it is: for a message around a link or a button. */
  parts(key: MessageKey, values?: MessageValues): unknown[]
  /** A count in the locale's digits: grouped from five digits on (12,345; 4500). */
  number(n: number): string
  /** Whether a key names a message: for keys made from data ("status." + a status). */
  has(key: string): key is MessageKey
}

/** Month names and range dashes are Intl's unless the catalogue is in the locale's own language. */
const localeTypography = { monthsShort: '', range: '', spacedRange: '' } as const satisfies Partial<Catalogue>

/**
 * The tags to look for a catalogue under, most specific first, then English: RFC 4647 lookup.
 * @example fallbackChain('fr-CA') // ['fr-CA', 'fr', 'en']
 */
export function fallbackChain(locale: string): string[] {
  const chain: string[] = []
  let tag = baseName(locale)
  while (tag) {
    chain.push(tag)
    tag = tag.slice(0, Math.max(0, tag.lastIndexOf('-')))
  }
  return chain.includes('en') ? chain : [...chain, 'en']
}

/** The locale without its extensions ("fr-CA-u-ca-gregory" → "fr-CA"); "en" for one that is not a language tag. */
function baseName(locale: string): string {
  try {
    return new Intl.Locale(locale).baseName
  } catch {
    return 'en'
  }
}

const parsed = new Map<string, MessageNode[]>()
function nodesOf(text: string): MessageNode[] {
  let nodes = parsed.get(text)
  if (!nodes) parsed.set(text, (nodes = parseMessage(text)))
  return nodes
}

const shared = new Map<string, Messages>()

/**
 * The messages for `locale`: the nearest catalogue by BCP 47 fallback (fr-CA → fr → en), with a
 * page's `strings` over it. A string that is not a message key, or not a well-formed message,
 * is left out with a warning. Numbers and plurals follow the locale; a catalogue message in
 * another language than the locale's (English for "de") takes that language's plural rules.
 * `locale` must be a language tag (see `usableLocale`): Intl throws a RangeError on any other.
 * @example messagesFor('fr-CA').format('shownCount', { shown: 3, total: 20 }) // "3 événements affichés sur 20"
 * @example messagesFor('de', { shownCount: '{shown} von {total} Ereignissen' })
 */
export function messagesFor(locale: string, strings?: Strings, warn: (message: string) => void = console.warn): Messages {
  const plain = strings === undefined || Object.keys(strings).length === 0
  const known = plain ? shared.get(locale) : undefined
  if (known) return known
  // A catalogue not yet loaded gives English meanwhile, the first paint's messages until English's has arrived (see loadLanguage).
  const language = hasLanguage(languageFor(locale)) ? languageFor(locale) : 'en'
  const catalogue: Partial<Catalogue> = loaded[language] ?? enFirst
  const complete = language in loaded
  const native = baseName(locale).split('-')[0] === language
  // The page's strings are checked against a whole catalogue: the messages made once it has arrived warn.
  const given = plain ? {} : checked(strings, complete ? warn : () => undefined, catalogue)
  const text = { ...catalogue, ...(native ? {} : localeTypography), ...given } as Catalogue
  const numbers = new Intl.NumberFormat(locale, { useGrouping: 'min2' })
  const rulesOf = (tag: string): NumberRules => {
    const plural = new Intl.PluralRules(tag)
    return { number: (n) => numbers.format(n), plural: (n) => plural.select(n) }
  }
  const own = rulesOf(locale)
  // English words take English plurals, whatever the locale: "21 events" on a Ukrainian page, not "21 event".
  const rules = native ? own : rulesOf(language)
  const parts = (key: MessageKey, values: MessageValues = {}) => fillMessage(nodesOf(text[key]), values, Object.hasOwn(given, key) ? own : rules)
  const messages: Messages = {
    locale,
    language,
    text,
    complete,
    parts,
    format: (key, values) => parts(key, values).join(''),
    number: own.number,
    has: (key): key is MessageKey => Object.hasOwn(text, key),
  }
  if (plain) shared.set(locale, messages)
  return messages
}

/** The page's strings that are keys of `catalogue` with well-formed messages; a warning for each of the others. */
function checked(strings: Strings, warn: (message: string) => void, catalogue: Partial<Catalogue>): Strings {
  const kept: Strings = {}
  for (const [key, value] of Object.entries(strings)) {
    if (!Object.hasOwn(catalogue, key)) warn(`diplomatic-timeline: strings.${key} is not a message key; see the README's Languages for the keys`)
    else if (typeof value !== 'string') warn(`diplomatic-timeline: strings.${key} is not text; the built-in message is used`)
    else {
      try {
        parseMessage(value)
        kept[key as MessageKey] = value
      } catch (error) {
        warn(`diplomatic-timeline: strings.${key} is not a well-formed message (${messageOf(error)}); the built-in message is used`)
      }
    }
  }
  return kept
}
