import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFormat } from '../../src/formats/registry.ts'
import { validateDataset } from '../../src/validate/index.ts'
import { button, cleanUp, downloadsDuring, freshKey, mount, notice, noticeList, originalText, pick, previewMark, problemsListed, root, typeOver } from '../editor/editor-page.ts'

let key = ''
beforeEach(() => void (key = freshKey()))
afterEach(cleanUp)

describe('<diplomatic-timeline-editor> opening files', () => {
  it('opens a JSON file from the picker as written, and refuses a file it cannot read', async () => {
    const el = await mount(key)
    const original = await originalText()
    pick(el, new File(['\u0089PNG...'], 'photo.png', { type: 'image/png' }))
    await expect.poll(() => notice(el)).toContain('photo.png is not a JSON file')
    expect(el.text).toBe(original)
    pick(el, new File(['{"schemaVersion": "1.0"}'], 'other.json', { type: 'application/json' }))
    await expect.poll(() => el.text).toBe('{"schemaVersion": "1.0"}')
    expect(root(el).querySelector('.toolbar .name')?.textContent).toBe('other.json')
    button(el, 'Undo').click()
    expect(el.text).toBe(original)
  })

  it('opens a JSON file dropped on the text', async () => {
    const el = await mount(key)
    const transfer = new DataTransfer()
    transfer.items.add(new File(['{"dropped": true}'], 'dropped.json', { type: 'application/json' }))
    const pane = root(el).querySelector<HTMLElement>('section[aria-label="JSON text"]')!
    pane.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    pane.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    await expect.poll(() => el.text).toBe('{"dropped": true}')
  })

  it('refuses a huge file with a clear message', async () => {
    const el = await mount(key)
    await el.openFile(new File([new Uint8Array(21 * 1024 * 1024)], 'huge.json'))
    expect(notice(el)).toContain('huge.json is 21 MB; the editor opens files up to 20 MB')
    expect(el.text).toBe(await originalText())
  })

  it('converts an Arrow file into the dataset\'s JSON under a .json name', async () => {
    const el = await mount(key)
    const dataset = validateDataset(await originalText()).dataset!
    const bytes = (await writeFormat(dataset, 'arrow')) as Uint8Array
    await el.openFile(new File([bytes as BlobPart], 'syria.arrow', { type: 'application/vnd.apache.arrow.file' }))
    const data = JSON.parse(el.text)
    expect(data.events.map((e: { id: string }) => e.id).sort()).toEqual(dataset.events.map((e) => e.id).sort())
    expect(el.text.startsWith('{\n  "')).toBe(true)
    expect(root(el).querySelector('.toolbar .name')?.textContent).toBe('syria.json')
    expect(notice(el)).toContain('Converted syria.arrow (Apache Arrow IPC) into syria.json')
    await expect.poll(() => previewMark(el, 'convoy-attack')).toBeTruthy()
  })

  it('converts a CSV file, lists what was converted and the problems at their row and column, and lints them in the JSON', async () => {
    const el = await mount(key)
    const csv = 'id,date,title\nmeeting-1,2016-09-19,Kerry meets Lavrov\nbad-date,2016-02-30,Broken day\n'
    await el.openFile(new File([csv], 'events.csv', { type: 'text/csv' }))
    expect(JSON.parse(el.text).events.map((e: { id: string }) => e.id)).toEqual(['meeting-1', 'bad-date'])
    expect(root(el).querySelector('.toolbar .name')?.textContent).toBe('events.json')
    expect(notice(el)).toContain('Converted events.csv (CSV (spreadsheet)) into events.json, with 1 problem in the source file')
    expect(noticeList(el, 'What was converted').length).toBeGreaterThan(0)
    const [problem, ...others] = noticeList(el, 'Problems in the source file')
    expect(others).toEqual([])
    expect(problem).toMatch(/^row 3, column date: .*"2016-02-30".* \(line 3, column 10 of events\.csv\)$/)
    // The editor's own lint finds the bad date in the JSON, at its line there.
    await expect.poll(() => problemsListed(el).join('\n')).toContain('"2016-02-30"')
    expect(problemsListed(el)[0]).toMatch(new RegExp(`^line ${el.text.split('\n').findIndex((l) => l.includes('2016-02-30')) + 1}, column`))
  })

  it('says why a file in a known format cannot be read, and changes nothing', async () => {
    const el = await mount(key)
    const bytes = new Uint8Array([...new TextEncoder().encode('ARROW1'), 0, 0, 1, 2, 3, 4, 5, 6, 7, 8])
    await el.openFile(new File([bytes], 'broken.arrow'))
    expect(notice(el)).toMatch(/^Could not open broken\.arrow as Apache Arrow IPC: cannot read the file as Apache Arrow IPC: .+\. Nothing was changed\./)
    expect(root(el).querySelector('.notice')?.getAttribute('role')).toBe('alert')
    expect(el.text).toBe(await originalText())
  })
})

