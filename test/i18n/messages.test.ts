import { describe, expect, it, vi } from 'vitest'
import { catalogues } from '../../src/i18n/catalogues.ts'
import { fallbackChain, messagesFor, parseMessage, type Catalogue, type MessageKey } from '../../src/i18n/index.ts'
import { en } from '../../src/i18n/en.ts'
import type { MessageNode } from '../../src/i18n/message-format.ts'
import { fr } from '../../src/i18n/fr.ts'

/** Intl's narrow and no-break spaces as plain spaces. */
const spaced = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ')

// A catalogue must have exactly English's keys: these lines fail to compile if that stops being a type error.
// @ts-expect-error a catalogue without one of the keys
const missing: Catalogue = (({ searchPlaceholder: _, ...rest }) => rest)(fr)
// @ts-expect-error a catalogue with a key English does not have
const extra: Catalogue = { ...fr, searchPlaceholderr: 'Rechercher' }
void [missing, extra]

describe('messagesFor: the catalogue for a locale', () => {
  it('looks for a catalogue from the most specific tag to the language, then English', () => {
    expect(fallbackChain('fr-CA')).toEqual(['fr-CA', 'fr', 'en'])
    expect(fallbackChain('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh', 'en'])
    expect(fallbackChain('ar-EG-u-nu-latn')).toEqual(['ar-EG', 'ar', 'en'])
    expect(fallbackChain('en-GB')).toEqual(['en-GB', 'en'])
    expect(fallbackChain('not a tag!')).toEqual(['en'])
  })

  it.each([
    ['fr-CA', 'fr'],
    ['fr', 'fr'],
    ['ar-EG', 'ar'],
    ['ru-RU', 'ru'],
    ['es-419', 'es'],
    ['en-US', 'en'],
    ['pt-BR', 'en'],
    ['de', 'en'],
  ])('takes %s messages from the %s catalogue', (locale, language) => {
    const messages = messagesFor(locale)
    expect(messages.language).toBe(language)
    expect(messages.locale).toBe(locale)
    expect(messages.format('searchPlaceholder')).toBe(catalogues[language as keyof typeof catalogues].searchPlaceholder)
  })

  it('keeps Intl\'s month names and dashes for a locale whose language has no catalogue', () => {
    expect(messagesFor('en-GB').text.monthsShort).toMatch(/^Jan /)
    expect(messagesFor('de').text.monthsShort).toBe('')
    expect(messagesFor('de').text.range).toBe('')
  })
})

describe('messagesFor: a page\'s strings', () => {
  it('puts the page\'s strings over the catalogue\'s and leaves the others', () => {
    const messages = messagesFor('fr', { searchPlaceholder: 'Chercher dans la frise' })
    expect(messages.format('searchPlaceholder')).toBe('Chercher dans la frise')
    expect(messages.format('list')).toBe('Liste')
    expect(messagesFor('fr').format('searchPlaceholder')).toBe('Rechercher des événements')
  })

  it('supplies a language the element has no catalogue for, with that language\'s plurals', () => {
    const de = messagesFor('de', { shownCount: '{shown} von {total, plural, one {# Ereignis} other {# Ereignissen}} angezeigt' })
    expect(de.format('shownCount', { shown: 1, total: 1 })).toBe('1 von 1 Ereignis angezeigt')
    expect(de.format('shownCount', { shown: 12345, total: 12345 })).toBe('12.345 von 12.345 Ereignissen angezeigt')
    // What the page left out is English.
    expect(de.format('list')).toBe('List')
  })

  it('chooses English plurals for English words and the locale\'s for the page\'s', () => {
    // Ukrainian, like Russian, says 21 in the singular: English does not.
    const uk = messagesFor('uk', { bucketLongEvents: '{count, plural, one {# довша подія} few {# довші події} other {# довших подій}}' })
    expect(uk.format('bucketEvents', { count: 21 })).toBe('21 events')
    expect(uk.format('bucketLongEvents', { count: 21 })).toBe('21 довша подія')
    expect(uk.format('bucketLongEvents', { count: 22 })).toBe('22 довші події')
  })

  it('leaves out, with a warning, a string that is not a message key or not a well-formed message', () => {
    const warn = vi.fn()
    const messages = messagesFor('en', { searchPlaceholdr: 'Find', list: 'Rows {', legend: 'Key' } as never, warn)
    expect(messages.format('list')).toBe('List')
    expect(messages.format('legend')).toBe('Key')
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      expect.stringMatching(/strings\.searchPlaceholdr is not a message key/),
      'diplomatic-timeline: strings.list is not a well-formed message (a "{" without its closing "}" at character 7 of "Rows {"); the built-in message is used',
    ])
  })
})

