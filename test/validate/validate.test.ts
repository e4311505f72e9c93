import { describe, expect, it } from 'vitest'
import { maxProblems, problemCount, validateDataset, validateDatasetInSteps, validateValue, validateValueInSteps, type Problem } from '../../src/validate/index.ts'
import { keyTwiceOrTooDeep } from '../../src/validate/json-text.ts'
import { syntheticDataset } from '../../bench/synthetic.ts'
import { json, sampleDataset } from '../fixtures/dataset.ts'

/** The problems for a text, as "line:column message" for readable assertions. */
const problemsOf = (text: string) => {
  const result = validateDataset(text)
  expect(result.ok).toBe(false)
  return result.problems.map((p: Problem) => `${p.line}:${p.column} ${p.message}`)
}

/** Position of the first `needle` in `text` after `after`, as "line:column". */
function positionOf(text: string, needle: string, after = ''): string {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0)
  expect(offset).toBeGreaterThanOrEqual(0)
  const before = text.slice(0, offset).split('\n')
  return `${before.length}:${before.at(-1)!.length + 1}`
}

describe('validateDataset: valid input', () => {
  it('returns the typed dataset for a valid file', () => {
    const result = validateDataset(json(sampleDataset()))
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.dataset?.events.map((e) => e.id)).toEqual(['convoy-attack', 'us-blames-russia'])
  })

  it('keeps every x- field, at every level, unchanged through load and save', () => {
    const text = json(sampleDataset())
    const result = validateDataset(text)
    expect(json(result.dataset)).toBe(text)
    expect(result.dataset?.['x-owner']).toEqual({ team: 'desk', tags: ['a', 1, null] })
    expect(result.dataset?.events[0]?.participants?.[0]?.['x-confidence']).toBe(0.4)
  })

  it('accepts a UTF-8 byte order mark', () => {
    expect(validateDataset('\uFEFF' + json(sampleDataset())).ok).toBe(true)
  })

  it('accepts CRLF line endings and reports lines correctly with them', () => {
    const data = sampleDataset() as unknown as { events: Array<{ status: string }> }
    data.events[1]!.status = 'planed'
    const text = json(data).replace(/\n/g, '\r\n')
    expect(problemsOf(text)[0]).toMatch(new RegExp(`^${positionOf(text, '"planed"')} invalid status`))
  })
})

describe('validateDataset: JSON syntax', () => {
  it.each([
    ['a trailing comma', '{\n  "a": [1, 2,]\n}', '2:14', /trailing comma before "]"/],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', '3:3', /expected ","/],
    ['a comment', '{\n  // note\n  "a": 1\n}', '2:3', /comments are not allowed/],
    ['single quotes', "{\n  'a': 1\n}", '2:3', /need double quotes/],
    ['an unterminated string', '{\n  "a": "b\n}', '2:8', /unterminated string|control character/],
    ['a truncated file', '{\n  "a": [1, 2', '2:13', /unexpected end of file: expected "]"/],
    ['text after the value', '{}\n{}', '2:1', /after the end/],
    ['a number with a leading zero', '{"a": 01}', '1:8', /expected ","/],
  ])('reports %s at its exact line and column', (_, text, position, message) => {
    const problems = problemsOf(text)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.split(' ')[0]).toBe(position)
    expect(problems[0]).toMatch(message)
  })

  it('reports an empty file clearly', () => {
    expect(problemsOf('  \n')).toEqual(['1:1 the file is empty: expected a JSON object'])
  })

  it('reports a document that is not an object', () => {
    expect(problemsOf('[1, 2]')).toEqual(['1:1 the dataset must be a JSON object, not an array'])
  })

  it('reports a key given twice in one object, at the second one', () => {
    const text = '{\n  "schemaVersion": "1.0",\n  "id": "a",\n  "id": "b",\n  "title": "T", "sources": [], "actors": [], "events": []\n}'
    expect(problemsOf(text)).toEqual(['4:3 duplicate key "id" in one object (JSON keeps only the last)'])
  })
})

