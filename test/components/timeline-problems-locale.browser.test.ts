import { afterEach, describe, expect, it } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import type { EventDataset } from '../../src/model/index.ts'
import { sampleDataset } from '../fixtures/dataset.ts'

/** A timeline in `locale` given `data`, once its check has settled. */
async function mount(data: unknown, locale: string): Promise<DiplomaticTimeline> {
  const el = document.createElement('diplomatic-timeline')
  el.setAttribute('locale', locale)
  el.style.width = '1000px'
  el.data = data
  document.body.append(el)
  await el.updateComplete
  await el.validation
  await el.updateComplete
  return el
}

/** Text with its runs of spaces (the no-break and narrow ones French puts before ":" and "?" too) as one plain space. */
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim()
/** The problems the alert lists, each without its "line L, column C: " in the element's words. */
const listed = (el: DiplomaticTimeline, frame: RegExp) => [...el.shadowRoot!.querySelectorAll('[part="error"] li')].map((li) => text(li)!.replace(frame, ''))
const french = /^ligne \d+, colonne \d+ : /

/** Problems JSON Schema finds: an unknown field that looks like a known one, a status that is none, an actor without its kind. */
function schemaProblems(): EventDataset {
  const data = sampleDataset()
  Object.assign(data.events[0]!, { titel: 'typo' })
  data.events[1]!.status = 'planed' as 'planned'
  delete (data.actors[1] as Partial<EventDataset['actors'][number]>).kind
  return data
}

/** Problems only the validator's own checks find: an id given twice, and a day February 2015 did not have. */
function integrityProblems(): EventDataset {
  const data = sampleDataset()
  data.events[1]!.id = 'convoy-attack'
  data.relations = []
  data.events[0]!.date.edtf = '2015-02-29'
  return data
}

afterEach(() => document.body.replaceChildren())

describe('<diplomatic-timeline locale="fr"> with data that has problems', () => {
  it('lists the schema\'s problems in French, while its validation gives them in English', async () => {
    const el = await mount(schemaProblems(), 'fr')
    expect((await el.validation).map((p) => p.message)).toEqual([
      'missing required field "kind" in actors[1] "russia"',
      'unknown field "titel": did you mean "title"? (allowed: id, title, summary, kind, category, status, certainty, date, participants, location, fatalities, codes, evidence, tags, emphasis, or a custom field starting with "x-")',
      'invalid status "planed" (expected one of occurred, ongoing, planned, postponed, cancelled): did you mean "planned"?',
    ])
    await expect.poll(() => listed(el, french)).toEqual([
      'champ obligatoire "kind" absent de actors[1] "russia"',
      'champ inconnu "titel" : vouliez-vous dire "title" ? (champs permis : id, title, summary, kind, category, status, certainty, date, participants, location, fatalities, codes, evidence, tags, emphasis, ou un champ personnalisé commençant par "x-")',
      'status non valide : "planed" (valeurs possibles : occurred, ongoing, planned, postponed, cancelled) ; vouliez-vous dire "planned" ?',
    ])
    expect(text(el.shadowRoot!.querySelector('[part="error"] strong'))).toBe('Les données de la frise fournies par la propriété data présentent 3 problèmes')
  })

  it('lists a duplicate id and a date that cannot be in French, while its validation gives them in English', async () => {
    const el = await mount(integrityProblems(), 'fr')
    expect((await el.validation).map((p) => p.message)).toEqual([
      'invalid EDTF date "2015-02-29": there is no day 29 in that month',
      'duplicate event id "convoy-attack" (already used by events[0])',
    ])
    await expect.poll(() => listed(el, french)).toEqual([
      'date EDTF non valide "2015-02-29" : ce mois n’a pas de jour 29',
      'identifiant d’événement "convoy-attack" en double (déjà pris par events[0])',
    ])
  })

  it('says the problems again in the new language when the locale changes, and in English for a language it has no words for', async () => {
    const el = await mount(integrityProblems(), 'fr')
    await expect.poll(() => listed(el, french)[1]).toBe('identifiant d’événement "convoy-attack" en double (déjà pris par events[0])')
    el.locale = 'es'
    await expect.poll(() => listed(el, /^línea \d+, columna \d+: /)).toEqual([
      'fecha EDTF no válida "2015-02-29": ese mes no tiene día 29',
      'identificador de evento "convoy-attack" repetido (ya lo usa events[0])',
    ])
    el.locale = 'de'
    await expect.poll(() => listed(el, /^line \d+, column \d+: /)).toEqual([
      'invalid EDTF date "2015-02-29": there is no day 29 in that month',
      'duplicate event id "convoy-attack" (already used by events[0])',
    ])
  })
})
