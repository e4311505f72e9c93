import { describe, expect, it, vi } from 'vitest'
import '../../src/i18n/catalogues.ts'
import '../../src/dates/edtf-grammar.ts'
import { resolveEdtf } from '../../src/dates/edtf.ts'
import { messagesFor, parseMessage } from '../../src/i18n/index.ts'
import type { MessageNode } from '../../src/i18n/message-format.ts'
import { maxProblems, validateDataset, validateValue, type Problem } from '../../src/validate/index.ts'
import { describe as describeValue } from '../../src/validate/problem.ts'
import { dateSaid, english } from '../../src/validate/say.ts'
import { problemCatalogues } from '../../src/validate/words/catalogues.ts'
import { en, type ProblemCatalogue, type ProblemKey } from '../../src/validate/words/en.ts'
import { problemMessage, problemWords } from '../../src/validate/words/problem-words.ts'
import { json, sampleDataset } from '../fixtures/dataset.ts'

/** Intl's narrow and no-break spaces as plain spaces. */
const spaced = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ')

/** The names a message reads, with how it reads each: as text, or to choose a plural or select branch. */
function argumentsOf(nodes: readonly MessageNode[], found = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const node of nodes) {
    if (typeof node === 'string' || 'hash' in node) continue
    const uses = found.get(node.name) ?? new Set<string>()
    found.set(node.name, uses.add('kind' in node ? node.kind : 'text'))
    if ('branches' in node) for (const branch of Object.values(node.branches)) argumentsOf(branch, found)
  }
  return found
}

/** The branch keys of each plural in a message. */
function pluralsOf(nodes: readonly MessageNode[]): string[][] {
  return nodes.flatMap((node) => {
    if (typeof node === 'string' || !('branches' in node)) return []
    const inner = Object.values(node.branches).flatMap((branch) => pluralsOf(branch))
    return node.kind === 'plural' ? [Object.keys(node.branches), ...inner] : inner
  })
}

/** Datasets with nearly every problem the validator words: schema, references, dates, figures, syntax. */
function badTexts(): string[] {
  const schema = sampleDataset() as unknown as Record<string, any>
  Object.assign(schema.events[0], { titel: 'typo', zzqqxx: 1, location: { latitude: 95 } })
  Object.assign(schema.events[0].fatalities, { best: 'twenty', low: -5 })
  Object.assign(schema.events[1], { status: 'planed', certainty: 'xyzzyqwerty', title: '  ', codes: { cameo: '9' }, location: { name: 'Aleppo', country: 'sy' } })
  Object.assign(schema.sources[0], { datePublished: '20/09/2016', url: 'javascript:alert(1)' })
  Object.assign(schema, { language: 'x' })
  schema.actors[0].id = 'USA'
  delete schema.events[0].date
  delete schema.events[1].participants[0].role
  delete schema.title

  const integrity = sampleDataset() as unknown as Record<string, any>
  integrity.events[1].id = 'convoy-attack'
  integrity.actors[0].partOf = 'kerry'
  integrity.actors[1].partOf = 'rusia'
  integrity.events[0].participants[0].actor = 'zzzzzz'
  integrity.events[0].date.edtf = '2015-02-29'
  integrity.events[0].fatalities = { best: 5, low: 10, high: 3 }
  integrity.relations[0].to = integrity.relations[0].from
  for (const edtf of ['', 'Y-13798000000', '2016-02-30', '2016-', 'Y275760', '../..', '2016/2015', '[2016-09-20..2016-09-19]', '1985-04-12T23:20:30', '['.repeat(201)]) {
    integrity.events.push({ ...integrity.events[1], id: `date-${integrity.events.length}`, date: { edtf } })
  }

  // A cycle too long to name every actor in.
  const cycle = sampleDataset()
  cycle.actors = Array.from({ length: 9 }, (_, i) => ({ id: `a${i}`, name: `A${i}`, kind: 'state' as const, partOf: `a${(i + 1) % 9}` }))
  cycle.events.forEach((e) => delete e.participants)

  // More problems than a result lists.
  const many = sampleDataset()
  many.events = Array.from({ length: maxProblems + 2 }, (_, i) => ({ ...many.events[1]!, id: `e-${i}`, certainty: 'sure' as 'confirmed' }))

  return [
    json(schema),
    json(many),
    json(integrity),
    json(cycle),
    '{\n  "a": [1, 2,]\n}',
    "{'a': 1}",
    '{"a": 1 "b": 2}',
    '{"a": [1, 2',
    '{"a": tru}',
    '{"a": }',
    '{"a": ',
    '{"a" 1}',
    '{"a": 1',
    '{1: 2}',
    '{"a": 01.}',
    '{"a": "\\u12"}',
    '{"a": "b\tc"}',
    '{"a": "abc',
    '{"a": 1}}',
    '{"a": 1 /* x',
    '{"a": 1, // x\n}',
    '{"a": "\\x"}',
    '  \n',
    '[1, 2]',
    '{"a": 1, "a": 2}',
    '['.repeat(300),
  ]
}