describe('validateDataset: schema', () => {
  it('names the field, the bad value and what is allowed, at the value', () => {
    const data = sampleDataset() as unknown as { events: Array<{ status: string }> }
    data.events[1]!.status = 'planed'
    const text = json(data)
    expect(problemsOf(text)).toEqual([
      `${positionOf(text, '"planed"')} invalid status "planed" (expected one of occurred, ongoing, planned, postponed, cancelled): did you mean "planned"?`,
    ])
    const result = validateDataset(text)
    expect(result.problems[0]?.path).toBe('/events/1/status')
  })

  it('reports an unknown key at the key, suggesting the field meant, and allows x- keys', () => {
    const data = sampleDataset() as unknown as { events: Array<Record<string, unknown>> }
    data.events[0]!.titel = 'typo'
    const text = json(data)
    const [problem] = problemsOf(text)
    expect(problem).toMatch(new RegExp(`^${positionOf(text, '"titel"')} unknown field "titel": did you mean "title"\\?`))
    expect(problem).toContain('custom field starting with "x-"')
  })

  it('reports a missing required field in the object that lacks it', () => {
    const data = sampleDataset() as unknown as { events: Array<Record<string, unknown>> }
    delete data.events[0]!.date
    const text = json(data)
    expect(problemsOf(text)).toEqual([`${positionOf(text, '{', '"events"').replace(/:\d+$/, ':5')} missing required field "date" in events[0] "convoy-attack"`.replace(/^\d+:5/, positionOf(text, '{\n      "id": "convoy-attack"'))])
  })

  it('reports a wrong type with what was expected and what was found', () => {
    const data = sampleDataset() as unknown as { events: Array<{ fatalities: { best: unknown } }> }
    data.events[0]!.fatalities.best = 'twenty'
    const text = json(data)
    expect(problemsOf(text)).toEqual([`${positionOf(text, '"twenty"')} invalid best: expected a whole number, got the text "twenty"`])
  })

  it('explains pattern failures in words', () => {
    const data = sampleDataset() as unknown as { sources: Array<Record<string, string>>; events: Array<{ id: string; title: string }> }
    data.sources[0]!.datePublished = '20/09/2016'
    data.sources[0]!.url = 'javascript:alert(1)'
    data.events[1]!.title = '   '
    const problems = problemsOf(json(data)).map((p) => p.replace(/^\S+ /, ''))
    expect(problems).toEqual([
      'invalid datePublished "20/09/2016" (expected a calendar date as YYYY-MM-DD)',
      'invalid url "javascript:alert(1)" (expected an http://, https:// or mailto: address)',
      'title must not be blank',
    ])
  })

  it('reports every schema problem at once, in file order', () => {
    const data = sampleDataset() as unknown as { actors: Array<{ kind: string }>; events: Array<{ kind: string; certainty: string }> }
    data.actors[0]!.kind = 'country'
    data.events[0]!.kind = 'attack'
    data.events[1]!.certainty = 'sure'
    const problems = problemsOf(json(data))
    expect(problems.map((p) => p.replace(/ \(.*$/, '').replace(/^\S+ /, ''))).toEqual([
      'invalid kind "country"',
      'invalid kind "attack"',
      'invalid certainty "sure"',
    ])
    const lines = problems.map((p) => Number(p.split(':')[0]))
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
  })
})

describe('validateDataset: dates and references', () => {
  const broken = (change: (d: ReturnType<typeof sampleDataset>) => void) => {
    const data = sampleDataset()
    change(data)
    const text = json(data)
    return { text, problems: problemsOf(text) }
  }

  it('reports an invalid EDTF date at the date', () => {
    const { text, problems } = broken((d) => (d.events[0]!.date.edtf = '2016-02-30'))
    expect(problems).toEqual([`${positionOf(text, '"2016-02-30"')} invalid EDTF date "2016-02-30": unexpected "3" at character 9`])
  })

  it('reports a date the timeline cannot place, and a year of 10,000 digits, saying which years it can place', () => {
    const { problems } = broken((d) => {
      d.events[0]!.date.edtf = 'Y300000'
      d.events[1]!.date.edtf = `Y1${'0'.repeat(9_999)}`
    })
    expect(problems.map((p) => p.replace(/^\S+ /, ''))).toEqual([
      'invalid EDTF date "Y300000": outside the years a timeline can place (-271820 to 275759)',
      `invalid EDTF date "Y1${'0'.repeat(37)}…": a year of 10000 digits is outside the years a timeline can place (-271820 to 275759)`,
    ])
  })

  it('reports an interval that ends before it starts', () => {
    const { problems } = broken((d) => (d.events[0]!.date.edtf = '2016-09-19/2016-09-17'))
    expect(problems[0]).toContain('the interval ends before it starts')
  })

  it('reports duplicate ids, pointing at the second one', () => {
    const { text, problems } = broken((d) => {
      d.events[1]!.id = 'convoy-attack'
      d.relations = []
    })
    const second = text.indexOf('"id": "convoy-attack"', text.indexOf('"id": "convoy-attack"') + 1)
    const line = text.slice(0, second).split('\n').length
    expect(problems).toEqual([`${line}:13 duplicate event id "convoy-attack" (already used by events[0])`])
  })

  it.each([
    ['a participant', (d: ReturnType<typeof sampleDataset>) => (d.events[0]!.participants![0]!.actor = 'rusia'), 'unknown actor "rusia": did you mean "russia"?'],
    ['partOf', (d: ReturnType<typeof sampleDataset>) => (d.actors[2]!.partOf = 'uk'), 'unknown actor "uk"'],
    ['a relation end', (d: ReturnType<typeof sampleDataset>) => (d.relations![0]!.to = 'convoy'), 'unknown event "convoy"'],
    ['an evidence source', (d: ReturnType<typeof sampleDataset>) => (d.events[0]!.evidence![0]!.source = 'reuters'), 'unknown source "reuters"'],
    ['a date anchor', (d: ReturnType<typeof sampleDataset>) => (d.events[0]!.date.anchor = 'afp'), 'unknown source "afp": did you mean "ap"?'],
  ])('reports a reference from %s that points nowhere', (_, change, message) => {
    const { problems } = broken(change)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.replace(/^\S+ /, '')).toBe(message)
  })

  it('reports a cycle in partOf once, at the actor of it that comes first', () => {
    const { text, problems } = broken((d) => {
      d.actors[0]!.partOf = 'kerry'
    })
    expect(problems).toEqual([`${positionOf(text, '"kerry"', '"id": "usa"')} actor "usa" is part of itself (usa → kerry → usa)`])
  })

  it('reports a cycle reached through actors outside it, from the actor of it that comes first', () => {
    const { problems } = broken((d) => {
      d.actors = [
        { id: 'envoy', name: 'Envoy', kind: 'person', partOf: 'ministry' },
        { id: 'government', name: 'Government', kind: 'government', partOf: 'ministry' },
        { id: 'ministry', name: 'Ministry', kind: 'government', partOf: 'government' },
        { id: 'usa', name: 'United States', kind: 'state', partOf: 'usa' },
        ...d.actors.slice(1),
      ]
    })
    expect(problems.map((p) => p.replace(/^\S+ /, ''))).toEqual([
      'actor "government" is part of itself (government → ministry → government)',
      'actor "usa" is part of itself (usa → usa)',
    ])
  })

  it('reports a relation from an event to itself, and inconsistent fatality figures', () => {
    const { problems } = broken((d) => {
      d.relations![0]!.from = 'convoy-attack'
      d.events[0]!.fatalities = { best: 5, low: 10, high: 8 }
    })
    expect(problems.map((p) => p.replace(/^\S+ /, ''))).toEqual([
      'fatalities best (5) is below low (10)',
      'fatalities low (10) is above high (8)',
      'relation "accuses" links event "convoy-attack" to itself',
    ])
  })
})