describe('messages: placeholders and plurals', () => {
  it('writes numbers in the locale, grouping from five digits', () => {
    expect(messagesFor('en-GB').format('shownCount', { shown: 4500, total: 4500 })).toBe('4500 of 4500 events shown')
    expect(messagesFor('en-GB').format('shownCount', { shown: 12345, total: 100000 })).toBe('12,345 of 100,000 events shown')
    expect(spaced(messagesFor('fr').format('shownCount', { shown: 12345, total: 100000 }))).toBe('12 345 événements affichés sur 100 000')
    expect(messagesFor('ar-EG').format('listPage', { first: 1, last: 200, total: 450 })).toBe('الأحداث ١–٢٠٠ من أصل ٤٥٠.')
  })

  it('says a count of one in the singular, in English too', () => {
    const en = messagesFor('en-GB')
    expect(en.format('shownCount', { shown: 1, total: 1 })).toBe('1 of 1 event shown')
    expect(en.format('shownCount', { shown: 1, total: 20 })).toBe('1 of 20 events shown')
  })

  it.each([
    ['ar', 0, 'يُعرض 0 من أصل 0 حدث'],
    ['ar', 1, 'يُعرض 1 من أصل حدث واحد'],
    ['ar', 2, 'يُعرض 2 من أصل حدثين'],
    ['ar', 3, 'يُعرض 3 من أصل 3 أحداث'],
    ['ar', 11, 'يُعرض 11 من أصل 11 حدثًا'],
    ['ar', 100, 'يُعرض 100 من أصل 100 حدث'],
    ['ru', 1, 'Показано 1 событие из 1'],
    ['ru', 2, 'Показано 2 события из 2'],
    ['ru', 5, 'Показано 5 событий из 5'],
    ['ru', 21, 'Показано 21 событие из 21'],
    ['ru', 1.5, 'Показано 1,5 события из 1,5'],
  ])('in %s, %s events take their plural form: "%s"', (language, n, expected) => {
    expect(messagesFor(language).format('shownCount', { shown: n, total: n })).toBe(expected)
  })

  it.each([
    ['ar', ['few', 'many', 'one', 'other', 'two', 'zero']],
    ['ru', ['few', 'many', 'one', 'other']],
  ] as const)('in %s, every plural message has each of the language\'s forms: %j', (language, forms) => {
    expect(new Intl.PluralRules(language).resolvedOptions().pluralCategories.sort()).toEqual(forms)
    for (const [key, text] of Object.entries(catalogues[language])) {
      for (const branches of pluralsOf(parseMessage(text))) expect(branches.sort(), key).toEqual(forms)
    }
  })

  it('chooses a select branch by value, else its other branch', () => {
    const fr = messagesFor('fr')
    expect(fr.format('from', { date: '17 sept. 2016', precision: 'day' })).toBe('à partir du 17 sept. 2016')
    expect(fr.format('from', { date: '2016', precision: 'year' })).toBe('à partir de 2016')
  })

  it('keeps a value that is not text as a piece of its own, for a template', () => {
    const link = { a: 'link' }
    expect(messagesFor('en').parts('relation.accuses', { event: link })).toEqual(['accuses ', link])
    expect(messagesFor('fr').parts('relation.accuses', { event: link })).toEqual(['accuse ', link])
  })

  it('shows a placeholder it was given no value for', () => {
    expect(messagesFor('en').format('asOf')).toBe('as of {date}')
    // Names an object has from its prototype are no values either, nor keys.
    expect(messagesFor('en', { asOf: 'as of {constructor}' }).format('asOf')).toBe('as of {constructor}')
    expect(messagesFor('en').has('constructor')).toBe(false)
  })
})

