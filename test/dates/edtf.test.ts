import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import '../../src/dates/edtf-grammar.ts'
import { quickBounds, resolveEdtf, resolveInGeneral, type DateResult, type QuickBounds } from '../../src/dates/edtf.ts'
import { rejection, resolved, utcDay } from './helpers.ts'

describe('resolveEdtf: single dates', () => {
  it('a day resolves to its whole UTC day', () => {
    const date = resolved('2016-09-19')
    expect(date.earliest).toBe(Date.UTC(2016, 8, 19))
    expect(date.latest).toBe(Date.UTC(2016, 8, 20) - 1)
    expect(date).toMatchObject({
      edtf: '2016-09-19',
      precision: 'day',
      shape: 'point',
      approximate: false,
      uncertain: false,
      openStart: false,
      openEnd: false,
    })
    expect(date.parts).toHaveLength(1)
    expect(date.parts[0]).toMatchObject({ earliest: date.earliest, latest: date.latest, precision: 'day' })
  })

  it('a month resolves from its first to its last millisecond', () => {
    const date = resolved('2016-09')
    expect(date.precision).toBe('month')
    expect(date.earliest).toBe(Date.UTC(2016, 8, 1))
    expect(date.latest).toBe(Date.UTC(2016, 9, 1) - 1)
  })

  it('a year resolves to the whole calendar year', () => {
    const date = resolved('2011')
    expect(date.precision).toBe('year')
    expect(date.shape).toBe('point')
    expect(date.earliest).toBe(Date.UTC(2011, 0, 1))
    expect(date.latest).toBe(Date.UTC(2012, 0, 1) - 1)
  })

  it('29 February resolves in a leap year', () => {
    expect([resolved('2016-02-29').earliest, resolved('2016-02-29').latest]).toEqual(utcDay(2016, 2, 29))
    expect(resolved('2000-02-29').earliest).toBe(Date.UTC(2000, 1, 29))
  })

  it('year 1 resolves without being read as 1901', () => {
    const date = resolved('0001-01-01')
    expect([date.earliest, date.latest]).toEqual(utcDay(1, 1, 1))
    expect(new Date(date.earliest).getUTCFullYear()).toBe(1)
  })

  it('a time with a zone resolves to that instant at time precision', () => {
    const date = resolved('2016-09-19T10:30:00Z')
    expect(date.precision).toBe('time')
    expect(date.earliest).toBe(Date.UTC(2016, 8, 19, 10, 30))
    expect(date.latest).toBe(date.earliest)
    expect(resolved('2016-09-19T10:30:00+05:00').earliest).toBe(Date.UTC(2016, 8, 19, 5, 30))
  })

  it('a time without a zone offset does not depend on the zone the code runs in', () => {
    // Rejected with a reason rather than read in the machine's zone.
    expect(resolveEdtf('1985-04-12T23:20:30')).toEqual({ ok: false, message: 'invalid EDTF date "1985-04-12T23:20:30": a time needs a zone, such as Z or +02:00' })
  })

  it('a season resolves at season precision', () => {
    const date = resolved('2016-21')
    expect(date.precision).toBe('season')
    expect(date.earliest).toBeGreaterThanOrEqual(Date.UTC(2016, 0, 1))
    expect(date.latest).toBeLessThan(Date.UTC(2017, 0, 1))
  })
})

describe('resolveEdtf: qualifiers', () => {
  it('a trailing ~ marks the date approximate but keeps its bounds', () => {
    const date = resolved('2016-09-13~')
    expect(date).toMatchObject({ approximate: true, uncertain: false, precision: 'day' })
    expect([date.earliest, date.latest]).toEqual(utcDay(2016, 9, 13))
  })

  it('a trailing ? marks the date uncertain', () => {
    expect(resolved('2016-09-20?')).toMatchObject({ approximate: false, uncertain: true, precision: 'day' })
  })

  it('a trailing % marks the date both approximate and uncertain', () => {
    expect(resolved('2016-09-20%')).toMatchObject({ approximate: true, uncertain: true })
  })

  it('a level-2 qualifier on one component marks the date uncertain', () => {
    for (const text of ['2016-?09-19', '?2016-09-19', '2016-09-?19']) {
      const date = resolved(text)
      expect(date.uncertain, text).toBe(true)
      expect(date.approximate, text).toBe(false)
      expect([date.earliest, date.latest], text).toEqual(utcDay(2016, 9, 19))
    }
  })

  it('a level-2 approximate year component marks the date approximate', () => {
    expect(resolved('2016~-09-19')).toMatchObject({ approximate: true, uncertain: false, precision: 'day' })
  })
})