describe('validateDataset: hostile and huge input', () => {
  it('never lets __proto__ or constructor keys pollute prototypes', () => {
    const text = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "x-a": {"__proto__": {"polluted": true}}}'
    const result = validateDataset(text)
    expect(result.ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(result.problems.map((p) => p.message)).toContain(
      'unknown field "__proto__" (allowed: $schema, schemaVersion, id, title, description, language, sources, actors, events, relations, or a custom field starting with "x-")',
    )
  })

  it('rejects 200,000 levels of nesting with a clear message instead of crashing', () => {
    const text = '{"x-deep": ' + '['.repeat(200_000) + ']'.repeat(200_000) + '}'
    const problems = problemsOf(text)
    expect(problems).toEqual(['1:267 nesting deeper than 256 levels: this is not an event dataset'])
  })

  it('validates a 50 MB dataset', () => {
    const data = sampleDataset()
    const template = data.events[0]!
    const count = 110_000
    data.events = Array.from({ length: count }, (_, i) => ({ ...template, id: `event-${i}`, summary: 'x'.repeat(300) }))
    data.relations = [{ type: 'follows-up', from: 'event-1', to: `event-${count - 1}` }]
    const text = json(data)
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024)
    const result = validateDataset(text)
    expect(result.problems).toEqual([])
    expect(result.dataset?.events).toHaveLength(count)
  }, 60_000)

  it('reports 150,000 problems of one kind, rather than that the check failed', () => {
    const data = sampleDataset()
    data.relations = Array.from({ length: 150_000 }, (_, i) => ({ type: 'accuses' as const, from: 'convoy-attack', to: `gone-${i}` }))
    const { problems } = validateDataset(JSON.stringify(data))
    expect(problems[0]?.message).toBe('unknown event "gone-0"')
    expect(problemCount(problems)).toBe(150_000)
    // As long as the 50 MB checks beside it: it took 11 s while two other processes kept both cores busy.
  }, 60_000)

  it('reports problems in a 50 MB dataset at the right line', () => {
    const data = sampleDataset()
    const template = data.events[0]!
    data.events = Array.from({ length: 110_000 }, (_, i) => ({ ...template, id: `event-${i}`, summary: 'x'.repeat(300) }))
    data.relations = []
    ;(data.events[100_000] as { status: string }).status = 'done'
    const text = json(data)
    const [problem] = problemsOf(text)
    expect(problem!.startsWith(positionOf(text, '"done"'))).toBe(true)
  }, 60_000)
})