describe('parseMessage: the ICU MessageFormat subset', () => {
  it('reads text, placeholders, plurals with exact values and # and nested selects', () => {
    const rules = messagesFor('en', { picture: '{n, plural, =0 {none} one {# {what}} other {# {what}s, {kind, select, a {all} other {some}}}}' })
    expect(rules.format('picture', { n: 0 })).toBe('none')
    expect(rules.format('picture', { n: 1, what: 'map' })).toBe('1 map')
    expect(rules.format('picture', { n: 3, what: 'map', kind: 'a' })).toBe('3 maps, all')
    expect(rules.format('picture', { n: 3, what: 'map', kind: 'b' })).toBe('3 maps, some')
  })

  it('leaves # as it is outside a plural', () => {
    expect(parseMessage('Item #{n}')).toEqual(['Item #', { name: 'n' }])
  })

  it.each([
    ['{count', /a "\{" without its closing "\}" at character 7/],
    ['a } b', /closes nothing/],
    ['{n, plural, one {#}}', /without its "other" branch/],
    ['{n, choice, other {x}}', /"choice" where "plural" or "select" was expected/],
    ['{n, plural, one {x} other {y}', /without its closing/],
    ['{a b}', /a placeholder name that is not one word: "a b"/],
  ])('refuses %s, saying where and why', (text, why) => {
    expect(() => parseMessage(text)).toThrow(why)
  })
})

describe('the catalogues', () => {
  const keys = Object.keys(en).sort()
  // Messages that may offer a placeholder English does not use: the date phrases choose words by precision, centuries by number.
  const offered: Partial<Record<MessageKey, string[]>> = {
    approximate: ['precision'], uncertain: ['precision'], from: ['precision'], until: ['precision'],
    onOrBefore: ['precision'], onOrAfter: ['precision'], century: ['century', 'roman'],
  }

  it.each(Object.entries(catalogues))('%s has every key English has, and no other', (_, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(keys)
  })

  it.each(Object.entries(catalogues))('%s has well-formed messages with the placeholders English gives them', (_, catalogue: Catalogue) => {
    for (const key of keys as MessageKey[]) {
      const text = catalogue[key]
      // Empty: the locale's own (Intl's) month names and dashes.
      if (text === '' && (key === 'monthsShort' || key === 'range' || key === 'spacedRange')) continue
      const english = placeholdersOf(parseMessage(en[key]))
      const used = placeholdersOf(parseMessage(text))
      const allowed = new Set([...english, ...(offered[key] ?? [])])
      expect([...used].filter((name) => !allowed.has(name)), `${key}: ${text}`).toEqual([])
      // A message may say the year a century starts with or its number; every other keeps what English says.
      if (key !== 'century') expect([...english].filter((name) => !used.has(name)), `${key}: ${text}`).toEqual([])
    }
  })
})

/** The names a message reads. */
function placeholdersOf(nodes: readonly MessageNode[], names = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (typeof node === 'string' || 'hash' in node) continue
    names.add(node.name)
    if ('branches' in node) for (const branch of Object.values(node.branches)) placeholdersOf(branch, names)
  }
  return names
}

/** The branch keys of each plural in a message. */
function pluralsOf(nodes: readonly MessageNode[]): string[][] {
  return nodes.flatMap((node) => {
    if (typeof node === 'string' || !('branches' in node)) return []
    const inner = Object.values(node.branches).flatMap((branch) => pluralsOf(branch))
    return node.kind === 'plural' ? [Object.keys(node.branches), ...inner] : inner
  })
}