const problemsOf = (text: string): Problem[] => validateDataset(text).problems

/** Once a language's problem catalogue is at hand. */
const arrival = (language: 'fr' | 'ar' | 'ru' | 'es') => new Promise<void>((arrived) => void (problemWords(language, arrived) && arrived()))

describe('the problem catalogues', () => {
  const keys = Object.keys(en).sort()

  it.each(Object.entries(problemCatalogues))('%s has every key English has, and no other', (_, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(keys)
  })

  it.each(Object.entries(problemCatalogues))('%s has well-formed messages reading the same values as English, the same way', (_, catalogue: ProblemCatalogue) => {
    for (const key of keys as ProblemKey[]) {
      const english = argumentsOf(parseMessage(en[key]))
      const own = argumentsOf(parseMessage(catalogue[key]))
      // A count English writes as it is may choose a plural form elsewhere; a select is a select everywhere.
      const shape = (uses: Map<string, Set<string>>) => [...uses].map(([name, how]) => `${name}:${how.has('select') ? 'select' : 'value'}`).sort()
      expect(shape(own), `${key}: ${catalogue[key]}`).toEqual(shape(english))
    }
  })

  it.each(Object.entries(problemCatalogues))('in %s, every plural has each of the language\'s forms, and no other', (language, catalogue: ProblemCatalogue) => {
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories.sort()
    for (const key of keys as ProblemKey[]) {
      for (const branches of pluralsOf(parseMessage(catalogue[key]))) expect(branches.sort(), `${key}: ${catalogue[key]}`).toEqual(forms)
    }
  })
})

describe('what a problem says', () => {
  it('gives every problem the validator finds a key and values whose English is its message', () => {
    const used = new Set<string>()
    const note = (said: Problem['said']) => {
      used.add(said!.key)
      for (const value of Object.values(said!.values ?? {})) if (typeof value === 'object') note(value)
    }
    for (const text of badTexts()) {
      const problems = problemsOf(text)
      expect(problems.length, text.slice(0, 40)).toBeGreaterThan(0)
      for (const problem of problems) {
        expect(problem.said, problem.message).toBeDefined()
        expect(english(problem.said!)).toBe(problem.message)
        note(problem.said)
      }
    }
    // What no dataset text can give: a value that is not text or JSON, a validator that throws, a
    // JSON reader's or ajv's or the EDTF reader's own words, an unlisted pattern, a grammar not loaded.
    // Nor the JSON reader's errors it says others first for (a comment is refused at its start).
    const unreachable = ['notText', 'notJson', 'checkFailed', 'syntax.code', 'invalid', 'pattern', 'edtf.needsGrammar', 'edtf.unexpectedEnd', 'edtf.other']
    const unmet = ['syntax.InvalidNumberFormat', 'syntax.UnexpectedEndOfComment']
    expect(Object.keys(en).filter((key) => !used.has(key) && !unreachable.includes(key) && !unmet.includes(key))).toEqual([])
  })

  it('words the last problem of a list cut short, with its count', () => {
    const data = sampleDataset() as unknown as { events: Array<Record<string, unknown>> }
    data.events = Array.from({ length: maxProblems + 3 }, (_, i) => ({ ...data.events[1], id: `e-${i}`, status: 'planed' }))
    const last = problemsOf(json(data)).at(-1)!
    expect(last.said).toEqual({ key: 'moreProblems', values: { count: 3 } })
    expect(problemMessage(last, messagesFor('ru'))).toBe(undefined)
  })

  it('keeps what a problem says out of JSON, spreads and copies, which see the problem as before', () => {
    const problem = problemsOf('{"a": 1, "a": 2}').find((p) => p.path === '/a')
    expect(problem!.said).toEqual({ key: 'duplicateKey', values: { key: '"a"' } })
    expect(Object.keys(problem!)).toEqual(['path', 'message', 'line', 'column'])
    expect(JSON.parse(JSON.stringify(problem))).toEqual({ path: '/a', message: problem!.message, line: 1, column: 10 })
    expect({ ...problem }.said).toBeUndefined()
    expect(structuredClone(problem)!.said).toBeUndefined()
  })

  it('describes a value with the English catalogue\'s words, as converters and the editor quote it', () => {
    expect([null, [1], { a: 1 }, 'x', 3, true, undefined].map(describeValue)).toEqual([
      'null', 'an array', 'an object', 'the text "x"', 'the number 3', 'boolean true', 'undefined undefined',
    ])
  })
})