describe('validateDataset: many problems', () => {
  /** A dataset of `count` events, each with an invalid status. */
  const badStatuses = (count: number) => {
    const data = sampleDataset()
    const template = data.events[1]!
    data.events = Array.from({ length: count }, (_, i) => ({ ...template, id: `event-${i}`, status: 'planed' as 'planned' }))
    data.relations = []
    return json(data)
  }

  it('lists the first problems in file order, then one at the next that counts the rest', () => {
    const text = badStatuses(3000)
    const { problems } = validateDataset(text)
    expect(problems).toHaveLength(maxProblems + 1)
    expect(problems.slice(0, maxProblems).map((p) => p.path)).toEqual(Array.from({ length: maxProblems }, (_, i) => `/events/${i}/status`))
    const [line, column] = positionOf(text, '"planed"', `"id": "event-${maxProblems}"`).split(':').map(Number)
    expect(problems.at(-1)).toEqual({ path: `/events/${maxProblems}/status`, line, column, message: '…and 2000 more problems from here on, not listed', more: 2000 })
    expect(problemCount(problems)).toBe(3000)
  })

  it('suggests the id meant by each of thousands of references that point nowhere, among thousands of ids', () => {
    const data = sampleDataset()
    data.actors = Array.from({ length: 3000 }, (_, i) => ({ id: `actor-${i}`, name: `Actor ${i}`, kind: 'state' as const }))
    const template = data.events[1]!
    data.events = Array.from({ length: 4000 }, (_, i) => ({ ...template, id: `event-${i}`, participants: [{ actor: i % 2 ? `ghost-${i}` : `actr-${i}`, role: 'speaker' as const }] }))
    data.relations = []
    const { problems } = validateDataset(json(data))
    expect(problemCount(problems)).toBe(4000)
    expect(problems.slice(0, 4).map((p) => p.message)).toEqual([
      'unknown actor "actr-0": did you mean "actor-0"?',
      'unknown actor "ghost-1"',
      'unknown actor "actr-2": did you mean "actor-2"?',
      'unknown actor "ghost-3"',
    ])
    expect(problems[998]?.message).toBe('unknown actor "actr-998": did you mean "actor-998"?')
  })

  it('reports 2,000 actors in one partOf cycle once, naming the first few', () => {
    const data = sampleDataset()
    data.actors = Array.from({ length: 2000 }, (_, i) => ({ id: `actor-${i}`, name: `Actor ${i}`, kind: 'state' as const, partOf: `actor-${(i + 1) % 2000}` }))
    data.events.forEach((e) => (e.participants = []))
    const { problems } = validateDataset(json(data))
    expect(problems.map((p) => `${p.path} ${p.message}`)).toEqual([
      '/actors/0/partOf actor "actor-0" is part of itself (actor-0 → actor-1 → actor-2 → actor-3 → actor-4 → … 1995 more → actor-0)',
    ])
  })

  it('reports each of a thousand small partOf cycles once', () => {
    const data = sampleDataset()
    // Each actor is part of the next of its three; the second of each three comes first in the list.
    data.actors = Array.from({ length: 3000 }, (_, i) => {
      const three = i - (i % 3)
      const order = [1, 0, 2][i % 3]!
      return { id: `actor-${three + order}`, name: 'Actor', kind: 'state' as const, partOf: `actor-${three + ((order + 1) % 3)}` }
    })
    data.events.forEach((e) => (e.participants = []))
    const { problems } = validateDataset(json(data))
    expect(problems).toHaveLength(1000)
    expect(problems.slice(0, 2).map((p) => `${p.path} ${p.message}`)).toEqual([
      '/actors/0/partOf actor "actor-1" is part of itself (actor-1 → actor-2 → actor-0 → actor-1)',
      '/actors/3/partOf actor "actor-4" is part of itself (actor-4 → actor-5 → actor-3 → actor-4)',
    ])
  })

  it('lists every problem when there are no more than it lists', () => {
    const { problems } = validateDataset(badStatuses(maxProblems))
    expect(problems).toHaveLength(maxProblems)
    expect(problems.filter((p) => p.more !== undefined)).toEqual([])
    expect(problemCount(problems)).toBe(maxProblems)
  })
})

