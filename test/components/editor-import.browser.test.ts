import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DiplomaticTimelineEditor } from '../../components/diplomatic-timeline-editor.ts'
import { button, cleanUp, freshKey, mount, notice, noticeList, originalText, previewMark, root, typeText } from '../editor/editor-page.ts'

let key = ''
beforeEach(() => void (key = freshKey()))
afterEach(cleanUp)

const csvFile = (text: string, name: string) => new File([text], name, { type: 'text/csv' })
const mappingForm = (el: DiplomaticTimelineEditor) => root(el).querySelector<HTMLFormElement>('form.csv-mapping')
/** The form's list for a field, found by its label as a user finds it. */
const columnFor = (el: DiplomaticTimelineEditor, field: string) =>
  [...root(el).querySelectorAll<HTMLSelectElement>('form.csv-mapping select')].find((s) => s.labels?.[0]?.textContent === field)!
const chosen = (el: DiplomaticTimelineEditor) =>
  Object.fromEntries([...root(el).querySelectorAll<HTMLSelectElement>('form.csv-mapping select')].filter((s) => s.value).map((s) => [s.labels?.[0]?.textContent, s.value]))
function choose(el: DiplomaticTimelineEditor, field: string, column: string) {
  const select = columnFor(el, field)
  select.value = column
  select.dispatchEvent(new Event('change', { bubbles: true }))
}
const events = (el: DiplomaticTimelineEditor) => JSON.parse(el.text).events as Array<Record<string, unknown>>
const fileName = (el: DiplomaticTimelineEditor) => root(el).querySelector('.toolbar .name')?.textContent

describe('<diplomatic-timeline-editor> choosing the columns of a CSV', () => {
  const desk = 'When,What,Who,Desk\n2016-09-19,Convoy attacked,Russia,Aleppo desk\n'

  it('shows the column the reader chose for each field, each list under its label', async () => {
    const el = await mount(key)
    await el.openFile(csvFile(desk, 'desk.csv'))
    expect(notice(el)).toContain('Converted desk.csv (CSV (spreadsheet)) into desk.json')
    expect(chosen(el)).toEqual({ date: 'When', title: 'What', actors: 'Who' })
    const fields = [...mappingForm(el)!.querySelectorAll('label')].map((l) => l.textContent)
    expect(fields).toEqual(['date', 'end', 'title', 'summary', 'actors', 'category', 'kind', 'status', 'certainty', 'location', 'latitude', 'longitude', 'fatalities', 'tags', 'id'])
    expect([...columnFor(el, 'summary').options].map((o) => o.textContent)).toEqual(['— none —', 'When', 'What', 'Who', 'Desk'])
  })

  it('converts the CSV again with the columns chosen, as one step to undo', async () => {
    const el = await mount(key)
    await el.openFile(csvFile(desk, 'desk.csv'))
    const first = el.text
    expect(events(el)[0]!['x-csv']).toEqual({ Desk: 'Aleppo desk' })
    choose(el, 'summary', 'Desk')
    button(el, 'Convert again').click()
    await expect.poll(() => el.text).toContain('"summary": "Aleppo desk"')
    expect(events(el)[0]!['x-csv']).toBeUndefined()
    expect(noticeList(el, 'What was converted')[0]).toContain('summary ← Desk')
    expect(chosen(el)).toEqual({ date: 'When', title: 'What', summary: 'Desk', actors: 'Who' })
    expect(fileName(el)).toBe('desk.json')
    // Undo goes back to the first conversion, and the form stays to try again.
    button(el, 'Undo').click()
    expect(el.text).toBe(first)
    expect(mappingForm(el)).not.toBeNull()
  })

  it('reads a field from no column when none is chosen, even one under its usual name', async () => {
    const el = await mount(key)
    await el.openFile(csvFile(desk, 'desk.csv'))
    choose(el, 'actors', '')
    button(el, 'Convert again').click()
    await expect.poll(() => events(el)[0]!['x-csv']).toEqual({ Who: 'Russia', Desk: 'Aleppo desk' })
    expect(events(el)[0]!.participants).toBeUndefined()
    expect(columnFor(el, 'actors').value).toBe('')
    expect(noticeList(el, 'Problems in the source file')).toEqual([])
    expect(root(el).querySelector('.notice')?.classList.contains('info')).toBe(true)
  })

  it('lets the user name the date and title columns of a CSV the reader found none in', async () => {
    const el = await mount(key)
    await el.openFile(csvFile('A,B\n2016-09-19,Convoy attacked\n', 'ab.csv'))
    expect(notice(el)).toContain('ab.csv has no column for the events\' date or title under a name the CSV reader knows: choose them below, then Convert again. Nothing was changed.')
    expect(root(el).querySelector('.notice')?.getAttribute('role')).toBe('alert')
    expect(el.text).toBe(await originalText())
    expect(chosen(el)).toEqual({})
    choose(el, 'date', 'A')
    choose(el, 'title', 'B')
    button(el, 'Convert again').click()
    await expect.poll(() => fileName(el)).toBe('ab.json')
    expect(events(el)).toEqual([expect.objectContaining({ id: 'convoy-attacked', title: 'Convoy attacked', date: { edtf: '2016-09-19' } })])
    expect(notice(el)).toMatch(/^Converted ab\.csv \(CSV \(spreadsheet\)\) into ab\.json\. Undo goes back/)
    expect(noticeList(el, 'Problems in the source file')).toEqual([])
    expect(chosen(el)).toEqual({ date: 'A', title: 'B' })
    await expect.poll(() => previewMark(el, 'convoy-attacked')).toBeTruthy()
  })

  it('lets the form go, with the file, once the user edits the text or opens another file', async () => {
    const el = await mount(key)
    await el.openFile(csvFile(desk, 'desk.csv'))
    typeText(el, '{}')
    await expect.poll(() => mappingForm(el)).toBeNull()
    expect(notice(el)).toContain('Converted desk.csv')
    await el.openFile(csvFile(desk, 'desk.csv'))
    expect(mappingForm(el)).not.toBeNull()
    await el.openFile(new File(['{"schemaVersion": "1.0"}'], 'other.json', { type: 'application/json' }))
    expect(mappingForm(el)).toBeNull()
  })

  it('does not put a conversion still under way over a file opened meanwhile', async () => {
    const el = await mount(key)
    await el.openFile(csvFile(desk, 'desk.csv'))
    choose(el, 'summary', 'Desk')
    button(el, 'Convert again').click()
    await el.openFile(new File(['{"schemaVersion": "1.0"}'], 'other.json', { type: 'application/json' }))
    // Long enough for the conversion to end: nothing shows it ended when it is rightly left out.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(el.text).toBe('{"schemaVersion": "1.0"}')
    expect(notice(el)).toContain('Opened other.json')
  })

  it('fits its lists in a phone\'s width', async () => {
    const el = await mount(key, { width: '375px' })
    await el.openFile(csvFile(desk, 'desk.csv'))
    const form = mappingForm(el)!
    expect(form.scrollWidth).toBeLessThanOrEqual(form.clientWidth)
    for (const select of form.querySelectorAll('select')) expect(select.getBoundingClientRect().right).toBeLessThanOrEqual(form.getBoundingClientRect().right)
  })
})

