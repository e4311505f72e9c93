import { describe, expect, it } from 'vitest'
// Only the core: this file's modules are its own, so the general grammar is not installed until imported below.
import { resolveEdtf } from '../../src/dates/edtf.ts'

describe('resolveEdtf before the general EDTF grammar is loaded', () => {
  it('resolves the common forms by itself', () => {
    for (const text of ['2016-09-19', '2016-09~', '2011?', '2016-09-17/2016-09-18', '../2016-09-18', '[2016-09-17..2016-09-18]']) {
      expect(resolveEdtf(text)).toMatchObject({ ok: true })
    }
    expect(resolveEdtf('2016-09-19')).toMatchObject({ ok: true, date: { precision: 'day', shape: 'point' } })
  })

  it('says which forms need the grammar, and resolves them once it is loaded', async () => {
    for (const text of ['2016-21', '2016-09-19T19:30:00Z', '201X', '{2016-09-17,2016-09-20}']) {
      expect(resolveEdtf(text)).toEqual({ ok: false, grammarNeeded: true, message: `"${text}" needs the general EDTF grammar, which is not loaded` })
    }
    await import('../../src/dates/edtf-grammar.ts')
    expect(resolveEdtf('2016-21')).toMatchObject({ ok: true, date: { precision: 'season' } })
    expect(resolveEdtf('2016-09-19T19:30:00Z')).toMatchObject({ ok: true, date: { precision: 'time', earliest: Date.UTC(2016, 8, 19, 19, 30) } })
    expect(resolveEdtf('201X')).toMatchObject({ ok: true, date: { precision: 'decade' } })
    expect(resolveEdtf('2016-13')).toMatchObject({ ok: false, message: expect.stringMatching(/^invalid EDTF date "2016-13"/) })
  })
})
