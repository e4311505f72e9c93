import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { resolveRelativePhrase } from '../../src/dates/index.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { validateDataset } from '../../src/validate/index.ts'
import { formatJson } from '../../src/format/format.ts'

const text = readFileSync(new URL('../../data/syria-truce-2016-09.json', import.meta.url), 'utf8')
const result = validateDataset(text)
const dataset = result.dataset as EventDataset
const event = (id: string) => dataset.events.find((e) => e.id === id)!

// The article lives in the shared folder beside the checkout (it is not ours to redistribute).
const articleUrl = new URL('../../../shared/sources/syria-truce-article-2016-09-20.txt', import.meta.url)
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('the Syria truce dataset', () => {
  it('is formatted as `diplomatic-timeline format` writes it', () => {
    expect(formatJson(text)).toBe(text)
  })

  it('is valid', () => {
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('resolves every relative date phrase from its anchor source to the stored EDTF', () => {
    const published = new Map(dataset.sources.map((s) => [s.id, s.datePublished]))
    const mismatches = dataset.events.flatMap((e) => {
      const tense = e.status === 'planned' ? 'future' : 'past'
      const resolved = resolveRelativePhrase(e.date.text ?? '', published.get(e.date.anchor ?? '') ?? '', { tense })
      return resolved === e.date.edtf ? [] : [`${e.id}: "${e.date.text}" → ${resolved}, stored ${e.date.edtf}`]
    })
    expect(mismatches).toEqual([])
  })

  it.skipIf(!existsSync(articleUrl))('quotes the article exactly in every evidence item', () => {
    const article = collapse(readFileSync(articleUrl, 'utf8'))
    const quotes = dataset.events.flatMap((e) => (e.evidence ?? []).map((q) => [e.id, q.quote] as const))
    expect(quotes.length).toBeGreaterThanOrEqual(dataset.events.length)
    expect(quotes.filter(([, quote]) => !article.includes(collapse(quote)))).toEqual([])
  })

  it('gives every event evidence, actors, a CAMEO code and a dated phrase from the article', () => {
    const incomplete = dataset.events.filter(
      (e) => !e.evidence?.length || !e.participants?.length || !e.codes?.cameo || !e.date.text || e.date.anchor !== 'ap-2016-09-20',
    )
    expect(incomplete.map((e) => e.id)).toEqual([])
  })

  it('covers the events the article reports', () => {
    expect(dataset.events.length).toBeGreaterThanOrEqual(18)
    expect(event('convoy-attack')).toMatchObject({ status: 'occurred', date: { edtf: '2016-09-19', text: 'Monday' }, fatalities: { best: 20, approximate: true, group: 'civilians' } })
    expect(event('coalition-air-strike')).toMatchObject({ date: { edtf: '[2016-09-17..2016-09-18]' }, fatalities: { best: 62 } })
    expect(event('friday-meeting')).toMatchObject({ status: 'planned', date: { edtf: '2016-09-23', text: 'Friday' } })
    expect(event('kerry-lavrov-deal').date.edtf).toBe('[2016-09-01..2016-09-19]')
    expect(event('truce-begins').date.edtf).toBe('2016-09-13~')
    expect(event('joint-center-envisioned').status).toBe('cancelled')
    expect(event('syrian-civil-war')).toMatchObject({ status: 'ongoing', date: { edtf: '2011~' } })
    for (const id of ['government-declares-truce-over', 'kirby-statement', 'un-suspends-aid', 'kerry-lavrov-hotel-meeting', 'issg-meeting', 'russia-syria-deny', 'us-blames-russia-syria']) {
      expect(event(id), id).toBeDefined()
    }
  })

  it('marks the convoy attack perpetrators as alleged, not established', () => {
    const perpetrators = event('convoy-attack').participants!.filter((p) => p.role === 'perpetrator')
    expect(perpetrators.map((p) => [p.actor, p.attribution])).toEqual([['russia', 'alleged'], ['syria', 'alleged']])
  })

  it('links the accusation and the denial to the attack, the Friday meeting to Tuesday, and the truce to the deal', () => {
    const links = (dataset.relations ?? []).map((r) => `${r.from} ${r.type} ${r.to}`)
    expect(links).toEqual(expect.arrayContaining([
      'us-blames-russia-syria accuses convoy-attack',
      'russia-syria-deny denies convoy-attack',
      'friday-meeting follows-up issg-meeting',
      'truce-begins follows-from kerry-lavrov-deal',
    ]))
  })

  it('keeps outside knowledge in x-note fields that say so', () => {
    const notes = dataset.events.flatMap((e) => (typeof e['x-note'] === 'string' ? [e['x-note']] : []))
    expect(notes.length).toBeGreaterThan(0)
    expect(notes.filter((n) => !n.startsWith('Outside the article:'))).toEqual([])
  })

  it('gives people their office and the state or organisation they belong to', () => {
    const people = dataset.actors.filter((a) => a.kind === 'person')
    expect(people.length).toBeGreaterThanOrEqual(5)
    expect(people.filter((p) => !p.role || !p.partOf).map((p) => p.id)).toEqual([])
  })
})