describe('<diplomatic-timeline-editor> saving', () => {
  it('saves through the file picker, and keeps the draft when saving fails', async () => {
    const el = await mount(key)
    const written: string[] = []
    const w = window as unknown as { showSaveFilePicker?: unknown }
    const saved = w.showSaveFilePicker
    try {
      w.showSaveFilePicker = async () => ({ name: 'saved.json', createWritable: async () => ({ write: async (t: string) => void written.push(t), close: async () => {} }) })
      button(el, 'Save').click()
      await expect.poll(() => written).toEqual([el.text])
      await expect.poll(() => notice(el)).toContain('Saved saved.json')
      w.showSaveFilePicker = async () => {
        throw new Error('the disk is full')
      }
      button(el, 'Save').click()
      await expect.poll(() => notice(el)).toContain('Could not save saved.json: the disk is full. Your draft is kept')
    } finally {
      w.showSaveFilePicker = saved
    }
  })

  it('saves as a download where the browser has no file picker', async () => {
    const el = await mount(key)
    const clicked = await downloadsDuring(async () => {
      button(el, 'Save').click()
      await expect.poll(() => notice(el)).toContain('Saved syria-truce-2016-09.json')
    })
    expect(clicked.map((c) => c.download)).toEqual(['syria-truce-2016-09.json'])
    expect(await (await fetch(clicked[0]!.href)).text()).toBe(el.text)
  })

  it('saves a valid dataset as CSV, saying what CSV leaves out', async () => {
    const el = await mount(key)
    const menu = root(el).querySelector<HTMLSelectElement>('select[aria-label="Save as another format"]')!
    await expect.poll(() => menu.disabled).toBe(false)
    expect([...menu.options].map((o) => o.value)).toEqual(expect.arrayContaining(['json', 'arrow', 'csv']))
    const clicked = await downloadsDuring(async () => {
      menu.value = 'csv'
      menu.dispatchEvent(new Event('change'))
      await expect.poll(() => notice(el)).toContain('Saved syria-truce-2016-09.csv (CSV (spreadsheet))')
    })
    expect(clicked.map((c) => c.download)).toEqual(['syria-truce-2016-09.csv'])
    const csv = await (await fetch(clicked[0]!.href)).text()
    expect(csv.split('\r\n')[0]).toMatch(/^id,title,/)
    expect(csv).toContain('convoy-attack')
    expect(noticeList(el, 'What CSV (spreadsheet) leaves out').length).toBeGreaterThan(0)
    expect(menu.value).toBe('')
  })

  it('offers Save as only while the text is valid', async () => {
    const el = await mount(key)
    const menu = () => root(el).querySelector<HTMLSelectElement>('select[aria-label="Save as another format"]')!
    await expect.poll(() => menu().disabled).toBe(false)
    await typeOver(el, '"occurred"', '"occured"', '"id": "convoy-attack"')
    await expect.poll(() => menu().disabled).toBe(true)
    button(el, 'Undo').click()
    await expect.poll(() => menu().disabled).toBe(false)
  })
})