describe('resolveEdtf: unspecified digits', () => {
  it('one unspecified year digit is a decade', () => {
    const date = resolved('201X')
    expect(date.precision).toBe('decade')
    expect(date.earliest).toBe(Date.UTC(2010, 0, 1))
    expect(date.latest).toBe(Date.UTC(2020, 0, 1) - 1)
  })

  it('two unspecified year digits are a century', () => {
    const date = resolved('19XX')
    expect(date.precision).toBe('century')
    expect(date.earliest).toBe(Date.UTC(1900, 0, 1))
    expect(date.latest).toBe(Date.UTC(2000, 0, 1) - 1)
  })

  it('an unspecified day leaves month precision over the whole month', () => {
    const date = resolved('2016-09-XX')
    expect(date.precision).toBe('month')
    expect(date.earliest).toBe(Date.UTC(2016, 8, 1))
    expect(date.latest).toBe(Date.UTC(2016, 9, 1) - 1)
  })

  it('an unspecified month and day leave year precision', () => {
    for (const text of ['2016-XX', '2016-XX-XX']) {
      const date = resolved(text)
      expect(date.precision, text).toBe('year')
      expect(date.earliest, text).toBe(Date.UTC(2016, 0, 1))
      expect(date.latest, text).toBe(Date.UTC(2017, 0, 1) - 1)
    }
  })
})

describe('resolveEdtf: intervals', () => {
  it('a closed interval spans from the start of its first day to the end of its last', () => {
    const date = resolved('2016-09-17/2016-09-18')
    expect(date.shape).toBe('span')
    expect(date.precision).toBe('day')
    expect(date.earliest).toBe(Date.UTC(2016, 8, 17))
    expect(date.latest).toBe(Date.UTC(2016, 8, 19) - 1)
    expect(date.parts).toHaveLength(2)
    expect(date.parts[0]).toMatchObject({ earliest: Date.UTC(2016, 8, 17), latest: Date.UTC(2016, 8, 18) - 1 })
    expect(date.parts[1]).toMatchObject({ earliest: Date.UTC(2016, 8, 18), latest: Date.UTC(2016, 8, 19) - 1 })
    expect(date.openStart || date.openEnd).toBe(false)
  })

  it('an interval of months spans both months', () => {
    const date = resolved('2016-09/2016-10')
    expect(date.precision).toBe('month')
    expect(date.earliest).toBe(Date.UTC(2016, 8, 1))
    expect(date.latest).toBe(Date.UTC(2016, 10, 1) - 1)
  })

  it('an interval takes the coarser precision of its two ends', () => {
    expect(resolved('2016/2016-09').precision).toBe('year')
    expect(resolved('2016-09/2016-09-17').precision).toBe('month')
  })

  it('a span ends when its end ends, even when the start is coarser', () => {
    expect(resolved('2016/2016-09').latest).toBe(Date.UTC(2016, 9, 1) - 1)
    expect(resolved('2016-09/2016-09-17').latest).toBe(Date.UTC(2016, 8, 18) - 1)
  })

  it('a span starts when its start starts, even when the end is coarser', () => {
    expect(resolved('2016-09-17/2016-09').earliest).toBe(Date.UTC(2016, 8, 17))
  })

  it('an interval with an open end ("..") is open at that end and bounded by the known end', () => {
    const from = resolved('2016-09-17/..')
    expect(from).toMatchObject({ shape: 'span', openStart: false, openEnd: true })
    expect(from.parts[1]).toBeNull()
    expect([from.earliest, from.latest]).toEqual(utcDay(2016, 9, 17))

    const until = resolved('../2016-09-18')
    expect(until).toMatchObject({ shape: 'span', openStart: true, openEnd: false })
    expect(until.parts[0]).toBeNull()
    expect([until.earliest, until.latest]).toEqual(utcDay(2016, 9, 18))
  })

  it('an interval with an unknown end ("") is treated like an open one', () => {
    expect(resolved('2016-09-17/')).toMatchObject({ openStart: false, openEnd: true, earliest: Date.UTC(2016, 8, 17) })
    expect(resolved('/2016-09-18')).toMatchObject({ openStart: true, openEnd: false, earliest: Date.UTC(2016, 8, 18) })
  })

  it('an interval with neither end known is rejected', () => {
    expect(rejection('../..')).toContain('needs at least one end')
    expect(rejection('/')).toContain('"/"')
  })

  it('an interval of one day equals that day', () => {
    expect(resolved('2016-09-17/2016-09-17')).toMatchObject({ earliest: Date.UTC(2016, 8, 17), latest: Date.UTC(2016, 8, 18) - 1 })
  })

  it('a qualifier on either end makes the interval approximate or uncertain', () => {
    expect(resolved('2016-09-17~/2016-09-18')).toMatchObject({ approximate: true, uncertain: false })
    expect(resolved('2016-09-17/2016-09-18?')).toMatchObject({ approximate: false, uncertain: true })
  })

  it('an interval that ends before it starts is rejected with a message saying so', () => {
    const message = rejection('2016-09-18/2016-09-17')
    expect(message).toContain('2016-09-18/2016-09-17')
    expect(message).toContain('ends before it starts')
  })
})

