import { afterEach, describe, expect, it } from 'vitest'
import '../../components/diplomatic-timeline.ts'
import type { DiplomaticTimeline } from '../../components/diplomatic-timeline.ts'
import type { EventDataset } from '../../src/model/index.ts'
import syria from '../../data/syria-truce-2016-09.json'
import { mountTimeline as mount } from './mount.ts'

const root = (el: DiplomaticTimeline) => el.shadowRoot!
/** Text with its runs of spaces (Intl's no-break and thin ones too) as one plain space. */
const text = (node: Node | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim()
const shownLine = (el: DiplomaticTimeline) => text(root(el).querySelector('.shown [aria-live]'))
const search = (el: DiplomaticTimeline) => root(el).querySelector<HTMLInputElement>('input[type="search"]')!
const panel = (el: DiplomaticTimeline) => root(el).querySelector<HTMLElement>('[part="details"]')
const closeButton = (el: DiplomaticTimeline) => panel(el)!.querySelector<HTMLButtonElement>('button.close')!
const chip = (el: DiplomaticTimeline, facet: string, value: string) => root(el).querySelector<HTMLButtonElement>(`.chip[data-facet="${facet}"][data-value="${value}"]`)!
const mark = (el: DiplomaticTimeline, id: string) => root(el).querySelector(`svg.plot [data-event-id="${id}"]`)
/** The details panel's definition list as { term: description }. */
const fields = (el: DiplomaticTimeline) => {
  const out: Record<string, string | undefined> = {}
  for (const dt of panel(el)?.querySelectorAll('dt') ?? []) out[text(dt)!] = text(dt.nextElementSibling)
  return out
}
const headers = (el: DiplomaticTimeline) => [...root(el).querySelectorAll('table[part="list"] th')].map((th) => text(th))
/** Clicks the toolbar button that reads `label`. */
const press = async (el: DiplomaticTimeline, label: string) => {
  ;[...root(el).querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => text(b) === label)!.click()
  await el.updateComplete
}
const convoy = syria.events.find((e) => e.id === 'convoy-attack')!

afterEach(() => document.body.replaceChildren())

describe('<diplomatic-timeline locale="fr">', () => {
  it('says every word in French: the search box, the count, the chips, the marks and the "as of" line', async () => {
    const el = await mount(syria, { locale: 'fr' })
    expect(search(el).placeholder).toBe('Rechercher des événements')
    expect(search(el).getAttribute('aria-label')).toBe('Rechercher dans les événements et les citations')
    expect(shownLine(el)).toBe('20 événements affichés sur 20')
    expect(text(root(el).querySelector('.shown .window'))).toMatch(/^· \d+ août – \d+ sept\. 2016$/)
    expect(text(chip(el, 'status', 'planned'))).toBe('prévu1')
    expect(root(el).querySelector('.chip[data-facet="status"]')!.parentElement!.getAttribute('aria-label')).toBe('statut')
    expect(mark(el, 'convoy-attack')?.getAttribute('aria-label')).toBe(`19 sept. 2016 — ${convoy.title} — survenu — attribution contestée`)
    expect(text(root(el).querySelector('.as-of text'))).toBe('au 20 sept. 2016')
    expect(root(el).querySelector('svg.plot')!.getAttribute('aria-label')).toMatch(/^Frise de 20 événements\. Les flèches/)
    expect([...root(el).querySelectorAll('.legend li')].map((li) => text(li))).toContain('un jour')
    chip(el, 'status', 'planned').click()
    await el.updateComplete
    expect(shownLine(el)).toBe('1 événement affiché sur 20')
  })

  it('names the details\' fields in French and writes the date with French months', async () => {
    const el = await mount(syria, { locale: 'fr', selected: 'convoy-attack' })
    expect(panel(el)!.getAttribute('aria-label')).toBe('Détails de l’événement')
    expect(fields(el)).toEqual({
      Date: '« Monday » → 19 sept. 2016 (précision au jour)',
      Statut: 'survenu',
      Certitude: 'rapporté',
      Acteurs: expect.stringMatching(/\(auteur, présumé\)/),
      Lieu: 'Syria',
      Morts: 'environ 20 (civils)',
    })
    el.selected = 'coalition-air-strike'
    await el.updateComplete
    expect(fields(el).Date).toBe('« weekend » → 17 ou 18 sept. 2016 (précision au jour, un jour de la période)')
    expect(text(panel(el)!.querySelector('h4'))).toBe('Événements liés')
  })

  it('heads the list view\'s columns in French and dates its rows with French months', async () => {
    const el = await mount(syria, { locale: 'fr' })
    await press(el, 'Liste')
    expect(headers(el)).toEqual(['Date', 'Événement', 'Statut', 'Certitude'])
    expect(text(root(el).querySelector('table[part="list"] caption'))).toBe('Événements dans l’ordre chronologique')
    const row = root(el).querySelector('tr[data-event-id="convoy-attack"]')!
    expect([...row.querySelectorAll('td')].map((td) => text(td))).toEqual(['19 sept. 2016', convoy.title, 'survenu', 'rapporté, attribution contestée'])
  })

  it('follows a change of locale at once', async () => {
    const el = await mount(syria, { locale: 'fr' })
    el.locale = 'es'
    // The Spanish catalogue is fetched first.
    await expect.poll(() => search(el).placeholder).toBe('Buscar eventos')
    expect(shownLine(el)).toBe('20 de 20 eventos mostrados')
    expect(mark(el, 'convoy-attack')?.getAttribute('aria-label')).toMatch(/^19 sept 2016 — /)
  })
})

describe('<diplomatic-timeline locale="ar" dir="rtl">', () => {
  it('says every word in Arabic, the count line as one sentence', async () => {
    const el = await mount(syria, { locale: 'ar', dir: 'rtl', selected: 'convoy-attack' })
    expect(getComputedStyle(el).direction).toBe('rtl')
    await expect.poll(() => search(el).placeholder).toBe('البحث في الأحداث')
    // One message, its numbers inside it: not "of 20 events shown" with the count put beside it.
    const line = root(el).querySelector('.shown [aria-live]')!
    expect(line.childElementCount).toBe(0)
    expect(text(line)).toBe('يُعرض 20 من أصل 20 حدثًا')
    expect(Object.keys(fields(el))).toEqual(['التاريخ', 'الحالة', 'درجة اليقين', 'الأطراف', 'المكان', 'القتلى'])
    expect(fields(el)['التاريخ']).toBe('«Monday» ← 19 سبتمبر 2016 (بدقة اليوم)')
    expect(text(closeButton(el))).toBe('إغلاق')
    chip(el, 'status', 'planned').click()
    await el.updateComplete
    expect(text(line)).toBe('يُعرض 1 من أصل 20 حدثًا')
  })
})

describe('<diplomatic-timeline locale="ru">', () => {
  /** The Syria events and one more (21), with 1 planned, 2 cancelled and 5 postponed. */
  const twentyOne = () => {
    const data = structuredClone(syria) as unknown as EventDataset
    data.events.push({ ...structuredClone(data.events.at(-1)!), id: 'one-more' })
    data.events.forEach((e, i) => (e.status = i < 1 ? 'planned' : i < 3 ? 'cancelled' : i < 8 ? 'postponed' : 'occurred'))
    return data
  }

  it('says the count in the plural form of its number: 21, 1, 2 and 5 events', async () => {
    const el = await mount(twentyOne(), { locale: 'ru' })
    expect(shownLine(el)).toBe('Показано 21 событие из 21')
    const only = async (status: string) => {
      for (const value of ['planned', 'cancelled', 'postponed']) if (chip(el, 'status', value).getAttribute('aria-pressed') === 'true') chip(el, 'status', value).click()
      await el.updateComplete
      chip(el, 'status', status).click()
      await el.updateComplete
      return shownLine(el)
    }
    expect(await only('planned')).toBe('Показано 1 событие из 21')
    expect(await only('cancelled')).toBe('Показано 2 события из 21')
    expect(await only('postponed')).toBe('Показано 5 событий из 21')
    expect(root(el).querySelector('svg.plot')!.getAttribute('aria-label')).toMatch(/^Хронология: 5 событий\./)
  })
})

describe('<diplomatic-timeline> strings', () => {
  it('puts a page\'s strings over the catalogue\'s, in English and in another language', async () => {
    const el = await mount(syria)
    el.strings = { searchPlaceholder: 'Search the truce' }
    await el.updateComplete
    expect(search(el).placeholder).toBe('Search the truce')
    expect(shownLine(el)).toBe('20 of 20 events shown')
    el.locale = 'fr'
    await el.updateComplete
    expect(search(el).placeholder).toBe('Search the truce')
    expect(shownLine(el)).toBe('20 événements affichés sur 20')
  })

  it('supplies a language without a catalogue, with dates from Intl', async () => {
    const el = await mount(syria, { locale: 'de', selected: 'convoy-attack' })
    el.strings = { shownCount: '{shown} von {total} Ereignissen angezeigt', date: 'Datum' }
    await el.updateComplete
    expect(shownLine(el)).toBe('20 von 20 Ereignissen angezeigt')
    expect(fields(el).Datum).toBe('“Monday” → 19. Sept. 2016 (day precision)')
    expect(search(el).placeholder).toBe('Search events')
  })
})

describe('<diplomatic-timeline> details close button', () => {
  it('closes the details and clears the selection, as Escape does', async () => {
    const el = await mount(syria, { selected: 'convoy-attack' })
    const fired: Array<{ id: string | null }> = []
    el.addEventListener('timeline-select', (e) => fired.push(e.detail))
    const button = closeButton(el)
    expect(text(button)).toBe('Close')
    expect(button.getAttribute('aria-label')).toBe('Close the details')
    button.click()
    await el.updateComplete
    expect(panel(el)).toBeNull()
    expect(el.selected).toBeNull()
    expect(fired).toEqual([{ id: null }])
  })

  it('names the close button in the page\'s language, its accessible name holding its visible words', async () => {
    for (const [locale, close] of [['fr', 'Fermer'], ['ru', 'Закрыть'], ['es', 'Cerrar'], ['ar', 'إغلاق']] as const) {
      const el = await mount(syria, { locale, selected: 'convoy-attack' })
      expect(text(closeButton(el))).toBe(close)
      expect(closeButton(el).getAttribute('aria-label')).toContain(close)
      el.remove()
    }
  })
})

describe('<diplomatic-timeline locale="fr"> load errors', () => {
  const alertTitle = (el: DiplomaticTimeline) => text(root(el).querySelector('[role="alert"] strong'))
  const reasons = (el: DiplomaticTimeline) => [...root(el).querySelectorAll('[role="alert"] li')].map((li) => text(li))
  const given = (props: Partial<Pick<DiplomaticTimeline, 'src' | 'data'>>) => {
    const el = document.createElement('diplomatic-timeline')
    el.setAttribute('locale', 'fr')
    Object.assign(el, props)
    document.body.append(el)
    return el
  }

  it('titles a missing file\'s alert in French, says what the server answered, and re-words both when the locale changes', async () => {
    const el = given({ src: '/data/no-such-file.json' })
    await expect.poll(() => alertTitle(el)).toBe('Impossible de charger /data/no-such-file.json')
    // What the server answered, in French too (the dev server answers a 404, or its HTML page).
    expect(reasons(el)).toEqual([expect.stringMatching(/^le serveur a (répondu 404|envoyé une page web au lieu de JSON ; le chemin est-il le bon \?)/)])
    el.locale = 'en'
    await el.updateComplete
    expect(alertTitle(el)).toBe('Could not load /data/no-such-file.json')
    expect(reasons(el)).toEqual([expect.stringMatching(/^the server (answered 404|sent a web page instead of JSON; is the path right\?)/)])
  })

  it('says in French why no answer came, while validation says it in English', async () => {
    // Port 9 (discard) refuses the connection, and Chromium refuses the port anyway: no response at all.
    const url = 'http://127.0.0.1:9/x.json'
    const el = given({ src: url })
    await expect.poll(() => alertTitle(el)).toBe(`Impossible de charger ${url}`)
    expect(reasons(el)).toEqual([expect.stringMatching(/^aucune réponse n’a pu être lue \(.+\) ; l’adresse est-elle juste, le serveur est-il en marche, et autorise-t-il cette page à lire le fichier \(CORS\) \?$/)])
    expect((await el.validation).map((p) => p.message)).toEqual([expect.stringMatching(/^no answer could be read \(.+\); is the address right/)])
  })

  it('counts the problems of the data property in French', async () => {
    const data = structuredClone(syria) as unknown as EventDataset
    ;(data.events[0] as { status: string }).status = 'planed'
    const el = given({ data })
    await expect.poll(() => alertTitle(el)).toBe('Les données de la frise fournies par la propriété data présentent un problème')
    // The problem itself in French too, once the French problem words have arrived.
    await expect.poll(() => reasons(el)).toEqual([expect.stringMatching(/^ligne \d+, colonne \d+ : status non valide/)])
  })
})