describe('dateSaid: the date module\'s refusals by key', () => {
  it.each([
    ['', 'edtf.empty'],
    ['Y-13798000000', 'edtf.yearDigits'],
    ['['.repeat(201), 'edtf.tooLong'],
    ['2016-02-30', 'edtf.unexpected'],
    ['2016-', 'edtf.invalid'],
    ['Y275760', 'edtf.outside'],
    ['../..', 'edtf.noEnd'],
    ['2016/2015', 'edtf.intervalBackwards'],
    ['[2016-09-20..2016-09-19]', 'edtf.rangeBackwards'],
    ['2015-02-29', 'edtf.noDay'],
    ['1985-04-12T23:20:30', 'edtf.needsZone'],
  ])('reads %j back as %s', (text, key) => {
    const result = resolveEdtf(text)
    expect(result.ok).toBe(false)
    const message = (result as { message: string }).message
    const said = dateSaid(message)
    expect(said?.key).toBe(key)
    expect(english(said!)).toBe(message)
  })

  it('reads counts as numbers and a quoted date with colons and quotes in it as one value', () => {
    expect(dateSaid('invalid EDTF date "Y-13798000000": a year of 11 digits is outside the years a timeline can place (-271820 to 275759)')?.values).toEqual({ date: '"Y-13798000000"', digits: 11 })
    expect(dateSaid('invalid EDTF date "a: "b"": unexpected end at character 7')).toEqual({ key: 'edtf.unexpectedEnd', values: { date: '"a: "b""', at: 7 } })
    expect(dateSaid('invalid EDTF date "x": what the reader said')).toEqual({ key: 'edtf.other', values: { date: '"x"', reason: 'what the reader said' } })
    expect(dateSaid('"2016-21" needs the general EDTF grammar, which is not loaded')?.key).toBe('edtf.needsGrammar')
  })

  it('leaves a text no message words exactly without a key', () => {
    expect(dateSaid('the date is wrong')).toBeUndefined()
    expect(dateSaid('empty EDTF date!')).toBeUndefined()
  })
})

describe('problemMessage: a problem in the element\'s language', () => {
  const problems = (data: unknown) => validateValue(data).problems
  const unknownActor = () => {
    const data = sampleDataset()
    data.events[0]!.participants![0]!.actor = 'rusia'
    return problems(data)[0]!
  }

  it('says a problem in French, Arabic, Russian and Spanish, with the data as it is', async () => {
    const problem = unknownActor()
    await Promise.all((['fr', 'ar', 'ru', 'es'] as const).map(arrival))
    expect(problem.message).toBe('unknown actor "rusia": did you mean "russia"?')
    expect(spaced(problemMessage(problem, messagesFor('fr'))!)).toBe('acteur inconnu "rusia" : vouliez-vous dire "russia" ?')
    expect(problemMessage(problem, messagesFor('ar'))).toBe('طرف غير معروف "rusia": هل تقصد "russia"؟')
    expect(problemMessage(problem, messagesFor('ru'))).toBe('неизвестный участник "rusia": возможно, имелось в виду "russia"?')
    expect(problemMessage(problem, messagesFor('es-MX'))).toBe('actor desconocido "rusia": ¿quiso decir "russia"?')
  })

  it('chooses plural forms by the locale and writes counts in its digits', async () => {
    await Promise.all([arrival('ru'), arrival('ar')])
    const cut = (count: number) => {
      const problem = { path: '', line: 1, column: 1, message: '' }
      return Object.defineProperty(problem, 'said', { value: { key: 'moreProblems', values: { count } } }) as Problem
    }
    expect(problemMessage(cut(1), messagesFor('ru'))).toBe('…и ещё 1 проблема начиная с этого места (не показана)')
    expect(problemMessage(cut(3), messagesFor('ru'))).toBe('…и ещё 3 проблемы начиная с этого места (не показаны)')
    expect(problemMessage(cut(49000), messagesFor('ru'))).toMatch(/^…и ещё 49\s000 проблем начиная/)
    expect(problemMessage(cut(2), messagesFor('ar'))).toBe('…ومشكلتان أخريان من هنا فصاعدًا، غير مدرجتين')
    expect(problemMessage(cut(11), messagesFor('ar-EG'))).toBe('…و١١ مشكلةً أخرى من هنا فصاعدًا، غير مدرجة')
  })

  it('leaves English, and a problem the validator did not make, to the problem\'s message', () => {
    expect(problemMessage(unknownActor(), messagesFor('en-GB'))).toBeUndefined()
    expect(problemMessage({ path: '', line: 1, column: 1, message: 'row 2: bad' }, messagesFor('fr'))).toBeUndefined()
    expect(problemMessage(unknownActor(), messagesFor('de'))).toBeUndefined()
  })

  it('fetches a catalogue once, when first asked, and tells each caller when it has arrived', async () => {
    vi.resetModules()
    const fresh = await import('../../src/validate/words/problem-words.ts')
    const arrivals: string[] = []
    expect(fresh.problemWords('es', () => arrivals.push('first'))).toBeUndefined()
    expect(fresh.problemWords('es', () => arrivals.push('second'))).toBeUndefined()
    expect(fresh.problemWords('en', () => arrivals.push('english'))).toBeUndefined()
    await expect.poll(() => arrivals).toEqual(['first', 'second'])
    expect(fresh.problemWords('es', () => arrivals.push('third'))).toEqual(problemCatalogues.es)
    expect(arrivals).toEqual(['first', 'second'])
  })
})
