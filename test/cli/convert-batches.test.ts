import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { convertAcledInBatches } from '../../src/cli/convert-batches.ts'
import { readFile as readFormat } from '../../src/formats/registry.ts'

const fixture = new URL('../../../shared/fixtures/acled/acled-export-2010-12-31.csv', import.meta.url)
const header = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags'

/** An ACLED row; its notes run over two lines, as some do, so that rows and lines part ways. */
const row = (i: number, date = `2016-09-${String(1 + (i % 28)).padStart(2, '0')}`) =>
  `SYR${i},${date},2016,1,Political violence,Battles,Armed clash,Military Forces of Syria (2000-),,State forces,Opposition Rebels (Syria),,Rebel groups,State forces-Rebel groups,,760,Middle East,Syria,Aleppo,Jebel Saman,,Aleppo,36.2021,37.1343,1,SANA; Reuters,National-International,"Clashes in Aleppo, row ${i}.\nA second line of notes ${'x'.repeat(400)}.",${i % 7},`

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dt-batches-'))
})

describe('an ACLED export converted to JSON in batches', () => {
  it('writes the dataset the whole-file reader makes, over several batches', async () => {
    const text = `${header}\n${Array.from({ length: 4000 }, (_, i) => row(i)).join('\n')}\n`
    await writeFile(join(dir, 'many.csv'), text)
    const report = await convertAcledInBatches(join(dir, 'many.csv'), join(dir, 'many.json'), 'many.csv')
    expect(report).toMatchObject({ events: 4000, problems: [] })
    const whole = await readFormat({ bytes: new TextEncoder().encode(text), name: 'many.csv' })
    expect(whole.ok).toBe(true)
    expect(JSON.parse(await readFile(join(dir, 'many.json'), 'utf8'))).toEqual(whole.dataset)
    expect(report.notes).toEqual(whole.notes)
  })

  it.skipIf(!existsSync(fixture))('reads the real export the same way', async () => {
    const report = await convertAcledInBatches(fixture.pathname, join(dir, 'fixture.json'), 'acled.csv')
    const whole = await readFormat({ bytes: await readFile(fixture), name: 'acled.csv' })
    expect(report.problems).toEqual([])
    expect(JSON.parse(await readFile(join(dir, 'fixture.json'), 'utf8'))).toEqual(whole.dataset)
  })

  it('points at a problem\'s row, column and line in a later batch, and leaves OUT as it was', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => row(i, i === 3500 ? '31 Febtember 2016' : undefined))
    await writeFile(join(dir, 'bad.csv'), `${header}\n${rows.join('\n')}\n`)
    await writeFile(join(dir, 'bad.json'), 'as it was')
    const report = await convertAcledInBatches(join(dir, 'bad.csv'), join(dir, 'bad.json'), 'bad.csv')
    expect(report.events).toBe(0)
    // Row 3,502 of the spreadsheet (the header is row 1) starts on line 1 + 2 × 3,500 + 1.
    expect(report.problems.map((p) => [p.line, p.column, p.message.slice(0, p.message.indexOf(':'))])).toEqual([[7002, 9, 'row 3502, column event_date']])
    expect(await readFile(join(dir, 'bad.json'), 'utf8')).toBe('as it was')
    expect((await readdir(dir)).filter((name) => name.includes('.partial-'))).toEqual([])
  })

  it('refuses a file that is not an ACLED export, or not UTF-8, saying why', async () => {
    await writeFile(join(dir, 'other.csv'), 'date,title\n2016-09-19,A\n')
    const other = await convertAcledInBatches(join(dir, 'other.csv'), join(dir, 'other.json'), 'other.csv')
    expect(other.problems[0]!.message).toMatch(/^row 1: not an ACLED export: the header lacks event_id_cnty, event_date, event_type, actor1/)
    expect(existsSync(join(dir, 'other.json'))).toBe(false)
    await writeFile(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0x41, 0xe9, 0x42])]))
    await expect(convertAcledInBatches(join(dir, 'latin1.csv'), join(dir, 'latin1.json'), 'latin1.csv')).rejects.toThrow('are not UTF-8 text')
    expect(existsSync(join(dir, 'latin1.json'))).toBe(false)
  })
})