describe('resolveEdtf: sets and lists', () => {
  it('a one-of range [a..b] is a single ranged candidate from a to b', () => {
    const date = resolved('[2016-09-17..2016-09-18]')
    expect(date).toMatchObject({ shape: 'one-of', precision: 'day', openStart: false, openEnd: false })
    expect(date.earliest).toBe(Date.UTC(2016, 8, 17))
    expect(date.latest).toBe(Date.UTC(2016, 8, 19) - 1)
    expect(date.parts).toHaveLength(1)
    expect(date.parts[0]).toMatchObject({ range: true, earliest: Date.UTC(2016, 8, 17), latest: Date.UTC(2016, 8, 19) - 1 })
  })

  it('a one-of list [a, b] has one candidate per member', () => {
    for (const text of ['[2016-09-17, 2016-09-18]', '[2016-09-17,2016-09-18]']) {
      const date = resolved(text)
      expect(date.shape, text).toBe('one-of')
      expect(date.parts, text).toHaveLength(2)
      expect(date.parts.every((p) => p !== null && !p.range), text).toBe(true)
      expect([date.earliest, date.latest], text).toEqual([Date.UTC(2016, 8, 17), Date.UTC(2016, 8, 19) - 1])
    }
  })

  it('a one-of set can mix ranges and single dates', () => {
    const date = resolved('[2016-09-17..2016-09-18, 2016-09-20]')
    expect(date.parts).toHaveLength(2)
    expect(date.parts[0]?.range).toBe(true)
    expect(date.parts[1]?.range).toBeFalsy()
    expect(date.latest).toBe(Date.UTC(2016, 8, 21) - 1)
  })

  it('a one-of set of years has year precision', () => {
    expect(resolved('[2016, 2017]')).toMatchObject({ precision: 'year', earliest: Date.UTC(2016, 0, 1), latest: Date.UTC(2018, 0, 1) - 1 })
  })

  it('a one-of set open at the start or end says so', () => {
    expect(resolved('[..2016-09-18]')).toMatchObject({ shape: 'one-of', openStart: true, openEnd: false })
    expect(resolved('[2016-09-17..]')).toMatchObject({ shape: 'one-of', openStart: false, openEnd: true })
  })

  it('an all-of list {a,b} covers every member', () => {
    const date = resolved('{2016-09-17,2016-09-18}')
    expect(date.shape).toBe('all-of')
    expect(date.parts).toHaveLength(2)
    expect(date.earliest).toBe(Date.UTC(2016, 8, 17))
    expect(date.latest).toBe(Date.UTC(2016, 8, 19) - 1)
  })

  it('a set whose range ends before it starts is rejected', () => {
    const message = rejection('[2016-09-18..2016-09-17]')
    expect(message).toContain('[2016-09-18..2016-09-17]')
    expect(message).toContain('a range in the set ends before it starts')
  })
})