describe('validateValue', () => {
  it('accepts a valid dataset object as it is, without copying it', () => {
    const data = sampleDataset()
    const result = validateValue(data)
    expect(result.ok).toBe(true)
    expect(result.dataset).toBe(data)
  })

  it('gives an invalid object\'s problems lines and columns in its indented JSON', () => {
    const data = sampleDataset() as unknown as { events: Array<{ status: string }> }
    data.events[1]!.status = 'planed'
    const text = json(data)
    const [problem] = validateValue(data).problems
    expect(`${problem!.line}:${problem!.column} ${problem!.message}`).toMatch(new RegExp(`^${positionOf(text, '"planed"')} invalid status`))
  })

  it('judges values JSON cannot hold by their JSON form, and reports cycles', () => {
    const data = sampleDataset() as unknown as { sources: Array<{ datePublished: unknown }> }
    data.sources[0]!.datePublished = new Date(Date.UTC(2016, 8, 20))
    expect(validateValue(data).problems[0]?.message).toBe('invalid datePublished "2016-09-20T00:00:00.000Z" (expected a calendar date as YYYY-MM-DD)')
    const cyclic = sampleDataset() as unknown as Record<string, unknown>
    cyclic.title = cyclic
    expect(validateValue(cyclic).problems[0]?.message).toMatch(/^the data cannot be written as JSON: .*circular/i)
  })
})