describe('<diplomatic-timeline-editor> opening other tools\' files', () => {
  const acledHeader = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags'
  const acled = [
    acledHeader,
    'SYR12345,19 September 2016,2016,1,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),,8,Civilians (Syria),,7,78,Civilian targeting,760,Middle East,Syria,Aleppo,Jebel Saman,Urm al-Kubra,Urm al-Kubra,36.1,36.9,1,SANA,National,"Aid convoy hit, 20 killed",20,',
    'SYR12346,31 Febtember 2016,2016,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-),,1,Opposition,,2,12,,760,Middle East,Syria,Aleppo,Jebel Saman,,Aleppo,36.2,37.1,1,SOHR,Other,Clashes,3,',
  ].join('\n')

  it('converts an ACLED export, with its bad date at its row and column, and no columns to choose', async () => {
    const el = await mount(key)
    await el.openFile(csvFile(acled, 'acled.csv'))
    expect(notice(el)).toContain('Converted acled.csv (ACLED export (CSV)) into acled.json, with 1 problem in the source file')
    expect(fileName(el)).toBe('acled.json')
    expect(events(el).map((e) => e.id)).toEqual(['syr12345', 'syr12346'])
    expect(events(el)[0]!.summary).toBe('Aid convoy hit, 20 killed')
    const problems = noticeList(el, 'Problems in the source file')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^row 3, column event_date: .*"31 Febtember 2016".* \(line 3, column 10 of acled\.csv\)$/)
    expect(mappingForm(el)).toBeNull()
  })

  it('converts a TimelineJS3 timeline named .json rather than opening it as a dataset, and draws it', async () => {
    const el = await mount(key)
    const timeline = '{"title":{"text":{"headline":"T"}},"events":[{"start_date":{"year":"2016","month":"9","day":"19"},"text":{"headline":"<b>Convoy</b> attacked","text":"<p>Hit &amp; run</p>"}}]}'
    await el.openFile(new File([timeline], 'timeline.json', { type: 'application/json' }))
    expect(notice(el)).toContain('Converted timeline.json (TimelineJS3 timeline (JSON)) into timeline.json')
    expect(el.text).toContain('"title": "Convoy attacked"')
    expect(el.text).toContain('"summary": "Hit & run"')
    expect(events(el)[0]!.date).toEqual({ edtf: '2016-09-19' })
    await expect.poll(() => previewMark(el, 'convoy-attacked')).toBeTruthy()
    expect(mappingForm(el)).toBeNull()
  })

  it('converts a TimelineJS sheet, with a year that is not a number at its row and column', async () => {
    const el = await mount(key)
    const sheet = [
      'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background',
      '2016,9,19,,,,,,,Convoy attacked,Hit and run,,,,,,,',
      'abc,9,20,,,,,,,Talks resume,In Geneva,,,,,,,',
    ].join('\n')
    await el.openFile(csvFile(sheet, 'sheet.csv'))
    expect(notice(el)).toContain('Converted sheet.csv (TimelineJS Google Sheet (CSV)) into sheet.json')
    expect(events(el)[0]).toMatchObject({ title: 'Convoy attacked', date: { edtf: '2016-09-19' } })
    expect(noticeList(el, 'Problems in the source file')).toEqual([expect.stringMatching(/^row 3, column Year: "abc" is not a whole number.* \(line 3, column 1 of sheet\.csv\)$/)])
    expect(mappingForm(el)).toBeNull()
  })
})