describe('resolveEdtf: bad input', () => {
  it('an empty or blank string is rejected as empty', () => {
    expect(rejection('')).toBe('empty EDTF date')
    expect(rejection('   ')).toBe('empty EDTF date')
  })

  it('a non-string is rejected instead of throwing', () => {
    expect(resolveEdtf(undefined as unknown as string).ok).toBe(false)
    expect(resolveEdtf(20160919 as unknown as string).ok).toBe(false)
  })

  it('month 13 is rejected, naming the input and the character', () => {
    const message = rejection('2016-13')
    expect(message).toContain('"2016-13"')
    expect(message).toMatch(/character 7/)
  })

  it('30 February is rejected, naming the input and the offending character', () => {
    const message = rejection('2016-02-30')
    expect(message).toContain('"2016-02-30"')
    expect(message).toContain('"3"')
    expect(message).toMatch(/at character 9\b/)
  })

  it('other impossible days and months are rejected', () => {
    for (const text of ['2016-09-31', '2016-00', '2016-09-00']) expect(resolveEdtf(text).ok, text).toBe(false)
  })

  it('29 February is rejected in a year that is not a leap year', () => {
    for (const text of ['2015-02-29', '2100-02-29', '1900-02-29']) expect(resolveEdtf(text).ok, text).toBe(false)
  })

  it('text that is not a date is rejected at its first character', () => {
    const message = rejection('abc')
    expect(message).toContain('"abc"')
    expect(message).toMatch(/"a" at character 1/)
  })

  it('leading spaces are not trimmed away', () => {
    const message = rejection('  2016')
    expect(message).toContain('"  2016"')
    expect(message).toMatch(/character 1/)
  })

  it('a year beyond the dates a timeline can place is rejected, naming the years it can', () => {
    for (const text of ['Y300000', 'Y-300000', 'Y275760', 'Y-271821', 'Y17E7']) {
      expect(rejection(text)).toBe(`invalid EDTF date "${text}": outside the years a timeline can place (-271820 to 275759)`)
    }
    expect(resolved('Y275759').latest).toBe(Date.UTC(275760, 0, 1) - 1)
    expect(resolved('Y-271820').earliest).toBe(Date.UTC(-271820, 0, 1))
  })

  it('a year of ten thousand digits is rejected at once, quoted cut short', () => {
    // Different years, so that none is answered from the cache.
    for (let first = 1; first <= 9; first++) {
      expect(rejection(`Y${first}`.padEnd(10_001, '0'))).toBe(
        `invalid EDTF date "Y${first}${'0'.repeat(37)}…": a year of 10000 digits is outside the years a timeline can place (-271820 to 275759)`,
      )
    }
  })

  it('a text longer than any date is rejected without being read', () => {
    expect(rejection(`[2016,${' '.repeat(10_000)}2017]`)).toBe(`invalid EDTF date "[2016,${' '.repeat(33)}…": 10011 characters, where a date has at most 200`)
  })
})

describe('resolveEdtf never throws', () => {
  const wellFormed = (result: DateResult) => {
    expect(typeof result.ok).toBe('boolean')
    if (result.ok) {
      expect(Number.isFinite(result.date.earliest)).toBe(true)
      expect(Number.isFinite(result.date.latest)).toBe(true)
      expect(result.date.earliest).toBeLessThanOrEqual(result.date.latest)
    } else {
      expect(typeof result.message).toBe('string')
    }
    return true
  }

  it('returns a result for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => wellFormed(resolveEdtf(s))))
  })

  it('returns a result for any string of EDTF characters', () => {
    const edtfChar = fc.constantFrom(...'0123456789-/.~?%X[]{},'.split(''))
    fc.assert(fc.property(fc.string({ unit: edtfChar, maxLength: 30 }), (s) => wellFormed(resolveEdtf(s))), { numRuns: 400 })
  })

  it('returns a result for any year written with Y, with bounds a JavaScript date can hold', () => {
    fc.assert(fc.property(fc.integer({ min: -1e7, max: 1e7 }), (year) => wellFormed(resolveEdtf(`Y${year}`))), { numRuns: 2000 })
  })

  it('returns a result for any sequence of EDTF fragments', () => {
    const fragment = fc.constantFrom('2016', '-09', '-19', '-02', '-30', '..', '/', '~', '?', '%', 'X', '[', ']', '{', '}', ',', '-2', '1')
    fc.assert(fc.property(fc.array(fragment, { maxLength: 12 }).map((a) => a.join('')), (s) => wellFormed(resolveEdtf(s))), { numRuns: 400 })
  })
})