describe('validateValueInSteps', () => {
  /** A pause that counts itself; a budget of 0 ms pauses after every step. */
  const counter = () => {
    const pause = async () => void pause.calls++
    pause.calls = 0
    return pause
  }

  it('accepts a large valid dataset as it is, pausing between steps', async () => {
    const data = syntheticDataset(2000)
    const pause = counter()
    const result = await validateValueInSteps(data, pause, 0)
    expect(result.ok).toBe(true)
    expect(result.dataset).toBe(data)
    // Ten schema slices and ten integrity steps of 200 events, less the first of each.
    expect(pause.calls).toBeGreaterThanOrEqual(18)
  })

  it('finds a schema problem in the last slice, with the line and column validateValue gives', async () => {
    const data = syntheticDataset(1000) as unknown as { events: Array<{ status: string }> }
    data.events[999]!.status = 'planed'
    const result = await validateValueInSteps(data, counter(), 0)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual(validateValue(data).problems)
    expect(result.problems[0]?.message).toMatch(/invalid status "planed"/)
  })

  it('finds a problem outside the events, and one only the integrity checks see', async () => {
    const top = sampleDataset() as unknown as Record<string, unknown>
    top.title = 42
    expect((await validateValueInSteps(top, counter(), 0)).problems).toEqual(validateValue(top).problems)
    const dangling = syntheticDataset(500)
    dangling.events[450]!.participants = [{ actor: 'nobody', role: 'perpetrator' }]
    const result = await validateValueInSteps(dangling, counter(), 0)
    expect(result.problems.map((p) => p.message)).toEqual(['unknown actor "nobody"'])
    expect(result.problems).toEqual(validateValue(dangling).problems)
  })

  it('gives what validateValue gives for values that are not datasets', async () => {
    for (const value of [null, 42, 'text', [], { events: 'none' }, { ...sampleDataset(), events: [null] }]) {
      expect(await validateValueInSteps(value, counter(), 0)).toEqual(validateValue(value))
    }
  })

  it('does not pause while its time budget lasts', async () => {
    const pause = counter()
    expect((await validateValueInSteps(sampleDataset(), pause, 60_000)).ok).toBe(true)
    expect(pause.calls).toBe(0)
  })
})

describe('validateDatasetInSteps', () => {
  const pause = async () => {}
  const same = async (text: string) => expect(await validateDatasetInSteps(text, pause, 0)).toEqual(validateDataset(text))

  it('gives what validateDataset gives, for valid text and for every kind of problem', async () => {
    const valid = json(syntheticDataset(600))
    const result = await validateDatasetInSteps(valid, pause, 0)
    expect(result.ok).toBe(true)
    await same(valid)
    await same(valid.replace('"status": "occurred"', '"status": "done"'))
    await same(valid.slice(0, -10))
    await same(valid.replace('"title": "Synthetic', '"title": "Twice", "title": "Synthetic'))
    await same(valid.replace('"relations": [', '"x-deep": ' + '['.repeat(300) + ']'.repeat(300) + ', "relations": ['))
    await same('\ufeff' + valid)
    await same('')
    await same('[]')
  })

  it('uses the parsed value it is given rather than parsing again', async () => {
    const data = sampleDataset()
    const result = await validateDatasetInSteps(json(data), pause, 0, data)
    expect(result.dataset).toBe(data)
  })
})

describe('keyTwiceOrTooDeep', () => {
  const answer = (text: string, limit?: number) => {
    const steps = keyTwiceOrTooDeep(text, limit, 4)
    let r = steps.next()
    while (!r.done) r = steps.next()
    return r.value
  }

  it('finds a key given twice in one object, however it is escaped', () => {
    expect(answer('{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}')).toBe(false)
    expect(answer('{"a": 1, "b": 2, "a": 3}')).toBe(true)
    expect(answer('{"a": 1, "\\u0061": 2}')).toBe(true)
    expect(answer('{"list": ["a", "a"], "x": {"y": "a,a"}}')).toBe(false)
    expect(answer('{"s": "\\"{\\"", "t": {"k": 1, "k": 2}}')).toBe(true)
  })

  it('finds nesting deeper than the limit', () => {
    expect(answer('[[[]]]', 3)).toBe(false)
    expect(answer('[[[[]]]]', 3)).toBe(true)
    expect(answer('{"a": {"b": {"c": {}}}}', 3)).toBe(true)
  })
})