describe('the shortcut for common forms', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0')

  it('resolves every day of four years (a leap year among them) as the general path does', () => {
    for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2019, 0, 1); t += 86_400_000) {
      const text = new Date(t).toISOString().slice(0, 10)
      expect(resolveEdtf(text), text).toEqual(resolveInGeneral(text))
    }
  })

  it('agrees with the general path on generated day-shaped text, impossible days and early years included', () => {
    const text = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)
    fc.assert(fc.property(text, (t) => {
      expect(resolveEdtf(t), t).toEqual(resolveInGeneral(t))
    }), { numRuns: 600 })
  })
})

describe('the shortcut for common forms, against the edtf package\'s grammar', () => {
  const corpus = [
    '2016', '2016-09', '2016-09-19', '2016-09-19~', '2016-09?', '2011%', '0000', '0044-03-15', '2016-02-29', '2016-12-31',
    '2016-09-17/2016-09-18', '2016-09-17/..', '../2016-09-18', '2016-09-17/', '/2016-09-18', '2016-09~/2016-10-03',
    '2011~/..', '[2016-09-17..2016-09-18]', '[2016-09..2016-10]', '2016-09-19%/2016-09-20~', '[2016-09-17..2016-09-17]',
    '[2016-09-18..2016-09-17]', '2016-09-18/2016-09-17', '/..', '2016//', '2016-02-30', '[2016-09~..2016-10]',
  ]

  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  const date = fc
    .tuple(fc.integer({ min: 0, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('', '~', '?', '%'))
    .map(([y, m, d, q]) => `${pad(y, 4)}${m ? `-${pad(m, 2)}${d ? `-${pad(d, 2)}` : ''}` : ''}${q}`)
  const form = fc.oneof(
    date,
    fc.tuple(fc.oneof(date, fc.constantFrom('..', '')), fc.oneof(date, fc.constantFrom('..', ''))).map(([a, b]) => `${a}/${b}`),
    fc.tuple(date, date).map(([a, b]) => `[${a}..${b}]`),
  )

  it('resolves generated dates, intervals and ranges exactly as the general path does', () => {
    for (const text of corpus) expect(resolveEdtf(text), text).toEqual(resolveInGeneral(text))
    fc.assert(
      fc.property(form, (text) => {
        expect(resolveEdtf(text), text).toEqual(resolveInGeneral(text))
      }),
      { numRuns: 1000 },
    )
  })

  it('resolves any string of date characters exactly as the general path does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9\-/.~?%[\]]{1,24}$/), (text) => {
        expect(resolveEdtf(text), text).toEqual(resolveInGeneral(text))
      }),
      { numRuns: 1000 },
    )
  })

  // Reused for every date, as drawing thousands of events does; filled with a stale date first.
  const out: QuickBounds = { earliest: -1, latest: -1, shape: 'all-of', approximate: true, uncertain: true }
  /** What quickBounds gives for a date the general path resolves, or false. */
  const expectedBounds = (text: string): QuickBounds | false => {
    const general = resolveInGeneral(text)
    if (!general.ok) return false
    const { earliest, latest, shape, approximate, uncertain } = general.date
    return { earliest, latest, shape, approximate, uncertain }
  }

  it('gives, without building a date, the bounds, shape and qualifiers of the general path for every common form, and false for a wrong one', () => {
    const check = (text: string) => {
      const expected = expectedBounds(text)
      expect(quickBounds(text, out), text).toBe(expected !== false)
      if (expected) expect({ ...out }, text).toEqual(expected)
    }
    for (const text of corpus) check(text)
    expect(quickBounds('2016-09-17/2016-09-18', out)).toBe(true)
    expect(out).toEqual({ earliest: Date.UTC(2016, 8, 17), latest: Date.UTC(2016, 8, 19) - 1, shape: 'span', approximate: false, uncertain: false })
    expect(quickBounds('[2016-09-18..2016-09-17]', out)).toBe(false)
    expect(quickBounds('2016-02-30', out)).toBe(false)
    fc.assert(fc.property(form, (text) => check(text)), { numRuns: 1000 })
  })
})

describe('plain dates', () => {
  it('get the same bounds as the edtf package gives them', async () => {
    const { default: edtf } = await import('edtf')
    for (const text of ['2016', '2016-02', '2016-02-29', '2016-12', '2016-12-31', '0000', '0001-01-01', '1999-12-31', '2016-09-13~', '2011?']) {
      const date = resolved(text)
      const reference = edtf(text)
      expect([date.earliest, date.latest], text).toEqual([reference.min, reference.max])
    }
  })
})
